/* search-test.c -- what a visitor finds when typing words without
   accents: which pages, in which order, and the highlighted snippet. */
#include "system.h"
#include "search.h"
#include "model.h"
#include "strbuf.h"
#include "text.h"
#include "check.h"

/* Huế, Hué and Đúc decomposed (NFD), as some editors save them. */
#define HUE_NFD_VI "Hue\xcc\x82\xcc\x81"
#define BUN_BO_NFD "Bu\xcc\x81n bo\xcc\x80"
#define NNBSP "\xe2\x80\xaf"

/* A page's text in one language, for the table below. */
struct text_spec
{
  const char *title, *summary, *craft, *place, *body;
  const char *products[3];
};

/* A page of the test site: id and its French and Vietnamese texts (a
   NULL title: no text in that language). */
struct page_spec
{
  const char *id;
  enum page_kind kind;
  struct text_spec text[LANG_COUNT];
};

/* The site, its ids in strcmp order as the loader sorts them. */
static const struct page_spec specs[] =
{
  { "artisans/duc", PAGE_KIND_ARTISAN,
    { [LANG_FR] = { "Đúc, fondeur de bronze", "Cloches et statues en bronze.",
                    "Fonderie", "Village de Phường Đúc",
                    "Une famille de fondeurs depuis le XVIIe siècle.\n\n"
                    "Les cloches de la *pagode* sont sorties de ses moules.",
                    { NULL } },
      [LANG_VI] = { "Lò đúc Đúc", NULL, "Đúc đồng", "Phường Đúc",
                    "Gia đình thợ đúc từ thế kỷ XVII.", { NULL } } } },
  { "artisans/non-la", PAGE_KIND_ARTISAN,
    { [LANG_VI] = { "Nón lá", "Nón lá bài thơ, đặc sản của xứ Huế.",
                    "Làm nón", NULL,
                    "Làng Tây Hồ làm nón từ lâu đời; "
                    "chiếc nón hoà vào cuộc sống.",
                    { "nón bài thơ", "nón lá", NULL } } } },
  { "culture/fetes", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Festival de Hué", "Tous les deux ans.", NULL, NULL,
                    "Le festival célèbre la paix, *hòa bình* en vietnamien.\n"
                    "\nIl a lieu au printemps.", { NULL } },
      [LANG_VI] = { "Festival Huế", NULL, NULL, NULL,
                    "Lễ hội vì hoà bình và hữu nghị.", { NULL } } } },
  { "culture/nfd", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Cuisine", "Un chef-d’œuvre de la table.",
                    NULL, NULL,
                    "La soupe «" NNBSP BUN_BO_NFD " " HUE_NFD_VI NNBSP
                    "» est e\xcc\x81pice\xcc\x81" "e.", { NULL } },
      [LANG_VI] = { BUN_BO_NFD " " HUE_NFD_VI, NULL, NULL, NULL,
                    "Món ăn nổi tiếng.", { NULL } } } },
  { "home", PAGE_KIND_SECTION,
    { [LANG_FR] = { "Accueil", NULL, NULL, NULL,
                    "Bienvenue" NNBSP "! Découvrez [la ville de Hué]"
                    "(visites/citadelle) et ses artisans.", { NULL } },
      [LANG_VI] = { "Trang chủ", NULL, NULL, NULL,
                    "Chào mừng! Khám phá [thành phố Huế](visites/citadelle).",
                    { NULL } } } },
  { "hue/histoire", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Histoire", "La cité impériale de Hué, capitale des Nguyễn.",
                    NULL, NULL,
                    "## La citadelle\n\n"
                    "Construite à partir de 1805 sous l'empereur Gia Long, "
                    "la citadelle de Hué entoure la Cité pourpre interdite, "
                    "résidence de la famille impériale.", { NULL } },
      [LANG_VI] = { "Lịch sử", "Kinh thành Huế, kinh đô nhà Nguyễn.", NULL,
                    NULL, "Hoàng thành xây dựng từ năm 1805.", { NULL } } } },
  { "pratique/taxes", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Taxes", NULL, NULL, NULL,
                    "La TVA se dit thuế en vietnamien.", { NULL } },
      [LANG_VI] = { "Thuế", NULL, NULL, NULL, "Thuế giá trị gia tăng.",
                    { NULL } } } },
  { "visites/citadelle", PAGE_KIND_PAGE,
    { [LANG_FR] = { "La Citadelle", NULL, NULL, NULL, "Ouverte tous les jours.",
                    { NULL } },
      [LANG_VI] = { "Kinh thành", NULL, NULL, NULL, "Mở cửa hằng ngày.",
                    { NULL } } } },
  { "voyage/cergy", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Cergy", NULL, NULL, NULL,
                    "Cergy et Huế sont jumelées depuis 2006.", { NULL } } } },
  { "voyage/train", PAGE_KIND_PAGE,
    { [LANG_FR] = { "Le train de nuit", NULL, NULL, NULL,
                    "Départ de Hanoï le soir.", { NULL } },
      [LANG_VI] = { "Tàu đêm", NULL, NULL, NULL, "Tàu từ Hà Nội đến Huế.",
                    { NULL } } } },
};

