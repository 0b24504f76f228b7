/* wrap.c -- greedy line wrapping of one paragraph.

   libunistring 1.0 gives the UAX #14 break opportunities; its own
   u8_width_linebreaks is not used, because it counts the space after the
   last word of a line (lines come out one column short), lets a word
   wider than the line overflow, and allows breaks that Unicode 15.1 or
   French typography forbid.  So the opportunities are corrected here
   and the lines are filled by a greedy loop over display widths.

   Speed (the --wrap filter reads megabytes of short paragraphs): prose
   made of plain characters (text_is_plain) is checked, decoded and
   measured in one pass of its own, asked of libunistring only when it
   does not fit on one line, and its opportunities listed so that the
   greedy loop steps from one to the next; all working memory is kept
   between paragraphs.  Any other text takes the general passes. */
#include "system.h"

#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include <unistd.h>

#include "strbuf.h"
#include "text.h"
#include "wrap.h"

/* Per byte of the paragraph: what the wrapper knows about that position. */
enum
{
  AT_CHAR = 1,          /* a character starts here */
  AT_GRAPHEME = 2,      /* a grapheme cluster starts here */
  AT_BREAK = 4,         /* a line may start here (corrected opportunity) */
  AT_FORCED = 8,        /* a line must start here (after U+2028 and kin) */
  AT_RAW_BREAK = 16,    /* libunistring allows a break here (cut hint) */
  AT_SPACE = 32,        /* a space that a break may drop */
  AT_GLUE = 64,         /* a no-break space: U+00A0, U+2007, U+202F */
  AT_LEAD_HYPHEN = 128  /* just after the hyphens that start a word */
};

/* An opportunity to break before POS, and where the visible text before
   it ends: POS moved back over the spaces (dropped or no-break) before
   it, as far as the start of the paragraph. */
struct brk
{
  size_t pos, vis;
};

/* The wrapper's working memory, grown as needed and kept in struct
   wrap_lines between calls: the catalogue paragraphs of a --wrap run
   average 75 bytes, and allocating these for each one cost more than
   measuring it. */
struct wrap_scratch
{
  /* One block of CAP positions holds the seven per-byte arrays from col
     to lb, which always grow together (see scratch_reserve). */
  void *block;
  size_t cap;
  long *col;
  size_t *off;          /* plain text's byte offset of each code point */
  struct brk *brk;      /* the corrected opportunities, in order */
  uint32_t *u32;        /* plain text's code points */
  unsigned char *at;
  char *g;              /* grapheme cluster starts (u8_grapheme_breaks) */
  char *lb;             /* break opportunities (u8_possible_linebreaks) */
  int *mark;            /* forbid_glued_parens' difference array */
  size_t mark_cap;
  size_t *open;         /* forbid_glued_parens' stack of "(" */
  size_t open_cap;
};

/* The bytes the block takes per position: one element of each array. */
#define SCRATCH_UNIT (sizeof (long) + sizeof (size_t) + sizeof (struct brk) \
                      + sizeof (uint32_t) + 3 * sizeof (char))

/* Carved in this order, each array starts aligned when no element type
   is aligned more strictly than the one before it (alignments are powers
   of two, so each divides the sizes before it). */
_Static_assert (_Alignof (long) >= _Alignof (size_t)
                && _Alignof (size_t) >= _Alignof (struct brk)
                && _Alignof (struct brk) >= _Alignof (uint32_t),
                "wrap_scratch's arrays are carved widest first");

/* Make room in W for a paragraph of N bytes (one test per paragraph
   once the longest has been seen).  Growing moves the arrays within the
   block, so what they held is lost: para_init fills them anew for each
   paragraph. */
static void
scratch_reserve (struct wrap_scratch *w, size_t n)
{
  if (n < w->cap)
    return;
  xgrow (&w->block, &w->cap, n + 1, SCRATCH_UNIT);
  size_t cap = w->cap;
  char *b = w->block;
  w->col = (long *) b;
  b += cap * sizeof *w->col;
  w->off = (size_t *) b;
  b += cap * sizeof *w->off;
  w->brk = (struct brk *) b;
  b += cap * sizeof *w->brk;
  w->u32 = (uint32_t *) b;
  b += cap * sizeof *w->u32;
  w->at = (unsigned char *) b;
  b += cap;
  w->g = b;
  b += cap;
  w->lb = b;
}

/* The paragraph and everything measured about it. */
struct para
{
  const char *s;
  size_t n;
  unsigned char *at;    /* n + 1 flags; at[n] is the end */
  long *col;            /* n + 1 columns: display width of s[0..i), set
                           at character starts only (the only places read) */
  struct wrap_scratch *w;
  bool composed;        /* plain, and surely NFC as text_nfc sees it */
  struct brk *brk;      /* every position flagged AT_BREAK, n last */
  size_t nbrk;
  size_t whole;         /* when all of it fits on one line, where the
                           visible text ends (see para_init); else
                           SIZE_MAX */
};

