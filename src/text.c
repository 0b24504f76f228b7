/* text.c -- the Unicode text engine: validation, NFC, widths, grapheme
   clusters, search folding and French spacing, over libunistring. */
#include "system.h"

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "strbuf.h"
#include "text.h"

#define NBSP 0x00A0             /* NO-BREAK SPACE */
#define NNBSP 0x202F            /* NARROW NO-BREAK SPACE */

/* Whether S is valid UTF-8, with where it stops being so. */
bool
text_valid_utf8 (const char *s, size_t n, size_t *bad)
{
  const uint8_t *first_bad = u8_check ((const uint8_t *) s, n);
  if (!first_bad)
    return true;
  if (bad)
    *bad = (size_t) (first_bad - (const uint8_t *) s);
  return false;
}

/* Copy the libunistring result R of length LEN into a fresh NUL-terminated
   string; R may be NULL when LEN is 0.  Exits like xalloc when the library
   ran out of memory. */
static char *
own_result (uint8_t *r, size_t len, size_t *out_len)
{
  char *out = xmalloc (len + 1);
  if (len)
    memcpy (out, r, len);
  out[len] = '\0';
  free (r);
  if (out_len)
    *out_len = len;
  return out;
}

/* Stop the program the way xalloc does when libunistring could not
   allocate (its only failure on valid input). */
static void
library_failure (void)
{
  fprintf (stderr, "%s: %s\n", PACKAGE, strerror (errno));
  exit (1);
}

/* Whether valid UTF-8 S[0..N) is surely in NFC already: it holds only
   characters below U+0300 (ASCII, Latin-1, Latin Extended-A and -B:
   French and most Vietnamese letters), in U+1E00..U+1EFF (Vietnamese
   letters with tone marks) or in U+2010..U+2064 (dashes, quotes, narrow
   no-break space).  None of these changes under NFC, none has a
   combining class, and none is the second character of a composition,
   so a text made of them alone is its own NFC.  Lets prose skip
   u8_normalize, the costliest step of --wrap and of loading. */
static bool
surely_nfc (const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0;
  while (i < n)
    {
      unsigned char b = u[i];
      if (b < 0x80)
        i++;
      else if (b >= 0xC2 && b < 0xCC && i + 1 < n && (u[i + 1] & 0xC0) == 0x80)
        i += 2;                 /* U+0080..U+02FF */
      else if (b == 0xE1 && i + 2 < n && u[i + 1] >= 0xB8 && u[i + 1] <= 0xBB
               && (u[i + 2] & 0xC0) == 0x80)
        i += 3;                 /* U+1E00..U+1EFF */
      else if (b == 0xE2 && i + 2 < n
               && ((u[i + 1] == 0x80 && u[i + 2] >= 0x90 && u[i + 2] <= 0xBF)
                   || (u[i + 1] == 0x81 && u[i + 2] >= 0x80 && u[i + 2] <= 0xA4)))
        i += 3;                 /* U+2010..U+2064 */
      else
        return false;
    }
  return true;
}

/* S[0..N) in normal form FORM, NUL-terminated.  Invalid UTF-8 (a
   caller's mistake) comes back as it is, never a crash. */
static char *
normalize (uninorm_t form, const char *s, size_t n, size_t *out_len)
{
  size_t len = 0;
  if (n == 0)
    return own_result (NULL, 0, out_len);
  uint8_t *r = u8_normalize (form, (const uint8_t *) s, n, NULL, &len);
  if (r)
    return own_result (r, len, out_len);
  if (errno != EILSEQ)
    library_failure ();
  if (out_len)
    *out_len = n;
  return xstrndup (s, n);
}

/* S composed (NFC), the form every page and paragraph is kept in. */
char *
text_nfc (const char *s, size_t n, size_t *out_len)
{
  if (n > 0 && surely_nfc (s, n))
    {
      if (out_len)
        *out_len = n;
      return xstrndup (s, n);
    }
  return normalize (UNINORM_NFC, s, n, out_len);
}

