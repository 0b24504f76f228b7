/* content-test.c -- what the loader puts in the model: site settings,
   fields, French typography in text but never in code or addresses,
   NFD files equal to NFC ones, and the fields two languages share. */
#include "system.h"

#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "content.h"
#include "model.h"
#include "scratch.h"
#include "strbuf.h"

#define NNBSP "\xe2\x80\xaf"    /* U+202F, in UTF-8 */

/* Does HAYSTACK contain NEEDLE? */
static bool
has (const char *haystack, const char *needle)
{
  return haystack && strstr (haystack, needle) != NULL;
}

/* The good fixtures, as --check reads them. */
static void
test_fixtures (void)
{
  const char *srcdir = getenv ("srcdir");
  char *dir = xasprintf ("%s/tests/fixtures/good", srcdir ? srcdir : ".");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (dir, &d);
  CHECK (site != NULL);
  CHECK (d.count == 0);
  if (!site)
    return;

  CHECK_STR (site->title[LANG_FR], "Hué · Cergy");
  CHECK_STR (site->title[LANG_VI], "Huế · Cergy");
  CHECK (site->nlanguages == 2);
  CHECK (site->default_lang == LANG_FR);
  CHECK_STR (site->home, "home");
  CHECK (site->idle_seconds == 90);
  CHECK (site->npages == 6);

  const struct page *hue = site_find (site, "hue");
  CHECK (hue && hue->kind == PAGE_KIND_PAGE && hue->order == 1);
  const struct page_text *fr = hue ? hue->text[LANG_FR] : NULL;
  CHECK (fr != NULL);
  if (fr)
    {
      /* A folded YAML scalar becomes one line, without its newline. */
      CHECK_STR (fr->summary, "Une ville au bord de la rivière des Parfums.");
      CHECK (fr->body_line == 8);
      CHECK (has (fr->body, "«" NNBSP "impériale" NNBSP "»" NNBSP ":"));
      /* Code and addresses keep their characters. */
      CHECK (has (fr->body, "`a?b`"));
      CHECK (has (fr->body, "contact@cergy.example"));
      CHECK (has (fr->body, "[la citadelle](#citadelle)"));
    }

  const struct page *home = site_find (site, "home");
  fr = home ? home->text[LANG_FR] : NULL;
  CHECK (home && home->kind == PAGE_KIND_SECTION && home->order == INT_MAX);
  CHECK (fr && has (fr->body, "Bienvenue" NNBSP));
  CHECK (fr && has (fr->body, "https://www.cergy.fr/?page=hue"));
  /* Vietnamese gets no French spacing. */
  CHECK (home && has (home->text[LANG_VI]->body, "Chào mừng!"));

  const struct page *hat = site_find (site, "artisans/non-la");
  CHECK (hat && hat->kind == PAGE_KIND_ARTISAN);
  fr = hat ? hat->text[LANG_FR] : NULL;
  if (fr)
    {
      CHECK_STR (fr->craft, "Chapellerie");
      CHECK_STR (fr->place, "Hué");
      CHECK_STR (fr->stand, "A3");
      CHECK (fr->nproducts == 2);
      CHECK_STR (fr->products[1], "Nón bài thơ");
      CHECK_STR (fr->contact, "https://example.org/?q=non-la");
    }
  const struct page_text *vi = hat ? hat->text[LANG_VI] : NULL;
  CHECK (vi && vi->nproducts == 2 && vi->contact == NULL);

  const struct page *ev = site_find (site, "evenements/delegation-2023");
  CHECK (ev && ev->kind == PAGE_KIND_EVENT);
  CHECK_STR (ev ? ev->date : NULL, "2023-11-20");
  CHECK_STR (ev ? ev->end : NULL, "2023-11-24");

  CHECK (site_find (site, "_templates/artisan") == NULL);
  site_free (site);
  diags_free (&d);
  free (dir);
}

