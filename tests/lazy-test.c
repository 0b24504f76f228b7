/* lazy-test.c -- a site loaded lazily (the screen's content_load_lazy,
   the reload's content_load_checked) shows every page exactly as a full
   load (--dump's and --check's) does; the screen's load reads a page's
   files only when the page is asked for; and a page or body found bad
   only then, or whose file changed or went away, shows why in its place
   instead of crashing. */
#include "system.h"

#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "content.h"
#include "layout.h"
#include "model.h"
#include "search.h"
#include "scratch.h"

/* What --dump prints for LAYOUT, with each span's style and link, so
   that two layouts compare in full: one malloc'd string. */
static char *
render (const struct layout *lay)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  if (!out)
    exit (99);
  fprintf (out, "lang %d fallback %d blocks %u\n", (int) lay->lang,
           (int) lay->fallback, lay->nblocks);
  for (size_t i = 0; i < lay->nlines; i++)
    {
      const struct layout_line *line = &lay->lines[i];
      fprintf (out, "%s|%d|%u", line->text, line->width, line->block);
      for (size_t k = 0; k < line->nspans; k++)
        fprintf (out, " %zu+%zu:%u:%d", line->spans[k].start,
                 line->spans[k].len, line->spans[k].style, line->spans[k].link);
      fputc ('\n', out);
    }
  for (size_t k = 0; k < lay->nlinks; k++)
    fprintf (out, "link %s %d %zu-%zu\n", lay->links[k].target,
             (int) lay->links[k].internal, lay->links[k].first_line,
             lay->links[k].last_line);
  fclose (out);
  return buf;
}

/* PAGE of SITE laid out in LANG at WIDTH, rendered. */
static char *
laid_out (const struct site *site, const struct page *page, enum lang lang,
          int width)
{
  lang_use_for_messages (lang);
  struct layout *lay = layout_page (site, page, lang, width);
  char *s = render (lay);
  layout_free (lay);
  return s;
}

/* Does the layout of PAGE in LANG, wide enough for a long notice to
   stay on one line, contain NEEDLE? */
static bool
shows (const struct site *site, const char *id, enum lang lang,
       const char *needle)
{
  const struct page *page = site_find (site, id);
  if (!page)
    return false;
  char *s = laid_out (site, page, lang, 400);
  bool found = strstr (s, needle) != NULL;
  free (s);
  return found;
}

/* Every page of DIR, in both languages, at three widths: the lazy
   load lays out what the full load lays out, byte for byte, and gives
   the search index the same body.  Returns how many layouts matched. */
static size_t
compare_loads (const char *dir)
{
  struct diags full_d = DIAGS_INIT, lazy_d = DIAGS_INIT, checked_d = DIAGS_INIT;
  struct site *full = content_load (dir, &full_d);
  struct site *lazy = content_load_lazy (dir, &lazy_d);
  struct site *checked = content_load_checked (dir, &checked_d);
  static const int widths[] = { 20, 41, 80 };
  size_t same = 0;
  CHECK (full && lazy && checked);
  if (!full || !lazy || !checked)
    return 0;
  /* A checked load diagnoses exactly what a full load does. */
  CHECK (checked_d.count == full_d.count && checked_d.errors == full_d.errors);
  for (size_t i = 0; i < full_d.count && i < checked_d.count; i++)
    {
      CHECK_STR (checked_d.items[i].message, full_d.items[i].message);
      CHECK (checked_d.items[i].line == full_d.items[i].line);
    }
  CHECK (checked->npages == full->npages);
  /* A lazy load finds what the full one finds in front matter, no more. */
  CHECK (lazy_d.errors <= full_d.errors);
  CHECK (lazy->npages >= full->npages);
  for (size_t i = 0; i < full->npages; i++)
    {
      const struct page *a = full->pages[i];
      const struct page *b = site_find (lazy, a->id);
      CHECK (b != NULL);
      if (!b)
        continue;
      /* Read (now, or when a list showed it) to the same page-level
         fields. */
      page_ready (b);
      CHECK (b->unread == NULL && !page_broken (b));
      CHECK (b->kind == a->kind && b->order == a->order);
      CHECK_STR (b->date ? b->date : "-", a->date ? a->date : "-");
      CHECK_STR (b->end ? b->end : "-", a->end ? a->end : "-");
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const struct page_text *ta = a->text[l], *tb = b->text[l];
          if (!ta)
            continue;       /* a bad body: see test_bad_body */
          CHECK (tb && tb->body_lazy && !tb->body && !ta->body_lazy);
          if (!tb)
            continue;
          const struct page *c = site_find (checked, a->id);
          const struct page_text *tc = c ? c->text[l] : NULL;
          CHECK (tc && tc->body_lazy && !tc->body);
          char *ba = page_text_body (ta, NULL), *cause;
          char *bb = page_text_body (tb, &cause);
          CHECK (cause == NULL);
          CHECK_STR (bb, ba ? ba : "(null)");
          char *bc = tc ? page_text_body (tc, NULL) : NULL;
          CHECK_STR (bc, ba ? ba : "(null)");
          free (ba);
          free (bb);
          free (bc);
          free (cause);
          /* A page whose body is bad is left out of a full load, but
             not of a lazy one: the lists of child pages differ. */
          bool lists = a->kind == PAGE_KIND_SECTION
            || strcmp (a->id, full->home) == 0;
          if (lists && lazy->npages != full->npages)
            continue;
          for (size_t w = 0; w < ARRAY_SIZE (widths); w++)
            {
              char *x = laid_out (full, a, (enum lang) l, widths[w]);
              char *y = laid_out (lazy, b, (enum lang) l, widths[w]);
              char *z = c ? laid_out (checked, c, (enum lang) l, widths[w])
                : NULL;
              CHECK_STR (y, x);
              CHECK_STR (z, x);
              same += strcmp (x, y) == 0;
              free (x);
              free (y);
              free (z);
            }
        }
    }
  site_free (full);
  site_free (lazy);
  site_free (checked);
  diags_free (&full_d);
  diags_free (&lazy_d);
  diags_free (&checked_d);
  return same;
}

