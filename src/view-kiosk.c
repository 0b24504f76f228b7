/* view-kiosk.c -- kiosk mode on the terminal: raw input so that no key
   leaves, the timers that shorten the wait for input (no busy loop),
   keys and taps on the kiosk's own screens turned into kiosk events,
   and what kiosk.c's answers ask for: a fresh visit, a reload, the
   statistics.  Drawing those screens is view-kiosk-draw.c's. */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <signal.h>
#include <time.h>

#include "kiosk-report.h"
#include "kiosk.h"
#include "stats.h"
#include "view-kiosk.h"

/* A press and release this close (cells) is a tap; farther, a drag. */
#define TAP_SLOP 2
/* Lines a wheel notch scrolls a report. */
#define WHEEL_LINES 3
/* Scroll "all the way" for Home and End on a report. */
#define SCROLL_ALL 1000000

long long
view_kiosk_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The idle time in force: the option's, or the site's. */
static unsigned
idle_seconds (const struct view *v)
{
  int idle = v->options->idle_seconds;
  return idle < 0 ? v->site->idle_seconds : (unsigned) idle;
}

void
view_kiosk_start (struct view *v)
{
  struct view_kiosk *vk = xcalloc (1, sizeof *vk);
  v->kiosk = vk;
  if (v->options->kiosk)
    {
      /* Ctrl-C, Ctrl-Z and Ctrl-\ reach us as plain keys, and Ctrl-S no
         longer freezes the output.  The signals are ignored as well, so
         that not even a moment before raw() lets a key stop the kiosk;
         SIGTERM and SIGHUP still end it cleanly (view.c). */
      raw ();
      signal (SIGINT, SIG_IGN);
      signal (SIGQUIT, SIG_IGN);
      signal (SIGTSTP, SIG_IGN);
    }
  kiosk_init (&vk->k, idle_seconds (v), v->options->staff,
              v->site->default_lang, view_kiosk_now ());
}

long long
view_kiosk_wait (struct view *v)
{
  return v->kiosk ? kiosk_timeout (&v->kiosk->k, view_kiosk_now ()) : -1;
}

void
view_kiosk_end (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  if (!vk)
    return;
  kiosk_report_clear (&vk->report);
  free (vk->targets);
  free (vk->last_page);
  explicit_bzero (&vk->k, sizeof vk->k);
  if (vk->site)
    site_free (vk->site);
  free (vk);
  v->kiosk = NULL;
}

/* Forget the search results: they point into the site. */
static void
drop_results (struct view *v)
{
  search_hits_free (v->hits, v->nhits);
  free (v->hit_ids);
  v->hits = NULL;
  v->hit_ids = NULL;
  v->nhits = 0;
}

/* A fresh visit: home, the default language, no history, no query. */
static void
fresh_visit (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  kiosk_fresh_visit (&vk->k, &v->nav, v->site);
  drop_results (v);
  free (vk->last_page);
  vk->last_page = NULL;
  vk->down = false;
}

/* Show the guide in LANG now, keeping the place, as the language button
   does. */
static void
show_language (struct view *v, enum lang lang)
{
  struct nav_env env = {
    .site = v->site,
    .layout = v->body,
    .height = (size_t) v->geo.body_h,
    .wide = v->geo.wide,
  };
  struct nav_event ev = { .action = NAV_SET_LANGUAGE, .arg = (int) lang };
  nav_apply (&v->nav, &ev, &env, view_kiosk_now ());
}

/* Put the reloaded SITE in the place of the one shown. */
static void
swap_site (struct view *v, struct site *site)
{
  struct view_kiosk *vk = v->kiosk;
  drop_results (v);
  if (v->index)
    {
      search_index_free (v->index);
      v->index = NULL;
    }
  kiosk_keep_places (&v->nav, site);
  /* The kept layouts are of the old pages. */
  view_cache_flush (v);
  v->site = site;
  if (vk->site)
    site_free (vk->site);
  vk->site = site;
  kiosk_set_idle (&vk->k, idle_seconds (v));
  if (!vk->lang_set)
    vk->k.default_lang = site->default_lang;
}