/* xstrdup that keeps NULL. */
static char *
dup (const char *s)
{
  return s ? xstrdup (s) : NULL;
}

/* The site of SPECS, built by hand as the loader would. */
static struct site *
make_site (void)
{
  struct site *site = xcalloc (1, sizeof *site);
  site->npages = ARRAY_SIZE (specs);
  site->pages = xcalloc (site->npages, sizeof *site->pages);
  for (size_t i = 0; i < site->npages; i++)
    {
      struct page *p = xcalloc (1, sizeof *p);
      p->id = xstrdup (specs[i].id);
      p->kind = specs[i].kind;
      p->order = INT_MAX;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const struct text_spec *ts = &specs[i].text[l];
          if (!ts->title)
            continue;
          struct page_text *t = xcalloc (1, sizeof *t);
          t->title = dup (ts->title);
          t->summary = dup (ts->summary);
          t->craft = dup (ts->craft);
          t->place = dup (ts->place);
          t->body = dup (ts->body);
          while (t->nproducts < ARRAY_SIZE (ts->products)
                 && ts->products[t->nproducts])
            t->nproducts++;
          t->products = xcalloc (t->nproducts + 1, sizeof *t->products);
          for (size_t k = 0; k < t->nproducts; k++)
            t->products[k] = xstrdup (ts->products[k]);
          p->text[l] = t;
        }
      site->pages[i] = p;
    }
  return site;
}

/* Free a site made by make_site. */
static void
free_site (struct site *site)
{
  for (size_t i = 0; i < site->npages; i++)
    {
      struct page *p = site->pages[i];
      for (int l = 0; l < LANG_COUNT; l++)
        {
          struct page_text *t = p->text[l];
          if (!t)
            continue;
          free (t->title);
          free (t->summary);
          free (t->craft);
          free (t->place);
          free (t->body);
          for (size_t k = 0; k < t->nproducts; k++)
            free (t->products[k]);
          free (t->products);
          free (t);
        }
      free (p->id);
      free (p);
    }
  free (site->pages);
  free (site);
}

/* One hit the visitor should see. */
struct want
{
  const char *id;
  enum search_where where;
  enum lang lang;
  const char *snippet;
  const char *mark;     /* the highlighted part of the snippet */
};

/* Run QUERY for a visitor reading LANG and check the hits are exactly
   WANT[0..NWANT), in that order. */
static void
check_search (const struct search_index *index, const char *query,
              enum lang lang, const struct want *want, size_t nwant, int line)
{
  struct search_hit *hits;
  size_t n = search_run (index, query, lang, &hits);
  for (size_t i = 0; i < n; i++)
    search_snippet (index, &hits[i], 60);
  check_count++;
  if (n != nwant)
    {
      check_failures++;
      fprintf (stderr, "%s:%d: [%s] in %s: %zu hits, want %zu:\n", __FILE__,
               line, query, lang_code (lang), n, nwant);
      for (size_t i = 0; i < n; i++)
        fprintf (stderr, "  %s [%s]\n", hits[i].page->id, hits[i].snippet);
    }
  for (size_t i = 0; i < n && i < nwant; i++)
    {
      const struct search_hit *h = &hits[i];
      const struct want *w = &want[i];
      char mark[256] = "";
      bool range_ok = h->mark_start <= h->mark_end
        && h->mark_end <= strlen (h->snippet)
        && h->mark_end - h->mark_start < sizeof mark;
      if (range_ok)
        memcpy (mark, h->snippet + h->mark_start, h->mark_end - h->mark_start),
          mark[h->mark_end - h->mark_start] = '\0';
      check_count++;
      if (strcmp (h->page->id, w->id) != 0 || h->where != w->where
          || h->lang != w->lang || strcmp (h->snippet, w->snippet) != 0
          || !range_ok || strcmp (mark, w->mark) != 0)
        {
          check_failures++;
          fprintf (stderr, "%s:%d: [%s] in %s, hit %zu:\n"
                   "  got:  %s where=%d lang=%s [%s] mark [%s]\n"
                   "  want: %s where=%d lang=%s [%s] mark [%s]\n",
                   __FILE__, line, query, lang_code (lang), i,
                   h->page->id, (int) h->where, lang_code (h->lang),
                   h->snippet, mark, w->id, (int) w->where,
                   lang_code (w->lang), w->snippet, w->mark);
        }
    }
  CHECK ((n == 0) == (hits == NULL));
  search_hits_free (hits, n);
}

