/* layout.h -- a page at a width and in a language becomes styled lines.
   Pure: no terminal; the screen and --dump draw the same lines. */
#ifndef KIOSQUE_LAYOUT_H
#define KIOSQUE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lang.h"
#include "model.h"

/* Style bits of a span; the view maps them to colours and attributes. */
enum
{
  LAYOUT_EMPH     = 1 << 0,     /* *emphasis* */
  LAYOUT_STRONG   = 1 << 1,     /* **strong** */
  LAYOUT_CODE     = 1 << 2,     /* `code` */
  LAYOUT_LINK     = 1 << 3,     /* an internal link, tappable */
  LAYOUT_URL      = 1 << 4,     /* an external link and its address */
  LAYOUT_TITLE    = 1 << 5,     /* the page title */
  LAYOUT_HEADING  = 1 << 6,     /* a heading in the body */
  LAYOUT_QUOTE    = 1 << 7,     /* block quote text and its bar */
  LAYOUT_LABEL    = 1 << 8,     /* a card's field label */
  LAYOUT_CARD     = 1 << 9,     /* a card's frame */
  LAYOUT_BUTTON   = 1 << 10,    /* a child-page button (frame and label) */
  LAYOUT_NOTICE   = 1 << 11,    /* "not available in this language" */
  LAYOUT_MUTED    = 1 << 12,    /* summaries, bullets, rules */
};

struct layout_span
{
  size_t start;         /* byte offset into the line's text */
  size_t len;
  unsigned style;       /* LAYOUT_* bits */
  int link;             /* index into layout->links, or -1 */
};

struct layout_line
{
  char *text;           /* UTF-8, NFC, no newline, no trailing space */
  int width;            /* display columns of TEXT */
  struct layout_span *spans;    /* cover TEXT in order, without gaps */
  size_t nspans;
  unsigned block;       /* which block of the page this line shows: the
                           same index in both languages when the two
                           files have the same structure (0 the title and
                           any notice, 1 the card or the event's dates,
                           2 the summary, 3... the body's top-level
                           blocks, then one per child-page button); an
                           empty line between blocks has the block above */
};

struct layout_link
{
  char *target;         /* page id (internal) or URL */
  bool internal;
  size_t first_line;    /* lines the link occupies, inclusive */
  size_t last_line;
};

struct layout
{
  int width;
  enum lang lang;               /* language of the text shown */
  bool fallback;                /* the page lacked LANG: the other is shown */
  struct layout_line *lines;
  size_t nlines;
  struct layout_link *links;
  size_t nlinks;
  unsigned nblocks;
};

/* Lay PAGE out at WIDTH columns (>= 1) in LANG.  Interface words (card
   labels, the missing-language notice) come from gettext, so the caller
   has set the messages language to LANG.  Never NULL; free with
   layout_free(). */
struct layout *layout_page (const struct site *site, const struct page *page,
                            enum lang lang, int width);

/* The first line showing block BLOCK, or else the first line of a later
   block (a block can be empty in one language, such as a summary), or
   else the last line; 0 when there are no lines. */
size_t layout_line_of_block (const struct layout *layout, unsigned block);

void layout_free (struct layout *layout);

/* Write the lines as plain text, one per line (what --dump prints). */
void layout_print (const struct layout *layout, FILE *out);

#endif /* KIOSQUE_LAYOUT_H */
