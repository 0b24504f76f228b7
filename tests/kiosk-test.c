/* kiosk-test.c -- kiosk mode's state machine at chosen times: idle,
   countdown, attract screen and a fresh visit; the five-tap gesture;
   the PIN pad and its lockout; the staff menu; and the staff reports
   (reload, diagnostics, statistics). */
#include "system.h"
#include "kiosk.h"
#include "kiosk-report.h"
#include "check.h"

#include <crypt.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "stats.h"

/* An arbitrary start: the state machine only sees differences. */
#define T0 1000000LL

/* Apply ACTION (with ARG) at NOW. */
static unsigned
apply (struct kiosk *k, enum kiosk_action action, int arg, long long now)
{
  struct kiosk_event ev = { action, arg };
  struct kiosk_env env = { 100, 20 };
  return kiosk_apply (k, &ev, &env, now);
}

/* A staff record whose PIN is PIN, hashed as mkpasswd would. */
static void
make_staff (struct staff *staff, const char *pin)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  crypt_gensalt_rn ("$y$", 0, NULL, 0, salt, sizeof salt);
  struct crypt_data data;
  memset (&data, 0, sizeof data);
  staff->pin_hash = xstrdup (crypt_r (pin, salt, &data));
}

/* Type PIN on K's pad at NOW and press OK. */
static unsigned
type_pin (struct kiosk *k, const char *pin, long long now)
{
  for (const char *p = pin; *p; p++)
    apply (k, KIOSK_DIGIT, *p - '0', now);
  return apply (k, KIOSK_OK, 0, now);
}

/* No input for the idle time: the countdown, its seconds, then the
   attract screen with a fresh visit and an idle reset to count. */
static void
test_idle (void)
{
  struct kiosk k;
  kiosk_init (&k, 120, NULL, LANG_FR, T0);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (kiosk_timeout (&k, T0) == 120000);
  CHECK (kiosk_timeout (&k, T0 + 1000) == 119000);
  CHECK (kiosk_tick (&k, T0 + 119999) == 0);
  CHECK (k.screen == KIOSK_GUIDE);

  /* Input puts it off. */
  CHECK (apply (&k, KIOSK_INPUT, 0, T0 + 100000) == 0);
  CHECK (kiosk_tick (&k, T0 + 120000) == 0);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (kiosk_timeout (&k, T0 + 120000) == 100000);

  long long t = T0 + 220000;
  unsigned r = kiosk_tick (&k, t);
  CHECK (r & KIOSK_REDRAW);
  CHECK (!(r & (KIOSK_FRESH_VISIT | KIOSK_IDLE_RESET)));
  CHECK (k.screen == KIOSK_COUNTDOWN);
  CHECK (kiosk_countdown_left (&k, t) == 10);
  CHECK (kiosk_countdown_left (&k, t + 999) == 10);
  CHECK (kiosk_countdown_left (&k, t + 1000) == 9);
  CHECK (kiosk_countdown_left (&k, t + 9001) == 1);
  /* Woken at each new second, to show it. */
  CHECK (kiosk_timeout (&k, t) == 1000);
  CHECK (kiosk_timeout (&k, t + 400) == 600);
  CHECK (kiosk_tick (&k, t + 400) == 0);
  CHECK (kiosk_tick (&k, t + 1000) == KIOSK_REDRAW);
  CHECK (kiosk_tick (&k, t + 9999) == KIOSK_REDRAW);
  CHECK (k.screen == KIOSK_COUNTDOWN);

  r = kiosk_tick (&k, t + 10000);
  CHECK (k.screen == KIOSK_ATTRACT);
  CHECK (r & KIOSK_FRESH_VISIT);
  CHECK (r & KIOSK_IDLE_RESET);
  CHECK (r & KIOSK_REDRAW);
  CHECK (!(r & KIOSK_VISIT));

  /* The attract screen changes slowly, and sleeps in between. */
  t += 10000;
  CHECK (kiosk_attract_step (&k, t) == 0);
  CHECK (kiosk_timeout (&k, t) == KIOSK_ATTRACT_STEP_MS);
  CHECK (kiosk_tick (&k, t + KIOSK_ATTRACT_STEP_MS - 1) == 0);
  CHECK (kiosk_tick (&k, t + KIOSK_ATTRACT_STEP_MS) == KIOSK_REDRAW);
  CHECK (kiosk_attract_step (&k, t + 3 * KIOSK_ATTRACT_STEP_MS) == 3);
  /* It stays however long no one comes: no second reset. */
  r = kiosk_tick (&k, t + 3600000);
  CHECK (k.screen == KIOSK_ATTRACT);
  CHECK (!(r & (KIOSK_FRESH_VISIT | KIOSK_IDLE_RESET)));

  /* The first touch is a visit, and is not passed to the guide. */
  r = apply (&k, KIOSK_ANY, 0, t + 3600500);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (r & KIOSK_VISIT);
  CHECK (r & KIOSK_TAKEN);
  CHECK (!(r & KIOSK_FRESH_VISIT));
  /* And the idle time runs again from it. */
  CHECK (kiosk_timeout (&k, t + 3600500) == 120000);
}

