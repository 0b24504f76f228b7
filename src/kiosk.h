/* kiosk.h -- kiosk mode's own screens as a pure state machine: the idle
   countdown, the attract screen between visits, the staff PIN pad, the
   staff menu and its reports, and the five-tap gesture that opens the
   pad.  No terminal here: the view turns keys and taps into kiosk
   events, calls kiosk_apply() and kiosk_tick(), and draws what the state
   says.  Times are milliseconds on any clock that never jumps, given by
   the caller, so that tests choose them. */
#ifndef KIOSQUE_KIOSK_H
#define KIOSQUE_KIOSK_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "model.h"
#include "nav.h"
#include "staff.h"

/* What fills the screen.  KIOSK_GUIDE is the guide itself, nav's
   screens; every other one is the kiosk's and takes all input. */
enum kiosk_screen
{
  KIOSK_GUIDE,
  KIOSK_COUNTDOWN,      /* "are you still there?", over what was shown */
  KIOSK_ATTRACT,        /* the welcome between two visits */
  KIOSK_PIN,            /* the staff PIN pad */
  KIOSK_MENU,           /* the staff menu */
  KIOSK_REPORT          /* a staff report: diagnostics, statistics, reload */
};

/* How long the countdown lasts before the attract screen. */
#define KIOSK_COUNTDOWN_MS 10000
/* The attract screen changes this often: calm, and almost no CPU. */
#define KIOSK_ATTRACT_STEP_MS 5000
/* The hidden gesture: this many taps on the header's top-left corner
   within this many milliseconds. */
#define KIOSK_GESTURE_TAPS 5
#define KIOSK_GESTURE_MS 3000
/* How long "staff access is off" shows. */
#define KIOSK_NOTICE_MS 3000
/* The longest PIN the pad takes, in digits. */
#define KIOSK_PIN_MAX 16

/* The staff menu, in its order on screen. */
enum kiosk_item
{
  KIOSK_ITEM_EXIT,
  KIOSK_ITEM_RELOAD,
  KIOSK_ITEM_LANGUAGE,
  KIOSK_ITEM_DIAGNOSTICS,
  KIOSK_ITEM_STATISTICS,
  KIOSK_ITEM_BACK,
  KIOSK_ITEM_COUNT
};

/* Which report KIOSK_REPORT shows (the caller fills its text). */
enum kiosk_report_kind
{
  KIOSK_REPORT_RELOAD,
  KIOSK_REPORT_DIAGNOSTICS,
  KIOSK_REPORT_STATISTICS
};

enum kiosk_action
{
  KIOSK_NONE,
  KIOSK_INPUT,          /* a key or a tap the guide will handle */
  KIOSK_ANY,            /* a key or a tap on a kiosk screen (countdown,
                           attract: it cancels or starts a visit) */
  KIOSK_CORNER,         /* a tap on the header's top-left corner */
  KIOSK_STAFF,          /* F12: open the PIN pad */
  KIOSK_DIGIT,          /* ARG 0 to 9 on the PIN pad */
  KIOSK_ERASE,          /* the PIN's last digit */
  KIOSK_OK,             /* check the PIN; on the menu, its selected item */
  KIOSK_CANCEL,         /* pad and menu: to the guide; report: to the menu */
  KIOSK_UP,             /* menu: previous item; report: a line up */
  KIOSK_DOWN,
  KIOSK_PAGE_UP,        /* report: a screenful */
  KIOSK_PAGE_DOWN,
  KIOSK_SCROLL_BY,      /* report: ARG lines, negative is up */
  KIOSK_CHOOSE          /* menu item ARG */
};

struct kiosk_event
{
  enum kiosk_action action;
  int arg;
};

/* What the caller knows about the report on screen. */
struct kiosk_env
{
  size_t report_lines;  /* lines of the report as laid out now */
  size_t report_height; /* of which fit on screen at once */
};

