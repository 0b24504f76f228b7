/* view-rows.c -- what each row of the screen was drawn with, so that a
   frame writes to the terminal only the rows that changed.  view-draw.c
   (and kiosk mode's screens over it) draw every row of every frame, but
   into this record: a row is a list of runs (column, attributes, text)
   after a blank.  At the end of the frame a row equal to the one
   written last time is left alone; a block of changed rows that shows
   what other rows showed (a scrolled body) is first moved on the
   terminal; a changed row is written from its first changed run, its
   runs in order (a later one over an earlier one, as drawing over them
   would), the cells between them blanked (view-term.c makes the
   bytes). */
#include "system.h"

#include "text.h"
#include "view-private.h"
#include "view-term.h"

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
  uint64_t shown_hash;  /* row_hash of SHOWN */
  uint64_t now_hash;    /* row_hash of NOW, for a row that changed */
};

/* The record of a screen of LINES x COLS. */
struct view_rows
{
  int lines, cols;
  struct row *rows;
  bool unknown;         /* what the terminal shows is unknown: the
                           next frame clears it first */
};

/* A new, empty record: the first frame draws every row. */
struct view_rows *
view_rows_new (void)
{
  struct view_rows *r = xcalloc (1, sizeof (struct view_rows));
  r->unknown = true;
  return r;
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
      r->unknown = true;
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

/* Blank cells a cursor move would skip are written as spaces when
   there are at most this many: about the bytes of the move. */
#define GAP_SPACES 6

/* The smallest column of the runs in REC[I..LEN), or INT_MAX. */
static int
runs_lo (const char *rec, size_t i, size_t len)
{
  int lo = INT_MAX;
  while (len - i >= sizeof (struct run))
    {
      struct run run;
      memcpy (&run, rec + i, sizeof run);
      if (run.x < lo)
        lo = run.x;
      i += sizeof run + run.n;
      if (i > len)
        break;
    }
  return lo;
}

/* The runs ROW starts with that are the same as on the screen (a
   footer whose first buttons did not change): their bytes in ROW->now,
   which need not be written again, and in *LO the column from which the
   row changes.  None when a later run, drawn or shown, reaches back
   over them. */
static size_t
same_start (const struct row *row, int *lo)
{
  size_t i = 0;
  int end = 0;
  while (row->now_len - i >= sizeof (struct run)
         && row->shown_len - i >= sizeof (struct run))
    {
      struct run run;
      memcpy (&run, row->now + i, sizeof run);
      size_t n = sizeof run + run.n;
      if (n > row->now_len - i || n > row->shown_len - i
          || memcmp (row->now + i, row->shown + i, n) != 0)
        break;
      if (run.x + run.width > end)
        end = run.x + run.width;
      i += n;
    }
  if (i == 0)
    return 0;
  int now_lo = runs_lo (row->now, i, row->now_len);
  int shown_lo = runs_lo (row->shown, i, row->shown_len);
  int rest = now_lo < shown_lo ? now_lo : shown_lo;
  if (rest < end)
    return 0;
  *lo = rest;
  return i;
}

/* Write row Y of R to the terminal T: from the leftmost column that
   changes, each run at its column in its attributes, the cells between
   runs and after them blank.  The row is written only where it had or
   will have runs: the rest is blank already. */
static void
write_row (struct view_rows *r, struct view_term *t, int y)
{
  const struct row *row = &r->rows[y];
  const char *rec = row->now;
  size_t len = row->now_len;
  int lo = row->now_lo < row->shown_lo ? row->now_lo : row->shown_lo;
  int hi = row->now_hi > row->shown_hi ? row->now_hi : row->shown_hi;
  /* An empty side has no columns. */
  if (row->now_len == 0)
    lo = row->shown_lo, hi = row->shown_hi;
  else if (row->shown_len == 0)
    lo = row->now_lo, hi = row->now_hi;
  /* The bottom-right cell, on a terminal that would scroll for it, is
     left as the clearing left it. */
  int edge = y == r->lines - 1 && !view_term_last_cell (t)
             ? r->cols - 1 : r->cols;
  /* CURSOR is where the terminal's cursor is; every column left of
     DONE has been written. */
  size_t i = same_start (row, &lo);
  int cursor = -1, done = lo;
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
      /* Cells between runs are blanked, unless the screen has them
         blank already and a cursor move is shorter. */
      if (run.x > done && (run.x - done <= GAP_SPACES
                           || (run.x > row->shown_lo
                               && done < row->shown_hi)))
        {
          if (cursor != done)
            view_term_move (t, y, done);
          view_term_blank (t, run.x - done);
          cursor = run.x;
        }
      if (run.x > done)
        done = run.x;
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

/* A hash of the record S[0..N): rows that moved are found by it. */
static uint64_t
row_hash (const char *s, size_t n)
{
  uint64_t h = 0x9e3779b97f4a7c15u ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, s + i, 8);
      h = (h ^ w) * 0x100000001b3u;
      h ^= h >> 29;
    }
  for (; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * 0x100000001b3u;
  return h;
}

/* Whether row Y is to show what row FROM shows now. */
static bool
moved_from (const struct view_rows *r, int y, int from)
{
  const struct row *to = &r->rows[y], *src = &r->rows[from];
  return to->now_hash == src->shown_hash && to->now_len == src->shown_len
         && (to->now_len == 0
             || memcmp (to->now, src->shown, to->now_len) == 0);
}

/* The block of rows that moved, the way that saves the most writing:
   rows [*A, *B) show what the rows SHIFT further down showed (SHIFT < 0:
   further up), as after a scroll of the body.  Each changed row votes
   for the shifts that would bring its text from where it shows now;
   the block is the longest one the winner moves.  Returns SHIFT, or 0
   when scrolling would save writing fewer than two rows. */
static int
find_shift (const struct view_rows *r, const bool *changed, int *a, int *b)
{
  int lines = r->lines;
  int *votes = xcalloc (2 * (size_t) lines, sizeof *votes);
  int shift = 0;
  for (int y = 0; y < lines; y++)
    if (changed[y] && r->rows[y].now_len > 0)
      for (int from = 0; from < lines; from++)
        if (from != y && r->rows[from].shown_hash == r->rows[y].now_hash
            && ++votes[from - y + lines] > (shift ? votes[shift + lines] : 1))
          shift = from - y;
  free (votes);
  if (!shift)
    return 0;
  /* Unchanged rows may be in the block (their hash is the one they
     show), and blank ones: only the other rows it saves writing count. */
  int y0 = shift < 0 ? -shift : 0;
  int y1 = shift > 0 ? lines - shift : lines;
  int start = y0, gain = 0, best_gain = 1;
  for (int y = y0; y <= y1; y++)
    {
      if (y < y1 && r->rows[y].now_hash == r->rows[y + shift].shown_hash)
        {
          gain += changed[y] && r->rows[y].now_len > 0;
          continue;
        }
      if (gain > best_gain)
        {
          best_gain = gain;
          *a = start;
          *b = y;
        }
      start = y + 1;
      gain = 0;
    }
  if (best_gain < 2)
    return 0;
  /* A hash is not the row: the block must be the very rows. */
  for (int y = *a; y < *b; y++)
    if (!moved_from (r, y, y + shift))
      return 0;
  return shift;
}

/* Scroll rows [A, B) of the terminal T to show what the rows SHIFT
   further down (or up) show, and move their records with them.  The
   rows the scroll leaves behind show blank.  False when the terminal
   cannot scroll a part of the screen. */
static bool
scroll_rows (struct view_rows *r, struct view_term *t, int a, int b,
             int shift)
{
  int top = shift > 0 ? a : a + shift;
  int bottom = shift > 0 ? b + shift : b;       /* exclusive */
  if (!view_term_scroll (t, top, bottom - 1, shift, r->lines))
    return false;
  int n = bottom - top;
  struct row *old = xmalloc ((size_t) n * sizeof *old);
  memcpy (old, r->rows + top, (size_t) n * sizeof *old);
  for (int i = 0; i < n; i++)
    {
      /* Row I of the region shows old row I + SHIFT, or a blank row,
         reusing a record scrolled off. */
      int from = i + shift;
      if (from < 0)
        from += n;
      else if (from >= n)
        from -= n;
      struct row *row = &r->rows[top + i];
      row->shown = old[from].shown;
      row->shown_cap = old[from].shown_cap;
      bool blank = shift > 0 ? i + shift >= n : i + shift < 0;
      row->shown_len = blank ? 0 : old[from].shown_len;
      row->shown_lo = blank ? 0 : old[from].shown_lo;
      row->shown_hi = blank ? 0 : old[from].shown_hi;
      row->shown_hash = blank ? row_hash ("", 0) : old[from].shown_hash;
    }
  free (old);
  return true;
}

/* End the frame: the rows that differ from what the screen shows are
   written to the terminal T; the others are not touched.  Where a block
   of them shows what other rows showed (a scrolled body), the terminal
   scrolls it first. */
void
view_rows_end (struct view_rows *r, struct view_term *t)
{
  if (r->unknown)
    {
      view_term_clear (t, r->lines, r->cols);
      for (int y = 0; y < r->lines; y++)
        {
          r->rows[y].shown_len = 0;
          r->rows[y].shown_lo = r->rows[y].shown_hi = 0;
          r->rows[y].shown_hash = row_hash ("", 0);
        }
      r->unknown = false;
    }
  bool *changed = xcalloc (r->lines > 0 ? (size_t) r->lines : 1,
                           sizeof *changed);
  int nchanged = 0;
  for (int y = 0; y < r->lines; y++)
    {
      struct row *row = &r->rows[y];
      row->now_hash = row->shown_hash;
      if (row->now_len == row->shown_len
          && (row->now_len == 0
              || memcmp (row->now, row->shown, row->now_len) == 0))
        continue;
      row->now_hash = row_hash (row->now, row->now_len);
      changed[y] = true;
      nchanged++;
    }
  int a = 0, b = 0, shift = nchanged > 2 ? find_shift (r, changed, &a, &b) : 0;
  /* The scrolled region, whose rows show other rows now. */
  int top = 0, bottom = 0;
  if (shift && scroll_rows (r, t, a, b, shift))
    {
      top = shift > 0 ? a : a + shift;
      bottom = shift > 0 ? b + shift : b;
    }
  for (int y = 0; y < r->lines; y++)
    {
      struct row *row = &r->rows[y];
      if (y >= top && y < bottom)
        {
          if (!changed[y])
            row->now_hash = row_hash (row->now, row->now_len);
          if (moved_from (r, y, y))
            continue;
        }
      else if (!changed[y])
        continue;
      write_row (r, t, y);
      /* What was drawn is now what the screen shows. */
      char *spare = row->shown;
      size_t spare_cap = row->shown_cap;
      row->shown = row->now;
      row->shown_len = row->now_len;
      row->shown_cap = row->now_cap;
      row->shown_lo = row->now_lo;
      row->shown_hi = row->now_hi;
      row->shown_hash = row->now_hash;
      row->now = spare;
      row->now_cap = spare_cap;
      row->now_len = 0;
    }
  free (changed);
}

/* Forget what every row shows: the next frame draws them all (a
   repainted or resized terminal, other colours). */
void
view_rows_forget (struct view_rows *r)
{
  r->unknown = true;
}
