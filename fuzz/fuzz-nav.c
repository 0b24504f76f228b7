/* fuzz-nav.c -- libFuzzer target for navigation (nav.c): a visit of the
   bundled guide, or of the test site, driven by any sequence of taps,
   keys, scrolls, typed letters, resizes, idle resets and reloads, with
   nav's promises checked after every event, as the view would see them.

   Input: 4 bytes per event.  Byte 0 picks the action (its low 5 bits)
   and whether it came from a tap (bit 5); bytes 1 and 2 are its
   argument (a line count, a link or result number, a language, a
   character to type, a terminal size, a tap's place); byte 3 is the
   time since the last event, in steps of 8 ms.

   The sites are loaded once, from $KIOSQUE_FUZZ_SRCDIR (default the
   source tree this was built from): content/ and tests/fixtures/site/.
   The harness plays the view's part: it lays out what the state shows
   (the page, both languages side by side, the help) at the terminal's
   size, and searches again when nav asks, as view.c does.

   Checked after each event: the page shown and every page in the
   history exist; the history stays bounded; the top line, the focus,
   the selected result and the scroll of the results are in range; the
   query is valid UTF-8 that fits; side by side only on a wide screen;
   nav's answer matches what changed (no redraw means nothing shown
   changed; a new page, language or screen asks for a new layout; a new
   query for a new search); Home shows the home page from its top; Back
   returns to the place last left; a resize or a language change keeps
   the place; a tap repeated too soon changes nothing; a moved focus
   shows on screen. */
#include "system.h"

#include "body.h"
#include "content.h"
#include "diag.h"
#include "fuzz.h"
#include "kiosk.h"
#include "layout.h"
#include "model.h"
#include "nav.h"
#include "search.h"

#ifndef FUZZ_SRCDIR
# define FUZZ_SRCDIR "."
#endif

/* The sites a visit may be reloaded between, and their search indexes,
   loaded once: they are the fixture, not what is fuzzed. */
#define NSITES 2
static struct site *sites[NSITES];
static struct search_index *indexes[NSITES];

/* The screen's geometry, worked out from its size as view-draw.c does
   (any values are valid for nav; these keep to what the view makes). */
struct geometry
{
  int cols, lines;
  bool wide;
  int text_width, twin_width;
  size_t body_h, results_fit;
};

/* The geometry of a COLS x LINES terminal. */
static struct geometry
geometry (int cols, int lines)
{
  struct geometry g = { .cols = cols, .lines = lines };
  g.wide = cols >= 150;
  g.text_width = cols - 4 < 72 ? cols - 4 : 72;
  if (g.text_width < 1)
    g.text_width = 1;
  g.twin_width = (cols - 4 - 3) / 2;
  if (g.twin_width > 72)
    g.twin_width = 72;
  if (g.twin_width < 1)
    g.twin_width = 1;
  int body_h = lines - 6 > 0 ? lines - 6 : 0;
  g.body_h = (size_t) body_h;
  int key_w = cols / 13 > 8 ? 8 : cols / 13;
  int key_h = body_h - 1 - 9 >= 3 && key_w >= 3 ? 3 : 1;
  int rows = body_h - 3 * key_h - 1;
  if (rows < 0)
    rows = 0;
  g.results_fit = (size_t) (rows / 3 == 0 && rows >= 2 ? 1 : rows / 3);
  return g;
}

/* What the view holds besides the nav state. */
struct harness
{
  size_t site;                  /* index into sites[] */
  struct geometry geo;
  bool kiosk;
  const struct layout *body;    /* what the body shows (cached) */
  const char *const *hit_ids;   /* the results' page ids (cached) */
  size_t nhits;
};

/* Layouts made so far, kept across inputs: a layout is a pure function
   of its key, and laying out under the sanitizers is what takes the
   time.  KIND is 0 for a page, 1 for both languages, 2 for the help
   (PAGE NULL, LANG its language, KIOSK). */
struct cached
{
  const struct page *page;
  int kind, lang, width;
  bool kiosk;
  struct layout *layout;
};
#define NCACHED 64
static struct cached cache[NCACHED];
static size_t cache_next;

