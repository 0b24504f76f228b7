/* view-term.h -- what kiosque writes to the terminal (view-term.c):
   the bytes of a frame, made from the terminal's terminfo strings,
   gathered and written at once.  The row record (view-rows.c) says
   what to write; curses has set the terminal up.  No curses types
   here. */
#ifndef KIOSQUE_VIEW_TERM_H
#define KIOSQUE_VIEW_TERM_H

#include <stdbool.h>
#include <stddef.h>

struct view_term;

/* A writer to the terminal on FD, for the terminal curses (or
   setupterm) was set up for; made once the colours are set up (they
   are read from curses' colour pairs). */
struct view_term *view_term_new (int fd);

/* Free T (NULL is fine). */
void view_term_free (struct view_term *t);

/* The terminal's attributes and size are unknown (a repainted or
   resized terminal): the next view_term_attr sets them whatever they
   were, and view_term_resized takes the size as it is then. */
void view_term_forget (struct view_term *t);

/* Whether the terminal's size changed since the first frame after
   view_term_new or view_term_forget (false when it cannot tell). */
bool view_term_resized (struct view_term *t);

/* Whether the bottom-right cell can be written without scrolling. */
bool view_term_last_cell (const struct view_term *t);

/* Move the cursor to row Y, column X. */
void view_term_move (struct view_term *t, int y, int x);

/* Write in the curses attributes ATTR from now on. */
void view_term_attr (struct view_term *t, unsigned long attr);

/* Write the UTF-8 text S[0..N) (control characters as '?'). */
void view_term_text (struct view_term *t, const char *s, size_t n);

/* Write COUNT blank cells. */
void view_term_blank (struct view_term *t, int count);

/* Blank the row from the cursor to its end, COUNT cells. */
void view_term_clear_to_end (struct view_term *t, int count);

/* Scroll rows TOP to BOTTOM (inclusive) of a screen of LINES rows up
   by SHIFT rows (down when SHIFT < 0), blank rows coming in, the rest
   of the screen left as it is; false, writing nothing, when the
   terminal cannot. */
bool view_term_scroll (struct view_term *t, int top, int bottom, int shift,
                       int lines);

/* Clear the whole screen, of LINES x COLS. */
void view_term_clear (struct view_term *t, int lines, int cols);

/* Send what was gathered to the terminal. */
void view_term_flush (struct view_term *t);

#endif /* KIOSQUE_VIEW_TERM_H */
