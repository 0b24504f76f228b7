/* view.c -- the guide on a terminal: start and end the screen, turn keys
   and taps into nav events, keep the layout in step with the state.  The
   loop only notes what must be done again (lay out, search, draw); the
   drawing itself is view-draw.c's. */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "body.h"
#include "lang.h"
#include "layout.h"
#include "view-kiosk.h"
#include "view-private.h"
#include "view-term.h"

/* Esc must act at once; sequences from a real terminal arrive faster. */
#define VIEW_ESCDELAY_MS 25
/* How long a wait for input lasts before the loop looks again: a
   resize signal that lands just before curses starts waiting is seen
   only at the next wake-up (kiosk mode's idle timer will use it too). */
#define VIEW_WAKE_MS 200
/* Pages of the search index built between two looks for input: a few
   milliseconds on a slow CPU, so a tap that comes meanwhile waits no
   longer than that. */
#define VIEW_INDEX_SLICE 16
/* A press and release this close (cells) is a tap; farther, a drag. */
#define VIEW_TAP_SLOP 2
/* How long a read may outlast its wait before the watchdog cuts it
   short (see read_input): far more than reading a whole key sequence or
   mouse report takes, which a terminal sends in one write; short
   enough that a cut report holds up no timer a visitor would notice. */
#define VIEW_READ_GRACE_MS 300

/* The finger on the screen: a press that becomes a tap or a drag. */
struct pointer
{
  bool down;
  bool dragging;
  int x, y;             /* where it went down */
  int last_y;           /* the row the body was last scrolled to */
};

/* Set by a signal asking the guide to end (SIGTERM from the service
   manager, SIGHUP from a closed terminal, SIGINT from Ctrl-C).  A signal
   handler can only reach a global; the loop reads it and ends as after
   q, so the terminal is always given back as it was. */
static volatile sig_atomic_t stop_signal;

/* Note the signal; the read it interrupts returns and the loop ends. */
static void
on_stop_signal (int sig)
{
  stop_signal = sig;
}

/* Set when the read watchdog (see read_input) went off; a signal
   handler, again, can only reach a global. */
static volatile sig_atomic_t watchdog_fired;

/* The read watchdog's signal: interrupting the read is its work. */
static void
on_watchdog (int sig)
{
  (void) sig;
  watchdog_fired = 1;
}

/* Set by ^Z (SIGTSTP): the loop gives the terminal back and stops,
   rather than curses' own handler, which repaints on its return what
   curses believes the screen holds: not what kiosque wrote there.
   (Kiosk mode ignores the signal.) */
static volatile sig_atomic_t suspend_asked;

/* Note the request; the read it interrupts returns. */
static void
on_suspend (int sig)
{
  (void) sig;
  suspend_asked = 1;
}

/* Set when the guide goes on after being stopped from outside (SIGSTOP,
   then SIGCONT): what the terminal shows is then unknown. */
static volatile sig_atomic_t continued;

/* Note the continuation; the read it interrupts returns, and the loop
   writes the whole screen again. */
static void
on_continue (int sig)
{
  (void) sig;
  continued = 1;
}

/* The window keys and taps are read from: a pad, never drawn on, which
   curses does not refresh before reading (it would for a window it
   believed changed, such as stdscr after a resize, and paint over
   what kiosque wrote with what it believes the screen holds). */
static WINDOW *keyboard;

/* Catch the signals that end the guide, and the read watchdog's, without
   SA_RESTART so that they interrupt the wait for input.  Done before the
   screen starts, so that ncurses keeps its hands off them. */
static void
catch_stop_signals (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  sa.sa_handler = on_watchdog;
  sigaction (SIGALRM, &sa, NULL);
  sa.sa_handler = on_continue;
  sigaction (SIGCONT, &sa, NULL);
  sa.sa_handler = on_suspend;
  sigaction (SIGTSTP, &sa, NULL);
}