struct kiosk
{
  enum kiosk_screen screen;
  enum kiosk_screen resume;     /* where a cancelled countdown returns */
  long long idle_ms;            /* no input for this long starts the
                                   countdown; 0: never */
  long long last_input;
  long long countdown_start;
  long long attract_start;
  long long notice_until;       /* "staff access is off" until then */

  const struct staff *staff;    /* NULL: staff access is off */
  struct pin_guard guard;       /* survives visits: a stranger's wrong
                                   PINs still count */
  char pin[KIOSK_PIN_MAX + 1];  /* the digits typed, wiped after use */
  size_t pin_len;
  bool pin_wrong;               /* the last PIN was wrong */

  long long taps[KIOSK_GESTURE_TAPS];   /* times of the last corner taps */
  size_t ntaps;

  int selected;                 /* the menu item the keys move */
  enum lang default_lang;       /* the language a fresh visit starts in */
  enum kiosk_report_kind report;
  size_t report_top;            /* first report line shown */
  unsigned face;                /* what the screen last showed of the time */
};

/* What kiosk_apply() and kiosk_tick() ask of the caller. */
enum
{
  KIOSK_REDRAW      = 1 << 0,   /* draw again */
  KIOSK_TAKEN       = 1 << 1,   /* the input was the kiosk's: the guide
                                   must not see it */
  KIOSK_FRESH_VISIT = 1 << 2,   /* reset the guide: home, default_lang,
                                   no history, no query */
  KIOSK_VISIT       = 1 << 3,   /* a visitor touched the attract screen */
  KIOSK_IDLE_RESET  = 1 << 4,   /* the countdown ran out */
  KIOSK_EXIT        = 1 << 5,   /* staff chose Exit */
  KIOSK_FILL_REPORT = 1 << 6,   /* make the report REPORT says (for a
                                   reload: reload first) */
  KIOSK_LANGUAGE    = 1 << 7    /* default_lang changed: show it now */
};

/* Start in the guide at NOW.  IDLE_SECONDS 0 turns the idle reset off;
   STAFF NULL turns staff access off (the pad never opens). */
void kiosk_init (struct kiosk *k, unsigned idle_seconds,
                 const struct staff *staff, enum lang default_lang,
                 long long now);

/* Apply EV at NOW.  Any event counts as input and puts off the idle
   countdown.  Returns KIOSK_* bits. */
unsigned kiosk_apply (struct kiosk *k, const struct kiosk_event *ev,
                      const struct kiosk_env *env, long long now);

/* Let time pass to NOW: the idle countdown starts, runs out into the
   attract screen, notices end.  Returns KIOSK_* bits (KIOSK_REDRAW also
   when what the screen shows of the time changed: the seconds left, the
   attract screen's step, the pad's wait). */
unsigned kiosk_tick (struct kiosk *k, long long now);

/* Milliseconds from NOW until kiosk_tick() has something to do, or -1
   when nothing will happen without input. */
long long kiosk_timeout (const struct kiosk *k, long long now);

/* Whole seconds left on the countdown at NOW (rounded up). */
unsigned kiosk_countdown_left (const struct kiosk *k, long long now);

/* Which step of its slow change the attract screen is at NOW. */
unsigned kiosk_attract_step (const struct kiosk *k, long long now);

/* Seconds before the pad takes a PIN again at NOW (0: it does now). */
unsigned kiosk_pin_wait (const struct kiosk *k, long long now);

/* Whether "staff access is off" shows at NOW. */
bool kiosk_notice (const struct kiosk *k, long long now);

/* Change the idle time (a reloaded site may give another). */
void kiosk_set_idle (struct kiosk *k, unsigned idle_seconds);

/* Start S afresh for the next visitor of SITE: its home page in K's
   default language, at the top, no history, no query; nothing of the
   last visit survives but the tap guard's setting. */
void kiosk_fresh_visit (const struct kiosk *k, struct nav_state *s,
                        const struct site *site);

/* After a reload into SITE: drop from S's history the places whose page
   is gone, and go home if the page shown is gone.  True when the page
   shown changed. */
bool kiosk_keep_places (struct nav_state *s, const struct site *site);

#endif /* KIOSQUE_KIOSK_H */
