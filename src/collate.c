/* collate.c -- sorting text as each language of the guide sorts it.

   Each string becomes a sequence of collation elements, as in the
   Unicode Collation Algorithm: a primary weight (the letter), a
   secondary weight (an accent or tone) and a tertiary weight (case).
   Strings are compared on the primary weights first, then on the
   secondary, then on the tertiary ones, and last on their bytes so
   that the order is total.

   Vietnamese (Vũ Xuân Lương, Vietnam Lexicography Centre, "Quy tắc
   sắp xếp theo thứ tự ABC", rules 1 to 4):
   - rule 1, the letters a ă â b c d đ e ê f g h i j k l m n o ô ơ p q
     r s t u ư v w x y z: the breve, circumflex and horn, and the bar
     of đ, make letters of their own.  The brief for this module put
     f j w z after y; the Centre's rule, which the dictionaries follow,
     keeps them in their Latin places, and so does this code;
   - rule 2, the tones in the order none, grave (huyền), hook above
     (hỏi), tilde (ngã), acute (sắc), dot below (nặng);
   - rule 3, lower case before upper case, and a shorter word before a
     longer one it begins ("cha" < "chan"); digraphs are not units, so
     "ang" < "anh" letter by letter;
   - rule 4, letters before tones, syllable by syllable: a syllable's
     letters, then its tone, decide before the next syllable counts,
     so "ba" < "ba ba" < "bà".  The tone belongs to the syllable, not
     to a letter, so "hòa" and "hoà" (old and new tone placement) are
     equal but for their bytes.

   French (dictionary practice, as in the Unicode root collation):
   accents are ignored at the first level and compared from the front
   of the string at the second (cote < coté < côte < côté; the
   backward rule of old Canadian usage is not applied), in the order
   acute, grave, breve, circumflex, caron, ring, diaeresis, double
   acute, tilde, dot, cedilla, ogonek, macron (e é è ê ë); then case.
   œ and æ sort as oe and ae, ß as ss, a tertiary difference apart.

   Both: digits sort before letters, one digit at a time.  A run of
   spaces and punctuation is one word separator that sorts before any
   letter or digit, so titles compare word by word ("Le Mans" before
   "Lebrun", as catalogues do); separators at either end are ignored.
   Letters of other scripts sort after Latin letters, by code point. */
#include "system.h"
#include "collate.h"

#include "model.h"
#include "text.h"

/* One collation element: P == 0 means "not a letter" (an accent alone),
   S == 0 "no secondary weight". */
struct elem
{
  uint32_t p;
  uint16_t s;
  uint8_t t;
};

/* A string made ready for comparison. */
struct ckey
{
  struct elem *e;
  size_t n;
  size_t cap;
};

/* Primary weights: separators, then digits, then Latin letters (four
   slots each for ă â / ê / ô ơ / ư / đ), then everything else. */
enum
{
  P_SEP = 1,
  P_DIGIT = 0x10,
  P_LETTER = 0x100,
  P_OTHER = 0x1000
};

/* Secondary weight of a letter or separator, below any accent's. */
#define S_BASE 1

/* Tertiary weights: lower case, then its variants (ligatures, ß), then
   upper case. */
#define T_UPPER 2
#define T_VARIANT 1

/* The accents the order knows, in French (Unicode root) order. */
static const uint32_t french_marks[] =
{
  0x0301, /* acute */
  0x0300, /* grave */
  0x0306, /* breve */
  0x0302, /* circumflex */
  0x030C, /* caron */
  0x030A, /* ring */
  0x0308, /* diaeresis */
  0x030B, /* double acute */
  0x0303, /* tilde */
  0x0307, /* dot above */
  0x0323, /* dot below */
  0x0327, /* cedilla */
  0x0328, /* ogonek */
  0x0304, /* macron */
  0x0309, /* hook above */
  0x031B, /* horn */
};

/* Vietnamese tones, in dictionary order after "none". */
static const uint32_t vietnamese_tones[] =
{
  0x0300, /* huyền */
  0x0309, /* hỏi */
  0x0303, /* ngã */
  0x0301, /* sắc */
  0x0323, /* nặng */
};

/* A pseudo-accent for the bar of đ, ø, ł outside Vietnamese. */
#define MARK_STROKE 0x0335

/* Decode the code point at S[0..N) into *CP; returns its length (at
   least 1).  Bytes that are not UTF-8 decode as U+FFFD, one by one. */
