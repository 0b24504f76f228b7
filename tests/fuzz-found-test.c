/* fuzz-found-test.c -- each input the fuzz targets (fuzz/) found a bug
   with, reduced, and what a user must see instead: a regression test
   per finding, oldest first. */
#include "system.h"

#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "content.h"
#include "kiosk.h"
#include "model.h"
#include "nav.h"
#include "scratch.h"
#include "search.h"
#include "text.h"
#include "wrap.h"

/* The lines of S (NFC, as wrap_paragraph wants it) wrapped to WIDTH, joined with '|' (caller frees);
   "SPLIT" when a line starts or ends inside a grapheme cluster. */
static char *
wrapped (const char *s, int width)
{
  size_t n = strlen (s);
  bool *boundary = xcalloc (n + 1, sizeof *boundary);
  for (size_t i = 0; i < n; i += text_grapheme_len (s + i, n - i))
    boundary[i] = true;
  boundary[n] = true;
  struct wrap_lines lines = WRAP_LINES_INIT;
  wrap_paragraph (s, n, width, &lines);
  char *out = xstrdup ("");
  for (size_t i = 0; i < lines.count; i++)
    {
      const struct wrap_line *l = &lines.lines[i];
      char *more;
      if (!boundary[l->start] || !boundary[l->start + l->len])
        more = xstrdup ("SPLIT");
      else
        more = xasprintf ("%s%s%.*s", out, i ? "|" : "", (int) l->len,
                          s + l->start);
      free (out);
      out = more;
    }
  wrap_lines_free (&lines);
  free (boundary);
  return out;
}

/* fuzz-wrap: a space inside a grapheme cluster -- after a prepended
   mark (U+0600 ARABIC NUMBER SIGN) or carrying an accent -- was dropped
   at a break like a space of its own, splitting the cluster. */
static void
test_space_in_cluster (void)
{
  char *got = wrapped ("\u0600 \u0600a`\u00e1 \u0301 x", 2);
  CHECK_STR (got, "\u0600 |\u0600a`|\u00e1 \u0301|x");
  free (got);
  got = wrapped ("ab \u0301 cd", 3);
  CHECK_STR (got, "ab \u0301|cd");
  free (got);
  got = wrapped ("ab \u0600 cd", 5);
  CHECK_STR (got, "ab \u0600 |cd");
  free (got);
  /* Spaces that are clusters of their own still go at a break. */
  got = wrapped ("ab   cd", 3);
  CHECK_STR (got, "ab|cd");
  free (got);
}

/* fuzz-wrap: a paragraph opening with a no-break space, too narrow for
   its first word, began with an empty line. */
static void
test_leading_no_break_space (void)
{
  char *got = wrapped ("\u00a0ru!", 1);
  CHECK_STR (got, "r|u|!");
  free (got);
  got = wrapped ("\u00a0\u00a0", 1);
  CHECK_STR (got, "");
  free (got);
}

/* The diagnostics of DIAGS printed as --check prints them (caller
   frees), with the scratch directory's name cut out. */
static char *
printed (struct diags *diags)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  diags_print (diags, f);
  fclose (f);
  size_t cut = strlen (scratch) + 1;
  char *out = xstrdup ("");
  for (char *line = strtok (buf, "\n"); line; line = strtok (NULL, "\n"))
    {
      char *more = xasprintf ("%s%s\n", out,
                              strncmp (line, scratch, cut - 1) == 0
                              ? line + cut : line);
      free (out);
      out = more;
    }
  free (buf);
  return out;
}

/* fuzz-site: site.yaml's title kept a tab or line end from a quoted
   "\t" or "\n", which the header would draw on two lines; pages turn
   them into spaces.  A title of blanks only was kept as a blank one. */
static void
test_site_title_one_line (void)
{
  scratch_put ("site.yaml", "title:\n  fr: \"Hué\\n: Cergy\\t\"\n  vi: \" \\t \"\n"
               "home: \" home\\n\"\n");
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\n");
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (scratch, &diags);
  CHECK (site != NULL);
  if (site)
    {
      /* French typography, then one line. */
      CHECK_STR (site->title[LANG_FR], "Hué\u202f: Cergy");
      /* The blank Vietnamese title is an error; the French one is
         used, as for a missing one. */
      CHECK_STR (site->title[LANG_VI], "Hué\u202f: Cergy");
      CHECK_STR (site->home, "home");
    }
  char *got = printed (&diags);
  CHECK_STR (got, "site.yaml:3: error: 'title' must be a non-empty text\n");
  free (got);
  site_free (site);
  diags_free (&diags);
  scratch_drop ("site.yaml");
  scratch_drop ("home.fr.md");
  scratch_drop ("home.vi.md");
}