/* wget_wch, waiting at most WAIT milliseconds; its result, the
   character in *C.  ncurses does not always keep to the wait: once it
   has seen the start of a mouse report (\e[< for SGR, \e[M for X10)
   it reads the rest with a read() that blocks until the report ends,
   and after a report it cannot use it reads the next input the same
   way.  A truncated report -- a glitch on the touchscreen's line, or
   the keys Esc [ < -- would freeze the loop, and kiosk mode's timers
   with it (the idle reset, the staff notice), until someone touched
   the screen again.  So a watchdog timer, set to go off past the wait
   and then every VIEW_WAKE_MS, interrupts such a read (the handler has
   no SA_RESTART); ncurses then gives up on the report.  The mouse
   event it still makes of the pieces is dropped: its coordinates are
   whatever was in ncurses' buffer (an X10 report's are not even
   written), so it counts as the wait running out. */
static int
read_input (int wait, wint_t *c)
{
  long long ms = (long long) wait + VIEW_READ_GRACE_MS;
  struct itimerval watchdog = {
    .it_interval = { .tv_sec = 0, .tv_usec = VIEW_WAKE_MS * 1000 },
    .it_value = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 }
  };
  struct itimerval off = { .it_value = { 0, 0 } };
  watchdog_fired = 0;
  setitimer (ITIMER_REAL, &watchdog, NULL);
  wtimeout (keyboard, wait);
  int type = wget_wch (keyboard, c);
  setitimer (ITIMER_REAL, &off, NULL);
  if (watchdog_fired && type == KEY_CODE_YES && *c == KEY_MOUSE)
    {
      MEVENT cut;
      getmouse (&cut);
      return ERR;
    }
  return type;
}

