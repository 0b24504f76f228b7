/* layout.c -- a page at a width and in a language becomes styled lines.

   The body is parsed with libcmark and walked with its iterator, one
   switch on the node type, as cmark's own renderers do.  Inline text is
   flattened into one string per paragraph with a style and a link for
   every byte, wrapped by wrap_paragraph(), then cut into spans line by
   line.  Containers (block quotes, list items) are a stack of frames
   whose prefixes ("│ ", "• ", "  ") start every line inside them. */
#include "system.h"
#include "layout.h"

#include <cmark.h>
#include <strings.h>

#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/* Fixed block numbers, so that a language lacking (say) a summary
   still numbers its body like the other language does. */
enum
{
  BLOCK_TITLE = 0,
  BLOCK_HEAD = 1,               /* the artisan card or the event's dates */
  BLOCK_SUMMARY = 2,
  BLOCK_BODY = 3
};

/* Below these widths a frame would leave no room for its text. */
#define CARD_MIN_WIDTH 10
#define BUTTON_MIN_WIDTH 6
/* A card's value column is only beside the labels when it gets this many. */
#define CARD_MIN_VALUE 12

enum frame_kind
{
  FRAME_QUOTE,
  FRAME_LIST,
  FRAME_ITEM
};

/* A container the current lines are inside. */
struct frame
{
  enum frame_kind kind;
  char first[48];       /* prefix of its first line: "│ ", "• ", " 9. " */
  char rest[48];        /* prefix of the lines after it */
  int width;            /* columns of either prefix */
  unsigned style;
  bool shown;           /* the prefix fits the width and is drawn */
  size_t leaves;        /* leaf blocks laid out inside it */
  /* FRAME_LIST only */
  bool tight;
  bool ordered;
  char delim;
  long long next;       /* number of the next item */
  int digits;           /* of the widest number, to right-align them */
};

/* One line being assembled. */
struct linebuf
{
  struct strbuf text;
  struct layout_span *spans;
  size_t nspans;
  size_t cap;
};

/* A paragraph's text with a style and a link index for every byte;
   '\n' marks a hard line break. */
struct flat
{
  struct strbuf text;
  unsigned *style;
  int *link;
  size_t style_cap;
  size_t link_cap;
};

#define FLAT_INIT { STRBUF_INIT, NULL, NULL, 0, 0 }

/* Saved inline state, restored when an inline container ends. */
struct inline_state
{
  unsigned style;
  int link;
  size_t start;         /* where the container's text starts */
  int url_link;         /* external link opened here, or -1 */
};

struct builder
{
  const struct site *site;
  struct layout *lay;
  size_t lines_cap;
  size_t links_cap;
  int width;
  enum lang lang;               /* language of the text shown */
  unsigned block;               /* block of the lines being made */
  unsigned prev_block;          /* block of the last line made */
  bool any;                     /* a line has been made */
  struct frame *frames;
  size_t nframes;
  size_t frames_cap;
  /* What a line needs of the frames, kept as they come and go so that
     a line costs the prefixes it shows, not the depth of the nesting
     (a body can nest thousands deep and only the outer few show). */
  size_t *shown;                /* indices of the shown frames, in order */
  size_t nshown;
  size_t shown_cap;
  size_t nused;                 /* frames [0, nused) have drawn a line */
  size_t nquotes;               /* block quote frames */
  size_t nbullet_lists;         /* unordered list frames */
  int indent;                   /* columns taken by the shown frames */
};

/* Append S[0..N) with STYLE and LINK to LB, merging with the last span
   when they match. */
static void
line_add (struct linebuf *lb, const char *s, size_t n, unsigned style, int link)
{
  if (n == 0)
    return;
  size_t start = lb->text.len;
  strbuf_add (&lb->text, s, n);
  if (lb->nspans > 0)
    {
      struct layout_span *last = &lb->spans[lb->nspans - 1];
      if (last->style == style && last->link == link
          && last->start + last->len == start)
        {
          last->len += n;
          return;
        }
    }
  XGROW (lb->spans, lb->cap, lb->nspans + 1);
  lb->spans[lb->nspans++] = (struct layout_span) { start, n, style, link };
}

/* Append the NUL-terminated S. */
static void
line_adds (struct linebuf *lb, const char *s, unsigned style, int link)
{
  line_add (lb, s, strlen (s), style, link);
}