/* The layout of KIND for PAGE in LANG at WIDTH, made when missing. */
static const struct layout *
cached_layout (const struct site *site, const struct page *page, int kind,
               enum lang lang, int width, bool kiosk)
{
  for (size_t i = 0; i < NCACHED; i++)
    {
      struct cached *c = &cache[i];
      if (c->layout && c->page == page && c->kind == kind
          && c->lang == (int) lang && c->width == width
          && (kind != 2 || c->kiosk == kiosk))
        return c->layout;
    }
  struct layout *l;
  lang_use_for_messages (lang);
  if (kind == 2)
    l = body_help (width, kiosk);
  else if (kind == 1)
    {
      /* Each column's words in its own language, as the view does. */
      struct layout *fr = layout_page (site, page, LANG_FR, width);
      lang_use_for_messages (LANG_VI);
      struct layout *vi = layout_page (site, page, LANG_VI, width);
      l = body_twin (fr, vi, 3);
      layout_free (fr);
      layout_free (vi);
    }
  else
    l = layout_page (site, page, lang, width);
  struct cached *c = &cache[cache_next];
  cache_next = (cache_next + 1) % NCACHED;
  if (c->layout)
    {
      if (c->kind == 0)
        layout_free (c->layout);
      else
        body_free (c->layout);
    }
  *c = (struct cached) { .page = page, .kind = kind, .lang = (int) lang,
                         .width = width, .kiosk = kiosk, .layout = l };
  return l;
}

/* Lay out what S shows, as the view does. */
static void
relayout (struct harness *h, const struct nav_state *s)
{
  static struct layout empty;
  const struct site *site = sites[h->site];
  h->body = NULL;
  const struct page *page = site_find (site, s->page);
  if (!page && site->home)
    page = site_find (site, site->home);
  if (s->screen == NAV_SCREEN_HELP)
    h->body = cached_layout (site, NULL, 2, s->lang, h->geo.text_width,
                             h->kiosk);
  else if (s->screen == NAV_SCREEN_PAGE && page && s->both && h->geo.wide)
    h->body = cached_layout (site, page, 1, LANG_FR, h->geo.twin_width, false);
  else if (s->screen == NAV_SCREEN_PAGE && page)
    h->body = cached_layout (site, page, 0, s->lang, h->geo.text_width, false);
  else if (s->screen == NAV_SCREEN_PAGE)
    h->body = &empty;
}

/* Searches made so far, kept across inputs as the layouts are: the
   page ids found for QUERY in LANG on site SITE.  nav needs only
   those; the snippets are fuzz-fold's. */
struct found
{
  size_t site;
  enum lang lang;
  char query[NAV_QUERY_MAX + 1];
  const char **ids;             /* NULL: an empty slot */
  size_t n;
};
#define NFOUND 64
static struct found found[NFOUND];
static size_t found_next;

/* Forget the search results. */
static void
drop_hits (struct harness *h)
{
  h->hit_ids = NULL;
  h->nhits = 0;
}

/* Search again for S's query, as the view does. */
static void
requery (struct harness *h, const struct nav_state *s)
{
  drop_hits (h);
  if (!s->query[0])
    return;
  for (size_t i = 0; i < NFOUND; i++)
    {
      struct found *f = &found[i];
      if (f->ids && f->site == h->site && f->lang == s->lang
          && strcmp (f->query, s->query) == 0)
        {
          h->hit_ids = f->ids;
          h->nhits = f->n;
          return;
        }
    }
  struct found *f = &found[found_next];
  found_next = (found_next + 1) % NFOUND;
  free (f->ids);
  struct search_hit *hits;
  f->n = search_run (indexes[h->site], s->query, s->lang, &hits);
  f->ids = xcalloc (f->n ? f->n : 1, sizeof *f->ids);
  for (size_t i = 0; i < f->n; i++)
    f->ids[i] = hits[i].page->id;
  search_hits_free (hits, f->n);
  f->site = h->site;
  f->lang = s->lang;
  memcpy (f->query, s->query, sizeof f->query);
  h->hit_ids = f->ids;
  h->nhits = f->n;
}

