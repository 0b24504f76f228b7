/* content.c -- load a content directory: find the page files, read each
   (content-page.c), pair the languages of a page, and check what needs
   every page known: duplicates, missing translations, links, home. */
#include "system.h"
#include "content.h"

#include <dirent.h>
#include <sys/stat.h>

#include "content-private.h"
#include "text.h"

/* Deepest directory the walk enters: a guide needs two or three levels,
   and a bound keeps a symlink-free but absurd tree from recursing on. */
#define CONTENT_MAX_DEPTH 32

/* What a load works on. */
struct loader
{
  struct site *site;
  struct diags *diags;
  struct content_file *files;
  size_t nfiles, cap;
};

/* A, then "/" unless A is empty or ends with one, then B: a path or an
   id.  Not xasprintf: the walk joins a name for every file, and a
   printf costs more than the rest of the walk. */
static char *
path_join (const char *a, const char *b)
{
  size_t n = strlen (a), m = strlen (b);
  bool slash = n > 0 && a[n - 1] != '/';
  char *out = xmalloc (n + slash + m + 1);
  memcpy (out, a, n);
  out[n] = '/';
  memcpy (out + n + slash, b, m + 1);
  return out;
}

/* Does NAME end with SUFFIX? */
static bool
ends_with (const char *name, const char *suffix)
{
  size_t n = strlen (name), m = strlen (suffix);
  return n >= m && strcmp (name + n - m, suffix) == 0;
}

/* Is LANG one of the site's languages? */
static bool
site_has_lang (const struct site *site, enum lang lang)
{
  for (size_t i = 0; i < site->nlanguages; i++)
    if (site->languages[i] == lang)
      return true;
  return false;
}

/* Record the regular file PATH, named NAME in the directory whose id
   prefix is REL (NULL at the top), if it is a page file. */
static void
add_file (struct loader *ld, const char *path, const char *rel,
          const char *name)
{
  if (!ends_with (name, ".md"))
    {
      diags_add (ld->diags, path, 1, DIAG_WARNING, "%s",
                 _("not a page file (ignored): only ID.LANG.md files and site.yaml are read"));
      return;
    }
  size_t n = strlen (name) - 3;
  const char *dot = NULL;
  for (size_t i = n; i-- > 0 && !dot;)
    if (name[i] == '.')
      dot = name + i;
  if (!dot || dot == name)
    {
      diags_add (ld->diags, path, 1, DIAG_WARNING, "%s",
                 _("not a page file: pages are named ID.LANG.md, e.g. home.fr.md (ignored)"));
      return;
    }

  char *code = xstrndup (dot + 1, (size_t) (name + n - dot - 1));
  enum lang lang;
  bool known = lang_parse (code, &lang) && strcmp (code, lang_code (lang)) == 0;
  bool used = known && site_has_lang (ld->site, lang);
  if (!known)
    diags_add (ld->diags, path, 1, DIAG_WARNING,
               _("unknown language '%s' in the file name (use fr or vi; ignored)"),
               code);
  else if (!used)
    diags_add (ld->diags, path, 1, DIAG_WARNING,
               _("language '%s' is not in site.yaml's languages (ignored)"),
               code);
  free (code);
  if (!used)
    return;

  char *base = xstrndup (name, (size_t) (dot - name));
  char *raw = rel ? path_join (rel, base) : xstrdup (base);
  free (base);
  XGROW (ld->files, ld->cap, ld->nfiles + 1);
  struct content_file *f = &ld->files[ld->nfiles++];
  memset (f, 0, sizeof *f);
  f->path = xstrdup (path);
  /* File names reach us as the editor wrote them, NFC or NFD; the id is
     NFC like every other text, so links in either form match. */
  f->id = text_nfc (raw, strlen (raw), NULL);
  f->lang = lang;
  free (raw);
}

/* Names in a directory, sorted so that loads are reproducible. */
static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void walk (struct loader *ld, const char *path, const char *rel,
                  int depth);