/* Append COUNT copies of the NUL-terminated S. */
static void
line_repeat (struct linebuf *lb, const char *s, int count, unsigned style,
             int link)
{
  for (int i = 0; i < count; i++)
    line_adds (lb, s, style, link);
}

/* Cut LB's text to LEN bytes, clipping its spans to match. */
static void
line_cut (struct linebuf *lb, size_t len)
{
  if (len >= lb->text.len)
    return;
  lb->text.len = len;
  lb->text.s[len] = '\0';
  while (lb->nspans > 0 && lb->spans[lb->nspans - 1].start >= len)
    lb->nspans--;
  if (lb->nspans > 0)
    {
      struct layout_span *last = &lb->spans[lb->nspans - 1];
      if (last->start + last->len > len)
        last->len = len - last->start;
    }
}

/* Make LB a line of the layout (in block BLOCK) and empty LB for the
   next one. */
static void
emit_line_in (struct builder *b, struct linebuf *lb, unsigned block)
{
  struct layout *lay = b->lay;
  size_t len = lb->text.len;

  /* A grapheme wider than the whole width (a wide character at width 1)
     is the one thing wrapping cannot fit: cut it off rather than
     overflow the screen. */
  if (len > 0 && text_width (lb->text.s, len) > b->width)
    {
      size_t keep = 0;
      int w = 0;
      while (keep < len)
        {
          size_t g = text_grapheme_len (lb->text.s + keep, len - keep);
          if (g == 0)
            break;
          int gw = text_width (lb->text.s + keep, g);
          if (w + gw > b->width)
            break;
          w += gw;
          keep += g;
        }
      line_cut (lb, keep);
      len = keep;
    }
  while (len > 0 && lb->text.s[len - 1] == ' ')
    len--;
  line_cut (lb, len);

  XGROW (lay->lines, b->lines_cap, lay->nlines + 1);
  struct layout_line *line = &lay->lines[lay->nlines];
  line->text = strbuf_steal (&lb->text);
  line->width = text_width (line->text, len);
  line->spans = lb->nspans ? lb->spans : NULL;
  line->nspans = lb->nspans;
  line->block = block;
  if (!lb->nspans)
    free (lb->spans);
  for (size_t i = 0; i < line->nspans; i++)
    {
      int link = line->spans[i].link;
      if (link < 0 || (size_t) link >= lay->nlinks)
        continue;
      struct layout_link *l = &lay->links[link];
      if (l->first_line == SIZE_MAX)
        l->first_line = lay->nlines;
      l->last_line = lay->nlines;
    }
  lb->spans = NULL;
  lb->nspans = lb->cap = 0;
  lay->nlines++;
  b->prev_block = block;
  b->any = true;
}

/* Make LB a line of the current block. */
static void
emit_line (struct builder *b, struct linebuf *lb)
{
  emit_line_in (b, lb, b->block);
}

/* A new link to TARGET; returns its index. */
static int
add_link (struct builder *b, const char *target, bool internal)
{
  struct layout *lay = b->lay;
  if (lay->nlinks >= INT_MAX)
    return -1;
  XGROW (lay->links, b->links_cap, lay->nlinks + 1);
  struct layout_link *l = &lay->links[lay->nlinks];
  l->target = xstrdup (target);
  l->internal = internal;
  l->first_line = SIZE_MAX;
  l->last_line = SIZE_MAX;
  return (int) lay->nlinks++;
}

/* Start a line with the prefixes of the shown frames: an item's marker
   on its first line, blanks of the same width after it. */
static void
add_prefix (struct builder *b, struct linebuf *lb)
{
  for (size_t k = 0; k < b->nshown; k++)
    {
      size_t i = b->shown[k];
      struct frame *f = &b->frames[i];
      line_adds (lb, i < b->nused ? f->rest : f->first, f->style, -1);
    }
  b->nused = b->nframes;
}

/* The empty line between two blocks: only the bars of the quotes that
   both blocks are in. */
static void
emit_separator (struct builder *b)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  for (size_t k = 0; k < b->nshown && b->shown[k] < b->nused; k++)
    {
      struct frame *f = &b->frames[b->shown[k]];
      line_adds (&lb, f->rest, f->style, -1);
    }
  emit_line_in (b, &lb, b->prev_block);
}

/* Called before each leaf block (paragraph, heading, rule, card...):
   one empty line between blocks, except between the items of a tight
   list. */