static size_t
utf8_decode (const unsigned char *s, size_t n, uint32_t *cp)
{
  *cp = 0xFFFD;
  if (n == 0)
    return 0;
  unsigned char c = s[0];
  size_t len;
  uint32_t v;
  if (c < 0x80)
    {
      *cp = c;
      return 1;
    }
  else if (c >= 0xC2 && c <= 0xDF)
    len = 2, v = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, v = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, v = c & 0x07;
  else
    return 1;
  if (len > n)
    return 1;
  for (size_t i = 1; i < len; i++)
    {
      if ((s[i] & 0xC0) != 0x80)
        return 1;
      v = (v << 6) | (s[i] & 0x3F);
    }
  if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)))
      || (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
    return 1;
  *cp = v;
  return len;
}

/* True for combining marks, which NFD puts after their letter. */
static bool
is_mark (uint32_t cp)
{
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
    || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
    || (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* True for spaces, punctuation and symbols: what separates words. */
static bool
is_separator (uint32_t cp)
{
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')
             || (cp >= 'A' && cp <= 'Z'));
  if (cp >= 0x80 && cp <= 0xBF)
    return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || cp == 0x02BC
    || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2E00 && cp <= 0x2E7F)
    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE1F)
    || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F)
    || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40)
    || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD;
}

/* The tertiary weight of a separator: spaces before hyphens before
   apostrophes before the rest, so "Jean Pierre" < "Jean-Pierre". */
static uint8_t
separator_kind (uint32_t cp)
{
  if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F
      || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000)
    return 0;
  if (cp == '-' || (cp >= 0x2010 && cp <= 0x2015))
    return 1;
  if (cp == '\'' || cp == 0x2019 || cp == 0x02BC)
    return 2;
  return 3;
}

/* A Latin letter without its accents, as NFD leaves it: up to two
   letters 'a'..'z' (or 'z' + 1 for þ), its case and variant bits, and
   an accent it implies (the bar of ø) or 0. */
struct latin
{
  char letters[2];
  uint8_t t;
  uint32_t mark;
};

/* Describe CP as a Latin letter into *L; false if it is none. */
static bool
latin_letter (uint32_t cp, enum lang lang, struct latin *l)
{
  memset (l, 0, sizeof *l);
  if (cp >= 'a' && cp <= 'z')
    l->letters[0] = (char) cp;
  else if (cp >= 'A' && cp <= 'Z')
    l->letters[0] = (char) (cp - 'A' + 'a'), l->t = T_UPPER;
  else
    switch (cp)
      {
      case 0xE6: case 0xC6:     /* æ Æ */
        l->letters[0] = 'a', l->letters[1] = 'e';
        l->t = (uint8_t) (T_VARIANT | (cp == 0xC6 ? T_UPPER : 0));
        break;
      case 0x153: case 0x152:   /* œ Œ */
        l->letters[0] = 'o', l->letters[1] = 'e';
        l->t = (uint8_t) (T_VARIANT | (cp == 0x152 ? T_UPPER : 0));
        break;
      case 0xDF: case 0x1E9E:   /* ß ẞ */
        l->letters[0] = 's', l->letters[1] = 's';
        l->t = (uint8_t) (T_VARIANT | (cp == 0x1E9E ? T_UPPER : 0));
        break;
      case 0xF8: case 0xD8:     /* ø Ø */
        l->letters[0] = 'o', l->mark = MARK_STROKE;
        l->t = cp == 0xD8 ? T_UPPER : 0;
        break;
      case 0x142: case 0x141:   /* ł Ł */
        l->letters[0] = 'l', l->mark = MARK_STROKE;
        l->t = cp == 0x141 ? T_UPPER : 0;
        break;
      case 0x111: case 0x110:   /* đ Đ: a letter in Vietnamese */
      case 0xF0: case 0xD0:     /* ð Ð */
        l->letters[0] = 'd';
        if (lang != LANG_VI || cp == 0xF0 || cp == 0xD0)
          l->mark = MARK_STROKE;
        l->t = (cp == 0x110 || cp == 0xD0) ? T_UPPER : 0;
        if (cp == 0xF0 || cp == 0xD0)
          l->t |= T_VARIANT;
        break;
      case 0x131:               /* dotless ı */
        l->letters[0] = 'i', l->t = T_VARIANT;
        break;
      case 0xAA:                /* ª */
        l->letters[0] = 'a', l->t = T_VARIANT;
        break;
      case 0xBA:                /* º */
        l->letters[0] = 'o', l->t = T_VARIANT;
        break;
      case 0xFE: case 0xDE:     /* þ Þ */
        l->letters[0] = 'z' + 1;
        l->t = cp == 0xDE ? T_UPPER : 0;
        break;
      default:
        return false;
      }
  return true;
}

