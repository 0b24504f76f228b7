/* model-test.c -- the model's queries on a site built by hand: finding
   pages, falling back to the other language, menus and parents. */
#include "system.h"

#include "check.h"
#include "model.h"

/* A page text with TITLE, or NULL when TITLE is NULL. */
static struct page_text *
text_new (const char *title)
{
  if (!title)
    return NULL;
  struct page_text *t = xcalloc (1, sizeof *t);
  t->title = xstrdup (title);
  t->body = xstrdup ("");
  t->file = xstrdup ("test");
  return t;
}

/* Add a page to SITE (pages must come in strcmp order of id). */
static void
add_page (struct site *site, size_t *cap, const char *id, int order,
          const char *fr, const char *vi)
{
  struct page *p = xcalloc (1, sizeof *p);
  p->id = xstrdup (id);
  p->order = order;
  p->text[LANG_FR] = text_new (fr);
  p->text[LANG_VI] = text_new (vi);
  XGROW (site->pages, *cap, site->npages + 1);
  site->pages[site->npages++] = p;
}

/* The ids of PAGES[0..N) joined by spaces, for one comparison. */
static char *
ids (const struct page **pages, size_t n)
{
  char *out = xstrdup ("");
  for (size_t i = 0; i < n; i++)
    {
      char *next = xasprintf ("%s%s%s", out, i ? " " : "", pages[i]->id);
      free (out);
      out = next;
    }
  return out;
}

/* The ids of PARENT's children in LANG. */
static char *
children_of (const struct site *site, const char *parent, enum lang lang)
{
  size_t n;
  const struct page **kids = site_children (site, site_find (site, parent),
                                            lang, &n);
  char *out = ids (kids, n);
  free (kids);
  return out;
}

int
main (void)
{
  struct site *site = xcalloc (1, sizeof *site);
  size_t cap = 0;
  site->home = xstrdup ("home");
  site->default_lang = LANG_FR;
  /* In strcmp order, as the loader leaves them. */
  add_page (site, &cap, "artisans", 2, "Artisans", "Nghệ nhân");
  add_page (site, &cap, "artisans/broderie", INT_MAX, "Broderie", "Thêu");
  add_page (site, &cap, "artisans/bronze", INT_MAX, "Bronze de Phường Đúc", "Đúc đồng");
  add_page (site, &cap, "artisans/non-la", 1, "Chapeaux coniques", "Nón lá");
  add_page (site, &cap, "artisans/non-la/atelier", INT_MAX, "Atelier", NULL);
  add_page (site, &cap, "artisans/x/y", INT_MAX, "Orpheline", "Mồ côi");
  add_page (site, &cap, "home", INT_MAX, "Accueil", "Trang chủ");
  add_page (site, &cap, "hue", 1, "Hué", "Huế");
  add_page (site, &cap, "metiers", INT_MAX, "Métiers", "Nghề");
  add_page (site, &cap, "metiers/a", INT_MAX, "côte", "Đúc đồng");
  add_page (site, &cap, "metiers/b", INT_MAX, "coté", "Dzung");
  add_page (site, &cap, "metiers/c", INT_MAX, "cote", "Dương");
  add_page (site, &cap, "pratique", INT_MAX, NULL, "Thông tin");
  add_page (site, &cap, "Édition", INT_MAX, "Édition", "Ấn bản");

  /* site_find: every id, and nothing else. */
  for (size_t i = 0; i < site->npages; i++)
    CHECK (site_find (site, site->pages[i]->id) == site->pages[i]);
  CHECK (site_find (site, "artisans/") == NULL);
  CHECK (site_find (site, "") == NULL);
  CHECK (site_find (site, "zzz") == NULL);
  CHECK (site_find (site, "Artisans") == NULL);

  /* Fallback: a page without French shows its Vietnamese. */
  const struct page *pratique = site_find (site, "pratique");
  enum lang got = LANG_FR;
  const struct page_text *t = page_text_in (pratique, LANG_FR, &got);
  CHECK (t == pratique->text[LANG_VI]);
  CHECK (got == LANG_VI);
  CHECK_STR (page_title (pratique, LANG_FR), "Thông tin");
  t = page_text_in (pratique, LANG_VI, &got);
  CHECK (got == LANG_VI);
  const struct page *hue = site_find (site, "hue");
  CHECK_STR (page_title (hue, LANG_FR), "Hué");
  CHECK_STR (page_title (hue, LANG_VI), "Huế");
  CHECK (page_text_in (hue, LANG_VI, NULL) == hue->text[LANG_VI]);

  /* Home lists the top-level pages but itself: order first (hue and
     artisans have one), then title. */
  char *s = children_of (site, "home", LANG_FR);
  CHECK_STR (s, "hue artisans Édition metiers pratique");
  free (s);
  /* Vietnamese order: "Ấn bản" sorts under A, before "Nghề" and
     "Thông tin". */
  s = children_of (site, "home", LANG_VI);
  CHECK_STR (s, "hue artisans Édition metiers pratique");
  free (s);

  /* A section lists its direct children only (not the grandchild
     "artisans/non-la/atelier"): ordered pages first, then by title. */
  s = children_of (site, "artisans", LANG_FR);
  CHECK_STR (s, "artisans/non-la artisans/broderie artisans/bronze");
  free (s);
  /* "Thêu" folds to "theu", after "Đúc đồng" ("duc dong"). */
  s = children_of (site, "artisans", LANG_VI);
  CHECK_STR (s, "artisans/non-la artisans/bronze artisans/broderie");
  free (s);
  /* Without "order", a directory reads as each language sorts: French
     compares accents from the start of the word (cote < coté < côte),
     Vietnamese puts D before Đ whatever follows (Dương < Dzung < Đúc),
     where folding alone would give "duc" < "duong" < "dzung". */
  s = children_of (site, "metiers", LANG_FR);
  CHECK_STR (s, "metiers/c metiers/b metiers/a");
  free (s);
  s = children_of (site, "metiers", LANG_VI);
  CHECK_STR (s, "metiers/c metiers/b metiers/a");
  free (s);
  s = children_of (site, "hue", LANG_FR);
  CHECK_STR (s, "");
  free (s);

  /* Parents: the nearest page above, home for the top level. */
  CHECK (site_parent (site, site_find (site, "home")) == NULL);
  CHECK (site_parent (site, hue) == site_find (site, "home"));
  CHECK (site_parent (site, site_find (site, "artisans/non-la/atelier"))
         == site_find (site, "artisans/non-la"));
  CHECK (site_parent (site, site_find (site, "artisans/x/y"))
         == site_find (site, "artisans"));

  CHECK_STR (page_kind_name (PAGE_KIND_PAGE), "page");
  CHECK_STR (page_kind_name (PAGE_KIND_SECTION), "section");
  CHECK_STR (page_kind_name (PAGE_KIND_ARTISAN), "artisan");
  CHECK_STR (page_kind_name (PAGE_KIND_EVENT), "event");

  site_free (site);
  return check_finish ();
}