/* A tap or a key during the countdown keeps the visit where it was. */
static void
test_cancel (void)
{
  struct kiosk k;
  kiosk_init (&k, 2, NULL, LANG_VI, T0);
  CHECK (kiosk_tick (&k, T0 + 2000) & KIOSK_REDRAW);
  CHECK (k.screen == KIOSK_COUNTDOWN);
  unsigned r = apply (&k, KIOSK_ANY, 0, T0 + 5000);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (r & KIOSK_TAKEN);
  CHECK (!(r & (KIOSK_FRESH_VISIT | KIOSK_IDLE_RESET | KIOSK_VISIT)));
  /* The countdown that was cancelled never ends in a reset. */
  CHECK (kiosk_tick (&k, T0 + 6999) == 0);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (kiosk_tick (&k, T0 + 7000) & KIOSK_REDRAW);
  CHECK (k.screen == KIOSK_COUNTDOWN);
}

/* Idle time 0 (outside kiosk mode without --idle): never a countdown. */
static void
test_no_idle (void)
{
  struct kiosk k;
  kiosk_init (&k, 0, NULL, LANG_FR, T0);
  CHECK (kiosk_timeout (&k, T0) == -1);
  CHECK (kiosk_tick (&k, T0 + 86400000LL) == 0);
  CHECK (k.screen == KIOSK_GUIDE);
}

/* Five taps on the corner within three seconds open the pad; four, or
   five spread over more, do not; the window slides. */
static void
test_gesture (void)
{
  struct staff staff = { xstrdup ("$y$j9T$not-a-real-hash") };
  struct kiosk k;
  kiosk_init (&k, 120, &staff, LANG_FR, T0);
  for (int i = 0; i < 4; i++)
    CHECK (apply (&k, KIOSK_CORNER, 0, T0 + i * 500) == KIOSK_TAKEN);
  CHECK (k.screen == KIOSK_GUIDE);
  /* The fifth, 3.1 s after the first: too slow. */
  apply (&k, KIOSK_CORNER, 0, T0 + 3100);
  CHECK (k.screen == KIOSK_GUIDE);
  /* One more: the last five are within 3 s (500 to 3300). */
  unsigned r = apply (&k, KIOSK_CORNER, 0, T0 + 3300);
  CHECK (k.screen == KIOSK_PIN);
  CHECK (r & KIOSK_REDRAW);
  apply (&k, KIOSK_CANCEL, 0, T0 + 4000);
  CHECK (k.screen == KIOSK_GUIDE);

  /* Exactly three seconds counts; the count starts over after opening. */
  for (int i = 0; i < 5; i++)
    apply (&k, KIOSK_CORNER, 0, T0 + 10000 + i * 750);
  CHECK (k.screen == KIOSK_PIN);
  apply (&k, KIOSK_CANCEL, 0, T0 + 14000);
  apply (&k, KIOSK_CORNER, 0, T0 + 14100);
  CHECK (k.screen == KIOSK_GUIDE);

  /* Five slow taps, a second and a half apart. */
  kiosk_init (&k, 120, &staff, LANG_FR, T0);
  for (int i = 0; i < 5; i++)
    apply (&k, KIOSK_CORNER, 0, T0 + i * 1500);
  CHECK (k.screen == KIOSK_GUIDE);

  /* F12 opens it at once. */
  r = apply (&k, KIOSK_STAFF, 0, T0 + 20000);
  CHECK (k.screen == KIOSK_PIN);
  CHECK (r & KIOSK_TAKEN);
  /* Other input in the guide is the guide's. */
  kiosk_init (&k, 120, &staff, LANG_FR, T0);
  CHECK (!(apply (&k, KIOSK_INPUT, 0, T0) & KIOSK_TAKEN));
  staff_free (&staff);
}

