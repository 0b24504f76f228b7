/* body.c -- side-by-side pages and the help text, as layouts. */
#include "system.h"
#include "body.h"

#include "strbuf.h"
#include "wrap.h"

/* A layout being built line by line. */
struct builder
{
  struct layout *layout;
  size_t cap;           /* lines allocated */
  size_t link_cap;
};

/* Append a line of TEXT (taking it) of WIDTH columns showing BLOCK, with
   no spans yet; returns it. */
static struct layout_line *
add_line (struct builder *b, char *text, int width, unsigned block)
{
  struct layout *l = b->layout;
  XGROW (l->lines, b->cap, l->nlines + 1);
  struct layout_line *line = &l->lines[l->nlines++];
  memset (line, 0, sizeof *line);
  line->text = text;
  line->width = width;
  line->block = block;
  if (block + 1 > l->nblocks)
    l->nblocks = block + 1;
  return line;
}

/* Append a span to LINE. */
static void
add_span (struct layout_line *line, size_t start, size_t len, unsigned style,
          int link)
{
  if (len == 0)
    return;
  line->spans = xrealloc (line->spans, (line->nspans + 1) * sizeof *line->spans);
  struct layout_span *sp = &line->spans[line->nspans++];
  sp->start = start;
  sp->len = len;
  sp->style = style;
  sp->link = link;
}

/* The lines of block BLOCK of L from line *I on: advances *I past them
   and returns how many there are. */
static size_t
take_block (const struct layout *l, size_t *i, unsigned block)
{
  size_t n = 0;
  while (*i < l->nlines && l->lines[*i].block == block)
    {
      (*i)++;
      n++;
    }
  return n;
}

/* Copy LINE's text and spans into the merged line being built in TEXT at
   byte offset AT, its links shifted by LINK_BASE. */
static void
copy_side (struct strbuf *text, struct layout_span **spans, size_t *nspans,
           const struct layout_line *line, size_t link_base)
{
  size_t at = text->len;
  strbuf_add (text, line->text, strlen (line->text));
  for (size_t k = 0; k < line->nspans; k++)
    {
      const struct layout_span *sp = &line->spans[k];
      if (sp->start > strlen (line->text) || sp->len > strlen (line->text) - sp->start)
        continue;
      *spans = xrealloc (*spans, (*nspans + 1) * sizeof **spans);
      struct layout_span *out = &(*spans)[(*nspans)++];
      *out = *sp;
      out->start += at;
      if (sp->link >= 0)
        out->link = (int) (sp->link + link_base);
    }
}

/* Two layouts side by side, block beside block. */
struct layout *
body_twin (const struct layout *left, const struct layout *right, int gap)
{
  struct builder b = { xcalloc (1, sizeof *b.layout), 0, 0 };
  struct layout *out = b.layout;
  if (gap < 3)
    gap = 3;
  out->width = left->width + gap + right->width;
  out->lang = left->lang;
  out->fallback = left->fallback || right->fallback;

  /* Where each side's lines land, to move the links. */
  size_t *lrow = xcalloc (left->nlines + 1, sizeof *lrow);
  size_t *rrow = xcalloc (right->nlines + 1, sizeof *rrow);

  size_t li = 0, ri = 0;
  while (li < left->nlines || ri < right->nlines)
    {
      unsigned block;
      if (li >= left->nlines)
        block = right->lines[ri].block;
      else if (ri >= right->nlines)
        block = left->lines[li].block;
      else
        block = left->lines[li].block < right->lines[ri].block
                ? left->lines[li].block : right->lines[ri].block;
      size_t l0 = li, r0 = ri;
      size_t nl = take_block (left, &li, block);
      size_t nr = take_block (right, &ri, block);
      /* A layout whose blocks go backwards would stall: take a line. */
      if (nl == 0 && nr == 0)
        {
          if (li < left->nlines)
            nl = 1, li++;
          else
            nr = 1, ri++;
        }
      size_t rows = nl > nr ? nl : nr;
      for (size_t k = 0; k < rows; k++)
        {
          struct strbuf text = STRBUF_INIT;
          struct layout_span *spans = NULL;
          size_t nspans = 0;
          int width = 0;
          if (k < nl)
            {
              const struct layout_line *line = &left->lines[l0 + k];
              lrow[l0 + k] = out->nlines;
              copy_side (&text, &spans, &nspans, line, 0);
              width = line->width;
            }
          /* Pad to the column, then the rule between the columns. */
          size_t pad_at = text.len;
          int pad = left->width - width;
          for (int c = 0; c < pad + (gap - 1) / 2; c++)
            strbuf_addc (&text, ' ');
          strbuf_adds (&text, "│");
          width = left->width + (gap - 1) / 2 + 1;
          if (k < nr)
            {
              const struct layout_line *line = &right->lines[r0 + k];
              rrow[r0 + k] = out->nlines;
              for (int c = 0; c < gap - 1 - (gap - 1) / 2; c++)
                strbuf_addc (&text, ' ');
              width += gap - 1 - (gap - 1) / 2;
              size_t at = text.len;
              spans = xrealloc (spans, (nspans + 1) * sizeof *spans);
              spans[nspans++] = (struct layout_span) { pad_at, at - pad_at,
                                                       LAYOUT_MUTED, -1 };
              copy_side (&text, &spans, &nspans, line, left->nlinks);
              width += line->width;
            }
          else
            {
              spans = xrealloc (spans, (nspans + 1) * sizeof *spans);
              spans[nspans++] = (struct layout_span) { pad_at, text.len - pad_at,
                                                       LAYOUT_MUTED, -1 };
            }
          struct layout_line *line = add_line (&b, strbuf_steal (&text), width, block);
          line->spans = spans;
          line->nspans = nspans;
        }
    }

  /* The links, LEFT's then RIGHT's, on their new rows. */
  out->nlinks = left->nlinks + right->nlinks;
  out->links = xcalloc (out->nlinks ? out->nlinks : 1, sizeof *out->links);
  for (size_t k = 0; k < out->nlinks; k++)
    {
      bool is_left = k < left->nlinks;
      const struct layout_link *in = is_left ? &left->links[k]
                                             : &right->links[k - left->nlinks];
      const struct layout *side = is_left ? left : right;
      const size_t *row = is_left ? lrow : rrow;
      struct layout_link *o = &out->links[k];
      o->target = xstrdup (in->target ? in->target : "");
      o->internal = in->internal;
      size_t first = in->first_line < side->nlines ? in->first_line : 0;
      size_t last = in->last_line < side->nlines ? in->last_line : first;
      o->first_line = side->nlines ? row[first] : 0;
      o->last_line = side->nlines ? row[last] : 0;
      if (o->last_line < o->first_line)
        o->last_line = o->first_line;
    }
  free (lrow);
  free (rrow);
  return out;
}

