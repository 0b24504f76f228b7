/* view.h -- the full-screen guide: the only code that talks to the
   terminal (ncursesw).  It turns keys and taps into nav events and
   draws the navigation state and the layout. */
#ifndef KIOSQUE_VIEW_H
#define KIOSQUE_VIEW_H

#include <stdbool.h>

#include "lang.h"
#include "model.h"

struct staff;
struct stats;

struct view_options
{
  enum lang lang;               /* language to start in */
  const char *page;             /* page to open first, or NULL for home */
  bool kiosk;                   /* locked down: no quit key, raw input */
  unsigned tap_guard_ms;        /* see NAV_TAP_GUARD_MS; 0 turns it off */
  /* Kiosk mode and staff (view-kiosk.c). */
  int idle_seconds;             /* idle reset after this; 0 never; -1 the site's */
  const struct staff *staff;    /* NULL: staff access is off */
  struct stats *stats;          /* counts page views, visits, idle resets;
                                   may be NULL */
};

/* Run the guide on SITE until the visitor quits.  Returns the exit
   status: 0, or 1 when the terminal cannot be used (after saying why on
   stderr). */
int view_run (const struct site *site, const struct view_options *options);

#endif /* KIOSQUE_VIEW_H */
