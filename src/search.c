/* search.c -- finding pages by words typed without accents.

   Every searchable string of the site is folded once, grapheme by
   grapheme, keeping for each grapheme where it starts in the original
   and in the folded text: a match found in the folded text maps back
   to whole graphemes of the original, which the snippet shows. */
#include "system.h"
#include "search.h"

#include "model.h"
#include "strbuf.h"
#include "text.h"

/* Where one grapheme starts, in the original and in the folded text.
   32 bits are plenty (a page file is at most CONTENT_MAX_FILE_SIZE, and
   fold_text refuses longer texts), and halve the index. */
struct grapheme
{
  uint32_t plain;
  uint32_t folded;
};

/* Texts longer than this are not mapped (their matches show no
   snippet): no page field comes near it. */
#define MAP_MAX_LEN (UINT32_MAX / 8)

/* One searchable string: a title, a summary, a detail or a body. */
struct field
{
  enum search_where where;
  char *plain;                  /* NFC, no Markdown; blocks on lines */
  size_t plain_len;
  char *folded;                 /* folded; every separator a ' ' */
  size_t folded_len;
  struct grapheme *map;         /* one per grapheme of PLAIN */
  size_t nmap;
};

/* A page's text in one language, folded. */
struct doc
{
  struct field *fields;
  size_t nfields;
  size_t cap;
};