/* Look at one directory entry NAME of PATH (id prefix REL). */
static void
walk_entry (struct loader *ld, const char *path, const char *rel,
            const char *name, int depth)
{
  if (name[0] == '.' || name[0] == '_')
    return;
  if (!rel && strcmp (name, "site.yaml") == 0)
    return;
  char *full = path_join (path, name);
  /* A name becomes a page id, printed by --list and in diagnostics: it
     must be text, and one line of it. */
  bool control = false;
  for (const char *p = name; *p; p++)
    control |= (unsigned char) *p < 0x20 || *p == 0x7f;
  if (control || !text_valid_utf8 (name, strlen (name), NULL))
    {
      /* Shown with '?' for its bad bytes: a diagnostic is one line of
         text too. */
      for (char *p = full + strlen (full) - strlen (name); *p; p++)
        if ((unsigned char) *p < 0x20 || (unsigned char) *p >= 0x7f)
          *p = '?';
      diags_add (ld->diags, full, 0, DIAG_ERROR, "%s",
                 _("file name is not valid UTF-8 text (ignored)"));
      free (full);
      return;
    }

  struct stat st;
  if (lstat (full, &st) != 0)
    diags_add (ld->diags, full, 0, DIAG_ERROR, _("cannot read: %s"),
               strerror (errno));
  else if (S_ISLNK (st.st_mode))
    {
      /* Links to files are followed; links to directories are not, so
         the walk can never loop. */
      if (stat (full, &st) != 0)
        {
          /* A loop (a -> b -> a) is no broken link: say which it is. */
          if (errno == ELOOP)
            diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
                       _("symbolic link loop (ignored)"));
          else if (errno == ENOENT || errno == ENOTDIR)
            diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
                       _("broken symbolic link (ignored)"));
          else
            diags_add (ld->diags, full, 0, DIAG_WARNING,
                       _("cannot follow symbolic link: %s (ignored)"),
                       strerror (errno));
        }
      else if (S_ISDIR (st.st_mode))
        diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
                   _("symbolic link to a directory: not followed"));
      else if (S_ISREG (st.st_mode))
        add_file (ld, full, rel, name);
      else
        diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
                   _("not a regular file (ignored)"));
    }
  else if (S_ISDIR (st.st_mode) && ends_with (name, ".md"))
    /* "foo.fr.md/" is a mistake, not a section: its pages would get ids
       like "foo.fr.md/bar". */
    diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
               _("a directory named like a page file: not read (a section's pages go in a directory named after its id)"));
  else if (S_ISDIR (st.st_mode))
    {
      char *sub = rel ? path_join (rel, name) : xstrdup (name);
      if (depth + 1 >= CONTENT_MAX_DEPTH)
        diags_add (ld->diags, full, 0, DIAG_ERROR,
                   _("directories nested more than %d deep: not read"),
                   CONTENT_MAX_DEPTH);
      else
        walk (ld, full, sub, depth + 1);
      free (sub);
    }
  else if (S_ISREG (st.st_mode))
    add_file (ld, full, rel, name);
  else
    diags_add (ld->diags, full, 0, DIAG_WARNING, "%s",
               _("not a regular file (ignored)"));
  free (full);
}

/* Find the page files under PATH, whose id prefix is REL (NULL at the
   top), DEPTH directories below the content directory. */
static void
walk (struct loader *ld, const char *path, const char *rel, int depth)
{
  DIR *d = opendir (path);
  if (!d)
    {
      diags_add (ld->diags, path, 0, DIAG_ERROR, _("cannot read directory: %s"),
                 strerror (errno));
      return;
    }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      XGROW (names, cap, n + 1);
      names[n++] = xstrdup (e->d_name);
    }
  closedir (d);
  if (n > 1)
    qsort (names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n; i++)
    {
      walk_entry (ld, path, rel, names[i], depth);
      free (names[i]);
    }
  free (names);
}

