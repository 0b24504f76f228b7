/* rows-test.c -- what kiosque writes to the terminal leaves on it the
   very frame that was drawn.  Frames of random runs (overlapping ones,
   Vietnamese letters, frames' box drawing, attributes, the bottom-right
   cell) go through the row record (view-rows.c) and its writer
   (view-term.c) into a file; the bytes are played into libvterm, and
   every cell of its screen must be what drawing the runs in order on a
   blank grid gives.  Frames follow one another as on the kiosk: all
   new, a few rows changed, the body scrolled by some rows (which the
   writer moves on the terminal, taking lines out and putting blank ones
   in), the same frame again (which must write nothing), the screen
   forgotten (a resize).  Under xterm-256color, ansi, which would
   scroll the whole screen for its bottom-right cell, and vt100, which
   cannot move lines and pads its strings. */
#include "system.h"

#include <unistd.h>
#include <vterm.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "check.h"
#include "text.h"
#include "view-private.h"
#include "view-term.h"

/* After the project's headers: term.h defines macros named after every
   capability (lines, columns...). */
#include <term.h>

enum { MAX_ROWS = 24, MAX_COLS = 80, MAX_RUNS = 12, RUN_CHARS = 24 };

/* The one-column characters runs are made of. */
static const char *const glyphs[] = {
  "a", "Z", "7", " ", ".", "é", "ạ", "ữ", "Ế", "đ", "─", "│", "┌", "▼", "?",
};

static const unsigned long attrs[] = {
  A_NORMAL, A_BOLD, A_REVERSE, A_UNDERLINE, A_BOLD | A_UNDERLINE,
};

struct run
{
  int x, count;
  unsigned long attr;
  int glyph[RUN_CHARS];
};

/* A frame: each row's runs, drawn in order over a blank row. */
struct frame
{
  int nruns[MAX_ROWS];
  struct run runs[MAX_ROWS][MAX_RUNS];
};

/* What a cell should show. */
struct cell
{
  uint32_t c;
  unsigned long attr;
};

static unsigned long seed = 20261127;

static int
random_below (int n)
{
  seed = seed * 6364136223846793005u + 1442695040888963407u;
  return (int) ((seed >> 33) % (unsigned long) n);
}

static uint32_t
glyph_char (int g)
{
  size_t len;
  return text_char_at (glyphs[g], strlen (glyphs[g]), &len);
}

/* Row Y of F keeps its first FROM runs; random ones follow, COLS wide. */
static void
random_runs (struct frame *f, int y, int from, int cols)
{
  f->nruns[y] = from + random_below (MAX_RUNS - from + 1);
  if (random_below (4) == 0)
    f->nruns[y] = from;
  for (int i = from; i < f->nruns[y]; i++)
    {
      struct run *r = &f->runs[y][i];
      r->x = random_below (cols);
      r->count = 1 + random_below (RUN_CHARS);
      if (r->count > cols - r->x)
        r->count = cols - r->x;
      r->attr = attrs[random_below ((int) ARRAY_SIZE (attrs))];
      for (int k = 0; k < r->count; k++)
        r->glyph[k] = random_below ((int) ARRAY_SIZE (glyphs));
    }
}

/* A random row of runs, COLS wide. */
static void
random_row (struct frame *f, int y, int cols)
{
  random_runs (f, y, 0, cols);
}

/* Draw F into the record R, as view-draw.c does. */
static void
draw (struct view_rows *r, const struct frame *f, int rows, int cols)
{
  view_rows_begin (r, rows, cols);
  for (int y = 0; y < rows; y++)
    for (int i = 0; i < f->nruns[y]; i++)
      {
        const struct run *run = &f->runs[y][i];
        char text[RUN_CHARS * 4];
        size_t n = 0;
        for (int k = 0; k < run->count; k++)
          {
            size_t len = strlen (glyphs[run->glyph[k]]);
            memcpy (text + n, glyphs[run->glyph[k]], len);
            n += len;
          }
        view_rows_put (r, y, run->x, text, n, run->count, run->attr);
      }
}

/* The cells F gives, runs drawn in order over blank rows; the
   bottom-right cell stays blank when LAST_CELL is false. */
static void
expected (const struct frame *f, int rows, int cols, bool last_cell,
          struct cell grid[MAX_ROWS][MAX_COLS])
{
  for (int y = 0; y < rows; y++)
    for (int x = 0; x < cols; x++)
      grid[y][x] = (struct cell) { ' ', A_NORMAL };
  for (int y = 0; y < rows; y++)
    for (int i = 0; i < f->nruns[y]; i++)
      {
        const struct run *run = &f->runs[y][i];
        for (int k = 0; k < run->count; k++)
          if (last_cell || y < rows - 1 || run->x + k < cols - 1)
            grid[y][run->x + k] = (struct cell) { glyph_char (run->glyph[k]),
                                                  run->attr };
      }
}

