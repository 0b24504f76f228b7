/* view-term.c -- the bytes of a frame, written to the terminal by
   kiosque itself: a cursor address where a row's change starts, each
   attribute's escape sequence (built once, from the terminal's terminfo
   entry), the text's UTF-8 as it is, one write() a frame.  curses still
   starts and ends the screen and reads the keys and taps; but its
   output path priced every cursor move and converted every character
   through the C library, most of what a frame that changes every row
   cost (see bench/RESULTS.md). */
#include "system.h"

#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "strbuf.h"
#include "view-private.h"
#include "view-term.h"

/* Last: it names a macro after every capability (lines, columns...). */
#include <term.h>

/* Attributes whose sequences are kept: a frame uses the roles' few. */
#define SGR_CACHE 64

struct sgr
{
  unsigned long attr;
  char *seq;
  size_t len;
};

struct view_term
{
  int fd;                       /* the terminal */
  const char *cup;              /* cursor address, %p1 row, %p2 column */
  const char *el;               /* clear to the end of the line */
  bool last_cell;               /* the bottom-right cell may be written */
  struct sgr sgr[SGR_CACHE];
  size_t nsgr;
  unsigned long attr;           /* the attributes the terminal has now */
  bool attr_known;
  struct winsize size;          /* the terminal's size at the last frame */
  bool size_known;
  struct strbuf out;            /* the frame's bytes, until flushed */
};

/* Where tputs puts the bytes it makes (its callback takes no data). */
static struct strbuf *padded_out;

static int
put_padded_byte (int c)
{
  strbuf_addc (padded_out, (char) c);
  return c;
}

/* Add the capability string S to B through tputs, which turns its
   padding ("$<5>", which vt100's strings have) into what the terminal
   needs: nothing, or pad characters on a slow line. */
static void
add_padded (struct strbuf *b, const char *s)
{
  padded_out = b;
  tputs (s, 1, put_padded_byte);
  padded_out = NULL;
}

/* The string capability NAME, or NULL when the terminal has none. */
static const char *
cap (const char *name)
{
  const char *s = tigetstr (name);
  return s && s != (char *) -1 ? s : NULL;
}

/* Whether the terminal has the boolean capability NAME. */
static bool
flag (const char *name)
{
  return tigetflag (name) > 0;
}

struct view_term *
view_term_new (int fd)
{
  struct view_term *t = xcalloc (1, sizeof *t);
  t->fd = fd;
  t->cup = cap ("cup");
  t->el = cap ("el");
  /* Writing the last cell of the last row moves a terminal with
     automatic margins to the next line, scrolling the screen, unless
     it waits for the next character to do so (xenl), as xterm, tmux,
     screen and the Linux console do. */
  t->last_cell = !flag ("am") || flag ("xenl");
  return t;
}

void
view_term_free (struct view_term *t)
{
  if (!t)
    return;
  for (size_t i = 0; i < t->nsgr; i++)
    free (t->sgr[i].seq);
  strbuf_free (&t->out);
  free (t);
}

void
view_term_forget (struct view_term *t)
{
  t->attr_known = false;
  t->size_known = false;
}

bool
view_term_resized (struct view_term *t)
{
  struct winsize now;
  if (ioctl (t->fd, TIOCGWINSZ, &now) != 0)
    return false;
  if (!t->size_known)
    {
      t->size = now;
      t->size_known = true;
      return false;
    }
  return now.ws_row != t->size.ws_row || now.ws_col != t->size.ws_col;
}

bool
view_term_last_cell (const struct view_term *t)
{
  return t->last_cell;
}

void
view_term_move (struct view_term *t, int y, int x)
{
  if (t->cup)
    add_padded (&t->out, tiparm (t->cup, y, x));
}

/* Add the capability NAME to B, when the terminal has it. */
static void
add_cap (struct strbuf *b, const char *name)
{
  const char *s = cap (name);
  if (s)
    add_padded (b, s);
}

/* The sequence that gives the terminal the curses attributes ATTR,
   from none: off with everything, on with each attribute, then the
   colours of ATTR's pair (a default colour is left as the reset made
   it). */
static void
build_sgr (struct strbuf *b, unsigned long attr)
{
  add_cap (b, "sgr0");
  add_cap (b, "op");
  static const struct { unsigned long bit; const char *name; } on[] = {
    { A_BOLD, "bold" }, { A_DIM, "dim" }, { A_REVERSE, "rev" },
    { A_STANDOUT, "smso" }, { A_UNDERLINE, "smul" }, { A_ITALIC, "sitm" },
    { A_BLINK, "blink" },
  };
  for (size_t i = 0; i < ARRAY_SIZE (on); i++)
    if (attr & on[i].bit)
      add_cap (b, on[i].name);
  short pair = (short) PAIR_NUMBER ((attr_t) attr), fg, bg;
  if (pair > 0 && pair_content (pair, &fg, &bg) == OK)
    {
      const char *setaf = cap ("setaf"), *setab = cap ("setab");
      if (fg >= 0 && setaf)
        add_padded (b, tiparm (setaf, fg));
      if (bg >= 0 && setab)
        add_padded (b, tiparm (setab, bg));
    }
}