/* What nav is told of the screen. */
static struct nav_env
make_env (const struct harness *h)
{
  struct nav_env env = {
    .site = sites[h->site],
    .layout = h->body,
    .height = h->geo.body_h,
    .wide = h->geo.wide,
    .results = h->hit_ids,
    .nresults = h->nhits,
    .results_height = h->geo.results_fit,
  };
  return env;
}

/* What the screen shows of a nav state: every field but the tap
   guard's memory and the history's spare room. */
struct shown
{
  enum nav_screen screen;
  char page[256];
  enum lang lang;
  bool both;
  struct nav_anchor anchor;
  int focus;
  size_t nhistory;
  size_t help_top;
  enum nav_screen help_from;
  char query[NAV_QUERY_MAX + 1];
  int selected;
  size_t results_top;
};

/* What S shows now. */
static struct shown
shown_of (const struct nav_state *s)
{
  struct shown v;
  memset (&v, 0, sizeof v);
  v.screen = s->screen;
  snprintf (v.page, sizeof v.page, "%s", s->page);
  v.lang = s->lang;
  v.both = s->both;
  v.anchor = s->anchor;
  v.focus = s->focus;
  v.nhistory = s->nhistory;
  v.help_top = s->help_top;
  v.help_from = s->help_from;
  memcpy (v.query, s->query, sizeof v.query);
  v.selected = s->selected;
  v.results_top = s->results_top;
  return v;
}

/* Do A and B show the same? */
static bool
same_shown (const struct shown *a, const struct shown *b)
{
  return a->screen == b->screen && strcmp (a->page, b->page) == 0
    && a->lang == b->lang && a->both == b->both
    && a->anchor.block == b->anchor.block
    && a->anchor.offset == b->anchor.offset && a->focus == b->focus
    && a->nhistory == b->nhistory && a->help_top == b->help_top
    && a->help_from == b->help_from && strcmp (a->query, b->query) == 0
    && a->selected == b->selected && a->results_top == b->results_top;
}

/* The promises that hold between any two events. */
static void
check_state (const struct harness *h, const struct nav_state *s)
{
  const struct site *site = sites[h->site];
  FUZZ_CHECK (s->screen == NAV_SCREEN_PAGE || s->screen == NAV_SCREEN_SEARCH
              || s->screen == NAV_SCREEN_HELP);
  FUZZ_CHECK (s->lang == LANG_FR || s->lang == LANG_VI);
  FUZZ_CHECK (s->page && site_find (site, s->page));
  FUZZ_CHECK (!s->both || h->geo.wide);
  FUZZ_CHECK (s->nhistory <= NAV_HISTORY_MAX);
  FUZZ_CHECK (s->nhistory <= s->history_cap);
  for (size_t i = 0; i < s->nhistory; i++)
    {
      FUZZ_CHECK (s->history[i].page && site_find (site, s->history[i].page));
      FUZZ_CHECK (s->history[i].screen == NAV_SCREEN_PAGE
                  || s->history[i].screen == NAV_SCREEN_SEARCH);
    }

  size_t qlen = strnlen (s->query, sizeof s->query);
  FUZZ_CHECK (qlen <= NAV_QUERY_MAX);
  FUZZ_CHECK (text_valid_utf8 (s->query, qlen, NULL));

  if (h->body && s->screen == NAV_SCREEN_PAGE)
    {
      size_t top = nav_top (s, h->body, h->geo.body_h);
      FUZZ_CHECK (h->body->nlines == 0 || top < h->body->nlines);
      FUZZ_CHECK (top == 0 || top + h->geo.body_h <= h->body->nlines);
      int focus = nav_focus (s, h->body);
      FUZZ_CHECK (focus >= -1 && (focus < 0 || (size_t) focus < h->body->nlinks));
    }
  FUZZ_CHECK (s->selected >= -1);
  if (s->screen == NAV_SCREEN_SEARCH)
    {
      FUZZ_CHECK (s->selected < 0 || (size_t) s->selected < h->nhits);
      FUZZ_CHECK (s->results_top == 0 || s->results_top < h->nhits);
    }
}