/* The bundled guide and the test fixtures, good and bad. */
static void
test_same_as_full (void)
{
  const char *srcdir = getenv ("srcdir");
  const char *dirs[] = { "content", "tests/fixtures/good", "tests/fixtures/bad",
                         "tests/fixtures/site" };
  size_t total = 0;
  for (size_t i = 0; i < ARRAY_SIZE (dirs); i++)
    {
      char *dir = xasprintf ("%s/%s", srcdir ? srcdir : ".", dirs[i]);
      size_t same = compare_loads (dir);
      /* Each tree has pages: a comparison of nothing proves nothing. */
      CHECK (same > 0);
      total += same;
      free (dir);
    }
  /* The guide alone has 35 pages in two languages, at 3 widths. */
  CHECK (total >= 35 * 2 * 3);
}

/* A body whose trouble the byte checks cannot see (an entity that
   decodes to a control character, a noncharacter) keeps the page out of
   a full load; a lazy load shows the page with the reason, file and
   line, where the body would be. */
static void
test_bad_body (void)
{
  scratch_put ("site.yaml", "languages: [fr, vi]\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\nBonjour !\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\nXin chào\n");
  scratch_put ("esc.fr.md", "---\ntitle: Échappement\nsummary: Résumé\n---\n\nUn\n\n"
               "efface &#27;[2J l'écran\n");
  scratch_put ("nonchar.vi.md", "---\ntitle: Không phải ký tự\n---\n&#xFFFF;\n");

  struct diags d = DIAGS_INIT;
  struct site *full = content_load (scratch, &d);
  CHECK (d.errors == 2);
  CHECK (full && !site_find (full, "esc") && !site_find (full, "nonchar"));
  site_free (full);
  diags_free (&d);

  struct site *lazy = content_load_lazy (scratch, &d);
  CHECK (lazy && d.errors == 0);
  if (!lazy)
    return;
  /* Title and summary are good and shown; the body is not. */
  CHECK (shows (lazy, "esc", LANG_FR, "Échappement"));
  CHECK (shows (lazy, "esc", LANG_FR, "Résumé"));
  char *want = xasprintf ("The text of this page cannot be shown: %s/esc.fr.md:8: "
                          "control character U+001B", scratch);
  CHECK (shows (lazy, "esc", LANG_FR, want));
  free (want);
  CHECK (!shows (lazy, "esc", LANG_FR, "Un|"));
  want = xasprintf ("%s/nonchar.vi.md:4: noncharacter U+FFFF", scratch);
  CHECK (shows (lazy, "nonchar", LANG_VI, want));
  free (want);
  /* The search index gets no body, and no reason either. */
  const struct page_text *t = site_find (lazy, "esc")->text[LANG_FR];
  char *cause;
  CHECK (page_text_body (t, &cause) == NULL && cause != NULL);
  free (cause);
  CHECK (page_text_body (t, NULL) == NULL);
  /* The good page next to them is untouched. */
  CHECK (shows (lazy, "home", LANG_FR, "Bonjour"));
  site_free (lazy);
  diags_free (&d);
  scratch_drop ("esc.fr.md");
  scratch_drop ("nonchar.vi.md");
}