/* The Vietnamese letter that mark MARK makes of LETTER (1 or 2 for
   ă â, ê, ô ơ, ư), or 0 when it makes none. */
static unsigned
vietnamese_quality (char letter, uint32_t mark)
{
  switch (letter)
    {
    case 'a':
      return mark == 0x0306 ? 1 : mark == 0x0302 ? 2 : 0;
    case 'e':
      return mark == 0x0302 ? 1 : 0;
    case 'o':
      return mark == 0x0302 ? 1 : mark == 0x031B ? 2 : 0;
    case 'u':
      return mark == 0x031B ? 1 : 0;
    default:
      return 0;
    }
}

/* The secondary weight of accent MARK in LANG (always above S_BASE). */
static uint16_t
mark_weight (uint32_t mark, enum lang lang)
{
  uint16_t w = S_BASE + 1;
  if (lang == LANG_VI)
    {
      for (size_t i = 0; i < ARRAY_SIZE (vietnamese_tones); i++)
        if (vietnamese_tones[i] == mark)
          return (uint16_t) (w + i);
      w += ARRAY_SIZE (vietnamese_tones);
    }
  for (size_t i = 0; i < ARRAY_SIZE (french_marks); i++)
    if (french_marks[i] == mark)
      return (uint16_t) (w + i);
  w += ARRAY_SIZE (french_marks);
  if (mark == MARK_STROKE)
    return w;
  /* Any other mark, in code point order (marks are below U+10000). */
  return (uint16_t) (w + 1 + (mark & 0x7FFF));
}

/* Append an element to K. */
static void
key_add (struct ckey *k, uint32_t p, uint16_t s, uint8_t t)
{
  XGROW (k->e, k->cap, k->n + 1);
  k->e[k->n].p = p;
  k->e[k->n].s = s;
  k->e[k->n].t = t;
  k->n++;
}

/* Build into K the collation elements of S in LANG. */
static void
key_build (struct ckey *k, const char *s, enum lang lang)
{
  size_t len;
  char *nfd = text_nfd (s ? s : "", s ? strlen (s) : 0, &len);
  const unsigned char *u = (const unsigned char *) nfd;
  bool started = false, pending_sep = false;
  uint8_t sep_t = 0;
  /* The element of the last Vietnamese vowel, which a following breve,
     circumflex or horn turns into another letter; SIZE_MAX if none. */
  size_t vowel = SIZE_MAX;
  char vowel_letter = 0;

  k->n = 0;
  for (size_t i = 0; i < len;)
    {
      uint32_t cp;
      i += utf8_decode (u + i, len - i, &cp);

      if (is_mark (cp))
        {
          unsigned q = vowel == SIZE_MAX ? 0
            : vietnamese_quality (vowel_letter, cp);
          if (q)
            {
              k->e[vowel].p += q;
              vowel = SIZE_MAX;
            }
          else
            key_add (k, 0, mark_weight (cp, lang), 0);
          continue;
        }
      vowel = SIZE_MAX;
      if (is_separator (cp))
        {
          if (started && !pending_sep)
            {
              pending_sep = true;
              sep_t = separator_kind (cp);
            }
          continue;
        }
      if (pending_sep)
        key_add (k, P_SEP, S_BASE, sep_t);
      pending_sep = false;
      started = true;

      struct latin l;
      if (cp >= '0' && cp <= '9')
        key_add (k, P_DIGIT + (cp - '0'), S_BASE, 0);
      else if (latin_letter (cp, lang, &l))
        {
          for (int j = 0; j < 2 && l.letters[j]; j++)
            key_add (k, P_LETTER + 4 * (uint32_t) (l.letters[j] - 'a'),
                     S_BASE, l.t);
          if (lang == LANG_VI && (cp == 0x111 || cp == 0x110))
            k->e[k->n - 1].p += 1;
          else if (lang == LANG_VI && !l.letters[1] && !l.mark)
            {
              vowel = k->n - 1;
              vowel_letter = l.letters[0];
            }
          if (l.mark)
            key_add (k, 0, mark_weight (l.mark, lang), 0);
        }
      else
        key_add (k, P_OTHER + cp, S_BASE, 0);
    }
  free (nfd);
}

/* Compare A[0..NA) and B[0..NB) at LEVEL (1, 2 or 3).  At level 2,
   MARKS_ONLY compares the accents alone, wherever they stand. */
