/* search.c -- finding pages by words typed without accents.

   Every searchable string of the site is folded once and cut into
   words; the index keeps only the words, each as its rank in a sorted
   dictionary of every folded word of the site.  The words that begin
   with a query word are then one range of ranks, and a page is matched
   by comparing numbers, not text.  Nothing of the original text is
   kept: the snippet of a hit the screen shows folds its field again,
   grapheme by grapheme, keeping where each grapheme starts in the
   original and in the folded text, so that the match maps back to
   whole graphemes of the original. */
#include "system.h"
#include "search.h"

#include "model.h"
#include "strbuf.h"
#include "text.h"

/* Where one grapheme starts, in the original and in the folded text. */
struct grapheme
{
  uint32_t plain;
  uint32_t folded;
};

/* Texts longer than this are not mapped (their matches show no
   snippet): no page field comes near it. */
#define MAP_MAX_LEN (UINT32_MAX / 8)

/* A text rebuilt for a snippet: its plain form and its grapheme map. */
struct mapped
{
  const char *plain;            /* NFC, no Markdown; blocks on lines */
  size_t plain_len;
  struct grapheme *map;         /* one per grapheme of PLAIN */
  size_t nmap;
};

/* The longest grapheme, and folded form of one, the fold cache keeps. */
#define FOLD_KEY_MAX 14

/* A non-ASCII grapheme and its folded form. */
struct fold_entry
{
  unsigned char klen;           /* 0: an empty slot */
  unsigned char vlen;
  char key[FOLD_KEY_MAX];
  char val[FOLD_KEY_MAX];
};

/* The folded forms of the non-ASCII graphemes met so far: text_fold
   costs thousands of instructions a grapheme, and a guide uses a few
   hundred distinct ones (Vietnamese has about 130 vowels with their
   marks in each case). */
struct fold_cache
{
  struct fold_entry *slots;     /* open addressing, CAP a power of 2 */
  size_t cap;
  size_t n;
};

/* Enough slots for any guide's alphabet; past it, text_fold is called. */
#define FOLD_CACHE_MAX 65536

/* A token of the index: a word's rank in the dictionary, or, with
   TOKEN_GAP set, how many separators come before the next word when
   that is not the usual (none before a field's first word, one before
   the others). */
#define TOKEN_GAP 0x80000000u

/* One searchable string of a page: a title, a summary, a detail or a
   body. */
struct field_ref
{
  uint32_t start;               /* its first token; the next field's
                                   start ends it */
  unsigned char where;          /* enum search_where */
};

struct builder;

struct search_index
{
  const struct site *site;
  size_t ndocs;                 /* page * LANG_COUNT + lang */
  size_t *doc_first;            /* NDOCS + 1: doc D's fields are
                                   [doc_first[D], doc_first[D + 1]) */
  struct field_ref *fields;     /* NFIELDS + 1, the last an end mark */
  size_t nfields;
  uint32_t *tokens;
  size_t ntokens;
  char *words;                  /* the dictionary, sorted bytewise: */
  size_t *word_off;             /* word I is words[word_off[I] ..
                                   word_off[I + 1]) */
  size_t nwords;
  struct fold_cache cache;      /* every non-ASCII grapheme indexed */
  struct builder *build;        /* until the index is complete */
};

/* The default width of a snippet, and the narrowest one made. */
#define SNIPPET_WIDTH 60
#define SNIPPET_MIN_WIDTH 10

/* Decode the code point at S[0..N), or U+FFFD for a bad sequence. */
static uint32_t
first_code_point (const unsigned char *s, size_t n)
{
  if (n == 0)
    return 0;
  if (s[0] < 0x80)
    return s[0];
  size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
  if (len == 0 || len > n)
    return 0xFFFD;
  uint32_t cp = s[0] & (0x7F >> len);
  for (size_t i = 1; i < len; i++)
    {
      if ((s[i] & 0xC0) != 0x80)
        return 0xFFFD;
      cp = (cp << 6) | (s[i] & 0x3F);
    }
  return cp;
}

/* True when code point CP separates words: spaces (U+202F of French
   typography too), punctuation, symbols. */
static bool
is_separator (uint32_t cp)
{
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')
             || (cp >= 'A' && cp <= 'Z'));
  if (cp <= 0xBF)
    return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7
    || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF)
    || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F)
    || (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F)
    || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20)
    || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)
    || cp == 0xFFFD;
}

/* The slot of CACHE (which has slots) holding grapheme G[0..N), or the
   empty slot where it would go. */
static size_t
cache_slot (const struct fold_cache *cache, const char *g, size_t n)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) g[i]) * 16777619u;
  size_t mask = cache->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    {
      const struct fold_entry *e = &cache->slots[i];
      if (e->klen == 0 || (e->klen == n && memcmp (e->key, g, n) == 0))
        return i;
    }
}

/* Remember in CACHE that grapheme G[0..N) folds to F[0..FN). */
static void
cache_learn (struct fold_cache *cache, const char *g, size_t n,
             const char *f, size_t fn)
{
  if (n == 0 || n > FOLD_KEY_MAX || fn > FOLD_KEY_MAX
      || cache->n >= FOLD_CACHE_MAX / 2)
    return;
  if (2 * (cache->n + 1) > cache->cap)
    {
      /* Keep the table at most half full: probes stay short. */
      struct fold_cache bigger = { NULL, cache->cap ? 2 * cache->cap : 256,
                                   cache->n };
      bigger.slots = xcalloc (bigger.cap, sizeof *bigger.slots);
      for (size_t i = 0; i < cache->cap; i++)
        {
          const struct fold_entry *e = &cache->slots[i];
          if (e->klen)
            bigger.slots[cache_slot (&bigger, e->key, e->klen)] = *e;
        }
      free (cache->slots);
      *cache = bigger;
    }
  struct fold_entry *e = &cache->slots[cache_slot (cache, g, n)];
  if (e->klen)
    return;
  e->klen = (unsigned char) n;
  e->vlen = (unsigned char) fn;
  memcpy (e->key, g, n);
  memcpy (e->val, f, fn);
  cache->n++;
}