/* Whether UC is a space that disappears when a line breaks at it. */
static bool
is_drop_space (ucs4_t uc)
{
  if (uc == 0x00A0 || uc == 0x2007 || uc == 0x202F)
    return false;
  return uc == ' ' || uc == '\t' || (uc >= 0x0A && uc <= 0x0D) || uc == 0x85
         || uc == 0x2028 || uc == 0x2029
         || uc_is_general_category (uc, UC_CATEGORY_Zs);
}

/* Whether UC is a no-break space, next to which no line may break. */
static bool
is_glue (ucs4_t uc)
{
  return uc == 0x00A0 || uc == 0x2007 || uc == 0x202F;
}

/* Whether UC is French punctuation that must not start a line. */
static bool
is_closer (ucs4_t uc)
{
  return uc == 0x00BB || uc == 0x203A || uc == ';' || uc == ':' || uc == '!'
         || uc == '?';
}

/* The character starting at P->s[I]. */
static ucs4_t
uc_at (const struct para *p, size_t i)
{
  ucs4_t uc;
  u8_mbtouc (&uc, (const uint8_t *) p->s + i, p->n - i);
  return uc;
}

/* The start of the character before P->s[I] (I > 0). */
static size_t
prev_char (const struct para *p, size_t i)
{
  do
    i--;
  while (i > 0 && !(p->at[i] & AT_CHAR));
  return i;
}

/* The start of the character after P->s[I] (I < P->n). */
static size_t
next_char (const struct para *p, size_t i)
{
  do
    i++;
  while (i < p->n && !(p->at[i] & AT_CHAR));
  return i;
}

/* Whether UC may open a word before a hyphen ("-fPIC", «-x»). */
static bool
opens_word (ucs4_t uc)
{
  return uc_is_general_category (uc, UC_CATEGORY_Ps)
         || uc_is_general_category (uc, UC_CATEGORY_Pi)
         || uc == '"' || uc == '\'' || uc == 0x00AB;
}

/* Forbid breaks in "(...)" glued to the word before it, as in
   "apt.conf(5)": from the "(" to just after the matching ")".  Returns
   whether there was any. */
static bool
forbid_glued_parens (struct para *p)
{
  struct wrap_scratch *w = p->w;
  size_t depth = 0;
  /* +1 starts a forbidden stretch, -1 ends it: a difference array,
     cleared only once a glued pair is found. */
  bool marked = false;
  /* From bracket to bracket: the next "(" and the next ")". */
  const char *s = p->s, *end = s + p->n;
  const char *po = memchr (s, '(', p->n), *pc = memchr (s, ')', p->n);
  while (po || pc)
    {
      size_t i;
      bool opening = po && (!pc || po < pc);
      if (opening)
        {
          i = (size_t) (po - s);
          po = memchr (po + 1, '(', (size_t) (end - po - 1));
        }
      else
        {
          i = (size_t) (pc - s);
          pc = memchr (pc + 1, ')', (size_t) (end - pc - 1));
        }
      if (!(p->at[i] & AT_CHAR))
        continue;
      if (opening)
        {
          XGROW (w->open, w->open_cap, depth + 1);
          bool glued = i > 0 && !(p->at[prev_char (p, i)] & (AT_SPACE | AT_GLUE))
                       && !opens_word (uc_at (p, prev_char (p, i)));
          /* Keep the glue in the low bit so the stack stays one array. */
          w->open[depth++] = (i << 1) | glued;
        }
      else if (depth > 0)
        {
          size_t o = w->open[--depth];
          if (o & 1)
            {
              if (!marked)
                {
                  XGROW (w->mark, w->mark_cap, p->n + 2);
                  memset (w->mark, 0, (p->n + 2) * sizeof *w->mark);
                  marked = true;
                }
              w->mark[o >> 1]++;
              w->mark[i + 2]--;    /* up to and including the break after ')' */
            }
        }
    }
  if (!marked)
    return false;
  int inside = 0;
  for (size_t i = 0; i < p->n; i++)
    {
      inside += w->mark[i];
      if (inside > 0)
        p->at[i] &= ~AT_BREAK;
    }
  return true;
}

/* Whether I directly follows the hyphens that start a word ("-fPIC",
   "--wrap"), after which Unicode 15.1 (LB20a) forbids a break. */
static bool
after_leading_hyphen (const struct para *p, size_t i)
{
  return p->at[i] & AT_LEAD_HYPHEN;
}

/* Whether a break opportunity before AFTER (flags F) must go: the rules
   libunistring 1.0 misses (Unicode 15.1's LB15b and LB20a, LB29) and
   French typography.  JUST_BEFORE is the character before it (flags
   JUST_F), BEFORE the last one before it not flagged AT_SPACE (or the
   paragraph's first character). */
