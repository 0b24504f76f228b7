/* nav.h -- navigation as a pure state machine: which screen, which page,
   which language, where in the page, which link has the focus.  No
   terminal here: the view turns keys and taps into nav events, calls
   nav_apply(), and draws what the state says. */
#ifndef KIOSQUE_NAV_H
#define KIOSQUE_NAV_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "layout.h"
#include "model.h"

/* What fills the screen between the header and the footer.  Kiosk
   mode's own screens (idle countdown, attract screen, PIN pad, staff
   menu) are not nav's: kiosk.c runs them, view-kiosk-draw.c draws them
   over these. */
enum nav_screen
{
  NAV_SCREEN_PAGE,
  NAV_SCREEN_SEARCH,
  NAV_SCREEN_HELP
};

/* A second tap at the same place within this many milliseconds is a
   bounce or an accidental double tap, not a second command. */
#define NAV_TAP_GUARD_MS 400

/* Where the reader is in a page, in terms that survive a re-layout (a new
   width or the other language): the block at the top of the body and how
   many of its lines are scrolled past. */
struct nav_anchor
{
  unsigned block;
  size_t offset;
};

/* One step back in the history: a page, or the search screen over it
   (Back from a result returns to the results). */
struct nav_place
{
  enum nav_screen screen;
  char *page;
  struct nav_anchor anchor;
  int focus;
};

/* The most places Back can return to: a visitor who never goes back
   (or a kiosk under a storm of taps) must not grow the history for
   weeks; the oldest place is forgotten first. */
#define NAV_HISTORY_MAX 256

/* The longest search query, in bytes. */
#define NAV_QUERY_MAX 64

struct nav_state
{
  enum nav_screen screen;
  char *page;                   /* id of the page shown (owned) */
  enum lang lang;               /* interface language, and the page's */
  bool both;                    /* French and Vietnamese side by side */
  struct nav_anchor anchor;     /* place in the page */
  int focus;                    /* focused link index, or -1 */

  struct nav_place *history;    /* Back pops the last one */
  size_t nhistory;
  size_t history_cap;

  size_t help_top;              /* first help line shown */
  enum nav_screen help_from;    /* the screen Back returns to from help */

  char query[NAV_QUERY_MAX + 1];        /* NUL-terminated UTF-8 */
  int selected;                 /* selected search result, or -1 */
  size_t results_top;           /* first result shown */

  unsigned tap_guard_ms;        /* NAV_TAP_GUARD_MS unless changed */
  bool tapped;                  /* last_tap_* are set */
  long long last_tap_ms;
  int last_tap_x, last_tap_y;
};

/* What the caller knows about the screen as it is now, read-only.  A
   field that does not apply to the current screen may be left 0/NULL. */
struct nav_env
{
  const struct site *site;
  const struct layout *layout;  /* the body shown: the page (or both
                                   pages side by side), or the help text */
  size_t height;                /* body rows on screen */
  bool wide;                    /* room for French and Vietnamese side by side */
  const char *const *results;   /* page ids of the search results */
  size_t nresults;
  size_t results_height;        /* results that fit on screen at once */
};

enum nav_action
{
  NAV_NONE,
  NAV_BACK,             /* previous place; closes search and help */
  NAV_HOME,
  NAV_LINE_UP,
  NAV_LINE_DOWN,
  NAV_PAGE_UP,
  NAV_PAGE_DOWN,
  NAV_SCROLL_BY,        /* ARG lines, negative is up (drag, wheel) */
  NAV_TOP,
  NAV_BOTTOM,
  NAV_UP,               /* arrow: previous visible link, else scroll a line */
  NAV_DOWN,             /* arrow: next visible link, else scroll a line */
  NAV_FOCUS_NEXT,       /* Tab: next link, wrapping round, scrolled into view */
  NAV_FOCUS_PREV,       /* Shift-Tab */
  NAV_ACTIVATE,         /* Enter: follow the focused link, open the selected result */
  NAV_FOLLOW,           /* follow link ARG (a tap on it) */
  NAV_OPEN_RESULT,      /* open search result ARG */
  NAV_LANGUAGE,         /* next language: FR, VI, FR|VI when wide */
  NAV_SET_LANGUAGE,     /* ARG: LANG_FR, LANG_VI, or NAV_LANG_BOTH */
  NAV_SEARCH,           /* open the search screen */
  NAV_HELP,             /* open the help screen */
  NAV_TYPE,             /* add TEXT to the search query */
  NAV_ERASE,            /* remove the query's last character */
  NAV_CLEAR,            /* empty the query */
  NAV_RESIZE,           /* the terminal changed size: ENV is the new one */
  NAV_QUIT
};

/* NAV_SET_LANGUAGE's argument for French and Vietnamese side by side. */
#define NAV_LANG_BOTH LANG_COUNT

struct nav_event
{
  enum nav_action action;
  int arg;
  char text[8];         /* NAV_TYPE: one UTF-8 character, NUL-terminated */
  bool tap;             /* it came from a tap at X, Y */
  int x, y;
};

/* What nav_apply changed, for the caller to act on. */
enum
{
  NAV_REDRAW   = 1 << 0,        /* draw again */
  NAV_RELAYOUT = 1 << 1,        /* page, language or screen changed: lay out again */
  NAV_REQUERY  = 1 << 2,        /* the query changed: search again */
  NAV_EXIT     = 1 << 3,        /* the visitor asked to quit */
  NAV_IGNORED  = 1 << 4         /* a double tap, dropped */
};

/* Start a fresh visit of SITE: its home page (or PAGE if it exists) in
   LANG, empty history and query. */
void nav_init (struct nav_state *s, const struct site *site, const char *page,
               enum lang lang);

/* Free what S owns. */
void nav_free (struct nav_state *s);

/* Apply EV at time NOW (milliseconds, any fixed origin) to S, with ENV
   describing the screen as it was when the event happened.  Returns
   NAV_* bits. */
unsigned nav_apply (struct nav_state *s, const struct nav_event *ev,
                    const struct nav_env *env, long long now);

/* The first body line to show: S's anchor resolved against LAYOUT and
   clamped so that the last screenful is full. */
size_t nav_top (const struct nav_state *s, const struct layout *layout,
                size_t height);

/* The focused link of LAYOUT, or -1. */
int nav_focus (const struct nav_state *s, const struct layout *layout);

#endif /* KIOSQUE_NAV_H */