#define SEARCH(index, query, lang, ...) \
  do { \
    static const struct want want_[] = { __VA_ARGS__ }; \
    check_search ((index), (query), (lang), want_, ARRAY_SIZE (want_), \
                  __LINE__); \
  } while (0)

#define NOTHING(index, query, lang) \
  check_search ((index), (query), (lang), NULL, 0, __LINE__)

/* "hue", however typed, finds Huế and Hué and never thuế. */
static void
test_hue (const struct search_index *ix)
{
  static const char *const queries[] =
    { "hue", "HUE", "Hue", "huế", "Huế", "HUÉ", "hué", HUE_NFD_VI, " hue! " };
  for (size_t q = 0; q < ARRAY_SIZE (queries); q++)
    {
      /* French: titles, then summaries, then bodies (earliest match
         first); the Vietnamese-only page in the running; the page
         whose French text lacks the word comes last, through its
         Vietnamese text. */
      SEARCH (ix, queries[q], LANG_FR,
              { "culture/fetes", SEARCH_TITLE, LANG_FR, "Festival de Hué",
                "Hué" },
              { "hue/histoire", SEARCH_SUMMARY, LANG_FR,
                "La cité impériale de Hué, capitale des Nguyễn.", "Hué" },
              { "artisans/non-la", SEARCH_SUMMARY, LANG_VI,
                "Nón lá bài thơ, đặc sản của xứ Huế.", "Huế" },
              { "voyage/cergy", SEARCH_BODY, LANG_FR,
                "Cergy et Huế sont jumelées depuis 2006.", "Huế" },
              { "culture/nfd", SEARCH_BODY, LANG_FR,
                "La soupe «" NNBSP BUN_BO_NFD " " HUE_NFD_VI NNBSP
                "» est e\xcc\x81pice\xcc\x81" "e.", HUE_NFD_VI },
              { "home", SEARCH_BODY, LANG_FR,
                "Bienvenue" NNBSP "! Découvrez la ville de Hué et ses "
                "artisans.", "Hué" },
              { "voyage/train", SEARCH_BODY, LANG_VI,
                "Tàu từ Hà Nội đến Huế.", "Huế" });
      SEARCH (ix, queries[q], LANG_VI,
              { "culture/nfd", SEARCH_TITLE, LANG_VI,
                BUN_BO_NFD " " HUE_NFD_VI, HUE_NFD_VI },
              { "culture/fetes", SEARCH_TITLE, LANG_VI, "Festival Huế",
                "Huế" },
              { "hue/histoire", SEARCH_SUMMARY, LANG_VI,
                "Kinh thành Huế, kinh đô nhà Nguyễn.", "Huế" },
              { "artisans/non-la", SEARCH_SUMMARY, LANG_VI,
                "Nón lá bài thơ, đặc sản của xứ Huế.", "Huế" },
              { "voyage/cergy", SEARCH_BODY, LANG_FR,
                "Cergy et Huế sont jumelées depuis 2006.", "Huế" },
              { "voyage/train", SEARCH_BODY, LANG_VI,
                "Tàu từ Hà Nội đến Huế.", "Huế" },
              { "home", SEARCH_BODY, LANG_VI,
                "Chào mừng! Khám phá thành phố Huế.", "Huế" });
    }
}

