/* nav-test.c -- the navigation state machine, without a terminal: pages
   and layouts are built by hand, events applied, and the state read back
   as the screen would show it. */
#include "system.h"

#include "check.h"
#include "nav.h"

/* A site of a few pages: home, a section, two pages in it. */
static struct page pages[] = {
  { .id = "artisans", .kind = PAGE_KIND_SECTION },
  { .id = "artisans/non-la", .kind = PAGE_KIND_ARTISAN },
  { .id = "home", .kind = PAGE_KIND_PAGE },
  { .id = "hue", .kind = PAGE_KIND_SECTION },
  { .id = "hue/histoire", .kind = PAGE_KIND_PAGE },
};
static struct page *page_ptrs[] = {
  &pages[0], &pages[1], &pages[2], &pages[3], &pages[4]
};
static struct site site = {
  .home = "home",
  .default_lang = LANG_FR,
  .pages = page_ptrs,
  .npages = ARRAY_SIZE (page_ptrs),
};

/* A layout whose line I shows block BLOCKS[I], with links NLINKS links:
   TARGETS[k] on lines FIRST[k]..LAST[k] (a NULL target is external). */
static struct layout *
make_layout (const unsigned *blocks, size_t nlines, size_t nlinks,
             const char *const *targets, const size_t *first, const size_t *last)
{
  struct layout *l = xcalloc (1, sizeof *l);
  l->width = 40;
  l->lines = xcalloc (nlines, sizeof *l->lines);
  l->nlines = nlines;
  for (size_t i = 0; i < nlines; i++)
    {
      l->lines[i].text = xstrdup ("x");
      l->lines[i].width = 1;
      l->lines[i].block = blocks[i];
      if (blocks[i] + 1 > l->nblocks)
        l->nblocks = blocks[i] + 1;
    }
  l->links = xcalloc (nlinks ? nlinks : 1, sizeof *l->links);
  l->nlinks = nlinks;
  for (size_t k = 0; k < nlinks; k++)
    {
      l->links[k].target = xstrdup (targets[k] ? targets[k] : "https://example.org");
      l->links[k].internal = targets[k] != NULL;
      l->links[k].first_line = first[k];
      l->links[k].last_line = last[k];
    }
  return l;
}

static void
free_layout (struct layout *l)
{
  for (size_t i = 0; i < l->nlines; i++)
    free (l->lines[i].text);
  for (size_t k = 0; k < l->nlinks; k++)
    free (l->links[k].target);
  free (l->lines);
  free (l->links);
  free (l);
}

/* The home page: 30 lines in 10 blocks of 3; links on lines 1, 2, 13 and
   28, the second one external. */
static const unsigned home_blocks[30] = {
  0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
  5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9
};
static const char *const home_targets[] = { "artisans", NULL, "hue", "hue/histoire" };
static const size_t home_first[] = { 1, 2, 13, 28 };
static const size_t home_last[] = { 1, 2, 14, 28 };

/* The same page in the other language: every block one line longer. */
static const unsigned home_vi_blocks[40] = {
  0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
  5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9
};
static const size_t home_vi_first[] = { 1, 3, 17, 37 };
static const size_t home_vi_last[] = { 2, 3, 18, 37 };

static long long now = 100000;

/* Apply ACTION with ARG (a key, not a tap). */
static unsigned
key (struct nav_state *s, const struct nav_env *env, enum nav_action action, int arg)
{
  struct nav_event ev = { .action = action, .arg = arg };
  now += 1000;
  return nav_apply (s, &ev, env, now);
}

/* Apply ACTION with ARG as a tap at X, Y, DT milliseconds after the
   previous event. */
static unsigned
tap (struct nav_state *s, const struct nav_env *env, enum nav_action action,
     int arg, int x, int y, long long dt)
{
  struct nav_event ev = { .action = action, .arg = arg, .tap = true, .x = x, .y = y };
  now += dt;
  return nav_apply (s, &ev, env, now);
}

