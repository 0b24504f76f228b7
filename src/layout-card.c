/* layout-card.c -- the blocks a page's kind gives it around its body:
   the title, an artisan's card, an event's dates and a section's
   buttons to its child pages. */
#include "system.h"
#include "layout-private.h"

#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/* Below these widths a frame would leave no room for its text. */
#define CARD_MIN_WIDTH 10
#define BUTTON_MIN_WIDTH 6
/* A card's value column is only beside the labels when it gets this many. */
#define CARD_MIN_VALUE 12

/* S cut at a grapheme boundary to at most MAXW columns, ending in "…"
   when cut.  Caller frees. */
static char *
truncate_text (const char *s, int maxw)
{
  size_t n = strlen (s);
  if (text_width (s, n) <= maxw)
    return xstrdup (s);
  if (maxw < 1)
    return xstrdup ("");
  size_t keep = text_fit (s, n, maxw - 1, NULL);
  while (keep > 0 && s[keep - 1] == ' ')
    keep--;
  char *out = xmalloc (keep + sizeof "…");
  memcpy (out, s, keep);
  memcpy (out + keep, "…", sizeof "…");
  return out;
}

/* S made safe and single-line (see layout_build_flat_add).  Caller frees. */
static char *
clean_text (const char *s)
{
  struct flat f = FLAT_INIT;
  layout_build_flat_adds (&f, s ? s : "", 0, -1);
  free (f.style);
  free (f.link);
  return strbuf_steal (&f.text);
}

/* The page title, underlined with a double rule. */
void
layout_card_title (struct builder *b, const char *title)
{
  size_t first = b->lay->nlines;
  layout_build_emit_text (b, title, LAYOUT_TITLE);
  int widest = 0;
  for (size_t i = first; i < b->lay->nlines; i++)
    if (b->lay->lines[i].width > widest)
      widest = b->lay->lines[i].width;
  if (widest > 0)
    {
      struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
      layout_build_line_repeat (&lb, "═", widest, LAYOUT_TITLE, -1);
      layout_build_emit_line (b, &lb);
    }
}

/* One framed line of a card: "│ " CONTENT padded to INNER " │". */
static void
card_line (struct builder *b, struct linebuf *content, int inner, bool framed)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  if (framed)
    layout_build_line_adds (&lb, "│ ", LAYOUT_CARD, -1);
  for (size_t i = 0; i < content->nspans; i++)
    layout_build_line_add (&lb, content->text.s + content->spans[i].start,
              content->spans[i].len, content->spans[i].style, -1);
  if (framed)
    {
      int w = content->text.len ? text_width (content->text.s, content->text.len) : 0;
      layout_build_line_repeat (&lb, " ", inner - w, LAYOUT_CARD, -1);
      layout_build_line_adds (&lb, " │", LAYOUT_CARD, -1);
    }
  layout_build_emit_line (b, &lb);
  strbuf_free (&content->text);
  free (content->spans);
  content->spans = NULL;
  content->nspans = content->cap = 0;
}

/* A frame's top or bottom edge across WIDTH columns. */
static void
frame_edge (struct builder *b, const char *left, const char *right, unsigned style,
            int link)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  layout_build_line_adds (&lb, left, style, link);
  layout_build_line_repeat (&lb, "─", b->width - 2, style, link);
  layout_build_line_adds (&lb, right, style, link);
  layout_build_emit_line (b, &lb);
}

/* An artisan's card: a framed table of translated labels and values,
   the values beside the labels when there is room, else under them. */