/* "duc" finds Đúc; "hoa" finds hòa and hoà. */
static void
test_accents (const struct search_index *ix)
{
  SEARCH (ix, "duc", LANG_FR,
          { "artisans/duc", SEARCH_TITLE, LANG_FR, "Đúc, fondeur de bronze",
            "Đúc" });
  SEARCH (ix, "DUC", LANG_VI,
          { "artisans/duc", SEARCH_TITLE, LANG_VI, "Lò đúc Đúc", "đúc" });
  SEARCH (ix, "hoa", LANG_FR,
          { "culture/fetes", SEARCH_BODY, LANG_FR,
            "Le festival célèbre la paix, hòa bình en vietnamien.", "hòa" },
          { "artisans/non-la", SEARCH_BODY, LANG_VI,
            "Làng Tây Hồ làm nón từ lâu đời; chiếc nón hoà vào cuộc sống.",
            "hoà" },
          { "hue/histoire", SEARCH_BODY, LANG_VI,
            "Hoàng thành xây dựng từ năm 1805.", "Hoà" });
  SEARCH (ix, "hòa", LANG_VI,
          { "culture/fetes", SEARCH_BODY, LANG_VI,
            "Lễ hội vì hoà bình và hữu nghị.", "hoà" },
          { "artisans/non-la", SEARCH_BODY, LANG_VI,
            "Làng Tây Hồ làm nón từ lâu đời; chiếc nón hoà vào cuộc sống.",
            "hoà" },
          { "hue/histoire", SEARCH_BODY, LANG_VI,
            "Hoàng thành xây dựng từ năm 1805.", "Hoà" });
  /* Artisan details: products and craft. */
  SEARCH (ix, "bai tho", LANG_VI,
          { "artisans/non-la", SEARCH_SUMMARY, LANG_VI,
            "Nón lá bài thơ, đặc sản của xứ Huế.", "bài" });
  /* Ligatures typed as two letters; the apostrophe separates words. */
  SEARCH (ix, "oeuvre", LANG_FR,
          { "culture/nfd", SEARCH_SUMMARY, LANG_FR,
            "Un chef-d’œuvre de la table.", "œuvre" });
  SEARCH (ix, "chef d oeuvre", LANG_FR,
          { "culture/nfd", SEARCH_SUMMARY, LANG_FR,
            "Un chef-d’œuvre de la table.", "chef" });
  SEARCH (ix, "fonderie", LANG_FR,
          { "artisans/duc", SEARCH_DETAILS, LANG_FR, "Fonderie", "Fonderie" });
}

/* Several words: all of them, in any order; the weakest field ranks. */
static void
test_words (const struct search_index *ix)
{
  SEARCH (ix, "bronze cloches", LANG_FR,
          { "artisans/duc", SEARCH_SUMMARY, LANG_FR,
            "Cloches et statues en bronze.", "Cloches" });
  SEARCH (ix, "cloches bronze", LANG_FR,
          { "artisans/duc", SEARCH_SUMMARY, LANG_FR,
            "Cloches et statues en bronze.", "Cloches" });
  SEARCH (ix, "festival hue", LANG_FR,
          { "culture/fetes", SEARCH_TITLE, LANG_FR, "Festival de Hué",
            "Festival" });
  SEARCH (ix, "hue, festival", LANG_FR,
          { "culture/fetes", SEARCH_TITLE, LANG_FR, "Festival de Hué",
            "Hué" });
  NOTHING (ix, "festival bronze", LANG_FR);
}

/* Titles rank above bodies whatever the page order; a word must begin
   a word of the text. */
static void
test_ranking (const struct search_index *ix)
{
  SEARCH (ix, "citadelle", LANG_FR,
          { "visites/citadelle", SEARCH_TITLE, LANG_FR, "La Citadelle",
            "Citadelle" },
          { "hue/histoire", SEARCH_BODY, LANG_FR, "La citadelle",
            "citadelle" });
  /* A half-typed word already finds. */
  SEARCH (ix, "citad", LANG_FR,
          { "visites/citadelle", SEARCH_TITLE, LANG_FR, "La Citadelle",
            "Citad" },
          { "hue/histoire", SEARCH_BODY, LANG_FR, "La citadelle", "citad" });
  NOTHING (ix, "itadelle", LANG_FR);
  SEARCH (ix, "thue", LANG_FR,
          { "pratique/taxes", SEARCH_BODY, LANG_FR,
            "La TVA se dit thuế en vietnamien.", "thuế" });
}