/* Does link I of LAYOUT start on the screen of S? */
static bool
link_shows (const struct nav_state *s, const struct layout *layout,
            size_t height, int i)
{
  size_t top = nav_top (s, layout, height);
  size_t line = layout->links[i].first_line;
  return line >= top && line < top + height;
}

/* The promises about one event EV that took S from BEFORE (with the
   history's last place LAST, if any) to now, answering R. */
static void
check_event (const struct harness *h, const struct nav_state *s,
             const struct nav_event *ev, const struct shown *before,
             const struct nav_place *last, unsigned r)
{
  struct shown now = shown_of (s);
  const struct site *site = sites[h->site];

  /* What the view is asked to do matches what changed. */
  if (!(r & NAV_REDRAW))
    FUZZ_CHECK (same_shown (&now, before));
  if (r & (NAV_RELAYOUT | NAV_REQUERY))
    FUZZ_CHECK (r & NAV_REDRAW);
  if (now.screen != before->screen || strcmp (now.page, before->page) != 0
      || now.lang != before->lang || now.both != before->both)
    FUZZ_CHECK (r & NAV_RELAYOUT);
  if (strcmp (now.query, before->query) != 0)
    FUZZ_CHECK (r & NAV_REQUERY);
  if (r & NAV_IGNORED)
    FUZZ_CHECK (ev->tap && same_shown (&now, before));
  FUZZ_CHECK (!(r & NAV_EXIT) || ev->action == NAV_QUIT);
  if (r & NAV_IGNORED)
    return;

  switch (ev->action)
    {
    case NAV_HOME:
      FUZZ_CHECK (s->screen == NAV_SCREEN_PAGE);
      FUZZ_CHECK (strcmp (s->page, site->home) == 0);
      FUZZ_CHECK (s->anchor.block == 0 && s->anchor.offset == 0);
      FUZZ_CHECK (s->focus == -1);
      break;
    case NAV_BACK:
      if (before->screen == NAV_SCREEN_PAGE && before->nhistory > 0)
        {
          FUZZ_CHECK (s->nhistory == before->nhistory - 1);
          FUZZ_CHECK (strcmp (s->page, last->page) == 0);
          FUZZ_CHECK (s->screen == last->screen);
          FUZZ_CHECK (s->anchor.block == last->anchor.block
                      && s->anchor.offset == last->anchor.offset);
        }
      else if (before->screen == NAV_SCREEN_PAGE)
        FUZZ_CHECK (same_shown (&now, before));
      else
        {
          /* Back closes the search or the help, nothing else. */
          FUZZ_CHECK (s->screen != before->screen);
          FUZZ_CHECK (strcmp (s->page, before->page) == 0);
          FUZZ_CHECK (s->nhistory == before->nhistory);
        }
      break;
    case NAV_RESIZE:
    case NAV_LANGUAGE:
    case NAV_SET_LANGUAGE:
      /* The reader stays where they were. */
      FUZZ_CHECK (s->anchor.block == before->anchor.block
                  && s->anchor.offset == before->anchor.offset);
      FUZZ_CHECK (strcmp (s->page, before->page) == 0);
      FUZZ_CHECK (s->screen == before->screen);
      /* The selected result stays in view, the results fill it. */
      if (ev->action == NAV_RESIZE && s->selected >= 0 && h->geo.results_fit > 0)
        FUZZ_CHECK ((size_t) s->selected >= s->results_top
                    && (size_t) s->selected < s->results_top + h->geo.results_fit);
      if (ev->action == NAV_RESIZE && h->nhits > h->geo.results_fit)
        FUZZ_CHECK (s->results_top <= h->nhits - h->geo.results_fit);
      break;
    case NAV_SEARCH:
      FUZZ_CHECK (s->screen == NAV_SCREEN_SEARCH);
      break;
    case NAV_HELP:
      FUZZ_CHECK (s->screen == NAV_SCREEN_HELP);
      break;
    case NAV_UP:
    case NAV_DOWN:
    case NAV_FOCUS_NEXT:
    case NAV_FOCUS_PREV:
    case NAV_LINE_UP:
    case NAV_LINE_DOWN:
    case NAV_PAGE_UP:
    case NAV_PAGE_DOWN:
    case NAV_SCROLL_BY:
    case NAV_TOP:
    case NAV_BOTTOM:
      /* A focus that moved, or a page that scrolled, leaves the focus
         on a link the reader can see (Enter follows it). */
      if (before->screen == NAV_SCREEN_PAGE && (r & NAV_REDRAW)
          && h->geo.body_h > 0)
        {
          int focus = nav_focus (s, h->body);
          if (focus >= 0)
            FUZZ_CHECK (link_shows (s, h->body, h->geo.body_h, focus));
        }
      if (before->screen == NAV_SCREEN_SEARCH && (r & NAV_REDRAW)
          && s->selected >= 0 && h->geo.results_fit > 0)
        FUZZ_CHECK ((size_t) s->selected >= s->results_top
                    && (size_t) s->selected < s->results_top + h->geo.results_fit);
      break;
    default:
      break;
    }
}