void
layout_card_artisan (struct builder *b, const struct page_text *t)
{
  const char *labels[5], *values[5];
  char *products = NULL;
  size_t n = 0;
  if (t->nproducts > 0 && t->products)
    {
      struct strbuf p = STRBUF_INIT;
      for (size_t i = 0; i < t->nproducts; i++)
        if (t->products[i] && *t->products[i])
          {
            if (p.len)
              strbuf_adds (&p, ", ");
            strbuf_adds (&p, t->products[i]);
          }
      products = p.len ? strbuf_steal (&p) : NULL;
      strbuf_free (&p);
    }
  const char *fields[5] = { t->craft, t->place, t->stand, products, t->contact };
  const char *names[5] = { _("Craft"), _("Place"), _("Stand"), _("Products"),
                           _("Contact") };
  for (size_t i = 0; i < 5; i++)
    if (fields[i] && *fields[i])
      {
        labels[n] = names[i];
        values[n] = fields[i];
        n++;
      }
  if (n == 0)
    {
      free (products);
      return;
    }

  bool framed = b->width >= CARD_MIN_WIDTH;
  int inner = framed ? b->width - 4 : b->width;
  int label_w = 0;
  for (size_t i = 0; i < n; i++)
    {
      int w = text_width (labels[i], strlen (labels[i]));
      if (w > label_w)
        label_w = w;
    }
  bool beside = inner >= label_w + 2 + CARD_MIN_VALUE;
  /* Under its label, a value is indented a little when there is room,
     so that labels and values still read apart. */
  int value_indent = beside ? label_w + 2 : inner >= CARD_MIN_VALUE ? 2 : 0;
  int value_w = inner - value_indent;

  layout_build_leaf_begin (b);
  if (framed)
    frame_edge (b, "┌", "┐", LAYOUT_CARD, -1);
  struct wrap_lines wl = WRAP_LINES_INIT;
  for (size_t i = 0; i < n; i++)
    {
      struct linebuf content = { STRBUF_INIT, NULL, 0, 0 };
      char *label = truncate_text (labels[i], inner);
      char *value = clean_text (values[i]);
      layout_build_line_adds (&content, label, LAYOUT_LABEL, -1);
      if (!beside)
        card_line (b, &content, inner, framed);
      wrap_paragraph (value, strlen (value), value_w, &wl);
      for (size_t j = 0; j < wl.count; j++)
        {
          int lw = content.text.len
            ? text_width (content.text.s, content.text.len) : 0;
          layout_build_line_repeat (&content, " ", value_indent - lw,
                                    LAYOUT_CARD, -1);
          layout_build_line_add (&content, value + wl.lines[j].start,
                                 wl.lines[j].len, 0, -1);
          card_line (b, &content, inner, framed);
        }
      free (label);
      free (value);
    }
  wrap_lines_free (&wl);
  if (framed)
    frame_edge (b, "└", "┘", LAYOUT_CARD, -1);
  free (products);
}