/* A long line is cut between words around the match, within the width. */
static void
test_snippet (const struct search_index *ix)
{
  SEARCH (ix, "pourpre", LANG_FR,
          { "hue/histoire", SEARCH_BODY, LANG_FR,
            "…entoure la Cité pourpre interdite, résidence de la…",
            "pourpre" });
  SEARCH (ix, "construite", LANG_FR,
          { "hue/histoire", SEARCH_BODY, LANG_FR,
            "Construite à partir de 1805 sous l'empereur Gia Long, la…",
            "Construite" });
  SEARCH (ix, "imperiale", LANG_FR,
          { "hue/histoire", SEARCH_SUMMARY, LANG_FR,
            "La cité impériale de Hué, capitale des Nguyễn.", "impériale" });
  SEARCH (ix, "famille", LANG_FR,
          { "artisans/duc", SEARCH_BODY, LANG_FR,
            "Une famille de fondeurs depuis le XVIIe siècle.", "famille" },
          { "hue/histoire", SEARCH_BODY, LANG_FR,
            "…Cité pourpre interdite, résidence de la famille impériale.",
            "famille" });

  /* Narrow snippets still hold the match and fit. */
  struct search_hit *hits;
  for (int width = 1; width <= 80; width++)
    {
      size_t n = search_run (ix, "pourpre", LANG_FR, &hits);
      CHECK (n == 1);
      if (n == 1)
        {
          const char *s = search_snippet (ix, &hits[0], width);
          CHECK (hits[0].mark_end <= strlen (s));
          CHECK (hits[0].mark_end - hits[0].mark_start == strlen ("pourpre"));
          CHECK (strncmp (s + hits[0].mark_start, "pourpre", 7) == 0);
          /* Columns: every byte here is one column except "é", "…". */
          size_t cols = 0;
          for (const unsigned char *u = (const unsigned char *) s; *u; u++)
            cols += (*u & 0xC0) != 0x80;
          CHECK (cols <= (size_t) (width < 10 ? 10 : width));
        }
      search_hits_free (hits, n);
    }
}

/* Snippets are made only when asked, for the hits asked, once for a
   width; they are the same whatever the order they are asked in. */
static void
test_snippet_call (const struct search_index *ix)
{
  struct search_hit *hits;
  size_t n = search_run (ix, "hue", LANG_FR, &hits);
  CHECK (n >= 3);
  for (size_t i = 0; i < n; i++)
    CHECK (hits[i].snippet == NULL);
  /* Asked for the third hit first: the others stay without. */
  const char *third = search_snippet (ix, &hits[2], 60);
  CHECK (third != NULL && third == hits[2].snippet);
  CHECK (hits[0].snippet == NULL && hits[1].snippet == NULL);
  /* The same width again: the same snippet, not a new one. */
  CHECK (search_snippet (ix, &hits[2], 60) == third);
  /* 0 means 60. */
  CHECK (search_snippet (ix, &hits[2], 0) == third);
  struct search_hit *again;
  size_t m = search_run (ix, "hue", LANG_FR, &again);
  CHECK (m == n);
  for (size_t i = 0; i < n && i < m; i++)
    {
      /* In order this time: the same snippets, the same marks. */
      CHECK_STR (search_snippet (ix, &again[i], 60),
                 search_snippet (ix, &hits[i], 60));
      CHECK (again[i].mark_start == hits[i].mark_start
             && again[i].mark_end == hits[i].mark_end);
    }
  search_hits_free (again, m);
  /* Another width: a new snippet that fits it, with the match. */
  size_t body = n;
  for (size_t i = 0; i < n; i++)
    if (hits[i].where == SEARCH_BODY && body == n)
      body = i;
  CHECK (body < n);
  if (body < n)
    {
      char *wide = xstrdup (search_snippet (ix, &hits[body], 60));
      char *mark = xstrndup (wide + hits[body].mark_start,
                             hits[body].mark_end - hits[body].mark_start);
      CHECK (strlen (mark) > 0);
      const char *narrow = search_snippet (ix, &hits[body], 12);
      CHECK (strcmp (narrow, wide) != 0);
      CHECK (text_width (narrow, strlen (narrow)) <= 12);
      CHECK (hits[body].mark_end - hits[body].mark_start == strlen (mark));
      CHECK (strncmp (narrow + hits[body].mark_start, mark, strlen (mark)) == 0);
      free (mark);
      CHECK_STR (search_snippet (ix, &hits[body], 60), wide);
      free (wide);
    }
  /* A hit that does not point into its page makes an empty snippet. */
  struct search_hit bad = hits[0];
  bad.snippet = NULL;
  bad.field = 99;
  CHECK_STR (search_snippet (ix, &bad, 60), "");
  CHECK (bad.mark_start == 0 && bad.mark_end == 0);
  free (bad.snippet);
  bad = hits[0];
  bad.snippet = NULL;
  bad.at = SIZE_MAX - 1;
  CHECK_STR (search_snippet (ix, &bad, 60), "");
  free (bad.snippet);
  search_hits_free (hits, n);

  /* Fields after absent ones and after the products: the body of an
     artisan with no place. */
  SEARCH (ix, "cuoc song", LANG_VI,
          { "artisans/non-la", SEARCH_BODY, LANG_VI,
            "Làng Tây Hồ làm nón từ lâu đời; chiếc nón hoà vào cuộc sống.",
            "cuộc" });
  SEARCH (ix, "bai tho", LANG_VI,
          { "artisans/non-la", SEARCH_SUMMARY, LANG_VI,
            "Nón lá bài thơ, đặc sản của xứ Huế.", "bài" });
  /* Hits never asked for are freed as well. */
  n = search_run (ix, "a", LANG_VI, &hits);
  CHECK (n > 0);
  search_hits_free (hits, n);
}