/* Make the report the kiosk asked for (reloading first for a reload).
   Returns VIEW_KIOSK_* bits. */
static unsigned
fill_report (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  switch (vk->k.report)
    {
    case KIOSK_REPORT_RELOAD:
      {
        struct site *site = kiosk_report_reload (&vk->report, v->site->dir);
        if (!site)
          return VIEW_KIOSK_REDRAW;
        swap_site (v, site);
        return VIEW_KIOSK_RELAYOUT | VIEW_KIOSK_REDRAW;
      }
    case KIOSK_REPORT_DIAGNOSTICS:
      kiosk_report_check (&vk->report, v->site->dir);
      break;
    case KIOSK_REPORT_STATISTICS:
      if (v->options->stats)
        kiosk_report_stats (&vk->report, v->options->stats, v->site,
                            v->nav.lang);
      else
        kiosk_report_clear (&vk->report);
      break;
    }
  return VIEW_KIOSK_REDRAW;
}

/* Count a view of the page shown, if it is a new one. */
static void
count_view (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  if (!v->options->stats || vk->k.screen != KIOSK_GUIDE
      || v->nav.screen != NAV_SCREEN_PAGE || !v->nav.page)
    return;
  if (vk->last_page && strcmp (vk->last_page, v->nav.page) == 0
      && vk->last_lang == v->nav.lang)
    return;
  free (vk->last_page);
  vk->last_page = xstrdup (v->nav.page);
  vk->last_lang = v->nav.lang;
  stats_page_view (v->options->stats, v->nav.page, v->nav.lang, time (NULL));
}

void
view_kiosk_shown (struct view *v)
{
  if (v->kiosk)
    count_view (v);
}

/* Do what kiosk.c's answer R asks.  Returns VIEW_KIOSK_* bits. */
static unsigned
act (struct view *v, unsigned r)
{
  struct view_kiosk *vk = v->kiosk;
  struct stats *stats = v->options->stats;
  unsigned out = 0;
  if (r & KIOSK_REDRAW)
    out |= VIEW_KIOSK_REDRAW;
  if ((r & KIOSK_IDLE_RESET) && stats)
    stats_idle_reset (stats, time (NULL));
  if (r & KIOSK_FRESH_VISIT)
    {
      fresh_visit (v);
      out |= VIEW_KIOSK_RELAYOUT | VIEW_KIOSK_REDRAW;
    }
  if (r & KIOSK_VISIT)
    {
      if (stats)
        stats_visit (stats, time (NULL));
      count_view (v);
      out |= VIEW_KIOSK_REDRAW;
    }
  if (r & KIOSK_LANGUAGE)
    {
      vk->lang_set = true;
      show_language (v, vk->k.default_lang);
      out |= VIEW_KIOSK_RELAYOUT | VIEW_KIOSK_REDRAW;
    }
  if (r & KIOSK_FILL_REPORT)
    out |= fill_report (v);
  if (r & KIOSK_EXIT)
    out |= VIEW_KIOSK_EXIT;
  /* Back in the guide from the staff screens, after a reload or a new
     default language: that page, in that language, is a view too. */
  count_view (v);
  return out;
}

/* The kiosk event for a tap at Y, X on a kiosk screen. */
static struct kiosk_event
hit (const struct view_kiosk *vk, int y, int x)
{
  for (size_t i = 0; i < vk->ntargets; i++)
    {
      const struct view_kiosk_target *t = &vk->targets[i];
      if (y >= t->y0 && y <= t->y1 && x >= t->x0 && x < t->x1)
        return t->ev;
    }
  struct kiosk_event none = { KIOSK_INPUT, 0 };
  return none;
}

/* A report follows the finger from the last row to row Y. */
static struct kiosk_event
drag_to (struct view_kiosk *vk, int y)
{
  struct kiosk_event ev = { KIOSK_INPUT, 0 };
  if (vk->k.screen != KIOSK_REPORT || y == vk->last_y)
    return ev;
  ev.action = KIOSK_SCROLL_BY;
  ev.arg = vk->last_y - y;
  vk->last_y = y;
  return ev;
}