/* Append the folded form of the non-ASCII grapheme G[0..N) to OUT: a
   separator becomes one space, the rest goes through text_fold, and
   the ligatures œ and æ become two letters; invalid UTF-8 becomes a
   space.  KNOWN (if not NULL) is looked in first; LEARN (if not NULL)
   remembers the result. */
static void
fold_grapheme (struct strbuf *out, const char *g, size_t n,
               const struct fold_cache *known, struct fold_cache *learn)
{
  /* The cache holds valid graphemes only: no need to check G first. */
  if (known && known->cap && n <= FOLD_KEY_MAX)
    {
      const struct fold_entry *e = &known->slots[cache_slot (known, g, n)];
      if (e->klen)
        {
          strbuf_add (out, e->val, e->vlen);
          return;
        }
    }
  if (!text_valid_utf8 (g, n, NULL))
    {
      strbuf_addc (out, ' ');
      return;
    }
  size_t before = out->len;
  uint32_t cp = first_code_point ((const unsigned char *) g, n);
  if (is_separator (cp))
    strbuf_addc (out, ' ');
  else
    {
      size_t len;
      char *f = text_fold (g, n, &len);
      /* The on-screen keyboard has no œ or æ: "oeuvre" finds œuvre. */
      if (strcmp (f, "œ") == 0)
        strbuf_adds (out, "oe");
      else if (strcmp (f, "æ") == 0)
        strbuf_adds (out, "ae");
      else
        strbuf_add (out, f, len);
      free (f);
    }
  if (learn)
    cache_learn (learn, g, n, out->s + before, out->len - before);
}

/* The length of the code point at S[0..N) when the fast path knows it:
   ASCII but CR, or a valid letter of U+00C0..U+02FF or U+1E00..U+1EFF
   (every French and Vietnamese letter).  None of them joins the code
   point before it into a grapheme; 0 for any other. */
static size_t
simple_len (const unsigned char *s, size_t n)
{
  if (n == 0)
    return 0;
  if (s[0] < 0x80)
    return s[0] == '\r' ? 0 : 1;
  if (s[0] >= 0xC3 && s[0] <= 0xCB)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (s[0] == 0xE1)
    return n >= 3 && s[1] >= 0xB8 && s[1] <= 0xBB && (s[2] & 0xC0) == 0x80
      ? 3 : 0;
  return 0;
}

/* Append S[0..N) folded to OUT; when MAP is not NULL, record where
   each grapheme starts in *MAP (*NMAP of them).  Invalid UTF-8
   graphemes fold to spaces.  KNOWN and LEARN as for fold_grapheme. */