/* Without a staff file the pad never opens; a notice says so briefly. */
static void
test_staff_off (void)
{
  struct kiosk k;
  kiosk_init (&k, 0, NULL, LANG_FR, T0);
  CHECK (!kiosk_notice (&k, T0));
  unsigned r = apply (&k, KIOSK_STAFF, 0, T0);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (r & KIOSK_TAKEN);
  CHECK (kiosk_notice (&k, T0 + 1));
  CHECK (kiosk_timeout (&k, T0) == KIOSK_NOTICE_MS);
  CHECK (kiosk_tick (&k, T0 + KIOSK_NOTICE_MS) == KIOSK_REDRAW);
  CHECK (!kiosk_notice (&k, T0 + KIOSK_NOTICE_MS));
  CHECK (kiosk_timeout (&k, T0 + KIOSK_NOTICE_MS) == -1);
  for (int i = 0; i < 5; i++)
    apply (&k, KIOSK_CORNER, 0, T0 + 10000 + i * 100);
  CHECK (k.screen == KIOSK_GUIDE);
  CHECK (kiosk_notice (&k, T0 + 10500));
}

/* True when every byte of K's PIN buffer is zero. */
static bool
pin_wiped (const struct kiosk *k)
{
  for (size_t i = 0; i < sizeof k->pin; i++)
    if (k->pin[i])
      return false;
  return k->pin_len == 0;
}

/* The pad: digits, erase, a wrong PIN, the lockout after five wrong
   ones (the right PIN refused while locked), the delay doubling, and
   the right PIN opening the menu.  The PIN never outlives a check. */
static void
test_pin (void)
{
  struct staff staff;
  make_staff (&staff, "2468");
  struct kiosk k;
  long long t = T0;
  kiosk_init (&k, 120, &staff, LANG_FR, t);
  apply (&k, KIOSK_STAFF, 0, t);
  CHECK (k.screen == KIOSK_PIN);

  apply (&k, KIOSK_DIGIT, 2, t);
  apply (&k, KIOSK_DIGIT, 4, t);
  apply (&k, KIOSK_DIGIT, 7, t);
  CHECK_STR (k.pin, "247");
  apply (&k, KIOSK_ERASE, 0, t);
  CHECK_STR (k.pin, "24");
  apply (&k, KIOSK_DIGIT, 10, t);       /* not a digit */
  CHECK_STR (k.pin, "24");
  /* An empty PIN is not a try. */
  apply (&k, KIOSK_ERASE, 0, t);
  apply (&k, KIOSK_ERASE, 0, t);
  apply (&k, KIOSK_ERASE, 0, t);
  CHECK (apply (&k, KIOSK_OK, 0, t) == KIOSK_TAKEN);
  CHECK (k.guard.failures == 0);
  CHECK (!k.pin_wrong);

  /* No more digits than the pad holds. */
  for (int i = 0; i < KIOSK_PIN_MAX + 5; i++)
    apply (&k, KIOSK_DIGIT, 1, t);
  CHECK (k.pin_len == KIOSK_PIN_MAX);
  CHECK (strlen (k.pin) == KIOSK_PIN_MAX);

  /* Wrong: said, counted, wiped, no wait yet. */
  apply (&k, KIOSK_OK, 0, t);
  CHECK (k.screen == KIOSK_PIN);
  CHECK (k.pin_wrong);
  CHECK (pin_wiped (&k));
  CHECK (kiosk_pin_wait (&k, t) == 0);
  /* Typing again clears "wrong". */
  apply (&k, KIOSK_DIGIT, 1, t);
  CHECK (!k.pin_wrong);
  apply (&k, KIOSK_ERASE, 0, t);

  for (int i = 0; i < 3; i++)
    type_pin (&k, "1111", t);
  CHECK (kiosk_pin_wait (&k, t) == 0);
  /* The fifth wrong PIN locks the pad for 30 s. */
  type_pin (&k, "1111", t);
  CHECK (kiosk_pin_wait (&k, t) == PIN_GUARD_FIRST_DELAY);
  CHECK (kiosk_pin_wait (&k, t + 10000) == PIN_GUARD_FIRST_DELAY - 10);
  /* The pad wakes each second to show the wait. */
  CHECK (kiosk_timeout (&k, t + 10400) == 600);
  CHECK (kiosk_tick (&k, t + 11000) & KIOSK_REDRAW);
  /* The right PIN while locked: refused, not checked, not counted. */
  unsigned failures = k.guard.failures;
  type_pin (&k, "2468", t + 29000);
  CHECK (k.screen == KIOSK_PIN);
  CHECK (pin_wiped (&k));
  CHECK (k.guard.failures == failures);
  /* Closing and opening the pad does not lift the lock. */
  apply (&k, KIOSK_CANCEL, 0, t + 29000);
  apply (&k, KIOSK_STAFF, 0, t + 29000);
  CHECK (kiosk_pin_wait (&k, t + 29000) == 1);
  /* Once it is over, another wrong PIN locks it for twice as long. */
  t += 30000;
  CHECK (kiosk_pin_wait (&k, t) == 0);
  type_pin (&k, "9999", t);
  CHECK (kiosk_pin_wait (&k, t) == 2 * PIN_GUARD_FIRST_DELAY);

  /* Then the right PIN: the menu, and the count starts over. */
  t += 60000;
  unsigned r = type_pin (&k, "2468", t);
  CHECK (r & KIOSK_REDRAW);
  CHECK (k.screen == KIOSK_MENU);
  CHECK (k.selected == KIOSK_ITEM_EXIT);
  CHECK (pin_wiped (&k));
  CHECK (k.guard.failures == 0);
  CHECK (kiosk_pin_wait (&k, t) == 0);
  staff_free (&staff);
}