/* Milliseconds on a clock that never jumps, for the double-tap guard. */
static long long
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Let go of the body V shows (a page's layout stays in the cache). */
static void
drop_body (struct view *v)
{
  if (v->body_own)
    body_free (v->body_own);
  v->body_own = NULL;
  v->body = NULL;
}

/* An empty body, for a site without the page asked for. */
static struct layout *
empty_layout (int width)
{
  struct layout *l = xcalloc (1, sizeof *l);
  l->width = width;
  return l;
}

/* Lay out what the body shows for the state and the screen size: the
   page (in one language or both), or the help text. */
static void
relayout (struct view *v)
{
  const struct nav_state *s = &v->nav;
  drop_body (v);
  view_draw_geometry (v, LINES, COLS);
  const struct page *page = site_find (v->site, s->page);
  if (!page && v->site->home)
    page = site_find (v->site, v->site->home);

  if (s->screen == NAV_SCREEN_HELP)
    {
      lang_use_for_messages (s->lang);
      v->body = v->body_own = body_help (v->geo.text_width,
                                         v->options->kiosk);
    }
  else if (s->screen == NAV_SCREEN_PAGE && page && s->both && v->geo.wide)
    {
      /* Each column's words (card labels, notices) in its own language. */
      const struct layout *fr = view_cache_page (v, page, LANG_FR,
                                                 v->geo.twin_width);
      const struct layout *vi = view_cache_page (v, page, LANG_VI,
                                                 v->geo.twin_width);
      v->body = v->body_own = body_twin (fr, vi, VIEW_TWIN_GAP);
    }
  else if (s->screen == NAV_SCREEN_PAGE && page)
    {
      v->body = view_cache_page (v, page, s->lang, v->geo.text_width);
    }
  else if (s->screen == NAV_SCREEN_PAGE)
    {
      v->body = v->body_own = empty_layout (v->geo.text_width);
    }
  lang_use_for_messages (s->lang);
}

/* Build a slice of the search index while no input waits. */
static void
index_slice (struct view *v)
{
  if (!v->index)
    v->index = search_index_start (v->site);
  search_index_build (v->index, VIEW_INDEX_SLICE);
}

/* Run the search for the query as it is now. */
static void
requery (struct view *v)
{
  search_hits_free (v->hits, v->nhits);
  free (v->hit_ids);
  v->hits = NULL;
  v->hit_ids = NULL;
  v->nhits = 0;
  if (!v->nav.query[0])
    return;
  if (!v->index)
    v->index = search_index_start (v->site);
  /* What the slices did not build yet. */
  search_index_build (v->index, SIZE_MAX);
  v->nhits = search_run (v->index, v->nav.query, v->nav.lang, &v->hits);
  v->hit_ids = xcalloc (v->nhits ? v->nhits : 1, sizeof *v->hit_ids);
  for (size_t i = 0; i < v->nhits; i++)
    v->hit_ids[i] = v->hits[i].page->id;
}

/* What nav needs to know about the screen as it is. */
static struct nav_env
make_env (const struct view *v)
{
  struct nav_env env = {
    .site = v->site,
    .layout = v->body,
    .height = (size_t) v->geo.body_h,
    .wide = v->geo.wide,
    .results = v->hit_ids,
    .nresults = v->nhits,
    .results_height = (size_t) v->geo.results_fit,
  };
  return env;
}

/* The event for a function key KEY, or false. */
static bool
function_key (const struct view *v, wint_t key, struct nav_event *ev)
{
  bool search = v->nav.screen == NAV_SCREEN_SEARCH;
  switch (key)
    {
    case KEY_UP: ev->action = NAV_UP; break;
    case KEY_DOWN: ev->action = NAV_DOWN; break;
    case KEY_LEFT: ev->action = NAV_FOCUS_PREV; break;
    case KEY_RIGHT: ev->action = NAV_FOCUS_NEXT; break;
    case KEY_BTAB: ev->action = NAV_FOCUS_PREV; break;
    case KEY_ENTER: ev->action = NAV_ACTIVATE; break;
    case KEY_BACKSPACE: ev->action = search ? NAV_ERASE : NAV_BACK; break;
    case KEY_DC: ev->action = search ? NAV_ERASE : NAV_NONE; break;
    case KEY_HOME: ev->action = NAV_HOME; break;
    case KEY_END: ev->action = NAV_BOTTOM; break;
    case KEY_PPAGE: ev->action = NAV_PAGE_UP; break;
    case KEY_NPAGE: ev->action = NAV_PAGE_DOWN; break;
    case KEY_F (1): ev->action = NAV_HELP; break;
    case KEY_F (2): ev->action = NAV_LANGUAGE; break;
    case KEY_F (3): ev->action = NAV_SEARCH; break;
    default: return false;
    }
  return ev->action != NAV_NONE;
}

/* The event for the character C, or false.  On the search screen
   printable characters are typed into the query. */
static bool
char_key (const struct view *v, wint_t c, struct nav_event *ev)
{
  bool search = v->nav.screen == NAV_SCREEN_SEARCH;
  switch (c)
    {
    case '\t': ev->action = NAV_FOCUS_NEXT; return true;
    case '\n': case '\r': ev->action = NAV_ACTIVATE; return true;
    case 27: ev->action = NAV_BACK; return true;
    case 127: case 8: ev->action = search ? NAV_ERASE : NAV_BACK; return true;
    case 21: ev->action = search ? NAV_CLEAR : NAV_NONE; return search;   /* ^U */
    default: break;
    }
  if (search)
    {
      if (c < ' ' || !iswprint (c))
        return false;
      mbstate_t mbs;
      memset (&mbs, 0, sizeof mbs);
      char buf[MB_LEN_MAX];
      size_t n = wcrtomb (buf, (wchar_t) c, &mbs);
      if (n == (size_t) -1 || n >= sizeof ev->text)
        return false;
      memcpy (ev->text, buf, n);
      ev->text[n] = '\0';
      ev->action = NAV_TYPE;
      return true;
    }
  switch (c)
    {
    case ' ': ev->action = NAV_PAGE_DOWN; break;
    case 'b': ev->action = NAV_PAGE_UP; break;
    case 'l': case 'L': ev->action = NAV_LANGUAGE; break;
    case '/': ev->action = NAV_SEARCH; break;
    case '?': ev->action = NAV_HELP; break;
    case 'q': case 'Q':
      if (v->options->kiosk)
        return false;
      ev->action = NAV_QUIT;
      break;
    default: return false;
    }
  return true;
}

/* Scroll for a drag from the pointer's last row to row Y: the text
   follows the finger.  Search results move a result per three rows. */
static bool
drag_to (const struct view *v, struct pointer *p, int y, struct nav_event *ev)
{
  int rows = p->last_y - y;
  if (v->nav.screen == NAV_SCREEN_SEARCH)
    rows /= 3;
  if (rows == 0)
    return false;
  p->last_y -= v->nav.screen == NAV_SCREEN_SEARCH ? rows * 3 : rows;
  ev->action = NAV_SCROLL_BY;
  ev->arg = rows;
  return true;
}

/* The event for a tap at Y, X, or false if nothing is there. */
static bool
tap_at (const struct view *v, int y, int x, struct nav_event *ev)
{
  if (!view_draw_hit (v, y, x, ev))
    return false;
  ev->tap = true;
  ev->x = x;
  ev->y = y;
  return true;
}

/* Turn the next mouse report into an event: a tap (a click, or a press
   and a release close together), a drag (press, motion, release), or
   the wheel. */
static bool
mouse_event (const struct view *v, struct pointer *p, struct nav_event *ev)
{
  MEVENT m;
  if (getmouse (&m) != OK)
    return false;
  mmask_t b = m.bstate;
  if (b & BUTTON4_PRESSED)
    {
      ev->action = NAV_SCROLL_BY;
      ev->arg = v->nav.screen == NAV_SCREEN_SEARCH ? -1 : -VIEW_WHEEL_LINES;
      return true;
    }
#ifdef BUTTON5_PRESSED
  if (b & BUTTON5_PRESSED)
    {
      ev->action = NAV_SCROLL_BY;
      ev->arg = v->nav.screen == NAV_SCREEN_SEARCH ? 1 : VIEW_WHEEL_LINES;
      return true;
    }
#endif
  if (b & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED))
    {
      p->down = false;
      return tap_at (v, m.y, m.x, ev);
    }
  if (b & BUTTON1_PRESSED)
    {
      p->down = true;
      p->dragging = false;
      p->x = m.x;
      p->y = m.y;
      p->last_y = m.y;
      return false;
    }
  if (!p->down)
    return false;
  bool far = abs (m.y - p->y) > VIEW_TAP_SLOP || abs (m.x - p->x) > VIEW_TAP_SLOP;
  if (b & BUTTON1_RELEASED)
    {
      p->down = false;
      if (p->dragging || far)
        return drag_to (v, p, m.y, ev);
      /* A tap counts where the finger went down: what the visitor aimed at. */
      return tap_at (v, p->y, p->x, ev);
    }
  if (b & REPORT_MOUSE_POSITION)
    {
      if (far)
        p->dragging = true;
      return p->dragging && drag_to (v, p, m.y, ev);
    }
  return false;
}

