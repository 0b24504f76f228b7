/* kiosk.c -- kiosk mode's screens as a pure state machine (see kiosk.h). */
#include "system.h"
#include "kiosk.h"

/* What the screen shows of the time now: the seconds left, the attract
   step, the pad's wait, the notice.  A change means a redraw. */
static unsigned
face (const struct kiosk *k, long long now)
{
  unsigned f = 0;
  switch (k->screen)
    {
    case KIOSK_COUNTDOWN:
      f = kiosk_countdown_left (k, now);
      break;
    case KIOSK_ATTRACT:
      f = kiosk_attract_step (k, now);
      break;
    case KIOSK_PIN:
      f = kiosk_pin_wait (k, now);
      break;
    case KIOSK_GUIDE:
    case KIOSK_MENU:
    case KIOSK_REPORT:
      break;
    }
  return f * 2 + (kiosk_notice (k, now) ? 1 : 0);
}

void
kiosk_init (struct kiosk *k, unsigned idle_seconds, const struct staff *staff,
            enum lang default_lang, long long now)
{
  memset (k, 0, sizeof *k);
  k->screen = KIOSK_GUIDE;
  k->resume = KIOSK_GUIDE;
  k->idle_ms = (long long) idle_seconds * 1000;
  k->last_input = now;
  k->staff = staff;
  k->default_lang = default_lang;
}

void
kiosk_set_idle (struct kiosk *k, unsigned idle_seconds)
{
  k->idle_ms = (long long) idle_seconds * 1000;
}

/* Forget the PIN typed so far, leaving no copy in memory. */
static void
wipe_pin (struct kiosk *k)
{
  explicit_bzero (k->pin, sizeof k->pin);
  k->pin_len = 0;
}

unsigned
kiosk_countdown_left (const struct kiosk *k, long long now)
{
  long long left = k->countdown_start + KIOSK_COUNTDOWN_MS - now;
  if (left <= 0)
    return 0;
  return (unsigned) ((left + 999) / 1000);
}

unsigned
kiosk_attract_step (const struct kiosk *k, long long now)
{
  long long t = now - k->attract_start;
  return t <= 0 ? 0 : (unsigned) (t / KIOSK_ATTRACT_STEP_MS);
}

/* The pad's lockout counts in whole seconds of the caller's clock. */
static time_t
seconds (long long now)
{
  return (time_t) (now / 1000);
}

unsigned
kiosk_pin_wait (const struct kiosk *k, long long now)
{
  return pin_guard_wait (&k->guard, seconds (now));
}

bool
kiosk_notice (const struct kiosk *k, long long now)
{
  return now < k->notice_until;
}

/* Open the PIN pad, or say that staff access is off. */
static unsigned
open_staff (struct kiosk *k, long long now)
{
  k->ntaps = 0;
  if (!k->staff)
    {
      k->notice_until = now + KIOSK_NOTICE_MS;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    }
  wipe_pin (k);
  k->pin_wrong = false;
  k->screen = KIOSK_PIN;
  return KIOSK_REDRAW | KIOSK_TAKEN;
}

/* A tap on the corner: the pad opens on the fifth within the time. */
static unsigned
corner_tap (struct kiosk *k, long long now)
{
  if (k->ntaps == KIOSK_GESTURE_TAPS)
    {
      memmove (k->taps, k->taps + 1,
               (KIOSK_GESTURE_TAPS - 1) * sizeof k->taps[0]);
      k->ntaps--;
    }
  k->taps[k->ntaps++] = now;
  if (k->ntaps == KIOSK_GESTURE_TAPS && now - k->taps[0] <= KIOSK_GESTURE_MS)
    return open_staff (k, now);
  /* The corner means nothing else: keep it from the guide. */
  return KIOSK_TAKEN;
}

/* Input while the guide shows: only F12 and the corner are ours. */
static unsigned
guide_event (struct kiosk *k, const struct kiosk_event *ev, long long now)
{
  switch (ev->action)
    {
    case KIOSK_CORNER:
      return corner_tap (k, now);
    case KIOSK_STAFF:
      return open_staff (k, now);
    default:
      return 0;
    }
}

/* Check the PIN typed, then forget it whatever the answer. */
static unsigned
submit_pin (struct kiosk *k, long long now)
{
  if (kiosk_pin_wait (k, now) > 0)
    {
      /* Locked: not even checked, so that guessing gains nothing. */
      wipe_pin (k);
      k->pin_wrong = false;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    }
  if (k->pin_len == 0)
    return KIOSK_TAKEN;
  bool ok = k->staff && staff_check_pin (k->staff, k->pin);
  wipe_pin (k);
  if (ok)
    {
      pin_guard_pass (&k->guard);
      k->pin_wrong = false;
      k->screen = KIOSK_MENU;
      k->selected = KIOSK_ITEM_EXIT;
    }
  else
    {
      pin_guard_fail (&k->guard, seconds (now));
      k->pin_wrong = true;
    }
  return KIOSK_REDRAW | KIOSK_TAKEN;
}

