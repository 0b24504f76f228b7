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
  char *shown;
  size_t shown_len, shown_cap;
  bool known;           /* SHOWN is what the screen has on this row */
};

struct view_rows
{
  int lines, cols;
  struct row *rows;
  int end_y, end_x;     /* where the frame's drawing left the cursor */
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
    r->rows[y].now_len = 0;
  r->end_y = r->end_x = 0;
}

/* Row Y starts afresh, blank. */
void
view_rows_blank (struct view_rows *r, int y)
{
  if (y < 0 || y >= r->lines)
    return;
  r->rows[y].now_len = 0;
  r->end_y = y;
  r->end_x = 0;
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
  row->now_len += sizeof run + n;
  r->end_y = y;
  r->end_x = x + width < r->cols ? x + width : r->cols - 1;
}

/* The code point of the UTF-8 sequence at S[0..N) (U+FFFD when it is
   malformed); *LEN gets its bytes, at least 1.  The text was checked on
   load: this only keeps a bad byte from being read past. */
static wchar_t
utf8_next (const unsigned char *s, size_t n, size_t *len)
{
  unsigned int c = s[0];
  size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
  *len = 1;
  if (k == 0 || k > n)
    return k == 1 ? (wchar_t) c : 0xfffd;
  if (k == 1)
    return (wchar_t) c;
  c &= 0x3fu >> (k - 1);
  for (size_t i = 1; i < k; i++)
    {
      if ((s[i] & 0xc0) != 0x80)
        return 0xfffd;
      c = (c << 6) | (s[i] & 0x3fu);
    }
  *len = k;
  return (wchar_t) c;
}

/* Add S[0..N) at the cursor.  Curses is given wide characters decoded
   here, in chunks: its own multibyte path (waddnstr) decodes byte by
   byte through the C library and cost most of a frame. */
static void
add_utf8 (const char *s, size_t n)
{
  wchar_t buf[128];
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0;
  while (i < n)
    {
      int k = 0;
      while (i < n && k < (int) ARRAY_SIZE (buf))
        {
          if (u[i] < 0x80)
            buf[k++] = u[i++];
          else
            {
              size_t len;
              buf[k++] = utf8_next (u + i, n - i, &len);
              i += len;
            }
        }
      addnwstr (buf, k);
    }
}

/* Blank row Y on the screen and draw ROW's runs on it, in order. */
static void
replay (int y, const char *rec, size_t len)
{
  attrset (A_NORMAL);
  move (y, 0);
  clrtoeol ();
  size_t i = 0;
  while (len - i >= sizeof (struct run))
    {
      struct run run;
      memcpy (&run, rec + i, sizeof run);
      i += sizeof run;
      if (run.n > len - i)
        break;
      attrset ((attr_t) run.attr);
      move (y, run.x);
      add_utf8 (rec + i, run.n);
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
          && memcmp (row->now, row->shown, row->now_len) == 0)
        continue;
      replay (y, row->now, row->now_len);
      /* What was drawn is now what the screen shows. */
      char *t = row->shown;
      size_t tcap = row->shown_cap;
      row->shown = row->now;
      row->shown_len = row->now_len;
      row->shown_cap = row->now_cap;
      row->now = t;
      row->now_cap = tcap;
      row->now_len = 0;
      row->known = true;
    }
  /* The cursor is hidden; it goes where drawing every row left it. */
  if (r->lines > 0)
    move (r->end_y, r->end_x);
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
