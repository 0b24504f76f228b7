/* view-draw.c -- where things go on the screen, drawing them from the
   navigation state and the layout, and what a tap at a place means.
   Drawing reads state and layout only; every frame writes every row,
   into the row record (view-rows.c), which writes to the terminal only
   the rows that changed (no clear()). */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "strbuf.h"
#include "text.h"
#include "view-kiosk.h"
#include "view-private.h"
#include "view-term.h"

/* The attributes of a layout span of STYLE bits; FOCUSED for the
   focused link.  One role gives the colour, by precedence; strong and
   emphasis add to it. */
static attr_t
style_attr (const struct view *v, unsigned style, bool focused)
{
  static const struct { unsigned bit; enum role role; } order[] = {
    { LAYOUT_LINK, ROLE_LINK },
    { LAYOUT_URL, ROLE_URL },
    { LAYOUT_TITLE, ROLE_TITLE },
    { LAYOUT_HEADING, ROLE_HEADING },
    { LAYOUT_NOTICE, ROLE_NOTICE },
    { LAYOUT_LABEL, ROLE_CARD_LABEL },
    { LAYOUT_BUTTON, ROLE_FRAME },
    { LAYOUT_CARD, ROLE_CARD },
    { LAYOUT_QUOTE, ROLE_QUOTE },
    { LAYOUT_CODE, ROLE_CODE },
    { LAYOUT_MUTED, ROLE_MUTED },
  };
  enum role role = ROLE_TEXT;
  if (focused)
    role = ROLE_FOCUS;
  else
    for (size_t i = 0; i < ARRAY_SIZE (order); i++)
      if (style & order[i].bit)
        {
          role = order[i].role;
          break;
        }
  attr_t a = view_role_attr (v, role);
  if (style & LAYOUT_STRONG)
    a |= A_BOLD;
  if (style & LAYOUT_EMPH)
    a |= v->italics ? A_ITALIC : A_UNDERLINE;
  return a;
}

/* Display columns of the string S. */
static int
width_of (const char *s)
{
  return text_width (s, strlen (s));
}

/* The row record the frame being drawn goes to.  Set by view_draw for
   the frame's length only, so that the drawing helpers below (and
   kiosk mode's, through view_put) need no view in hand. */
static struct view_rows *frame;

/* Write S[0..N), WIDTH columns wide (or -1: to be measured), at row Y,
   column X in ATTR, at most MAXW columns and never past the screen's
   edge.  Returns the columns written. */
static int
put_w (int y, int x, const char *s, size_t n, int width, attr_t attr,
       int maxw)
{
  if (y < 0 || y >= LINES || x < 0 || x >= COLS)
    return 0;
  if (maxw > COLS - x)
    maxw = COLS - x;
  if (maxw <= 0)
    return 0;
  /* Most text fits: one pass measures it, and the grapheme walk is only
     for what must be cut. */
  int w = width >= 0 ? width : text_width (s, n);
  size_t bytes = n;
  if (w > maxw)
    bytes = text_fit (s, n, maxw, &w);
  if (bytes == 0)
    return 0;
  view_rows_put (frame, y, x, s, bytes, w, (unsigned long) attr);
  return w;
}

/* put_w for text to be measured. */
static int
put_n (int y, int x, const char *s, size_t n, attr_t attr, int maxw)
{
  return put_w (y, x, s, n, -1, attr, maxw);
}

/* put_n for a whole string. */
static int
put (int y, int x, const char *s, attr_t attr, int maxw)
{
  return put_n (y, x, s, strlen (s), attr, maxw);
}

/* put() that ends with "…" when S does not fit, so a cut shows. */
static int
put_cut (int y, int x, const char *s, attr_t attr, int maxw)
{
  if (width_of (s) <= maxw || maxw < 2)
    return put (y, x, s, attr, maxw);
  int w = put (y, x, s, attr, maxw - 1);
  return w + put (y, x + w, "…", attr, 1);
}

/* Write COUNT copies of the one-column string S from column X of row Y
   (the cells left of the screen are left out).  One run, not a call a
   cell: the frames and rules are most of the cells of a frame. */
