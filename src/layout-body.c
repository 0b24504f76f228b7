/* layout-body.c -- a page's body, CommonMark parsed with libcmark and
   walked with its iterator, one switch on the node type, as cmark's own
   renderers do. */
#include "system.h"
#include "layout-private.h"

#include <cmark.h>
#include <strings.h>

#include "strbuf.h"
#include "text.h"

/* Saved inline state, restored when an inline container ends. */
struct inline_state
{
  unsigned style;
  int link;
  size_t start;         /* where the container's text starts */
  int url_link;         /* external link opened here, or -1 */
};

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
          layout_build_flat_adds (f, cmark_node_get_literal (node), style,
                                  link);
          break;
        case CMARK_NODE_CODE:
          layout_build_flat_adds (f, cmark_node_get_literal (node),
                                  style | LAYOUT_CODE, link);
          break;
        case CMARK_NODE_SOFTBREAK:
          layout_build_flat_add (f, " ", 1, style, link);
          break;
        case CMARK_NODE_LINEBREAK:
          layout_build_flat_break (f);
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
                      link = layout_build_add_link (b, to->id, true);
                      style |= LAYOUT_LINK;
                    }
                  else if (url && has_scheme (url))
                    {
                      link = layout_build_add_link (b, url, false);
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
                      if (layout_build_flat_blank (f, st->start))
                        layout_build_flat_adds (f, addr, style, link);
                      else if (len != strlen (addr)
                               || memcmp (f->text.s + st->start, addr, len) != 0)
                        {
                          layout_build_flat_add (f, " (", 2, style, link);
                          layout_build_flat_adds (f, addr, style, link);
                          layout_build_flat_add (f, ")", 1, style, link);
                        }
                    }
                  else if (to && layout_build_flat_blank (f, st->start))
                    layout_build_flat_adds (f, page_title (to, b->lang), style,
                                            link);
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
  flatten_inlines (b, node, style | layout_build_frame_style (b), &f);
  if (!layout_build_flat_blank (&f, 0))
    {
      layout_build_leaf_begin (b);
      layout_build_emit_flat (b, &f);
    }
  layout_build_flat_free (&f);
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
  layout_build_add_prefix (b, &lb);
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
          layout_build_line_add (&lb, t + run, i - run, style, -1);
          layout_build_emit_line (b, &lb);
          layout_build_add_prefix (b, &lb);
          run = i;
          w = 0;
        }
      w += gw;
      i += g;
    }
  layout_build_line_add (&lb, t + run, len - run, style, -1);
  layout_build_emit_line (b, &lb);
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
  layout_build_leaf_begin (b);
  unsigned style = LAYOUT_CODE | layout_build_frame_style (b);
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
  layout_build_leaf_begin (b);
  layout_build_add_prefix (b, &lb);
  layout_build_line_repeat (&lb, "─", avail < 1 ? 1 : avail, LAYOUT_MUTED,
                            -1);
  layout_build_emit_line (b, &lb);
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
  struct frame *f = layout_build_push_frame (b, FRAME_LIST, "", "", 0);
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
  layout_build_push_frame (b, FRAME_ITEM, marker, blanks, LAYOUT_MUTED);
}

/* Leave a list item; an empty item still shows its marker. */
static void
leave_item (struct builder *b)
{
  if (b->nframes > 0 && b->nused < b->nframes)
    {
      struct linebuf lb = { STRBUF_INIT, NULL, 0, 0 };
      layout_build_leaf_begin (b);
      layout_build_add_prefix (b, &lb);
      layout_build_emit_line (b, &lb);
    }
  layout_build_pop_frame (b);
}

/* The page body: CommonMark, one block number per top-level block. */
void
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
            layout_build_push_frame (b, FRAME_QUOTE, "│ ", "│ ",
                                     LAYOUT_QUOTE);
          else
            layout_build_pop_frame (b);
          break;
        case CMARK_NODE_LIST:
          if (enter)
            enter_list (b, node);
          else
            layout_build_pop_frame (b);
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
    layout_build_pop_frame (b);
  b->block = top;
}
