/* term.c -- a terminal for end-to-end tests: run a program in a pty,
   read what it draws through libvterm, and play a script of keys, taps,
   resizes and screen assertions read from stdin.

   Usage: term [-s COLSxROWS] [-t SECONDS] [-l LOGFILE] [-v] COMMAND [ARG]...
   -s is the first size (80x24), -t the waits' timeout (10 s), -l keeps
   every byte the program wrote, -v echoes the commands on stderr.

   The program sees TERM as the test set it.  The terminal answers like
   the one TERM names: keys are xterm's sequences (Home and End are
   tmux's \e[1~ and \e[4~ when TERM starts with "tmux" or "screen"), in
   cursor-key application mode when the program turned it on (keypad()
   does), and mouse reports are sent only when the program asked for
   them (mode 1000, or 1002 for drags), as SGR 1006 when it turned 1006
   on (ncurses does for xterm-256color) and as X10 otherwise (ncurses'
   tmux-256color), exactly as a real terminal does.  `mouse sgr|x10`
   forces one protocol.

   Script: one command a line; blank lines and lines starting with '#'
   are skipped.  Rows and columns are 1-based everywhere, as the mouse
   protocols count them (row 1 is the top line, column 1 the left);
   a negative one counts from the end (-1 is the last row or column).
   TEXT is matched after NFC normalisation of both the screen and TEXT,
   within one row, rows trimmed of trailing spaces.

     keys TEXT            type TEXT; C escapes: \e \r \n \t \\ \xHH \uHHHH
                          \UHHHHHHHH
     key NAME...          up down left right home end pgup pgdn insert delete
                          tab btab enter esc backspace space f1..f12 ctrl-X,
                          or one character (key q, key /)
     send-raw HEX         bytes given in hex ("1b 5b 41" or "1b5b41")
     tap COL ROW          press and release button 1 there
     tap-text TEXT        wait for TEXT, then tap the middle of its first
                          occurrence (rows top to bottom)
     tap-word TEXT        the same, for TEXT standing as a whole word (not
                          inside a longer one: "H" on a key, not in "Hué")
     tap-key TEXT         tap-word from the bottom row up, for on-screen
                          keyboards and footers below text that may hold
                          the same word
     retap                tap again where the last tap was (a double tap)
     drag C1 R1 C2 R2     press, move cell by cell (button-motion), release
     wheel up|down COL ROW
     wheel-to COL ROW TEXT  wheel there a notch at a time until TEXT shows:
                          down to the end, then back up
     mouse auto|sgr|x10   mouse protocol (auto: as the program asked)
     gap MS               pause around injected mouse events and between
                          the keys of one key command (default 80)
     pace MS              a tap at the place of the last one (2 columns, 1
                          row) comes at least MS after it, as a reading
                          visitor's would (default 0: at once)
     quiet MS             the silence that ends a redraw (default 100): the
                          expect-*, snapshot and screen commands first read
                          until the program has been quiet that long, so
                          they check whole frames
     resize COLS ROWS     resize the pty (the program gets SIGWINCH) and vterm
                          at once, even in the middle of a redraw
     settle               read until the program has been quiet (see quiet):
                          a resize then falls between two redraws
     timeout SECONDS      how long the wait commands poll (default 10, or -t)
     wait TEXT            poll until TEXT is on screen
     wait-gone TEXT       poll until TEXT is nowhere on screen
     wait-row N TEXT      poll until row N contains TEXT
     wait-screen          poll until the screen is exactly the lines that
                          follow, up to a line "." (a line ".." means ".")
     expect TEXT          TEXT is on screen now (use after a wait)
     expect-not TEXT      TEXT is not on screen now
     expect-row N TEXT    row N contains TEXT now
     expect-screen        the screen is exactly the lines up to "." now
     wait-attr ATTRS TEXT poll until TEXT shows with every non-blank cell
                          in ATTRS (bold,underline,italic,reverse: all of them)
     expect-no-colour     no cell has a colour but the terminal's default
     snapshot NAME        remember the screen as NAME
     wait-snapshot NAME   poll until the screen is exactly snapshot NAME
     screen               print the screen on stdout
     cursor               print the cursor as "cursor ROW COL" (+ " hidden")
     modes                print the private modes the program left set
     sleep MS             pause (reading output) -- only to space input
     alive                the program is still running
     rss                  print the program's resident memory as "rss KB"
                          (VmRSS from /proc/PID/status) on stdout
     expect-exit CODE [SECONDS]  the program exits with status CODE
     kill SIGNAME         send a signal (TERM, HUP, INT, KILL, WINCH, ...)
     expect-restored      the terminal is as the program found it: main
                          screen, mouse modes 1000/1002/1003/1006 off,
                          cursor visible

   Exit status: 0 when every command succeeded; 1 at the first one that
   failed, after printing the script line, what was expected and the
   screen on stderr; 99 for a broken script or a harness error. */
#include "system.h"

#include <ctype.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <unistr.h>
#include <uninorm.h>
#include <vterm.h>

#include "strbuf.h"

/* Private modes (CSI ? N h/l) the harness follows; higher ones are
   ignored. */
#define MODE_MAX 2100

enum mouse_proto
{
  MOUSE_AUTO,
  MOUSE_SGR,
  MOUSE_X10
};

/* A remembered screen. */
struct snapshot
{
  char *name;
  char *text;                   /* rows joined by '\n', trimmed */
};

/* Where the scanner of the program's output is within an escape. */
enum scan_state
{
  SCAN_GROUND,
  SCAN_ESC,
  SCAN_CSI
};

struct term
{
  VTerm *vt;
  VTermScreen *screen;
  int fd;                       /* pty master */
  pid_t pid;
  bool exited;
  int status;                   /* wait status once exited */
  bool eof;                     /* the pty has nothing more to read */
  int rows, cols;
  enum mouse_proto mouse;
  int gap_ms;
  int quiet_ms;                 /* silence that ends a redraw */
  int last_col, last_row;       /* the last tap, for retap; 0 before */
  double last_tap;              /* when it was released */
  int pace_ms;                  /* least time between taps at one place */
  double timeout;
  bool tmux_keys;               /* Home/End as tmux sends them */
  bool verbose;
  FILE *log;                    /* raw output, when -l was given */
  unsigned char mode[MODE_MAX]; /* private modes as the program set them */
  enum scan_state scan;
  char csi[64];                 /* the CSI being scanned */
  size_t csi_len;
  struct snapshot *snaps;
  size_t nsnaps, snaps_cap;
  int line;                     /* script line being run */
};

/* Monotonic time in seconds. */
static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Report a harness error (not a test failure) and exit 99. */
static _Noreturn void ATTRIBUTE_PRINTF (2, 3)
die (struct term *t, const char *fmt, ...)
{
  va_list ap;
  if (t && t->line)
    fprintf (stderr, "term: script line %d: ", t->line);
  else
    fputs ("term: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  if (t && t->pid > 0 && !t->exited)
    kill (t->pid, SIGKILL);
  exit (99);
}

/* Follow the private modes in the program's output: CSI ? N;... h/l,
   and RIS (ESC c) which resets them all. */
static void
scan_output (struct term *t, const char *buf, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = buf[i];
      switch (t->scan)
        {
        case SCAN_GROUND:
          if (c == 0x1b)
            t->scan = SCAN_ESC;
          break;
        case SCAN_ESC:
          if (c == '[')
            {
              t->scan = SCAN_CSI;
              t->csi_len = 0;
            }
          else if (c == 'c')
            {
              memset (t->mode, 0, sizeof t->mode);
              t->mode[7] = 1;
              t->mode[25] = 1;
              t->scan = SCAN_GROUND;
            }
          else
            t->scan = c == 0x1b ? SCAN_ESC : SCAN_GROUND;
          break;
        case SCAN_CSI:
          if (c >= 0x40 && c <= 0x7e)
            {
              t->scan = SCAN_GROUND;
              if ((c != 'h' && c != 'l') || t->csi_len == 0
                  || t->csi[0] != '?' || t->csi_len >= sizeof t->csi)
                break;
              t->csi[t->csi_len] = '\0';
              for (char *p = t->csi + 1; *p; )
                {
                  char *end;
                  long m = strtol (p, &end, 10);
                  if (end != p && m >= 0 && m < MODE_MAX)
                    t->mode[m] = c == 'h';
                  p = *end == ';' ? end + 1 : end + (*end != '\0');
                  if (end == p && *p != '\0')
                    p++;
                }
            }
          else if (c == 0x1b)
            t->scan = SCAN_ESC;
          else if (c == 0x18 || c == 0x1a)
            t->scan = SCAN_GROUND;
          else if (t->csi_len < sizeof t->csi)
            t->csi[t->csi_len++] = c;
          break;
        }
    }
}