static void
put_repeat (int y, int x, const char *s, int count, attr_t attr)
{
  if (x < 0)
    {
      count += x;
      x = 0;
    }
  if (count > COLS - x)
    count = COLS - x;
  if (count <= 0)
    return;
  size_t n = strlen (s);
  /* One column is one character: at most 4 bytes (8 with a mark). */
  if (n == 0 || n > 8 || text_width (s, n) != 1)
    return;
  char *run = xmalloc ((size_t) count * n);
  for (int i = 0; i < count; i++)
    memcpy (run + (size_t) i * n, s, n);
  put_w (y, x, run, (size_t) count * n, count, attr, count);
  free (run);
}

/* Blank row Y, to be drawn afresh. */
static void
blank_row (int y)
{
  if (y < 0 || y >= LINES)
    return;
  view_rows_blank (frame, y);
}

int
view_put (int y, int x, const char *s, unsigned long attr, int maxw)
{
  return put (y, x, s, (attr_t) attr, maxw);
}

void
view_put_repeat (int y, int x, const char *s, int count, unsigned long attr)
{
  put_repeat (y, x, s, count, (attr_t) attr);
}

void
view_blank_row (int y)
{
  blank_row (y);
}

/* Record a tap target. */
static void
add_target (struct view *v, int y0, int y1, int x0, int x1, bool row,
            const struct nav_event *ev)
{
  if (x1 <= x0 || y1 < y0)
    return;
  XGROW (v->targets, v->targets_cap, v->ntargets + 1);
  struct view_target *t = &v->targets[v->ntargets++];
  t->y0 = y0;
  t->y1 = y1;
  t->x0 = x0;
  t->x1 = x1;
  t->row = row;
  t->ev = *ev;
  t->ev.tap = true;
}

/* Record a tap target that sends ACTION with ARG. */
static void
add_action (struct view *v, int y0, int y1, int x0, int x1,
            enum nav_action action, int arg)
{
  struct nav_event ev = { .action = action, .arg = arg };
  add_target (v, y0, y1, x0, x1, false, &ev);
}

/* The target under a tap: a button or key exactly, else the nearest link
   on that body row. */
bool
view_draw_hit (const struct view *v, int y, int x, struct nav_event *ev)
{
  for (size_t i = 0; i < v->ntargets; i++)
    {
      const struct view_target *t = &v->targets[i];
      if (!t->row && y >= t->y0 && y <= t->y1 && x >= t->x0 && x < t->x1)
        {
          *ev = t->ev;
          return true;
        }
    }
  /* A body row: its link, or the nearest of its links. */
  const struct view_target *best = NULL;
  int best_distance = INT_MAX;
  for (size_t i = 0; i < v->ntargets; i++)
    {
      const struct view_target *t = &v->targets[i];
      if (!t->row || y < t->y0 || y > t->y1)
        continue;
      int d = x < t->x0 ? t->x0 - x : x >= t->x1 ? x - t->x1 + 1 : 0;
      if (d < best_distance)
        {
          best = t;
          best_distance = d;
        }
    }
  if (!best)
    return false;
  *ev = best->ev;
  return true;
}

/* Where the header, body, footer, results and keys go. */
void
view_draw_geometry (struct view *v, int lines, int cols)
{
  struct view_geometry *g = &v->geo;
  memset (g, 0, sizeof *g);
  g->lines = lines;
  g->cols = cols;
  g->small = cols < VIEW_MIN_COLS || lines < VIEW_MIN_LINES;
  g->wide = cols >= VIEW_WIDE_COLS;
  g->text_width = cols - 4 < VIEW_MEASURE ? cols - 4 : VIEW_MEASURE;
  if (g->text_width < 1)
    g->text_width = 1;
  g->twin_width = (cols - 4 - VIEW_TWIN_GAP) / 2;
  if (g->twin_width > VIEW_MEASURE)
    g->twin_width = VIEW_MEASURE;
  if (g->twin_width < 1)
    g->twin_width = 1;
  g->body_y = VIEW_HEADER_ROWS;
  g->body_h = lines - VIEW_HEADER_ROWS - VIEW_FOOTER_ROWS;
  if (g->body_h < 0)
    g->body_h = 0;
  g->footer_y = lines - VIEW_FOOTER_ROWS;

  /* Search: the query row, the results, and the keyboard at the bottom,
     its keys three rows tall when that leaves room for a result. */
  g->query_y = g->body_y;
  g->key_w = cols / VIEW_KEYS_PER_ROW;
  if (g->key_w > 8)
    g->key_w = 8;
  g->key_h = g->body_h - 1 - 9 >= 3 && g->key_w >= 3 ? 3 : 1;
  g->keys_y = g->footer_y - 3 * g->key_h;
  g->keys_x = (cols - VIEW_KEYS_PER_ROW * g->key_w) / 2;
  g->results_y = g->query_y + 1;
  g->results_rows = g->keys_y - g->results_y;
  if (g->results_rows < 0)
    g->results_rows = 0;
  g->results_fit = g->results_rows / 3;
  if (g->results_fit == 0 && g->results_rows >= 2)
    g->results_fit = 1;
}