/* An index built a page at a time finds nothing until it is complete,
   then exactly what one built at once finds. */
static void
test_slices (const struct site *site, const struct search_index *whole)
{
  static const char *const queries[] = { "hue", "hoa", "non la", "duc",
                                         "cergy", "oeuvre", "xyzzy", "a" };
  struct search_index *ix = search_index_start (site);
  size_t slices = 0;
  struct search_hit *hits;
  for (;;)
    {
      CHECK (search_run (ix, "hue", LANG_FR, &hits) == 0 && hits == NULL);
      slices++;
      if (search_index_build (ix, 1))
        break;
    }
  CHECK (slices == site->npages);
  /* Complete: more building does nothing. */
  CHECK (search_index_build (ix, 1) && search_index_build (ix, SIZE_MAX));
  for (size_t q = 0; q < ARRAY_SIZE (queries); q++)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        struct search_hit *want;
        size_t n = search_run (ix, queries[q], (enum lang) l, &hits);
        size_t m = search_run (whole, queries[q], (enum lang) l, &want);
        CHECK (n == m);
        for (size_t i = 0; i < n && i < m; i++)
          {
            CHECK (hits[i].page == want[i].page && hits[i].lang == want[i].lang
                   && hits[i].where == want[i].where);
            CHECK_STR (search_snippet (ix, &hits[i], 40),
                       search_snippet (whole, &want[i], 40));
          }
        search_hits_free (hits, n);
        search_hits_free (want, m);
      }
  search_index_free (ix);
  /* One freed before it was complete leaks nothing (valgrind). */
  ix = search_index_start (site);
  CHECK (!search_index_build (ix, 2));
  search_index_free (ix);
}

/* A snippet is one line, even when the line ends with CR LF (one
   grapheme). */
static void
test_crlf (void)
{
  struct page_text t = { 0 };
  struct page p = { 0 };
  struct page *pages[1] = { &p };
  struct site site = { 0 };
  t.title = (char *) "Titre";
  t.summary = (char *) "Le nón lá\r\nest un chapeau.";
  p.id = (char *) "crlf";
  p.text[LANG_FR] = &t;
  site.pages = pages;
  site.npages = 1;
  struct search_index *ix = search_index_new (&site);
  SEARCH (ix, "la", LANG_FR,
          { "crlf", SEARCH_SUMMARY, LANG_FR, "Le nón lá", "lá" });
  SEARCH (ix, "chapeau", LANG_FR,
          { "crlf", SEARCH_SUMMARY, LANG_FR, "est un chapeau.", "chapeau" });
  search_index_free (ix);
}

