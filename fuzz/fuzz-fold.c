/* fuzz-fold.c -- libFuzzer target for search folding and the text
   engine's transformations, then for search over a tiny site made from
   the input.

   Input (invalid UTF-8 dropped): line 1 is a query, line 2 a title,
   line 3 a summary, the rest a Markdown body; the first byte also picks
   the snippet width.  Checked: text_nfc is idempotent, text_nfd and
   text_nfc round-trip, text_fold is idempotent, text_french_spaces
   only turns spaces into narrow ones (or adds them), keeps NFC and is
   idempotent; collate_compare is a total order on the first three
   lines; every search hit is a page of the site, without a snippet
   until search_snippet makes one (once for a width), of one valid line
   no wider than asked, the mark inside it. */
#include "system.h"

#include "collate.h"
#include "fuzz.h"
#include "model.h"
#include "search.h"
#include "text.h"

/* Is S[0..N) (NUL-terminated at N) valid UTF-8? */
static bool
valid (const char *s, size_t n)
{
  return s && s[n] == '\0' && text_valid_utf8 (s, n, NULL);
}

/* Are A[0..AN) and B[0..BN) the same bytes? */
static bool
same (const char *a, size_t an, const char *b, size_t bn)
{
  return an == bn && memcmp (a, b, an) == 0;
}

/* S[0..N) without its spaces and narrow no-break spaces. */
static char *
without_spaces (const char *s, size_t n, size_t *len)
{
  char *out = xmalloc (n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n;)
    {
      size_t k;
      uint32_t c = fuzz_char (s + i, &k);
      if (c != ' ' && c != 0x202F)
        {
          memcpy (out + o, s + i, k);
          o += k;
        }
      i += k;
    }
  out[o] = '\0';
  *len = o;
  return out;
}

/* The text engine's promises about S[0..N) (valid UTF-8). */
static void
check_text (const char *s, size_t n)
{
  size_t nfc_len, nfd_len, again_len;
  char *nfc = text_nfc (s, n, &nfc_len);
  FUZZ_CHECK (valid (nfc, nfc_len));
  char *again = text_nfc (nfc, nfc_len, &again_len);
  FUZZ_CHECK (same (again, again_len, nfc, nfc_len));
  free (again);
  char *nfd = text_nfd (s, n, &nfd_len);
  FUZZ_CHECK (valid (nfd, nfd_len));
  again = text_nfc (nfd, nfd_len, &again_len);
  FUZZ_CHECK (same (again, again_len, nfc, nfc_len));
  free (again);
  free (nfd);

  size_t fold_len;
  char *fold = text_fold (s, n, &fold_len);
  FUZZ_CHECK (valid (fold, fold_len));
  again = text_fold (fold, fold_len, &again_len);
  FUZZ_CHECK (same (again, again_len, fold, fold_len));
  free (again);
  free (fold);

  /* French spacing of NFC text, as the loader does it (page text has
     no NUL, and the result is a C string). */
  if (memchr (nfc, '\0', nfc_len))
    {
      free (nfc);
      return;
    }
  char *fr = text_french_spaces (nfc, nfc_len);
  size_t fr_len = strlen (fr);
  FUZZ_CHECK (valid (fr, fr_len));
  FUZZ_CHECK (fuzz_is_nfc (fr, fr_len));
  size_t a_len, b_len;
  char *a = without_spaces (nfc, nfc_len, &a_len);
  char *b = without_spaces (fr, fr_len, &b_len);
  FUZZ_CHECK (same (a, a_len, b, b_len));
  free (a);
  free (b);
  char *fr2 = text_french_spaces (fr, fr_len);
  FUZZ_CHECK (strcmp (fr2, fr) == 0);
  free (fr2);
  free (fr);
  free (nfc);
}

/* The sign of X: -1, 0 or 1. */
static int
sign (int x)
{
  return (x > 0) - (x < 0);
}

/* collate_compare is a total order on the strings S[0..3) in each
   language: zero only for the same bytes, antisymmetric, transitive. */