/* Ask the terminal for motion while a button is down (mode 1002), which
   drag needs; ncurses itself only asks for clicks (mode 1000).  Written
   straight to the terminal, after doupdate() has sent ncurses' own mouse
   setup: a "1000h" after it would turn 1002 off again. */
static void
report_drags (bool on)
{
  /* Only to a terminal that reports a mouse at all. */
  const char *kmous = tigetstr ((char *) "kmous");
  if (!kmous || kmous == (char *) -1)
    return;
  fputs (on ? "\033[?1002h" : "\033[?1002l", stdout);
  fflush (stdout);
}

/* Start curses on the terminal: keys, taps and drags, no cursor.  NULL
   (after saying why) when the terminal cannot be used. */
static SCREEN *
start_terminal (void)
{
  if (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO))
    {
      fprintf (stderr, _("%s: the screen needs a terminal; "
                         "--dump prints a page without one\n"), PACKAGE);
      return NULL;
    }
  SCREEN *screen = newterm (NULL, stdout, stdin);
  if (!screen)
    {
      const char *term = getenv ("TERM");
      fprintf (stderr, _("%s: cannot use the terminal '%s'\n"), PACKAGE,
               term ? term : "");
      return NULL;
    }
  set_term (screen);
  /* A terminal that cannot place the cursor (TERM=dumb) cannot show a
     screen at all. */
  const char *cup = tigetstr ((char *) "cup");
  if (!cup || cup == (char *) -1)
    {
      endwin ();
      delscreen (screen);
      const char *term = getenv ("TERM");
      fprintf (stderr, _("%s: the terminal '%s' cannot show a full screen\n"),
               PACKAGE, term ? term : "");
      return NULL;
    }
  keyboard = newpad (1, 1);
  if (!keyboard)
    {
      endwin ();
      delscreen (screen);
      const char *term = getenv ("TERM");
      fprintf (stderr, _("%s: cannot use the terminal '%s'\n"), PACKAGE,
               term ? term : "");
      return NULL;
    }
  cbreak ();
  noecho ();
  nonl ();
  keypad (keyboard, TRUE);
  curs_set (0);
  set_escdelay (VIEW_ESCDELAY_MS);
  mousemask (ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
  mouseinterval (0);
  /* Clear the screen and send ncurses' mouse setup now, so that drags
     are on before the first screen shows.  From here on kiosque writes
     the screen itself (view-term.c); curses keeps the input. */
  doupdate ();
  report_drags (true);
  return screen;
}