/* The staff menu by keys and taps, its reports, and Exit. */
static void
test_menu (void)
{
  struct staff staff;
  make_staff (&staff, "1357");
  struct kiosk k;
  kiosk_init (&k, 120, &staff, LANG_FR, T0);
  apply (&k, KIOSK_STAFF, 0, T0);
  type_pin (&k, "1357", T0);
  CHECK (k.screen == KIOSK_MENU);

  apply (&k, KIOSK_UP, 0, T0);
  CHECK (k.selected == KIOSK_ITEM_BACK);
  apply (&k, KIOSK_DOWN, 0, T0);
  apply (&k, KIOSK_DOWN, 0, T0);
  CHECK (k.selected == KIOSK_ITEM_RELOAD);

  /* Default language: toggled, shown at once, and the menu stays. */
  unsigned r = apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_LANGUAGE, T0);
  CHECK (r & KIOSK_LANGUAGE);
  CHECK (k.default_lang == LANG_VI);
  CHECK (k.screen == KIOSK_MENU);
  apply (&k, KIOSK_OK, 0, T0);
  CHECK (k.default_lang == LANG_FR);

  /* A report, scrolled within its length, then back to the menu. */
  r = apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_DIAGNOSTICS, T0);
  CHECK (r & KIOSK_FILL_REPORT);
  CHECK (k.screen == KIOSK_REPORT);
  CHECK (k.report == KIOSK_REPORT_DIAGNOSTICS);
  apply (&k, KIOSK_UP, 0, T0);
  CHECK (k.report_top == 0);
  apply (&k, KIOSK_PAGE_DOWN, 0, T0);
  CHECK (k.report_top == 19);           /* a screenful less a line */
  apply (&k, KIOSK_SCROLL_BY, 1000, T0);
  CHECK (k.report_top == 80);           /* 100 lines, 20 shown */
  apply (&k, KIOSK_DOWN, 0, T0);
  CHECK (k.report_top == 80);
  apply (&k, KIOSK_CANCEL, 0, T0);
  CHECK (k.screen == KIOSK_MENU);

  r = apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_RELOAD, T0);
  CHECK (r & KIOSK_FILL_REPORT);
  CHECK (k.report == KIOSK_REPORT_RELOAD);
  CHECK (k.report_top == 0);
  apply (&k, KIOSK_CANCEL, 0, T0);
  r = apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_STATISTICS, T0);
  CHECK (k.report == KIOSK_REPORT_STATISTICS);
  apply (&k, KIOSK_CANCEL, 0, T0);
  CHECK (apply (&k, KIOSK_CHOOSE, 99, T0) == KIOSK_TAKEN);
  CHECK (k.screen == KIOSK_MENU);

  apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_BACK, T0);
  CHECK (k.screen == KIOSK_GUIDE);

  /* Exit needs the PIN again. */
  apply (&k, KIOSK_STAFF, 0, T0);
  CHECK (k.screen == KIOSK_PIN);
  type_pin (&k, "1357", T0);
  r = apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_EXIT, T0);
  CHECK (r & KIOSK_EXIT);
  staff_free (&staff);
}

