/* wrap-plain-test.c -- the fast paths of the text engine give exactly
   what the slow, general ones give.  wrap.c skips libunistring's
   grapheme and width look-ups for paragraphs of "plain" characters
   (text_is_plain), text_grapheme_len and text_width measure them
   without it, and
   text_nfc skips u8_normalize for text that is surely NFC already;
   for every character of those ranges, the results must not change. */
#include "system.h"

#include "check.h"
#include "text.h"
#include "wrap.h"

/* The ranges wrap.c's is_plain and text.c's surely_nfc take as plain,
   and a few characters around them. */
static const struct { unsigned lo, hi; } ranges[] = {
  { 0x0020, 0x0310 }, { 0x1DF0, 0x1F10 }, { 0x2000, 0x2070 },
  { 0x2180, 0x2210 }, { 0x24F0, 0x2610 }
};

/* Encode UC as UTF-8 into BUF; returns the length. */
static size_t
utf8 (unsigned uc, char *buf)
{
  if (uc < 0x80)
    {
      buf[0] = (char) uc;
      return 1;
    }
  if (uc < 0x800)
    {
      buf[0] = (char) (0xC0 | (uc >> 6));
      buf[1] = (char) (0x80 | (uc & 0x3F));
      return 2;
    }
  buf[0] = (char) (0xE0 | (uc >> 12));
  buf[1] = (char) (0x80 | ((uc >> 6) & 0x3F));
  buf[2] = (char) (0x80 | (uc & 0x3F));
  return 3;
}

/* The lines of S[0..N) wrapped to WIDTH as "start+len/width;" triples. */
static void
lines_of (const char *s, size_t n, int width, char *out, size_t size)
{
  struct wrap_lines lines = WRAP_LINES_INIT;
  wrap_paragraph (s, n, width, &lines);
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < lines.count && used < size; i++)
    used += (size_t) snprintf (out + used, size - used, "%zu+%zu/%d;",
                               lines.lines[i].start, lines.lines[i].len,
                               lines.lines[i].width);
  wrap_lines_free (&lines);
}

/* Check the character UC in a paragraph wrapped alone (the fast path when
   UC is plain) against the same paragraph followed by a CJK word, which
   takes the general path: same breaks, same lines, same widths. */
static void
check_char (unsigned uc)
{
  char c[4];
  size_t k = utf8 (uc, c);
  char p[64], q[80];
  size_t n = 0;
  /* "ab C C cd-C(C) «C» C" around the character. */
  static const char *const parts[] = { "ab ", "", " ", "", "cd-", "", "(", "", ") \xC2\xAB", "", "\xC2\xBB ", "" };
  for (size_t i = 0; i < ARRAY_SIZE (parts); i++)
    {
      const char *part = *parts[i] ? parts[i] : NULL;
      if (part)
        {
          memcpy (p + n, part, strlen (part));
          n += strlen (part);
        }
      else
        {
          memcpy (p + n, c, k);
          n += k;
        }
    }
  memcpy (q, p, n);
  memcpy (q + n, " \xE6\xBC\xA2\xE5\xAD\x97", 7);      /* " 漢字" */
  size_t qn = n + 7;

  char bp[64], bq[80];
  wrap_breaks (p, n, false, bp);
  wrap_breaks (q, qn, false, bq);
  bool same_breaks = memcmp (bp, bq, n) == 0;
  if (!same_breaks)
    fprintf (stderr, "U+%04X: breaks differ\n", uc);
  CHECK (same_breaks);

  /* Widths: the paragraph on one line measures what text_width says. */
  struct wrap_lines lines = WRAP_LINES_INIT;
  wrap_paragraph (p, n, 1000, &lines);
  bool one = lines.count == 1;
  CHECK (one);
  if (one)
    {
      int w = text_width (p + lines.lines[0].start, lines.lines[0].len);
      if (w != lines.lines[0].width)
        fprintf (stderr, "U+%04X: width %d, text_width %d\n", uc,
                 lines.lines[0].width, w);
      CHECK (w == lines.lines[0].width);
    }
  wrap_lines_free (&lines);

  /* text_width: the same as libunistring's, which measures it all
     when a wide character comes first. */
  char wq[80];
  memcpy (wq, "\xE6\xBC\xA2", 3);
  memcpy (wq + 3, p, n);
  int wide = text_width (wq, n + 3), alone = text_width (p, n);
  if (wide - 2 != alone)
    fprintf (stderr, "U+%04X: width %d alone, %d after a CJK character\n", uc,
             alone, wide - 2);
  CHECK (wide - 2 == alone);

  /* Narrow lines: the same cuts whichever path measured them. */
  for (int width = 1; width <= 6; width++)
    {
      char lp[512], lq[512];
      lines_of (p, n, width, lp, sizeof lp);
      lines_of (q, qn, width, lq, sizeof lq);
      /* Q's lines start with P's, but for P's last line, which Q's
         extra word may join. */
      size_t cut = 0;
      for (size_t i = 0; lp[i] && lp[i + 1]; i++)
        if (lp[i] == ';')
          cut = i + 1;
      bool prefix = strncmp (lp, lq, cut) == 0;
      if (!prefix)
        fprintf (stderr, "U+%04X width %d:\n  alone: %s\n  mixed: %s\n", uc,
                 width, lp, lq);
      CHECK (prefix);
    }

  /* Grapheme clusters: a plain character followed by a letter is
     measured as libunistring measures it followed by a CJK one. */
  char ca[8], cj[8];
  memcpy (ca, c, k);
  ca[k] = 'a';
  memcpy (cj, c, k);
  memcpy (cj + k, "\xE6\xBC\xA2", 3);
  size_t ga = text_grapheme_len (ca, k + 1), gj = text_grapheme_len (cj, k + 3);
  if (ga != gj)
    fprintf (stderr, "U+%04X: grapheme %zu before a letter, %zu before CJK\n",
             uc, ga, gj);
  CHECK (ga == gj);
  CHECK (text_is_plain (uc) == (ga == k && text_grapheme_len (c, k) == k
                                && text_width (c, k) == 1)
         || !text_is_plain (uc));

  /* NFC: the fast copy equals the normalised text. */
  size_t len;
  char *nfc = text_nfc (p, n, &len);
  char *nfc_q = text_nfc (q, qn, NULL);
  bool same_nfc = strncmp (nfc, nfc_q, len) == 0 && nfc_q[len] == ' ';
  if (!same_nfc)
    fprintf (stderr, "U+%04X: NFC differs\n", uc);
  CHECK (same_nfc);
  free (nfc);
  free (nfc_q);
}

int
main (void)
{
  for (size_t r = 0; r < ARRAY_SIZE (ranges); r++)
    for (unsigned uc = ranges[r].lo; uc < ranges[r].hi; uc++)
      if (uc != 0x7F && !(uc >= 0x80 && uc < 0xA0) && uc != 0x2028 && uc != 0x2029)
        check_char (uc);
  return check_finish ();
}
