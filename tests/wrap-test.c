/* wrap-test.c -- the wrapper as a reader sees it: the exact lines for
   each defect of raw libunistring 1.0 that wrap.c corrects, then the
   --wrap contract checked on real French and Vietnamese prose (NFC and
   NFD) at every width from 1 to 120. */
#include "system.h"

#include "check.h"
#include "strbuf.h"
#include "text.h"
#include "wrap.h"

#define NN "\xE2\x80\xAF"       /* U+202F NARROW NO-BREAK SPACE */
#define NB "\xC2\xA0"           /* U+00A0 NO-BREAK SPACE */

/* The lines of S wrapped to WIDTH, joined with '|', in a static buffer. */
static const char *
wrapped (const char *s, int width)
{
  static char buf[4096];
  struct wrap_lines lines = WRAP_LINES_INIT;
  size_t n = strlen (s), used = 0;
  wrap_paragraph (s, n, width, &lines);
  buf[0] = '\0';
  for (size_t i = 0; i < lines.count; i++)
    {
      const struct wrap_line *l = &lines.lines[i];
      int w = text_width (s + l->start, l->len);
      if (w != l->width)
        {
          snprintf (buf, sizeof buf, "(line %zu: width %d, measured %d)", i, l->width, w);
          break;
        }
      used += (size_t) snprintf (buf + used, sizeof buf - used, "%s%.*s",
                                 i ? "|" : "", (int) l->len, s + l->start);
      if (used >= sizeof buf)
        break;
    }
  wrap_lines_free (&lines);
  return buf;
}

/* Each defect of libunistring 1.0 listed in issue 2, with what its raw
   output was and the lines a reader must get instead. */