/* Read whatever the program wrote, waiting at most MS milliseconds for
   the first byte, and feed it to the emulator; the number of bytes. */
static size_t
pump (struct term *t, int ms)
{
  char buf[65536];
  size_t total = 0;
  while (!t->eof)
    {
      struct pollfd p = { .fd = t->fd, .events = POLLIN };
      int r = poll (&p, 1, ms);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return total;
      ssize_t got = read (t->fd, buf, sizeof buf);
      if (got < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (got <= 0)
        {
          /* EIO: every slave side is closed, the program is gone. */
          t->eof = true;
          return total;
        }
      if (t->log)
        fwrite (buf, 1, got, t->log);
      scan_output (t, buf, got);
      vterm_input_write (t->vt, buf, got);
      total += (size_t) got;
      ms = 0;
    }
  return total;
}

/* Read until the program has written nothing for T->quiet_ms (or the
   timeout passed), so that a check sees whole frames: a wait can see
   its text while the rest of the same redraw is still on its way. */
static void
settle (struct term *t)
{
  double end = now () + t->timeout;
  while (pump (t, t->quiet_ms) > 0 && now () < end)
    ;
}

/* Pause MS milliseconds while still reading the program's output, so it
   never blocks on a full pty. */
static void
pause_ms (struct term *t, int ms)
{
  double end = now () + ms / 1000.0;
  for (double left; (left = end - now ()) > 0; )
    {
      if (t->eof)
        {
          struct timespec ts = { 0, 5000000 };
          nanosleep (&ts, NULL);
        }
      else
        pump (t, (int) (left * 1000) + 1);
    }
}

/* Reap the program if it has exited; true while it runs. */
static bool
check_alive (struct term *t)
{
  if (t->exited)
    return false;
  int status;
  pid_t r = waitpid (t->pid, &status, WNOHANG);
  if (r == t->pid)
    {
      t->exited = true;
      t->status = status;
      pump (t, 0);
      return false;
    }
  return true;
}

/* Describe how the program ended, or that it runs. */
static char *
describe_status (struct term *t)
{
  if (!t->exited)
    return xstrdup ("running");
  if (WIFEXITED (t->status))
    return xasprintf ("exited with status %d", WEXITSTATUS (t->status));
  if (WIFSIGNALED (t->status))
    return xasprintf ("killed by signal %d (%s)", WTERMSIG (t->status),
                      strsignal (WTERMSIG (t->status)));
  return xasprintf ("wait status %#x", t->status);
}

/* Write N bytes to the program, reading its output meanwhile so that
   neither side can block the other. */
static bool
send_bytes (struct term *t, const char *s, size_t n)
{
  double end = now () + t->timeout;
  while (n > 0)
    {
      if (t->eof || !check_alive (t))
        return false;
      struct pollfd p = { .fd = t->fd, .events = POLLIN | POLLOUT };
      int r = poll (&p, 1, 20);
      if (r < 0 && errno != EINTR)
        die (t, "poll: %s", strerror (errno));
      if (r > 0 && (p.revents & POLLIN))
        pump (t, 0);
      if (r > 0 && (p.revents & POLLOUT))
        {
          ssize_t w = write (t->fd, s, n);
          if (w < 0 && errno != EINTR && errno != EAGAIN)
            return false;
          if (w > 0)
            {
              s += w;
              n -= w;
            }
        }
      if (now () > end)
        return false;
    }
  return true;
}

/* Send libvterm's own replies (to cursor or device queries) to the
   program; best effort, they are short. */
static void
vterm_reply (const char *s, size_t len, void *user)
{
  struct term *t = user;
  while (len > 0)
    {
      ssize_t w = write (t->fd, s, len);
      if (w <= 0)
        return;
      s += w;
      len -= (size_t) w;
    }
}

/* Append code point C as UTF-8 to B ('?' if it is not a character). */
static void
add_uc (struct strbuf *b, uint32_t c)
{
  uint8_t u[6];
  int n = c <= 0x10ffff ? u8_uctomb (u, c, sizeof u) : -1;
  if (n > 0)
    strbuf_add (b, (const char *) u, n);
  else
    strbuf_addc (b, '?');
}

/* S in NFC (a copy); NULL when S is not valid UTF-8. */
static char *
nfc (const char *s)
{
  size_t n = strlen (s), len = 0;
  if (u8_check ((const uint8_t *) s, n))
    return NULL;
  uint8_t *r = u8_normalize (UNINORM_NFC, (const uint8_t *) s, n, NULL, &len);
  if (!r)
    return NULL;
  char *out = xmalloc (len + 1);
  memcpy (out, r, len);
  out[len] = '\0';
  free (r);
  return out;
}

/* Row ROW (0-based) of the screen as NFC UTF-8 without trailing spaces;
   when COLS is not NULL, *COLS gets the 0-based column of every byte
   (and one more entry: the column after the text).  Caller frees both. */
static char *
row_text (struct term *t, int row, int **cols)
{
  struct strbuf b = STRBUF_INIT;
  int *map = NULL;
  size_t map_cap = 0;
  size_t keep = 0;              /* length without trailing spaces */
  strbuf_add (&b, "", 0);
  for (int col = 0; col < t->cols; col++)
    {
      VTermScreenCell cell;
      VTermPos pos = { .row = row, .col = col };
      if (!vterm_screen_get_cell (t->screen, pos, &cell))
        continue;
      size_t start = b.len;
      if (cell.chars[0] == 0 || (cell.chars[0] == ' ' && !cell.chars[1]))
        strbuf_addc (&b, ' ');
      else if (cell.chars[0] > 0x10ffff)
        continue;               /* right half of a wide character */
      else
        {
          struct strbuf g = STRBUF_INIT;
          for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
            add_uc (&g, cell.chars[i]);
          char *gn = nfc (g.s);
          strbuf_adds (&b, gn ? gn : g.s);
          free (gn);
          strbuf_free (&g);
          keep = b.len;
        }
      XGROW (map, map_cap, b.len + 1);
      for (size_t i = start; i < b.len; i++)
        map[i] = col;
      if (cell.width == 2)
        col++;
      map[b.len] = col + 1;
    }
  b.len = keep;
  b.s[keep] = '\0';
  if (cols)
    {
      XGROW (map, map_cap, keep + 1);
      if (keep == 0)
        map[0] = 0;
      *cols = map;
    }
  else
    free (map);
  return strbuf_steal (&b);
}

/* The whole screen, rows joined by '\n', trailing empty rows dropped. */
static char *
screen_text (struct term *t)
{
  struct strbuf b = STRBUF_INIT;
  size_t keep = 0;
  strbuf_add (&b, "", 0);
  for (int r = 0; r < t->rows; r++)
    {
      char *row = row_text (t, r, NULL);
      if (r > 0)
        strbuf_addc (&b, '\n');
      strbuf_adds (&b, row);
      if (*row)
        keep = b.len;
      free (row);
    }
  b.len = keep;
  b.s[keep] = '\0';
  return strbuf_steal (&b);
}

/* Print the screen, framed and with row numbers, on F. */
static void
dump_screen (struct term *t, FILE *f)
{
  VTermPos cur;
  VTermState *state = vterm_obtain_state (t->vt);
  vterm_state_get_cursorpos (state, &cur);
  char *st = describe_status (t);
  fprintf (f, "--- screen %dx%d, cursor row %d col %d, program %s ---\n",
           t->cols, t->rows, cur.row + 1, cur.col + 1, st);
  free (st);
  int last = t->rows - 1;
  for (; last > 0; last--)
    {
      char *row = row_text (t, last, NULL);
      bool empty = *row == '\0';
      free (row);
      if (!empty)
        break;
    }
  for (int r = 0; r <= last; r++)
    {
      char *row = row_text (t, r, NULL);
      fprintf (f, "%3d|%s\n", r + 1, row);
      free (row);
    }
  if (last < t->rows - 1)
    fprintf (f, "    (rows %d to %d are empty)\n", last + 2, t->rows);
  fputs ("---\n", f);
}

/* Report a failed expectation with the screen and return false. */
static bool ATTRIBUTE_PRINTF (2, 3)
fail (struct term *t, const char *fmt, ...)
{
  va_list ap;
  pump (t, 0);
  fprintf (stderr, "term: script line %d: ", t->line);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  dump_screen (t, stderr);
  return false;
}

/* True when the byte before AT and the one at END are not parts of a
   word (letters, digits, any non-ASCII character) in TEXT. */
static bool
word_bounds (const char *text, size_t at, size_t end)
{
  unsigned char before = at > 0 ? text[at - 1] : ' ', after = text[end];
  return !(isalnum (before) || before >= 0x80)
    && !(isalnum (after) || after >= 0x80);
}

/* How find_text looks. */
enum
{
  FIND_WORD = 1 << 0,           /* only where NEEDLE stands as a word */
  FIND_LAST = 1 << 1            /* rows from the bottom up */
};

/* Find NEEDLE (NFC) on screen, in ONLY_ROW if it is not -1, as HOW
   says: true with its 0-based ROW and the columns [COL0, COL1) it
   covers, first occurrence from the top (or the bottom) of the screen,
   from the left in a row. */
static bool
find_text (struct term *t, const char *needle, int only_row, unsigned how,
           int *row, int *col0, int *col1)
{
  bool word = how & FIND_WORD;
  for (int i = 0; i < t->rows; i++)
    {
      int r = how & FIND_LAST ? t->rows - 1 - i : i;
      if (only_row >= 0 && r != only_row)
        continue;
      int *map;
      char *text = row_text (t, r, &map);
      char *hit = strstr (text, needle);
      while (hit && word
             && !word_bounds (text, hit - text, hit - text + strlen (needle)))
        hit = strstr (hit + 1, needle);
      if (hit)
        {
          size_t at = hit - text, end = at + strlen (needle);
          if (row)
            *row = r;
          if (col0)
            *col0 = map[at];
          if (col1)
            *col1 = map[end];
        }
      free (text);
      free (map);
      if (hit)
        return true;
    }
  return false;
}

/* Show on stderr the rows where the screen differs from WANT (rows
   joined by '\n', as screen_text gives them). */
static void
show_diff (struct term *t, const char *want)
{
  char *got = screen_text (t);
  const char *w = want, *g = got;
  fputs ("--- rows that differ (want, then got) ---\n", stderr);
  for (int r = 1; *w || *g; r++)
    {
      size_t wl = strcspn (w, "\n"), gl = strcspn (g, "\n");
      if (wl != gl || memcmp (w, g, wl) != 0)
        fprintf (stderr, "%3d-%.*s\n%3d+%.*s\n",
                 r, (int) wl, w, r, (int) gl, g);
      w += wl + (w[wl] == '\n');
      g += gl + (g[gl] == '\n');
    }
  free (got);
}

/* Cell attributes a test can ask for. */
enum
{
  ATTR_BOLD = 1 << 0,
  ATTR_UNDERLINE = 1 << 1,
  ATTR_ITALIC = 1 << 2,
  ATTR_REVERSE = 1 << 3
};

/* The attribute bits named in LIST ("bold,underline"), or -1. */
static int
parse_attrs (const char *list)
{
  static const struct { const char *name; int bit; } names[] = {
    { "bold", ATTR_BOLD }, { "underline", ATTR_UNDERLINE },
    { "italic", ATTR_ITALIC }, { "reverse", ATTR_REVERSE },
  };
  int bits = 0;
  char *copy = xstrdup (list), *save;
  for (char *w = strtok_r (copy, ",", &save); w;
       w = strtok_r (NULL, ",", &save))
    {
      size_t i;
      for (i = 0; i < ARRAY_SIZE (names); i++)
        if (strcmp (w, names[i].name) == 0)
          break;
      if (i == ARRAY_SIZE (names))
        {
          free (copy);
          return -1;
        }
      bits |= names[i].bit;
    }
  free (copy);
  return bits ? bits : -1;
}

/* The attribute bits of a cell. */
static int
cell_attrs (const VTermScreenCell *cell)
{
  return (cell->attrs.bold ? ATTR_BOLD : 0)
    | (cell->attrs.underline ? ATTR_UNDERLINE : 0)
    | (cell->attrs.italic ? ATTR_ITALIC : 0)
    | (cell->attrs.reverse ? ATTR_REVERSE : 0);
}

/* True when NEEDLE shows somewhere with every one of its non-blank
   cells carrying all of the attribute bits ATTRS. */
static bool
text_has_attrs (struct term *t, const char *needle, int attrs)
{
  for (int r = 0; r < t->rows; r++)
    {
      int *map;
      char *text = row_text (t, r, &map);
      bool ok = false;
      for (char *hit = strstr (text, needle); hit && !ok;
           hit = strstr (hit + 1, needle))
        {
          size_t at = hit - text, end = at + strlen (needle);
          ok = true;
          for (int c = map[at]; c < map[end] && ok; c++)
            {
              VTermScreenCell cell;
              VTermPos pos = { .row = r, .col = c };
              if (vterm_screen_get_cell (t->screen, pos, &cell)
                  && cell.chars[0] && cell.chars[0] != ' '
                  && cell.chars[0] <= 0x10ffff)
                ok = (cell_attrs (&cell) & attrs) == attrs;
            }
        }
      free (text);
      free (map);
      if (ok)
        return true;
    }
  return false;
}

/* The first cell with a colour that is not the terminal's default, or
   false when there is none. */
static bool
find_colour (struct term *t, int *row, int *col)
{
  for (int r = 0; r < t->rows; r++)
    for (int c = 0; c < t->cols; c++)
      {
        VTermScreenCell cell;
        VTermPos pos = { .row = r, .col = c };
        if (vterm_screen_get_cell (t->screen, pos, &cell)
            && (!VTERM_COLOR_IS_DEFAULT_FG (&cell.fg)
                || !VTERM_COLOR_IS_DEFAULT_BG (&cell.bg)))
          {
            *row = r;
            *col = c;
            return true;
          }
      }
  return false;
}

/* What a poll waits for. */
enum cond
{
  COND_TEXT,                    /* ARG somewhere (or in ROW) */
  COND_WORD,                    /* ARG as a whole word somewhere */
  COND_ATTR,                    /* ARG with the attributes in ROW */
  COND_GONE,                    /* ARG nowhere */
  COND_SCREEN                   /* the screen is exactly ARG */
};

/* True when the screen meets condition C now. */
static bool
holds (struct term *t, enum cond c, const char *arg, int row)
{
  switch (c)
    {
    case COND_TEXT:
      return find_text (t, arg, row, 0, NULL, NULL, NULL);
    case COND_WORD:
      return find_text (t, arg, row, FIND_WORD, NULL, NULL, NULL);
    case COND_ATTR:
      return text_has_attrs (t, arg, row);
    case COND_GONE:
      return !find_text (t, arg, -1, 0, NULL, NULL, NULL);
    case COND_SCREEN:
      {
        char *s = screen_text (t);
        bool same = strcmp (s, arg) == 0;
        free (s);
        return same;
      }
    }
  return false;
}

/* Poll the screen every 20 ms until condition C holds or the timeout
   passes; false at the timeout or when the program is gone and the
   screen can no longer change. */
static bool
poll_for (struct term *t, enum cond c, const char *arg, int row)
{
  double end = now () + t->timeout;
  for (;;)
    {
      pump (t, 0);
      if (holds (t, c, arg, row))
        return true;
      if (now () > end)
        return false;
      if (t->eof && !check_alive (t))
        return holds (t, c, arg, row);
      pump (t, 20);
    }
}

/* Decode C escapes of S into B; false on a malformed escape. */
static bool
unescape (const char *s, struct strbuf *b)
{
  while (*s)
    {
      if (*s != '\\')
        {
          strbuf_addc (b, *s++);
          continue;
        }
      s++;
      int digits = 0;
      switch (*s)
        {
        case 'e': strbuf_addc (b, 0x1b); break;
        case 'r': strbuf_addc (b, '\r'); break;
        case 'n': strbuf_addc (b, '\n'); break;
        case 't': strbuf_addc (b, '\t'); break;
        case 'a': strbuf_addc (b, '\a'); break;
        case 'b': strbuf_addc (b, '\b'); break;
        case '0': strbuf_addc (b, '\0'); break;
        case '\\': strbuf_addc (b, '\\'); break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: return false;
        }
      s++;
      if (!digits)
        continue;
      uint32_t v = 0;
      int i;
      for (i = 0; i < digits && isxdigit ((unsigned char) s[i]); i++)
        v = v * 16 + (isdigit ((unsigned char) s[i]) ? s[i] - '0'
                      : (tolower ((unsigned char) s[i]) - 'a' + 10));
      if (i == 0 || (digits > 2 && i != digits))
        return false;
      s += i;
      if (digits == 2)
        strbuf_addc (b, (char) v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return false;
      else
        add_uc (b, v);
    }
  return true;
}

/* The bytes the terminal sends for key NAME, or NULL. */
static const char *
key_bytes (struct term *t, const char *name, char *buf)
{
  /* Cursor keys: SS3 in application mode (smkx), CSI otherwise. */
  static const struct { const char *name; char final; } cursor[] = {
    { "up", 'A' }, { "down", 'B' }, { "right", 'C' }, { "left", 'D' },
    { "home", 'H' }, { "end", 'F' },
  };
  static const struct { const char *name; const char *bytes; } fixed[] = {
    { "pgup", "\033[5~" }, { "pgdn", "\033[6~" },
    { "insert", "\033[2~" }, { "delete", "\033[3~" },
    { "tab", "\t" }, { "btab", "\033[Z" }, { "enter", "\r" },
    { "esc", "\033" }, { "backspace", "\177" }, { "space", " " },
    { "f1", "\033OP" }, { "f2", "\033OQ" }, { "f3", "\033OR" },
    { "f4", "\033OS" }, { "f5", "\033[15~" }, { "f6", "\033[17~" },
    { "f7", "\033[18~" }, { "f8", "\033[19~" }, { "f9", "\033[20~" },
    { "f10", "\033[21~" }, { "f11", "\033[23~" }, { "f12", "\033[24~" },
  };
  if (t->tmux_keys && strcmp (name, "home") == 0)
    return "\033[1~";
  if (t->tmux_keys && strcmp (name, "end") == 0)
    return "\033[4~";
  for (size_t i = 0; i < ARRAY_SIZE (cursor); i++)
    if (strcmp (name, cursor[i].name) == 0)
      {
        buf[0] = '\033';
        buf[1] = t->mode[1] ? 'O' : '[';
        buf[2] = cursor[i].final;
        buf[3] = '\0';
        return buf;
      }
  for (size_t i = 0; i < ARRAY_SIZE (fixed); i++)
    if (strcmp (name, fixed[i].name) == 0)
      return fixed[i].bytes;
  if (name[0] && u8_mbsnlen ((const uint8_t *) name, strlen (name)) == 1
      && u8_check ((const uint8_t *) name, strlen (name)) == NULL)
    return name;                /* one character stands for itself */
  if (strncmp (name, "ctrl-", 5) == 0 && name[5] && !name[6])
    {
      int c = toupper ((unsigned char) name[5]);
      if (c < '@' || c > '_')
        return NULL;
      buf[0] = (char) (c & 0x1f);
      buf[1] = '\0';
      return buf;
    }
  return NULL;
}

/* Which protocol a mouse report goes out in now. */
static enum mouse_proto
mouse_proto (struct term *t)
{
  if (t->mouse != MOUSE_AUTO)
    return t->mouse;
  return t->mode[1006] ? MOUSE_SGR : MOUSE_X10;
}

/* Send one mouse report: button code B (0 left, 32 motion with left
   held, 64/65 wheel) at 1-based COL, ROW; RELEASE for the button's
   release. */
static bool
send_mouse (struct term *t, int b, int col, int row, bool release)
{
  char buf[64];
  int n;
  if (mouse_proto (t) == MOUSE_SGR)
    n = snprintf (buf, sizeof buf, "\033[<%d;%d;%d%c", b, col, row,
                  release ? 'm' : 'M');
  else
    {
      if (col > 223 || row > 223)
        return fail (t, "X10 mouse reports cannot reach column %d row %d "
                     "(223 at most)", col, row);
      n = snprintf (buf, sizeof buf, "\033[M%c%c%c",
                    32 + (release ? 3 : b), 32 + col, 32 + row);
    }
  if (!send_bytes (t, buf, n))
    return fail (t, "could not send the mouse report");
  return true;
}

/* True when mouse reports of this kind would reach the program. */
static bool
mouse_on (struct term *t, bool motion, const char *what)
{
  if (motion ? (t->mode[1002] || t->mode[1003])
      : (t->mode[1000] || t->mode[1002] || t->mode[1003]))
    return true;
  return fail (t, "%s: the program has not turned on %s (mode %s), "
               "a terminal would send nothing", what,
               motion ? "button-motion reports" : "mouse reports",
               motion ? "1002" : "1000");
}

/* Check that 1-based COL, ROW lie on the screen. */
static bool
on_screen (struct term *t, int col, int row)
{
  if (col >= 1 && col <= t->cols && row >= 1 && row <= t->rows)
    return true;
  return fail (t, "column %d row %d is off the %dx%d screen", col, row,
               t->cols, t->rows);
}

/* A tap: press, a gap, release, a gap. */
static bool
tap (struct term *t, int col, int row)
{
  if (!on_screen (t, col, row) || !mouse_on (t, false, "tap"))
    return false;
  /* A visitor's finger: a second tap at the same place (a finger's
     width) comes no sooner than the pace allows. */
  if (t->pace_ms && t->last_col && abs (col - t->last_col) <= 2
      && abs (row - t->last_row) <= 1)
    {
      double wait = t->last_tap + t->pace_ms / 1000.0 - now ();
      if (wait > 0)
        pause_ms (t, (int) (wait * 1000) + 1);
    }
  if (!send_mouse (t, 0, col, row, false))
    return false;
  t->last_col = col;
  t->last_row = row;
  pause_ms (t, t->gap_ms);
  if (!send_mouse (t, 0, col, row, true))
    return false;
  t->last_tap = now ();
  pause_ms (t, t->gap_ms);
  return true;
}

/* A drag from C1,R1 to C2,R2 through every cell on the way. */
static bool
drag (struct term *t, int c1, int r1, int c2, int r2)
{
  if (!on_screen (t, c1, r1) || !on_screen (t, c2, r2)
      || !mouse_on (t, true, "drag") || !send_mouse (t, 0, c1, r1, false))
    return false;
  int steps = abs (c2 - c1) > abs (r2 - r1) ? abs (c2 - c1) : abs (r2 - r1);
  for (int i = 1; i <= steps; i++)
    {
      pause_ms (t, t->gap_ms);
      int c = c1 + (c2 - c1) * i / steps, r = r1 + (r2 - r1) * i / steps;
      if (!send_mouse (t, 32, c, r, false))
        return false;
    }
  pause_ms (t, t->gap_ms);
  if (!send_mouse (t, 0, c2, r2, true))
    return false;
  pause_ms (t, t->gap_ms);
  return true;
}

/* A 1-based coordinate V, counted from the end of SIZE when negative
   (-1 is the last row or column). */
static int
from_end (int v, int size)
{
  return v < 0 ? size + 1 + v : v;
}

/* Wheel at COL, ROW until TEXT (NFC) shows: down a notch at a time
   until the screen stops changing, then up; false when it never shows
   (or after 200 notches). */
static bool
wheel_to (struct term *t, int col, int row, const char *text)
{
  int button = 65;              /* down first */
  char *before = NULL;
  bool found = false;
  for (int i = 0; i < 200; i++)
    {
      settle (t);
      found = holds (t, COND_TEXT, text, -1);
      char *now_text = screen_text (t);
      bool stuck = before && strcmp (before, now_text) == 0;
      free (before);
      before = now_text;
      if (found)
        break;
      if (stuck && button == 64)
        break;                  /* at the top too */
      if (stuck)
        button = 64;
      if (!send_mouse (t, button, col, row, false))
        break;
    }
  free (before);
  return found;
}

/* Parse a whole decimal int in [LO, HI]. */
static bool
parse_int (const char *s, int lo, int hi, int *out)
{
  char *end;
  errno = 0;
  long v = strtol (s, &end, 10);
  if (end == s || *end || errno || v < lo || v > hi)
    return false;
  *out = (int) v;
  return true;
}

/* Split ARG into N whitespace-separated ints in [LO, HI]. */
static bool
parse_ints (const char *arg, int n, int lo, int hi, int *out)
{
  char *copy = xstrdup (arg), *save, *tok = strtok_r (copy, " \t", &save);
  int i;
  for (i = 0; i < n && tok; i++, tok = strtok_r (NULL, " \t", &save))
    if (!parse_int (tok, lo, hi, &out[i]))
      break;
  bool ok = i == n && !tok;
  free (copy);
  return ok;
}

/* Resize the pty and the emulator; the kernel signals the program. */
static bool
resize (struct term *t, int cols, int rows)
{
  struct winsize ws = { .ws_row = rows, .ws_col = cols };
  pump (t, 0);
  if (ioctl (t->fd, TIOCSWINSZ, &ws) < 0)
    return fail (t, "TIOCSWINSZ %dx%d: %s", cols, rows, strerror (errno));
  vterm_set_size (t->vt, rows, cols);
  t->rows = rows;
  t->cols = cols;
  pump (t, 0);
  return true;
}

/* A signal number from a name such as TERM or SIGTERM, or a number. */
static int
signal_number (const char *name)
{
  static const struct { const char *name; int sig; } sigs[] = {
    { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
    { "KILL", SIGKILL }, { "TERM", SIGTERM }, { "USR1", SIGUSR1 },
    { "USR2", SIGUSR2 }, { "WINCH", SIGWINCH }, { "TSTP", SIGTSTP },
    { "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "ALRM", SIGALRM },
  };
  int n;
  if (parse_int (name, 1, 64, &n))
    return n;
  if (strncmp (name, "SIG", 3) == 0)
    name += 3;
  for (size_t i = 0; i < ARRAY_SIZE (sigs); i++)
    if (strcmp (name, sigs[i].name) == 0)
      return sigs[i].sig;
  return 0;
}

/* Read the lines of a screen block up to "." (".." stands for "."),
   trailing spaces and empty last lines trimmed like screen_text; NFC. */
static char *
read_block (struct term *t, FILE *in)
{
  struct strbuf b = STRBUF_INIT;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  strbuf_add (&b, "", 0);
  while ((n = getline (&line, &cap, in)) >= 0)
    {
      t->line++;
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'
                       || line[n - 1] == ' '))
        line[--n] = '\0';
      if (strcmp (line, ".") == 0)
        {
          free (line);
          while (b.len > 0 && b.s[b.len - 1] == '\n')
            b.s[--b.len] = '\0';
          char *r = nfc (b.s);
          if (!r)
            die (t, "the screen block is not valid UTF-8");
          strbuf_free (&b);
          return r;
        }
      strbuf_adds (&b, strcmp (line, "..") == 0 ? "." : line);
      strbuf_addc (&b, '\n');
    }
  die (t, "the screen block has no closing \".\" line");
}

/* Text argument ARG in NFC; the script is broken without one. */
static char *
text_arg (struct term *t, const char *cmd, const char *arg)
{
  if (!*arg)
    die (t, "%s needs TEXT", cmd);
  char *s = nfc (arg);
  if (!s)
    die (t, "%s: TEXT is not valid UTF-8", cmd);
  return s;
}

/* Split "N TEXT" for the row commands. */
static char *
row_arg (struct term *t, const char *cmd, const char *arg, int *row)
{
  char num[16];
  size_t k = strcspn (arg, " ");
  if (k == 0 || k >= sizeof num || !arg[k])
    die (t, "%s needs ROW TEXT", cmd);
  memcpy (num, arg, k);
  num[k] = '\0';
  if (!parse_int (num, -t->rows, t->rows, row) || *row == 0)
    die (t, "%s: row %s is not on the %d-row screen", cmd, num, t->rows);
  *row = from_end (*row, t->rows);
  return text_arg (t, cmd, arg + k + 1);
}

/* The snapshot called NAME, or NULL. */
static struct snapshot *
find_snapshot (struct term *t, const char *name)
{
  for (size_t i = 0; i < t->nsnaps; i++)
    if (strcmp (t->snaps[i].name, name) == 0)
      return &t->snaps[i];
  return NULL;
}

/* Print the private modes that are set, but for the two a terminal
   starts with (7 autowrap, 25 cursor visible: "cursor-hidden" when it
   is not), e.g. "modes 1 1000 1006". */
static void
print_modes (struct term *t, FILE *f)
{
  fputs ("modes", f);
  for (int m = 0; m < MODE_MAX; m++)
    if (m != 7 && m != 25 && t->mode[m])
      fprintf (f, " %d", m);
  if (!t->mode[25])
    fputs (" cursor-hidden", f);
  fputc ('\n', f);
}

/* Wait up to SECONDS for the program to exit. */
static bool
wait_exit (struct term *t, double seconds)
{
  double end = now () + seconds;
  while (check_alive (t))
    {
      if (now () > end)
        return false;
      pause_ms (t, 20);
    }
  /* Whatever it wrote last (the terminal restore) is still in the pty. */
  pump (t, 100);
  return true;
}

/* One line of the script, as its command sees it. */
struct call
{
  const char *name;             /* the command, e.g. "wait-row" */
  const char *arg;              /* the rest of the line */
  FILE *in;                     /* the script, for commands that read on */
};

/* A command that takes no argument got one: the script is broken. */
static void
no_arg (struct term *t, const struct call *call)
{
  if (*call->arg)
    die (t, "%s takes no argument", call->name);
}

/* keys TEXT: type TEXT, C escapes decoded. */
static bool
cmd_keys (struct term *t, const struct call *call)
{
  struct strbuf b = STRBUF_INIT;
  strbuf_add (&b, "", 0);
  if (!unescape (call->arg, &b))
    die (t, "keys: bad escape in \"%s\"", call->arg);
  bool ok = send_bytes (t, b.s, b.len);
  strbuf_free (&b);
  return ok || fail (t, "keys: the program no longer reads its input");
}

/* key NAME...: press named keys, a gap between them. */
static bool
cmd_key (struct term *t, const struct call *call)
{
  char *copy = xstrdup (call->arg), *save;
  bool ok = true, any = false;
  for (char *name = strtok_r (copy, " \t", &save); ok && name;
       name = strtok_r (NULL, " \t", &save))
    {
      char buf[8];
      const char *bytes = key_bytes (t, name, buf);
      if (!bytes)
        die (t, "key: unknown key name \"%s\"", name);
      if (any)
        pause_ms (t, t->gap_ms);
      any = true;
      ok = send_bytes (t, bytes, strlen (bytes))
        || fail (t, "key %s: the program no longer reads its input", name);
    }
  free (copy);
  if (!any)
    die (t, "key needs a NAME");
  return ok;
}

/* send-raw HEX: send bytes given in hex. */
static bool
cmd_send_raw (struct term *t, const struct call *call)
{
  struct strbuf b = STRBUF_INIT;
  for (const char *p = call->arg; *p; )
    {
      if (*p == ' ')
        {
          p++;
          continue;
        }
      unsigned int byte;
      if (!isxdigit ((unsigned char) p[0]) || !isxdigit ((unsigned char) p[1])
          || sscanf (p, "%2x", &byte) != 1)
        die (t, "send-raw: bad hex \"%s\"", call->arg);
      strbuf_addc (&b, (char) byte);
      p += 2;
    }
  if (!b.len)
    die (t, "send-raw needs HEX");
  bool ok = send_bytes (t, b.s, b.len);
  strbuf_free (&b);
  return ok || fail (t, "send-raw: the program no longer reads its input");
}

/* tap COL ROW: press and release button 1 there. */
static bool
cmd_tap (struct term *t, const struct call *call)
{
  int v[4];
  if (!parse_ints (call->arg, 2, -9999, 9999, v))
    die (t, "tap needs COL ROW");
  return tap (t, from_end (v[0], t->cols), from_end (v[1], t->rows));
}

/* tap-text, tap-word, tap-key TEXT: wait for TEXT and tap its middle. */
static bool
cmd_tap_text (struct term *t, const struct call *call)
{
  bool word = call->name[4] != 't';
  unsigned how = (word ? FIND_WORD : 0)
    | (call->name[4] == 'k' ? FIND_LAST : 0);
  char *s = text_arg (t, call->name, call->arg);
  int row, c0, c1;
  bool ok = poll_for (t, word ? COND_WORD : COND_TEXT, s, -1)
    && find_text (t, s, -1, how, &row, &c0, &c1);
  free (s);
  if (!ok)
    return fail (t, "%s: \"%s\" is not on screen%s after %g s", call->name,
                 call->arg, word ? " as a word" : "", t->timeout);
  if (t->verbose)
    fprintf (stderr, "term: tap %d %d\n", (c0 + c1 - 1) / 2 + 1, row + 1);
  return tap (t, (c0 + c1 - 1) / 2 + 1, row + 1);
}

/* retap: tap again where the last tap was. */
static bool
cmd_retap (struct term *t, const struct call *call)
{
  no_arg (t, call);
  if (!t->last_col)
    die (t, "retap: nothing was tapped yet");
  return tap (t, t->last_col, t->last_row);
}

/* drag C1 R1 C2 R2: press, move cell by cell, release. */
static bool
cmd_drag (struct term *t, const struct call *call)
{
  int v[4];
  if (!parse_ints (call->arg, 4, -9999, 9999, v))
    die (t, "drag needs C1 R1 C2 R2");
  return drag (t, from_end (v[0], t->cols), from_end (v[1], t->rows),
               from_end (v[2], t->cols), from_end (v[3], t->rows));
}

/* wheel up|down COL ROW: one notch of the wheel. */
static bool
cmd_wheel (struct term *t, const struct call *call)
{
  int v[4];
  bool up = strncmp (call->arg, "up ", 3) == 0;
  if ((!up && strncmp (call->arg, "down ", 5) != 0)
      || !parse_ints (call->arg + (up ? 3 : 5), 2, -9999, 9999, v))
    die (t, "wheel needs up|down COL ROW");
  v[0] = from_end (v[0], t->cols);
  v[1] = from_end (v[1], t->rows);
  if (!on_screen (t, v[0], v[1]) || !mouse_on (t, false, "wheel")
      || !send_mouse (t, up ? 64 : 65, v[0], v[1], false))
    return false;
  pause_ms (t, t->gap_ms);
  return true;
}

/* wheel-to COL ROW TEXT: wheel until TEXT shows. */
static bool
cmd_wheel_to (struct term *t, const struct call *call)
{
  int v[4];
  /* "wheel-to COL ROW TEXT" */
  char c[16], r[16];
  int n = 0;
  if (sscanf (call->arg, "%15s %15s %n", c, r, &n) != 2 || !call->arg[n]
      || !parse_int (c, -9999, 9999, &v[0])
      || !parse_int (r, -9999, 9999, &v[1]))
    die (t, "wheel-to needs COL ROW TEXT");
  v[0] = from_end (v[0], t->cols);
  v[1] = from_end (v[1], t->rows);
  if (!on_screen (t, v[0], v[1]) || !mouse_on (t, false, "wheel-to"))
    return false;
  char *s = text_arg (t, call->name, call->arg + n);
  bool found = wheel_to (t, v[0], v[1], s);
  free (s);
  return found || fail (t, "wheel-to: \"%s\" is not on screen after "
                        "wheeling down to the end and back up", call->arg + n);
}

/* mouse auto|sgr|x10: the protocol of mouse reports. */
static bool
cmd_mouse (struct term *t, const struct call *call)
{
  if (strcmp (call->arg, "auto") == 0)
    t->mouse = MOUSE_AUTO;
  else if (strcmp (call->arg, "sgr") == 0)
    t->mouse = MOUSE_SGR;
  else if (strcmp (call->arg, "x10") == 0)
    t->mouse = MOUSE_X10;
  else
    die (t, "mouse needs auto, sgr or x10");
  return true;
}

/* settle: read until the program is quiet. */
static bool
cmd_settle (struct term *t, const struct call *call)
{
  no_arg (t, call);
  settle (t);
  return true;
}

/* quiet MS: the silence that ends a redraw. */
static bool
cmd_quiet (struct term *t, const struct call *call)
{
  if (!parse_int (call->arg, 1, 10000, &t->quiet_ms))
    die (t, "quiet needs MS");
  return true;
}

/* pace MS: the least time between taps at one place. */
static bool
cmd_pace (struct term *t, const struct call *call)
{
  if (!parse_int (call->arg, 0, 10000, &t->pace_ms))
    die (t, "pace needs MS");
  return true;
}

/* gap MS: the pause around injected mouse events and keys. */
static bool
cmd_gap (struct term *t, const struct call *call)
{
  if (!parse_int (call->arg, 0, 10000, &t->gap_ms))
    die (t, "gap needs MS");
  return true;
}

/* resize COLS ROWS: resize the pty and the emulator. */
static bool
cmd_resize (struct term *t, const struct call *call)
{
  int v[4];
  if (!parse_ints (call->arg, 2, 1, 1000, v))
    die (t, "resize needs COLS ROWS (1 to 1000)");
  return resize (t, v[0], v[1]);
}

/* timeout SECONDS: how long waits poll. */
static bool
cmd_timeout (struct term *t, const struct call *call)
{
  char *end;
  double s = strtod (call->arg, &end);
  if (end == call->arg || *end || !(s > 0 && s < 3600))
    die (t, "timeout needs SECONDS");
  t->timeout = s;
  return true;
}

/* wait, wait-gone, expect, expect-not TEXT: TEXT on screen or not,
   polled or now. */
static bool
cmd_wait (struct term *t, const struct call *call)
{
  bool gone = strstr (call->name, "-gone") || strstr (call->name, "-not");
  bool now_only = call->name[0] == 'e';
  char *s = text_arg (t, call->name, call->arg);
  enum cond c = gone ? COND_GONE : COND_TEXT;
  bool ok;
  if (now_only)
    {
      settle (t);
      ok = holds (t, c, s, -1);
    }
  else
    ok = poll_for (t, c, s, -1);
  free (s);
  if (ok)
    return true;
  if (now_only)
    return fail (t, "%s: \"%s\" is %s on screen", call->name, call->arg,
                 gone ? "still" : "not");
  return fail (t, "%s: \"%s\" is %s on screen after %g s", call->name,
               call->arg, gone ? "still" : "not", t->timeout);
}

/* wait-row, expect-row N TEXT: row N contains TEXT, polled or now. */
static bool
cmd_wait_row (struct term *t, const struct call *call)
{
  int row;
  char *s = row_arg (t, call->name, call->arg, &row);
  bool ok;
  if (call->name[0] == 'e')
    {
      settle (t);
      ok = holds (t, COND_TEXT, s, row - 1);
    }
  else
    ok = poll_for (t, COND_TEXT, s, row - 1);
  free (s);
  return ok || fail (t, "%s: row %d does not contain \"%s\"%s",
                     call->name, row,
                     strchr (call->arg, ' ') + 1,
                     call->name[0] == 'e' ? "" : " before the timeout");
}

/* wait-screen, expect-screen: the screen is exactly the block that follows. */
static bool
cmd_wait_screen (struct term *t, const struct call *call)
{
  int start = t->line;
  char *want = read_block (t, call->in);
  bool ok;
  if (call->name[0] == 'e')
    {
      settle (t);
      ok = holds (t, COND_SCREEN, want, -1);
    }
  else
    ok = poll_for (t, COND_SCREEN, want, -1);
  if (!ok)
    {
      t->line = start;
      show_diff (t, want);
      fail (t, "%s: the screen differs from the lines that follow",
            call->name);
    }
  free (want);
  return ok;
}

/* wait-attr ATTRS TEXT: TEXT shows with these attributes. */
static bool
cmd_wait_attr (struct term *t, const struct call *call)
{
  /* "wait-attr ATTR[,ATTR]... TEXT" */
  size_t k = strcspn (call->arg, " ");
  char *list = xstrndup (call->arg, k);
  int attrs = parse_attrs (list);
  free (list);
  if (attrs < 0 || !call->arg[k])
    die (t, "wait-attr needs bold|underline|italic|reverse[,...] TEXT");
  char *s = text_arg (t, call->name, call->arg + k + 1);
  bool ok = poll_for (t, COND_ATTR, s, attrs);
  free (s);
  return ok || fail (t, "wait-attr: \"%s\" is not on screen as %.*s "
                     "after %g s", call->arg + k + 1, (int) k, call->arg,
                     t->timeout);
}

/* expect-no-colour: no cell has a colour of its own. */
static bool
cmd_expect_no_colour (struct term *t, const struct call *call)
{
  no_arg (t, call);
  int r, c;
  settle (t);
  if (!find_colour (t, &r, &c))
    return true;
  return fail (t, "expect-no-colour: row %d column %d has a colour",
               r + 1, c + 1);
}

/* snapshot NAME: remember the screen. */
static bool
cmd_snapshot (struct term *t, const struct call *call)
{
  if (!*call->arg || strchr (call->arg, ' '))
    die (t, "snapshot needs a NAME");
  settle (t);
  struct snapshot *s = find_snapshot (t, call->arg);
  if (!s)
    {
      XGROW (t->snaps, t->snaps_cap, t->nsnaps + 1);
      s = &t->snaps[t->nsnaps++];
      s->name = xstrdup (call->arg);
    }
  else
    free (s->text);
  s->text = screen_text (t);
  return true;
}

/* wait-snapshot NAME: poll until the screen is snapshot NAME again. */
static bool
cmd_wait_snapshot (struct term *t, const struct call *call)
{
  struct snapshot *s = find_snapshot (t, call->arg);
  if (!s)
    die (t, "no snapshot called \"%s\"", call->arg);
  if (poll_for (t, COND_SCREEN, s->text, -1))
    return true;
  show_diff (t, s->text);
  return fail (t, "wait-snapshot: the screen is not snapshot %s after %g s",
               call->arg, t->timeout);
}

/* screen: print the screen on stdout. */
static bool
cmd_screen (struct term *t, const struct call *call)
{
  no_arg (t, call);
  settle (t);
  char *s = screen_text (t);
  printf ("%s\n", s);
  fflush (stdout);
  free (s);
  return true;
}

/* cursor: print the cursor's place and visibility. */
static bool
cmd_cursor (struct term *t, const struct call *call)
{
  no_arg (t, call);
  VTermPos cur;
  settle (t);
  vterm_state_get_cursorpos (vterm_obtain_state (t->vt), &cur);
  printf ("cursor %d %d%s\n", cur.row + 1, cur.col + 1,
          t->mode[25] ? "" : " hidden");
  fflush (stdout);
  return true;
}

/* modes: print the private modes the program left set. */
static bool
cmd_modes (struct term *t, const struct call *call)
{
  no_arg (t, call);
  settle (t);
  print_modes (t, stdout);
  fflush (stdout);
  return true;
}

/* sleep MS: pause, reading output, to space input. */
static bool
cmd_sleep (struct term *t, const struct call *call)
{
  int ms;
  if (!parse_int (call->arg, 0, 60000, &ms))
    die (t, "sleep needs MS");
  pause_ms (t, ms);
  return true;
}

/* alive: the program still runs. */
static bool
cmd_alive (struct term *t, const struct call *call)
{
  no_arg (t, call);
  pump (t, 0);
  if (check_alive (t))
    return true;
  char *st = describe_status (t);
  bool r = fail (t, "alive: the program has %s", st);
  free (st);
  return r;
}

/* rss: print the program's resident set size in kB, for memory-growth
   checks. */
static bool
cmd_rss (struct term *t, const struct call *call)
{
  no_arg (t, call);
  pump (t, 0);
  if (!check_alive (t))
    return fail (t, "rss: the program has exited");
  char path[64];
  snprintf (path, sizeof path, "/proc/%ld/status", (long) t->pid);
  FILE *f = fopen (path, "r");
  if (!f)
    die (t, "rss: %s: %s", path, strerror (errno));
  char buf[256];
  long kb = -1;
  while (kb < 0 && fgets (buf, sizeof buf, f))
    if (sscanf (buf, "VmRSS: %ld", &kb) != 1)
      kb = -1;
  fclose (f);
  if (kb < 0)
    die (t, "rss: no VmRSS in %s", path);
  printf ("rss %ld\n", kb);
  fflush (stdout);
  return true;
}

/* expect-exit CODE [SECONDS]: the program exits with CODE. */
static bool
cmd_expect_exit (struct term *t, const struct call *call)
{
  int v[4];
  char code[16];
  double secs = t->timeout;
  if (sscanf (call->arg, "%15s %lf", code, &secs) < 1
      || !parse_int (code, 0, 255, &v[0]) || !(secs > 0))
    die (t, "expect-exit needs CODE [SECONDS]");
  if (!wait_exit (t, secs))
    return fail (t, "expect-exit: the program still runs after %g s", secs);
  if (WIFEXITED (t->status) && WEXITSTATUS (t->status) == v[0])
    return true;
  char *st = describe_status (t);
  bool r = fail (t, "expect-exit: wanted status %d, the program %s",
                 v[0], st);
  free (st);
  return r;
}

/* kill SIGNAME: send the program a signal. */
static bool
cmd_kill (struct term *t, const struct call *call)
{
  int sig = signal_number (call->arg);
  if (!sig)
    die (t, "kill: unknown signal \"%s\"", call->arg);
  if (!check_alive (t))
    return fail (t, "kill: the program has already exited");
  kill (t->pid, sig);
  return true;
}

/* expect-restored: the terminal modes are as the program found them. */
static bool
cmd_expect_restored (struct term *t, const struct call *call)
{
  no_arg (t, call);
  settle (t);
  struct strbuf why = STRBUF_INIT;
  static const int bad[] = { 47, 1047, 1049, 1000, 1002, 1003, 1005,
                             1006, 1015 };
  for (size_t i = 0; i < ARRAY_SIZE (bad); i++)
    if (t->mode[bad[i]])
      strbuf_addf (&why, " ?%dh", bad[i]);
  if (!t->mode[25])
    strbuf_adds (&why, " ?25l (cursor hidden)");
  if (!why.len)
    return true;
  bool r = fail (t, "expect-restored: the program left these modes on:%s",
                 why.s);
  strbuf_free (&why);
  return r;
}

/* The script's commands. */
static const struct command
{
  const char *name;
  bool (*run) (struct term *t, const struct call *call);
} commands[] = {
  { "keys", cmd_keys },
  { "key", cmd_key },
  { "send-raw", cmd_send_raw },
  { "tap", cmd_tap },
  { "tap-text", cmd_tap_text },
  { "tap-word", cmd_tap_text },
  { "tap-key", cmd_tap_text },
  { "retap", cmd_retap },
  { "drag", cmd_drag },
  { "wheel", cmd_wheel },
  { "wheel-to", cmd_wheel_to },
  { "mouse", cmd_mouse },
  { "settle", cmd_settle },
  { "quiet", cmd_quiet },
  { "pace", cmd_pace },
  { "gap", cmd_gap },
  { "resize", cmd_resize },
  { "timeout", cmd_timeout },
  { "wait", cmd_wait },
  { "wait-gone", cmd_wait },
  { "expect", cmd_wait },
  { "expect-not", cmd_wait },
  { "wait-row", cmd_wait_row },
  { "expect-row", cmd_wait_row },
  { "wait-screen", cmd_wait_screen },
  { "expect-screen", cmd_wait_screen },
  { "wait-attr", cmd_wait_attr },
  { "expect-no-colour", cmd_expect_no_colour },
  { "snapshot", cmd_snapshot },
  { "wait-snapshot", cmd_wait_snapshot },
  { "screen", cmd_screen },
  { "cursor", cmd_cursor },
  { "modes", cmd_modes },
  { "sleep", cmd_sleep },
  { "alive", cmd_alive },
  { "rss", cmd_rss },
  { "expect-exit", cmd_expect_exit },
  { "kill", cmd_kill },
  { "expect-restored", cmd_expect_restored },
};

/* Run one script command; false when it failed. */
static bool
run (struct term *t, const char *cmd, const char *arg, FILE *in)
{
  struct call call = { .name = cmd, .arg = arg, .in = in };
  for (size_t i = 0; i < ARRAY_SIZE (commands); i++)
    if (strcmp (cmd, commands[i].name) == 0)
      return commands[i].run (t, &call);
  die (t, "unknown command \"%s\"", cmd);
}

/* Stop the program if the script left it running. */
static void
finish (struct term *t)
{
  if (!check_alive (t))
    return;
  kill (t->pid, SIGHUP);
  if (wait_exit (t, 2))
    return;
  kill (t->pid, SIGKILL);
  waitpid (t->pid, &t->status, 0);
  t->exited = true;
}

/* Start COMMAND in a pty of COLS x ROWS. */
static void
start (struct term *t, char **argv)
{
  struct winsize ws = { .ws_row = t->rows, .ws_col = t->cols };
  fflush (NULL);
  t->pid = forkpty (&t->fd, NULL, NULL, &ws);
  if (t->pid < 0)
    die (t, "forkpty: %s", strerror (errno));
  if (t->pid == 0)
    {
      execvp (argv[0], argv);
      fprintf (stderr, "term: %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }
  fcntl (t->fd, F_SETFL, fcntl (t->fd, F_GETFL) | O_NONBLOCK);
}

/* Print the usage line and exit with STATUS. */
static void
usage (int status)
{
  fputs ("Usage: term [-s COLSxROWS] [-t SECONDS] [-l LOGFILE] [-v] "
         "COMMAND [ARG]... < SCRIPT\n"
         "Run COMMAND in a pty read by libvterm and play SCRIPT "
         "(see term.c).\n",
         status ? stderr : stdout);
  exit (status);
}

int
main (int argc, char **argv)
{
  struct term t = { .rows = 24, .cols = 80, .gap_ms = 80, .quiet_ms = 100,
                    .timeout = 10 };
  int opt;
  while ((opt = getopt (argc, argv, "+s:t:l:vh")) != -1)
    switch (opt)
      {
      case 's':
        if (sscanf (optarg, "%dx%d", &t.cols, &t.rows) != 2
            || t.cols < 1 || t.rows < 1 || t.cols > 1000 || t.rows > 1000)
          usage (99);
        break;
      case 't':
        t.timeout = strtod (optarg, NULL);
        if (!(t.timeout > 0))
          usage (99);
        break;
      case 'l':
        t.log = fopen (optarg, "w");
        if (!t.log)
          die (&t, "%s: %s", optarg, strerror (errno));
        break;
      case 'v':
        t.verbose = true;
        break;
      case 'h':
        usage (0);
        break;
      default:
        usage (99);
      }
  if (optind >= argc)
    usage (99);

  const char *term = getenv ("TERM");
  t.tmux_keys = term && (strncmp (term, "tmux", 4) == 0
                         || strncmp (term, "screen", 6) == 0);
  t.mode[7] = 1;                 /* autowrap and a visible cursor */
  t.mode[25] = 1;
  signal (SIGPIPE, SIG_IGN);

  t.vt = vterm_new (t.rows, t.cols);
  vterm_set_utf8 (t.vt, 1);
  vterm_output_set_callback (t.vt, vterm_reply, &t);
  t.screen = vterm_obtain_screen (t.vt);
  vterm_screen_enable_altscreen (t.screen, 1);
  vterm_screen_reset (t.screen, 1);

  start (&t, argv + optind);

  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  bool ok = true;
  while (ok && (n = getline (&line, &cap, stdin)) >= 0)
    {
      t.line++;
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
      const char *p = line;
      while (*p == ' ' || *p == '\t')
        p++;
      if (!*p || *p == '#')
        continue;
      size_t k = strcspn (p, " \t");
      char *cmd = xstrndup (p, k);
      const char *arg = p + k + (p[k] != '\0');
      if (t.verbose)
        fprintf (stderr, "term: %d: %s\n", t.line, p);
      ok = run (&t, cmd, arg, stdin);
      free (cmd);
    }
  free (line);
  finish (&t);
  if (t.log)
    fclose (t.log);
  for (size_t i = 0; i < t.nsnaps; i++)
    {
      free (t.snaps[i].name);
      free (t.snaps[i].text);
    }
  free (t.snaps);
  vterm_free (t.vt);
  close (t.fd);
  return ok ? 0 : 1;
}
