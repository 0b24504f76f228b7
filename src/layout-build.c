/* layout-build.c -- the lines of a layout being built: spans merged as
   they are added, links, and the frames of the containers.  Containers
   (block quotes, list items) are a stack of frames whose prefixes
   ("│ ", "• ", "  ") start every line inside them.  Inline text is
   flattened into one string per paragraph with a style and a link for
   every byte, wrapped by wrap_paragraph(), then cut into spans line by
   line. */
#include "system.h"
#include "layout-private.h"

#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/* Append S[0..N) with STYLE and LINK to LB, merging with the last span
   when they match. */
void
layout_build_line_add (struct linebuf *lb, const char *s, size_t n,
                       unsigned style, int link)
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
void
layout_build_line_adds (struct linebuf *lb, const char *s, unsigned style,
                        int link)
{
  layout_build_line_add (lb, s, strlen (s), style, link);
}

/* Append COUNT copies of the NUL-terminated S, as one addition: a
   frame's edge a character at a time cost a growth check and a call
   per character. */
void
layout_build_line_repeat (struct linebuf *lb, const char *s, int count,
                          unsigned style, int link)
{
  size_t n = strlen (s);
  if (count <= 0 || n == 0 || (size_t) count > SIZE_MAX / n)
    return;
  size_t total = (size_t) count * n;
  char *run = xmalloc (total);
  for (size_t i = 0; i < total; i += n)
    memcpy (run + i, s, n);
  layout_build_line_add (lb, run, total, style, link);
  free (run);
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
      size_t keep = text_fit (lb->text.s, len, b->width, NULL);
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
void
layout_build_emit_line (struct builder *b, struct linebuf *lb)
{
  emit_line_in (b, lb, b->block);
}

/* A new link to TARGET; returns its index. */
int
layout_build_add_link (struct builder *b, const char *target, bool internal)
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
void
layout_build_add_prefix (struct builder *b, struct linebuf *lb)
{
  for (size_t k = 0; k < b->nshown; k++)
    {
      size_t i = b->shown[k];
      struct frame *f = &b->frames[i];
      layout_build_line_adds (lb, i < b->nused ? f->rest : f->first,
                              f->style, -1);
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
      layout_build_line_adds (&lb, f->rest, f->style, -1);
    }
  emit_line_in (b, &lb, b->prev_block);
}

/* Called before each leaf block (paragraph, heading, rule, card...):
   one empty line between blocks, except between the items of a tight
   list. */
void
layout_build_leaf_begin (struct builder *b)
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
struct frame *
layout_build_push_frame (struct builder *b, enum frame_kind kind,
                         const char *first, const char *rest, unsigned style)
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
void
layout_build_pop_frame (struct builder *b)
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
unsigned
layout_build_frame_style (const struct builder *b)
{
  return b->nquotes > 0 ? LAYOUT_QUOTE : 0;
}

/* Append S[0..N) to F with STYLE and LINK, made safe for a terminal:
   tabs and line ends become spaces, other control characters (which
   could be terminal escapes) are dropped. */
void
layout_build_flat_add (struct flat *f, const char *s, size_t n,
                       unsigned style, int link)
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
void
layout_build_flat_adds (struct flat *f, const char *s, unsigned style,
                        int link)
{
  if (s)
    layout_build_flat_add (f, s, strlen (s), style, link);
}

/* A hard line break. */
void
layout_build_flat_break (struct flat *f)
{
  XGROW (f->style, f->style_cap, f->text.len + 1);
  XGROW (f->link, f->link_cap, f->text.len + 1);
  f->style[f->text.len] = 0;
  f->link[f->text.len] = -1;
  strbuf_addc (&f->text, '\n');
}

/* Free F's text and its per-byte arrays. */
void
layout_build_flat_free (struct flat *f)
{
  strbuf_free (&f->text);
  free (f->style);
  free (f->link);
}

/* True when F[FROM..) holds nothing visible. */
bool
layout_build_flat_blank (const struct flat *f, size_t from)
{
  for (size_t i = from; i < f->text.len; i++)
    if (f->text.s[i] != ' ' && f->text.s[i] != '\n')
      return false;
  return true;
}

/* Lay F out as wrapped lines under the current frames. */
void
layout_build_emit_flat (struct builder *b, const struct flat *f)
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
          layout_build_add_prefix (b, &lb);
          size_t from = piece + wl.lines[i].start;
          size_t to = from + wl.lines[i].len;
          if (to > end)
            to = end;
          size_t run = from;
          for (size_t j = from + 1; j <= to; j++)
            if (j == to || f->style[j] != f->style[run]
                || f->link[j] != f->link[run])
              {
                layout_build_line_add (&lb, s + run, j - run, f->style[run],
                                       f->link[run]);
                run = j;
              }
          layout_build_emit_line (b, &lb);
        }
      piece = end + 1;
    }
  wrap_lines_free (&wl);
}

/* Lay the plain string S out as one wrapped leaf block in STYLE. */
void
layout_build_emit_text (struct builder *b, const char *s, unsigned style)
{
  struct flat f = FLAT_INIT;
  layout_build_flat_adds (&f, s, style, -1);
  if (!layout_build_flat_blank (&f, 0))
    {
      layout_build_leaf_begin (b);
      layout_build_emit_flat (b, &f);
    }
  layout_build_flat_free (&f);
}
