/* unicode-conformance-test.c -- the engine's line breaks and grapheme
   clusters against Unicode's own test files (Debian's unicode-data,
   Unicode 15.0).  libunistring 1.0 implements older versions of UAX #14
   and UAX #29, and makes a few choices of its own, so some cases fail:
   each is listed in unicode-conformance-known.h with the reason.
   The test fails on any failure not listed, and on a listed case that
   starts passing (the list must then shrink).  Set CONFORMANCE_VERBOSE=1
   to print every failing case. */
#include "system.h"

#include <ctype.h>

#include "check.h"
#include "text.h"
#include "wrap.h"

#define UCD_DIR "/usr/share/unicode/auxiliary"

/* A known failure: a line of a test file, and why libunistring 1.0 fails it. */
struct known
{
  const char *file;
  int first, last;              /* a range of line numbers, inclusive */
  const char *reason;
};

static const struct known known_failures[] = {
#include "unicode-conformance-known.h"
};

/* Which known entry covers LINE of FILE, or NULL. */
static const struct known *
find_known (const char *file, int line)
{
  for (size_t i = 0; i < ARRAY_SIZE (known_failures); i++)
    if (strcmp (known_failures[i].file, file) == 0
        && known_failures[i].first <= line && line <= known_failures[i].last)
      return &known_failures[i];
  return NULL;
}

/* One test case: the string, where each code point starts, and the
   expected break before each code point. */
struct test_case
{
  char text[512];
  size_t len;
  size_t start[128];            /* byte offset of each code point, then len */
  bool brk[128];                /* expected break before code point k */
  size_t count;                 /* code points */
  char rules[128][16];          /* the rule the file names for each position */
};

/* Append code point C to T in UTF-8; false when it cannot be encoded. */
static bool
add_code_point (struct test_case *t, unsigned long c)
{
  unsigned char *u = (unsigned char *) t->text + t->len;
  size_t k;
  if (c >= 0xD800 && c <= 0xDFFF)
    return false;
  if (t->len + 4 >= sizeof t->text || t->count + 1 >= ARRAY_SIZE (t->start))
    return false;
  if (c < 0x80)
    u[0] = c, k = 1;
  else if (c < 0x800)
    u[0] = 0xC0 | (c >> 6), u[1] = 0x80 | (c & 0x3F), k = 2;
  else if (c < 0x10000)
    u[0] = 0xE0 | (c >> 12), u[1] = 0x80 | ((c >> 6) & 0x3F),
      u[2] = 0x80 | (c & 0x3F), k = 3;
  else
    u[0] = 0xF0 | (c >> 18), u[1] = 0x80 | ((c >> 12) & 0x3F),
      u[2] = 0x80 | ((c >> 6) & 0x3F), u[3] = 0x80 | (c & 0x3F), k = 4;
  t->start[t->count++] = t->len;
  t->len += k;
  return true;
}

/* Parse one line "× 0023 ÷ 2014 ÷ # ... [0.3] ... [999.0] ..." into T;
   false for comments, blank lines and strings UTF-8 cannot hold. */
static bool
parse_case (const char *line, struct test_case *t)
{
  memset (t, 0, sizeof *t);
  const char *p = line, *hash = strchr (line, '#');
  const char *end = hash ? hash : line + strlen (line);
  bool pending = false;
  while (p < end)
    {
      if (strncmp (p, "\xC3\xB7", 2) == 0)              /* ÷ */
        pending = true, p += 2;
      else if (strncmp (p, "\xC3\x97", 2) == 0)         /* × */
        pending = false, p += 2;
      else if (isxdigit ((unsigned char) *p))
        {
          char *after;
          unsigned long c = strtoul (p, &after, 16);
          t->brk[t->count] = pending;
          if (!add_code_point (t, c))
            return false;
          p = after;
        }
      else
        p++;
    }
  if (t->count == 0)
    return false;
  t->start[t->count] = t->len;
  /* The rules, one per position from the start of text to its end. */
  size_t k = 0;
  for (const char *r = hash ? strchr (hash, '[') : NULL; r && k <= t->count;
       r = strchr (r + 1, '['))
    {
      size_t n = strcspn (r + 1, "]");
      snprintf (t->rules[k++], sizeof t->rules[0], "%.*s", (int) n, r + 1);
    }
  return true;
}