/* Staff screens left open time out like the guide: a countdown that a
   touch cancels back to where it was, then the attract screen, with
   nothing of the pad or the menu left. */
static void
test_staff_idle (void)
{
  struct staff staff;
  make_staff (&staff, "1357");
  struct kiosk k;
  kiosk_init (&k, 60, &staff, LANG_FR, T0);
  apply (&k, KIOSK_STAFF, 0, T0);
  type_pin (&k, "1357", T0);
  CHECK (k.screen == KIOSK_MENU);
  kiosk_tick (&k, T0 + 60000);
  CHECK (k.screen == KIOSK_COUNTDOWN);
  apply (&k, KIOSK_ANY, 0, T0 + 61000);
  CHECK (k.screen == KIOSK_MENU);

  /* Half a PIN on the pad, then no one. */
  apply (&k, KIOSK_CHOOSE, KIOSK_ITEM_BACK, T0 + 62000);
  apply (&k, KIOSK_STAFF, 0, T0 + 62000);
  apply (&k, KIOSK_DIGIT, 1, T0 + 62000);
  apply (&k, KIOSK_DIGIT, 3, T0 + 62000);
  kiosk_tick (&k, T0 + 122000);
  CHECK (k.screen == KIOSK_COUNTDOWN);
  unsigned r = kiosk_tick (&k, T0 + 132000);
  CHECK (k.screen == KIOSK_ATTRACT);
  CHECK (r & KIOSK_FRESH_VISIT);
  CHECK (pin_wiped (&k));
  apply (&k, KIOSK_ANY, 0, T0 + 140000);
  CHECK (k.screen == KIOSK_GUIDE);
  staff_free (&staff);
}

/* The directory of the test fixtures. */
static char *
fixture (const char *name)
{
  const char *srcdir = getenv ("srcdir");
  return xasprintf ("%s/tests/fixtures/%s", srcdir ? srcdir : ".", name);
}

/* A fresh visit: home, the default language, no history, no query. */
static void
test_fresh_visit (void)
{
  char *dir = fixture ("site");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (dir, &d);
  CHECK (site != NULL);
  if (!site)
    return;
  const char *child = NULL;
  for (size_t i = 0; i < site->npages && !child; i++)
    if (strcmp (site->pages[i]->id, site->home) != 0)
      child = site->pages[i]->id;
  CHECK (child != NULL);

  struct kiosk k;
  kiosk_init (&k, 120, NULL, LANG_VI, T0);
  struct nav_state s;
  nav_init (&s, site, child, LANG_FR);
  s.tap_guard_ms = 7;
  s.both = true;
  s.anchor.block = 3;
  s.anchor.offset = 2;
  s.focus = 1;
  strcpy (s.query, "hue");
  s.screen = NAV_SCREEN_SEARCH;
  struct nav_place place = {
    NAV_SCREEN_PAGE, xstrdup (site->home), { 0, 0 }, -1
  };
  XGROW (s.history, s.history_cap, 1);
  s.history[0] = place;
  s.nhistory = 1;

  kiosk_fresh_visit (&k, &s, site);
  CHECK_STR (s.page, site->home);
  CHECK (s.screen == NAV_SCREEN_PAGE);
  CHECK (s.lang == LANG_VI);
  CHECK (!s.both);
  CHECK (s.nhistory == 0);
  CHECK (s.query[0] == '\0');
  CHECK (s.anchor.block == 0 && s.anchor.offset == 0);
  CHECK (s.focus == -1);
  CHECK (s.tap_guard_ms == 7);
  nav_free (&s);
  site_free (site);
  diags_free (&d);
  free (dir);
}