static void
leaf_begin (struct builder *b)
{
  if (b->any)
    {
      bool blank = true;
      /* The innermost container that already holds a leaf also holds
         the previous one: a tight list there means no gap. */
      for (size_t i = b->nframes; i-- > 0;)
        {
          struct frame *f = &b->frames[i];
          if (f->kind == FRAME_ITEM || f->leaves == 0)
            continue;
          blank = !(f->kind == FRAME_LIST && f->tight);
          break;
        }
      if (blank)
        emit_separator (b);
    }
  for (size_t i = 0; i < b->nframes; i++)
    b->frames[i].leaves++;
}

/* Push a frame; its prefix is shown only while the indentation stays
   within half the width, so deep nesting cannot squeeze text out. */
static struct frame *
push_frame (struct builder *b, enum frame_kind kind, const char *first,
            const char *rest, unsigned style)
{
  XGROW (b->frames, b->frames_cap, b->nframes + 1);
  struct frame *f = &b->frames[b->nframes++];
  memset (f, 0, sizeof *f);
  f->kind = kind;
  snprintf (f->first, sizeof f->first, "%s", first);
  snprintf (f->rest, sizeof f->rest, "%s", rest);
  f->width = text_width (f->first, strlen (f->first));
  f->style = style;
  f->shown = f->width > 0 && b->indent + f->width <= b->width / 2;
  if (f->shown)
    {
      b->indent += f->width;
      XGROW (b->shown, b->shown_cap, b->nshown + 1);
      b->shown[b->nshown++] = b->nframes - 1;
    }
  if (kind == FRAME_QUOTE)
    b->nquotes++;
  return f;
}

/* Leave the innermost frame, giving back its columns. */
static void
pop_frame (struct builder *b)
{
  if (b->nframes == 0)
    return;
  struct frame *f = &b->frames[--b->nframes];
  if (f->shown)
    {
      b->indent -= f->width;
      b->nshown--;
    }
  if (f->kind == FRAME_QUOTE)
    b->nquotes--;
  if (f->kind == FRAME_LIST && !f->ordered)
    b->nbullet_lists--;
  if (b->nused > b->nframes)
    b->nused = b->nframes;
}

/* Style every line inside a block quote carries. */
static unsigned
frame_style (const struct builder *b)
{
  return b->nquotes > 0 ? LAYOUT_QUOTE : 0;
}

/* Append S[0..N) to F with STYLE and LINK, made safe for a terminal:
   tabs and line ends become spaces, other control characters (which
   could be terminal escapes) are dropped. */
static void
flat_add (struct flat *f, const char *s, size_t n, unsigned style, int link)
{
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '\t' || c == '\n' || c == '\r')
        c = ' ';
      else if (c < 0x20 || c == 0x7f)
        continue;
      else if (c == 0xc2 && i + 1 < n
               && (unsigned char) s[i + 1] >= 0x80
               && (unsigned char) s[i + 1] <= 0x9f)
        {
          i++;                  /* a C1 control, U+0080..U+009F */
          continue;
        }
      XGROW (f->style, f->style_cap, f->text.len + 1);
      XGROW (f->link, f->link_cap, f->text.len + 1);
      f->style[f->text.len] = style;
      f->link[f->text.len] = link;
      strbuf_addc (&f->text, (char) c);
    }
}

/* Append the NUL-terminated S. */
static void
flat_adds (struct flat *f, const char *s, unsigned style, int link)
{
  if (s)
    flat_add (f, s, strlen (s), style, link);
}

/* A hard line break. */
static void
flat_break (struct flat *f)
{
  XGROW (f->style, f->style_cap, f->text.len + 1);
  XGROW (f->link, f->link_cap, f->text.len + 1);
  f->style[f->text.len] = 0;
  f->link[f->text.len] = -1;
  strbuf_addc (&f->text, '\n');
}

/* Free F's text and its per-byte arrays. */
static void
flat_free (struct flat *f)
{
  strbuf_free (&f->text);
  free (f->style);
  free (f->link);
}

/* True when F[FROM..) holds nothing visible. */
static bool
flat_blank (const struct flat *f, size_t from)
{
  for (size_t i = from; i < f->text.len; i++)
    if (f->text.s[i] != ' ' && f->text.s[i] != '\n')
      return false;
  return true;
}