static void
check_collate (const char *const s[3])
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      int c[3][3];
      for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
          {
            c[i][j] = sign (collate_compare (s[i], s[j], (enum lang) l));
            FUZZ_CHECK ((c[i][j] == 0) == (strcmp (s[i], s[j]) == 0));
          }
      for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
          {
            FUZZ_CHECK (c[i][j] == -c[j][i]);
            for (int k = 0; k < 3; k++)
              if (c[i][j] < 0 && c[j][k] < 0)
                FUZZ_CHECK (c[i][k] < 0);
          }
    }
}

/* A page text with TITLE, SUMMARY and BODY (copied). */
static struct page_text *
make_text (const char *title, const char *summary, const char *body)
{
  struct page_text *t = xcalloc (1, sizeof *t);
  t->file = xstrdup ("fuzz");
  t->title = xstrdup (*title ? title : "-");
  t->summary = *summary ? xstrdup (summary) : NULL;
  t->place = xstrdup (summary);
  t->body = xstrdup (body);
  t->body_line = 1;
  return t;
}

/* The search over a site of two pages made from the four parts. */
static void
check_search (const char *query, const char *title, const char *summary,
              const char *body, int width)
{
  struct site *site = xcalloc (1, sizeof *site);
  site->npages = 2;
  site->pages = xcalloc (2, sizeof *site->pages);
  /* One page in both languages, one in French only (a visitor in
     Vietnamese finds it through its French text). */
  static const char *const ids[] = { "a", "b" };
  for (size_t i = 0; i < 2; i++)
    {
      struct page *p = xcalloc (1, sizeof *p);
      p->id = xstrdup (ids[i]);
      p->order = INT_MAX;
      p->text[LANG_FR] = make_text (title, summary, body);
      if (i == 0)
        p->text[LANG_VI] = make_text (summary, body, title);
      site->pages[i] = p;
    }
  site->home = xstrdup ("a");
  site->nlanguages = 2;
  site->languages[0] = LANG_FR;
  site->languages[1] = LANG_VI;

  int shown = width <= 0 ? 60 : width < 10 ? 10 : width;
  struct search_index *index = search_index_new (site);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      struct search_hit *hits;
      size_t n = search_run (index, query, (enum lang) l, &hits);
      FUZZ_CHECK (n <= site->npages);
      FUZZ_CHECK ((n == 0) == (hits == NULL));
      for (size_t i = 0; i < n; i++)
        {
          struct search_hit *h = &hits[i];
          FUZZ_CHECK (h->page == site->pages[0] || h->page == site->pages[1]);
          FUZZ_CHECK (h->page->text[h->lang]);
          FUZZ_CHECK (!h->snippet);
          FUZZ_CHECK (search_snippet (index, h, width) == h->snippet);
          size_t len = strlen (h->snippet);
          FUZZ_CHECK (valid (h->snippet, len));
          FUZZ_CHECK (!strchr (h->snippet, '\n'));
          FUZZ_CHECK (text_width (h->snippet, len) <= shown);
          FUZZ_CHECK (h->mark_start <= h->mark_end && h->mark_end <= len);
          FUZZ_CHECK (text_valid_utf8 (h->snippet, h->mark_start, NULL));
          FUZZ_CHECK (text_valid_utf8 (h->snippet, h->mark_end, NULL));
          /* Asked again at the same width, the same snippet. */
          FUZZ_CHECK (search_snippet (index, h, width) == h->snippet);
        }
      search_hits_free (hits, n);
    }
  search_index_free (index);
  site_free (site);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  size_t n;
  char *s = fuzz_utf8 (data, size, false, &n);
  check_text (s, n);

  size_t plain_len;
  char *plain = search_strip_markdown (s, n);
  plain_len = strlen (plain);
  FUZZ_CHECK (valid (plain, plain_len));
  free (plain);

  /* NULs would end the parts early: the parts are C strings. */
  for (size_t i = 0; i < n; i++)
    if (s[i] == '\0')
      s[i] = ' ';
  char *parts[4] = { s, "", "", "" };
  for (int p = 1; p < 4; p++)
    {
      char *nl = strchr (parts[p - 1], '\n');
      if (!nl)
        break;
      *nl = '\0';
      parts[p] = nl + 1;
    }
  check_collate ((const char *const *) parts);
  int width = size > 0 ? (int) (data[0] % 100) - 10 : 0;
  check_search (parts[0], parts[1], parts[2], parts[3], width);
  free (s);
  return 0;
}