/* ^Z: give the terminal back as it was and stop, as the shell's job
   control expects; on return take it again (curses clears it, the
   caller draws it whole).  Where no shell can resume the guide (an
   orphaned process group) the kernel drops the stop, and the guide
   comes straight back. */
static void
suspend_terminal (void)
{
  report_drags (false);
  endwin ();
  struct sigaction stop, ours;
  memset (&stop, 0, sizeof stop);
  stop.sa_handler = SIG_DFL;
  sigemptyset (&stop.sa_mask);
  sigaction (SIGTSTP, &stop, &ours);
  raise (SIGTSTP);
  sigaction (SIGTSTP, &ours, NULL);
  doupdate ();
  report_drags (true);
}

/* Give the terminal back as it was. */
static void
stop_terminal (SCREEN *screen)
{
  report_drags (false);
  endwin ();
  delwin (keyboard);
  keyboard = NULL;
  delscreen (screen);
}

/* Turn what wget_wch read (TYPE, C) into a nav event; false when it
   means nothing. */
static bool
decode_input (struct view *v, struct pointer *p, int type, wint_t c,
              struct nav_event *ev)
{
  memset (ev, 0, sizeof *ev);
  if (type == KEY_CODE_YES && c == KEY_MOUSE)
    return mouse_event (v, p, ev);
  /* A resize, or ^L for a garbled terminal: what the terminal still
     shows is unknown (shrunk to one cell, it keeps one), so repaint all
     of it, laid out for the size it has now. */
  if ((type == KEY_CODE_YES && c == KEY_RESIZE) || (type == OK && c == 12))
    {
      view_draw_geometry (v, LINES, COLS);
      view_draw_forget (v);
      p->down = false;
      ev->action = NAV_RESIZE;
      return true;
    }
  if (type == KEY_CODE_YES)
    return function_key (v, c, ev);
  return char_key (v, c, ev);
}

/* Free what V holds. */
static void
view_free (struct view *v)
{
  drop_body (v);
  view_cache_flush (v);
  search_hits_free (v->hits, v->nhits);
  free (v->hit_ids);
  if (v->index)
    search_index_free (v->index);
  free (v->targets);
  view_rows_free (v->rows);
  view_term_free (v->term);
  nav_free (&v->nav);
}

