/* view-kiosk-draw.c -- kiosk mode's screens, drawn over the guide:
   the "are you still there?" countdown, the attract screen, the staff
   PIN pad, the staff menu and its reports, the "staff access is off"
   notice.  Drawing reads the state, and records only what the input
   needs of it: the tap targets and the report's size on screen. */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "kiosk-report.h"
#include "kiosk.h"
#include "text.h"
#include "view-kiosk.h"
#include "wrap.h"

/* The header's top-left corner, where five taps open the staff pad: the
   start of the site title, which does nothing else when tapped. */
#define CORNER_COLS 6
#define CORNER_ROWS 1

/* The fixed bilingual texts.  They are not translated on purpose: they
   greet whoever comes, so they show French and Vietnamese at once,
   whatever the language of the guide. */
static const char still_there_fr[] = "Vous êtes toujours là\u202f?";
static const char still_there_vi[] = "Bạn vẫn còn ở đây chứ?";
static const char go_on_fr[] = "Touchez l'écran pour continuer";
static const char go_on_vi[] = "Chạm vào màn hình để tiếp tục";
static const char welcome_fr[] = "Touchez l'écran pour commencer";
static const char welcome_vi[] = "Chạm vào màn hình để bắt đầu";
static const char welcome_sep[] = " · ";
/* Language names are written in their own language, never translated. */
static const char *const autonym[LANG_COUNT] = {
  "Français", "Tiếng Việt"
};

/* Display columns of S. */
static int
width_of (const char *s)
{
  return text_width (s, strlen (s));
}

/* S centred on row Y. */
static void
put_centred (int y, const char *s, attr_t attr)
{
  int w = width_of (s);
  view_put (y, w < COLS ? (COLS - w) / 2 : 0, s, attr, COLS);
}

/* Blank rows Y0 to Y1 inclusive. */
static void
blank_rows (int y0, int y1)
{
  for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < LINES; y++)
    view_blank_row (y);
}

/* A frame H rows tall and W columns wide at Y, X, blank inside. */
static void
draw_frame (int y, int x, int w, int h, attr_t frame)
{
  if (w < 2 || h < 2)
    return;
  view_put (y, x, "┌", frame, 1);
  view_put_repeat (y, x + 1, "─", w - 2, frame);
  view_put (y, x + w - 1, "┐", frame, 1);
  for (int r = 1; r < h - 1; r++)
    {
      view_put (y + r, x, "│", frame, 1);
      view_put_repeat (y + r, x + 1, " ", w - 2, A_NORMAL);
      view_put (y + r, x + w - 1, "│", frame, 1);
    }
  view_put (y + h - 1, x, "└", frame, 1);
  view_put_repeat (y + h - 1, x + 1, "─", w - 2, frame);
  view_put (y + h - 1, x + w - 1, "┘", frame, 1);
}

/* Record a tap target on a kiosk screen. */
static void
add_target (struct view_kiosk *vk, int y0, int y1, int x0, int x1,
            enum kiosk_action action, int arg)
{
  XGROW (vk->targets, vk->targets_cap, vk->ntargets + 1);
  struct view_kiosk_target *t = &vk->targets[vk->ntargets++];
  t->y0 = y0;
  t->y1 = y1;
  t->x0 = x0;
  t->x1 = x1;
  t->ev.action = action;
  t->ev.arg = arg;
}

/* A button H rows tall (3: framed; else one reverse row) at Y, X, W
   wide, with LABEL centred; FOCUS when the keys are on it.  A tap on it
   sends ACTION with ARG. */
static void
draw_button (struct view *v, int y, int x, int w, int h, const char *label,
             bool focus, enum kiosk_action action, int arg)
{
  attr_t text = view_role_attr (v, focus ? ROLE_FOCUS : ROLE_BUTTON);
  int lw = width_of (label);
  if (h >= 3)
    {
      draw_frame (y, x, w, h, view_role_attr (v, ROLE_FRAME));
      int mid = y + h / 2;
      if (focus)
        view_put_repeat (mid, x + 1, " ", w - 2, text);
      int pad = lw < w - 2 ? (w - 2 - lw) / 2 : 0;
      view_put (mid, x + 1 + pad, label, text, w - 2);
    }
  else
    {
      attr_t a = focus ? text : text | A_REVERSE;
      int inner = w > 1 ? w - 1 : 1;
      view_put_repeat (y, x, " ", inner, a);
      view_put (y, x + (lw < inner ? (inner - lw) / 2 : 0), label, a, inner);
    }
  add_target (v->kiosk, y, y + (h >= 3 ? h : 1) - 1, x, x + w, action, arg);
}

