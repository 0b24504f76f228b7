/* view-private.h -- what view.c (the loop, keys and taps) and
   view-draw.c (geometry, drawing, hit testing), view-theme.c (colours)
   and kiosk mode's screens share.  No curses types
   here: only view*.c files include curses.h. */
#ifndef KIOSQUE_VIEW_PRIVATE_H
#define KIOSQUE_VIEW_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"
#include "nav.h"
#include "search.h"
#include "view.h"

/* Smallest usable screen; below it a bilingual "enlarge" message. */
#define VIEW_MIN_COLS 40
#define VIEW_MIN_LINES 12
/* Side by side from this width on. */
#define VIEW_WIDE_COLS 150
/* The readable measure of the body. */
#define VIEW_MEASURE 72
/* Columns between the two languages side by side (a rule in the middle). */
#define VIEW_TWIN_GAP 3
/* Lines one wheel notch scrolls. */
#define VIEW_WHEEL_LINES 3
/* Rows of the header (title, breadcrumb, rule) and of the footer buttons. */
#define VIEW_HEADER_ROWS 3
#define VIEW_FOOTER_ROWS 3
/* Keys per row of the on-screen keyboard. */
#define VIEW_KEYS_PER_ROW 13

/* What a piece of the screen is, for its colour and attributes. */
enum role
{
  ROLE_TEXT,
  ROLE_SITE,            /* the site title in the header, the titles
                           of kiosk mode's screens */
  ROLE_CRUMB,
  ROLE_RULE,
  ROLE_FRAME,           /* a button's frame */
  ROLE_BUTTON,          /* a button's label */
  ROLE_OFF,             /* a button that does nothing now */
  ROLE_LANG_ON,         /* the language shown */
  ROLE_LINK,
  ROLE_FOCUS,           /* the focused link, the selected result */
  ROLE_TITLE,           /* the page title, a result's title */
  ROLE_HEADING,
  ROLE_URL,
  ROLE_QUOTE,
  ROLE_CODE,
  ROLE_CARD_LABEL,
  ROLE_CARD,
  ROLE_NOTICE,
  ROLE_ALERT,           /* kiosk mode: a warning, a wrong PIN */
  ROLE_MUTED,
  ROLE_MARK,            /* the match in a search snippet */
  ROLE_KEY,             /* an on-screen keyboard key */
  ROLE_COUNT
};

/* A place on screen that answers a tap with an event.  Drawing records
   them, so a tap always means what the visitor saw there. */
struct view_target
{
  int y0, y1;           /* rows, inclusive */
  int x0, x1;           /* columns [x0, x1) */
  bool row;             /* a body link: its whole rows are the target, and
                           the nearest link wins when a row has several */
  struct nav_event ev;
};

/* Where things are on a screen of LINES x COLS. */
struct view_geometry
{
  int lines, cols;
  bool small;           /* below the minimum: only the message */
  bool wide;            /* room for side by side */
  int text_width;       /* the width a single page is laid out at */
  int twin_width;       /* each column's width side by side */
  int body_y, body_h;   /* body rows */
  int footer_y;
  /* Search screen. */
  int query_y;
  int results_y, results_rows, results_fit;     /* rows for results; how many fit */
  int keys_y, key_h, key_w, keys_x;             /* keyboard: top, key height, width */
};

/* Page layouts kept: the page and the previous one, each in both
   languages. */
#define VIEW_CACHE_SLOTS 4

/* One kept layout and its key. */
struct view_cache_slot
{
  const struct page *page;
  enum lang lang;
  int width;
  struct layout *layout;
  unsigned long used;           /* cache_clock when last asked for */
};

struct view
{
  const struct site *site;
  const struct view_options *options;
  struct nav_state nav;
  struct view_geometry geo;

  const struct layout *body;    /* what the body shows now */
  struct layout *body_own;      /* the body when it is V's to free (help,
                                   twin, empty), else NULL: a page's
                                   layout belongs to the cache */
  struct view_cache_slot cache[VIEW_CACHE_SLOTS];
  unsigned long cache_clock;

  struct search_index *index;
  struct search_hit *hits;
  size_t nhits;
  const char **hit_ids;

  struct view_target *targets;
  size_t ntargets, targets_cap;

  bool colour;                  /* colours (not NO_COLOR, a colour terminal) */
  bool italics;                 /* the terminal can show italics */

  struct view_kiosk *kiosk;     /* kiosk mode's state (view-kiosk.c) */

  struct view_rows *rows;       /* what each row shows (view-rows.c) */
  struct view_term *term;       /* what writes them (view-term.c) */
};

/* Compute V->geo for a screen of LINES x COLS. */
void view_draw_geometry (struct view *v, int lines, int cols);

/* Set up colours (once, after the screen is started): V->colour and
   V->italics (view-theme.c). */
void view_theme_init (struct view *v);

/* The curses attributes (an attr_t) of ROLE on V's screen. */
unsigned long view_role_attr (const struct view *v, enum role role);

/* Draw everything from V's state (kiosk mode's screens included) and
   write what changed to the terminal, recording the tap targets. */
void view_draw (struct view *v);

/* The layout of PAGE in LANG at WIDTH, kept by V (view-cache.c). */
const struct layout *view_cache_page (struct view *v, const struct page *page,
                                      enum lang lang, int width);

/* Free every layout V keeps. */
void view_cache_flush (struct view *v);

/* The event for a tap at row Y, column X, or false when nothing is there. */
bool view_draw_hit (const struct view *v, int y, int x, struct nav_event *ev);

/* The row record (view-rows.c): view_draw draws every row of a frame
   into it, and it writes to the terminal only the rows that differ
   from what they show.  A row is blanked, then runs are put on it. */
struct view_rows;
struct view_term;

/* A new record, to free with view_rows_free. */
struct view_rows *view_rows_new (void);

/* Free R (NULL is fine). */
void view_rows_free (struct view_rows *r);

/* Start a frame of LINES x COLS (another size forgets every row). */
void view_rows_begin (struct view_rows *r, int lines, int cols);

/* Row Y of the frame starts afresh, blank. */
void view_rows_blank (struct view_rows *r, int y);

/* Put S[0..N), WIDTH columns (already cut to fit), at row Y, column X,
   in the curses attributes ATTR. */
void view_rows_put (struct view_rows *r, int y, int x, const char *s,
                    size_t n, int width, unsigned long attr);

/* End the frame: write the rows that changed to the terminal T. */
void view_rows_end (struct view_rows *r, struct view_term *t);

/* Forget what every row shows: the next frame draws them all (after a
   resize, ^L, or a change of colours). */
void view_rows_forget (struct view_rows *r);

/* Shared by the guide's drawing and kiosk mode's screens (view-draw.c):
   write S, as much as fits in MAXW columns, at row Y, column X in the
   attributes ATTR, returning the columns written; COUNT copies of the
   one-column S; blank row Y.  Only while view_draw draws a frame. */
int view_put (int y, int x, const char *s, unsigned long attr, int maxw);
void view_put_repeat (int y, int x, const char *s, int count,
                      unsigned long attr);
void view_blank_row (int y);

/* What the terminal shows is unknown (resized, garbled, back from a
   suspension): the next frame writes all of it. */
void view_draw_forget (struct view *v);

#endif /* KIOSQUE_VIEW_PRIVATE_H */