/* Files by id, then language, then path: a page's files side by side. */
static int
compare_files (const void *a, const void *b)
{
  const struct content_file *x = a, *y = b;
  int c = strcmp (x->id, y->id);
  if (c == 0 && x->lang != y->lang)
    c = x->lang < y->lang ? -1 : 1;
  return c ? c : strcmp (x->path, y->path);
}

/* Warn when two files of one page disagree on a page-level field. */
static void
warn_disagree (struct diags *diags, const struct content_file *other,
               unsigned line, const char *field, const char *used_file)
{
  diags_add (diags, other->path, line ? line : 1, DIAG_WARNING,
             _("'%s' differs from %s, whose value is used"), field, used_file);
}

/* The page-level fields of PAGE from its files FILES[0..N): the file in
   MAIN_LANG (the site's default language) wins, the other fills what it
   leaves out; disagreements go to DIAGS. */
static void
merge_fields (struct diags *diags, enum lang main_lang, struct page *page,
              struct content_file **files, size_t n)
{
  struct content_file *main_file = files[0];
  for (size_t i = 0; i < n; i++)
    if (files[i]->lang == main_lang)
      main_file = files[i];
  const struct content_fields *m = &main_file->fields;
  page->kind = m->has_kind ? m->kind : PAGE_KIND_PAGE;
  page->order = m->has_order ? m->order : INT_MAX;
  page->date = m->date ? xstrdup (m->date) : NULL;
  page->end = m->end ? xstrdup (m->end) : NULL;

  for (size_t i = 0; i < n; i++)
    {
      const struct content_file *f = files[i];
      const struct content_fields *o = &f->fields;
      if (f == main_file)
        continue;
      if (o->has_kind && m->has_kind && o->kind != m->kind)
        warn_disagree (diags, f, o->kind_line, "kind", main_file->path);
      else if (o->has_kind && !m->has_kind)
        page->kind = o->kind;
      if (o->has_order && m->has_order && o->order != m->order)
        warn_disagree (diags, f, o->order_line, "order", main_file->path);
      else if (o->has_order && !m->has_order)
        page->order = o->order;
      if (o->date && m->date && strcmp (o->date, m->date) != 0)
        warn_disagree (diags, f, o->date_line, "date", main_file->path);
      else if (o->date && !page->date)
        page->date = xstrdup (o->date);
      if (o->end && m->end && strcmp (o->end, m->end) != 0)
        warn_disagree (diags, f, o->end_line, "end", main_file->path);
      else if (o->end && !page->end)
        page->end = xstrdup (o->end);
    }
}

/* Warn for each site language that PAGE has no file at all in (a file
   that failed has its own error already). */
static void
warn_missing_langs (struct loader *ld, const struct page *page,
                    struct content_file **group, size_t ngroup)
{
  struct content_file *shown = group[0];
  for (size_t i = 0; i < ngroup; i++)
    if (group[i]->lang == ld->site->default_lang)
      shown = group[i];
  for (size_t i = 0; i < ld->site->nlanguages; i++)
    {
      enum lang lang = ld->site->languages[i];
      bool has_file = false;
      for (size_t j = 0; j < ngroup; j++)
        has_file |= group[j]->lang == lang;
      if (!has_file)
        diags_add (ld->diags, shown->path, 1, DIAG_WARNING,
                   _("page '%s' has no %s version (%s.%s.md)"),
                   page->id, lang_code (lang), page->id, lang_code (lang));
    }
}

/* A page for the unread files GROUP[0..N), for page_ready() to read. */
static void
leave_unread (struct page *page, struct content_file **group, size_t n,
              enum lang main_lang)
{
  page->unread = xcalloc (1, sizeof *page->unread);
  page->unread->main_lang = main_lang;
  for (size_t g = 0; g < n; g++)
    page->unread->file[group[g]->lang] = xstrdup (group[g]->path);
}