bool
text_is_plain (unsigned int uc)
{
  return (uc >= 0x20 && uc < 0x7F) || (uc >= 0xA0 && uc < 0x300 && uc != 0xAD)
         || (uc >= 0x1E00 && uc < 0x1F00)
         || (uc >= 0x2010 && uc <= 0x205E && !(uc >= 0x2028 && uc <= 0x202E))
         || (uc >= 0x2190 && uc < 0x2200) || (uc >= 0x2500 && uc < 0x25FD);
}

/* One character of S: see text.h. */
unsigned int
text_char_at (const char *s, size_t n, size_t *len)
{
  ucs4_t uc;
  *len = (size_t) u8_mbtouc (&uc, (const uint8_t *) s, n);
  return uc;
}

/* Terminal columns of S. */
int
text_width (const char *s, size_t n)
{
  /* Plain characters are one column each (text_is_plain): count those
     that start S, and leave the rest to u8_width. */
  size_t chars = 0, i = 0;
  while (i < n)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      if (k <= 0 || !text_is_plain (uc))
        break;
      chars++;
      i += (size_t) k;
    }
  /* u8_width stops at a NUL; widths add up character by character, so
     measure each NUL-free piece (a NUL has no width anyway). */
  long total = chars > LONG_MAX ? LONG_MAX : (long) chars;
  while (i < n)
    {
      const char *nul = memchr (s + i, '\0', n - i);
      size_t piece = nul ? (size_t) (nul - (s + i)) : n - i;
      if (piece)
        total += u8_width ((const uint8_t *) s + i, piece, "UTF-8");
      i += piece + (nul ? 1 : 0);
    }
  return total > INT_MAX ? INT_MAX : (int) total;
}

/* Bytes of the grapheme cluster S starts with. */
size_t
text_grapheme_len (const char *s, size_t n)
{
  /* A plain character followed by another, or by a control character,
     or alone, is a cluster of its own: no rule of UAX #29 joins them. */
  if (n > 0)
    {
      ucs4_t a, b;
      int k = u8_mbtouc (&a, (const uint8_t *) s, n);
      if (k > 0 && text_is_plain (a))
        {
          if ((size_t) k == n)
            return n;
          int kb = u8_mbtouc (&b, (const uint8_t *) s + k, n - (size_t) k);
          if (kb > 0 && (text_is_plain (b) || b < 0x20))
            return (size_t) k;
        }
    }

  /* u8_grapheme_breaks needs the left context (regional indicator pairs,
     emoji sequences), which starts at S; a boundary only depends on what
     lies before it and the one character after it, so a window of whole
     characters is enough, and it grows until it holds a boundary. */
  const uint8_t *u = (const uint8_t *) s;
  size_t window = 64;
  char small[64];
  while (n > 0)
    {
      size_t w = window < n ? window : n;
      /* Do not split the last character of the window. */
      while (w < n && (u[w] & 0xC0) == 0x80)
        w++;
      char *p = w <= sizeof small ? small : xmalloc (w);
      u8_grapheme_breaks (u, w, p);
      size_t i = 1;
      while (i < w && !p[i])
        i++;
      if (p != small)
        free (p);
      if (i < w || w == n)
        return i < w ? i : n;
      window = w * 2;
    }
  return 0;
}

/* Byte length of the longest grapheme-whole start of S[0..N) that fits
   in MAXW columns. */
size_t
text_fit (const char *s, size_t n, int maxw, int *width)
{
  size_t i = 0;
  int w = 0;
  while (i < n)
    {
      size_t g = text_grapheme_len (s + i, n - i);
      if (g == 0)
        break;
      int gw = text_width (s + i, g);
      if (w + gw > maxw)
        break;
      w += gw;
      i += g;
    }
  if (width)
    *width = w;
  return i;
}

/* Whether UC is a mark that folding drops: every combining mark, so that
   the accents and tone marks of French and Vietnamese do not matter. */
static bool
is_strippable_mark (ucs4_t uc)
{
  return uc_is_general_category (uc, UC_CATEGORY_M)
         || uc_combining_class (uc) != UC_CCC_NR;
}