static inline bool
forbidden_break (unsigned f, ucs4_t after, ucs4_t just_before,
                 unsigned just_f, ucs4_t before)
{
  if (!(f & AT_GRAPHEME))
    return true;
  /* No-break spaces glue what is on both sides; « never ends a line.
     (None of these is ASCII, which most opportunities are between.) */
  if (after >= 0xA0 || before >= 0xA0)
    {
      if (is_glue (after) || is_glue (before))
        return true;
      if (before == 0x00AB || before == 0x2039)
        return true;
    }
  /* French: » ; : ! ? never start a line. */
  if (is_closer (after))
    return true;
  if (just_f & AT_SPACE)
    return false;
  /* LB29: "apt.conf", "e.g." -- no break after . , : ; before a letter. */
  if ((just_before == '.' || just_before == ',' || just_before == ':'
       || just_before == ';') && uc_is_alpha (after))
    return true;
  return f & AT_LEAD_HYPHEN;
}

/* The hyphen state of para_init's passes: whether the characters
   seen last are hyphens that start a word ("-fPIC", "--wrap", «-x»),
   after which no line may break. */
struct hyphens
{
  bool in_run, initial;
};

/* Feed the character UC at I to H, PREV_UC and PREV_F being the one
   before it and its flags; returns AT_LEAD_HYPHEN when the character
   after UC follows word-initial hyphens, else 0. */
static inline unsigned
hyphens_after (struct hyphens *h, ucs4_t uc, size_t i, ucs4_t prev_uc,
               unsigned prev_f)
{
  if (uc != '-' && uc != 0x2010)
    {
      h->in_run = false;
      return 0;
    }
  if (!h->in_run)
    h->initial = i == 0 || (prev_f & (AT_SPACE | AT_GLUE)) || opens_word (prev_uc);
  h->in_run = true;
  return h->initial ? AT_LEAD_HYPHEN : 0;
}

/* Append to P's list the opportunity before plain character C (of the
   code points CP, at the byte offsets OFF; C may be their count, for the
   end), and where the text before it ends: at K or before, past the
   spaces that end at K.  Opportunities never fall before a space in
   plain text, so each run of spaces is walked over once. */
static inline void
add_break (struct para *p, const size_t *off, const uint32_t *cp, size_t c,
           size_t k)
{
  while (k > 0 && (cp[k - 1] == ' ' || cp[k - 1] == 0x00A0 || cp[k - 1] == 0x202F))
    k--;
  p->brk[p->nbrk++] = (struct brk) { off[c], off[k] };
}

/* List P's opportunities anew from its flags, in one pass. */
static void
list_breaks (struct para *p)
{
  size_t run = 0;               /* where the spaces before I began */
  bool spaces = false;          /* whether I follows a space */
  p->nbrk = 0;
  for (size_t i = 0; i <= p->n; i++)
    {
      if (i > 0 && (p->at[i] & AT_BREAK))
        p->brk[p->nbrk++] = (struct brk) { i, spaces ? run : i };
      if (i < p->n && (p->at[i] & AT_CHAR))
        {
          bool space = p->at[i] & (AT_SPACE | AT_GLUE);
          if (space && !spaces)
            run = i;
          spaces = space;
        }
    }
}

/* The flags of each ASCII character in plain text, 0 for those that
   are not plain (controls and DEL): measure_plain checks and flags an
   ASCII character with one look-up. */
static const unsigned char ascii_flags[0x80] = {
#define CG (AT_CHAR | AT_GRAPHEME)
#define CGS (AT_CHAR | AT_GRAPHEME | AT_SPACE)
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  CGS, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG,
  CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG,
  CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG,
  CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG,
  CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG,
  CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, CG, 0,
#undef CG
#undef CGS
};

/* para_init's passes over plain text: valid UTF-8 of plain characters
   only (text_is_plain).  Every plain character is one column and a
   grapheme cluster of its own, the only space a break drops is U+0020,
   the only no-break spaces are U+00A0 and U+202F, and there is no hard
   break.  So the column of a character is its index, and the work is
   done over the code points, which libunistring's u32 variant takes
   without decoding them again; what is only about opportunities (about
   one character in five) or hyphens is done only there.  Returns false,
   with P half measured, as soon as a character is not plain or the
   UTF-8 is invalid: the decoding is the check, so that prose is read
   once.  Sets P->composed.  When the text fits in FITS columns (not
   counting the spaces that end it), stops there and sets P->whole. */
