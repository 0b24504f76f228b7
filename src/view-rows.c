/* view-rows.c -- what each row of the screen was drawn with, so that a
   frame hands curses only the rows that changed.  view-draw.c still
   draws every row of every frame, but into this record: a row is a list
   of runs (column, attributes, text) after a blank.  At the end of the
   frame a row equal to the one drawn last time is left alone, so curses
   neither copies nor compares it (wnoutrefresh) nor looks at it again
   (doupdate); a changed row is blanked and its runs replayed in order,
   which gives the very cells a direct drawing gives. */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

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

/* Whether C is one of the text engine's plain characters: ASCII and
   the frames' box drawing answered here, the rest by text_is_plain. */
static inline bool
plain (wchar_t c)
{
  return (c >= 0x20 && c < 0x7f) || (c >= 0x2500 && c < 0x25fd)
         || text_is_plain ((unsigned int) c);
}

/* Whether the character C fills one cell by itself, the character
   NEXT not joining it: a plain character (one column for the C library
   too, which curses asks), else what the C library gives one column. */
static inline bool
one_cell (wchar_t c, wchar_t next)
{
  if (next >= 0x300 && !plain (next) && wcwidth (next) == 0)
    return false;
  return plain (c) || (c >= 0xa0 && wcwidth (c) == 1);
}

/* The character at S[0..N) (N > 0) and its bytes in *LEN: ASCII here,
   the rest by the text engine. */
static inline wchar_t
char_at (const unsigned char *s, size_t n, size_t *len)
{
  if (s[0] < 0x80)
    {
      *len = 1;
      return s[0];
    }
  return (wchar_t) text_char_at ((const char *) s, n, len);
}

/* Put the N cells CELLS at row Y, column X.  wadd_wchnstr copies cells
   as they are; wadd_wch asks the C library (wctob, through iconv) about
   every character, which cost more than all the rest of a row. */
static void
add_cells (int y, int x, const cchar_t *cells, int n)
{
  if (n <= 0)
    return;
  move (y, x);
  add_wchnstr (cells, n);
}

/* How many times the LEN bytes at S[0..N) follow one another from S on
   (at least 1). */
static size_t
repeats (const unsigned char *s, size_t n, size_t len)
{
  size_t k = 1;
  while ((k + 1) * len <= n && memcmp (s + k * len, s, len) == 0)
    k++;
  return k;
}

/* Add S[0..N) at row Y from column X.  A character of one cell is
   given to curses as a cell, many at once; the others (wide characters,
   combining marks, which curses must place) as wide characters.  The
   cells are what waddnwstr would make: the character, no attributes of
   its own, the window's added by curses (ncurses' cchar_t).  A long
   stretch of one character (a frame's edge, a rule: half the cells of
   a page of cards) is one line of that cell (whline_set), which curses
   fills without measuring and rendering every cell again. */
static void
add_utf8 (int y, int x, const char *s, size_t n)
{
  enum { CHUNK = 128, STRETCH = 8 };
  cchar_t cells[CHUNK];
  wchar_t wide[CHUNK];
  int ncells = 0, nwide = 0;
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0;
  size_t len = 0;
  wchar_t c = n > 0 ? char_at (u, n, &len) : 0;
  while (i < n)
    {
      size_t next_len = 0;
      wchar_t next = i + len < n ? char_at (u + i + len, n - i - len,
                                            &next_len) : 0;
      if (next == c && nwide == 0 && plain (c))
        {
          size_t k = repeats (u + i, n - i, len);
          /* The last one stays out when a mark joins it. */
          if (i + k * len < n)
            {
              size_t after_len;
              wchar_t after = char_at (u + i + k * len, n - i - k * len,
                                       &after_len);
              if (!one_cell (c, after))
                k--;
            }
          if (k >= STRETCH && k <= (size_t) INT_MAX)
            {
              add_cells (y, x, cells, ncells);
              x += ncells;
              ncells = 0;
              cchar_t cell;
              memset (&cell, 0, sizeof cell);
              cell.chars[0] = c;
              mvhline_set (y, x, &cell, (int) k);
              x += (int) k;
              i += k * len;
              c = i < n ? char_at (u + i, n - i, &len) : 0;
              continue;
            }
        }
      if (one_cell (c, next) && nwide == 0)
        {
          memset (&cells[ncells], 0, sizeof cells[ncells]);
          cells[ncells].chars[0] = c;
          if (++ncells == CHUNK)
            {
              add_cells (y, x, cells, ncells);
              x += ncells;
              ncells = 0;
            }
        }
      else
        {
          if (ncells > 0)
            {
              add_cells (y, x, cells, ncells);
              x += ncells;
              ncells = 0;
              move (y, x);
            }
          else if (nwide == 0)
            move (y, x);
          wide[nwide++] = c;
          /* A character that joins the previous one goes with it. */
          if (nwide == CHUNK || next == 0 || one_cell (next, 0)
              || wcwidth (next) != 0)
            {
              addnwstr (wide, nwide);
              x = getcurx (stdscr);
              nwide = 0;
            }
        }
      i += len;
      c = next;
      len = next_len;
    }
  add_cells (y, x, cells, ncells);
}

/* Blank row Y of R on the screen and draw its runs on it, in order.
   A row whose screen is known is blanked only where it had or will
   have runs: the rest is blank already, and curses need not look. */
static void
replay (struct view_rows *r, int y)
{
  const struct row *row = &r->rows[y];
  const char *rec = row->now;
  size_t len = row->now_len;
  attrset (A_NORMAL);
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
  if (hi >= r->cols)
    {
      move (y, lo);
      clrtoeol ();
    }
  else if (hi > lo)
    mvhline (y, lo, ' ', hi - lo);
  size_t i = 0;
  while (len - i >= sizeof (struct run))
    {
      struct run run;
      memcpy (&run, rec + i, sizeof run);
      i += sizeof run;
      if (run.n > len - i)
        break;
      attrset ((attr_t) run.attr);
      add_utf8 (y, run.x, rec + i, run.n);
      attrset (A_NORMAL);
      i += run.n;
    }
}

/* End the frame: the rows that differ from what the screen shows are
   drawn on curses' screen; the others are not touched. */
void
view_rows_end (struct view_rows *r)
{
  for (int y = 0; y < r->lines; y++)
    {
      struct row *row = &r->rows[y];
      if (row->known && row->now_len == row->shown_len
          && (row->now_len == 0
              || memcmp (row->now, row->shown, row->now_len) == 0))
        continue;
      replay (r, y);
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

/* Forget the rows something else drew on since curses last took the
   screen (kiosk mode's overlays), so that the next frame redraws them. */
void
view_rows_forget_touched (struct view_rows *r)
{
  for (int y = 0; y < r->lines && y < LINES; y++)
    if (is_linetouched (stdscr, y))
      r->rows[y].known = false;
}