/* The kiosk event for the next mouse report on a kiosk screen: a tap
   counts where the finger went down, as in the guide. */
static struct kiosk_event
mouse_event (struct view_kiosk *vk)
{
  struct kiosk_event ev = { KIOSK_INPUT, 0 };
  MEVENT m;
  if (getmouse (&m) != OK)
    return ev;
  mmask_t b = m.bstate;
  bool report = vk->k.screen == KIOSK_REPORT;
  if (b & BUTTON4_PRESSED)
    {
      if (report)
        {
          ev.action = KIOSK_SCROLL_BY;
          ev.arg = -WHEEL_LINES;
        }
      return ev;
    }
#ifdef BUTTON5_PRESSED
  if (b & BUTTON5_PRESSED)
    {
      if (report)
        {
          ev.action = KIOSK_SCROLL_BY;
          ev.arg = WHEEL_LINES;
        }
      return ev;
    }
#endif
  if (b & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED))
    {
      vk->down = false;
      return hit (vk, m.y, m.x);
    }
  if (b & BUTTON1_PRESSED)
    {
      vk->down = true;
      vk->dragging = false;
      vk->down_x = m.x;
      vk->down_y = m.y;
      vk->last_y = m.y;
      return ev;
    }
  if (!vk->down)
    return ev;
  bool far = abs (m.y - vk->down_y) > TAP_SLOP
             || abs (m.x - vk->down_x) > TAP_SLOP;
  if (b & BUTTON1_RELEASED)
    {
      vk->down = false;
      if (vk->dragging || far)
        return drag_to (vk, m.y);
      return hit (vk, vk->down_y, vk->down_x);
    }
  if (b & REPORT_MOUSE_POSITION)
    {
      if (far)
        vk->dragging = true;
      if (vk->dragging)
        return drag_to (vk, m.y);
    }
  return ev;
}

/* The kiosk event for function key KEY on a kiosk screen. */
static struct kiosk_event
function_key (const struct view_kiosk *vk, wint_t key)
{
  struct kiosk_event ev = { KIOSK_INPUT, 0 };
  switch (vk->k.screen)
    {
    case KIOSK_PIN:
      if (key == KEY_BACKSPACE || key == KEY_DC)
        ev.action = KIOSK_ERASE;
      else if (key == KEY_ENTER)
        ev.action = KIOSK_OK;
      break;
    case KIOSK_MENU:
      if (key == KEY_UP || key == KEY_LEFT || key == KEY_BTAB)
        ev.action = KIOSK_UP;
      else if (key == KEY_DOWN || key == KEY_RIGHT)
        ev.action = KIOSK_DOWN;
      else if (key == KEY_ENTER)
        ev.action = KIOSK_OK;
      else if (key == KEY_BACKSPACE)
        ev.action = KIOSK_CANCEL;
      break;
    case KIOSK_REPORT:
      switch (key)
        {
        case KEY_UP: ev.action = KIOSK_UP; break;
        case KEY_DOWN: ev.action = KIOSK_DOWN; break;
        case KEY_PPAGE: ev.action = KIOSK_PAGE_UP; break;
        case KEY_NPAGE: ev.action = KIOSK_PAGE_DOWN; break;
        case KEY_HOME: ev.action = KIOSK_SCROLL_BY; ev.arg = -SCROLL_ALL; break;
        case KEY_END: ev.action = KIOSK_SCROLL_BY; ev.arg = SCROLL_ALL; break;
        case KEY_BACKSPACE: case KEY_ENTER: ev.action = KIOSK_CANCEL; break;
        default: break;
        }
      break;
    case KIOSK_GUIDE:
    case KIOSK_COUNTDOWN:
    case KIOSK_ATTRACT:
      break;
    }
  return ev;
}