static void
test_follow_back_home (void)
{
  struct layout *home = make_layout (home_blocks, 30, 4, home_targets,
                                     home_first, home_last);
  struct nav_env env = { .site = &site, .layout = home, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);
  CHECK_STR (s.page, "home");
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK (nav_top (&s, home, 10) == 0);
  CHECK (nav_focus (&s, home) == -1);

  /* Scroll down a little, then tap the "hue" link. */
  CHECK (key (&s, &env, NAV_SCROLL_BY, 7) & NAV_REDRAW);
  CHECK (nav_top (&s, home, 10) == 7);
  unsigned r = tap (&s, &env, NAV_FOLLOW, 2, 10, 8, 1000);
  CHECK (r & NAV_RELAYOUT);
  CHECK_STR (s.page, "hue");
  CHECK (s.anchor.block == 0 && s.anchor.offset == 0);
  CHECK (s.nhistory == 1);

  /* An external link takes the focus and opens nothing. */
  CHECK (key (&s, &env, NAV_FOLLOW, 1) == NAV_REDRAW);
  CHECK_STR (s.page, "hue");
  CHECK (s.focus == 1);

  /* Follow "hue/histoire" with the keyboard: focus, then Enter. */
  s.focus = 3;
  CHECK (key (&s, &env, NAV_ACTIVATE, 0) & NAV_RELAYOUT);
  CHECK_STR (s.page, "hue/histoire");
  CHECK (s.nhistory == 2);

  /* A link to a page the site lacks does nothing. */
  static const char *const bad_target[] = { "no/such/page" };
  static const size_t zero[] = { 0 };
  struct layout *bad = make_layout (home_blocks, 30, 1, bad_target, zero, zero);
  struct nav_env bad_env = { .site = &site, .layout = bad, .height = 10 };
  CHECK (!(key (&s, &bad_env, NAV_FOLLOW, 0) & NAV_RELAYOUT));
  CHECK_STR (s.page, "hue/histoire");
  free_layout (bad);

  /* Back walks the history, restoring the place and the focus. */
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_RELAYOUT);
  CHECK_STR (s.page, "hue");
  CHECK (s.focus == 3);
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_RELAYOUT);
  CHECK_STR (s.page, "home");
  CHECK (nav_top (&s, home, 10) == 7);
  CHECK (s.focus == 2);
  CHECK (key (&s, &env, NAV_BACK, 0) == 0);
  CHECK_STR (s.page, "home");

  /* Home from deep in the guide, and Back returns there. */
  key (&s, &env, NAV_FOLLOW, 0);
  CHECK_STR (s.page, "artisans");
  key (&s, &env, NAV_SCROLL_BY, 4);
  CHECK (key (&s, &env, NAV_HOME, 0) & NAV_RELAYOUT);
  CHECK_STR (s.page, "home");
  CHECK (nav_top (&s, home, 10) == 0);
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_RELAYOUT);
  CHECK_STR (s.page, "artisans");
  CHECK (nav_top (&s, home, 10) == 4);

  /* Home on the home page at its top changes nothing. */
  key (&s, &env, NAV_HOME, 0);
  CHECK (key (&s, &env, NAV_HOME, 0) == 0);

  /* --page opens that page; an unknown one falls back to home. */
  nav_free (&s);
  nav_init (&s, &site, "artisans/non-la", LANG_VI);
  CHECK_STR (s.page, "artisans/non-la");
  CHECK (s.lang == LANG_VI);
  nav_free (&s);
  nav_init (&s, &site, "nowhere", LANG_FR);
  CHECK_STR (s.page, "home");
  nav_free (&s);
  free_layout (home);
}

