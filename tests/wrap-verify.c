/* wrap-verify.c -- check the output of `kiosque --wrap=N` against its
   input from the outside, for tests/wrap-filter.sh:
       wrap-verify N INPUT OUTPUT
   Every input line is a paragraph; its output lines must hold exactly
   its visible characters (in NFC), each line no wider than N columns
   unless it is one grapheme cluster, with no white space at either end,
   and filled greedily; an empty paragraph gives one empty line.  Prints
   each problem and exits 1 when there is one. */
#include "system.h"

#include "text.h"

static int problems;

/* Report a problem with output line LINENO. */
static void
problem (unsigned long lineno, const char *what, const char *line)
{
  if (problems++ < 20)
    fprintf (stderr, "output line %lu: %s: [%s]\n", lineno, what, line);
}

/* Whether the UTF-8 character at S is white space for the contract:
   space, tab, no-break spaces.  Sets *LEN to its byte length. */
static bool
white_at (const char *s, size_t *len)
{
  static const char *const whites[] = { " ", "\t", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x87" };
  for (size_t i = 0; i < ARRAY_SIZE (whites); i++)
    if (strncmp (s, whites[i], strlen (whites[i])) == 0)
      {
        *len = strlen (whites[i]);
        return true;
      }
  *len = 1;
  while (((unsigned char) s[*len] & 0xC0) == 0x80)
    (*len)++;
  return false;
}

/* S[0..N) without its white space, appended to OUT (NUL-terminated). */
static void
visible (const char *s, size_t n, char **out, size_t *out_len)
{
  *out = xrealloc (*out, *out_len + n + 1);
  for (size_t i = 0; i < n;)
    {
      size_t k;
      bool white = white_at (s + i, &k);
      if (!white)
        memcpy (*out + *out_len, s + i, k), *out_len += k;
      i += k;
    }
  (*out)[*out_len] = '\0';
}

/* Read one line of F without its newline; NULL at the end. */
static char *
read_line (FILE *f, size_t *len)
{
  char *line = NULL;
  size_t cap = 0;
  ssize_t got = getline (&line, &cap, f);
  if (got < 0)
    {
      free (line);
      return NULL;
    }
  *len = (size_t) got;
  if (*len > 0 && line[*len - 1] == '\n')
    line[--*len] = '\0';
  return line;
}

/* Width of the first space-delimited word of S. */
static int
first_word_width (const char *s)
{
  return text_width (s, strcspn (s, " "));
}

int
main (int argc, char **argv)
{
  if (argc != 4)
    {
      fprintf (stderr, "usage: wrap-verify N INPUT OUTPUT\n");
      return 2;
    }
  int width = atoi (argv[1]);
  FILE *in = fopen (argv[2], "r"), *out = fopen (argv[3], "r");
  if (!in || !out)
    {
      perror ("wrap-verify");
      return 2;
    }
  char *para, *line;
  size_t para_len, line_len;
  unsigned long lineno = 0;
  while ((para = read_line (in, &para_len)))
    {
      size_t nfc_len;
      char *nfc = text_nfc (para, para_len, &nfc_len);
      char *want = NULL, *got = NULL;
      size_t want_len = 0, got_len = 0;
      visible (nfc, nfc_len, &want, &want_len);
      char *prev = NULL;
      /* Take output lines until they hold the paragraph's characters. */
      do
        {
          line = read_line (out, &line_len);
          lineno++;
          if (!line)
            {
              problem (lineno, "output ends early", "");
              break;
            }
          size_t k, nfc_line_len;
          char *nfc_line = text_nfc (line, line_len, &nfc_line_len);
          if (nfc_line_len != line_len || memcmp (nfc_line, line, line_len) != 0)
            problem (lineno, "not in NFC", line);
          free (nfc_line);
          int w = text_width (line, line_len);
          if (w > width && text_grapheme_len (line, line_len) != line_len)
            problem (lineno, "wider than the width", line);
          if (line_len > 0 && white_at (line, &k))
            problem (lineno, "leading white space", line);
          for (size_t i = 0; i < line_len; i += k)
            if (white_at (line + i, &k) && i + k == line_len)
              problem (lineno, "trailing white space", line);
          if (prev && text_width (prev, strlen (prev)) + 1 + first_word_width (line) <= width)
            problem (lineno, "not greedy: its first word fitted on the line before", line);
          if (want_len == 0 && line_len != 0)
            problem (lineno, "an empty paragraph must give one empty line", line);
          visible (line, line_len, &got, &got_len);
          if (got_len > want_len || memcmp (got, want, got_len) != 0)
            {
              problem (lineno, "characters lost, changed or added", line);
              free (line);
              break;
            }
          free (prev);
          prev = line;
        }
      while (got_len < want_len);
      free (prev);
      free (want);
      free (got);
      free (nfc);
      free (para);
    }
  if ((line = read_line (out, &line_len)))
    {
      problem (lineno + 1, "more output than input", line);
      free (line);
    }
  fclose (in);
  fclose (out);
  return problems ? 1 : 0;
}