/* Whether vterm's screen shows GRID; the first difference is told. */
static bool
screen_shows (VTermScreen *screen, struct cell grid[MAX_ROWS][MAX_COLS],
              int rows, int cols, const char *what, int step)
{
  for (int y = 0; y < rows; y++)
    for (int x = 0; x < cols; x++)
      {
        VTermScreenCell cell;
        VTermPos pos = { y, x };
        vterm_screen_get_cell (screen, pos, &cell);
        uint32_t c = cell.chars[0] ? cell.chars[0] : ' ';
        unsigned long a = grid[y][x].attr;
        bool same = c == grid[y][x].c
                    && !cell.attrs.bold == !(a & A_BOLD)
                    && !cell.attrs.reverse == !(a & A_REVERSE)
                    && !cell.attrs.underline == !(a & A_UNDERLINE);
        if (!same)
          {
            fprintf (stderr, "%s, step %d: row %d, column %d shows U+%04X"
                     " (bold %d reverse %d underline %d), not U+%04X"
                     " (attributes %#lx)\n", what, step, y, x,
                     (unsigned) c, cell.attrs.bold, cell.attrs.reverse,
                     cell.attrs.underline, (unsigned) grid[y][x].c, a);
            return false;
          }
      }
  return true;
}

/* Take what was written to FD since the last call. */
static size_t
take_output (int fd, char **buf, size_t *cap)
{
  off_t end = lseek (fd, 0, SEEK_END);
  if (end < 0)
    return 0;
  XGROW (*buf, *cap, (size_t) end + 1);
  ssize_t got = pread (fd, *buf, (size_t) end, 0);
  if (ftruncate (fd, 0) != 0 || lseek (fd, 0, SEEK_SET) != 0)
    return 0;
  return got > 0 ? (size_t) got : 0;
}

/* Whether the bytes BUF[0..N) delete lines (ESC [ n M), which the
   writer does to scroll a block of rows. */
static bool
deletes_lines (const char *buf, size_t n)
{
  for (size_t i = 0; i + 2 < n; i++)
    if (buf[i] == '\033' && buf[i + 1] == '[')
      {
        size_t k = i + 2;
        while (k < n && buf[k] >= '0' && buf[k] <= '9')
          k++;
        if (k < n && buf[k] == 'M')
          return true;
      }
  return false;
}

/* The next frame after PREV: a scroll of its body, some rows changed,
   the ends of some rows changed, the same frame, or all new.  Returns
   what it is. */
static const char *
next_frame (struct frame *f, const struct frame *prev, int rows, int cols,
            int step)
{
  *f = *prev;
  switch (step % 6)
    {
    case 0:
      for (int y = 0; y < rows; y++)
        random_row (f, y, cols);
      return "all new";
    case 1:
    case 3:
      {
        /* The body, between a header and a footer, moves by 1 to 6 rows
           either way; what comes in is new, and the footer changes. */
        int top = 1 + random_below (3), bottom = rows - 1 - random_below (3);
        int shift = (1 + random_below (6)) * (random_below (2) ? 1 : -1);
        for (int y = top; y < bottom; y++)
          {
            int from = y + shift;
            if (from >= top && from < bottom)
              {
                f->nruns[y] = prev->nruns[from];
                memcpy (f->runs[y], prev->runs[from], sizeof f->runs[y]);
              }
            else
              random_row (f, y, cols);
          }
        random_row (f, rows - 1, cols);
        return "scrolled";
      }
    case 2:
      for (int k = random_below (4); k >= 0; k--)
        random_row (f, random_below (rows), cols);
      return "rows changed";
    case 4:
      /* Rows whose first runs stay, as a footer's first buttons do. */
      for (int k = random_below (4); k >= 0; k--)
        {
          int y = random_below (rows);
          random_runs (f, y, f->nruns[y] / 2, cols);
        }
      return "ends changed";
    default:
      return "the same";
    }
}

/* Play STEPS frames at ROWS x COLS on the terminal TERM setupterm was
   given, whose bottom-right cell can be written when LAST_CELL, and
   which can take lines out and put them in when MOVES_LINES. */