/* A file that changed or went away after a lazy load: its body is
   read as the file now is, or the page says why it cannot be. */
static void
test_changed_files (void)
{
  scratch_put ("page.fr.md", "---\ntitle: Avant\n---\nPremier texte.\n");
  scratch_put ("page.vi.md", "---\ntitle: Trước\n---\nVăn bản đầu.\n");
  struct diags d = DIAGS_INIT;
  struct site *lazy = content_load_lazy (scratch, &d);
  CHECK (lazy && d.errors == 0);
  if (!lazy)
    return;
  CHECK (shows (lazy, "page", LANG_FR, "Premier texte."));

  /* Edited: the new body, under the title loaded before. */
  scratch_put ("page.fr.md", "---\ntitle: Après\nsummary: plus long\n---\n\nSecond texte !\n");
  CHECK (shows (lazy, "page", LANG_FR, "Second texte\xe2\x80\xaf!"));
  CHECK (shows (lazy, "page", LANG_FR, "Avant"));

  /* Its front matter gone: the reason, on its line. */
  scratch_put ("page.fr.md", "Plus de front matter.\n");
  char *want = xasprintf ("cannot be shown: %s/page.fr.md:1: missing front matter",
                          scratch);
  CHECK (shows (lazy, "page", LANG_FR, want));
  free (want);

  /* Bad bytes now. */
  scratch_put ("page.fr.md", "---\ntitle: Avant\n---\nun octet \377 ici\n");
  want = xasprintf ("%s/page.fr.md:4: invalid or overlong UTF-8 (byte 0xFF)",
                    scratch);
  CHECK (shows (lazy, "page", LANG_FR, want));
  free (want);

  /* Removed. */
  scratch_drop ("page.vi.md");
  want = xasprintf ("cannot be shown: %s/page.vi.md: cannot read: %s", scratch,
                    strerror (ENOENT));
  CHECK (shows (lazy, "page", LANG_VI, want));
  free (want);
  CHECK (shows (lazy, "page", LANG_VI, "Trước"));

  /* Made a directory: refused, not read. */
  char *path = xasprintf ("%s/page.vi.md", scratch);
  CHECK (mkdir (path, 0700) == 0);
  want = xasprintf ("%s/page.vi.md: cannot read: %s", scratch, strerror (EISDIR));
  CHECK (shows (lazy, "page", LANG_VI, want));
  free (want);
  rmdir (path);
  free (path);

  site_free (lazy);
  diags_free (&d);
  scratch_drop ("page.fr.md");
}

/* The screen's load reads no page file until the page is asked for:
   a file edited after start-up shows as it now is, the first time; the
   menu order and kind come from the front matter read then; a page
   none of whose files can be read is left out of menus and search, and
   a link to it shows its id and why. */