/* Turn the sorted files into pages, one per id; duplicates are errors
   and the first file (by path) of an id and language is the one kept.
   When LAZY, the files are not read yet: each becomes the page's source
   (page_ready()). */
static void
build_pages (struct loader *ld, bool *kept, bool lazy)
{
  struct site *site = ld->site;
  size_t cap = 0;
  for (size_t i = 0; i < ld->nfiles;)
    {
      size_t j = i;
      while (j < ld->nfiles && strcmp (ld->files[j].id, ld->files[i].id) == 0)
        j++;

      /* The files that make the page: one usable file per language. */
      struct content_file *group[LANG_COUNT];
      struct content_file *all[LANG_COUNT];
      size_t ngroup = 0, nall = 0;
      for (size_t k = i; k < j; k++)
        {
          struct content_file *f = &ld->files[k];
          if (k > i && ld->files[k - 1].lang == f->lang)
            {
              size_t first = k - 1;
              while (first > i && ld->files[first - 1].lang == f->lang)
                first--;
              diags_add (ld->diags, f->path, 1, DIAG_ERROR,
                         _("duplicate page '%s' (%s): already defined by %s"),
                         f->id, lang_code (f->lang), ld->files[first].path);
              continue;
            }
          all[nall++] = f;
          if (f->text || lazy)
            {
              group[ngroup++] = f;
              kept[k] = true;
            }
        }

      if (ngroup > 0)
        {
          struct page *page = xcalloc (1, sizeof *page);
          page->id = xstrdup (ld->files[i].id);
          if (lazy)
            leave_unread (page, group, ngroup, site->default_lang);
          else
            merge_fields (ld->diags, site->default_lang, page, group, ngroup);
          for (size_t g = 0; g < ngroup; g++)
            page->text[group[g]->lang] = group[g]->text;
          warn_missing_langs (ld, page, all, nall);
          XGROW (site->pages, cap, site->npages + 1);
          site->pages[site->npages++] = page;
        }
      i = j;
    }
}

/* Report every internal link of the kept files whose page is missing. */
static void
check_links (struct loader *ld, const bool *kept)
{
  for (size_t i = 0; i < ld->nfiles; i++)
    {
      const struct content_file *f = &ld->files[i];
      for (size_t k = 0; kept[i] && k < f->nlinks; k++)
        {
          const char *target = f->links[k].target;
          size_t len = strlen (target);
          char *id = text_valid_utf8 (target, len, NULL)
            ? text_nfc (target, len, NULL) : xstrdup (target);
          if (!site_find (ld->site, id))
            diags_add (ld->diags, f->path, f->links[k].line, DIAG_ERROR,
                       _("link to a page that does not exist: '%s'"), target);
          free (id);
        }
    }
}

/* Give every language a site title: the other language's (a site's
   name is a name), else the home page's, else the program's name. */
static void
fill_site_titles (struct site *site)
{
  const struct page *home = site_find (site, site->home);
  const char *given = site->title[LANG_FR] ? site->title[LANG_FR]
    : site->title[LANG_VI];
  char *shared = given ? xstrdup (given) : NULL;
  for (int l = 0; l < LANG_COUNT; l++)
    if (!site->title[l])
      site->title[l] = xstrdup (shared ? shared
                                : home ? page_title (home, (enum lang) l)
                                : PACKAGE);
  free (shared);
}

/* How load() treats the bodies. */
enum bodies
{
  BODIES_KEPT,                  /* content_load */
  BODIES_CHECKED,               /* content_load_checked */
  BODIES_LAZY                   /* content_load_lazy */
};

/* Load DIR: site.yaml, every page file (their bodies as HOW says),
   then the checks across pages. */