/* Lay F out as wrapped lines under the current frames. */
static void
emit_flat (struct builder *b, const struct flat *f)
{
  struct wrap_lines wl = WRAP_LINES_INIT;
  const char *s = f->text.s ? f->text.s : "";
  size_t n = f->text.len;
  int avail = b->width - b->indent;
  if (avail < 1)
    avail = 1;

  size_t piece = 0;
  while (piece <= n)
    {
      const char *nl = memchr (s + piece, '\n', n - piece);
      size_t end = nl ? (size_t) (nl - s) : n;
      wrap_paragraph (s + piece, end - piece, avail, &wl);
      for (size_t i = 0; i < wl.count; i++)
        {
          struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
          add_prefix (b, &lb);
          size_t from = piece + wl.lines[i].start;
          size_t to = from + wl.lines[i].len;
          if (to > end)
            to = end;
          size_t run = from;
          for (size_t j = from + 1; j <= to; j++)
            if (j == to || f->style[j] != f->style[run]
                || f->link[j] != f->link[run])
              {
                line_add (&lb, s + run, j - run, f->style[run], f->link[run]);
                run = j;
              }
          emit_line (b, &lb);
        }
      piece = end + 1;
    }
  wrap_lines_free (&wl);
}

/* Lay the plain string S out as one wrapped leaf block in STYLE. */
static void
emit_text (struct builder *b, const char *s, unsigned style)
{
  struct flat f = FLAT_INIT;
  flat_adds (&f, s, style, -1);
  if (!flat_blank (&f, 0))
    {
      leaf_begin (b);
      emit_flat (b, &f);
    }
  flat_free (&f);
}

/* True when URL starts with a scheme ("https:", "mailto:"). */
static bool
has_scheme (const char *url)
{
  size_t i = 0;
  while ((url[i] >= 'a' && url[i] <= 'z') || (url[i] >= 'A' && url[i] <= 'Z')
         || (i > 0 && ((url[i] >= '0' && url[i] <= '9')
                       || url[i] == '+' || url[i] == '-' || url[i] == '.')))
    i++;
  return i > 0 && url[i] == ':';
}

/* The page an internal link points to: its URL is a page id, as the
   loader checks them; NULL when it names no page (--check reports it). */
static const struct page *
resolve_internal (const struct site *site, const char *url)
{
  if (!site || !url || has_scheme (url))
    return NULL;
  return site_find (site, url);
}

/* How an external address is shown: without "mailto:" or "tel:". */
static const char *
shown_address (const char *url)
{
  if (strncasecmp (url, "mailto:", 7) == 0)
    return url + 7;
  if (strncasecmp (url, "tel:", 4) == 0)
    return url + 4;
  return url;
}

/* Flatten the inline content of BLOCK into F. */
static void
flatten_inlines (struct builder *b, cmark_node *block, unsigned base,
                 struct flat *f)
{
  struct inline_state *stack = NULL;
  size_t depth = 0, cap = 0;
  unsigned style = base;
  int link = -1;
  cmark_iter *iter = cmark_iter_new (block);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      if (node == block)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          flat_adds (f, cmark_node_get_literal (node), style, link);
          break;
        case CMARK_NODE_CODE:
          flat_adds (f, cmark_node_get_literal (node), style | LAYOUT_CODE, link);
          break;
        case CMARK_NODE_SOFTBREAK:
          flat_add (f, " ", 1, style, link);
          break;
        case CMARK_NODE_LINEBREAK:
          flat_break (f);
          break;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          if (ev == CMARK_EVENT_ENTER)
            {
              XGROW (stack, cap, depth + 1);
              stack[depth++] = (struct inline_state) { style, link, f->text.len, -1 };
              cmark_node_type type = cmark_node_get_type (node);
              if (type == CMARK_NODE_EMPH)
                style |= LAYOUT_EMPH;
              else if (type == CMARK_NODE_STRONG)
                style |= LAYOUT_STRONG;
              else if (type == CMARK_NODE_LINK)
                {
                  const char *url = cmark_node_get_url (node);
                  const struct page *to = resolve_internal (b->site, url);
                  if (to)
                    {
                      link = add_link (b, to->id, true);
                      style |= LAYOUT_LINK;
                    }
                  else if (url && has_scheme (url))
                    {
                      link = add_link (b, url, false);
                      style |= LAYOUT_URL;
                      stack[depth - 1].url_link = link;
                    }
                }
            }
          else if (depth > 0)
            {
              struct inline_state *st = &stack[depth - 1];
              if (cmark_node_get_type (node) == CMARK_NODE_LINK)
                {
                  const char *url = cmark_node_get_url (node);
                  const struct page *to = resolve_internal (b->site, url);
                  if (st->url_link >= 0)
                    {
                      /* A kiosk has no browser: show where it leads. */
                      const char *addr = shown_address (url);
                      size_t len = f->text.len - st->start;
                      if (flat_blank (f, st->start))
                        flat_adds (f, addr, style, link);
                      else if (len != strlen (addr)
                               || memcmp (f->text.s + st->start, addr, len) != 0)
                        {
                          flat_add (f, " (", 2, style, link);
                          flat_adds (f, addr, style, link);
                          flat_add (f, ")", 1, style, link);
                        }
                    }
                  else if (to && flat_blank (f, st->start))
                    flat_adds (f, page_title (to, b->lang), style, link);
                }
              style = st->style;
              link = st->link;
              depth--;
            }
          break;
        default:
          /* Raw HTML means nothing on a kiosk; custom nodes do not occur. */
          break;
        }
    }
  cmark_iter_free (iter);
  free (stack);
}