/* The small-screen message, centred, in both languages at once (the
   visitor may read either), as much of it as fits. */
static void
draw_small (struct view *v)
{
  static const char both[] = "Agrandissez la fenêtre · Hãy phóng to cửa sổ";
  static const char fr[] = "Agrandissez la fenêtre";
  static const char vi[] = "Hãy phóng to cửa sổ";
  int lines = v->geo.lines, cols = v->geo.cols;
  for (int y = 0; y < lines; y++)
    blank_row (y);
  attr_t a = view_role_attr (v, ROLE_BUTTON);
  if (width_of (both) <= cols || lines < 2)
    {
      int w = width_of (both);
      put (lines / 2, w < cols ? (cols - w) / 2 : 0, both, a, cols);
    }
  else
    {
      int y = lines / 2 - 1;
      int w = width_of (fr);
      put (y, w < cols ? (cols - w) / 2 : 0, fr, a, cols);
      w = width_of (vi);
      put (y + 1, w < cols ? (cols - w) / 2 : 0, vi, a, cols);
    }
}

/* The title of PAGE in LANG, or its id. */
static const char *
title_of (const struct page *page, enum lang lang)
{
  const char *t = page ? page_title (page, lang) : NULL;
  return t ? t : page ? page->id : "";
}

/* The breadcrumb: the page's ancestors from home down, then the page, as
   much of the end as fits in MAXW columns ("… › " stands for the rest). */
static void
draw_breadcrumb (struct view *v, int y, int maxw)
{
  const struct nav_state *s = &v->nav;
  const char *sep = " › ";
  const char *crumbs[32];
  size_t n = 0;
  const struct page *page = site_find (v->site, s->page);
  if (s->screen == NAV_SCREEN_SEARCH)
    crumbs[n++] = _("Search");
  else if (s->screen == NAV_SCREEN_HELP)
    crumbs[n++] = _("Help");
  else
    for (const struct page *p = page; p && n < ARRAY_SIZE (crumbs);
         p = site_parent (v->site, p))
      crumbs[n++] = title_of (p, s->lang);

  for (size_t first = 0; first < n; first++)
    {
      struct strbuf b = STRBUF_INIT;
      if (first > 0)
        {
          strbuf_adds (&b, "…");
          strbuf_adds (&b, sep);
        }
      for (size_t i = n - first; i-- > 0;)
        {
          strbuf_adds (&b, crumbs[i]);
          if (i > 0)
            strbuf_adds (&b, sep);
        }
      char *text = strbuf_steal (&b);
      if (width_of (text) <= maxw || first + 1 == n)
        {
          put_cut (y, 1, text, view_role_attr (v, ROLE_CRUMB), maxw);
          free (text);
          return;
        }
      free (text);
    }
}

/* A box of three rows at Y, X, WIDTH columns wide, with LABEL centred. */
static void
draw_box (int y, int x, int width, const char *label, attr_t frame, attr_t text)
{
  if (width < 2)
    return;
  put (y, x, "┌", frame, 1);
  put_repeat (y, x + 1, "─", width - 2, frame);
  put (y, x + width - 1, "┐", frame, 1);
  put (y + 1, x, "│", frame, 1);
  int lw = width_of (label);
  int inner = width - 2;
  int pad = lw < inner ? (inner - lw) / 2 : 0;
  put_repeat (y + 1, x + 1, " ", inner, text);
  put (y + 1, x + 1 + pad, label, text, inner);
  put (y + 1, x + width - 1, "│", frame, 1);
  put (y + 2, x, "└", frame, 1);
  put_repeat (y + 2, x + 1, "─", width - 2, frame);
  put (y + 2, x + width - 1, "┘", frame, 1);
}