/* fuzz-page: a lone CR ends a line for libyaml and cmark, not for the
   loader's own count, so the lines of diagnostics after one disagreed
   (a link's line was past the end of the file).  A lone CR is now a
   line end everywhere, and a file with old Mac line ends loads. */
static void
test_lone_cr (void)
{
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\nun\rdeux\r[lien](nulle-part)\n");
  scratch_put ("home.vi.md", "---\rtitle: Trang chủ\rkind: nope\r---\rmột\r");
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (scratch, &diags);
  CHECK (site && site->npages == 1);
  if (site && site->npages == 1)
    CHECK_STR (page_title (site->pages[0], LANG_VI), "Trang chủ");
  char *got = printed (&diags);
  CHECK_STR (got,
             "home.fr.md:6: error: link to a page that does not exist: 'nulle-part'\n"
             "home.vi.md:3: error: unknown kind 'nope' (page, section, artisan or event)\n"
             "site.yaml: warning: no site.yaml: using the default settings\n");
  free (got);
  site_free (site);
  diags_free (&diags);
  scratch_drop ("home.fr.md");
  scratch_drop ("home.vi.md");
}

/* fuzz-page: a diagnostic quoting a key or value with line ends in it
   (a quoted "\n", a folded scalar) spread over several lines, breaking
   --check's one diagnostic a line. */
static void
test_one_line_diagnostics (void)
{
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n\"mot\\nclé\\t\": 1\n"
               "kind: \"nope\n\n  again\"\n---\n");
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (scratch, &diags);
  char *got = printed (&diags);
  CHECK_STR (got,
             "home.fr.md:1: warning: page 'home' has no vi version (home.vi.md)\n"
             "home.fr.md:3: warning: unknown key 'mot clé ' (ignored)\n"
             "home.fr.md:4: error: unknown kind 'nope again' (page, section, artisan or event)\n"
             "site.yaml: warning: no site.yaml: using the default settings\n");
  free (got);
  site_free (site);
  diags_free (&diags);
  scratch_drop ("home.fr.md");
}

/* fuzz-page: libcmark 0.30 writes U+FFFE and U+FFFF back as the lone
   bytes 0xFE and 0xFF, so a French body holding one, or any body with
   "&#xFFFF;", reached the model and the layout as invalid UTF-8.  Both
   are errors on their line now, and the other pages still load. */