/* An NFD file loads exactly like its NFC twin: title, fields, body. */
static void
test_nfd (void)
{
  scratch_put ("site.yaml", "languages: [fr, vi]\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\n[a](nfc) [b](nfd)\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\n[a](nfc) [b](nfd)\n");
  const char *fr_nfc = "---\ntitle: « Hué » !\nsummary: Thừa Thiên Huế\n---\n"
    "# Đúc đồng\n\nCafé « Huế » : [ici](home).\n";
  const char *fr_nfd = "---\ntitle: « Hue\xcc\x81 » !\nsummary: Thu\xcc\x80\xcc\x9b"
    "a Thie\xcc\x82n Hue\xcc\x82\xcc\x81\n---\n"
    "# \xc4\x90u\xcc\x81\x63 \xc4\x91o\xcc\x82\xcc\x80ng\n\nCafe\xcc\x81 « Hue\xcc\x82\xcc\x81 » : [ici](home).\n";
  scratch_put ("nfc.fr.md", fr_nfc);
  scratch_put ("nfd.fr.md", fr_nfd);
  scratch_put ("nfc.vi.md", "---\ntitle: Huế\n---\nTiếng Việt\n");
  scratch_put ("nfd.vi.md", "---\ntitle: Hue\xcc\x82\xcc\x81\n---\nTie\xcc\x82\xcc\x81ng Vie\xcc\x82\xcc\xa3t\n");

  struct diags d = DIAGS_INIT;
  struct site *site = content_load (scratch, &d);
  CHECK (d.count == 0);
  const struct page *a = site_find (site, "nfc"), *b = site_find (site, "nfd");
  CHECK (a && b);
  for (int l = 0; a && b && l < LANG_COUNT; l++)
    {
      CHECK_STR (b->text[l]->title, a->text[l]->title);
      CHECK_STR (b->text[l]->body, a->text[l]->body);
    }
  if (a && b)
    {
      CHECK_STR (a->text[LANG_FR]->title, "«" NNBSP "Hué" NNBSP "»" NNBSP "!");
      CHECK_STR (b->text[LANG_FR]->summary, a->text[LANG_FR]->summary);
      CHECK_STR (b->text[LANG_VI]->title, "Huế");
    }
  site_free (site);
  diags_free (&d);
  scratch_clear ();
}

/* No site.yaml: defaults and a warning.  CRLF line ends and a byte
   order mark are read as editors mean them. */
static void
test_defaults (void)
{
  scratch_put ("home.fr.md", "\xef\xbb\xbf---\r\ntitle: Accueil\r\norder: 2\r\n---\r\nTexte.\r\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\nkind: section\norder: 2\n---\n");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (scratch, &d);
  CHECK (d.errors == 0 && d.warnings == 1);
  CHECK (site && site->idle_seconds == 120 && site->nlanguages == 2);
  CHECK_STR (site ? site->home : NULL, "home");
  /* The title falls back to the home page's. */
  CHECK_STR (site ? site->title[LANG_VI] : NULL, "Trang chủ");
  const struct page *home = site_find (site, "home");
  CHECK_STR (home ? home->text[LANG_FR]->title : NULL, "Accueil");
  CHECK (home && home->text[LANG_FR]->body_line == 5);
  /* Kind given only in Vietnamese is the page's kind. */
  CHECK (home && home->kind == PAGE_KIND_SECTION && home->order == 2);
  site_free (site);
  diags_free (&d);
  scratch_clear ();
}

/* A Vietnamese-only site: French files are ignored (with a warning),
   and the default language follows the languages. */
static void
test_one_language (void)
{
  scratch_put ("site.yaml", "title: Huế\nlanguages: [vi]\nhome: start\n");
  scratch_put ("start.vi.md", "---\ntitle: Bắt đầu\n---\n");
  scratch_put ("start.fr.md", "---\ntitle: Début\n---\n");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (scratch, &d);
  CHECK (d.errors == 0 && d.warnings == 1);
  CHECK (site && site->default_lang == LANG_VI && site->nlanguages == 1);
  CHECK_STR (site ? site->title[LANG_FR] : NULL, "Huế");
  const struct page *start = site_find (site, "start");
  CHECK (start && start->text[LANG_FR] == NULL);
  CHECK_STR (start ? page_title (start, LANG_FR) : NULL, "Bắt đầu");
  site_free (site);
  diags_free (&d);
  scratch_clear ();
}

/* Is there a diagnostic of SEVERITY on FILE's LINE (FILE relative to
   the scratch directory) whose message contains WORDS? */
static bool
has_diag (const struct diags *d, const char *file, unsigned line,
          enum diag_severity severity, const char *words)
{
  char *path = xasprintf ("%s/%s", scratch, file);
  bool found = false;
  for (size_t i = 0; i < d->count; i++)
    found |= strcmp (d->items[i].file, path) == 0 && d->items[i].line == line
      && d->items[i].severity == severity && has (d->items[i].message, words);
  free (path);
  return found;
}

