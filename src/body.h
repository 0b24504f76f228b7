/* body.h -- the other texts the screen's body shows besides a single
   page: French and Vietnamese side by side, and the help.  Pure: they
   are layouts, drawn and scrolled exactly like a page's. */
#ifndef KIOSQUE_BODY_H
#define KIOSQUE_BODY_H

#include <stdbool.h>

#include "layout.h"

/* LEFT and RIGHT (the same page in two languages) side by side, GAP
   columns apart with a rule in the middle.  Block by block: each block
   starts on the same row in both columns, the shorter one padded with
   empty rows.  Links keep their order, LEFT's first; RIGHT's link K is
   link LEFT->nlinks + K.  The lines' language is LEFT's.  Free with
   body_free(). */
struct layout *body_twin (const struct layout *left, const struct layout *right,
                          int gap);

/* The help text at WIDTH columns, in the current messages language;
   KIOSK leaves out the quit key.  Free with body_free(). */
struct layout *body_help (int width, bool kiosk);

/* Free a layout made here. */
void body_free (struct layout *layout);

#endif /* KIOSQUE_BODY_H */