static int
level_compare (const struct elem *a, size_t na, const struct elem *b,
               size_t nb, int level, bool marks_only)
{
  size_t i = 0, j = 0;
  for (;;)
    {
      uint32_t wa = 0, wb = 0;
      /* The next weight that counts at this level on each side. */
      for (; i < na; i++)
        {
          wa = level == 1 ? a[i].p
            : level == 2 ? (marks_only && a[i].p ? 0 : a[i].s)
            : (a[i].p ? a[i].t + 1u : 0);
          if (wa)
            break;
        }
      for (; j < nb; j++)
        {
          wb = level == 1 ? b[j].p
            : level == 2 ? (marks_only && b[j].p ? 0 : b[j].s)
            : (b[j].p ? b[j].t + 1u : 0);
          if (wb)
            break;
        }
      if (i == na || j == nb)
        return (i < na) - (j < nb);
      if (wa != wb)
        return wa < wb ? -1 : 1;
      i++, j++;
    }
}

/* The length of the syllable (up to a separator) at E[0..N). */
static size_t
syllable_len (const struct elem *e, size_t n)
{
  size_t i = 0;
  while (i < n && e[i].p != P_SEP)
    i++;
  return i;
}

/* Compare built keys KA and KB of strings A and B in LANG. */
static int
key_compare (const struct ckey *ka, const char *a, const struct ckey *kb,
             const char *b, enum lang lang)
{
  int c;
  if (lang == LANG_VI)
    {
      size_t i = 0, j = 0;
      while (i < ka->n && j < kb->n)
        {
          size_t la = syllable_len (ka->e + i, ka->n - i);
          size_t lb = syllable_len (kb->e + j, kb->n - j);
          c = level_compare (ka->e + i, la, kb->e + j, lb, 1, false);
          if (c == 0)
            c = level_compare (ka->e + i, la, kb->e + j, lb, 2, true);
          if (c != 0)
            return c;
          /* Skip the syllable and its separator. */
          i += la + (i + la < ka->n);
          j += lb + (j + lb < kb->n);
        }
      if (i < ka->n || j < kb->n)
        return (i < ka->n) - (j < kb->n);
    }
  else
    {
      c = level_compare (ka->e, ka->n, kb->e, kb->n, 1, false);
      if (c == 0)
        c = level_compare (ka->e, ka->n, kb->e, kb->n, 2, false);
      if (c != 0)
        return c;
    }
  c = level_compare (ka->e, ka->n, kb->e, kb->n, 3, false);
  if (c != 0)
    return c;
  c = strcmp (a ? a : "", b ? b : "");
  return (c > 0) - (c < 0);
}

int
collate_compare (const char *a, const char *b, enum lang lang)
{
  struct ckey ka = { NULL, 0, 0 }, kb = { NULL, 0, 0 };
  key_build (&ka, a, lang);
  key_build (&kb, b, lang);
  int c = key_compare (&ka, a, &kb, b, lang);
  free (ka.e);
  free (kb.e);
  return c;
}

/* A page with its title's key, while sorting. */
struct sort_item
{
  const struct page *page;
  const char *title;
  struct ckey key;
};

/* Merge sort ITEMS[0..N) using TMP, stable, with keys compared in LANG. */
static void
merge_sort (struct sort_item *items, struct sort_item *tmp, size_t n,
            enum lang lang)
{
  if (n < 2)
    return;
  size_t half = n / 2;
  merge_sort (items, tmp, half, lang);
  merge_sort (items + half, tmp, n - half, lang);
  size_t i = 0, j = half, o = 0;
  while (i < half && j < n)
    {
      /* Take from the right only when strictly smaller: stability. */
      if (key_compare (&items[j].key, items[j].title, &items[i].key,
                       items[i].title, lang) < 0)
        tmp[o++] = items[j++];
      else
        tmp[o++] = items[i++];
    }
  while (i < half)
    tmp[o++] = items[i++];
  while (j < n)
    tmp[o++] = items[j++];
  memcpy (items, tmp, n * sizeof *items);
}

void
collate_sort_pages (const struct page **pages, size_t n, enum lang lang)
{
  if (n < 2)
    return;
  struct sort_item *items = xcalloc (n, sizeof *items);
  struct sort_item *tmp = xcalloc (n, sizeof *tmp);
  for (size_t i = 0; i < n; i++)
    {
      items[i].page = pages[i];
      items[i].title = page_title (pages[i], lang);
      key_build (&items[i].key, items[i].title, lang);
    }
  merge_sort (items, tmp, n, lang);
  for (size_t i = 0; i < n; i++)
    {
      pages[i] = items[i].page;
      free (items[i].key.e);
    }
  free (items);
  free (tmp);
}