/* A wrong site.yaml: each problem on its line, and defaults instead. */
static void
test_bad_site (void)
{
  scratch_put ("site.yaml",
               "title: [a, b]\n"
               "languages: [vi, de, vi]\n"
               "default_language: fr\n"
               "idle_seconds: soon\n"
               "home: start\n");
  scratch_put ("start.vi.md", "---\ntitle: Bắt đầu\n---\n");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (scratch, &d);
  CHECK (has_diag (&d, "site.yaml", 1, DIAG_ERROR, "title"));
  CHECK (has_diag (&d, "site.yaml", 2, DIAG_ERROR, "'de'"));
  CHECK (has_diag (&d, "site.yaml", 2, DIAG_WARNING, "twice"));
  CHECK (has_diag (&d, "site.yaml", 3, DIAG_ERROR, "default_language"));
  CHECK (has_diag (&d, "site.yaml", 4, DIAG_ERROR, "idle_seconds"));
  CHECK (d.errors == 4 && d.warnings == 1);
  CHECK (site && site->nlanguages == 1 && site->default_lang == LANG_VI);
  CHECK (site && site->idle_seconds == 120);
  CHECK (site_find (site, "start") != NULL);
  site_free (site);
  diags_free (&d);
  scratch_clear ();

  /* Broken YAML: libyaml's reason, on the file's line. */
  scratch_put ("site.yaml", "# comment\nhome: home\ntitle: {fr: x\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\n");
  site = content_load (scratch, &d);
  CHECK (d.errors == 1 && d.count == 1);
  /* libyaml finds it at the end of the text: the last line. */
  CHECK (has_diag (&d, "site.yaml", 3, DIAG_ERROR, "did not find expected"));
  CHECK (site && site->npages == 1);
  site_free (site);
  diags_free (&d);
  scratch_clear ();
}

/* The number of "> " that start LINE. */
static int
quote_depth (const char *line)
{
  int d = 0;
  while (line[0] == '>' && line[1] == ' ')
    {
      d++;
      line += 2;
    }
  return d;
}

/* Bodies nested past CONTENT_MAX_NESTING are kept flat below it, with
   one warning on the line where it starts, and no text lost; repeated
   front-matter keys are each an error on their line, however many. */
static void
test_deep_and_repeated (void)
{
  scratch_put ("site.yaml", "title: T\nlanguages: [fr, vi]\nhome: home\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang\n---\n");
  struct strbuf deep = STRBUF_INIT;
  strbuf_adds (&deep, "---\ntitle: Profond\n---\nun\n\n");
  for (int i = 0; i < 1000; i++)
    strbuf_adds (&deep, ">");
  strbuf_adds (&deep, " deux\ntrois\n\n- quatre\n  - cinq\n");
  scratch_put ("deep.fr.md", deep.s);
  scratch_put ("deep.vi.md", deep.s);
  strbuf_free (&deep);
  scratch_put ("keys.vi.md", "---\ntitle: K\na: 1\nb: 2\na: 3\nc: 4\nb: 5\na: 6\n---\n");

  struct diags d = DIAGS_INIT;
  struct site *site = content_load (scratch, &d);
  CHECK (has_diag (&d, "deep.fr.md", 6, DIAG_WARNING, "nested more than 8 deep"));
  CHECK (has_diag (&d, "deep.vi.md", 6, DIAG_WARNING, "nested more than 8 deep"));
  CHECK (has_diag (&d, "keys.vi.md", 5, DIAG_ERROR, "'a' is given twice"));
  CHECK (has_diag (&d, "keys.vi.md", 7, DIAG_ERROR, "'b' is given twice"));
  CHECK (has_diag (&d, "keys.vi.md", 8, DIAG_ERROR, "'a' is given twice"));
  CHECK (d.errors == 3);
  const struct page *p = site_find (site, "deep");
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const char *body = p && p->text[l] ? p->text[l]->body : NULL;
      CHECK (body != NULL);
      if (!body)
        continue;
      /* Every word, in order, and no line deeper than the bound. */
      const char *un = strstr (body, "un"), *deux = strstr (body, "deux");
      const char *trois = strstr (body, "trois"), *cinq = strstr (body, "cinq");
      CHECK (un && deux && trois && cinq && un < deux && deux < trois
             && trois < cinq);
      int deepest = 0;
      for (const char *line = body; line; line = strchr (line, '\n'))
        {
          if (*line == '\n')
            line++;
          if (quote_depth (line) > deepest)
            deepest = quote_depth (line);
        }
      CHECK (deepest == 8);
    }
  site_free (site);
  diags_free (&d);
  scratch_clear ();
}

int
main (void)
{
  scratch_make ("content-test");
  test_fixtures ();
  test_nfd ();
  test_defaults ();
  test_one_language ();
  test_bad_site ();
  test_deep_and_repeated ();
  rmdir (scratch);
  return check_finish ();
}