/* The engine's breaks before each code point of T: line breaks from
   wrap_breaks (raw UAX #14), or cluster starts from text_grapheme_len. */
static void
engine_breaks (const struct test_case *t, bool line_breaks, bool *got)
{
  char *at = xcalloc (t->len + 1, 1);
  if (line_breaks)
    wrap_breaks (t->text, t->len, true, at);
  else
    for (size_t i = 0; i < t->len; i += text_grapheme_len (t->text + i, t->len - i))
      at[i] = i > 0;
  for (size_t k = 0; k < t->count; k++)
    got[k] = at[t->start[k]];
  free (at);
}

/* Run one test file: print how many cases pass of how many, and check
   that every failure is a known one and every known one still fails. */
static void
run_file (const char *name, bool line_breaks, bool verbose)
{
  char *path = xasprintf ("%s/%s", UCD_DIR, name);
  FILE *f = fopen (path, "r");
  if (!f)
    {
      printf ("%s: missing, skipped\n", path);
      free (path);
      return;
    }
  char *line = NULL;
  size_t cap = 0;
  int lineno = 0, cases = 0, passed = 0, known = 0, unexpected = 0, fixed = 0;
  struct test_case t;
  while (getline (&line, &cap, f) != -1)
    {
      lineno++;
      if (line[0] == '#' || !parse_case (line, &t))
        continue;
      cases++;
      bool got[128];
      engine_breaks (&t, line_breaks, got);
      size_t bad = 0;
      /* Position 0 (start of text) is never a break; compare the rest. */
      for (size_t k = 1; k < t.count && !bad; k++)
        if (got[k] != t.brk[k])
          bad = k;
      const struct known *kn = find_known (name, lineno);
      if (!bad)
        {
          passed++;
          if (kn)
            {
              fixed++;
              printf ("%s:%d: listed as failing (%s) but passes: shrink the list\n",
                      name, lineno, kn->reason);
            }
          continue;
        }
      if (kn)
        known++;
      else
        unexpected++;
      if (verbose || !kn)
        printf ("%s:%d: %s: before code point %zu, rule [%s] wants %s%s%s\n",
                name, lineno, kn ? "known" : "UNEXPECTED failure", bad + 1,
                t.rules[bad], t.brk[bad] ? "a break" : "no break",
                kn ? ", " : "", kn ? kn->reason : "");
    }
  fclose (f);
  free (line);
  printf ("%s: %d of %d cases pass; %d known failures (listed with their "
          "reasons), %d unexpected\n", name, passed, cases, known, unexpected);
  CHECK (cases > 0);
  CHECK (unexpected == 0);
  CHECK (fixed == 0);
  free (path);
}

int
main (void)
{
  char *lb = xasprintf ("%s/LineBreakTest.txt", UCD_DIR);
  char *gb = xasprintf ("%s/GraphemeBreakTest.txt", UCD_DIR);
  FILE *a = fopen (lb, "r"), *b = fopen (gb, "r");
  bool present = a && b;
  if (a)
    fclose (a);
  if (b)
    fclose (b);
  free (lb);
  free (gb);
  if (!present)
    {
      printf ("Unicode test files not found in %s (Debian package unicode-data): skipped\n",
              UCD_DIR);
      return 77;
    }
  const char *v = getenv ("CONFORMANCE_VERBOSE");
  bool verbose = v && *v && strcmp (v, "0") != 0;
  run_file ("LineBreakTest.txt", true, verbose);
  run_file ("GraphemeBreakTest.txt", false, verbose);
  return check_finish ();
}