/* The countdown, a box over whatever was on screen. */
static void
draw_countdown (struct view *v, long long now)
{
  char secs[16];
  snprintf (secs, sizeof secs, "%u", kiosk_countdown_left (&v->kiosk->k, now));
  const char *rows[] = { "", still_there_fr, still_there_vi, "", secs, "",
                         go_on_fr, go_on_vi, "" };
  int n = (int) ARRAY_SIZE (rows);
  int w = 0;
  for (int i = 0; i < n; i++)
    if (width_of (rows[i]) > w)
      w = width_of (rows[i]);
  w += 6;
  if (w > COLS)
    w = COLS;
  int h = n + 2;
  int y = LINES > h ? (LINES - h) / 2 : 0;
  int x = (COLS - w) / 2;
  draw_frame (y, x, w, h, view_role_attr (v, ROLE_SITE));
  for (int i = 0; i < n; i++)
    {
      attr_t a = view_role_attr (v, rows[i] == secs ? ROLE_ALERT
                            : i < 3 ? ROLE_SITE : ROLE_BUTTON);
      put_centred (y + 1 + i, rows[i], a);
    }
}

/* The attract screen: the site's title, in one language then the other,
   over the welcome, the whole block drifting up and down a little with
   each step so that the screen is visibly alive but calm. */
static void
draw_attract (struct view *v, long long now)
{
  static const int drift[] = { 0, 1, 2, 1, 0, -1, -2, -1 };
  unsigned step = kiosk_attract_step (&v->kiosk->k, now);
  blank_rows (0, LINES - 1);
  enum lang lang = step % 2 ? LANG_VI : LANG_FR;
  const char *title = v->site->title[lang] ? v->site->title[lang]
                      : v->site->title[lang_other (lang)];
  char *both = xasprintf ("%s%s%s", welcome_fr, welcome_sep, welcome_vi);
  bool one_row = width_of (both) + 6 <= COLS;
  int box_h = one_row ? 3 : 4;
  int block = 2 + box_h;
  int room = LINES - block;
  int amplitude = room > 12 ? room / 12 : room > 4 ? 1 : 0;
  int y = room / 2 + drift[step % ARRAY_SIZE (drift)] * amplitude;
  if (y < 0)
    y = 0;
  if (title)
    put_centred (y, title, view_role_attr (v, ROLE_SITE));
  int w = one_row ? width_of (both) + 6
          : (width_of (welcome_fr) > width_of (welcome_vi)
             ? width_of (welcome_fr) : width_of (welcome_vi)) + 6;
  if (w > COLS)
    w = COLS;
  draw_frame (y + 2, (COLS - w) / 2, w, box_h, view_role_attr (v, ROLE_FRAME));
  if (one_row)
    put_centred (y + 3, both, view_role_attr (v, ROLE_BUTTON));
  else
    {
      put_centred (y + 3, welcome_fr, view_role_attr (v, ROLE_BUTTON));
      put_centred (y + 4, welcome_vi, view_role_attr (v, ROLE_BUTTON));
    }
  free (both);
}

/* The staff PIN pad: the digits typed shown as dots, what went wrong,
   the keys 1-9, erase, 0, OK, and Cancel, all big enough for a finger. */