static void
test_scrolling (void)
{
  struct layout *home = make_layout (home_blocks, 30, 4, home_targets,
                                     home_first, home_last);
  struct nav_env env = { .site = &site, .layout = home, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);

  CHECK (key (&s, &env, NAV_LINE_UP, 0) == 0);
  CHECK (nav_top (&s, home, 10) == 0);
  CHECK (key (&s, &env, NAV_LINE_DOWN, 0) == NAV_REDRAW);
  CHECK (nav_top (&s, home, 10) == 1);
  /* A page keeps one line of context. */
  key (&s, &env, NAV_PAGE_DOWN, 0);
  CHECK (nav_top (&s, home, 10) == 10);
  /* The last screenful is full: 30 lines, 10 rows, top at most 20. */
  key (&s, &env, NAV_PAGE_DOWN, 0);
  key (&s, &env, NAV_PAGE_DOWN, 0);
  CHECK (nav_top (&s, home, 10) == 20);
  CHECK (key (&s, &env, NAV_LINE_DOWN, 0) == 0);
  CHECK (key (&s, &env, NAV_SCROLL_BY, 1000) == 0);
  CHECK (nav_top (&s, home, 10) == 20);
  key (&s, &env, NAV_SCROLL_BY, -1000);
  CHECK (nav_top (&s, home, 10) == 0);
  key (&s, &env, NAV_BOTTOM, 0);
  CHECK (nav_top (&s, home, 10) == 20);
  key (&s, &env, NAV_TOP, 0);
  CHECK (nav_top (&s, home, 10) == 0);

  /* A page shorter than the body does not scroll. */
  struct nav_env tall = { .site = &site, .layout = home, .height = 40 };
  CHECK (key (&s, &tall, NAV_PAGE_DOWN, 0) == 0);
  CHECK (nav_top (&s, home, 40) == 0);

  /* Scrolling the focused link off screen moves the focus to a link
     still there. */
  s.focus = 0;
  key (&s, &env, NAV_SCROLL_BY, 5);
  CHECK (nav_focus (&s, home) == 2);
  key (&s, &env, NAV_SCROLL_BY, 15);
  CHECK (nav_focus (&s, home) == 3);
  nav_free (&s);
  free_layout (home);
}

static void
test_focus (void)
{
  struct layout *home = make_layout (home_blocks, 30, 4, home_targets,
                                     home_first, home_last);
  struct nav_env env = { .site = &site, .layout = home, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);

  /* Tab goes round the links, scrolling each into view, and wraps. */
  key (&s, &env, NAV_FOCUS_NEXT, 0);
  CHECK (s.focus == 0);
  key (&s, &env, NAV_FOCUS_NEXT, 0);
  key (&s, &env, NAV_FOCUS_NEXT, 0);
  CHECK (s.focus == 2);
  size_t top = nav_top (&s, home, 10);
  CHECK (top <= 13 && top + 10 > 14);
  key (&s, &env, NAV_FOCUS_NEXT, 0);
  CHECK (s.focus == 3);
  CHECK (nav_top (&s, home, 10) == 19);
  key (&s, &env, NAV_FOCUS_NEXT, 0);
  CHECK (s.focus == 0);
  CHECK (nav_top (&s, home, 10) == 1);
  key (&s, &env, NAV_FOCUS_PREV, 0);
  CHECK (s.focus == 3);

  /* The arrows take the next link on screen, else scroll a line, and
     stop at the ends. */
  key (&s, &env, NAV_TOP, 0);
  s.focus = -1;
  key (&s, &env, NAV_DOWN, 0);
  CHECK (s.focus == 0);
  key (&s, &env, NAV_DOWN, 0);
  CHECK (s.focus == 1);
  CHECK (nav_top (&s, home, 10) == 0);
  /* Link 2 starts on line 13, below the screen: scroll. */
  key (&s, &env, NAV_DOWN, 0);
  CHECK (s.focus == 1);
  CHECK (nav_top (&s, home, 10) == 1);
  for (int i = 0; i < 3; i++)
    key (&s, &env, NAV_DOWN, 0);
  CHECK (nav_top (&s, home, 10) == 4);
  /* Link 1 scrolled away with no other link on screen: no focus. */
  CHECK (s.focus == -1);
  key (&s, &env, NAV_DOWN, 0);
  CHECK (s.focus == 2);
  /* ... scrolled so that both of its lines show. */
  CHECK (nav_top (&s, home, 10) == 5);
  for (int i = 0; i < 40; i++)
    key (&s, &env, NAV_DOWN, 0);
  CHECK (s.focus == 3);
  CHECK (nav_top (&s, home, 10) == 20);
  CHECK (key (&s, &env, NAV_DOWN, 0) == 0);
  for (int i = 0; i < 40; i++)
    key (&s, &env, NAV_UP, 0);
  CHECK (s.focus == 0);
  CHECK (nav_top (&s, home, 10) == 0);
  CHECK (key (&s, &env, NAV_UP, 0) == 0);

  /* A page without links: Tab does nothing, the arrows scroll. */
  struct layout *plain = make_layout (home_blocks, 30, 0, NULL, NULL, NULL);
  struct nav_env penv = { .site = &site, .layout = plain, .height = 10 };
  s.focus = -1;
  CHECK (key (&s, &penv, NAV_FOCUS_NEXT, 0) == 0);
  CHECK (key (&s, &penv, NAV_DOWN, 0) == NAV_REDRAW);
  CHECK (nav_top (&s, plain, 10) == 1);
  CHECK (nav_focus (&s, plain) == -1);
  CHECK (key (&s, &penv, NAV_ACTIVATE, 0) == 0);
  free_layout (plain);
  nav_free (&s);
  free_layout (home);
}