/* What finds nothing. */
static void
test_nothing (const struct search_index *ix)
{
  NOTHING (ix, "xyzzy", LANG_FR);
  NOTHING (ix, "xyzzy", LANG_VI);
  NOTHING (ix, "", LANG_FR);
  NOTHING (ix, "  ,!? ", LANG_VI);
  NOTHING (ix, "hue\xff", LANG_FR);
  /* Markdown link targets are not text. */
  NOTHING (ix, "visites", LANG_VI);
  /* The index of an empty site. */
  struct site empty = { 0 };
  struct search_index *e = search_index_new (&empty);
  NOTHING (e, "hue", LANG_FR);
  search_index_free (e);
}

/* Markdown syntax goes; the words stay, a block to a line. */
static void
test_strip (void)
{
  const char *md =
    "# Titre #\n"
    "\n"
    "Un *mot* et un [lien](hue/histoire \"t\") puis ![image](a.png)\n"
    "et <https://hue.vn>.  \n"
    "- un\n"
    "- **deux**\n"
    "\n"
    "```\n"
    "code *brut*\n"
    "```\n"
    "> cité\n"
    "suite\n"
    "\n"
    "[ref]: http://example.org\n"
    "A&amp;B &#233; snake_case __gras__ \\*étoile\\* `x`\n"
    "***\n"
    "Sous-titre\n"
    "----------\n"
    "1. premier\n";
  char *plain = search_strip_markdown (md, strlen (md));
  CHECK_STR (plain,
             "Titre\n"
             "Un mot et un lien puis image et https://hue.vn.\n"
             "un\n"
             "deux\n"
             "code *brut*\n"
             "cité suite\n"
             "A&B é snake_case gras *étoile* x\n"
             "Sous-titre\n"
             "premier");
  free (plain);
  plain = search_strip_markdown ("", 0);
  CHECK_STR (plain, "");
  free (plain);
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t
next_random (uint32_t *state)
{
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

/* Random text from pieces of Markdown, marks, bad bytes and words. */
static char *
random_text (uint32_t *state, size_t pieces)
{
  static const char *const bits[] =
    { "hue", "Huế", "Hu", "e\xcc\x81", "\xcc\x81", "\xff", "\xe1\xbb", " ",
      "\n", "\n\n", "[", "]", "(", ")", "<", ">", "*", "_", "`", "#", "&",
      "&#", "&#x1F600;", "&amp", "> ", "- ", "1. ", "```", "\\", "ß", "Đ",
      "\t", "\r\n", "|", "!", "日本", "\xf0\x9f\x98\x80" };
  struct strbuf b = STRBUF_INIT;
  strbuf_add (&b, "", 0);
  for (size_t i = 0; i < pieces; i++)
    strbuf_adds (&b, bits[next_random (state) % ARRAY_SIZE (bits)]);
  return strbuf_steal (&b);
}

/* Bad input never crashes, and every hit's mark lies in its snippet. */
static void
test_robust (void)
{
  uint32_t state = 1805;
  for (int round = 0; round < 200; round++)
    {
      struct page_text t = { 0 };
      struct page p = { 0 };
      struct page *pages[1] = { &p };
      struct site site = { 0 };
      t.title = random_text (&state, 1 + next_random (&state) % 8);
      t.body = random_text (&state, next_random (&state) % 60);
      p.id = (char *) "random";
      p.text[round % LANG_COUNT] = &t;
      site.pages = pages;
      site.npages = 1;
      struct search_index *ix = search_index_new (&site);
      for (int q = 0; q < 5; q++)
        {
          char *query = random_text (&state, 1 + next_random (&state) % 3);
          struct search_hit *hits;
          int width = (int) (next_random (&state) % 70);
          size_t n = search_run (ix, query, (enum lang) (q % LANG_COUNT),
                                 &hits);
          CHECK (n <= 1);
          for (size_t i = 0; i < n; i++)
            {
              search_snippet (ix, &hits[i], width);
              CHECK (hits[i].mark_start <= hits[i].mark_end
                     && hits[i].mark_end <= strlen (hits[i].snippet));
            }
          search_hits_free (hits, n);
          free (query);
        }
      search_index_free (ix);
      free (t.title);
      free (t.body);
    }
}

int
main (void)
{
  struct site *site = make_site ();
  struct search_index *ix = search_index_new (site);
  test_hue (ix);
  test_accents (ix);
  test_words (ix);
  test_ranking (ix);
  test_snippet (ix);
  test_snippet_call (ix);
  test_slices (site, ix);
  test_crlf ();
  test_nothing (ix);
  test_strip ();
  test_robust ();
  search_index_free (ix);
  free_site (site);
  return check_finish ();
}
