/* layout-private.h -- what the layout's files (layout*.c) share with
   one another: the builder a page is laid out with, the line being
   assembled, the frames of the containers and the flattened text of a
   paragraph.  Nothing outside them includes it. */
#ifndef KIOSQUE_LAYOUT_PRIVATE_H
#define KIOSQUE_LAYOUT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"
#include "strbuf.h"

/* Fixed block numbers, so that a language lacking (say) a summary
   still numbers its body like the other language does. */
enum
{
  BLOCK_TITLE = 0,
  BLOCK_HEAD = 1,               /* the artisan card or the event's dates */
  BLOCK_SUMMARY = 2,
  BLOCK_BODY = 3
};

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

/* One page being laid out: the layout growing and what its next line
   needs to know. */
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

/* layout-build.c: lines, links, frames and flattened text. */

/* Append S[0..N) with STYLE and LINK to LB, merging with the last span
   when they match. */
void layout_build_line_add (struct linebuf *lb, const char *s, size_t n,
                            unsigned style, int link);

/* Append the NUL-terminated S. */
void layout_build_line_adds (struct linebuf *lb, const char *s,
                             unsigned style, int link);

/* Append COUNT copies of the NUL-terminated S. */
void layout_build_line_repeat (struct linebuf *lb, const char *s, int count,
                               unsigned style, int link);

/* Make LB a line of the current block. */
void layout_build_emit_line (struct builder *b, struct linebuf *lb);

/* A new link to TARGET; returns its index. */
int layout_build_add_link (struct builder *b, const char *target,
                           bool internal);

/* Start a line with the prefixes of the shown frames: an item's marker
   on its first line, blanks of the same width after it. */
void layout_build_add_prefix (struct builder *b, struct linebuf *lb);

/* Called before each leaf block (paragraph, heading, rule, card...):
   one empty line between blocks, except between the items of a tight
   list. */
void layout_build_leaf_begin (struct builder *b);

/* Push a frame; its prefix is shown only while the indentation stays
   within half the width, so deep nesting cannot squeeze text out. */
struct frame *layout_build_push_frame (struct builder *b,
                                      enum frame_kind kind,
                                      const char *first, const char *rest,
                                      unsigned style);

/* Leave the innermost frame, giving back its columns. */
void layout_build_pop_frame (struct builder *b);

/* Style every line inside a block quote carries. */
unsigned layout_build_frame_style (const struct builder *b);

/* Append S[0..N) to F with STYLE and LINK, made safe for a terminal:
   tabs and line ends become spaces, other control characters (which
   could be terminal escapes) are dropped. */
void layout_build_flat_add (struct flat *f, const char *s, size_t n,
                            unsigned style, int link);

/* Append the NUL-terminated S. */
void layout_build_flat_adds (struct flat *f, const char *s, unsigned style,
                             int link);

/* A hard line break. */
void layout_build_flat_break (struct flat *f);

/* Free F's text and its per-byte arrays. */
void layout_build_flat_free (struct flat *f);

/* True when F[FROM..) holds nothing visible. */
bool layout_build_flat_blank (const struct flat *f, size_t from);

/* Lay F out as wrapped lines under the current frames. */
void layout_build_emit_flat (struct builder *b, const struct flat *f);

/* Lay the plain string S out as one wrapped leaf block in STYLE. */
void layout_build_emit_text (struct builder *b, const char *s, unsigned style);

/* layout-body.c: the CommonMark body. */

/* The page body: CommonMark, one block number per top-level block. */
void layout_body (struct builder *b, const char *body);

/* layout-card.c: the title, the artisan card, the event dates and the
   child pages' buttons. */

/* The page title, underlined with a double rule. */
void layout_card_title (struct builder *b, const char *title);

/* An artisan's card: a framed table of translated labels and values,
   the values beside the labels when there is room, else under them. */
void layout_card_artisan (struct builder *b, const struct page_text *t);

/* An event's dates, then its place. */
void layout_card_event (struct builder *b, const struct page *page,
                        const struct page_text *t);

/* A section's (or home's) child pages, one button each, stacked. */
void layout_card_children (struct builder *b, const struct page *page);

#endif /* KIOSQUE_LAYOUT_PRIVATE_H */