/* The header: site title, breadcrumb and rule at the left; the language
   button at the right, three rows tall, each language a cell to tap. */
static void
draw_header (struct view *v)
{
  const struct nav_state *s = &v->nav;
  int cols = v->geo.cols;
  for (int y = 0; y < VIEW_HEADER_ROWS; y++)
    blank_row (y);

  const char *labels[3] = { "FR", "VI", "FR+VI" };
  int cells = v->geo.wide ? 3 : 2;
  int box = 1;
  for (int i = 0; i < cells; i++)
    box += width_of (labels[i]) + 3;
  int bx = cols - 1 - box;
  if (bx < 0)
    bx = 0;
  int current = s->both ? 2 : (int) s->lang;
  int x = bx;
  for (int i = 0; i < cells; i++)
    {
      int w = width_of (labels[i]) + 2;
      attr_t frame = view_role_attr (v, ROLE_FRAME);
      put (0, x, i == 0 ? "┌" : "┬", frame, 1);
      put_repeat (0, x + 1, "─", w, frame);
      put (1, x, "│", frame, 1);
      attr_t a = view_role_attr (v, i == current ? ROLE_LANG_ON : ROLE_BUTTON);
      put (1, x + 1, " ", a, 1);
      put (1, x + 2, labels[i], a, w);
      put (1, x + 1 + w - 1, " ", a, 1);
      put (2, x, i == 0 ? "└" : "┴", frame, 1);
      put_repeat (2, x + 1, "─", w, frame);
      add_action (v, 0, 2, x, x + w + 1, NAV_SET_LANGUAGE,
                  i == 2 ? NAV_LANG_BOTH : i);
      x += w + 1;
    }
  put (0, x, "┐", view_role_attr (v, ROLE_FRAME), 1);
  put (1, x, "│", view_role_attr (v, ROLE_FRAME), 1);
  put (2, x, "┘", view_role_attr (v, ROLE_FRAME), 1);

  const char *title = v->site->title[s->lang] ? v->site->title[s->lang]
                      : v->site->title[lang_other (s->lang)];
  put_cut (0, 1, title ? title : PACKAGE, view_role_attr (v, ROLE_SITE), bx - 2);
  draw_breadcrumb (v, 1, bx - 2);
  put_repeat (2, 0, "─", bx, view_role_attr (v, ROLE_RULE));
}

/* "3/7": the screenful showing line TOP of TOTAL lines, HEIGHT at a time. */
static char *
position_text (size_t top, size_t total, size_t height)
{
  if (height == 0 || total <= height)
    return xstrdup ("");
  size_t screens = (total + height - 1) / height;
  size_t current = (top + height + height - 1) / height;
  if (top + height >= total)
    current = screens;
  if (current > screens)
    current = screens;
  return xasprintf ("%zu/%zu", current, screens);
}

/* The footer: Back, Home, Search, Help at the left; the position and the
   scroll buttons at the right; all three rows tall.  Labels shrink to
   their icons when the screen is narrow. */