static void
test_language (void)
{
  struct layout *fr = make_layout (home_blocks, 30, 4, home_targets,
                                   home_first, home_last);
  struct layout *vi = make_layout (home_vi_blocks, 40, 4, home_targets,
                                   home_vi_first, home_vi_last);
  struct nav_env env = { .site = &site, .layout = fr, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);
  key (&s, &env, NAV_FOLLOW, 0);
  key (&s, &env, NAV_BACK, 0);

  /* Reading block 4, second line, focus on the "hue" link. */
  key (&s, &env, NAV_SCROLL_BY, 13);
  s.focus = 2;
  CHECK (nav_top (&s, fr, 10) == 13);
  size_t history = s.nhistory;

  CHECK (key (&s, &env, NAV_LANGUAGE, 0) & NAV_RELAYOUT);
  CHECK (s.lang == LANG_VI && !s.both);
  CHECK_STR (s.page, "home");
  CHECK (s.nhistory == history);
  /* In Vietnamese block 4 starts on line 16: the top is its second line. */
  CHECK (nav_top (&s, vi, 10) == 17);
  CHECK (vi->lines[nav_top (&s, vi, 10)].block == 4);
  CHECK (nav_focus (&s, vi) == 2);

  /* Scrolling in Vietnamese, then back to French, keeps the block. */
  env.layout = vi;
  key (&s, &env, NAV_SCROLL_BY, 6);         /* line 23: block 5, offset 3 */
  CHECK (s.anchor.block == 5 && s.anchor.offset == 3);
  /* Not wide: the cycle is FR, VI, FR. */
  key (&s, &env, NAV_LANGUAGE, 0);
  CHECK (s.lang == LANG_FR && !s.both);
  /* French block 5 has 3 lines: the top is its last. */
  CHECK (nav_top (&s, fr, 10) == 17);
  CHECK (fr->lines[nav_top (&s, fr, 10)].block == 5);

  /* Wide: FR, VI, FR|VI, FR. */
  env.wide = true;
  key (&s, &env, NAV_LANGUAGE, 0);
  CHECK (s.lang == LANG_VI && !s.both);
  key (&s, &env, NAV_LANGUAGE, 0);
  CHECK (s.both);
  key (&s, &env, NAV_LANGUAGE, 0);
  CHECK (s.lang == LANG_FR && !s.both);

  /* The button chooses directly; choosing the current one does nothing. */
  CHECK (key (&s, &env, NAV_SET_LANGUAGE, LANG_FR) == 0);
  CHECK (key (&s, &env, NAV_SET_LANGUAGE, NAV_LANG_BOTH) & NAV_RELAYOUT);
  CHECK (s.both);
  /* Narrowing the screen ends side by side. */
  env.wide = false;
  key (&s, &env, NAV_RESIZE, 0);
  CHECK (!s.both && s.lang == LANG_FR);
  CHECK (key (&s, &env, NAV_SET_LANGUAGE, NAV_LANG_BOTH) == 0);
  CHECK (key (&s, &env, NAV_SET_LANGUAGE, 7) == 0);
  CHECK (!s.both);
  CHECK_STR (s.page, "home");
  nav_free (&s);
  free_layout (fr);
  free_layout (vi);
}