/* A paragraph or heading. */
static void
layout_inline_block (struct builder *b, cmark_node *node, unsigned style)
{
  struct flat f = FLAT_INIT;
  flatten_inlines (b, node, style | frame_style (b), &f);
  if (!flat_blank (&f, 0))
    {
      leaf_begin (b);
      emit_flat (b, &f);
    }
  flat_free (&f);
}

/* One line of a code block, S[0..N), starting a new line whenever it
   would pass AVAIL columns: code is cut, not wrapped, to keep its
   spacing. */
static void
code_line (struct builder *b, const char *s, size_t n, int avail, unsigned style)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  struct strbuf expanded = STRBUF_INIT;
  int col = 0;

  /* Tabs to spaces (stops every 4 columns); other controls dropped. */
  for (size_t i = 0; i < n;)
    {
      if (s[i] == '\t')
        {
          do
            {
              strbuf_addc (&expanded, ' ');
              col++;
            }
          while (col % 4 != 0);
          i++;
          continue;
        }
      size_t g = text_grapheme_len (s + i, n - i);
      if (g == 0)
        break;
      /* A control character is always a cluster of its own. */
      unsigned char c = (unsigned char) s[i];
      bool control = c < 0x20 || c == 0x7f
        || (c == 0xc2 && g >= 2 && (unsigned char) s[i + 1] <= 0x9f);
      if (!control)
        {
          strbuf_add (&expanded, s + i, g);
          col += text_width (s + i, g);
        }
      i += g;
    }

  const char *t = expanded.s ? expanded.s : "";
  size_t len = expanded.len;
  add_prefix (b, &lb);
  int w = 0;
  size_t run = 0;
  for (size_t i = 0; i < len;)
    {
      size_t g = text_grapheme_len (t + i, len - i);
      if (g == 0)
        break;
      int gw = text_width (t + i, g);
      if (w > 0 && w + gw > avail)
        {
          line_add (&lb, t + run, i - run, style, -1);
          emit_line (b, &lb);
          add_prefix (b, &lb);
          run = i;
          w = 0;
        }
      w += gw;
      i += g;
    }
  line_add (&lb, t + run, len - run, style, -1);
  emit_line (b, &lb);
  strbuf_free (&expanded);
}

/* A fenced or indented code block, line for line. */
static void
layout_code_block (struct builder *b, cmark_node *node)
{
  const char *lit = cmark_node_get_literal (node);
  if (!lit)
    lit = "";
  size_t n = strlen (lit);
  if (n > 0 && lit[n - 1] == '\n')
    n--;
  int avail = b->width - b->indent;
  if (avail < 1)
    avail = 1;
  leaf_begin (b);
  unsigned style = LAYOUT_CODE | frame_style (b);
  for (size_t i = 0; i <= n;)
    {
      const char *nl = memchr (lit + i, '\n', n - i);
      size_t end = nl ? (size_t) (nl - lit) : n;
      code_line (b, lit + i, end - i, avail, style);
      i = end + 1;
    }
}

/* A thematic break: a rule across the text's width. */
static void
layout_rule (struct builder *b)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  int avail = b->width - b->indent;
  leaf_begin (b);
  add_prefix (b, &lb);
  line_repeat (&lb, "─", avail < 1 ? 1 : avail, LAYOUT_MUTED, -1);
  emit_line (b, &lb);
}