/* Parse "YYYY-MM-DD"; false unless it is one. */
static bool
parse_date (const char *s, int *y, int *m, int *d)
{
  if (!s || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
      return false;
  *y = atoi (s);
  *m = atoi (s + 5);
  *d = atoi (s + 8);
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static const char *const month_names[12] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
  N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
  N_("November"), N_("December")
};

/* A day of the month as written in a date.  Caller frees. */
static char *
day_text (int day)
{
  /* TRANSLATORS: the first day of a month in a date ("1er" in French,
     "1" in Vietnamese). */
  return day == 1 ? xstrdup (_("1st")) : xasprintf ("%d", day);
}

/* "16 novembre" / "16 tháng 11".  Caller frees. */
static char *
day_month_text (int day, int month)
{
  char *d = day_text (day);
  /* TRANSLATORS: a day and month in a date range, as in "from
     16 November to ..."; %1$s is the day, %2$s the month's name. */
  char *s = xasprintf (_("%2$s %1$s"), d, _(month_names[month - 1]));
  free (d);
  return s;
}

/* "16 novembre 2023" / "16 tháng 11 năm 2023".  Caller frees. */
static char *
full_date_text (int day, int month, int year)
{
  char *d = day_text (day);
  /* TRANSLATORS: a full date; %1$s is the day, %2$s the month's name,
     %3$d the year. French: "%1$s %2$s %3$d"; Vietnamese:
     "%1$s %2$s năm %3$d". */
  char *s = xasprintf (_("%2$s %1$s, %3$d"), d, _(month_names[month - 1]), year);
  free (d);
  return s;
}

/* The line giving an event's dates in the messages language, or NULL
   when it has none.  Caller frees. */
static char *
event_dates (const struct page *page)
{
  int y1, m1, d1, y2, m2, d2;
  if (!page->date)
    return NULL;
  if (!parse_date (page->date, &y1, &m1, &d1))
    return clean_text (page->date);
  char *from, *to, *line;
  if (!parse_date (page->end, &y2, &m2, &d2)
      || strcmp (page->end, page->date) <= 0)
    {
      from = full_date_text (d1, m1, y1);
      /* TRANSLATORS: an event on one day; %s is a full date. */
      line = xasprintf (_("On %s"), from);
      free (from);
      return line;
    }
  if (y1 == y2 && m1 == m2)
    from = day_text (d1);
  else if (y1 == y2)
    from = day_month_text (d1, m1);
  else
    from = full_date_text (d1, m1, y1);
  to = full_date_text (d2, m2, y2);
  /* TRANSLATORS: an event's dates: "Du 16 au 28 novembre 2023",
     "Từ 16 đến 28 tháng 11 năm 2023". */
  line = xasprintf (_("From %1$s to %2$s"), from, to);
  free (from);
  free (to);
  return line;
}

/* An event's dates, then its place. */
void
layout_card_event (struct builder *b, const struct page *page,
                   const struct page_text *t)
{
  char *dates = event_dates (page);
  struct flat f = FLAT_INIT;
  if (dates)
    layout_build_flat_adds (&f, dates, LAYOUT_STRONG, -1);
  if (t->place && *t->place)
    {
      if (f.text.len)
        layout_build_flat_break (&f);
      layout_build_flat_adds (&f, t->place, 0, -1);
    }
  if (!layout_build_flat_blank (&f, 0))
    {
      layout_build_leaf_begin (b);
      layout_build_emit_flat (b, &f);
    }
  layout_build_flat_free (&f);
  free (dates);
}

/* A child page's button: three lines, all one link to it, so the whole
   box is a touch target. */
static void
layout_button (struct builder *b, const struct page *child)
{
  int link = layout_build_add_link (b, child->id, true);
  char *title = clean_text (page_title (child, b->lang));
  size_t first = b->lay->nlines;
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };

  if (b->width >= BUTTON_MIN_WIDTH)
    {
      int inner = b->width - 4;
      /* Room for the title, a space and the arrow. */
      int text_w = inner >= 3 ? inner - 2 : inner;
      char *label = truncate_text (title, text_w);
      int w = text_width (label, strlen (label));
      frame_edge (b, "┌", "┐", LAYOUT_BUTTON, link);
      layout_build_line_adds (&lb, "│ ", LAYOUT_BUTTON, link);
      layout_build_line_adds (&lb, label, LAYOUT_BUTTON, link);
      if (inner >= 3)
        {
          layout_build_line_repeat (&lb, " ", inner - 1 - w, LAYOUT_BUTTON,
                                    link);
          layout_build_line_adds (&lb, "›", LAYOUT_BUTTON, link);
        }
      else
        layout_build_line_repeat (&lb, " ", inner - w, LAYOUT_BUTTON, link);
      layout_build_line_adds (&lb, " │", LAYOUT_BUTTON, link);
      layout_build_emit_line (b, &lb);
      frame_edge (b, "└", "┘", LAYOUT_BUTTON, link);
      free (label);
    }
  else
    {
      /* Too narrow for a frame: the title between two empty lines, still
         three lines tall. */
      char *label = truncate_text (title, b->width);
      layout_build_emit_line (b, &lb);
      layout_build_line_adds (&lb, label, LAYOUT_BUTTON, link);
      layout_build_emit_line (b, &lb);
      layout_build_emit_line (b, &lb);
      free (label);
    }
  if (link >= 0)
    {
      b->lay->links[link].first_line = first;
      b->lay->links[link].last_line = b->lay->nlines - 1;
    }
  free (title);
}

/* A section's (or home's) child pages, one button each, stacked. */
void
layout_card_children (struct builder *b, const struct page *page)
{
  size_t count = 0;
  const struct page **children = site_children (b->site, page, b->lang, &count);
  for (size_t i = 0; i < count; i++)
    {
      if (i == 0)
        layout_build_leaf_begin (b);
      layout_button (b, children[i]);
      b->block++;
    }
  free (children);
}