static void
test_noncharacters (void)
{
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\nUn\n\ndeux \xef\xbf\xbf\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\nmột\n\n[hai](&#xFFFE;) &#65535;\n");
  scratch_put ("autre.fr.md", "---\ntitle: Autre\n---\nTexte : &#xFFFD; \xef\xbf\xbd\n");
  scratch_put ("autre.vi.md", "---\ntitle: Khác\n---\nChữ\n");
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (scratch, &diags);
  CHECK (site && site->npages == 1);
  if (site && site->npages == 1)
    {
      const struct page_text *t = site->pages[0]->text[LANG_FR];
      CHECK (t && text_valid_utf8 (t->body, strlen (t->body), NULL));
      if (t)
        CHECK_STR (t->body, "Texte\u202f: \ufffd \ufffd\n");
    }
  char *got = printed (&diags);
  CHECK_STR (got,
             "home.fr.md:6: error: noncharacter U+FFFF: not text\n"
             "home.vi.md:6: error: noncharacter U+FFFE: not text\n"
             "site.yaml: warning: no site.yaml: using the default settings\n"
             "site.yaml: error: the home page 'home' does not exist\n");
  free (got);
  site_free (site);
  diags_free (&diags);
  scratch_drop ("home.fr.md");
  scratch_drop ("home.vi.md");
  scratch_drop ("autre.fr.md");
  scratch_drop ("autre.vi.md");
}

/* fuzz-page: the info string of a code fence was not checked, so
   "```x &#x88;" put a C1 control character, decoded by libcmark, into
   a French body written back from the tree. */
static void
test_fence_info (void)
{
  scratch_put ("home.fr.md", "---\ntitle: Accueil\n---\nUn\n\n```x &#x88;\ncode\n```\n");
  scratch_put ("home.vi.md", "---\ntitle: Trang chủ\n---\n```x &#27;[2J\n```\n");
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (scratch, &diags);
  CHECK (site && site->npages == 0);
  char *got = printed (&diags);
  CHECK_STR (got,
             "home.fr.md:6: error: control character U+0088\n"
             "home.vi.md:4: error: control character U+001B\n"
             "site.yaml: warning: no site.yaml: using the default settings\n"
             "site.yaml: error: the home page 'home' does not exist\n");
  free (got);
  site_free (site);
  diags_free (&diags);
  scratch_drop ("home.fr.md");
  scratch_drop ("home.vi.md");
}

/* The snippet and its mark of the one hit of QUERY for a visitor in
   French, in a site of one French page whose summary is SUMMARY, as
   "snippet [mark]" (caller frees); "N hits" unless there is one. */
static char *
summary_hit (const char *summary, const char *query)
{
  struct page_text *t = xcalloc (1, sizeof *t);
  t->file = xstrdup ("a.fr.md");
  t->title = xstrdup ("Titre");
  t->summary = xstrdup (summary);
  struct page *p = xcalloc (1, sizeof *p);
  p->id = xstrdup ("a");
  p->order = INT_MAX;
  p->text[LANG_FR] = t;
  struct site *site = xcalloc (1, sizeof *site);
  site->npages = 1;
  site->pages = xcalloc (1, sizeof *site->pages);
  site->pages[0] = p;
  site->home = xstrdup ("a");
  site->nlanguages = 1;
  site->languages[0] = LANG_FR;
  struct search_index *index = search_index_new (site);
  struct search_hit *hits;
  size_t n = search_run (index, query, LANG_FR, &hits);
  char *out;
  if (n == 1)
    search_snippet (index, &hits[0], 40);
  if (n != 1)
    out = xasprintf ("%zu hits", n);
  else
    out = xasprintf ("%s [%.*s]", hits[0].snippet,
                     (int) (hits[0].mark_end - hits[0].mark_start),
                     hits[0].snippet + hits[0].mark_start);
  search_hits_free (hits, n);
  search_index_free (index);
  site_free (site);
  return out;
}

/* fuzz-fold: a snippet took the line of its match up to the next LF,
   but cut it between graphemes, and CR LF is one: the snippet of a
   match on a line ending in CR LF ran on to the next line, CR LF and
   all, and drew on two lines.  A CR now ends the line, alone or
   before a LF. */
static void
test_snippet_crlf (void)
{
  char *got = summary_hit ("un\r\ndeux poème\r\ntrois", "poeme");
  CHECK_STR (got, "deux poème [poème]");
  free (got);
  got = summary_hit ("un\rdeux poème\rtrois", "deux");
  CHECK_STR (got, "deux poème [deux]");
  free (got);
  /* The input found, as fuzz-fold makes its page: the match is on the
     line "9nd: poem\x1a", which ends in CR LF. */
  got = summary_hit ("9nd:e\n9nd: poem\x1a\r\nd-title  \n", "-  poem");
  CHECK_STR (got, "9nd: poem\x1a [poem]");
  free (got);
}

/* A site of three pages for the navigation tests, sorted by id. */
static struct page nav_pages[] = {
  { .id = "artisans" }, { .id = "home" }, { .id = "hue" }
};
static struct page *nav_page_ptrs[] = {
  &nav_pages[0], &nav_pages[1], &nav_pages[2]
};
static struct site nav_site = {
  .home = "home", .pages = nav_page_ptrs, .npages = 3
};
static const char *const nav_results[] = { "artisans", "home", "hue" };

/* Apply ACTION (with ARG) to S on a screen with room for RESULTS_HEIGHT
   search results of the three. */
static void
nav_do (struct nav_state *s, enum nav_action action, int arg,
        size_t results_height)
{
  struct nav_env env = {
    .site = &nav_site, .height = 10, .results = nav_results,
    .nresults = 3, .results_height = results_height
  };
  struct nav_event ev = { .action = action, .arg = arg };
  nav_apply (s, &ev, &env, 0);
}

/* fuzz-nav: on a screen too short for any search result, scrolling the
   results went past the last one; grown again, the screen showed no
   result at all, though there were three.  And a resize left the
   results scrolled as they were, rows empty below the last one. */
static void
test_results_past_end (void)
{
  struct nav_state s;
  nav_init (&s, &nav_site, NULL, LANG_FR);
  nav_do (&s, NAV_SEARCH, 0, 0);
  nav_do (&s, NAV_SCROLL_BY, 100, 0);
  CHECK (s.results_top < 3);
  nav_do (&s, NAV_RESIZE, 0, 5);
  CHECK (s.results_top == 0);
  /* The selected result stays in view when the screen shrinks. */
  nav_do (&s, NAV_DOWN, 0, 5);
  nav_do (&s, NAV_DOWN, 0, 5);
  nav_do (&s, NAV_DOWN, 0, 5);
  CHECK (s.selected == 2);
  nav_do (&s, NAV_RESIZE, 0, 1);
  CHECK (s.results_top == 2);
  nav_free (&s);
}

/* fuzz-nav: Home tapped on the help screen left the help in the
   history, so Back from the home page opened the help again instead
   of the page it was read over. */
static void
test_help_not_a_place (void)
{
  struct nav_state s;
  nav_init (&s, &nav_site, NULL, LANG_FR);
  nav_do (&s, NAV_SEARCH, 0, 5);
  nav_do (&s, NAV_OPEN_RESULT, 2, 5);
  CHECK_STR (s.page, "hue");
  nav_do (&s, NAV_HELP, 0, 5);
  nav_do (&s, NAV_HOME, 0, 5);
  CHECK_STR (s.page, "home");
  nav_do (&s, NAV_BACK, 0, 5);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "hue");
  /* Help opened over the search results: Back returns to them. */
  nav_do (&s, NAV_SEARCH, 0, 5);
  nav_do (&s, NAV_HELP, 0, 5);
  nav_do (&s, NAV_HOME, 0, 5);
  nav_do (&s, NAV_BACK, 0, 5);
  CHECK (s.screen == NAV_SCREEN_SEARCH);
  nav_free (&s);
}