/* Number of decimal digits of N (N >= 0). */
static int
digits_of (long long n)
{
  int d = 1;
  while (n >= 10)
    {
      n /= 10;
      d++;
    }
  return d;
}

/* Enter a list: remember how its items are marked. */
static void
enter_list (struct builder *b, cmark_node *node)
{
  struct frame *f = push_frame (b, FRAME_LIST, "", "", 0);
  f->tight = cmark_node_get_list_tight (node);
  f->ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  if (!f->ordered)
    b->nbullet_lists++;
  f->delim = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ')' : '.';
  f->next = cmark_node_get_list_start (node);
  if (f->next < 0)
    f->next = 0;
  long long items = 0;
  for (cmark_node *c = cmark_node_first_child (node); c; c = cmark_node_next (c))
    items++;
  f->digits = digits_of (f->next + (items > 0 ? items - 1 : 0));
}

/* Enter a list item: a frame whose first line shows the marker. */
static void
enter_item (struct builder *b)
{
  static const char *const bullets[] = { "• ", "◦ ", "▪ " };
  /* An item is always entered right inside its list. */
  struct frame *list = b->nframes > 0
    && b->frames[b->nframes - 1].kind == FRAME_LIST
    ? &b->frames[b->nframes - 1] : NULL;
  size_t level = b->nbullet_lists;
  char marker[48];
  if (list && list->ordered)
    snprintf (marker, sizeof marker, "%*lld%c ", list->digits, list->next++,
              list->delim);
  else
    snprintf (marker, sizeof marker, "%s",
              bullets[(level > 0 ? level - 1 : 0) % ARRAY_SIZE (bullets)]);
  char blanks[48];
  int w = text_width (marker, strlen (marker));
  if (w < 0 || w >= (int) sizeof blanks)
    w = 0;
  memset (blanks, ' ', (size_t) w);
  blanks[w] = '\0';
  push_frame (b, FRAME_ITEM, marker, blanks, LAYOUT_MUTED);
}

/* Leave a list item; an empty item still shows its marker. */
static void
leave_item (struct builder *b)
{
  if (b->nframes > 0 && b->nused < b->nframes)
    {
      struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
      leaf_begin (b);
      add_prefix (b, &lb);
      emit_line (b, &lb);
    }
  pop_frame (b);
}

/* The page body: CommonMark, one block number per top-level block. */
static void
layout_body (struct builder *b, const char *body)
{
  if (!body)
    return;
  cmark_node *doc = cmark_parse_document (body, strlen (body),
                                          CMARK_OPT_VALIDATE_UTF8);
  if (!doc)
    return;
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;
  unsigned top = BLOCK_BODY;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      bool enter = ev == CMARK_EVENT_ENTER;
      if (enter && cmark_node_parent (node) == doc)
        b->block = top++;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_BLOCK_QUOTE:
          if (enter)
            push_frame (b, FRAME_QUOTE, "│ ", "│ ", LAYOUT_QUOTE);
          else
            pop_frame (b);
          break;
        case CMARK_NODE_LIST:
          if (enter)
            enter_list (b, node);
          else
            pop_frame (b);
          break;
        case CMARK_NODE_ITEM:
          if (enter)
            enter_item (b);
          else
            leave_item (b);
          break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (enter)
            {
              unsigned style = cmark_node_get_type (node) == CMARK_NODE_HEADING
                ? LAYOUT_HEADING : 0;
              layout_inline_block (b, node, style);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;
        case CMARK_NODE_CODE_BLOCK:
          layout_code_block (b, node);
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          layout_rule (b);
          break;
        default:
          /* The document itself; HTML blocks are not shown. */
          break;
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (doc);
  while (b->nframes > 0)
    pop_frame (b);
  b->block = top;
}

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
  size_t keep = 0;
  int w = 0;
  while (keep < n)
    {
      size_t g = text_grapheme_len (s + keep, n - keep);
      if (g == 0)
        break;
      int gw = text_width (s + keep, g);
      if (w + gw > maxw - 1)
        break;
      w += gw;
      keep += g;
    }
  while (keep > 0 && s[keep - 1] == ' ')
    keep--;
  char *out = xmalloc (keep + sizeof "…");
  memcpy (out, s, keep);
  memcpy (out + keep, "…", sizeof "…");
  return out;
}