static void
test_defects (void)
{
  /* Lines one column short: it counted the space after the last word.
     Raw: "abc def|ghi jkl" at 11. */
  CHECK_STR (wrapped ("abc def ghi jkl", 11), "abc def ghi|jkl");
  CHECK_STR (wrapped ("Huế là một cố đô", 10), "Huế là một|cố đô");
  CHECK_STR (wrapped ("Huế là một cố đô", 9), "Huế là|một cố đô");

  /* A word wider than the line overflowed; now it is cut between
     grapheme clusters, and a cluster is never split. */
  CHECK_STR (wrapped ("Nguyễn", 4), "Nguy|ễn");
  CHECK_STR (wrapped ("Nguye\xCC\x82\xCC\x83n", 4), "Nguy|e\xCC\x82\xCC\x83n");
  CHECK_STR (wrapped ("Nguye\xCC\x82\xCC\x83n", 5), "Nguye\xCC\x82\xCC\x83|n");
  CHECK_STR (wrapped ("ab verylongword", 6), "ab|verylo|ngword");
  CHECK_STR (wrapped ("abcdefghijklmnop qr", 5), "abcde|fghij|klmno|p qr");
  /* Wide characters: a line may hold fewer columns, never more; a
     single cluster wider than the line goes alone. */
  CHECK_STR (wrapped ("順化順化", 3), "順|化|順|化");
  CHECK_STR (wrapped ("順化順化", 1), "順|化|順|化");
  CHECK_STR (wrapped ("順化順化", 4), "順化|順化");

  /* Breaks it allowed that must not happen.  Inside apt.conf(5): raw
     libunistring breaks after "apt.". */
  CHECK_STR (wrapped ("voir apt.conf(5) ici", 11), "voir|apt.conf(5)|ici");
  CHECK_STR (wrapped ("voir apt.conf(5) ici", 15), "voir|apt.conf(5) ici");
  CHECK_STR (wrapped ("la page kiosque(1) ici", 12), "la page|kiosque(1)|ici");
  /* After a leading hyphen: raw breaks "gcc -|fPIC". */
  CHECK_STR (wrapped ("gcc -fPIC -o x", 5), "gcc|-fPIC|-o x");
  CHECK_STR (wrapped ("x --wrap", 6), "x|--wrap");
  /* ...but a hyphen inside a word still allows a break after it. */
  CHECK_STR (wrapped ("Thừa Thiên-Huế", 11), "Thừa Thiên-|Huế");
  CHECK_STR (wrapped ("Thừa Thiên-Huế", 10), "Thừa|Thiên-Huế");
  /* Before U+202F »: raw breaks "oui|\u202F» fin" after an ordinary space. */
  CHECK_STR (wrapped ("oui " NN "» fin", 7), "oui " NN "»|fin");
  CHECK_STR (wrapped ("oui " NN "» fin", 5), "ou|i " NN "»|fin");
  CHECK_STR (wrapped ("il dit «" NN "oui" NN "» et part", 10),
             "il dit|«" NN "oui" NN "» et|part");
  /* Inside « ... » with ordinary spaces: raw gives "Il a dit «|oui » et". */
  CHECK_STR (wrapped ("Il a dit « oui » et", 11), "Il a dit|« oui » et");
  CHECK_STR (wrapped ("« Bonjour » dit-il", 12), "« Bonjour »|dit-il");
  CHECK_STR (wrapped ("« Bonjour » dit-il", 9), "« Bonjou|r » dit-|il");

  /* Never next to a no-break space... */
  CHECK_STR (wrapped ("environ 600" NB "000 habitants", 12), "environ|600" NB "000|habitants");
  CHECK_STR (wrapped ("a" NB " b", 2), "a|b");
  CHECK_STR (wrapped ("x " NB "y z", 3), "x|y z");
  /* ...unless the glued group is wider than the line: then the cut is
     made at the no-break space, which disappears like a space. */
  CHECK_STR (wrapped ("600" NB "000 habitants", 5), "600|000|habit|ants");
  /* French punctuation never starts a line, « never ends one. */
  CHECK_STR (wrapped ("Pourquoi Hué" NN "?", 10), "Pourquoi|Hué" NN "?");
  CHECK_STR (wrapped ("Pourquoi Hué ?", 12), "Pourquoi|Hué ?");
  CHECK_STR (wrapped ("Quoi" NN "?! Non", 4), "Quo|i" NN "?!|Non");
  CHECK_STR (wrapped ("Note : voir", 5), "Not|e :|voir");

  /* Edges: empty, spaces only, trailing spaces, indent, hard break. */
  CHECK_STR (wrapped ("", 10), "");
  CHECK_STR (wrapped ("   ", 10), "");
  CHECK_STR (wrapped ("abc   ", 10), "abc");
  CHECK_STR (wrapped ("abc" NB, 10), "abc");
  CHECK_STR (wrapped ("  abc def", 20), "  abc def");
  CHECK_STR (wrapped ("  abc def", 4), "abc|def");
  CHECK_STR (wrapped ("ab\xE2\x80\xA8" "cd", 10), "ab|cd");
  CHECK_STR (wrapped ("a  b", 1), "a|b");
  CHECK_STR (wrapped ("abc", 0), "a|b|c");         /* width < 1 is 1 */

  struct wrap_lines lines = WRAP_LINES_INIT;
  wrap_paragraph ("", 0, 5, &lines);
  CHECK (lines.count == 1 && lines.lines[0].len == 0 && lines.lines[0].width == 0);
  wrap_paragraph ("abc def", 7, 3, &lines);       /* OUT's lines are replaced */
  CHECK (lines.count == 2 && lines.lines[1].start == 4 && lines.lines[1].len == 3);
  wrap_lines_free (&lines);
  CHECK (lines.lines == NULL && lines.count == 0);
}

/* Run the --wrap filter over IN_TEXT at WIDTH; returns its output (caller
   frees) and its status in *STATUS; stderr goes to *ERR_OUT (freed by the caller). */
static char *
filter (const char *in_text, size_t n, int width, int *status, char **err_out)
{
  FILE *in = fmemopen ((void *) in_text, n, "r");
  char *out_buf = NULL, *err_buf = NULL;
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream (&out_buf, &out_len);
  FILE *err = open_memstream (&err_buf, &err_len);
  FILE *saved = stderr;
  stderr = err;
  *status = wrap_filter (in, out, width);
  stderr = saved;
  fclose (in);
  fclose (out);
  fclose (err);
  if (err_out)
    *err_out = err_buf;
  else
    free (err_buf);
  return out_buf;
}