static bool
measure_plain (struct para *p, long fits)
{
  struct wrap_scratch *w = p->w;
  const uint8_t *u = (const uint8_t *) p->s;
  size_t n = p->n;
  uint32_t *cp = w->u32;
  size_t *off = w->off;
  unsigned char *at = p->at;
  long *col = p->col;

  /* Decode and check; flag characters, spaces and no-break spaces;
     columns. */
  size_t m = 0;
  bool hyphen2010 = false;
  p->composed = true;
  for (size_t i = 0; i < n; m++)
    {
      unsigned b = u[i];
      ucs4_t uc;
      unsigned f = AT_CHAR | AT_GRAPHEME;
      off[m] = i;
      col[i] = (long) m;
      if (b < 0x80)
        {
          /* Printable ASCII (no control character, no DEL), flagged
             from a table: one look-up does both. */
          f = ascii_flags[b];
          if (!f)
            return false;
          uc = b;
          at[i++] = (unsigned char) f;
        }
      else if (b >= 0xC2 && b <= 0xCB)
        {
          /* U+0080..U+02FF, of which U+00A0..U+02FF but the soft hyphen
             are plain. */
          if (i + 1 >= n || (u[i + 1] & 0xC0) != 0x80)
            return false;
          uc = ((ucs4_t) (b & 0x1F) << 6) | (u[i + 1] & 0x3F);
          if (uc < 0xA0 || uc == 0xAD)
            return false;
          if (uc == 0x00A0)
            f |= AT_GLUE;
          at[i] = (unsigned char) f;
          at[i + 1] = 0;
          i += 2;
        }
      else if (b == 0xE1 || b == 0xE2)
        {
          /* The rest of the plain characters lie in U+1E00..U+25FC;
             with these two leads no overlong form or surrogate can
             get through. */
          if (i + 2 >= n || (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80)
            return false;
          uc = ((ucs4_t) (b & 0x0F) << 12) | ((ucs4_t) (u[i + 1] & 0x3F) << 6)
               | (u[i + 2] & 0x3F);
          /* Vietnamese letters with tone marks (U+1E00..U+1EFF) are
             plain: spare them the call. */
          if (!(uc >= 0x1E00 && uc <= 0x1EFF) && !text_is_plain (uc))
            return false;
          /* What text_nfc takes as surely composed stops at U+2064. */
          if (uc >= 0x2190)
            p->composed = false;
          if (uc == 0x202F)
            f |= AT_GLUE;
          hyphen2010 |= uc == 0x2010;
          at[i] = (unsigned char) f;
          at[i + 1] = at[i + 2] = 0;
          i += 3;
        }
      else
        return false;
      cp[m] = uc;
    }
  off[m] = n;
  at[n] = 0;
  col[n] = (long) m;
  /* A paragraph that fits on the line needs no opportunity (half the
     catalogue's at 40 columns). */
  size_t shown = m;
  while (shown > 0 && (cp[shown - 1] == ' ' || cp[shown - 1] == 0x00A0
                       || cp[shown - 1] == 0x202F))
    shown--;
  if ((long) shown <= fits)
    {
      p->whole = off[shown];
      return true;
    }
  const char *lb = w->lb;
  u32_possible_linebreaks (cp, m, "UTF-8", w->lb);

  /* Word-initial hyphens, where the text has any. */
  struct hyphens h = { false, false };
  if (hyphen2010)
    {
      for (size_t c = 0; c < m; c++)
        if (cp[c] == '-' || cp[c] == 0x2010)
          at[off[c + 1]] |= hyphens_after (&h, cp[c], c, c > 0 ? cp[c - 1] : 0,
                                           c > 0 ? at[off[c - 1]] : 0);
        else
          h.in_run = false;
    }
  else
    {
      /* Only ASCII hyphens: from one to the next.  A character
         continues a run when the one before it is a hyphen too. */
      const char *s = p->s;
      for (const char *q = memchr (s, '-', n); q;
           q = memchr (q + 1, '-', (size_t) (s + n - q - 1)))
        {
          size_t c = (size_t) col[q - s];
          h.in_run = c > 0 && cp[c - 1] == '-';
          at[off[c + 1]] |= hyphens_after (&h, '-', c, c > 0 ? cp[c - 1] : 0,
                                           c > 0 ? at[off[c - 1]] : 0);
        }
    }

  /* The opportunities, corrected. */
  for (size_t c = 0; c < m; c++)
    if (lb[c] == UC_BREAK_POSSIBLE || lb[c] == UC_BREAK_HYPHENATION)
      {
        unsigned f = at[off[c]] | AT_RAW_BREAK;
        if (c > 0)
          {
            /* The last character before C that is not a space (or the
               first): a run of spaces is walked once, by the
               opportunity that follows it. */
            size_t k = c - 1;
            while (k > 0 && cp[k] == ' ')
              k--;
            if (!forbidden_break (f, cp[c], cp[c - 1], at[off[c - 1]], cp[k]))
              {
                f |= AT_BREAK;
                /* The visible text ends after K, or further back when
                   no-break spaces precede it too. */
                add_break (p, off, cp, c, cp[k] == ' ' ? 0 : k + 1);
              }
          }
        at[off[c]] = (unsigned char) f;
      }
  add_break (p, off, cp, m, m);
  return true;
}

/* para_init's pass over any text, G being its grapheme cluster starts
   and LB libunistring's opportunities; returns whether it holds a hard
   line break. */
static bool
measure_general (struct para *p, const char *g, const char *lb)
{
  const char *s = p->s;
  size_t n = p->n;
  unsigned char *at = p->at;
  long col = 0;
  bool forced = false;
  struct hyphens h = { false, false };
  ucs4_t prev_uc = 0, before = 0;
  unsigned prev_f = 0, lead = 0;
  size_t i = 0;
  while (i < n)
    {
      ucs4_t uc;
      int len = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      size_t k = len > 0 ? (size_t) len : 1;
      unsigned f = at[i] | AT_CHAR | lead;
      if (g[i])
        f |= AT_GRAPHEME;
      char l = lb[i];
      if (l == UC_BREAK_POSSIBLE || l == UC_BREAK_HYPHENATION)
        f |= AT_RAW_BREAK;
      /* A hard line break (U+2028, CR LF...) ends the line after it. */
      else if (l == UC_BREAK_MANDATORY || l == UC_BREAK_CR_BEFORE_LF)
        {
          size_t after = i + k;
          if (l == UC_BREAK_CR_BEFORE_LF && after < n && s[after] == '\n')
            after++;
          if (after < n)
            at[after] |= AT_FORCED | AT_RAW_BREAK;
          forced = true;
        }
      bool plain_char = text_is_plain (uc);
      /* A space counts as one only when it is a grapheme cluster of its
         own: in "\u0600 " (a prepended mark) or " \u0301" (a space
         carrying an accent) it is part of what is shown, and dropping
         it at a break would split the cluster. */
      bool alone = g[i] && (i + k >= n || g[i + k]);
      if (alone && (uc == ' ' || (!plain_char && is_drop_space (uc))))
        f |= AT_SPACE;
      else if (alone && uc >= 0xA0 && is_glue (uc))
        f |= AT_GLUE;
      int cw = plain_char ? 1 : uc_width (uc, "UTF-8");
      p->col[i] = col;
      if (cw > 0)
        col += cw;
      if (i > 0 && (f & AT_RAW_BREAK)
          && !forbidden_break (f, uc, prev_uc, prev_f, before))
        f |= AT_BREAK;
      at[i] = (unsigned char) f;
      lead = hyphens_after (&h, uc, i, prev_uc, prev_f);
      if (i == 0 || !(f & AT_SPACE))
        before = uc;
      prev_uc = uc;
      prev_f = f;
      i += k;
    }
  at[n] |= lead;
  p->col[n] = col;
  return forced;
}

/* Measure S[0..N) into P: characters, graphemes, spaces, columns and the
   corrected break opportunities, with W's memory.  Plain text takes the
   fast passes; other text, or all text when ONLY_PLAIN, is left as it
   is and false returned: P is then not measured.  When plain text fits
   in FITS columns once the spaces that end it are dropped (FITS < 0:
   never), only its columns are measured and P->whole is set: greedy
   filling would take it all on one line whatever its opportunities. */
static bool
para_init (struct para *p, const char *s, size_t n, struct wrap_scratch *w,
           bool only_plain, long fits)
{
  p->s = s;
  p->n = n;
  p->w = w;
  p->composed = false;
  p->whole = SIZE_MAX;
  scratch_reserve (w, n);
  p->brk = w->brk;
  p->nbrk = 0;
  p->at = w->at;
  p->col = w->col;
  unsigned char *at = p->at;

  bool forced = false;
  bool plain = measure_plain (p, fits);
  if (plain && p->whole != SIZE_MAX)
    return true;
  if (!plain)
    {
      if (only_plain)
        return false;
      p->composed = false;
      memset (at, 0, n + 1);
      u8_grapheme_breaks ((const uint8_t *) s, n, w->g);
      u8_possible_linebreaks ((const uint8_t *) s, n, "UTF-8", w->lb);
      forced = measure_general (p, w->g, w->lb);
    }
  at[n] |= AT_CHAR | AT_GRAPHEME | AT_BREAK;

  /* The list measure_plain made holds until a rule below changes a
     flag. */
  bool relist = !plain;
  if (memchr (s, '(', n) && forbid_glued_parens (p))
    relist = true;
  /* An indent may be dropped when its first word does not fit after it
     (libunistring 1.0 gives no opportunity there). */
  size_t i = 0;
  while (i < n && (at[i] & AT_SPACE))
    {
      i++;
      while (i < n && !(at[i] & AT_CHAR))
        i++;
    }
  if (i > 0 && i < n && !(at[i] & AT_BREAK))
    {
      at[i] |= AT_BREAK;
      relist = true;
    }
  /* A hard break is kept whatever the rules above said. */
  for (i = 1; forced && i < n; i++)
    if (at[i] & AT_FORCED)
      at[i] |= AT_BREAK;
  if (relist)
    list_breaks (p);
  return true;
}

/* The scratch memory of OUT, made on first use. */
static struct wrap_scratch *
scratch_of (struct wrap_lines *out)
{
  if (!out->scratch)
    out->scratch = xcalloc (1, sizeof *out->scratch);
  return out->scratch;
}

/* Display width of P->s[A..B), both character starts. */
static long
cols (const struct para *p, size_t a, size_t b)
{
  return p->col[b] - p->col[a];
}

/* B moved back over every space (dropped or no-break) down to A. */
static size_t
trim_end (const struct para *p, size_t a, size_t b)
{
  while (b > a)
    {
      size_t c = prev_char (p, b);
      if (c < a || !(p->at[c] & (AT_SPACE | AT_GLUE)))
        break;
      b = c;
    }
  return b;
}

/* A moved forward over every space (dropped or no-break). */
static size_t
skip_spaces (const struct para *p, size_t a)
{
  while (a < p->n && (p->at[a] & (AT_SPACE | AT_GLUE)))
    {
      a++;
      while (a < p->n && !(p->at[a] & AT_CHAR))
        a++;
    }
  return a;
}

/* Whether a forced cut at I reads acceptably: the line does not end
   with « or a word-initial hyphen, and the next does not start with
   French closing punctuation. */
static bool
good_cut (const struct para *p, size_t start, size_t i)
{
  size_t vis = trim_end (p, start, i);
  if (vis == start || after_leading_hyphen (p, vis))
    return false;
  ucs4_t last = uc_at (p, prev_char (p, vis));
  size_t next = skip_spaces (p, i);
  return last != 0x00AB && last != 0x2039
         && !(next < p->n && is_closer (uc_at (p, next)));
}

/* Where to cut the line starting at START inside a unit too wide for
   any line, looking at the positions after FROM up to END (the unit's
   visible end).  Best is the last space or original libunistring
   opportunity that leaves a fitting line and reads well; unless only
   those are wanted (HINTS_ONLY, which returns 0 when there is none),
   then the last grapheme boundary that fits and reads well (so "x ?!"
   stays together when it can), then as many grapheme clusters as fit,
   at least one. */
static size_t
cut_point (const struct para *p, size_t start, size_t from, size_t end,
           int width, bool hints_only)
{
  size_t fit = start, fit_good = 0, hint = 0;
  for (size_t i = from + 1; i <= end; i++)
    {
      if (!(p->at[i] & AT_GRAPHEME))
        continue;
      /* Columns only grow with I, so nothing further can fit. */
      if (cols (p, start, i) > width)
        break;
      /* A cut inside or after spaces is the cut before them. */
      if (p->at[prev_char (p, i)] & (AT_SPACE | AT_GLUE))
        continue;
      fit = i;
      if (!good_cut (p, start, i))
        continue;
      fit_good = i;
      bool at_space = i < p->n && (p->at[i] & (AT_SPACE | AT_GLUE))
                      && !(p->at[prev_char (p, i)] & (AT_SPACE | AT_GLUE));
      if (at_space || (p->at[i] & AT_RAW_BREAK))
        hint = i;
    }
  if (hint || hints_only)
    return hint;
  if (fit > start && fit_good != fit)
    {
      /* Backing up to FIT_GOOD only helps when the next line can then
         hold the word's end with its glued punctuation. */
      size_t e = skip_spaces (p, fit);
      /* Only as far as decides it: a run of closers can be the whole
         rest of the paragraph ("!!!!..."), and every cut of it would
         walk it again. */
      while (fit_good && e < p->n && cols (p, fit_good, e) <= width
             && is_closer (uc_at (p, e)))
        e = next_char (p, e);
      if (!fit_good || cols (p, fit_good, e) > width)
        fit_good = fit;
    }
  if (fit > start)
    return fit_good;
  /* One grapheme cluster wider than the line: it goes alone. */
  size_t i = start + 1;
  while (i < p->n && !(p->at[i] & AT_GRAPHEME))
    i++;
  return i;
}

/* Append the line S[START..END) to OUT. */
static void
add_line (struct wrap_lines *out, const struct para *p, size_t start, size_t end)
{
  if (out->count == out->cap)
    XGROW (out->lines, out->cap, out->count + 1);
  struct wrap_line *l = &out->lines[out->count++];
  l->start = start;
  l->len = end - start;
  long w = cols (p, start, end);
  l->width = w > INT_MAX ? INT_MAX : (int) w;
}

/* Greedy fill over the corrected opportunities (see wrap.h).  With
   ONLY_PLAIN, a paragraph that is not plain text (para_init) is left
   alone and false returned; *COMPOSED (if not NULL) says whether it was
   plain and surely NFC. */
static bool
wrap_measured (const char *s, size_t n, int width, struct wrap_lines *out,
               bool only_plain, bool *composed)
{
  out->count = 0;
  if (width < 1)
    width = 1;
  if (n == 0)
    {
      XGROW (out->lines, out->cap, 1);
      out->lines[0] = (struct wrap_line) { 0, 0, 0 };
      out->count = 1;
      if (composed)
        *composed = true;
      return true;
    }
  struct para p;
  if (!para_init (&p, s, n, scratch_of (out), only_plain, width))
    return false;
  if (composed)
    *composed = p.composed;
  if (p.whole != SIZE_MAX)
    {
      add_line (out, &p, 0, p.whole);
      return true;
    }
  /* The opportunity after START, kept across cuts, and its index in
     the list; the first one after START, which only moves forward. */
  size_t unit_end = 0, unit_j = 0, first_j = 0;

  size_t start = 0;
  while (start < n)
    {
      /* Greedy: take every unit whose visible end still fits. */
      size_t end = 0, next = start, over = 0;
      /* The first opportunity after START is remembered: inside a long
         word cut into many lines it stays the same. */
      if (unit_end <= start)
        {
          while (p.brk[first_j].pos <= start)
            first_j++;
          unit_j = first_j;
          unit_end = p.brk[unit_j].pos;
        }
      for (size_t j = unit_j; ; j++)
        {
          size_t b = p.brk[j].pos;
          /* trim_end (&p, START, B), from the list. */
          size_t vis = p.brk[j].vis > start ? p.brk[j].vis : start;
          if (cols (&p, start, vis) > width)
            {
              over = b;
              break;
            }
          end = vis;
          next = b;
          if (b >= n || (p.at[b] & AT_FORCED))
            break;
        }
      if (next > start)
        {
          /* The unit that did not fit will be cut anyway when it is too
             wide for any line: its head fills this line if it has a space
             or an original opportunity to cut at ("au 28 / novembre"). */
          size_t u = skip_spaces (&p, next);
          if (over && end > start && u < over
              && cols (&p, u, trim_end (&p, u, over)) > width)
            {
              size_t cut = cut_point (&p, start, u, trim_end (&p, u, over),
                                      width, true);
              if (cut)
                {
                  end = trim_end (&p, start, cut);
                  next = cut;
                }
            }
          /* A line of spaces only (an indent that did not fit with its
             first word) is dropped. */
          if (end > start)
            add_line (out, &p, start, end);
          start = skip_spaces (&p, next);
          continue;
        }
      /* The first unit alone is too wide: cut it.  A head of spaces
         only (a no-break space that opens the paragraph) is dropped,
         not shown as an empty line. */
      size_t cut = cut_point (&p, start, start, trim_end (&p, start, unit_end),
                              width, false);
      size_t vis = trim_end (&p, start, cut);
      if (vis > start)
        add_line (out, &p, start, vis);
      start = skip_spaces (&p, cut);
    }
  if (out->count == 0)
    add_line (out, &p, 0, 0);
  return true;
}

/* Greedy fill over the corrected opportunities; see wrap.h. */
void
wrap_paragraph (const char *s, size_t n, int width, struct wrap_lines *out)
{
  wrap_measured (s, n, width, out, false, NULL);
}

/* Free the wrapper's working memory W. */
static void
scratch_free (struct wrap_scratch *w)
{
  if (!w)
    return;
  free (w->block);
  free (w->mark);
  free (w->open);
  free (w);
}

/* The opportunities para_init found, for the conformance test. */
void
wrap_breaks (const char *s, size_t n, bool raw, char *p)
{
  if (n == 0)
    return;
  struct wrap_scratch *w = xcalloc (1, sizeof *w);
  struct para para;
  para_init (&para, s, n, w, false, -1);
  for (size_t i = 0; i < n; i++)
    p[i] = i > 0 && (para.at[i] & (raw ? AT_RAW_BREAK : AT_BREAK)) ? 1 : 0;
  scratch_free (w);
}

/* Free LINES' array and working memory, and leave it empty and reusable. */
void
wrap_lines_free (struct wrap_lines *lines)
{
  free (lines->lines);
  scratch_free (lines->scratch);
  lines->lines = NULL;
  lines->scratch = NULL;
  lines->count = lines->cap = 0;
}

/* The paragraph LINE[0..N) made safe for a terminal: a tab becomes a
   space (a kiosk has no tab stops to honour), a line or paragraph
   separator becomes a space (each input line is one paragraph), and any
   other control character becomes U+FFFD, so no escape sequence reaches
   the terminal and nothing invisible is lost without a trace. */
static char *
sanitise (const char *line, size_t n, size_t *out_len)
{
  struct strbuf b = STRBUF_INIT;
  strbuf_add (&b, "", 0);
  size_t i = 0;
  while (i < n)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, (const uint8_t *) line + i, n - i);
      if (k <= 0)
        k = 1;
      if (uc == '\t' || uc == 0x2028 || uc == 0x2029)
        strbuf_addc (&b, ' ');
      else if (uc < 0x20 || (uc >= 0x7F && uc < 0xA0))
        strbuf_adds (&b, "\xEF\xBF\xBD");
      else
        strbuf_add (&b, line + i, (size_t) k);
      i += (size_t) k;
    }
  *out_len = b.len;
  return strbuf_steal (&b);
}