static void
test_double_tap (void)
{
  struct layout *home = make_layout (home_blocks, 30, 4, home_targets,
                                     home_first, home_last);
  struct nav_env env = { .site = &site, .layout = home, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);

  /* A tap opens "artisans"; the bounce 120 ms later lands where the
     same line of the new page is: ignored. */
  CHECK (tap (&s, &env, NAV_FOLLOW, 0, 12, 5, 1000) & NAV_RELAYOUT);
  CHECK (tap (&s, &env, NAV_FOLLOW, 3, 13, 5, 120) == NAV_IGNORED);
  CHECK_STR (s.page, "artisans");
  CHECK (s.nhistory == 1);
  /* Back, double tapped: one step only. */
  CHECK (tap (&s, &env, NAV_BACK, 0, 3, 22, 1000) & NAV_RELAYOUT);
  CHECK (tap (&s, &env, NAV_BACK, 0, 3, 22, 200) == NAV_IGNORED);
  CHECK_STR (s.page, "home");
  /* The same tap after the guard time is a new command. */
  CHECK (tap (&s, &env, NAV_FOLLOW, 0, 12, 5, 1000) & NAV_RELAYOUT);
  CHECK (tap (&s, &env, NAV_BACK, 0, 12, 5, NAV_TAP_GUARD_MS) & NAV_RELAYOUT);
  CHECK_STR (s.page, "home");
  /* A quick tap elsewhere is a new command too. */
  CHECK (tap (&s, &env, NAV_FOLLOW, 0, 12, 5, 1000) & NAV_RELAYOUT);
  CHECK (tap (&s, &env, NAV_BACK, 0, 3, 22, 50) & NAV_RELAYOUT);
  CHECK_STR (s.page, "home");
  /* Scrolling and typing repeat on purpose. */
  CHECK (tap (&s, &env, NAV_LINE_DOWN, 0, 70, 22, 1000) == NAV_REDRAW);
  CHECK (tap (&s, &env, NAV_LINE_DOWN, 0, 70, 22, 50) == NAV_REDRAW);
  CHECK (nav_top (&s, home, 10) == 2);
  /* Keys are never suppressed. */
  CHECK (key (&s, &env, NAV_SEARCH, 0) & NAV_RELAYOUT);
  CHECK (tap (&s, &env, NAV_TYPE, 0, 5, 15, 1000) == 0);
  struct nav_event o = { .action = NAV_TYPE, .text = "o", .tap = true, .x = 5, .y = 15 };
  CHECK (nav_apply (&s, &o, &env, now += 1000) & NAV_REQUERY);
  CHECK (nav_apply (&s, &o, &env, now += 60) & NAV_REQUERY);
  CHECK_STR (s.query, "oo");
  nav_free (&s);
  free_layout (home);
}