static void
test_filter (void)
{
  int status;
  char *err;
  char *out = filter ("abc def\n\nghi\n", 13, 3, &status, &err);
  CHECK_STR (out, "abc\ndef\n\nghi\n");
  CHECK (status == 0);
  CHECK_STR (err, "");
  free (out);
  free (err);

  /* Tabs become spaces, other controls U+FFFD, CR LF endings are read,
     NFD comes out NFC, and a last line without newline still counts. */
  const char *in = "a\tb\r\nx\x1b[31my\nHue\xCC\x81";
  out = filter (in, strlen (in), 20, &status, NULL);
  CHECK_STR (out, "a b\nx\xEF\xBF\xBD[31my\nHué\n");
  CHECK (status == 0);
  free (out);

  /* Invalid UTF-8: reported with its line number, skipped, the rest
     wrapped, status 1. */
  in = "un deux\nbad \xC3\x28 line\ntrois quatre\n";
  out = filter (in, strlen (in), 5, &status, &err);
  CHECK_STR (out, "un\ndeux\ntrois\nquatr\ne\n");
  CHECK (status == 1);
  CHECK (err && strstr (err, ":2:") != NULL);
  CHECK (err && strstr (err, ":1:") == NULL && strstr (err, ":3:") == NULL);
  free (out);
  free (err);

  /* Lines that begin like plain prose and turn out otherwise part way
     (the filter's fast pass gives them up to the general one): an
     arrow and box drawing (plain, NFC, but not taken as surely so), an
     overlong space, a surrogate, a sequence cut by the line's end, a C1
     control, a soft hyphen, leading no-break spaces. */
  in = "ok \xE2\x86\x92 fin \xE2\x94\x80\xE2\x94\x80\n"
       "x \xE0\x80\xA0y\nsur \xED\xA0\x80\nabc \xE1\xBA\n"
       "a\xC2\x85" "b\nco\xC2\xAD" "op\n\xC2\xA0\xC2\xA0" "abc def\n";
  out = filter (in, strlen (in), 5, &status, &err);
  CHECK_STR (out, "ok \xE2\x86\x92\nfin\n\xE2\x94\x80\xE2\x94\x80\n"
                  "a\xEF\xBF\xBD" "b\nco\xC2\xAD" "op\n"
                  "\xC2\xA0\xC2\xA0" "abc\ndef\n");
  CHECK (status == 1);
  CHECK (err && strstr (err, ":2: invalid UTF-8 at byte 3;") != NULL);
  CHECK (err && strstr (err, ":3: invalid UTF-8 at byte 5;") != NULL);
  CHECK (err && strstr (err, ":4: invalid UTF-8 at byte 5;") != NULL);
  free (out);
  free (err);

  /* A NUL byte in a line is a control character, not an end. */
  out = filter ("a\0b\n", 4, 10, &status, NULL);
  CHECK_STR (out, "a\xEF\xBF\xBD" "b\n");
  free (out);

  out = filter ("", 0, 10, &status, NULL);
  CHECK_STR (out, "");
  CHECK (status == 0);
  free (out);
}