/* S reduced for accent- and case-blind search. */
char *
text_fold (const char *s, size_t n, size_t *out_len)
{
  if (n == 0)
    return own_result (NULL, 0, out_len);
  /* Case fold straight to NFD so every accent is its own mark. */
  size_t len = 0;
  uint8_t *folded = u8_casefold ((const uint8_t *) s, n, NULL, UNINORM_NFD,
                                 NULL, &len);
  if (!folded)
    {
      /* Invalid UTF-8 cannot be folded: it is searched as it is. */
      if (errno != EILSEQ)
        library_failure ();
      if (out_len)
        *out_len = n;
      return xstrndup (s, n);
    }

  struct strbuf b = STRBUF_INIT;
  strbuf_add (&b, "", 0);
  const uint8_t *p = folded, *end = folded + len;
  while (p < end)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, p, end - p);
      if (k <= 0)
        break;
      if (uc == 0x0111)         /* đ: a letter of its own, with no decomposition */
        strbuf_addc (&b, 'd');
      else if (!is_strippable_mark (uc))
        strbuf_add (&b, (const char *) p, k);
      p += k;
    }
  free (folded);
  /* Marks are gone, so the result is already composed; normalise anyway
     in case a base letter had a compatibility form left. */
  char *out = text_nfc (b.s, b.len, out_len);
  strbuf_free (&b);
  return out;
}

/* The character that starts at S[I] (I < N), and its byte length in *K. */
static ucs4_t
char_at (const char *s, size_t n, size_t i, int *k)
{
  ucs4_t uc;
  int len = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
  *k = len > 0 ? len : 1;
  return uc;
}

/* The character that ends just before S[I] (I > 0), and its start in *START. */
static ucs4_t
char_before (const char *s, size_t i, size_t *start)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t j = i - 1;
  while (j > 0 && (u[j] & 0xC0) == 0x80 && i - j < 4)
    j--;
  ucs4_t uc;
  u8_mbtouc (&uc, u + j, i - j);
  *start = j;
  return uc;
}

/* Whether UC separates words for French spacing. */
static bool
is_space (ucs4_t uc)
{
  return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r'
         || uc == NBSP || uc == NNBSP || uc_is_property_space (uc);
}

/* The word (run of non-spaces) last looked at by in_address, so that a
   long word full of marks is scanned once, not once per mark. */
struct word
{
  size_t start, end;            /* empty before the first look */
  bool address;
};

/* Whether the word containing S[I] looks like an address (URL, e-mail,
   host name), where ? ! ; : belong to the address and must stay as they
   are.  W caches the answer for the whole word. */
static bool
in_address (const char *s, size_t n, size_t i, struct word *w)
{
  if (w->start <= i && i < w->end)
    return w->address;
  size_t a = i, z = i;
  while (a > 0)
    {
      size_t prev;
      ucs4_t uc = char_before (s, a, &prev);
      if (is_space (uc))
        break;
      a = prev;
    }
  while (z < n)
    {
      int k;
      if (is_space (char_at (s, n, z, &k)))
        break;
      z += k;
    }
  size_t wl = z - a;
  const char *ws = s + a;
  w->start = a;
  w->end = z > i ? z : i + 1;
  w->address = memmem (ws, wl, "://", 3) || memmem (ws, wl, "mailto:", 7)
               || (wl >= 4 && (strncmp (ws, "www.", 4) == 0 || strncmp (ws, "WWW.", 4) == 0))
               || (memchr (ws, '@', wl) && memchr (ws, '.', wl));
  return w->address;
}

/* Whether the ';' at S[I] ends an HTML character reference like "&amp;". */
static bool
ends_entity (const char *s, size_t i)
{
  size_t j = i;
  while (j > 0 && i - j < 32
         && ((s[j - 1] >= 'a' && s[j - 1] <= 'z') || (s[j - 1] >= 'A' && s[j - 1] <= 'Z')
             || (s[j - 1] >= '0' && s[j - 1] <= '9') || s[j - 1] == '#'))
    j--;
  return j > 0 && j < i && s[j - 1] == '&';
}

