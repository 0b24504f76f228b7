/* view-rows.c -- what each row of the screen was drawn with, so that a
   frame writes to the terminal only the rows that changed.  view-draw.c
   (and kiosk mode's screens over it) draw every row of every frame, but
   into this record: a row is a list of runs (column, attributes, text)
   after a blank.  At the end of the frame a row equal to the one
   written last time is left alone; a changed row is written from its
   first changed column, its runs in order (a later one over an earlier
   one, as drawing over them would), the cells between them blanked
   (view-term.c makes the bytes). */
#include "system.h"

#include "text.h"
#include "view-private.h"

/* A run's header in a row's record; the text follows it. */
struct run
{
  int x;
  int width;
  unsigned long attr;
  size_t n;
};

/* One row: the runs drawn this frame and the ones it showed last. */
struct row
{
  char *now;
  size_t now_len, now_cap;
  int now_lo, now_hi;   /* the columns the runs cover, [lo, hi) */
  char *shown;
  size_t shown_len, shown_cap;
  int shown_lo, shown_hi;
  bool known;           /* SHOWN is what the screen has on this row */
};

/* The record of a screen of LINES x COLS. */
struct view_rows
{
  int lines, cols;
  struct row *rows;
};

/* A new, empty record: the first frame draws every row. */
struct view_rows *
view_rows_new (void)
{
  return xcalloc (1, sizeof (struct view_rows));
}

/* Forget the rows of R (a new size). */
static void
drop_rows (struct view_rows *r)
{
  for (int y = 0; r->rows && y < r->lines; y++)
    {
      free (r->rows[y].now);
      free (r->rows[y].shown);
    }
  free (r->rows);
  r->rows = NULL;
  r->lines = r->cols = 0;
}

/* Free R. */
void
view_rows_free (struct view_rows *r)
{
  if (!r)
    return;
  drop_rows (r);
  free (r);
}

/* Start a frame on a screen of LINES x COLS: every row is empty until
   drawn.  Another size than last time forgets what was shown. */
void
view_rows_begin (struct view_rows *r, int lines, int cols)
{
  if (lines != r->lines || cols != r->cols || !r->rows)
    {
      drop_rows (r);
      if (lines < 0)
        lines = 0;
      r->rows = xcalloc (lines > 0 ? (size_t) lines : 1, sizeof *r->rows);
      r->lines = lines;
      r->cols = cols;
    }
  for (int y = 0; y < r->lines; y++)
    {
      r->rows[y].now_len = 0;
      r->rows[y].now_lo = r->rows[y].now_hi = 0;
    }
}

/* Row Y starts afresh, blank. */
void
view_rows_blank (struct view_rows *r, int y)
{
  if (y < 0 || y >= r->lines)
    return;
  r->rows[y].now_len = 0;
  r->rows[y].now_lo = r->rows[y].now_hi = 0;
}

/* Draw S[0..N), WIDTH columns, at row Y, column X in ATTR (the caller
   measured and cut it to fit the row). */
void
view_rows_put (struct view_rows *r, int y, int x, const char *s, size_t n,
               int width, unsigned long attr)
{
  if (y < 0 || y >= r->lines || x < 0 || x >= r->cols || n == 0)
    return;
  struct row *row = &r->rows[y];
  struct run run;
  /* Rows are compared as bytes: no stray padding in them. */
  memset (&run, 0, sizeof run);
  run.x = x;
  run.width = width;
  run.attr = attr;
  run.n = n;
  if (n > SIZE_MAX - sizeof run - row->now_len)
    return;
  XGROW (row->now, row->now_cap, row->now_len + sizeof run + n);
  memcpy (row->now + row->now_len, &run, sizeof run);
  memcpy (row->now + row->now_len + sizeof run, s, n);
  if (row->now_len == 0 || x < row->now_lo)
    row->now_lo = x;
  int hi = width > r->cols - x ? r->cols : x + (width > 0 ? width : 1);
  if (row->now_len == 0 || hi > row->now_hi)
    row->now_hi = hi;
  row->now_len += sizeof run + n;
}

/* Write row Y of R to the terminal T: from the leftmost column that
   changes, each run at its column in its attributes, the cells between
   runs and after them blank.  A row whose screen is known is written
   only where it had or will have runs: the rest is blank already. */
static void
write_row (struct view_rows *r, struct view_term *t, int y)
{
  const struct row *row = &r->rows[y];
  const char *rec = row->now;
  size_t len = row->now_len;
  int lo = 0, hi = r->cols;
  if (row->known)
    {
      lo = row->now_lo < row->shown_lo ? row->now_lo : row->shown_lo;
      hi = row->now_hi > row->shown_hi ? row->now_hi : row->shown_hi;
      /* An empty side has no columns. */
      if (row->now_len == 0)
        lo = row->shown_lo, hi = row->shown_hi;
      else if (row->shown_len == 0)
        lo = row->now_lo, hi = row->now_hi;
    }
  /* The bottom-right cell, on a terminal that would scroll for it, is
     left as the clearing left it. */
  int edge = y == r->lines - 1 && !view_term_last_cell (t)
             ? r->cols - 1 : r->cols;
  /* CURSOR is where the terminal's cursor is; every column left of
     DONE has been written. */
  int cursor = lo, done = lo;
  view_term_move (t, y, lo);
  size_t i = 0;
  while (len - i >= sizeof (struct run))
    {
      struct run run;
      memcpy (&run, rec + i, sizeof run);
      i += sizeof run;
      if (run.n > len - i)
        break;
      const char *s = rec + i;
      size_t n = run.n;
      i += run.n;
      int width = run.width;
      if (run.x + width > edge)
        n = text_fit (s, n, edge - run.x, &width);
      if (n == 0)
        continue;
      if (run.x > done)
        {
          if (cursor != done)
            view_term_move (t, y, done);
          view_term_blank (t, run.x - done);
          cursor = done = run.x;
        }
      if (run.x != cursor)
        view_term_move (t, y, run.x);
      view_term_attr (t, run.attr);
      view_term_text (t, s, n);
      cursor = run.x + width;
      if (cursor > done)
        done = cursor;
    }
  if (hi > done && done < r->cols)
    {
      if (cursor != done)
        view_term_move (t, y, done);
      if (hi >= r->cols)
        view_term_clear_to_end (t, edge - done);
      else
        view_term_blank (t, hi - done);
    }
}

/* End the frame: the rows that differ from what the screen shows are
   written to the terminal T; the others are not touched. */
void
view_rows_end (struct view_rows *r, struct view_term *t)
{
  for (int y = 0; y < r->lines; y++)
    {
      struct row *row = &r->rows[y];
      if (row->known && row->now_len == row->shown_len
          && (row->now_len == 0
              || memcmp (row->now, row->shown, row->now_len) == 0))
        continue;
      write_row (r, t, y);
      /* What was drawn is now what the screen shows. */
      char *t = row->shown;
      size_t tcap = row->shown_cap;
      row->shown = row->now;
      row->shown_len = row->now_len;
      row->shown_cap = row->now_cap;
      row->shown_lo = row->now_lo;
      row->shown_hi = row->now_hi;
      row->now = t;
      row->now_cap = tcap;
      row->now_len = 0;
      row->known = true;
    }
}

/* Forget what every row shows: the next frame draws them all (a
   repainted or resized terminal, other colours). */
void
view_rows_forget (struct view_rows *r)
{
  for (int y = 0; y < r->lines; y++)
    r->rows[y].known = false;
}