static void
draw_pin (struct view *v, long long now)
{
  const struct kiosk *k = &v->kiosk->k;
  blank_rows (0, LINES - 1);
  int kh = LINES >= 21 ? 3 : 1;
  int total = (kh == 3 ? 6 : 4) + 5 * kh;
  int y = LINES > total ? (LINES - total) / 2 : 0;
  int kw = (COLS - 4) / 3 > 14 ? 14 : (COLS - 4) / 3;

  put_centred (y++, _("Staff access"), view_role_attr (v, ROLE_SITE));
  put_centred (y++, _("Type the staff PIN on the keys below."),
               view_role_attr (v, ROLE_MUTED));

  /* The PIN itself never shows: one dot a digit. */
  char dots[KIOSK_PIN_MAX * 4 + 1] = "";
  for (size_t i = 0; i < k->pin_len && i < KIOSK_PIN_MAX; i++)
    strcat (dots, i ? " •" : "•");
  int fw = 3 * kw;
  int fx = (COLS - fw) / 2;
  if (kh == 3)
    {
      draw_frame (y, fx, fw, 3, view_role_attr (v, ROLE_FRAME));
      put_centred (y + 1, dots, view_role_attr (v, ROLE_BUTTON));
      y += 3;
    }
  else
    put_centred (y++, *dots ? dots : "_", view_role_attr (v, ROLE_BUTTON));

  unsigned wait = kiosk_pin_wait (k, now);
  if (wait > 0)
    {
      /* TRANSLATORS: %u is a number of seconds ("s", the unit). */
      char *msg = xasprintf (_("Too many wrong PINs. Wait: %u s"), wait);
      put_centred (y, msg, view_role_attr (v, ROLE_ALERT));
      free (msg);
    }
  else if (k->pin_wrong)
    put_centred (y, _("Wrong PIN."), view_role_attr (v, ROLE_ALERT));
  y++;

  static const char *const keys[12] = {
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", NULL
  };
  for (int i = 0; i < 12; i++)
    {
      int ky = y + (i / 3) * kh;
      int kx = fx + (i % 3) * kw;
      const char *label = keys[i];
      enum kiosk_action action = KIOSK_DIGIT;
      int arg = 0;
      if (!label)
        {
          label = _("OK");
          action = KIOSK_OK;
        }
      else if (strcmp (label, "⌫") == 0)
        action = KIOSK_ERASE;
      else
        arg = label[0] - '0';
      draw_button (v, ky, kx, kw, kh, label, false, action, arg);
    }
  draw_button (v, y + 4 * kh, fx, fw, kh, _("Cancel"), false, KIOSK_CANCEL, 0);
}

/* The staff menu: one big button an item, the keys' choice highlighted. */
static void
draw_menu (struct view *v)
{
  const struct kiosk *k = &v->kiosk->k;
  blank_rows (0, LINES - 1);
  int bh = LINES >= 2 + KIOSK_ITEM_COUNT * 3 ? 3 : 1;
  int total = 2 + KIOSK_ITEM_COUNT * bh;
  int y = LINES > total ? (LINES - total) / 2 : 0;
  int w = COLS - 4 > 52 ? 52 : COLS - 4;
  int x = (COLS - w) / 2;
  put_centred (y, _("Staff menu"), view_role_attr (v, ROLE_SITE));
  y += 2;
  for (int i = 0; i < KIOSK_ITEM_COUNT; i++)
    {
      char *label = NULL;
      switch ((enum kiosk_item) i)
        {
        case KIOSK_ITEM_EXIT:
          label = xstrdup (_("Exit kiosque"));
          break;
        case KIOSK_ITEM_RELOAD:
          label = xstrdup (_("Reload content"));
          break;
        case KIOSK_ITEM_LANGUAGE:
          /* TRANSLATORS: %s is the language's own name, "Français" or
             "Tiếng Việt"; tapping the button switches it. */
          label = xasprintf (_("Default language: %s"),
                             autonym[k->default_lang]);
          break;
        case KIOSK_ITEM_DIAGNOSTICS:
          label = xstrdup (_("Content diagnostics"));
          break;
        case KIOSK_ITEM_STATISTICS:
          label = xstrdup (_("Statistics"));
          break;
        case KIOSK_ITEM_BACK:
        case KIOSK_ITEM_COUNT:
          label = xstrdup (_("Back to the guide"));
          break;
        }
      draw_button (v, y + i * bh, x, w, bh, label, k->selected == i,
                   KIOSK_CHOOSE, i);
      free (label);
    }
}

/* One wrapped line of a report. */
struct report_line
{
  size_t para;
  size_t start, len;
};

/* A report: its title, its paragraphs wrapped to the screen from the
   line the state says, and Back and the scroll buttons at the bottom. */
