/* wrap.h -- greedy line wrapping of one paragraph (UAX #14 breaks,
   grapheme-safe cuts, display widths). */
#ifndef KIOSQUE_WRAP_H
#define KIOSQUE_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct wrap_line
{
  size_t start;   /* byte offset into the paragraph */
  size_t len;     /* bytes; trailing spaces are not included */
  int width;      /* display columns of those bytes */
};

struct wrap_scratch;

struct wrap_lines
{
  struct wrap_line *lines;
  size_t count;
  size_t cap;
  /* wrap.c's working memory, kept from one call to the next so that
     wrapping many paragraphs allocates nothing per paragraph; freed by
     wrap_lines_free. */
  struct wrap_scratch *scratch;
};

#define WRAP_LINES_INIT { NULL, 0, 0, NULL }

/* Wrap the paragraph S[0..N) (NFC UTF-8, no newline) to WIDTH columns
   (WIDTH >= 1), replacing OUT's lines.  Guarantees: no line is wider
   than WIDTH unless it is a single grapheme cluster; no grapheme cluster
   is split; breaks only where UAX #14 allows one, and never next to
   U+00A0 or U+202F, inside "(...)" glued to a word, after a leading
   hyphen, or inside « ... »; a word wider than WIDTH is cut at grapheme
   boundaries; greedy: each line takes every word that fits.  Spaces at a
   break are dropped.  An empty paragraph gives one empty line. */
void wrap_paragraph (const char *s, size_t n, int width, struct wrap_lines *out);

/* Free LINES' lines and working memory, leaving it empty and reusable. */
void wrap_lines_free (struct wrap_lines *lines);

/* The break opportunities of S[0..N) (UTF-8): P[I] (0 < I < N) becomes 1
   where a line may start at byte I, else 0 (P[0] is 0).  With RAW, they
   are UAX #14's as libunistring implements it, hard breaks included (the
   Unicode conformance test checks these); without, after wrap.c's
   corrections, as wrap_paragraph uses them.  P has N bytes. */
void wrap_breaks (const char *s, size_t n, bool raw, char *p);

/* The --wrap=WIDTH filter: each line of IN is a paragraph; write its
   wrapped lines (NFC) to OUT.  Returns 0, or 1 after printing a
   translated message on invalid UTF-8 (the line is reported by number
   and skipped; the rest is still wrapped) or on a read or write error.
   A CR before the newline is dropped; a tab, U+2028 and U+2029 become a
   space; any other control character becomes U+FFFD, so that no escape
   sequence reaches the terminal and nothing disappears unseen. */
int wrap_filter (FILE *in, FILE *out, int width);

#endif /* KIOSQUE_WRAP_H */