static void
draw_footer (struct view *v, size_t top, size_t total, size_t height)
{
  const struct nav_state *s = &v->nav;
  int y = v->geo.footer_y, cols = v->geo.cols;
  for (int r = 0; r < VIEW_FOOTER_ROWS; r++)
    blank_row (y + r);

  char *full[4] = {
    xasprintf ("◀ %s", _("Back")),
    xasprintf ("⌂ %s", _("Home")),
    xstrdup (_("Search")),
    xasprintf ("? %s", _("Help")),
  };
  static const char *const icon[4] = { "◀", "⌂", "⌕", "?" };
  static const enum nav_action act[4] = { NAV_BACK, NAV_HOME, NAV_SEARCH, NAV_HELP };
  bool on[4] = {
    s->screen != NAV_SCREEN_PAGE || s->nhistory > 0,
    true,
    s->screen != NAV_SCREEN_SEARCH,
    s->screen != NAV_SCREEN_HELP,
  };
  size_t limit = total > height ? total - height : 0;
  bool up = top > 0, down = top < limit;
  char *pos = position_text (top, total, height);

  int right = 2 * 5 + 1 + (*pos ? width_of (pos) + 2 : 0);
  int left = 0;
  for (int i = 0; i < 4; i++)
    left += width_of (full[i]) + 4 + 1;
  bool icons = 1 + left + right > cols;
  if (icons)
    {
      left = 4 * (5 + 1);
      if (1 + left + right > cols)
        {
          free (pos);
          pos = xstrdup ("");
        }
    }

  int x = 1;
  for (int i = 0; i < 4; i++)
    {
      const char *label = icons ? icon[i] : full[i];
      int w = width_of (label) + 4;
      draw_box (y, x, w, label, view_role_attr (v, on[i] ? ROLE_FRAME : ROLE_OFF),
                view_role_attr (v, on[i] ? ROLE_BUTTON : ROLE_OFF));
      add_action (v, y, y + 2, x, x + w, act[i], 0);
      x += w + 1;
    }
  int rx = cols - 1 - 2 * 5 - 1;
  draw_box (y, rx, 5, "▲", view_role_attr (v, up ? ROLE_FRAME : ROLE_OFF),
            view_role_attr (v, up ? ROLE_BUTTON : ROLE_OFF));
  add_action (v, y, y + 2, rx, rx + 5, NAV_PAGE_UP, 0);
  draw_box (y, rx + 6, 5, "▼", view_role_attr (v, down ? ROLE_FRAME : ROLE_OFF),
            view_role_attr (v, down ? ROLE_BUTTON : ROLE_OFF));
  add_action (v, y, y + 2, rx + 6, rx + 11, NAV_PAGE_DOWN, 0);
  if (*pos)
    put (y + 1, rx - 1 - width_of (pos), pos, view_role_attr (v, ROLE_MUTED), cols);

  free (pos);
  for (int i = 0; i < 4; i++)
    free (full[i]);
}

/* Whether LAYOUT's link K has a span on line I. */
static bool
link_has_span (const struct layout_line *line, size_t k)
{
  for (size_t j = 0; j < line->nspans; j++)
    if (line->spans[j].link == (int) k)
      return true;
  return false;
}

/* The body: LAYOUT's lines from TOP, centred, the focused link FOCUS
   highlighted; every link's rows become its tap target. */
static void
draw_lines (struct view *v, const struct layout *layout, size_t top, int focus)
{
  int cols = v->geo.cols;
  int x0 = layout && layout->width < cols ? (cols - layout->width) / 2 : 0;
  for (int r = 0; r < v->geo.body_h; r++)
    {
      int y = v->geo.body_y + r;
      blank_row (y);
      size_t i = top + (size_t) r;
      if (!layout || i >= layout->nlines)
        continue;
      const struct layout_line *line = &layout->lines[i];
      size_t len = strlen (line->text);
      int x = x0;
      /* The line knows its width: when it all fits, nothing is cut, so
         the last span's width is what the others leave, and a line of
         one span needs no measuring at all. */
      bool fits = line->width >= 0 && line->width <= cols - x0;
      for (size_t j = 0; j < line->nspans; j++)
        {
          const struct layout_span *sp = &line->spans[j];
          if (sp->start > len || sp->len > len - sp->start)
            continue;
          bool focused = focus >= 0 && sp->link == focus;
          bool last = j + 1 == line->nspans
                      && sp->start + sp->len == len;
          int known = last && fits && x - x0 <= line->width
                      ? line->width - (x - x0) : -1;
          int w = put_w (y, x, line->text + sp->start, sp->len, known,
                         style_attr (v, sp->style, focused), cols - x);
          if (sp->link >= 0 && (size_t) sp->link < layout->nlinks)
            {
              struct nav_event ev = { .action = NAV_FOLLOW, .arg = sp->link };
              add_target (v, y, y, x, x + (w ? w : 1), true, &ev);
            }
          x += w;
        }
      if (line->nspans == 0)
        put (y, x0, line->text, view_role_attr (v, ROLE_TEXT), cols - x0);
      /* Lines a link covers without a span of its own (a button's frame)
         are its target too. */
      for (size_t k = 0; k < layout->nlinks; k++)
        if (layout->links[k].first_line <= i && i <= layout->links[k].last_line
            && !link_has_span (line, k))
          {
            struct nav_event ev = { .action = NAV_FOLLOW, .arg = (int) k };
            add_target (v, y, y, x0, x0 + (line->width > 0 ? line->width : 1),
                        true, &ev);
          }
    }
}