/* The guide's main loop: set up the terminal, then lay out, search, draw
   and read input until the visitor quits.  The loop only notes what
   must be done again; nothing draws but view_draw. */
int
view_run (const struct site *site, const struct view_options *options)
{
  stop_signal = 0;
  catch_stop_signals ();
  SCREEN *screen = start_terminal ();
  if (!screen)
    return 1;

  struct view v;
  memset (&v, 0, sizeof v);
  v.site = site;
  v.options = options;
  view_theme_init (&v);
  nav_init (&v.nav, site, options->page, options->lang);
  v.nav.tap_guard_ms = options->tap_guard_ms;
  view_kiosk_start (&v);

  struct pointer pointer = { 0 };
  bool need_layout = true, need_query = false, need_draw = true;
  int errors = 0;
  while (!stop_signal)
    {
      if (need_layout)
        {
          relayout (&v);
          /* Results depend on the language and the width too. */
          need_query |= v.nav.screen == NAV_SCREEN_SEARCH;
          need_draw = true;
          need_layout = false;
          view_kiosk_shown (&v);
        }
      if (need_query)
        {
          requery (&v);
          need_query = false;
          need_draw = true;
        }
      if (suspend_asked)
        {
          /* Kiosk mode ignores ^Z, even one that came before it did. */
          suspend_asked = 0;
          if (!options->kiosk)
            suspend_terminal ();
          continued = 1;
        }
      if (continued)
        {
          continued = 0;
          view_draw_forget (&v);
          need_draw = true;
        }
      if (need_draw)
        {
          view_draw (&v);
          need_draw = false;
        }

      /* Kiosk mode's timers may need the loop before the wake-up. */
      long long wait = view_kiosk_wait (&v);
      /* On the search screen the index is built in slices, the loop
         looking for input between them: it is ready when the first
         letter comes. */
      bool indexing = v.nav.screen == NAV_SCREEN_SEARCH
        && (!v.index || !search_index_build (v.index, 0));
      int timeout = indexing ? 0
                    : wait >= 0 && wait < VIEW_WAKE_MS ? (int) wait
                    : VIEW_WAKE_MS;
      wint_t c = 0;
      long long asked = now_ms ();
      int type = read_input (timeout, &c);
      /* Kiosk mode sees every input first, and the time passing. */
      unsigned kiosk = view_kiosk_input (&v, type, c);
      if (kiosk & VIEW_KIOSK_EXIT)
        break;
      need_layout |= (kiosk & VIEW_KIOSK_RELAYOUT) != 0;
      need_draw |= (kiosk & VIEW_KIOSK_REDRAW) != 0;
      if (kiosk & VIEW_KIOSK_TAKEN)
        continue;
      if (type == ERR)
        {
          /* The wait ran out, or a signal came; but failing at once,
             again and again, means the terminal went away (end of
             input): stop rather than spin.  Only a full wake-up wait
             tells: a short one, just before a kiosk timer, may well
             end at once (on a clock sped up for a long-run test, its
             wait rounds to nothing). */
          if (indexing || now_ms () - asked >= timeout / 2)
            errors = 0;
          else if (timeout >= VIEW_WAKE_MS / 2 && ++errors > 100)
            break;
          if (indexing)
            index_slice (&v);
          continue;
        }
      errors = 0;

      struct nav_event ev;
      if (!decode_input (&v, &pointer, type, c, &ev))
        continue;
      if (ev.tap && view_kiosk_tap (&v, &ev))
        {
          need_draw = true;
          continue;
        }
      struct nav_env env = make_env (&v);
      unsigned r = nav_apply (&v.nav, &ev, &env, now_ms ());
      if (r & NAV_EXIT)
        break;
      need_layout |= (r & NAV_RELAYOUT) != 0;
      need_query |= (r & NAV_REQUERY) != 0;
      need_draw |= (r & NAV_REDRAW) != 0;
    }

  stop_terminal (screen);
  view_free (&v);
  view_kiosk_end (&v);
  return 0;
}