static void
play (int fd, int rows, int cols, int steps, const char *term, bool last_cell,
      bool moves_lines)
{
  VTerm *vt = vterm_new (rows, cols);
  vterm_set_utf8 (vt, 1);
  VTermScreen *screen = vterm_obtain_screen (vt);
  vterm_screen_reset (screen, 1);
  struct view_term *t = view_term_new (fd);
  struct view_rows *r = view_rows_new ();
  static struct frame frames[2];
  static struct cell grid[MAX_ROWS][MAX_COLS];
  memset (frames, 0, sizeof frames);
  char *buf = NULL;
  size_t cap = 0;
  int scrolls = 0;
  for (int step = 0; step < steps; step++)
    {
      struct frame *f = &frames[step % 2], *prev = &frames[(step + 1) % 2];
      const char *what = next_frame (f, prev, rows, cols, step);
      if (step % 37 == 36)
        {
          /* A resize or ^L: the screen is garbled, and redrawn whole. */
          vterm_input_write (vt, "\033[2;5Hgarbage", 13);
          view_rows_forget (r);
          view_term_forget (t);
          what = "forgotten";
        }
      draw (r, f, rows, cols);
      view_rows_end (r, t);
      view_term_flush (t);
      size_t n = take_output (fd, &buf, &cap);
      if (strcmp (what, "the same") == 0)
        CHECK (n == 0);
      scrolls += deletes_lines (buf, n);
      vterm_input_write (vt, buf, n);
      expected (f, rows, cols, last_cell, grid);
      char label[80];
      snprintf (label, sizeof label, "%s %dx%d, %s", term, cols, rows, what);
      CHECK (screen_shows (screen, grid, rows, cols, label, step));
    }
  /* Scrolled blocks were moved on the terminal, not written again,
     where it can move lines. */
  CHECK (moves_lines ? scrolls > steps / 10 : scrolls == 0);
  free (buf);
  view_rows_free (r);
  view_term_free (t);
  vterm_free (vt);
}

/* A control character in the text is shown, never obeyed: an escape
   sequence that would clear the screen leaves it as it was. */
static void
controls (int fd)
{
  VTerm *vt = vterm_new (4, 20);
  vterm_set_utf8 (vt, 1);
  VTermScreen *screen = vterm_obtain_screen (vt);
  vterm_screen_reset (screen, 1);
  struct view_term *t = view_term_new (fd);
  struct view_rows *r = view_rows_new ();
  view_rows_begin (r, 4, 20);
  view_rows_put (r, 0, 0, "keep", 4, 4, A_NORMAL);
  static const char evil[] = "a\033[2J\033[1;1Hb\xc2\x9b" "2Jc\x7f";
  view_rows_put (r, 2, 0, evil, sizeof evil - 1, 17, A_NORMAL);
  view_rows_end (r, t);
  view_term_flush (t);
  char *buf = NULL;
  size_t cap = 0;
  size_t n = take_output (fd, &buf, &cap);
  vterm_input_write (vt, buf, n);
  VTermScreenCell cell;
  char row0[5] = "", row2[20] = "";
  for (int x = 0; x < 4; x++)
    {
      vterm_screen_get_cell (screen, (VTermPos) { 0, x }, &cell);
      row0[x] = (char) cell.chars[0];
    }
  for (int x = 0; x < 16; x++)
    {
      vterm_screen_get_cell (screen, (VTermPos) { 2, x }, &cell);
      row2[x] = cell.chars[0] ? (char) cell.chars[0] : ' ';
    }
  CHECK_STR (row0, "keep");
  CHECK_STR (row2, "a?[2J?[1;1Hb?2Jc");
  free (buf);
  view_rows_free (r);
  view_term_free (t);
  vterm_free (vt);
}

int
main (void)
{
  FILE *out = tmpfile ();
  if (!out)
    {
      perror ("tmpfile");
      return 99;
    }
  int fd = fileno (out);
  /* xterm waits for the next character to wrap (xenl); ansi wraps at
     once, scrolling the screen when the last cell is written.  vt100
     cannot delete or insert lines, and its strings carry padding
     ("$<5>"), which must not reach the screen. */
  static const struct
  {
    const char *name;
    bool last_cell, moves_lines;
  } terms[] = {
    { "xterm-256color", true, true }, { "ansi", false, true },
    { "vt100", true, false },
  };
  for (size_t i = 0; i < ARRAY_SIZE (terms); i++)
    {
      int err;
      if (setupterm ((char *) terms[i].name, fd, &err) != OK)
        {
          printf ("SKIP: no terminfo entry for %s\n", terms[i].name);
          return 77;
        }
      play (fd, 12, 40, 400, terms[i].name, terms[i].last_cell,
            terms[i].moves_lines);
      play (fd, MAX_ROWS, MAX_COLS, 200, terms[i].name, terms[i].last_cell,
            terms[i].moves_lines);
      if (i == 0)
        controls (fd);
      del_curterm (cur_term);
    }
  fclose (out);
  return check_finish ();
}