struct search_index
{
  const struct site *site;
  struct doc *docs;             /* page * LANG_COUNT + lang; no fields
                                   where the page has no such text */
  size_t ndocs;
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

/* Append the folded form of grapheme G[0..N) to OUT: a separator
   becomes one space, ASCII is lowered cheaply, the rest goes through
   text_fold, and the ligatures œ and æ become two letters. */
static void
fold_grapheme (struct strbuf *out, const char *g, size_t n)
{
  uint32_t cp = first_code_point ((const unsigned char *) g, n);
  if (is_separator (cp))
    strbuf_addc (out, ' ');
  else if (n == 1)
    strbuf_addc (out, (char) (cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
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
}

/* Fold S[0..N) into a NUL-terminated string, *LEN its length; when MAP
   is not NULL, record where each grapheme starts in *MAP (*NMAP of
   them).  Invalid UTF-8 graphemes fold to spaces. */
static char *
fold_text (const char *s, size_t n, size_t *len,
           struct grapheme **map, size_t *nmap)
{
  struct strbuf out = STRBUF_INIT;
  size_t cap = 0;
  if (map)
    *map = NULL, *nmap = 0;
  if (n > MAP_MAX_LEN)
    map = NULL;
  for (size_t i = 0; i < n;)
    {
      size_t g = text_grapheme_len (s + i, n - i);
      if (g == 0 || g > n - i)
        g = 1;
      if (map)
        {
          XGROW (*map, cap, *nmap + 1);
          (*map)[*nmap].plain = (uint32_t) i;
          (*map)[*nmap].folded = (uint32_t) out.len;
          (*nmap)++;
        }
      if (text_valid_utf8 (s + i, g, NULL))
        fold_grapheme (&out, s + i, g);
      else
        strbuf_addc (&out, ' ');
      i += g;
    }
  /* The index keeps these for the program's life: no slack. */
  if (map && *nmap)
    *map = xrealloc (*map, *nmap * sizeof **map);
  *len = out.len;
  char *folded = strbuf_steal (&out);
  return xrealloc (folded, *len + 1);
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
        strbuf_addc (out, c);
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

/* Add to DOC the field WHERE made of S (original) or, when PLAIN is
   given, of that already plain text (taken over). */
static void
doc_add (struct doc *doc, enum search_where where, const char *s, char *plain)
{
  if (!s && !plain)
    return;
  XGROW (doc->fields, doc->cap, doc->nfields + 1);
  struct field *f = &doc->fields[doc->nfields++];
  f->where = where;
  f->plain = plain ? plain : xstrdup (s);
  f->plain_len = strlen (f->plain);
  f->folded = fold_text (f->plain, f->plain_len, &f->folded_len,
                         &f->map, &f->nmap);
}

/* Fold the searchable strings of T into DOC. */
static void
doc_build (struct doc *doc, const struct page_text *t)
{
  doc_add (doc, SEARCH_TITLE, t->title, NULL);
  doc_add (doc, SEARCH_SUMMARY, t->summary, NULL);
  doc_add (doc, SEARCH_DETAILS, t->craft, NULL);
  doc_add (doc, SEARCH_DETAILS, t->place, NULL);
  doc_add (doc, SEARCH_DETAILS, t->stand, NULL);
  doc_add (doc, SEARCH_DETAILS, t->contact, NULL);
  for (size_t i = 0; i < t->nproducts; i++)
    doc_add (doc, SEARCH_DETAILS, t->products[i], NULL);
  if (t->body)
    doc_add (doc, SEARCH_BODY, NULL,
             search_strip_markdown (t->body, strlen (t->body)));
}

struct search_index *
search_index_new (const struct site *site)
{
  struct search_index *index = xcalloc (1, sizeof *index);
  index->site = site;
  /* No overflow: SITE already holds a pointer per page. */
  index->ndocs = site->npages * LANG_COUNT;
  index->docs = xcalloc (index->ndocs, sizeof *index->docs);
  for (size_t p = 0; p < site->npages; p++)
    for (int l = 0; l < LANG_COUNT; l++)
      if (site->pages[p]->text[l])
        doc_build (&index->docs[p * LANG_COUNT + l], site->pages[p]->text[l]);
  return index;
}

void
search_index_free (struct search_index *index)
{
  if (!index)
    return;
  for (size_t d = 0; d < index->ndocs; d++)
    {
      struct doc *doc = &index->docs[d];
      for (size_t i = 0; i < doc->nfields; i++)
        {
          free (doc->fields[i].plain);
          free (doc->fields[i].folded);
          free (doc->fields[i].map);
        }
      free (doc->fields);
    }
  free (index->docs);
  free (index);
}

/* A query word, folded. */
struct word
{
  const char *s;
  size_t len;
};

/* Where WORD begins a word of F's folded text: the first place where
   it is the whole word, else the first where it begins a longer one
   (*WHOLE says which); SIZE_MAX if neither. */
static size_t
field_find (const struct field *f, const struct word *w, bool *whole)
{
  size_t first = SIZE_MAX;
  for (size_t from = 0;
       from < f->folded_len && f->folded_len - from >= w->len;)
    {
      const char *hit = memmem (f->folded + from, f->folded_len - from,
                                w->s, w->len);
      if (!hit)
        break;
      size_t at = (size_t) (hit - f->folded), end = at + w->len;
      if (at == 0 || f->folded[at - 1] == ' ')
        {
          if (end == f->folded_len || f->folded[end] == ' ')
            {
              *whole = true;
              return at;
            }
          if (first == SIZE_MAX)
            first = at;
        }
      from = at + 1;
    }
  *whole = false;
  return first;
}

/* How a document matched: the field and place of the match to show. */
struct match
{
  enum search_where where;
  bool whole;                   /* a whole word, not the start of one */
  size_t field;
  size_t at;                    /* in the folded text */
  size_t len;
};

/* How good a match is, lower better: its field first, then whether
   the word was whole ("hoa" is better as hòa than as the start of
   hoàng). */
static int
match_grade (enum search_where where, bool whole)
{
  return 2 * (int) where + !whole;
}

/* Match the NW words W against DOC into *M; false unless every word
   is somewhere in it. */
static bool
doc_match (const struct doc *doc, const struct word *w, size_t nw,
           struct match *m)
{
  for (size_t k = 0; k < nw; k++)
    {
      /* The best place for this word: the best field, whole words
         first, the first place in it. */
      struct match best = { SEARCH_BODY, false, 0, SIZE_MAX, 0 };
      for (size_t i = 0; i < doc->nfields; i++)
        {
          const struct field *f = &doc->fields[i];
          if (best.at != SIZE_MAX
              && match_grade (f->where, true)
                 >= match_grade (best.where, best.whole))
            continue;
          bool whole;
          size_t at = field_find (f, &w[k], &whole);
          if (at != SIZE_MAX
              && (best.at == SIZE_MAX
                  || match_grade (f->where, whole)
                     < match_grade (best.where, best.whole)))
            best = (struct match) { f->where, whole, i, at, w[k].len };
        }
      if (best.at == SIZE_MAX)
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
map_back (const struct field *f, size_t at, bool end)
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
map_index (const struct field *f, size_t at)
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
grapheme_start (const struct field *f, size_t k)
{
  return k < f->nmap ? f->map[k].plain : f->plain_len;
}

/* Display columns of grapheme K of F (printable ASCII, most of them
   even in Vietnamese, without a call). */
static int
grapheme_width (const struct field *f, size_t k)
{
  size_t a = grapheme_start (f, k), len = grapheme_start (f, k + 1) - a;
  unsigned char c = (unsigned char) f->plain[a];
  if (len == 1 && c >= 0x20 && c < 0x7F)
    return 1;
  int w = text_width (f->plain + a, len);
  return w < 0 ? 0 : w;
}

/* The snippet of field F around plain bytes [MS, ME) into HIT, at most
   WIDTH columns.  Only the graphemes that can show are measured: the
   match and up to WIDTH columns on each side of it, one more beyond as
   a guard, within the match's line; a line cut this way is known to be
   wider than WIDTH. */
static void
make_snippet (const struct field *f, size_t ms, size_t me, int width,
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
  size_t at;
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
  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
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
          (*words)[nw].s = q + s;
          (*words)[nw].len = i - s;
          nw++;
        }
    }
  return nw;
}

size_t
search_run (const struct search_index *index, const char *query,
            enum lang lang, int width, struct search_hit **hits)
{
  *hits = NULL;
  if (!index || !query || !text_valid_utf8 (query, strlen (query), NULL))
    return 0;
  if (width <= 0)
    width = SNIPPET_WIDTH;
  if (width < SNIPPET_MIN_WIDTH)
    width = SNIPPET_MIN_WIDTH;

  size_t qlen;
  char *q = fold_text (query, strlen (query), &qlen, NULL, NULL);
  struct word *words;
  size_t nw = split_words (q, qlen, &words);
  if (nw == 0)
    {
      free (q);
      return 0;
    }

  const struct site *site = index->site;
  struct ranked *found = NULL;
  size_t nfound = 0, cap = 0;
  for (size_t p = 0; p < site->npages; p++)
    {
      enum lang shown;
      if (!page_text_in (site->pages[p], lang, &shown))
        continue;
      /* The text the visitor sees, then its translation. */
      enum lang tries[2] = { shown, lang_other (shown) };
      for (int t = 0; t < 2; t++)
        {
          const struct doc *doc = &index->docs[p * LANG_COUNT + tries[t]];
          struct match m;
          if (!doc_match (doc, words, nw, &m))
            continue;
          XGROW (found, cap, nfound + 1);
          struct ranked *r = &found[nfound++];
          const struct field *f = &doc->fields[m.field];
          r->hit.page = site->pages[p];
          r->hit.lang = tries[t];
          r->hit.where = m.where;
          make_snippet (f, map_back (f, m.at, false),
                        map_back (f, m.at + m.len, true), width, &r->hit);
          r->tier = t;
          r->grade = match_grade (m.where, m.whole);
          r->at = m.at;
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

void
search_hits_free (struct search_hit *hits, size_t n)
{
  if (!hits)
    return;
  for (size_t i = 0; i < n; i++)
    free (hits[i].snippet);
  free (hits);
}