/* Input on the PIN pad. */
static unsigned
pin_event (struct kiosk *k, const struct kiosk_event *ev, long long now)
{
  switch (ev->action)
    {
    case KIOSK_DIGIT:
      if (ev->arg < 0 || ev->arg > 9 || k->pin_len >= KIOSK_PIN_MAX)
        return KIOSK_TAKEN;
      k->pin[k->pin_len++] = (char) ('0' + ev->arg);
      k->pin[k->pin_len] = '\0';
      k->pin_wrong = false;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    case KIOSK_ERASE:
      if (k->pin_len > 0)
        k->pin[--k->pin_len] = '\0';
      return KIOSK_REDRAW | KIOSK_TAKEN;
    case KIOSK_OK:
      return submit_pin (k, now);
    case KIOSK_CANCEL:
      wipe_pin (k);
      k->pin_wrong = false;
      k->screen = KIOSK_GUIDE;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    default:
      return KIOSK_TAKEN;
    }
}

/* Do staff menu item ITEM. */
static unsigned
choose (struct kiosk *k, int item)
{
  if (item < 0 || item >= KIOSK_ITEM_COUNT)
    return KIOSK_TAKEN;
  k->selected = item;
  switch ((enum kiosk_item) item)
    {
    case KIOSK_ITEM_EXIT:
      return KIOSK_EXIT | KIOSK_TAKEN;
    case KIOSK_ITEM_RELOAD:
      k->report = KIOSK_REPORT_RELOAD;
      break;
    case KIOSK_ITEM_DIAGNOSTICS:
      k->report = KIOSK_REPORT_DIAGNOSTICS;
      break;
    case KIOSK_ITEM_STATISTICS:
      k->report = KIOSK_REPORT_STATISTICS;
      break;
    case KIOSK_ITEM_LANGUAGE:
      k->default_lang = lang_other (k->default_lang);
      return KIOSK_LANGUAGE | KIOSK_REDRAW | KIOSK_TAKEN;
    case KIOSK_ITEM_BACK:
    case KIOSK_ITEM_COUNT:
      k->screen = KIOSK_GUIDE;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    }
  k->screen = KIOSK_REPORT;
  k->report_top = 0;
  return KIOSK_FILL_REPORT | KIOSK_REDRAW | KIOSK_TAKEN;
}

/* Input on the staff menu. */
static unsigned
menu_event (struct kiosk *k, const struct kiosk_event *ev)
{
  switch (ev->action)
    {
    case KIOSK_UP:
      k->selected = (k->selected + KIOSK_ITEM_COUNT - 1) % KIOSK_ITEM_COUNT;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    case KIOSK_DOWN:
      k->selected = (k->selected + 1) % KIOSK_ITEM_COUNT;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    case KIOSK_OK:
      return choose (k, k->selected);
    case KIOSK_CHOOSE:
      return choose (k, ev->arg);
    case KIOSK_CANCEL:
      k->screen = KIOSK_GUIDE;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    default:
      return KIOSK_TAKEN;
    }
}

/* Scroll the report by DELTA lines, within it. */
static unsigned
scroll_report (struct kiosk *k, const struct kiosk_env *env, long long delta)
{
  size_t limit = env->report_lines > env->report_height
    ? env->report_lines - env->report_height : 0;
  size_t from = k->report_top > limit ? limit : k->report_top;
  long long top = (long long) from + delta;
  if (top < 0)
    top = 0;
  if ((size_t) top > limit)
    top = (long long) limit;
  k->report_top = (size_t) top;
  return KIOSK_REDRAW | KIOSK_TAKEN;
}

/* Input on a report. */
static unsigned
report_event (struct kiosk *k, const struct kiosk_event *ev,
              const struct kiosk_env *env)
{
  long long page = env->report_height > 1
    ? (long long) env->report_height - 1 : 1;
  switch (ev->action)
    {
    case KIOSK_UP:
      return scroll_report (k, env, -1);
    case KIOSK_DOWN:
      return scroll_report (k, env, 1);
    case KIOSK_PAGE_UP:
      return scroll_report (k, env, -page);
    case KIOSK_PAGE_DOWN:
      return scroll_report (k, env, page);
    case KIOSK_SCROLL_BY:
      return scroll_report (k, env, ev->arg);
    case KIOSK_CANCEL:
    case KIOSK_OK:
      k->screen = KIOSK_MENU;
      return KIOSK_REDRAW | KIOSK_TAKEN;
    default:
      return KIOSK_TAKEN;
    }
}