/* Whether sanitise would change LINE[0..N): it holds a C0 or C1 control
   character, DEL, U+2028 or U+2029.  Most text holds none, and is then
   wrapped as it is, without a copy. */
static bool
needs_sanitising (const char *line, size_t n)
{
  const unsigned char *u = (const unsigned char *) line;
  for (size_t i = 0; i < n; i++)
    if (u[i] < 0x20 || u[i] == 0x7F
        || (u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] < 0xA0)
        || (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80
            && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)))
      return true;
  return false;
}

/* The filter's output, gathered so that stdio is called once per
   block instead of once per line: the paragraphs are short. */
struct output
{
  FILE *out;
  char *buf;
  size_t len, cap;
  bool each;            /* write each paragraph at once (a terminal) */
};

/* Write what O holds to its stream. */
static void
output_flush (struct output *o)
{
  if (o->len)
    fwrite (o->buf, 1, o->len, o->out);
  o->len = 0;
}

/* Add TEXT's LINES to O, each with its newline. */
static void
put_lines (struct output *o, const char *text, const struct wrap_lines *lines)
{
  size_t len = 0;
  for (size_t i = 0; i < lines->count; i++)
    len += lines->lines[i].len + 1;
  XGROW (o->buf, o->cap, o->len + len);
  char *d = o->buf + o->len;
  for (size_t i = 0; i < lines->count; i++)
    {
      memcpy (d, text + lines->lines[i].start, lines->lines[i].len);
      d += lines->lines[i].len;
      *d++ = '\n';
    }
  o->len += len;
  if (o->each || o->len >= 65536)
    output_flush (o);
}