void
view_term_attr (struct view_term *t, unsigned long attr)
{
  if (t->attr_known && t->attr == attr)
    return;
  t->attr = attr;
  t->attr_known = true;
  for (size_t i = 0; i < t->nsgr; i++)
    if (t->sgr[i].attr == attr)
      {
        strbuf_add (&t->out, t->sgr[i].seq, t->sgr[i].len);
        return;
      }
  struct strbuf b = STRBUF_INIT;
  build_sgr (&b, attr);
  strbuf_add (&t->out, b.s ? b.s : "", b.len);
  if (t->nsgr == SGR_CACHE)
    {
      strbuf_free (&b);
      return;
    }
  struct sgr *s = &t->sgr[t->nsgr++];
  s->attr = attr;
  s->len = b.len;
  s->seq = strbuf_steal (&b);
}

/* Whether the byte at S[I] (of N) starts a control character: C0, DEL,
   or C1 (U+0080..U+009F, two bytes in UTF-8).  None should reach here
   (the layout drops them), but one that did would be obeyed by the
   terminal, not shown: a file name with an escape sequence in it could
   reprogram a public terminal. */
static inline size_t
control_len (const unsigned char *s, size_t i, size_t n)
{
  if (s[i] < 0x20 || s[i] == 0x7f)
    return 1;
  if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
    return 2;
  return 0;
}

void
view_term_text (struct view_term *t, const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t from = 0;
  for (size_t i = 0; i < n;)
    {
      size_t bad = control_len (u, i, n);
      if (bad == 0)
        {
          i++;
          continue;
        }
      strbuf_add (&t->out, s + from, i - from);
      strbuf_addc (&t->out, '?');
      i += bad;
      from = i;
    }
  strbuf_add (&t->out, s + from, n - from);
}

void
view_term_blank (struct view_term *t, int count)
{
  static const char spaces[] = "                                ";
  view_term_attr (t, A_NORMAL);
  while (count > 0)
    {
      int k = count < (int) sizeof spaces - 1 ? count : (int) sizeof spaces - 1;
      strbuf_add (&t->out, spaces, (size_t) k);
      count -= k;
    }
}

void
view_term_clear_to_end (struct view_term *t, int count)
{
  if (!t->el)
    {
      view_term_blank (t, count);
      return;
    }
  view_term_attr (t, A_NORMAL);
  add_padded (&t->out, t->el);
}

/* Take COUNT lines out at row Y (NAME "dl") or put COUNT blank ones in
   (NAME "il"), what is below moving up or down: the one-line
   capability repeated where the terminal has no counted one (the
   caller made sure it has one or the other). */
static void
lines_at (struct view_term *t, const char *name, int y, int count)
{
  const char *counted = cap (name);
  const char *one = cap (strcmp (name, "dl") == 0 ? "dl1" : "il1");
  view_term_move (t, y, 0);
  if (counted)
    add_padded (&t->out, tiparm (counted, count));
  else
    for (int i = 0; one && i < count; i++)
      add_padded (&t->out, one);
}

bool
view_term_scroll (struct view_term *t, int top, int bottom, int shift,
                  int nrows)
{
  /* Lines taken out and put back, not a scrolling region: a region is
     state the terminal keeps, which a resize coming between setting
     and resetting it would leave behind (libvterm then even crashes). */
  bool counted = cap ("dl") && cap ("il");
  bool one = cap ("dl1") && cap ("il1");
  if (!t->cup || !(counted || one))
    return false;
  /* What comes in is blank in the current background: the normal one. */
  view_term_attr (t, A_NORMAL);
  int count = abs (shift);
  if (shift > 0)
    {
      /* The top rows out, the rows below the block back down. */
      lines_at (t, "dl", top, count);
      if (bottom < nrows - 1)
        lines_at (t, "il", bottom - count + 1, count);
    }
  else
    {
      /* The rows under the block out, then blank rows in at its top. */
      if (bottom < nrows - 1)
        lines_at (t, "dl", bottom - count + 1, count);
      lines_at (t, "il", top, count);
    }
  return true;
}

void
view_term_clear (struct view_term *t, int nrows, int ncols)
{
  view_term_attr (t, A_NORMAL);
  const char *clear = cap ("clear");
  if (clear)
    {
      add_padded (&t->out, clear);
      return;
    }
  for (int y = 0; y < nrows; y++)
    {
      view_term_move (t, y, 0);
      view_term_clear_to_end (t, y == nrows - 1 && !t->last_cell
                              ? ncols - 1 : ncols);
    }
}

void
view_term_flush (struct view_term *t)
{
  /* What curses or the mouse setup left in stdio goes first. */
  fflush (stdout);
  const char *p = t->out.s;
  size_t left = t->out.len;
  while (left > 0)
    {
      ssize_t w = write (t->fd, p, left);
      if (w < 0 && errno == EINTR)
        continue;
      /* A terminal opened without blocking: wait until it takes more. */
      struct pollfd ready = { .fd = t->fd, .events = POLLOUT };
      if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
          && poll (&ready, 1, 1000) > 0)
        continue;
      /* A terminal gone: the loop finds out when reading. */
      if (w <= 0)
        break;
      p += w;
      left -= (size_t) w;
    }
  t->out.len = 0;
}