static void
test_front_matter_on_demand (void)
{
  scratch_put ("site.yaml", "languages: [fr, vi]\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\nVoir [la page cassée](s/b).\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\nXin chào\n");
  char *dir = xasprintf ("%s/s", scratch);
  CHECK (mkdir (dir, 0700) == 0);
  scratch_put ("s.fr.md", "---\ntitle: Rubrique\nkind: section\n---\n");
  scratch_put ("s/a.fr.md", "---\ntitle: Alpha\norder: 2\n---\nTexte A.\n");
  scratch_put ("s/b.fr.md", "---\ntitle: Bêta\norder: 1\n---\nTexte B.\n");
  scratch_put ("s/c.vi.md", "---\ntitle: Xê\norder: 3\n---\nVăn bản C.\n");

  struct diags d = DIAGS_INIT;
  struct site *lazy = content_load_lazy (scratch, &d);
  CHECK (lazy && d.errors == 0);
  if (!lazy)
    goto out;
  /* Start-up read the home page only (for the site's title); home's
     screen reads the pages it lists, not theirs. */
  CHECK (site_find (lazy, "home")->unread == NULL);
  CHECK (site_find (lazy, "s")->unread && site_find (lazy, "s/a")->unread);
  CHECK (shows (lazy, "home", LANG_FR, "Rubrique"));
  CHECK (site_find (lazy, "s")->unread == NULL);
  CHECK (site_find (lazy, "s/a")->unread != NULL);

  /* Edited and broken after start-up, before anyone opened them. */
  scratch_put ("s/a.fr.md", "---\ntitle: Alpha modifié\norder: 4\n---\nTexte A.\n");
  scratch_put ("s/b.fr.md", "---\ntitle: [Bêta\n---\nTexte B.\n");
  size_t n;
  const struct page *s_page = site_find (lazy, "s");
  const struct page **kids = site_children (lazy, s_page, LANG_FR, &n);
  CHECK (n == 2);
  if (n == 2)
    {
      CHECK_STR (kids[0]->id, "s/c");
      CHECK_STR (page_title (kids[1], LANG_FR), "Alpha modifié");
    }
  free (kids);
  CHECK (s_page->kind == PAGE_KIND_SECTION);
  CHECK (shows (lazy, "s", LANG_FR, "Alpha modifié"));
  CHECK (!shows (lazy, "s", LANG_FR, "Bêta"));

  /* The broken page, reached by its link: its id, and why. */
  const struct page *b = site_find (lazy, "s/b");
  CHECK (b && page_broken (b));
  CHECK (shows (lazy, "s/b", LANG_FR, "\ns/b|"));
  char *want = xasprintf ("The text of this page cannot be shown: %s/s/b.fr.md:2: ",
                          scratch);
  CHECK (shows (lazy, "s/b", LANG_FR, want));
  free (want);
  CHECK (shows (lazy, "s/b", LANG_VI, "s/b.fr.md:2: "));

  /* Search reads every page, and finds the good ones only. */
  struct search_index *index = search_index_new (lazy);
  struct search_hit *hits;
  size_t nhits = search_run (index, "texte", LANG_FR, &hits);
  CHECK (nhits == 1 && strcmp (hits[0].page->id, "s/a") == 0);
  search_hits_free (hits, nhits);
  CHECK (search_run (index, "s b", LANG_FR, &hits) == 0);
  search_index_free (index);

  /* A full load (--check) sees the error at once, and so the link to
     a page it cannot keep. */
  site_free (lazy);
  diags_free (&d);
  struct site *full = content_load (scratch, &d);
  CHECK (full && d.errors == 2 && !site_find (full, "s/b"));
  site_free (full);
out:
  diags_free (&d);
  scratch_drop ("s/a.fr.md");
  scratch_drop ("s/b.fr.md");
  scratch_drop ("s/c.vi.md");
  scratch_drop ("s.fr.md");
  rmdir (dir);
  free (dir);
}

/* Bodies nested too deep are laid flat lazily too, and shown. */
static void
test_deep_body (void)
{
  char deep[256] = "---\ntitle: Profond\n---\n";
  for (int i = 0; i < 12; i++)
    strcat (deep, "> ");
  strcat (deep, "tout au fond !\n");
  scratch_put ("deep.fr.md", deep);
  scratch_put ("deep.vi.md", "---\ntitle: Sâu\n---\n- a\n");
  struct diags d = DIAGS_INIT;
  struct site *full = content_load (scratch, &d);
  struct site *lazy = content_load_lazy (scratch, &d);
  CHECK (full && lazy);
  if (full && lazy)
    {
      char *x = laid_out (full, site_find (full, "deep"), LANG_FR, 60);
      char *y = laid_out (lazy, site_find (lazy, "deep"), LANG_FR, 60);
      CHECK_STR (y, x);
      CHECK (strstr (y, "tout au fond\xe2\x80\xaf!") != NULL);
      free (x);
      free (y);
    }
  site_free (full);
  site_free (lazy);
  diags_free (&d);
  scratch_drop ("deep.fr.md");
  scratch_drop ("deep.vi.md");
}

int
main (void)
{
  scratch_make ("lazy-test");
  test_same_as_full ();
  test_bad_body ();
  test_changed_files ();
  test_deep_body ();
  test_front_matter_on_demand ();
  scratch_drop ("home.fr.md");
  scratch_drop ("home.vi.md");
  scratch_drop ("site.yaml");
  rmdir (scratch);
  return check_finish ();
}