/* --wrap: check, clean, compose and wrap each input line. */
int
wrap_filter (FILE *in, FILE *out, int width)
{
  int status = 0;
  char *line = NULL;
  size_t cap = 0;
  unsigned long lineno = 0;
  ssize_t got;
  struct wrap_lines lines = WRAP_LINES_INIT;
  /* Someone typing at a terminal sees each paragraph as it is read. */
  int fd = fileno (out);
  struct output o = { out, NULL, 0, 0, fd >= 0 && isatty (fd) };

  while ((got = getline (&line, &cap, in)) != -1)
    {
      size_t n = (size_t) got;
      lineno++;
      if (n > 0 && line[n - 1] == '\n')
        n--;
      if (n > 0 && line[n - 1] == '\r')
        n--;
      /* Most prose is plain and NFC already: valid, clean and composed,
         it is wrapped where it lies, without a check or a copy. */
      bool nfc;
      if (wrap_measured (line, n, width, &lines, true, &nfc) && nfc)
        {
          put_lines (&o, line, &lines);
          continue;
        }
      size_t bad;
      if (!text_valid_utf8 (line, n, &bad))
        {
          /* TRANSLATORS: %lu is a line number, %zu a byte offset in it. */
          fprintf (stderr, _("%s: standard input:%lu: invalid UTF-8 at byte %zu; line skipped\n"),
                   PACKAGE, lineno, bad + 1);
          status = 1;
          continue;
        }
      size_t clean_len, len;
      char *clean = NULL;
      if (needs_sanitising (line, n))
        clean = sanitise (line, n, &clean_len);
      char *text = clean ? text_nfc (clean, clean_len, &len)
                         : text_nfc (line, n, &len);
      free (clean);
      wrap_paragraph (text, len, width, &lines);
      put_lines (&o, text, &lines);
      free (text);
    }
  output_flush (&o);
  free (o.buf);
  free (line);
  wrap_lines_free (&lines);
  if (ferror (in))
    {
      fprintf (stderr, _("%s: cannot read standard input: %s\n"), PACKAGE,
               strerror (errno));
      status = 1;
    }
  if (fflush (out) != 0 || ferror (out))
    {
      fprintf (stderr, _("%s: cannot write standard output: %s\n"), PACKAGE,
               strerror (errno));
      status = 1;
    }
  return status;
}