/* Append paragraph S wrapped to WIDTH, each line in STYLE, as BLOCK. */
static void
add_paragraph (struct builder *b, const char *s, int width, unsigned style,
               unsigned block)
{
  struct wrap_lines wl = WRAP_LINES_INIT;
  wrap_paragraph (s, strlen (s), width, &wl);
  for (size_t i = 0; i < wl.count; i++)
    {
      struct layout_line *line = add_line (b, xstrndup (s + wl.lines[i].start,
                                                        wl.lines[i].len),
                                           wl.lines[i].width, block);
      add_span (line, 0, wl.lines[i].len, style, -1);
    }
  wrap_lines_free (&wl);
}

/* The help text as a layout. */
struct layout *
body_help (int width, bool kiosk)
{
  if (width < 1)
    width = 1;
  struct builder b = { xcalloc (1, sizeof *b.layout), 0, 0 };
  b.layout->width = width;
  b.layout->links = xcalloc (1, sizeof *b.layout->links);

  char *keys = xasprintf ("%s%s%s",
                          _("Arrows and Tab: move between links. "
                            "Enter: open. Backspace or Esc: back. "
                            "Home: start page. Page Up, Page Down, Space: scroll. "
                            "l or F2: language. /: search. ?: this help."),
                          kiosk ? "" : " ", kiosk ? "" : _("q: quit."));
  /* TRANSLATORS: %s are the labels of the Back and Home buttons. */
  char *back = xasprintf (_("◀ %s returns to the page you saw before; "
                            "⌂ %s goes to the start page."),
                          _("Back"), _("Home"));
  /* TRANSLATORS: %s is the label of the Search button. */
  char *search = xasprintf (_("Tap %s, then type a word with the letters on "
                              "the screen. Accents are not needed: hue finds "
                              "Huế. Tap a result to open it."), _("Search"));
  /* TRANSLATORS: %s is the label of the Back button. */
  char *close = xasprintf (_("Tap ◀ %s, or press Esc."), _("Back"));
  const char *sections[][2] = {
    { _("How to use this guide"),
      _("Tap a highlighted link or a button to open it. Slide a finger up "
        "or down on the text to scroll it, or tap ▲ and ▼ at the "
        "bottom right.") },
    { _("Back and Home"), back },
    { _("Language"),
      _("Tap FR or VI at the top right to read in French or in Vietnamese: "
        "you stay on the same page, at the same place. On a wide screen, "
        "FR+VI shows both side by side.") },
    { _("Search"), search },
    { _("Keyboard"), keys },
    { _("Close this help"), close },
  };
  unsigned block = 0;
  for (size_t i = 0; i < ARRAY_SIZE (sections); i++)
    {
      if (i > 0)
        add_line (&b, xstrdup (""), 0, block++);
      add_paragraph (&b, sections[i][0], width, LAYOUT_HEADING, block++);
      add_paragraph (&b, sections[i][1], width, 0, block++);
    }
  free (keys);
  free (back);
  free (search);
  free (close);
  return b.layout;
}

/* Free a layout built here. */
void
body_free (struct layout *layout)
{
  if (!layout)
    return;
  for (size_t i = 0; i < layout->nlines; i++)
    {
      free (layout->lines[i].text);
      free (layout->lines[i].spans);
    }
  for (size_t k = 0; k < layout->nlinks; k++)
    free (layout->links[k].target);
  free (layout->lines);
  free (layout->links);
  free (layout);
}