static void
draw_report (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  blank_rows (0, LINES - 1);
  const char *title = vk->k.report == KIOSK_REPORT_RELOAD ? _("Reload content")
    : vk->k.report == KIOSK_REPORT_STATISTICS ? _("Statistics")
    : _("Content diagnostics");
  view_put (0, 1, title, view_role_attr (v, ROLE_SITE), COLS - 2);
  view_put_repeat (1, 0, "─", COLS, view_role_attr (v, ROLE_FRAME));

  int width = COLS - 2 > 1 ? COLS - 2 : 1;
  struct report_line *lines = NULL;
  size_t nlines = 0, cap = 0;
  struct wrap_lines wl = WRAP_LINES_INIT;
  for (size_t p = 0; p < vk->report.count; p++)
    {
      const char *s = vk->report.lines[p];
      wrap_paragraph (s, strlen (s), width, &wl);
      for (size_t i = 0; i < wl.count; i++)
        {
          XGROW (lines, cap, nlines + 1);
          lines[nlines].para = p;
          lines[nlines].start = wl.lines[i].start;
          lines[nlines].len = wl.lines[i].len;
          nlines++;
        }
    }
  wrap_lines_free (&wl);

  int body_y = 2;
  int footer_y = LINES - 3;
  size_t height = footer_y > body_y ? (size_t) (footer_y - body_y) : 0;
  vk->report_lines = nlines;
  vk->report_height = height;
  size_t limit = nlines > height ? nlines - height : 0;
  size_t top = vk->k.report_top > limit ? limit : vk->k.report_top;
  for (size_t r = 0; r < height && top + r < nlines; r++)
    {
      const struct report_line *l = &lines[top + r];
      char *text = xstrndup (vk->report.lines[l->para] + l->start, l->len);
      bool error = strstr (vk->report.lines[l->para], ": error: ") != NULL;
      attr_t a = view_role_attr (v, error ? ROLE_ALERT : ROLE_TEXT);
      view_put (body_y + (int) r, 1, text, a, width);
      free (text);
    }
  free (lines);

  char *back = xasprintf ("◀ %s", _("Back"));
  draw_button (v, footer_y, 1, width_of (back) + 4, 3, back, false,
               KIOSK_CANCEL, 0);
  free (back);
  int rx = COLS - 1 - 2 * 5 - 1;
  draw_button (v, footer_y, rx, 5, 3, "▲", false, KIOSK_PAGE_UP, 0);
  draw_button (v, footer_y, rx + 6, 5, 3, "▼", false, KIOSK_PAGE_DOWN, 0);
  if (height > 0 && nlines > height)
    {
      size_t last = top + height < nlines ? top + height : nlines;
      char *pos = xasprintf ("%zu–%zu/%zu", top + 1, last, nlines);
      view_put (footer_y + 1, rx - 1 - width_of (pos), pos,
           view_role_attr (v, ROLE_MUTED), COLS);
      free (pos);
    }
}

/* "Staff access is off", a short notice over the guide. */
static void
draw_notice (struct view *v)
{
  const char *msg = _("Staff access is off: see kiosque --check.");
  int w = width_of (msg) + 4;
  if (w > COLS)
    w = COLS;
  int y = LINES / 2 - 1;
  draw_frame (y, (COLS - w) / 2, w, 3, view_role_attr (v, ROLE_ALERT));
  put_centred (y + 1, msg, view_role_attr (v, ROLE_ALERT));
}

/* Put the staff corner first among the guide's tap targets, so that
   nothing drawn there later takes it. */
static void
add_corner (struct view *v)
{
  XGROW (v->targets, v->targets_cap, v->ntargets + 1);
  memmove (v->targets + 1, v->targets, v->ntargets * sizeof *v->targets);
  v->ntargets++;
  struct view_target *t = &v->targets[0];
  memset (t, 0, sizeof *t);
  t->y0 = 0;
  t->y1 = CORNER_ROWS - 1;
  t->x0 = 0;
  t->x1 = CORNER_COLS;
  t->ev.action = NAV_NONE;
  t->ev.arg = VIEW_KIOSK_CORNER_MARK;
  t->ev.tap = true;
}

void
view_kiosk_draw (struct view *v)
{
  struct view_kiosk *vk = v->kiosk;
  if (!vk)
    return;
  vk->ntargets = 0;
  if (v->geo.small)
    return;
  long long now = view_kiosk_now ();
  enum kiosk_screen under = vk->k.screen == KIOSK_COUNTDOWN ? vk->k.resume
                            : vk->k.screen;
  switch (under)
    {
    case KIOSK_GUIDE:
      add_corner (v);
      break;
    case KIOSK_ATTRACT:
      draw_attract (v, now);
      break;
    case KIOSK_PIN:
      draw_pin (v, now);
      break;
    case KIOSK_MENU:
      draw_menu (v);
      break;
    case KIOSK_REPORT:
      draw_report (v);
      break;
    case KIOSK_COUNTDOWN:
      break;
    }
  if (vk->k.screen == KIOSK_COUNTDOWN)
    draw_countdown (v, now);
  if (kiosk_notice (&vk->k, now))
    draw_notice (v);
}
