/* fuzz.h -- what kiosque's libFuzzer targets (fuzz/fuzz-*.c) share: a
   check that aborts, so that libFuzzer keeps the input, and ways to
   turn arbitrary bytes into the text an interface accepts. */
#ifndef KIOSQUE_FUZZ_H
#define KIOSQUE_FUZZ_H

#include <stdint.h>

#include "text.h"

/* An invariant of the code under test: when it fails, say which and
   abort, which libFuzzer reports as a crash and saves the input of. */
#define FUZZ_CHECK(cond) \
  do { \
    if (!(cond)) { \
      fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
               #cond); \
      abort (); \
    } \
  } while (0)

/* DATA[0..SIZE) as valid UTF-8: every invalid sequence dropped, and
   with DROP_NEWLINES the line feeds too.  NUL-terminated; *LEN gets
   its length.  Caller frees. */
static inline char *
fuzz_utf8 (const uint8_t *data, size_t size, bool drop_newlines, size_t *len)
{
  char *out = xmalloc (size + 1);
  size_t n = 0, i = 0;
  while (i < size)
    {
      size_t bad = size - i;
      bool ok = text_valid_utf8 ((const char *) data + i, size - i, &bad);
      size_t good = ok ? size - i : bad;
      for (size_t k = 0; k < good; k++)
        if (!(drop_newlines && data[i + k] == '\n'))
          out[n++] = (char) data[i + k];
      /* Drop one byte: the rest of a bad sequence is dropped in turn,
         as each continuation byte alone is invalid too. */
      i += good + (ok ? 0 : 1);
    }
  out[n] = '\0';
  *len = n;
  return out;
}

/* The code point of the valid UTF-8 character at S, and its length in
   *K (S holds at least one whole character). */
static inline uint32_t
fuzz_char (const char *s, size_t *k)
{
  const unsigned char *u = (const unsigned char *) s;
  if (u[0] < 0x80)
    {
      *k = 1;
      return u[0];
    }
  if (u[0] < 0xE0)
    {
      *k = 2;
      return ((uint32_t) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
  if (u[0] < 0xF0)
    {
      *k = 3;
      return ((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6)
        | (u[2] & 0x3F);
    }
  *k = 4;
  return ((uint32_t) (u[0] & 0x07) << 18) | ((uint32_t) (u[1] & 0x3F) << 12)
    | ((uint32_t) (u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

/* How many lines DATA[0..SIZE) has, for an editor: each ends at a LF,
   a CR LF or a lone CR, and the last may have no end. */
static inline unsigned
fuzz_lines (const uint8_t *data, size_t size)
{
  unsigned lines = 1;
  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n' || (data[i] == '\r'
                                 && (i + 1 == size || data[i + 1] != '\n'));
  return lines;
}

/* Is S[0..N) in NFC (and valid UTF-8)? */
static inline bool
fuzz_is_nfc (const char *s, size_t n)
{
  if (!text_valid_utf8 (s, n, NULL))
    return false;
  size_t len;
  char *nfc = text_nfc (s, n, &len);
  bool same = len == n && memcmp (nfc, s, n) == 0;
  free (nfc);
  return same;
}

/* Does the NUL-terminated S hold a control character other than tab,
   CR and LF (C0, DEL, C1)?  Those would reach the terminal as escapes. */
static inline bool
fuzz_has_control (const char *s)
{
  for (size_t i = 0; s[i];)
    {
      size_t k;
      uint32_t c = fuzz_char (s + i, &k);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || (c >= 0x7F && c < 0xA0))
        return true;
      i += k;
    }
  return false;
}

#endif /* KIOSQUE_FUZZ_H */