static void
fold_into (struct strbuf *out, const char *s, size_t n,
           const struct fold_cache *known, struct fold_cache *learn,
           struct grapheme **map, size_t *nmap)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t cap = 0;
  if (map)
    *map = NULL, *nmap = 0;
  if (n > MAP_MAX_LEN)
    map = NULL;
  XGROW (out->s, out->cap, out->len + n + 1);
  for (size_t i = 0; i < n;)
    {
      /* A known code point before another (or the end) is a grapheme of
         its own; else ask the text engine. */
      size_t g;
      if (u[i] < 0x80 && u[i] != '\r' && (i + 1 == n || u[i + 1] < 0x80))
        g = 1;
      else if ((g = simple_len (u + i, n - i)) == 0
               || (i + g < n && simple_len (u + i + g, n - i - g) == 0))
        {
          g = text_grapheme_len (s + i, n - i);
          if (g == 0 || g > n - i)
            g = 1;
        }
      if (map)
        {
          if (*nmap + 1 > cap)
            XGROW (*map, cap, *nmap + 1);
          (*map)[*nmap].plain = (uint32_t) i;
          (*map)[*nmap].folded = (uint32_t) out->len;
          (*nmap)++;
        }
      unsigned char c = u[i];
      if (g == 1 && c < 0x80)
        {
          if (out->len + 2 > out->cap)
            XGROW (out->s, out->cap, out->len + 2);
          out->s[out->len++] = is_separator (c) ? ' '
            : (char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
      else
        fold_grapheme (out, s + i, g, known, learn);
      i += g;
    }
  out->s[out->len] = '\0';
}

/* S[0..N) folded, NUL-terminated, *LEN its length; MAP, NMAP and KNOWN
   as for fold_into. */
static char *
fold_text (const char *s, size_t n, size_t *len, const struct fold_cache *known,
           struct grapheme **map, size_t *nmap)
{
  struct strbuf out = STRBUF_INIT;
  fold_into (&out, s, n, known, NULL, map, nmap);
  *len = out.len;
  return strbuf_steal (&out);
}

/* Strip an ATX heading's closing "#"s and spaces from LINE[0..*N). */
static void
strip_closing_hashes (const char *line, size_t *n)
{
  size_t e = *n;
  while (e > 0 && line[e - 1] == ' ')
    e--;
  size_t h = e;
  while (h > 0 && line[h - 1] == '#')
    h--;
  if (h < e && (h == 0 || line[h - 1] == ' '))
    e = h;
  *n = e;
}

/* Append the UTF-8 encoding of CP to B. */
static void
add_code_point (struct strbuf *b, uint32_t cp)
{
  char u[4];
  size_t n;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  if (cp < 0x80)
    u[0] = (char) cp, n = 1;
  else if (cp < 0x800)
    u[0] = (char) (0xC0 | (cp >> 6)), u[1] = (char) (0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    u[0] = (char) (0xE0 | (cp >> 12)), u[1] = (char) (0x80 | ((cp >> 6) & 0x3F)),
      u[2] = (char) (0x80 | (cp & 0x3F)), n = 3;
  else
    u[0] = (char) (0xF0 | (cp >> 18)), u[1] = (char) (0x80 | ((cp >> 12) & 0x3F)),
      u[2] = (char) (0x80 | ((cp >> 6) & 0x3F)),
      u[3] = (char) (0x80 | (cp & 0x3F)), n = 4;
  strbuf_add (b, u, n);
}

/* The length of the HTML entity at S[0..N) ("&amp;", "&#233;"), its
   character appended to OUT; 0 (and nothing appended) if none. */
static size_t
decode_entity (const char *s, size_t n, struct strbuf *out)
{
  static const struct { const char *name; uint32_t cp; } named[] =
    {
      { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
      { "&apos;", '\'' }, { "&nbsp;", 0xA0 },
    };
  for (size_t i = 0; i < ARRAY_SIZE (named); i++)
    {
      size_t l = strlen (named[i].name);
      if (l <= n && memcmp (s, named[i].name, l) == 0)
        {
          add_code_point (out, named[i].cp);
          return l;
        }
    }
  if (n < 4 || s[1] != '#')
    return 0;
  bool hex = s[2] == 'x' || s[2] == 'X';
  size_t i = hex ? 3 : 2;
  uint32_t cp = 0;
  size_t digits = 0;
  for (; i < n && digits < 7; i++, digits++)
    {
      char c = s[i];
      int d = c >= '0' && c <= '9' ? c - '0'
        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0)
        break;
      cp = cp * (hex ? 16 : 10) + (uint32_t) d;
    }
  if (digits == 0 || i >= n || s[i] != ';')
    return 0;
  add_code_point (out, cp);
  return i + 1;
}

/* True for bytes that are part of a word, for the "_" rule: ASCII
   letters and digits, and any byte of a non-ASCII character. */
static bool
is_word_byte (char c)
{
  unsigned char u = (unsigned char) c;
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')
    || (u >= 'A' && u <= 'Z');
}

/* True for the bytes strip_inline may treat as Markdown. */
static bool
is_markup (char c)
{
  switch (c)
    {
    case '\\': case '!': case '[': case ']': case '<': case '&': case '*':
    case '`': case '~': case '_': case ' ': case '\t': case '|':
      return true;
    default:
      return false;
    }
}

/* The index just past the bracket that closes the one at S[I], or N
   when none does on this line. */
static size_t
skip_bracketed (const char *s, size_t n, size_t i, char open, char close)
{
  int depth = 0;
  for (; i < n; i++)
    {
      if (s[i] == '\\' && i + 1 < n)
        i++;
      else if (s[i] == open)
        depth++;
      else if (s[i] == close && --depth == 0)
        return i + 1;
    }
  return n;
}

/* Append to OUT the inline text of Markdown LINE[0..N): links keep
   their text, images their description, autolinks their address;
   emphasis, code spans and HTML tags go; escapes and entities are
   decoded.  Runs of spaces become one space. */
static void
strip_inline (struct strbuf *out, const char *s, size_t n)
{
  /* Once no '>' is left, no '<' starts a tag: this keeps a line full
     of '<' linear. */
  bool gt_left = true;
  for (size_t i = 0; i < n; i++)
    {
      char c = s[i];
      if (c == '\\' && i + 1 < n && s[i + 1] > ' ' && s[i + 1] < 0x7F
          && !is_word_byte (s[i + 1]))
        strbuf_addc (out, s[++i]);
      else if (c == '!' && i + 1 < n && s[i + 1] == '[')
        continue;
      else if (c == '[')
        continue;
      else if (c == ']')
        {
          /* The target of an inline or reference link goes. */
          if (i + 1 < n && s[i + 1] == '(')
            i = skip_bracketed (s, n, i + 1, '(', ')') - 1;
          else if (i + 1 < n && s[i + 1] == '[')
            i = skip_bracketed (s, n, i + 1, '[', ']') - 1;
        }
      else if (c == '<' && gt_left && i + 1 < n
               && (s[i + 1] == '/' || s[i + 1] == '!'
                   || ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z')))
        {
          const char *gt = memchr (s + i, '>', n - i);
          if (!gt)
            {
              gt_left = false;
              strbuf_addc (out, c);
            }
          else
            {
              size_t len = (size_t) (gt - (s + i)) - 1;
              const char *in = s + i + 1;
              /* An autolink keeps its address; a tag goes. */
              if (memchr (in, ':', len) && !memchr (in, ' ', len))
                strbuf_add (out, in, len);
              i = (size_t) (gt - s);
            }
        }
      else if (c == '&')
        {
          size_t l = decode_entity (s + i, n - i, out);
          if (l == 0)
            strbuf_addc (out, c);
          else
            i += l - 1;
        }
      else if (c == '*' || c == '`' || c == '~')
        continue;
      else if (c == '_' && !(i > 0 && is_word_byte (s[i - 1])
                             && i + 1 < n && is_word_byte (s[i + 1])))
        continue;
      else if (c == ' ' || c == '\t' || c == '|')
        {
          if (out->len > 0 && out->s[out->len - 1] != ' '
              && out->s[out->len - 1] != '\n')
            strbuf_addc (out, ' ');
        }
      else
        {
          /* The ordinary bytes that follow, at once. */
          size_t e = i + 1;
          while (e < n && !is_markup (s[e]))
            e++;
          strbuf_add (out, s + i, e - i);
          i = e - 1;
        }
    }
}

/* End the current block of OUT: drop a trailing space, add a newline
   unless the block is empty. */
static void
end_block (struct strbuf *out)
{
  if (out->len > 0 && out->s[out->len - 1] == ' ')
    out->s[--out->len] = '\0';
  if (out->len > 0 && out->s[out->len - 1] != '\n')
    strbuf_addc (out, '\n');
}

/* True when LINE[0..N) is only C repeated (with spaces), at least 3
   times: a thematic break or a setext underline. */
static bool
is_rule (const char *line, size_t n, char c)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    if (line[i] == c)
      count++;
    else if (line[i] != ' ' && line[i] != '\t')
      return false;
  return count >= (c == '=' ? 1 : 3);
}

char *
search_strip_markdown (const char *s, size_t n)
{
  struct strbuf out = STRBUF_INIT;
  bool in_fence = false;
  char fence = 0;
  strbuf_add (&out, "", 0);
  for (size_t ls = 0; ls < n;)
    {
      const char *nl = memchr (s + ls, '\n', n - ls);
      size_t le = nl ? (size_t) (nl - s) : n;
      const char *line = s + ls;
      size_t len = le - ls;
      ls = nl ? le + 1 : n;
      if (len > 0 && line[len - 1] == '\r')
        len--;

      /* Leading spaces and block quote marks. */
      size_t i = 0;
      for (;;)
        {
          while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
          if (i < len && line[i] == '>' && !in_fence)
            i++;
          else
            break;
        }
      line += i, len -= i;

      if (len >= 3 && (line[0] == '`' || line[0] == '~')
          && line[1] == line[0] && line[2] == line[0]
          && (!in_fence || line[0] == fence))
        {
          in_fence = !in_fence;
          fence = line[0];
          end_block (&out);
          continue;
        }
      if (in_fence)
        {
          strbuf_add (&out, line, len);
          end_block (&out);
          continue;
        }
      if (len == 0)
        {
          end_block (&out);
          continue;
        }
      if (is_rule (line, len, '-') || is_rule (line, len, '*')
          || is_rule (line, len, '_') || is_rule (line, len, '='))
        {
          end_block (&out);
          continue;
        }
      /* A link reference definition is no text. */
      if (line[0] == '[')
        {
          size_t close = skip_bracketed (line, len, 0, '[', ']');
          if (close < len && line[close] == ':')
            {
              end_block (&out);
              continue;
            }
        }
      size_t h = 0;
      while (h < len && h < 7 && line[h] == '#')
        h++;
      if (h >= 1 && h <= 6 && (h == len || line[h] == ' '))
        {
          line += h, len -= h;
          strip_closing_hashes (line, &len);
          end_block (&out);
          strip_inline (&out, line, len);
          end_block (&out);
          continue;
        }
      /* A list item starts a block of its own. */
      size_t m = 0;
      if ((line[0] == '-' || line[0] == '*' || line[0] == '+')
          && (len == 1 || line[1] == ' '))
        m = 1;
      else
        {
          while (m < len && m < 9 && line[m] >= '0' && line[m] <= '9')
            m++;
          if (m > 0 && m < len && (line[m] == '.' || line[m] == ')')
              && (m + 1 == len || line[m + 1] == ' '))
            m++;
          else
            m = 0;
        }
      if (m > 0)
        {
          end_block (&out);
          line += m, len -= m;
        }
      else if (out.len > 0 && out.s[out.len - 1] != '\n')
        strbuf_addc (&out, ' ');
      strip_inline (&out, line, len);
    }
  end_block (&out);
  if (out.len > 0 && out.s[out.len - 1] == '\n')
    out.s[--out.len] = '\0';
  return strbuf_steal (&out);
}


/* The source of field K of T, in the order the index takes them: title,
   summary, craft, place, stand, contact, products, body, the absent
   ones skipped.  *WHERE gets its kind, *MARKDOWN whether it is the body
   (then "": body_plain gives its text).  NULL past the last field. */
static const char *
field_source (const struct page_text *t, size_t k, enum search_where *where,
              bool *markdown)
{
  const char *const heads[] = { t->title, t->summary, t->craft, t->place,
                                t->stand, t->contact };
  *markdown = false;
  for (size_t i = 0; i < ARRAY_SIZE (heads); i++)
    if (heads[i] && k-- == 0)
      {
        *where = i == 0 ? SEARCH_TITLE : i == 1 ? SEARCH_SUMMARY
          : SEARCH_DETAILS;
        return heads[i];
      }
  for (size_t i = 0; i < t->nproducts; i++)
    if (t->products[i] && k-- == 0)
      {
        *where = SEARCH_DETAILS;
        return t->products[i];
      }
  if ((t->body || t->body_lazy) && k == 0)
    {
      /* The body may be in its file still: see page_text_body. */
      *where = SEARCH_BODY;
      *markdown = true;
      return "";
    }
  return NULL;
}

/* T's body stripped of Markdown, read from its file when the site was
   loaded lazily; NULL when it cannot be read.  Caller frees. */
static char *
body_plain (const struct page_text *t)
{
  char *body = page_text_body (t, NULL);
  if (!body)
    return NULL;
  char *plain = search_strip_markdown (body, strlen (body));
  free (body);
  return plain;
}

/* The plain text of field K of T (Markdown stripped from the body), or
   NULL past the last; *WHERE its kind.  Caller frees. */
static char *
field_plain (const struct page_text *t, size_t k, enum search_where *where)
{
  bool markdown;
  const char *s = field_source (t, k, where, &markdown);
  if (!s)
    return NULL;
  return markdown ? body_plain (t) : xstrdup (s);
}

/* The dictionary while the index is built: each distinct folded word
   once, in the order met, found again through a hash table. */
struct builder
{
  size_t next_doc;              /* the next document to fold */
  struct strbuf folded;         /* room to fold a field in */
  size_t fields_cap, tokens_cap;        /* room in the index's arrays */
  struct strbuf words;
  size_t *off;                  /* NWORDS + 1 */
  size_t off_cap;
  uint32_t *hash;               /* each word's */
  size_t hash_cap;
  size_t nwords;
  uint32_t *table;              /* word number + 1; 0 is empty */
  size_t table_cap;             /* a power of 2 */
};

/* Free B (which may be NULL). */
static void
builder_free (struct builder *b)
{
  if (!b)
    return;
  strbuf_free (&b->folded);
  strbuf_free (&b->words);
  free (b->off);
  free (b->hash);
  free (b->table);
  free (b);
}

/* The hash of S[0..N). */
static uint32_t
word_hash (const char *s, size_t n)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * 16777619u;
  return h;
}

/* The number of word S[0..N) in B, added if new; UINT32_MAX when the
   dictionary is full (no real text comes near). */
static uint32_t
builder_word (struct builder *b, const char *s, size_t n)
{
  uint32_t h = word_hash (s, n);
  if (2 * (b->nwords + 1) > b->table_cap)
    {
      if (b->nwords >= TOKEN_GAP / 4)
        return UINT32_MAX;
      size_t cap = b->table_cap ? 2 * b->table_cap : 1024;
      uint32_t *table = xcalloc (cap, sizeof *table);
      for (size_t w = 0; w < b->nwords; w++)
        {
          size_t i = b->hash[w] & (cap - 1);
          while (table[i])
            i = (i + 1) & (cap - 1);
          table[i] = (uint32_t) w + 1;
        }
      free (b->table);
      b->table = table;
      b->table_cap = cap;
    }
  size_t mask = b->table_cap - 1, i = h & mask;
  for (; b->table[i]; i = (i + 1) & mask)
    {
      size_t w = b->table[i] - 1;
      if (b->hash[w] == h && b->off[w + 1] - b->off[w] == n
          && memcmp (b->words.s + b->off[w], s, n) == 0)
        return (uint32_t) w;
    }
  XGROW (b->off, b->off_cap, b->nwords + 2);
  XGROW (b->hash, b->hash_cap, b->nwords + 1);
  if (b->nwords == 0)
    b->off[0] = 0;
  strbuf_add (&b->words, s, n);
  b->off[b->nwords + 1] = b->words.len;
  b->hash[b->nwords] = h;
  b->table[i] = (uint32_t) b->nwords + 1;
  return (uint32_t) b->nwords++;
}

/* Append TOKEN to INDEX's tokens; false when the
   index is full (no real site comes near). */
static bool
add_token (struct search_index *index, uint32_t token)
{
  if (index->ntokens >= TOKEN_GAP - 1)
    return false;
  XGROW (index->tokens, index->build->tokens_cap, index->ntokens + 1);
  index->tokens[index->ntokens++] = token;
  return true;
}

/* Cut the folded text F[0..N) into words and append their tokens to
   INDEX. */
static void
add_words (struct search_index *index, struct builder *b, const char *f,
           size_t n)
{
  bool first = true;
  for (size_t i = 0; i < n;)
    {
      size_t s = i;
      while (i < n && f[i] == ' ')
        i++;
      size_t gap = i - s;
      if (i == n)
        break;
      size_t ws = i;
      while (i < n && f[i] != ' ')
        i++;
      uint32_t w = builder_word (b, f + ws, i - ws);
      if (w == UINT32_MAX)
        return;
      uint32_t seps = (uint32_t) (gap < TOKEN_GAP - 1 ? gap : TOKEN_GAP - 1);
      if (gap != (first ? 0u : 1u) && !add_token (index, TOKEN_GAP | seps))
        return;
      if (!add_token (index, w))
        return;
      first = false;
    }
}

/* A word of the dictionary being sorted. */
struct sort_word
{
  const char *s;
  size_t len;
  uint32_t number;
};

/* qsort order of words: bytewise, a prefix first. */
static int
sort_word_compare (const void *pa, const void *pb)
{
  const struct sort_word *a = pa, *b = pb;
  int c = memcmp (a->s, b->s, a->len < b->len ? a->len : b->len);
  if (c != 0)
    return c;
  return (a->len > b->len) - (a->len < b->len);
}

/* Sort B's words into INDEX's dictionary and turn the word numbers of
   INDEX's tokens into ranks in it: the words beginning with any given
   letters are then one range of ranks. */
static void
index_sort_words (struct search_index *index, struct builder *b)
{
  size_t n = b->nwords;
  struct sort_word *sorted = xcalloc (n ? n : 1, sizeof *sorted);
  for (size_t w = 0; w < n; w++)
    sorted[w] = (struct sort_word) { b->words.s + b->off[w],
                                     b->off[w + 1] - b->off[w],
                                     (uint32_t) w };
  qsort (sorted, n, sizeof *sorted, sort_word_compare);
  uint32_t *rank = xcalloc (n ? n : 1, sizeof *rank);
  index->word_off = xcalloc (n + 1, sizeof *index->word_off);
  index->words = xmalloc (b->words.len + 1);
  size_t at = 0;
  for (size_t r = 0; r < n; r++)
    {
      rank[sorted[r].number] = (uint32_t) r;
      index->word_off[r] = at;
      memcpy (index->words + at, sorted[r].s, sorted[r].len);
      at += sorted[r].len;
    }
  index->word_off[n] = at;
  index->words[at] = '\0';
  index->nwords = n;
  for (size_t t = 0; t < index->ntokens; t++)
    if (!(index->tokens[t] & TOKEN_GAP))
      index->tokens[t] = rank[index->tokens[t]];
  free (rank);
  free (sorted);
}

struct search_index *
search_index_start (const struct site *site)
{
  struct search_index *index = xcalloc (1, sizeof *index);
  index->site = site;
  /* No overflow: SITE already holds a pointer per page. */
  index->ndocs = site->npages * LANG_COUNT;
  index->doc_first = xcalloc (index->ndocs + 1, sizeof *index->doc_first);
  index->build = xcalloc (1, sizeof *index->build);
  return index;
}

/* Fold the fields of document D into INDEX. */
static void
index_doc (struct search_index *index, size_t d)
{
  struct builder *b = index->build;
  index->doc_first[d] = index->nfields;
  const struct page *page = page_ready (index->site->pages[d / LANG_COUNT]);
  const struct page_text *t = page->text[d % LANG_COUNT];
  if (t && t->broken)
    t = NULL;                   /* a lazily read page that failed */
  enum search_where where;
  bool markdown;
  const char *s;
  for (size_t k = 0; t && (s = field_source (t, k, &where, &markdown)); k++)
    {
      char *plain = markdown ? body_plain (t) : NULL;
      if (markdown && !plain)
        continue;               /* the last field: a body unreadable now */
      const char *text = plain ? plain : s;
      b->folded.len = 0;
      fold_into (&b->folded, text, strlen (text), &index->cache,
                 &index->cache, NULL, NULL);
      free (plain);
      XGROW (index->fields, b->fields_cap, index->nfields + 2);
      index->fields[index->nfields].start = (uint32_t) index->ntokens;
      index->fields[index->nfields].where = (unsigned char) where;
      index->nfields++;
      add_words (index, b, b->folded.s, b->folded.len);
    }
}

/* Close INDEX once every document is in: the end marks, the sorted
   dictionary, no slack (the index is kept for the program's life). */
static void
index_finish (struct search_index *index)
{
  struct builder *b = index->build;
  index->doc_first[index->ndocs] = index->nfields;
  XGROW (index->fields, b->fields_cap, index->nfields + 1);
  index->fields[index->nfields].start = (uint32_t) index->ntokens;
  index->fields[index->nfields].where = SEARCH_BODY;
  if (index->ntokens)
    index->tokens = xrealloc (index->tokens,
                              index->ntokens * sizeof *index->tokens);
  index->fields = xrealloc (index->fields,
                            (index->nfields + 1) * sizeof *index->fields);
  index_sort_words (index, b);
  builder_free (b);
  index->build = NULL;
}

bool
search_index_build (struct search_index *index, size_t npages)
{
  if (!index->build)
    return true;
  struct builder *b = index->build;
  for (size_t p = 0; p < npages && b->next_doc < index->ndocs; p++)
    for (int l = 0; l < LANG_COUNT && b->next_doc < index->ndocs; l++)
      index_doc (index, b->next_doc++);
  if (b->next_doc < index->ndocs)
    return false;
  index_finish (index);
  return true;
}

struct search_index *
search_index_new (const struct site *site)
{
  struct search_index *index = search_index_start (site);
  search_index_build (index, SIZE_MAX);
  return index;
}

void
search_index_free (struct search_index *index)
{
  if (!index)
    return;
  free (index->doc_first);
  free (index->fields);
  free (index->tokens);
  free (index->words);
  free (index->word_off);
  free (index->cache.slots);
  builder_free (index->build);
  free (index);
}

/* A query word: its folded letters, and the dictionary's words that
   begin with them, ranks [LO, LO + SPAN); EXACT when word LO is the
   query word itself. */
struct word
{
  const char *s;
  size_t len;
  uint32_t lo;
  uint32_t span;
  bool exact;
};

/* Compare the dictionary's word R with the first LEN bytes of S only:
   0 when it begins with them. */
static int
word_prefix_compare (const struct search_index *index, size_t r,
                     const char *s, size_t len)
{
  const char *w = index->words + index->word_off[r];
  size_t wl = index->word_off[r + 1] - index->word_off[r];
  int c = memcmp (w, s, wl < len ? wl : len);
  if (c != 0)
    return c;
  return wl < len ? -1 : 0;
}

/* Find the dictionary's range of words beginning with W. */
static void
word_range (const struct search_index *index, struct word *w)
{
  size_t lo = 0, hi = index->nwords;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (word_prefix_compare (index, mid, w->s, w->len) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  size_t end = lo;
  hi = index->nwords;
  while (end < hi)
    {
      size_t mid = end + (hi - end) / 2;
      if (word_prefix_compare (index, mid, w->s, w->len) <= 0)
        end = mid + 1;
      else
        hi = mid;
    }
  w->lo = (uint32_t) lo;
  w->span = (uint32_t) (end - lo);
  w->exact = end > lo
    && index->word_off[lo + 1] - index->word_off[lo] == w->len;
}

/* The token where W begins a word of field FI: the first where it is
   the whole word, else the first where it begins a longer one (*WHOLE
   says which); SIZE_MAX if neither. */
static size_t
field_find (const struct search_index *index, size_t fi,
            const struct word *w, bool *whole)
{
  const uint32_t *tok = index->tokens;
  size_t end = index->fields[fi + 1].start, first = SIZE_MAX;
  *whole = false;
  for (size_t k = index->fields[fi].start; k < end; k++)
    {
      /* Gap tokens are out of every range. */
      uint32_t rel = tok[k] - w->lo;
      if (rel < w->span)
        {
          if (rel == 0 && w->exact)
            {
              *whole = true;
              return k;
            }
          if (first == SIZE_MAX)
            {
              first = k;
              if (!w->exact)
                break;
            }
        }
    }
  return first;
}

/* The folded byte offset where token K of field FI begins. */
static size_t
token_offset (const struct search_index *index, size_t fi, size_t k)
{
  size_t at = 0, gap = SIZE_MAX;
  bool first = true;
  for (size_t t = index->fields[fi].start; t <= k; t++)
    {
      uint32_t tok = index->tokens[t];
      if (tok & TOKEN_GAP)
        {
          gap = tok & ~TOKEN_GAP;
          continue;
        }
      at += gap != SIZE_MAX ? gap : first ? 0 : 1;
      gap = SIZE_MAX;
      first = false;
      if (t < k)
        at += index->word_off[tok + 1] - index->word_off[tok];
    }
  return at;
}

/* How a document matched: the field and place of the match to show. */
struct match
{
  enum search_where where;
  bool whole;                   /* a whole word, not the start of one */
  size_t field;                 /* in the index */
  size_t token;
  size_t len;                   /* the query word's folded length */
};

/* How good a match is, lower better: its field first, then whether
   the word was whole ("hoa" is better as hòa than as the start of
   hoàng). */
static int
match_grade (enum search_where where, bool whole)
{
  return 2 * (int) where + !whole;
}

/* Match the NW words W against document D into *M; false unless every
   word is somewhere in it. */
static bool
doc_match (const struct search_index *index, size_t d, const struct word *w,
           size_t nw, struct match *m)
{
  size_t f0 = index->doc_first[d], f1 = index->doc_first[d + 1];
  if (f0 == f1)
    return false;
  for (size_t k = 0; k < nw; k++)
    {
      /* The best place for this word: the best field, whole words
         first, the first place in it. */
      struct match best = { SEARCH_BODY, false, 0, SIZE_MAX, 0 };
      for (size_t i = f0; i < f1; i++)
        {
          enum search_where where = index->fields[i].where;
          if (best.token != SIZE_MAX
              && match_grade (where, true)
                 >= match_grade (best.where, best.whole))
            continue;
          bool whole;
          size_t at = field_find (index, i, &w[k], &whole);
          if (at != SIZE_MAX
              && (best.token == SIZE_MAX
                  || match_grade (where, whole)
                     < match_grade (best.where, best.whole)))
            best = (struct match) { where, whole, i, at, w[k].len };
        }
      if (best.token == SIZE_MAX)
        return false;
      /* The weakest word decides; the first such word is shown. */
      if (k == 0 || match_grade (best.where, best.whole)
                    > match_grade (m->where, m->whole))
        *m = best;
    }
  return nw > 0;
}

/* The plain-text offset where the grapheme holding folded byte AT
   starts (END: where the grapheme holding AT - 1 ends). */
static size_t
map_back (const struct mapped *f, size_t at, bool end)
{
  if (f->nmap == 0)
    return 0;
  size_t target = end ? (at > 0 ? at - 1 : 0) : at;
  size_t lo = 0, hi = f->nmap;
  /* The last grapheme whose folded start is <= TARGET. */
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (f->map[mid].folded <= target)
        lo = mid;
      else
        hi = mid;
    }
  if (!end)
    return f->map[lo].plain;
  return lo + 1 < f->nmap ? f->map[lo + 1].plain : f->plain_len;
}

/* True when the grapheme S[0..N) is a space a snippet may be cut at. */
static bool
is_space (const char *s, size_t n)
{
  return n == 1 && (s[0] == ' ' || s[0] == '\t');
}

/* The index in F's map of the grapheme that starts at plain byte AT (or
   of the first one after it; F->nmap past the last). */
static size_t
map_index (const struct mapped *f, size_t at)
{
  size_t lo = 0, hi = f->nmap;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (f->map[mid].plain < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The plain byte where grapheme K of F starts (the end after the last). */
static size_t
grapheme_start (const struct mapped *f, size_t k)
{
  return k < f->nmap ? f->map[k].plain : f->plain_len;
}

/* Display columns of grapheme K of F (printable ASCII, most of them
   even in Vietnamese, without a call). */
static int
grapheme_width (const struct mapped *f, size_t k)
{
  size_t a = grapheme_start (f, k), len = grapheme_start (f, k + 1) - a;
  unsigned char c = (unsigned char) f->plain[a];
  if (len == 1 && c >= 0x20 && c < 0x7F)
    return 1;
  int w = text_width (f->plain + a, len);
  return w < 0 ? 0 : w;
}

/* The snippet of F around plain bytes [MS, ME) into HIT, at most WIDTH
   columns.  Only the graphemes that can show are measured: the match
   and up to WIDTH columns on each side of it, one more beyond as a
   guard, within the match's line; a line cut this way is known to be
   wider than WIDTH. */
static void
make_snippet (const struct mapped *f, size_t ms, size_t me, int width,
              struct search_hit *hit)
{
  const char *p = f->plain;
  size_t ls = ms, le = me;
  /* A CR ends the line too: CR LF is one grapheme, so stopping at the
     LF alone would take the whole CR LF into the line, and a lone CR is
     a line end for the loader. */
  while (ls > 0 && p[ls - 1] != '\n' && p[ls - 1] != '\r')
    ls--;
  while (le < f->plain_len && p[le] != '\n' && p[le] != '\r')
    le++;

  /* The line's graphemes in the map: [first, last). */
  size_t first = map_index (f, ls), last = map_index (f, le);
  size_t kms = map_index (f, ms), kme = map_index (f, me);
  /* Widen the window around the match until WIDTH columns are on each
     side (zero-width graphemes come along), plus a guard. */
  size_t g0 = kms, g1 = kme;
  long side = 0;
  while (g0 > first)
    {
      int gw = grapheme_width (f, g0 - 1);
      if (side > width && gw > 0)
        break;
      side += gw;
      g0--;
    }
  bool cut_left = g0 > first;
  if (cut_left)
    g0--;
  side = 0;
  while (g1 < last)
    {
      int gw = grapheme_width (f, g1);
      if (side > width && gw > 0)
        break;
      side += gw;
      g1++;
    }
  bool cut_right = g1 < last;
  if (cut_right)
    g1++;

  /* The window's graphemes: start offsets (one more for the end) and
     widths. */
  size_t ng = g1 - g0;
  size_t *off = xcalloc (ng + 1, sizeof *off);
  int *w = xcalloc (ng + 1, sizeof *w);
  long total = 0;
  for (size_t k = 0; k < ng; k++)
    {
      off[k] = grapheme_start (f, g0 + k);
      w[k] = grapheme_width (f, g0 + k);
      total += w[k];
    }
  off[ng] = grapheme_start (f, g1);
  size_t gs = kms - g0, ge = kme - g0;   /* the match, in graphemes [gs, ge) */
  if (cut_left || cut_right)
    total = LONG_MAX;

  size_t a = 0, b = ng;         /* the graphemes shown, [a, b) */
  if (total > width)
    {
      long avail = width - 2;   /* room for "…" at both ends */
      long used = 0;
      a = gs, b = gs;
      while (b < ge && used + w[b] <= avail)
        used += w[b++];
      if (b == ge)
        {
          /* Some context before the match, the rest after it. */
          long before = (avail - used) / 3;
          while (a > 0 && before >= w[a - 1])
            before -= w[a - 1], used += w[--a];
          while (b < ng && used + w[b] <= avail)
            used += w[b++];
          while (a > 0 && used + w[a - 1] <= avail)
            used += w[--a];
        }
      /* Cut between words when a word was cut and another is left. */
      if (a > 0 && !is_space (p + off[a - 1], off[a] - off[a - 1]))
        {
          size_t k = a;
          while (k < gs && !is_space (p + off[k], off[k + 1] - off[k]))
            k++;
          if (k < gs)
            a = k;
        }
      if (b < ng && !is_space (p + off[b], off[b + 1] - off[b]))
        {
          size_t k = b;
          while (k > ge && !is_space (p + off[k - 1], off[k] - off[k - 1]))
            k--;
          if (k > ge)
            b = k;
        }
      while (a < gs && is_space (p + off[a], off[a + 1] - off[a]))
        a++;
      while (b > ge && is_space (p + off[b - 1], off[b] - off[b - 1]))
        b--;
    }

  struct strbuf s = STRBUF_INIT;
  if (a > 0)
    strbuf_adds (&s, "…");
  size_t start = off[a], stop = off[b];
  size_t mark_start = s.len + (ms > start ? ms - start : 0);
  size_t mark_end = s.len + (me < stop ? me : stop) - start;
  strbuf_add (&s, p + start, stop - start);
  if (b < ng)
    strbuf_adds (&s, "…");
  hit->snippet = strbuf_steal (&s);
  hit->mark_start = mark_start;
  hit->mark_end = mark_end < mark_start ? mark_start : mark_end;
  free (off);
  free (w);
}

/* A hit with what ranks it. */
struct ranked
{
  struct search_hit hit;
  int tier;                     /* 0: the text the visitor sees */
  int grade;                    /* match_grade */
  size_t order;                 /* the page's place in the site */
};

/* qsort order of ranked hits: tier, field and wholeness, place, page
   order. */
static int
ranked_compare (const void *pa, const void *pb)
{
  const struct ranked *a = pa, *b = pb;
  if (a->tier != b->tier)
    return a->tier < b->tier ? -1 : 1;
  if (a->grade != b->grade)
    return a->grade < b->grade ? -1 : 1;
  if (a->hit.at != b->hit.at)
    return a->hit.at < b->hit.at ? -1 : 1;
  return (a->order > b->order) - (a->order < b->order);
}

/* Split the folded query Q[0..N) (separators are spaces) into words;
   returns how many, *WORDS malloc'd, pointing into Q. */
static size_t
split_words (const char *q, size_t n, struct word **words)
{
  size_t nw = 0, cap = 0;
  *words = NULL;
  for (size_t i = 0; i < n;)
    {
      while (i < n && q[i] == ' ')
        i++;
      size_t s = i;
      while (i < n && q[i] != ' ')
        i++;
      if (i > s)
        {
          XGROW (*words, cap, nw + 1);
          (*words)[nw] = (struct word) { q + s, i - s, 0, 0, false };
          nw++;
        }
    }
  return nw;
}

size_t
search_run (const struct search_index *index, const char *query,
            enum lang lang, struct search_hit **hits)
{
  *hits = NULL;
  if (!index || index->build || !query
      || !text_valid_utf8 (query, strlen (query), NULL))
    return 0;

  size_t qlen;
  char *q = fold_text (query, strlen (query), &qlen, &index->cache, NULL,
                       NULL);
  struct word *words;
  size_t nw = split_words (q, qlen, &words);
  /* A word no page has: nothing to look through. */
  bool possible = nw > 0;
  for (size_t k = 0; k < nw && possible; k++)
    {
      word_range (index, &words[k]);
      possible = words[k].span > 0;
    }
  const struct site *site = index->site;
  struct ranked *found = NULL;
  size_t nfound = 0, cap = 0;
  for (size_t p = 0; possible && p < site->npages; p++)
    {
      enum lang shown;
      if (!page_text_in (site->pages[p], lang, &shown))
        continue;
      /* The text the visitor sees, then its translation. */
      enum lang tries[2] = { shown, lang_other (shown) };
      for (int t = 0; t < 2; t++)
        {
          size_t d = p * LANG_COUNT + tries[t];
          struct match m;
          if (!doc_match (index, d, words, nw, &m))
            continue;
          XGROW (found, cap, nfound + 1);
          struct ranked *r = &found[nfound++];
          r->hit = (struct search_hit) {
            .page = site->pages[p],
            .lang = tries[t],
            .where = m.where,
            .field = m.field - index->doc_first[d],
            .at = token_offset (index, m.field, m.token),
            .len = m.len,
          };
          r->tier = t;
          r->grade = match_grade (m.where, m.whole);
          r->order = p;
          break;
        }
    }
  free (words);
  free (q);

  if (nfound == 0)
    return 0;
  qsort (found, nfound, sizeof *found, ranked_compare);
  *hits = xcalloc (nfound, sizeof **hits);
  for (size_t i = 0; i < nfound; i++)
    (*hits)[i] = found[i].hit;
  free (found);
  return nfound;
}

const char *
search_snippet (const struct search_index *index, struct search_hit *hit,
                int width)
{
  if (width <= 0)
    width = SNIPPET_WIDTH;
  if (width < SNIPPET_MIN_WIDTH)
    width = SNIPPET_MIN_WIDTH;
  if (hit->snippet && hit->snippet_width == width)
    return hit->snippet;
  free (hit->snippet);
  hit->snippet = NULL;
  hit->mark_start = hit->mark_end = 0;

  const struct page_text *t = index && hit->page
    && (unsigned) hit->lang < LANG_COUNT
    ? page_ready (hit->page)->text[hit->lang] : NULL;
  enum search_where where;
  char *plain = t ? field_plain (t, hit->field, &where) : NULL;
  if (plain)
    {
      /* The field folded again as the index folded it, with its map. */
      struct mapped f = { plain, strlen (plain), NULL, 0 };
      size_t flen;
      char *folded = fold_text (f.plain, f.plain_len, &flen, &index->cache,
                                &f.map, &f.nmap);
      if (f.nmap > 0 && hit->at < flen && hit->len <= flen - hit->at)
        make_snippet (&f, map_back (&f, hit->at, false),
                      map_back (&f, hit->at + hit->len, true), width, hit);
      free (folded);
      free (f.map);
      free (plain);
    }
  if (!hit->snippet)
    hit->snippet = xstrdup ("");
  hit->snippet_width = width;
  return hit->snippet;
}

void
search_hits_free (struct search_hit *hits, size_t n)
{
  if (!hits)
    return;
  for (size_t i = 0; i < n; i++)
    free (hits[i].snippet);
  free (hits);
}
