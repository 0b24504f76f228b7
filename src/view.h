/* view.h -- the full-screen guide: the only code that talks to the
   terminal (ncursesw).  It turns keys and taps into nav events and
   draws the navigation state and the layout. */
#ifndef KIOSQUE_VIEW_H
#define KIOSQUE_VIEW_H

#include <stdbool.h>

#include "lang.h"
#include "model.h"

struct view_options
{
  enum lang lang;               /* language to start in */
  const char *page;             /* page to open first, or NULL for home */
  bool kiosk;                   /* no quit key (issue 5 adds the rest) */
  unsigned tap_guard_ms;        /* see NAV_TAP_GUARD_MS; 0 turns it off */
};

/* Run the guide on SITE until the visitor quits.  Returns the exit
   status: 0, or 1 when the terminal cannot be used (after saying why on
   stderr). */
int view_run (const struct site *site, const struct view_options *options);

#endif /* KIOSQUE_VIEW_H */