/* Characters a visitor may type: the keyboard's letters, French and
   Vietnamese ones, a space, and a few that are no letters at all. */
static const char *const typed[] = {
  "a", "b", "c", "d", "e", "g", "h", "i", "l", "m", "n", "o", "r", "s",
  "t", "u", "v", "y", " ", "0", "3", "é", "è", "ê", "ô", "ư", "ơ", "đ",
  "ế", "ộ", "ả", "à", "ç", "œ", "'", "-", "\u00a0", "\u0301", "\U0001F600",
  "\u202f", "Ê", "Đ", "?", "\U0010FFFF", "\u200b", "e\u0301\u0301\u0301"
};

/* Load the sites, once. */
static void
load_sites (void)
{
  const char *src = getenv ("KIOSQUE_FUZZ_SRCDIR");
  if (!src)
    src = FUZZ_SRCDIR;
  static const char *const dirs[NSITES] = { "content", "tests/fixtures/site" };
  for (size_t i = 0; i < NSITES; i++)
    {
      char *dir = xasprintf ("%s/%s", src, dirs[i]);
      struct diags diags = DIAGS_INIT;
      /* As the screen loads it: pages are read as the visit reaches
         them. */
      sites[i] = content_load_lazy (dir, &diags);
      diags_free (&diags);
      if (!sites[i] || !sites[i]->home || !site_find (sites[i], sites[i]->home))
        {
          fprintf (stderr, "fuzz-nav: no guide with a home page in %s "
                   "(set KIOSQUE_FUZZ_SRCDIR to the source tree)\n", dir);
          exit (2);
        }
      indexes[i] = search_index_new (sites[i]);
      free (dir);
    }
}

/* The nav event the bytes B[0..4) stand for (actions 26 and 27 are the
   harness's own, taken before). */