static void
test_resize (void)
{
  /* The same page at two widths: at the narrow one each block takes
     twice as many lines. */
  unsigned wide_blocks[30], narrow_blocks[60];
  for (unsigned i = 0; i < 30; i++)
    wide_blocks[i] = i / 3;
  for (unsigned i = 0; i < 60; i++)
    narrow_blocks[i] = i / 6;
  struct layout *wide = make_layout (wide_blocks, 30, 0, NULL, NULL, NULL);
  struct layout *narrow = make_layout (narrow_blocks, 60, 0, NULL, NULL, NULL);
  struct nav_env env = { .site = &site, .layout = wide, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);

  key (&s, &env, NAV_SCROLL_BY, 16);      /* block 5, offset 1 */
  CHECK (s.anchor.block == 5 && s.anchor.offset == 1);
  struct nav_env small = { .site = &site, .layout = narrow, .height = 4 };
  CHECK (key (&s, &small, NAV_RESIZE, 0) & NAV_RELAYOUT);
  CHECK (narrow->lines[nav_top (&s, narrow, 4)].block == 5);
  CHECK (nav_top (&s, narrow, 4) == 31);
  /* Back to the first size: the same line as before. */
  key (&s, &env, NAV_RESIZE, 0);
  CHECK (nav_top (&s, wide, 10) == 16);
  /* A body so tall that the page fits shows it from the top, and the
     place comes back when the body shrinks again. */
  struct nav_env huge = { .site = &site, .layout = wide, .height = 100 };
  key (&s, &huge, NAV_RESIZE, 0);
  CHECK (nav_top (&s, wide, 100) == 0);
  key (&s, &env, NAV_RESIZE, 0);
  CHECK (nav_top (&s, wide, 10) == 16);
  /* A one-row body and an empty layout are fine. */
  CHECK (nav_top (&s, wide, 1) == 16);
  CHECK (nav_top (&s, wide, 0) == 16);
  struct layout empty = { 0 };
  CHECK (nav_top (&s, &empty, 10) == 0);
  CHECK (nav_focus (&s, &empty) == -1);
  CHECK (nav_top (&s, NULL, 10) == 0);
  nav_free (&s);
  free_layout (wide);
  free_layout (narrow);
}

static void
test_search_and_help (void)
{
  struct layout *home = make_layout (home_blocks, 30, 4, home_targets,
                                     home_first, home_last);
  struct nav_env env = { .site = &site, .layout = home, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);
  key (&s, &env, NAV_SCROLL_BY, 3);

  CHECK (key (&s, &env, NAV_SEARCH, 0) & NAV_REQUERY);
  CHECK (s.screen == NAV_SCREEN_SEARCH);
  struct nav_event ev = { .action = NAV_TYPE, .text = "h" };
  nav_apply (&s, &ev, &env, now);
  strcpy (ev.text, "u");
  nav_apply (&s, &ev, &env, now);
  strcpy (ev.text, "\xc3\xa9");    /* é */
  CHECK (nav_apply (&s, &ev, &env, now) == (NAV_REQUERY | NAV_REDRAW));
  CHECK_STR (s.query, "hu\xc3\xa9");
  CHECK (key (&s, &env, NAV_ERASE, 0) & NAV_REQUERY);
  CHECK_STR (s.query, "hu");
  /* A letter typed as its base, then its accent, goes at one
     Backspace, as it shows: one character. */
  strcpy (ev.text, "e");
  nav_apply (&s, &ev, &env, now);
  strcpy (ev.text, "\xcc\x81");   /* combining acute */
  nav_apply (&s, &ev, &env, now);
  CHECK_STR (s.query, "hue\xcc\x81");
  CHECK (key (&s, &env, NAV_ERASE, 0) & NAV_REQUERY);
  CHECK_STR (s.query, "hu");
  strcpy (ev.text, "\xc3\xa9");
  /* The query has a limit, and is never cut inside a character. */
  for (int i = 0; i < 100; i++)
    nav_apply (&s, &ev, &env, now);
  CHECK (strlen (s.query) <= NAV_QUERY_MAX);
  CHECK (strlen (s.query) % 2 == 0);
  key (&s, &env, NAV_CLEAR, 0);
  CHECK_STR (s.query, "");
  CHECK (key (&s, &env, NAV_ERASE, 0) == 0);
  strcpy (ev.text, "h");
  nav_apply (&s, &ev, &env, now);

  /* Results: select with the arrows, open one; Back returns to the
     page under the search, at its place. */
  const char *const results[] = { "hue", "hue/histoire", "home" };
  struct nav_env senv = env;
  senv.results = results;
  senv.nresults = 3;
  senv.results_height = 2;
  key (&s, &senv, NAV_DOWN, 0);
  key (&s, &senv, NAV_DOWN, 0);
  CHECK (s.selected == 1);
  key (&s, &senv, NAV_DOWN, 0);
  CHECK (s.selected == 2 && s.results_top == 1);
  CHECK (key (&s, &senv, NAV_DOWN, 0) == 0);
  CHECK (key (&s, &senv, NAV_OPEN_RESULT, 5) == 0);
  CHECK (key (&s, &senv, NAV_OPEN_RESULT, 1) & NAV_RELAYOUT);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "hue/histoire");
  /* Back returns to the results, then Back closes them. */
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_REQUERY);
  CHECK (s.screen == NAV_SCREEN_SEARCH);
  CHECK_STR (s.query, "h");
  key (&s, &env, NAV_BACK, 0);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "home");
  CHECK (nav_top (&s, home, 10) == 3);

  /* Esc/Back closes the search; the query stays for the visit. */
  key (&s, &env, NAV_SEARCH, 0);
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_RELAYOUT);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.query, "h");
  /* Enter with no selection opens the first result. */
  key (&s, &senv, NAV_SEARCH, 0);
  key (&s, &senv, NAV_ACTIVATE, 0);
  CHECK_STR (s.page, "hue");

  /* Help: scrolls its own text; Back closes it; the page is unchanged. */
  CHECK (key (&s, &env, NAV_HELP, 0) & NAV_RELAYOUT);
  CHECK (s.screen == NAV_SCREEN_HELP);
  key (&s, &env, NAV_PAGE_DOWN, 0);
  CHECK (s.help_top == 9);
  key (&s, &env, NAV_BOTTOM, 0);
  CHECK (s.help_top == 20);
  CHECK (key (&s, &env, NAV_FOLLOW, 0) == 0);
  key (&s, &env, NAV_BACK, 0);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "hue");
  /* Help over the search returns to the search, its query kept. */
  key (&s, &env, NAV_SEARCH, 0);
  key (&s, &env, NAV_HELP, 0);
  CHECK (key (&s, &env, NAV_BACK, 0) & NAV_REQUERY);
  CHECK (s.screen == NAV_SCREEN_SEARCH);
  CHECK_STR (s.query, "h");
  key (&s, &env, NAV_BACK, 0);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "hue");
  /* Home from help goes home. */
  key (&s, &env, NAV_HELP, 0);
  key (&s, &env, NAV_HOME, 0);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK_STR (s.page, "home");

  CHECK (key (&s, &env, NAV_QUIT, 0) == NAV_EXIT);
  nav_free (&s);
  free_layout (home);
}

