/* model.c -- the loaded guide: finding pages, their text in a language,
   and the section tree their ids make. */
#include "system.h"
#include "model.h"

#include "collate.h"
#include "content.h"

/* bsearch's comparison: a key id against a page. */
static int
compare_id (const void *key, const void *elem)
{
  const struct page *const *page = elem;
  return strcmp (key, (*page)->id);
}

/* Find a page by id: the pages are sorted, so bsearch. */
const struct page *
site_find (const struct site *site, const char *id)
{
  if (!site || !id || site->npages == 0)
    return NULL;
  struct page **found = bsearch (id, site->pages, site->npages,
                                 sizeof *site->pages, compare_id);
  return found ? *found : NULL;
}

/* PAGE with its files read: see model.h. */
const struct page *
page_ready (const struct page *page)
{
  if (page->unread)
    content_page_complete ((struct page *) page);
  return page;
}

/* A page whose every file failed when read lazily: its one text is
   the BROKEN stand-in content_page_complete() made. */
bool
page_broken (const struct page *page)
{
  page_ready (page);
  for (int l = 0; l < LANG_COUNT; l++)
    if (page->text[l] && page->text[l]->broken)
      return true;
  return false;
}

/* The text in LANG, else in the other language. */
const struct page_text *
page_text_in (const struct page *page, enum lang lang, enum lang *got)
{
  page_ready (page);
  if (page->text[lang])
    {
      if (got)
        *got = lang;
      return page->text[lang];
    }
  enum lang other = lang_other (lang);
  if (got)
    *got = other;
  return page->text[other];
}

/* The title in LANG, with page_text_in's fallback. */
const char *
page_title (const struct page *page, enum lang lang)
{
  const struct page_text *text = page_text_in (page, lang, NULL);
  /* The loader keeps no page without a title; the id is a last resort
     for a hand-built model. */
  return text && text->title ? text->title : page->id;
}

/* Is CHILD listed by PARENT (not home): PARENT's id plus "/name"? */
static bool
is_child_of (const char *parent, const char *child)
{
  size_t n = strlen (parent);
  return strncmp (child, parent, n) == 0 && child[n] == '/'
    && child[n + 1] != '\0' && !strchr (child + n + 1, '/');
}

/* A child page with its title in the menu's language. */
struct child
{
  const struct page *page;
  const char *title;
};

/* Menu order: "order", then the title as the menu's language (*LANG)
   sorts it, so that a directory without "order" reads alphabetically
   to a French and to a Vietnamese reader alike; then the id, so that
   the order never depends on qsort's whims. */
static int
compare_children (const void *a, const void *b, void *lang)
{
  const struct child *x = a, *y = b;
  if (x->page->order != y->page->order)
    return x->page->order < y->page->order ? -1 : 1;
  int c = collate_compare (x->title, y->title, *(enum lang *) lang);
  return c ? c : strcmp (x->page->id, y->page->id);
}

/* The pages a section (or home) lists as its buttons, in menu order. */
const struct page **
site_children (const struct site *site, const struct page *parent,
               enum lang lang, size_t *count)
{
  bool is_home = site->home && strcmp (parent->id, site->home) == 0;
  struct child *children = xcalloc (site->npages, sizeof *children);
  size_t n = 0;
  for (size_t i = 0; i < site->npages; i++)
    {
      const struct page *page = site->pages[i];
      bool listed = is_home
        ? page != parent && !strchr (page->id, '/')
        : is_child_of (parent->id, page->id);
      /* A page that cannot be read is no button a visitor should find
         (a full load would have left it out); a link to it says why. */
      if (listed && !page_broken (page))
        {
          children[n].page = page;
          children[n].title = page_title (page, lang);
          n++;
        }
    }
  if (n > 1)
    qsort_r (children, n, sizeof *children, compare_children, &lang);
  const struct page **out = xcalloc (n, sizeof *out);
  for (size_t i = 0; i < n; i++)
    {
      out[i] = children[i].page;
    }
  free (children);
  *count = n;
  return out;
}

/* Where "back up" goes from PAGE. */
const struct page *
site_parent (const struct site *site, const struct page *page)
{
  const struct page *home = site_find (site, site->home);
  if (page == home)
    return NULL;
  /* The nearest ancestor that exists: "a/b/c" without an "a/b" page
     still gets back to "a". */
  char *id = xstrdup (page->id);
  const struct page *parent = NULL;
  char *slash;
  while (!parent && (slash = strrchr (id, '/')) != NULL)
    {
      *slash = '\0';
      parent = site_find (site, id);
    }
  free (id);
  return parent ? parent : home;
}

/* The kind as written in front matter. */
const char *
page_kind_name (enum page_kind kind)
{
  switch (kind)
    {
    case PAGE_KIND_SECTION:
      return "section";
    case PAGE_KIND_ARTISAN:
      return "artisan";
    case PAGE_KIND_EVENT:
      return "event";
    case PAGE_KIND_PAGE:
    default:
      return "page";
    }
}

/* TEXT's body, from memory or from its file: see model.h. */
char *
page_text_body (const struct page_text *text, char **cause)
{
  if (cause)
    *cause = NULL;
  if (text->broken)
    {
      if (cause)
        *cause = xstrdup (text->broken);
      return NULL;
    }
  if (text->body_lazy)
    return content_body_read (text, cause);
  /* A full load keeps every good body; an empty one is "". */
  return text->body ? xstrdup (text->body) : NULL;
}

/* Free one page text. */
void
page_text_free (struct page_text *text)
{
  if (!text)
    return;
  free (text->file);
  free (text->title);
  free (text->summary);
  free (text->craft);
  free (text->place);
  free (text->stand);
  free (text->contact);
  for (size_t i = 0; i < text->nproducts; i++)
    free (text->products[i]);
  free (text->products);
  free (text->body);
  free (text->broken);
  free (text);
}

/* Free a page's unread sources. */
void
page_source_free (struct page_source *source)
{
  if (!source)
    return;
  for (int l = 0; l < LANG_COUNT; l++)
    free (source->file[l]);
  free (source);
}

/* Free the site, its pages and their texts. */
void
site_free (struct site *site)
{
  if (!site)
    return;
  for (size_t i = 0; i < site->npages; i++)
    {
      struct page *page = site->pages[i];
      for (int l = 0; l < LANG_COUNT; l++)
        page_text_free (page->text[l]);
      free (page->id);
      free (page->date);
      free (page->end);
      page_source_free (page->unread);
      free (page);
    }
  free (site->pages);
  for (int l = 0; l < LANG_COUNT; l++)
    free (site->title[l]);
  free (site->dir);
  free (site->home);
  free (site);
}