static void
decode (const uint8_t *b, struct nav_event *ev)
{
  static const enum nav_action extra[] = {
    NAV_TYPE, NAV_SCROLL_BY, NAV_FOLLOW, NAV_BACK
  };
  memset (ev, 0, sizeof *ev);
  unsigned a = b[0] & 0x1F;
  /* 26 and 27 are the harness's own (a fresh visit, a reload). */
  ev->action = a <= NAV_QUIT ? (enum nav_action) a
               : a < 28 ? NAV_NONE : extra[a - 28];
  ev->tap = (b[0] & 0x20) != 0;
  ev->x = b[1] % 200;
  ev->y = b[2] % 100;
  switch (ev->action)
    {
    case NAV_FOLLOW:
    case NAV_OPEN_RESULT:
      /* Mostly the links and results there are, a few that are not. */
      ev->arg = b[1] == 0xFF ? INT_MAX : b[1] == 0xFE ? INT_MIN
                : (int) (b[1] % 32) - 2;
      break;
    case NAV_SET_LANGUAGE:
      ev->arg = (int) (b[1] % 6) - 1;
      break;
    case NAV_TYPE:
      snprintf (ev->text, sizeof ev->text, "%s",
                typed[b[1] % ARRAY_SIZE (typed)]);
      break;
    default:
      {
        int16_t v = (int16_t) ((b[1] << 8) | b[2]);
        ev->arg = v == INT16_MIN ? INT_MIN : v == INT16_MAX ? INT_MAX : v;
      }
      break;
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!sites[0])
    load_sites ();

  struct harness h = { .site = 0, .geo = geometry (80, 24), .kiosk = true };
  struct kiosk k;
  memset (&k, 0, sizeof k);
  k.default_lang = LANG_FR;
  struct nav_state s;
  nav_init (&s, sites[0], NULL, LANG_FR);
  relayout (&h, &s);
  check_state (&h, &s);
  long long now = 1000000;

  for (size_t i = 0; i + 4 <= size; i += 4)
    {
      const uint8_t *b = data + i;
      now += (long long) b[3] * 8;
      unsigned a = b[0] & 0x1F;
      if (a == 26 || a == 27)
        {
          if (a == 26)
            {
              /* The idle countdown ran out: a fresh visit. */
              k.default_lang = b[1] & 1 ? LANG_VI : LANG_FR;
              unsigned guard = s.tap_guard_ms;
              kiosk_fresh_visit (&k, &s, sites[h.site]);
              FUZZ_CHECK (strcmp (s.page, sites[h.site]->home) == 0);
              FUZZ_CHECK (s.screen == NAV_SCREEN_PAGE && s.nhistory == 0);
              FUZZ_CHECK (!s.query[0] && s.lang == k.default_lang);
              FUZZ_CHECK (s.tap_guard_ms == guard);
              drop_hits (&h);
            }
          else
            {
              /* Staff reloaded the content: here, the other site. */
              drop_hits (&h);
              h.site = (h.site + 1) % NSITES;
              kiosk_keep_places (&s, sites[h.site]);
            }
          relayout (&h, &s);
          if (s.screen == NAV_SCREEN_SEARCH)
            requery (&h, &s);
          check_state (&h, &s);
          continue;
        }

      struct nav_event ev;
      decode (b, &ev);
      if (ev.action == NAV_RESIZE)
        {
          h.geo = geometry (1 + b[1] % 200 + (b[2] & 1) * 100,
                            1 + (b[2] >> 1) % 100);
          h.kiosk = (b[2] & 0x80) != 0;
        }
      struct nav_env env = make_env (&h);
      struct shown before = shown_of (&s);
      struct nav_place last = { 0 };
      char *last_page = NULL;
      if (s.nhistory > 0)
        {
          last = s.history[s.nhistory - 1];
          last_page = xstrdup (last.page);
          last.page = last_page;
        }
      unsigned r = nav_apply (&s, &ev, &env, now);
      check_event (&h, &s, &ev, &before, &last, r);
      free (last_page);

      /* The view's part: lay out and search again as asked. */
      if (r & NAV_RELAYOUT)
        {
          relayout (&h, &s);
          if (s.screen == NAV_SCREEN_SEARCH)
            requery (&h, &s);
        }
      if (r & NAV_REQUERY)
        requery (&h, &s);
      check_state (&h, &s);
    }

  /* Whatever happened, Home shows the home page from its top. */
  struct nav_event home = { .action = NAV_HOME };
  struct nav_env env = make_env (&h);
  nav_apply (&s, &home, &env, now + 1000000);
  FUZZ_CHECK (s.screen == NAV_SCREEN_PAGE);
  FUZZ_CHECK (strcmp (s.page, sites[h.site]->home) == 0);
  FUZZ_CHECK (s.anchor.block == 0 && s.anchor.offset == 0 && s.focus == -1);

  drop_hits (&h);
  nav_free (&s);
  return 0;
}