/* The snippet of HIT at row Y, its match highlighted, within MAXW. */
static void
draw_snippet (const struct view *v, int y, int x, const struct search_hit *hit,
              int maxw, attr_t base)
{
  const char *s = hit->snippet ? hit->snippet : "";
  size_t len = strlen (s);
  size_t a = hit->mark_start <= len ? hit->mark_start : len;
  size_t b = hit->mark_end <= len && hit->mark_end >= a ? hit->mark_end : a;
  int w = put_n (y, x, s, a, base, maxw);
  w += put_n (y, x + w, s + a, b - a, view_role_attr (v, ROLE_MARK), maxw - w);
  put_n (y, x + w, s + b, len - b, base, maxw - w);
}

/* The on-screen keyboard: A–M, N–Z, then digits, space, erase and OK. */
static void
draw_keyboard (struct view *v)
{
  const struct view_geometry *g = &v->geo;
  static const char *const rows[3][VIEW_KEYS_PER_ROW] = {
    { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M" },
    { "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z" },
    { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "␣", "⌫", NULL },
  };
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < VIEW_KEYS_PER_ROW; c++)
      {
        int y = g->keys_y + r * g->key_h;
        int x = g->keys_x + c * g->key_w;
        const char *label = rows[r][c];
        struct nav_event ev = { .action = NAV_TYPE };
        if (!label)
          {
            /* TRANSLATORS: the on-screen keyboard's key that opens the
               first result; it must be short (2 or 3 letters). */
            label = _("OK");
            ev.action = NAV_ACTIVATE;
          }
        else if (strcmp (label, "⌫") == 0)
          ev.action = NAV_ERASE;
        else if (strcmp (label, "␣") == 0)
          strcpy (ev.text, " ");
        else
          {
            ev.text[0] = (char) (label[0] >= 'A' && label[0] <= 'Z'
                                 ? label[0] - 'A' + 'a' : label[0]);
            ev.text[1] = '\0';
          }
        int inner = g->key_h == 3 ? g->key_w - 2 : g->key_w - 1;
        if (width_of (label) > inner && ev.action == NAV_ACTIVATE)
          label = "✓";
        if (g->key_h == 3)
          draw_box (y, x, g->key_w, label, view_role_attr (v, ROLE_FRAME),
                    view_role_attr (v, ROLE_KEY));
        else
          {
            /* One row: reverse cells, a blank column between them. */
            attr_t a = view_role_attr (v, ROLE_KEY) | A_REVERSE;
            int w = g->key_w > 1 ? g->key_w - 1 : 1;
            put_repeat (y, x, " ", w, a);
            int lw = width_of (label);
            put (y, x + (lw < w ? (w - lw) / 2 : 0), label, a, w);
          }
        add_target (v, y, y + g->key_h - 1, x, x + g->key_w, false, &ev);
      }
}