/* The whole of file NAME under $srcdir/tests/fixtures, NUL-terminated. */
static char *
read_fixture (const char *name, size_t *len)
{
  const char *srcdir = getenv ("srcdir");
  char *path = xasprintf ("%s/tests/fixtures/%s", srcdir ? srcdir : ".", name);
  FILE *f = fopen (path, "rb");
  if (!f)
    {
      fprintf (stderr, "cannot open %s\n", path);
      exit (99);
    }
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  do
    {
      XGROW (buf, cap, n + 4096);
      got = fread (buf + n, 1, cap - n - 1, f);
      n += got;
    }
  while (got > 0);
  fclose (f);
  free (path);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* The character starting at S[I] (a small decoder: the test checks the
   engine, so it does not use the engine's own library). */
static uint32_t
decode (const char *s, size_t n, size_t i, size_t *len)
{
  const unsigned char *u = (const unsigned char *) s + i;
  size_t k = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
  if (i + k > n)
    k = n - i;
  uint32_t c = k == 1 ? u[0] : k == 2 ? u[0] & 0x1F : k == 3 ? u[0] & 0x0F : u[0] & 0x07;
  for (size_t j = 1; j < k; j++)
    c = (c << 6) | (u[j] & 0x3F);
  *len = k;
  return c;
}

/* The character that ends at S[I]. */
static uint32_t
decode_before (const char *s, size_t n, size_t i)
{
  size_t j = i - 1, k;
  while (j > 0 && ((unsigned char) s[j] & 0xC0) == 0x80)
    j--;
  return decode (s, n, j, &k);
}

static bool
is_nobreak (uint32_t c)
{
  return c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static bool
is_white (uint32_t c)
{
  return c == ' ' || c == '\t' || is_nobreak (c);
}

static bool
is_french_closer (uint32_t c)
{
  return c == 0x00BB || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Whether every character of S[A..B) is white space. */
static bool
all_white (const char *s, size_t n, size_t a, size_t b)
{
  while (a < b)
    {
      size_t k;
      if (!is_white (decode (s, n, a, &k)))
        return false;
      a += k;
    }
  return true;
}

/* Whether S[A..B) holds a no-break space. */
static bool
has_nobreak (const char *s, size_t n, size_t a, size_t b)
{
  while (a < b)
    {
      size_t k;
      if (is_nobreak (decode (s, n, a, &k)))
        return true;
      a += k;
    }
  return false;
}

static int property_failures;

/* Report a broken property once per paragraph and width. */
#define PROPERTY(cond, what) \
  do { \
    check_count++; \
    if (!(cond)) { \
      check_failures++; \
      if (property_failures++ < 20) \
        fprintf (stderr, "%s, width %d, line %zu: %s\n  [%.*s]\n", label, width, k, what, \
                 (int) l->len, s + l->start); \
    } \
  } while (0)

/* Check every promise of wrap.h for the paragraph S[0..N) at WIDTH. */
static void
check_properties (const char *label, const char *s, size_t n, int width)
{
  struct wrap_lines lines = WRAP_LINES_INIT;
  wrap_paragraph (s, n, width, &lines);

  /* Grapheme boundaries of the whole paragraph, found cluster by cluster. */
  char *boundary = xcalloc (n + 1, 1);
  for (size_t i = 0; i < n; i += text_grapheme_len (s + i, n - i))
    boundary[i] = 1;
  boundary[n] = 1;

  size_t prev_end = 0;
  for (size_t k = 0; k < lines.count; k++)
    {
      const struct wrap_line *l = &lines.lines[k];
      size_t end = l->start + l->len, ck;
      PROPERTY (end <= n && l->start >= prev_end, "lines out of order");
      if (end > n || l->start < prev_end)
        break;
      /* Nothing but dropped spaces between lines: no character lost. */
      PROPERTY (all_white (s, n, prev_end, l->start), "text lost between lines");
      PROPERTY (boundary[l->start] && boundary[end], "grapheme cluster split");
      int w = text_width (s + l->start, l->len);
      PROPERTY (w == l->width, "width field wrong");
      PROPERTY (w <= width || text_grapheme_len (s + l->start, l->len) == l->len,
                "line wider than the width");
      if (l->len > 0)
        {
          PROPERTY (!is_white (decode_before (s, n, end)), "trailing white space");
          PROPERTY (!is_white (decode (s, n, l->start, &ck)), "leading white space");
        }
      if (k + 1 < lines.count)
        {
          const struct wrap_line *next = &lines.lines[k + 1];
          /* Greedy: the next line's first word, with the space before it,
             would not have fitted. */
          size_t piece = next->start;
          while (piece < next->start + next->len && s[piece] != ' ')
            piece++;
          PROPERTY (text_width (s + l->start, piece - l->start) > width,
                    "not greedy: the next word would have fitted");
          /* No break next to a no-break space, unless the group glued by
             no-break spaces (between ordinary spaces) is itself too wide. */
          size_t a = end, z = next->start;
          while (a > 0 && s[a - 1] != ' ')
            a--;
          while (z < n && s[z] != ' ')
            z++;
          bool glued_too_wide = text_width (s + a, z - a) > width;
          PROPERTY (!has_nobreak (s, n, end, next->start) || glued_too_wide,
                    "break next to a no-break space");
          /* French closing punctuation never starts a line, « never ends
             one, unless the glued group "x » ?!" does not fit at all. */
          size_t g = end;
          while (g > l->start && !boundary[g - 1])
            g--;
          if (g > l->start)
            g--;
          while (g > l->start && !boundary[g])
            g--;
          size_t p = next->start;
          while (p < next->start + next->len && is_french_closer (decode (s, n, p, &ck)))
            p += ck;
          if (p > next->start)
            PROPERTY (text_width (s + g, p - g) > width, "line starts with » ; : ! or ?");
          if (decode_before (s, n, end) == 0x00AB)
            PROPERTY (text_width (s + g, next->start + text_grapheme_len (s + next->start, n - next->start) - g) > width,
                      "line ends with «");
        }
      prev_end = end;
    }
  size_t k = lines.count;
  const struct wrap_line *l = lines.count ? &lines.lines[k - 1] : NULL;
  PROPERTY (lines.count >= 1, "no line");
  if (l)
    PROPERTY (all_white (s, n, prev_end, n), "text lost at the end");
  free (boundary);
  wrap_lines_free (&lines);
}

/* Every property on every paragraph of the fixture NAME at widths 1 to 120. */
static void
check_prose (const char *name)
{
  size_t len;
  char *text = read_fixture (name, &len);
  size_t paragraphs = 0;
  for (char *p = text, *nl; p < text + len; p = nl + 1)
    {
      nl = memchr (p, '\n', (size_t) (text + len - p));
      if (!nl)
        nl = text + len;
      paragraphs++;
      for (int width = 1; width <= 120; width++)
        {
          char label[64];
          snprintf (label, sizeof label, "%s paragraph %zu", name, paragraphs);
          check_properties (label, p, (size_t) (nl - p), width);
        }
    }
  CHECK (paragraphs >= 5);
  free (text);
}

/* An NFD copy of a fixture wraps exactly like the NFC file. */
static void
check_nfd_same (const char *nfc_name, const char *nfd_name)
{
  size_t nfc_len, nfd_len, norm_len;
  char *nfc = read_fixture (nfc_name, &nfc_len);
  char *nfd = read_fixture (nfd_name, &nfd_len);
  /* The copy really is decomposed, and composes back to the NFC file. */
  CHECK (nfd_len > nfc_len);
  char *norm = text_nfc (nfd, nfd_len, &norm_len);
  CHECK (norm_len == nfc_len && memcmp (norm, nfc, nfc_len) == 0);
  free (norm);
  for (int width = 1; width <= 120; width++)
    {
      int s1, s2;
      char *a = filter (nfc, nfc_len, width, &s1, NULL);
      char *b = filter (nfd, nfd_len, width, &s2, NULL);
      CHECK (s1 == 0 && s2 == 0);
      CHECK (strcmp (a, b) == 0);
      free (a);
      free (b);
    }
  free (nfc);
  free (nfd);
}

/* Long runs that no opportunity breaks: closers, hyphens, no-break
   spaces.  Each cut once walked the whole run (quadratic: a 1 MB page
   of them never finished).  The typographic promises cannot all hold
   in such a run (a line of "!" must start with "!"), so these are the
   hard ones: every line in order and within the width, no grapheme
   split, no visible character lost. */
static void
test_long_runs (void)
{
  static const char *const unit[] = { "!", "-", NB, NN, NB "!", "-" NB };
  for (size_t u = 0; u < ARRAY_SIZE (unit); u++)
    {
      struct strbuf run = STRBUF_INIT;
      strbuf_adds (&run, "mot ");
      for (int i = 0; i < 5000; i++)
        strbuf_adds (&run, unit[u]);
      strbuf_adds (&run, "b fin");
      const char *s = run.s;
      size_t n = run.len;
      char *boundary = xcalloc (n + 1, 1);
      for (size_t i = 0; i < n; i += text_grapheme_len (s + i, n - i))
        boundary[i] = 1;
      boundary[n] = 1;
      const int widths[] = { 1, 7, 20 };
      for (size_t w = 0; w < ARRAY_SIZE (widths); w++)
        {
          struct wrap_lines lines = WRAP_LINES_INIT;
          wrap_paragraph (s, n, widths[w], &lines);
          size_t prev_end = 0;
          bool ok = lines.count > 0;
          for (size_t k = 0; ok && k < lines.count; k++)
            {
              const struct wrap_line *l = &lines.lines[k];
              size_t end = l->start + l->len;
              ok = l->start >= prev_end && end <= n
                && all_white (s, n, prev_end, l->start)
                && text_width (s + l->start, l->len) == l->width
                && l->width <= widths[w]
                && boundary[l->start] && boundary[end];
              prev_end = end;
            }
          ok = ok && all_white (s, n, prev_end, n);
          if (!ok)
            printf ("run of '%s' at width %d: lines break a promise\n",
                    unit[u], widths[w]);
          CHECK (ok);
          wrap_lines_free (&lines);
        }
      free (boundary);
      strbuf_free (&run);
    }
}

int
main (void)
{
  test_defects ();
  test_filter ();
  test_long_runs ();
  check_prose ("prose.fr.txt");
  check_prose ("prose.vi.txt");
  check_prose ("prose.fr.nfd.txt");
  check_prose ("prose.vi.nfd.txt");
  check_nfd_same ("prose.fr.txt", "prose.fr.nfd.txt");
  check_nfd_same ("prose.vi.txt", "prose.vi.nfd.txt");
  return check_finish ();
}