/* The kiosk event for the character C on a kiosk screen. */
static struct kiosk_event
char_key (const struct view_kiosk *vk, wint_t c)
{
  struct kiosk_event ev = { KIOSK_INPUT, 0 };
  bool enter = c == '\r' || c == '\n';
  bool erase = c == 127 || c == 8;
  switch (vk->k.screen)
    {
    case KIOSK_PIN:
      if (c >= '0' && c <= '9')
        {
          ev.action = KIOSK_DIGIT;
          ev.arg = (int) (c - '0');
        }
      else if (erase)
        ev.action = KIOSK_ERASE;
      else if (enter)
        ev.action = KIOSK_OK;
      else if (c == 27)
        ev.action = KIOSK_CANCEL;
      break;
    case KIOSK_MENU:
      if (c == '\t')
        ev.action = KIOSK_DOWN;
      else if (enter)
        ev.action = KIOSK_OK;
      else if (erase || c == 27)
        ev.action = KIOSK_CANCEL;
      break;
    case KIOSK_REPORT:
      if (c == ' ')
        ev.action = KIOSK_PAGE_DOWN;
      else if (c == 'b')
        ev.action = KIOSK_PAGE_UP;
      else if (enter || erase || c == 27)
        ev.action = KIOSK_CANCEL;
      break;
    case KIOSK_GUIDE:
    case KIOSK_COUNTDOWN:
    case KIOSK_ATTRACT:
      break;
    }
  return ev;
}

/* The kiosk event for an input while a kiosk screen shows. */
static struct kiosk_event
screen_event (struct view_kiosk *vk, int type, wint_t c)
{
  struct kiosk_event ev = { KIOSK_ANY, 0 };
  if (vk->k.screen == KIOSK_COUNTDOWN || vk->k.screen == KIOSK_ATTRACT)
    {
      /* Any touch or key at all: someone is there. */
      MEVENT m;
      if (type == KEY_CODE_YES && c == KEY_MOUSE)
        getmouse (&m);
      vk->down = false;
      return ev;
    }
  if (type == KEY_CODE_YES && c == KEY_MOUSE)
    return mouse_event (vk);
  if (type == KEY_CODE_YES)
    return function_key (vk, c);
  return char_key (vk, c);
}

unsigned
view_kiosk_input (struct view *v, int type, wint_t c)
{
  struct view_kiosk *vk = v->kiosk;
  long long now = view_kiosk_now ();
  unsigned out = 0;
  if (type == ERR)
    /* The wait ran out (or failed: the loop tells them apart). */
    out = act (v, kiosk_tick (&vk->k, now));
  else if (type == KEY_CODE_YES && c == KEY_RESIZE)
    /* Not a person: the guide handles it, and it keeps no one's visit. */
    vk->down = false;
  else
    {
      bool ours = vk->k.screen != KIOSK_GUIDE;
      struct kiosk_event ev = { KIOSK_INPUT, 0 };
      if (ours && type == OK && c == 12)
        {
          /* ^L: repaint a garbled terminal, as the guide does. */
          view_draw_forget (v);
          out |= VIEW_KIOSK_REDRAW;
        }
      if (ours)
        ev = screen_event (vk, type, c);
      else if (type == KEY_CODE_YES && c == KEY_F (12))
        ev.action = KIOSK_STAFF;
      struct kiosk_env env = { vk->report_lines, vk->report_height };
      out |= act (v, kiosk_apply (&vk->k, &ev, &env, now));
      if (ours)
        out |= VIEW_KIOSK_TAKEN;
    }
  return out;
}

bool
view_kiosk_tap (struct view *v, const struct nav_event *ev)
{
  struct view_kiosk *vk = v->kiosk;
  if (!vk || ev->action != NAV_NONE || ev->arg != VIEW_KIOSK_CORNER_MARK)
    return false;
  struct kiosk_event kev = { KIOSK_CORNER, 0 };
  long long now = view_kiosk_now ();
  act (v, kiosk_apply (&vk->k, &kev, NULL, now));
  return true;
}

