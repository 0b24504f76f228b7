/* view-kiosk.h -- the terminal side of kiosk mode: the lockdown, the
   timers and the input (view-kiosk.c), drawing the countdown, the
   attract screen, the PIN pad and the staff screens (view-kiosk-draw.c),
   and the calls view.c's loop makes into them.  No curses types here. */
#ifndef KIOSQUE_VIEW_KIOSK_H
#define KIOSQUE_VIEW_KIOSK_H

#include <stdbool.h>
#include <wchar.h>

#include "kiosk-report.h"
#include "kiosk.h"
#include "view-private.h"

/* Marks the staff corner's tap target among the guide's (NAV_NONE's ARG). */
#define VIEW_KIOSK_CORNER_MARK (-4242)

/* A place on a kiosk screen that answers a tap. */
struct view_kiosk_target
{
  int y0, y1;           /* rows, inclusive */
  int x0, x1;           /* columns [x0, x1) */
  struct kiosk_event ev;
};

/* Kiosk mode's side of the view: the state machine, what the staff
   screens show, and what the input needs from the last drawing. */
struct view_kiosk
{
  struct kiosk k;
  struct kiosk_report report;
  struct site *site;            /* a reloaded site, owned here; NULL
                                   while the caller's is shown */
  bool lang_set;                /* staff chose the default language */

  struct view_kiosk_target *targets;
  size_t ntargets, targets_cap;
  size_t report_lines;          /* the report as last drawn */
  size_t report_height;

  char *last_page;              /* the last page view counted */
  enum lang last_lang;

  bool down, dragging;          /* a finger on a kiosk screen */
  int down_x, down_y, last_y;
};

/* What view_kiosk_input() asks of the loop. */
enum
{
  VIEW_KIOSK_TAKEN    = 1 << 0, /* the input was the kiosk's: skip it */
  VIEW_KIOSK_REDRAW   = 1 << 1,
  VIEW_KIOSK_RELAYOUT = 1 << 2, /* a fresh visit, a reload, a language */
  VIEW_KIOSK_EXIT     = 1 << 3  /* staff chose Exit */
};

/* Set up kiosk mode once the screen has started: raw input in kiosk
   mode, the timers, the staff pad.  Sets V->kiosk. */
void view_kiosk_start (struct view *v);

/* Free what view_kiosk_start() made (and a reloaded site), last of all. */
void view_kiosk_end (struct view *v);

/* Every wget_wch() result (TYPE and C) goes here first, a timeout (ERR)
   too: it runs the timers, takes all input while a kiosk screen shows,
   and F12 from the guide. */
unsigned view_kiosk_input (struct view *v, int type, wint_t c);

/* Milliseconds until the kiosk's timers need the loop, or -1. */
long long view_kiosk_wait (struct view *v);

/* A tap the guide made into EV: true when it was on the staff corner
   (counted for the gesture, and kept from the guide). */
bool view_kiosk_tap (struct view *v, const struct nav_event *ev);

/* The guide was laid out again: count the page view if a new page (or
   language) is on screen. */
void view_kiosk_shown (struct view *v);

/* Milliseconds on a clock that never jumps. */
long long view_kiosk_now (void);

/* Draw the kiosk's screen over the guide view_draw() drew, and record
   the staff corner as a tap target. */
void view_kiosk_draw (struct view *v);

#endif /* KIOSQUE_VIEW_KIOSK_H */