static struct site *
load (const char *dir, enum bodies how, struct diags *diags)
{
  struct stat st;
  int err = stat (dir, &st) != 0 ? errno : !S_ISDIR (st.st_mode) ? ENOTDIR : 0;
  if (err)
    {
      diags_add (diags, dir, 0, DIAG_ERROR,
                 _("cannot read the content directory: %s"), strerror (err));
      return NULL;
    }

  struct site *site = xcalloc (1, sizeof *site);
  site->dir = xstrdup (dir);
  struct loader ld = { .site = site, .diags = diags };

  char *site_yaml = path_join (dir, "site.yaml");
  unsigned home_line;
  content_site_read (site, site_yaml, &home_line, diags);

  walk (&ld, dir, NULL, 0);
  /* A lazy load reads no file now: page_ready() does, page by page. */
  for (size_t i = 0; how != BODIES_LAZY && i < ld.nfiles; i++)
    {
      ld.files[i].drop_body = how == BODIES_CHECKED;
      content_page_read (&ld.files[i], diags);
    }
  if (ld.nfiles > 1)
    qsort (ld.files, ld.nfiles, sizeof *ld.files, compare_files);

  bool *kept = xcalloc (ld.nfiles, sizeof *kept);
  build_pages (&ld, kept, how == BODIES_LAZY);
  check_links (&ld, kept);

  if (!site_find (site, site->home))
    diags_add (diags, site_yaml, home_line, DIAG_ERROR,
               _("the home page '%s' does not exist"), site->home);
  fill_site_titles (site);

  for (size_t i = 0; i < ld.nfiles; i++)
    {
      /* The kept texts now belong to the site. */
      if (kept[i])
        ld.files[i].text = NULL;
      content_page_clear (&ld.files[i]);
      free (ld.files[i].path);
      free (ld.files[i].id);
    }
  free (ld.files);
  free (kept);
  free (site_yaml);
  return site;
}

/* Load DIR with every body checked: see content.h. */
struct site *
content_load (const char *dir, struct diags *diags)
{
  return load (dir, BODIES_KEPT, diags);
}

/* Load DIR with every body checked, then left in its file: see
   content.h. */
struct site *
content_load_checked (const char *dir, struct diags *diags)
{
  return load (dir, BODIES_CHECKED, diags);
}

/* Load DIR leaving the bodies in their files: see content.h. */
struct site *
content_load_lazy (const char *dir, struct diags *diags)
{
  return load (dir, BODIES_LAZY, diags);
}

/* Read a lazily loaded page's files now: see content.h. */
void
content_page_complete (struct page *page)
{
  struct page_source *source = page->unread;
  struct diags diags = DIAGS_INIT;
  struct content_file files[LANG_COUNT];
  struct content_file *group[LANG_COUNT];
  size_t ngroup = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      files[l] = (struct content_file) {
        .path = source->file[l], .id = page->id, .lang = (enum lang) l,
        .lazy = true
      };
      if (!source->file[l])
        continue;
      content_page_read (&files[l], &diags);
      if (files[l].text)
        group[ngroup++] = &files[l];
    }

  if (ngroup > 0)
    {
      merge_fields (&diags, source->main_lang, page, group, ngroup);
      for (size_t g = 0; g < ngroup; g++)
        {
          page->text[group[g]->lang] = group[g]->text;
          group[g]->text = NULL;
        }
    }
  else
    {
      /* Every file failed.  The page stays (a link may lead to it), as
         its id and why it cannot be shown. */
      enum lang lang = source->file[source->main_lang]
        ? source->main_lang : lang_other (source->main_lang);
      struct page_text *text = xcalloc (1, sizeof *text);
      text->file = xstrdup (source->file[lang]);
      text->title = xstrdup (page->id);
      text->lang = lang;
      text->broken = content_diags_cause (&diags, text->file);
      page->kind = PAGE_KIND_PAGE;
      page->order = INT_MAX;
      page->text[lang] = text;
    }

  for (int l = 0; l < LANG_COUNT; l++)
    content_page_clear (&files[l]);
  diags_free (&diags);
  page_source_free (source);
  page->unread = NULL;
}