/* fuzz-nav: content reloaded by the staff while the search results
   were scrolled kept them scrolled; the new site found fewer pages,
   and the screen showed none of them. */
static void
test_reload_results_top (void)
{
  struct nav_state s;
  nav_init (&s, &nav_site, NULL, LANG_FR);
  nav_do (&s, NAV_SEARCH, 0, 1);
  nav_do (&s, NAV_SCROLL_BY, 2, 1);
  CHECK (s.results_top == 2);
  kiosk_keep_places (&s, &nav_site);
  CHECK (s.results_top == 0 && s.selected == -1);
  nav_free (&s);
}

/* fuzz-nav: a resize that came as if tapped at the place of a tap a
   moment before was dropped as a repeated tap; the languages stayed side
   by side on a screen grown too narrow for them. */
static void
test_resize_not_a_tap (void)
{
  struct nav_state s;
  nav_init (&s, &nav_site, NULL, LANG_FR);
  struct nav_env env = {
    .site = &nav_site, .height = 10, .wide = true, .results = nav_results,
    .nresults = 3, .results_height = 5
  };
  struct nav_event both = { .action = NAV_SET_LANGUAGE, .arg = NAV_LANG_BOTH,
                            .tap = true, .x = 10, .y = 1 };
  nav_apply (&s, &both, &env, 1000);
  CHECK (s.both);
  env.wide = false;
  struct nav_event resize = { .action = NAV_RESIZE, .tap = true,
                              .x = 10, .y = 1 };
  CHECK (nav_apply (&s, &resize, &env, 1010) != NAV_IGNORED);
  CHECK (!s.both);
  nav_free (&s);
}

int
main (void)
{
  test_space_in_cluster ();
  test_leading_no_break_space ();
  test_snippet_crlf ();
  test_results_past_end ();
  test_help_not_a_place ();
  test_reload_results_top ();
  test_resize_not_a_tap ();
  scratch_make ("fuzz-found");
  test_site_title_one_line ();
  test_lone_cr ();
  test_one_line_diagnostics ();
  test_noncharacters ();
  test_fence_info ();
  rmdir (scratch);
  return check_finish ();
}