/* Following links without ever going back keeps at most
   NAV_HISTORY_MAX places, the latest ones: Back still walks them in
   order, and then does nothing. */
static void
test_history_bound (void)
{
  struct nav_env env = { .site = &site, .height = 10 };
  struct nav_state s;
  nav_init (&s, &site, NULL, LANG_FR);
  static const char *const ids[] = { "hue", "artisans", "hue/histoire" };
  size_t n = 3 * NAV_HISTORY_MAX + 1;
  for (size_t i = 0; i < n; i++)
    {
      struct layout *l = make_layout (home_blocks, 30, 4, home_targets,
                                      home_first, home_last);
      free (l->links[0].target);
      l->links[0].target = xstrdup (ids[i % 3]);
      env.layout = l;
      CHECK (tap (&s, &env, NAV_FOLLOW, 0, 10, 1 + (int) (i % 7), 1000)
             & NAV_RELAYOUT);
      free_layout (l);
    }
  env.layout = NULL;
  CHECK (s.nhistory == NAV_HISTORY_MAX);
  CHECK_STR (s.page, ids[(n - 1) % 3]);
  for (size_t i = 1; i <= NAV_HISTORY_MAX; i++)
    {
      CHECK (key (&s, &env, NAV_BACK, 0) & NAV_RELAYOUT);
      CHECK_STR (s.page, ids[(n - 1 - i) % 3]);
    }
  CHECK (key (&s, &env, NAV_BACK, 0) == 0);
  nav_free (&s);
}

int
main (void)
{
  test_follow_back_home ();
  test_scrolling ();
  test_focus ();
  test_language ();
  test_double_tap ();
  test_resize ();
  test_search_and_help ();
  test_history_bound ();
  return check_finish ();
}
