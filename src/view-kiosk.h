/* view-kiosk.h -- the terminal side of kiosk mode (view-kiosk.c): the
   lockdown, the timers, drawing the countdown, the attract screen, the
   PIN pad and the staff screens, and the calls view.c's loop makes into
   it.  No curses types here. */
#ifndef KIOSQUE_VIEW_KIOSK_H
#define KIOSQUE_VIEW_KIOSK_H

#include <stdbool.h>
#include <wchar.h>

#include "view-private.h"

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

/* Draw the kiosk's screen over the guide view_draw() drew, and record
   the staff corner as a tap target. */
void view_kiosk_draw (struct view *v);

#endif /* KIOSQUE_VIEW_KIOSK_H */