/* The search screen: the query, the results as big rows, the keyboard. */
static void
draw_search (struct view *v)
{
  const struct view_geometry *g = &v->geo;
  const struct nav_state *s = &v->nav;
  int cols = g->cols;
  for (int y = g->body_y; y < g->footer_y; y++)
    blank_row (y);

  int x = 1;
  x += put (g->query_y, x, _("Search:"), view_role_attr (v, ROLE_CARD_LABEL), cols - x);
  x += 1;
  int qw = put (g->query_y, x, s->query, view_role_attr (v, ROLE_BUTTON), cols - x - 1);
  put (g->query_y, x + qw, " ", view_role_attr (v, ROLE_FOCUS), 1);
  if (s->query[0])
    {
      char *count = v->nhits
        ? xasprintf (ngettext ("%zu page", "%zu pages", v->nhits), v->nhits)
        : xstrdup (_("nothing found"));
      int cw = width_of (count);
      if (x + qw + 2 + cw < cols)
        put (g->query_y, cols - 1 - cw, count, view_role_attr (v, ROLE_MUTED), cw);
      free (count);
    }
  else
    put (g->results_y, 1, _("Tap the letters below to search the guide; "
                            "accents are not needed."),
         view_role_attr (v, ROLE_MUTED), cols - 2);

  for (int k = 0; k < g->results_fit; k++)
    {
      size_t i = s->results_top + (size_t) k;
      if (i >= v->nhits)
        break;
      /* Snippets are made for the hits shown only. */
      search_snippet (v->index, &v->hits[i], cols - 6);
      const struct search_hit *hit = &v->hits[i];
      int y = g->results_y + 3 * k;
      bool selected = s->selected == (int) i;
      attr_t base = view_role_attr (v, selected ? ROLE_FOCUS : ROLE_TEXT);
      if (selected)
        {
          put_repeat (y, 0, " ", cols, base);
          put_repeat (y + 1, 0, " ", cols, base);
        }
      if (hit->where == SEARCH_TITLE)
        {
          /* The snippet is the title: highlight it there, and give the
             summary below rather than the title twice. */
          draw_snippet (v, y, 2, hit, cols - 4,
                        selected ? base : view_role_attr (v, ROLE_TITLE));
          const struct page_text *t = page_text_in (hit->page, hit->lang, NULL);
          if (t && t->summary)
            put_cut (y + 1, 4, t->summary, selected ? base : view_role_attr (v, ROLE_MUTED),
                 cols - 6);
        }
      else
        {
          put_cut (y, 2, title_of (hit->page, hit->lang),
               selected ? base : view_role_attr (v, ROLE_TITLE), cols - 4);
          draw_snippet (v, y + 1, 4, hit, cols - 6, base);
        }
      int y1 = y + 2 < g->keys_y ? y + 2 : y + 1;
      struct nav_event ev = { .action = NAV_OPEN_RESULT, .arg = (int) i };
      add_target (v, y, y1, 0, cols, false, &ev);
    }
  draw_keyboard (v);
}

/* Draw the screen the state names into the frame. */
static void
draw_frame (struct view *v)
{
  v->ntargets = 0;
  if (v->geo.small)
    {
      draw_small (v);
      return;
    }
  const struct nav_state *s = &v->nav;
  size_t height = (size_t) v->geo.body_h;
  draw_header (v);
  switch (s->screen)
    {
    case NAV_SCREEN_PAGE:
      {
        size_t top = nav_top (s, v->body, height);
        draw_lines (v, v->body, top, nav_focus (s, v->body));
        draw_footer (v, top, v->body ? v->body->nlines : 0, height);
      }
      break;
    case NAV_SCREEN_HELP:
      {
        size_t total = v->body ? v->body->nlines : 0;
        size_t top = s->help_top;
        if (total <= height)
          top = 0;
        else if (top > total - height)
          top = total - height;
        draw_lines (v, v->body, top, -1);
        draw_footer (v, top, total, height);
      }
      break;
    case NAV_SCREEN_SEARCH:
      draw_search (v);
      draw_footer (v, s->results_top, v->nhits, (size_t) v->geo.results_fit);
      break;
    }
}

/* Draw the screen the state names, and kiosk mode's over it: every row
   into the record, and the rows that changed to the terminal. */
void
view_draw (struct view *v)
{
  if (!v->rows)
    v->rows = view_rows_new ();
  if (!v->term)
    v->term = view_term_new (fileno (stdout));
  /* The terminal changed size, and curses has not said so yet: a frame
     laid out for the old size would be written past the new edges (a
     terminal may even wrap and scroll it).  Its KEY_RESIZE is on its
     way, and forgets the screen: the frame after it is drawn whole. */
  if (view_term_resized (v->term))
    return;
  frame = v->rows;
  view_rows_begin (frame, LINES, COLS);
  draw_frame (v);
  view_kiosk_draw (v);
  view_rows_end (frame, v->term);
  view_term_flush (v->term);
  frame = NULL;
}

void
view_draw_forget (struct view *v)
{
  if (v->rows)
    view_rows_forget (v->rows);
  if (v->term)
    view_term_forget (v->term);
}