/* After a reload, places whose page is gone are dropped. */
static void
test_keep_places (void)
{
  char *dir = fixture ("site");
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (dir, &d);
  CHECK (site != NULL);
  if (!site)
    return;
  struct nav_state s;
  nav_init (&s, site, NULL, LANG_FR);
  const char *pages[3] = { "no/such/page", site->home, "gone" };
  for (int i = 0; i < 3; i++)
    {
      XGROW (s.history, s.history_cap, s.nhistory + 1);
      struct nav_place p = { NAV_SCREEN_PAGE, xstrdup (pages[i]), { 0, 0 }, 2 };
      s.history[s.nhistory++] = p;
    }
  /* The page shown exists: it stays. */
  CHECK (!kiosk_keep_places (&s, site));
  CHECK (s.nhistory == 1);
  CHECK_STR (s.history[0].page, site->home);
  CHECK (s.history[0].focus == -1);
  /* It is gone: home. */
  free (s.page);
  s.page = xstrdup ("vanished");
  s.anchor.block = 4;
  CHECK (kiosk_keep_places (&s, site));
  CHECK_STR (s.page, site->home);
  CHECK (s.anchor.block == 0);
  nav_free (&s);
  site_free (site);
  diags_free (&d);
  free (dir);
}

/* Whether some paragraph of R contains WANT. */
static bool
report_has (const struct kiosk_report *r, const char *want)
{
  for (size_t i = 0; i < r->count; i++)
    if (strstr (r->lines[i], want))
      return true;
  return false;
}

/* A reload keeps the old content when the new one has an error. */
static void
test_reload (void)
{
  struct kiosk_report r = KIOSK_REPORT_INIT;
  char *good = fixture ("site");
  struct site *site = kiosk_report_reload (&r, good);
  CHECK (site != NULL);
  CHECK (report_has (&r, "reloaded"));
  CHECK (report_has (&r, "0 errors"));
  site_free (site);

  char *bad = fixture ("bad");
  site = kiosk_report_reload (&r, bad);
  CHECK (site == NULL);
  CHECK (report_has (&r, "NOT reloaded"));
  CHECK (report_has (&r, ": error: "));

  site = kiosk_report_reload (&r, "/nonexistent/kiosque/content");
  CHECK (site == NULL);
  CHECK (report_has (&r, "NOT reloaded"));

  /* Diagnostics are --check's lines. */
  kiosk_report_check (&r, bad);
  CHECK (report_has (&r, "broken-yaml.fr.md:"));
  CHECK (report_has (&r, " errors, "));
  kiosk_report_clear (&r);
  CHECK (r.count == 0);
  free (good);
  free (bad);
}

/* Statistics: the counts, and pages most viewed first. */
static void
test_stats_report (void)
{
  struct stats stats;
  char *cause = NULL;
  CHECK (stats_init (&stats, NULL, 0, &cause));
  struct kiosk_report r = KIOSK_REPORT_INIT;
  kiosk_report_stats (&r, &stats, NULL, LANG_FR);
  CHECK (report_has (&r, "Visits (a touch on the welcome screen): 0"));
  CHECK (report_has (&r, "No page views yet."));
  stats_page_view (&stats, "home", LANG_FR, 0);
  stats_page_view (&stats, "hue/citadelle", LANG_VI, 0);
  stats_page_view (&stats, "hue/citadelle", LANG_VI, 0);
  stats_page_view (&stats, "hue/citadelle", LANG_FR, 0);
  stats_visit (&stats, 0);
  stats_idle_reset (&stats, 0);
  stats_idle_reset (&stats, 0);
  kiosk_report_stats (&r, &stats, NULL, LANG_FR);
  CHECK (report_has (&r, "Visits (a touch on the welcome screen): 1"));
  CHECK (report_has (&r, "after no one touched it: 2"));
  size_t citadel = 0, home = 0;
  for (size_t i = 0; i < r.count; i++)
    {
      if (strstr (r.lines[i], "hue/citadelle"))
        citadel = i;
      if (strstr (r.lines[i], "home"))
        home = i;
    }
  CHECK (citadel > 0 && home > citadel);
  CHECK_STR (r.lines[citadel], "    1      2   hue/citadelle");
  kiosk_report_clear (&r);
  stats_free (&stats);
}

/* A report line never carries a control character or invalid UTF-8
   (file names come from the disk as they are). */
static void
test_report_clean (void)
{
  struct kiosk_report r = KIOSK_REPORT_INIT;
  kiosk_report_add (&r, "%s", "a\033[2Jb\xff\xfe" "c é");
  CHECK_STR (r.lines[0], "a?[2Jb??c é");
  kiosk_report_clear (&r);
}

int
main (void)
{
  test_idle ();
  test_cancel ();
  test_no_idle ();
  test_gesture ();
  test_staff_off ();
  test_pin ();
  test_menu ();
  test_staff_idle ();
  test_fresh_visit ();
  test_keep_places ();
  test_reload ();
  test_stats_report ();
  test_report_clean ();
  return check_finish ();
}
