/* fuzz-wrap.c -- libFuzzer target for the wrap engine: any text at any
   width from 1 to 200, with wrap_paragraph's promises checked on every
   result, not only the absence of a crash.

   Input: the first byte picks the width; the rest, with invalid UTF-8
   and line feeds dropped and put in NFC, is the paragraph (what the
   contract in wrap.h accepts). */
#include "system.h"

#include "fuzz.h"
#include "text.h"
#include "wrap.h"

/* Is C white space (Unicode's White_Space)?  The wrapper may drop these
   at a break: ordinary and no-break spaces alike. */
static bool
is_white (uint32_t c)
{
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0
    || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
    || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Is S[A..B) (whole characters) white space only? */
static bool
all_white (const char *s, size_t a, size_t b)
{
  for (size_t i = a, k; i < b; i += k)
    if (!is_white (fuzz_char (s + i, &k)))
      return false;
  return true;
}

/* Is the grapheme cluster that starts at S[I] (BOUNDARY marks where
   clusters start) white space only?  A space that is part of a larger
   cluster, as in "\u0600 " or " \u0301", is something shown. */
static bool
white_cluster_at (const char *s, size_t n, const bool *boundary, size_t i)
{
  size_t end = i + 1;
  while (end < n && !boundary[end])
    end++;
  return all_white (s, i, end);
}

/* The start of the grapheme cluster that ends at I (I > 0). */
static size_t
cluster_before (const bool *boundary, size_t i)
{
  do
    i--;
  while (i > 0 && !boundary[i]);
  return i;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Reused across inputs, as the layout reuses it across paragraphs. */
  static struct wrap_lines lines = WRAP_LINES_INIT;
  if (size < 1)
    return 0;
  int width = 1 + data[0] % 200;
  size_t raw_len, n;
  char *raw = fuzz_utf8 (data + 1, size - 1, true, &raw_len);
  char *s = text_nfc (raw, raw_len, &n);
  free (raw);

  /* Grapheme cluster boundaries, walked from the start. */
  bool *boundary = xcalloc (n + 1, sizeof *boundary);
  for (size_t i = 0; i < n;)
    {
      boundary[i] = true;
      size_t g = text_grapheme_len (s + i, n - i);
      FUZZ_CHECK (g > 0 && g <= n - i);
      i += g;
    }
  boundary[n] = true;

  wrap_paragraph (s, n, width, &lines);
  FUZZ_CHECK (lines.count >= 1);
  size_t prev_end = 0;
  for (size_t i = 0; i < lines.count; i++)
    {
      const struct wrap_line *l = &lines.lines[i];
      const char *t = s + l->start;
      /* In order, inside the text, only white space left out between. */
      FUZZ_CHECK (l->start >= prev_end && l->start <= n);
      FUZZ_CHECK (l->len <= n - l->start);
      FUZZ_CHECK (all_white (s, prev_end, l->start));
      /* Never inside a grapheme cluster. */
      FUZZ_CHECK (boundary[l->start] && boundary[l->start + l->len]);
      /* Its width is what it shows, and it fits unless one cluster
         alone is wider. */
      FUZZ_CHECK (l->width == text_width (t, l->len));
      FUZZ_CHECK (l->width <= width
                  || text_grapheme_len (t, l->len) == l->len);
      /* No white space at the end; at the start only an indent that
         the paragraph itself begins with.  (White space: a cluster of
         white space characters only.) */
      if (l->len > 0)
        {
          size_t last = cluster_before (boundary, l->start + l->len);
          FUZZ_CHECK (!white_cluster_at (s, n, boundary, last));
          FUZZ_CHECK (l->start == 0
                      || !white_cluster_at (s, n, boundary, l->start));
        }
      else
        /* An empty line only for a paragraph with nothing to show. */
        FUZZ_CHECK (lines.count == 1 && all_white (s, 0, n));
      prev_end = l->start + l->len;
    }
  FUZZ_CHECK (all_white (s, prev_end, n));

  free (boundary);
  free (s);
  return 0;
}