/* S made safe and single-line (see flat_add).  Caller frees. */
static char *
clean_text (const char *s)
{
  struct flat f = FLAT_INIT;
  flat_adds (&f, s ? s : "", 0, -1);
  free (f.style);
  free (f.link);
  return strbuf_steal (&f.text);
}

/* The page title, underlined with a double rule. */
static void
layout_title (struct builder *b, const char *title)
{
  size_t first = b->lay->nlines;
  emit_text (b, title, LAYOUT_TITLE);
  int widest = 0;
  for (size_t i = first; i < b->lay->nlines; i++)
    if (b->lay->lines[i].width > widest)
      widest = b->lay->lines[i].width;
  if (widest > 0)
    {
      struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
      line_repeat (&lb, "═", widest, LAYOUT_TITLE, -1);
      emit_line (b, &lb);
    }
}

/* One framed line of a card: "│ " CONTENT padded to INNER " │". */
static void
card_line (struct builder *b, struct linebuf *content, int inner, bool framed)
{
  struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
  if (framed)
    line_adds (&lb, "│ ", LAYOUT_CARD, -1);
  for (size_t i = 0; i < content->nspans; i++)
    line_add (&lb, content->text.s + content->spans[i].start,
              content->spans[i].len, content->spans[i].style, -1);
  if (framed)
    {
      int w = content->text.len ? text_width (content->text.s, content->text.len) : 0;
      line_repeat (&lb, " ", inner - w, LAYOUT_CARD, -1);
      line_adds (&lb, " │", LAYOUT_CARD, -1);
    }
  emit_line (b, &lb);
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
  line_adds (&lb, left, style, link);
  line_repeat (&lb, "─", b->width - 2, style, link);
  line_adds (&lb, right, style, link);
  emit_line (b, &lb);
}

/* An artisan's card: a framed table of translated labels and values,
   the values beside the labels when there is room, else under them. */