/* Whether a narrow space belongs before the mark UC at S[I]: the mark
   closes a word (not inside an address or "&amp;"), and for ? and ! it
   is the first of a run such as "?!".  W is in_address's cache. */
static bool
wants_space_before (const char *s, size_t n, size_t i, ucs4_t uc, struct word *w)
{
  if (uc != 0x00BB && uc != ';' && uc != ':' && uc != '!' && uc != '?')
    return false;
  if (i == 0)
    return false;
  size_t prev_start;
  ucs4_t prev = char_before (s, i, &prev_start);
  if ((uc == '!' || uc == '?') && (prev == '!' || prev == '?'))
    return false;
  if (uc == ';' && ends_entity (s, i))
    return false;
  /* ; : ! ? end a clause: one followed by a letter, a digit or a Markdown
     bracket ("![image]") is something else. */
  int k;
  char_at (s, n, i, &k);
  size_t after = i + (size_t) k;
  if (uc != 0x00BB && after < n)
    {
      ucs4_t next = char_at (s, n, after, &k);
      if (uc_is_alnum (next) || next == '[' || next == '(')
        return false;
    }
  if (in_address (s, n, i, w))
    return false;
  return true;
}

/* Does S[0..N) hold a character French spacing acts on: « » ; : ! ? */
static bool
has_french_mark (const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    switch (s[i])
      {
      case ';': case ':': case '!': case '?':
        return true;
      case '\xC2':
        if (i + 1 < n && (s[i + 1] == '\xAB' || s[i + 1] == '\xBB'))
          return true;
        break;
      default:
        break;
      }
  return false;
}

/* S with the narrow no-break spaces French typography wants. */
char *
text_french_spaces (const char *s, size_t n)
{
  static const char narrow[] = "\xE2\x80\xAF";      /* U+202F in UTF-8 */
  /* Most titles and fields have no mark: a copy, not a decoding walk. */
  if (!has_french_mark (s, n))
    {
      char *copy = xmalloc (n + 1);
      memcpy (copy, s, n);
      copy[n] = '\0';
      return copy;
    }
  struct strbuf b = STRBUF_INIT;
  struct word w = { 0, 0, false };
  strbuf_add (&b, "", 0);
  size_t i = 0;
  while (i < n)
    {
      int k;
      ucs4_t uc = char_at (s, n, i, &k);

      if (uc == ' ')
        {
          /* A run of ordinary spaces after « or before » ; : ! ? becomes
             one narrow no-break space. */
          size_t j = i;
          while (j < n && s[j] == ' ')
            j++;
          size_t ps;
          ucs4_t prev = i > 0 ? char_before (s, i, &ps) : 0;
          bool after_open = prev == 0x00AB;
          int nk;
          bool before_mark = i > 0 && j < n && !is_space (prev)
                             && wants_space_before (s, n, j, char_at (s, n, j, &nk), &w);
          if (after_open || before_mark)
            strbuf_add (&b, narrow, 3);
          else
            strbuf_add (&b, s + i, j - i);
          i = j;
          continue;
        }

      /* A mark glued to its word gets its narrow space, except ':' which
         times (10:30) and addresses use bare. */
      if (uc != ':' && i > 0 && wants_space_before (s, n, i, uc, &w))
        {
          size_t ps;
          ucs4_t prev = char_before (s, i, &ps);
          if (!is_space (prev) && prev != 0x00AB
              && !uc_is_general_category (prev, UC_CATEGORY_Ps))
            strbuf_add (&b, narrow, 3);
        }
      strbuf_add (&b, s + i, k);
      i += k;
    }
  return strbuf_steal (&b);
}

/* S decomposed (NFD), letters and accents apart. */
char *
text_nfd (const char *s, size_t n, size_t *out_len)
{
  return normalize (UNINORM_NFD, s, n, out_len);
}