unsigned
kiosk_apply (struct kiosk *k, const struct kiosk_event *ev,
             const struct kiosk_env *env, long long now)
{
  static const struct kiosk_env no_env = { 0, 0 };
  if (!env)
    env = &no_env;
  if (ev->action == KIOSK_NONE)
    return 0;
  k->last_input = now;
  unsigned r = 0;
  switch (k->screen)
    {
    case KIOSK_GUIDE:
      r = guide_event (k, ev, now);
      break;
    case KIOSK_COUNTDOWN:
      /* Someone is there: carry on where they were. */
      k->screen = k->resume;
      r = KIOSK_REDRAW | KIOSK_TAKEN;
      break;
    case KIOSK_ATTRACT:
      /* The guide was reset when the attract screen came. */
      k->screen = KIOSK_GUIDE;
      r = KIOSK_VISIT | KIOSK_REDRAW | KIOSK_TAKEN;
      break;
    case KIOSK_PIN:
      r = pin_event (k, ev, now);
      break;
    case KIOSK_MENU:
      r = menu_event (k, ev);
      break;
    case KIOSK_REPORT:
      r = report_event (k, ev, env);
      break;
    }
  k->face = face (k, now);
  return r;
}

unsigned
kiosk_tick (struct kiosk *k, long long now)
{
  unsigned r = 0;
  switch (k->screen)
    {
    case KIOSK_GUIDE:
    case KIOSK_PIN:
    case KIOSK_MENU:
    case KIOSK_REPORT:
      /* Staff screens time out too: a menu left open is a way out. */
      if (k->idle_ms > 0 && now - k->last_input >= k->idle_ms)
        {
          k->resume = k->screen;
          k->screen = KIOSK_COUNTDOWN;
          k->countdown_start = now;
          r |= KIOSK_REDRAW;
        }
      break;
    case KIOSK_COUNTDOWN:
      if (now - k->countdown_start >= KIOSK_COUNTDOWN_MS)
        {
          /* Nothing of the last visitor (or of staff) survives. */
          wipe_pin (k);
          k->pin_wrong = false;
          k->ntaps = 0;
          k->notice_until = 0;
          k->resume = KIOSK_GUIDE;
          k->screen = KIOSK_ATTRACT;
          k->attract_start = now;
          r |= KIOSK_FRESH_VISIT | KIOSK_IDLE_RESET | KIOSK_REDRAW;
        }
      break;
    case KIOSK_ATTRACT:
      break;
    }
  unsigned f = face (k, now);
  if (f != k->face)
    r |= KIOSK_REDRAW;
  k->face = f;
  return r;
}

/* The earlier of the deadline *BEST (or none, -1) and AT. */
static void
earliest (long long *best, long long at)
{
  if (*best < 0 || at < *best)
    *best = at;
}

long long
kiosk_timeout (const struct kiosk *k, long long now)
{
  long long at = -1;
  switch (k->screen)
    {
    case KIOSK_GUIDE:
    case KIOSK_MENU:
    case KIOSK_REPORT:
      if (k->idle_ms > 0)
        earliest (&at, k->last_input + k->idle_ms);
      break;
    case KIOSK_PIN:
      if (k->idle_ms > 0)
        earliest (&at, k->last_input + k->idle_ms);
      if (kiosk_pin_wait (k, now) > 0)
        earliest (&at, (now / 1000 + 1) * 1000);
      break;
    case KIOSK_COUNTDOWN:
      {
        long long end = k->countdown_start + KIOSK_COUNTDOWN_MS;
        unsigned left = kiosk_countdown_left (k, now);
        earliest (&at, left > 0 ? end - (long long) (left - 1) * 1000 : end);
      }
      break;
    case KIOSK_ATTRACT:
      {
        long long next = (long long) kiosk_attract_step (k, now) + 1;
        earliest (&at, k->attract_start + next * KIOSK_ATTRACT_STEP_MS);
      }
      break;
    }
  if (kiosk_notice (k, now))
    earliest (&at, k->notice_until);
  if (at < 0)
    return -1;
  return at > now ? at - now : 0;
}

void
kiosk_fresh_visit (const struct kiosk *k, struct nav_state *s,
                   const struct site *site)
{
  unsigned guard = s->tap_guard_ms;
  nav_free (s);
  nav_init (s, site, NULL, k->default_lang);
  s->tap_guard_ms = guard;
}

bool
kiosk_keep_places (struct nav_state *s, const struct site *site)
{
  size_t kept = 0;
  for (size_t i = 0; i < s->nhistory; i++)
    {
      struct nav_place *p = &s->history[i];
      if (p->page && site_find (site, p->page))
        {
          p->focus = -1;
          s->history[kept++] = *p;
        }
      else
        free (p->page);
    }
  s->nhistory = kept;
  /* Links may have moved: no focus carried over; the search results
     are new, shown from the first. */
  s->focus = -1;
  s->selected = -1;
  s->results_top = 0;
  if (s->page && site_find (site, s->page))
    return false;
  free (s->page);
  s->page = xstrdup (site->home ? site->home : "home");
  memset (&s->anchor, 0, sizeof s->anchor);
  return true;
}