static void
layout_card (struct builder *b, const struct page_text *t)
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

  leaf_begin (b);
  if (framed)
    frame_edge (b, "┌", "┐", LAYOUT_CARD, -1);
  struct wrap_lines wl = WRAP_LINES_INIT;
  for (size_t i = 0; i < n; i++)
    {
      struct linebuf content = { STRBUF_INIT, NULL, 0, 0 };
      char *label = truncate_text (labels[i], inner);
      char *value = clean_text (values[i]);
      line_adds (&content, label, LAYOUT_LABEL, -1);
      if (!beside)
        card_line (b, &content, inner, framed);
      wrap_paragraph (value, strlen (value), value_w, &wl);
      for (size_t j = 0; j < wl.count; j++)
        {
          int lw = content.text.len
            ? text_width (content.text.s, content.text.len) : 0;
          line_repeat (&content, " ", value_indent - lw, LAYOUT_CARD, -1);
          line_add (&content, value + wl.lines[j].start, wl.lines[j].len, 0, -1);
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
static void
layout_event (struct builder *b, const struct page *page,
              const struct page_text *t)
{
  char *dates = event_dates (page);
  struct flat f = FLAT_INIT;
  if (dates)
    flat_adds (&f, dates, LAYOUT_STRONG, -1);
  if (t->place && *t->place)
    {
      if (f.text.len)
        flat_break (&f);
      flat_adds (&f, t->place, 0, -1);
    }
  if (!flat_blank (&f, 0))
    {
      leaf_begin (b);
      emit_flat (b, &f);
    }
  flat_free (&f);
  free (dates);
}

/* A child page's button: three lines, all one link to it, so the whole
   box is a touch target. */
static void
layout_button (struct builder *b, const struct page *child)
{
  int link = add_link (b, child->id, true);
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
      line_adds (&lb, "│ ", LAYOUT_BUTTON, link);
      line_adds (&lb, label, LAYOUT_BUTTON, link);
      if (inner >= 3)
        {
          line_repeat (&lb, " ", inner - 1 - w, LAYOUT_BUTTON, link);
          line_adds (&lb, "›", LAYOUT_BUTTON, link);
        }
      else
        line_repeat (&lb, " ", inner - w, LAYOUT_BUTTON, link);
      line_adds (&lb, " │", LAYOUT_BUTTON, link);
      emit_line (b, &lb);
      frame_edge (b, "└", "┘", LAYOUT_BUTTON, link);
      free (label);
    }
  else
    {
      /* Too narrow for a frame: the title between two empty lines, still
         three lines tall. */
      char *label = truncate_text (title, b->width);
      emit_line (b, &lb);
      line_adds (&lb, label, LAYOUT_BUTTON, link);
      emit_line (b, &lb);
      emit_line (b, &lb);
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
static void
layout_children (struct builder *b, const struct page *page)
{
  size_t count = 0;
  const struct page **children = site_children (b->site, page, b->lang, &count);
  for (size_t i = 0; i < count; i++)
    {
      if (i == 0)
        leaf_begin (b);
      layout_button (b, children[i]);
      b->block++;
    }
  free (children);
}

/* Drop links that no line shows (an empty link text), renumbering the
   spans that point at the others. */
static void
drop_unshown_links (struct layout *lay)
{
  if (lay->nlinks == 0)
    return;
  int *map = xcalloc (lay->nlinks, sizeof *map);
  size_t kept = 0;
  for (size_t i = 0; i < lay->nlinks; i++)
    if (lay->links[i].first_line == SIZE_MAX)
      {
        free (lay->links[i].target);
        map[i] = -1;
      }
    else
      {
        map[i] = (int) kept;
        lay->links[kept++] = lay->links[i];
      }
  for (size_t i = 0; i < lay->nlines; i++)
    for (size_t j = 0; j < lay->lines[i].nspans; j++)
      {
        struct layout_span *sp = &lay->lines[i].spans[j];
        if (sp->link >= 0 && (size_t) sp->link < lay->nlinks)
          sp->link = map[sp->link];
      }
  lay->nlinks = kept;
  free (map);
}

/* Lay a page out: see layout.h. */
struct layout *
layout_page (const struct site *site, const struct page *page, enum lang lang,
             int width)
{
  struct layout *lay = xcalloc (1, sizeof *lay);
  struct builder b = { 0 };
  if (width < 1)
    width = 1;
  lay->width = width;
  lay->lang = lang;
  b.site = site;
  b.lay = lay;
  b.width = width;
  b.lang = lang;
  if (!page)
    return lay;

  enum lang got = lang;
  const struct page_text *t = page_text_in (page, lang, &got);
  lay->lang = got;
  lay->fallback = t && got != lang;
  b.lang = got;

  b.block = BLOCK_TITLE;
  if (lay->fallback)
    emit_text (&b, lang == LANG_FR
               ? _("This page is not available in French; here is the Vietnamese version.")
               : _("This page is not available in Vietnamese; here is the French version."),
               LAYOUT_NOTICE);
  layout_title (&b, t && t->title ? t->title : page->id);

  if (t)
    {
      b.block = BLOCK_HEAD;
      if (page->kind == PAGE_KIND_ARTISAN)
        layout_card (&b, t);
      else if (page->kind == PAGE_KIND_EVENT)
        layout_event (&b, page, t);
      b.block = BLOCK_SUMMARY;
      emit_text (&b, t->summary, LAYOUT_MUTED);
      b.block = BLOCK_BODY;
      layout_body (&b, t->body);
    }
  else
    b.block = BLOCK_BODY;

  if (site && (page->kind == PAGE_KIND_SECTION
               || (site->home && strcmp (page->id, site->home) == 0)))
    layout_children (&b, page);
  lay->nblocks = b.block;
  drop_unshown_links (lay);
  free (b.frames);
  free (b.shown);
  return lay;
}

/* Where a block starts, to keep the reader's place: see layout.h. */
size_t
layout_line_of_block (const struct layout *layout, unsigned block)
{
  if (layout->nlines == 0)
    return 0;
  for (size_t i = 0; i < layout->nlines; i++)
    if (layout->lines[i].block >= block)
      return i;
  return layout->nlines - 1;
}

/* Free every line, span and link, then the layout. */
void
layout_free (struct layout *layout)
{
  if (!layout)
    return;
  for (size_t i = 0; i < layout->nlines; i++)
    {
      free (layout->lines[i].text);
      free (layout->lines[i].spans);
    }
  for (size_t i = 0; i < layout->nlinks; i++)
    free (layout->links[i].target);
  free (layout->lines);
  free (layout->links);
  free (layout);
}

/* The lines as plain text: what --dump prints. */
void
layout_print (const struct layout *layout, FILE *out)
{
  for (size_t i = 0; i < layout->nlines; i++)
    {
      fputs (layout->lines[i].text, out);
      fputc ('\n', out);
    }
}
