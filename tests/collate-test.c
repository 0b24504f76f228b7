/* collate-test.c -- the artisans directory sorts as each language
   sorts: Vietnamese dictionary order, French dictionary order. */
#include "system.h"
#include "collate.h"
#include "model.h"
#include "check.h"

/* -1, 0 or 1. */
static int
sign (int c)
{
  return (c > 0) - (c < 0);
}

/* Check that LIST[0..N) is in strictly increasing order in LANG, each
   pair both ways round, and that each string equals itself. */
static void
check_order (const char *const *list, size_t n, enum lang lang, int line)
{
  for (size_t i = 0; i < n; i++)
    {
      if (collate_compare (list[i], list[i], lang) != 0)
        {
          check_failures++;
          fprintf (stderr, "%s:%d: [%s] is not equal to itself\n",
                   __FILE__, line, list[i]);
        }
      for (size_t j = i + 1; j < n; j++)
        {
          check_count++;
          if (collate_compare (list[i], list[j], lang) >= 0
              || collate_compare (list[j], list[i], lang) <= 0)
            {
              check_failures++;
              fprintf (stderr, "%s:%d: want [%s] before [%s] in %s\n",
                       __FILE__, line, list[i], list[j], lang_code (lang));
            }
        }
    }
}

#define ORDER(lang, ...) \
  do { \
    static const char *const list_[] = { __VA_ARGS__ }; \
    check_order (list_, ARRAY_SIZE (list_), (lang), __LINE__); \
  } while (0)

/* Vietnamese dictionary order. */
static void
test_vietnamese (void)
{
  /* The alphabet, foreign letters in their Latin places. */
  ORDER (LANG_VI, "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g",
         "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r",
         "s", "t", "u", "ư", "v", "w", "x", "y", "z");
  /* Tones: none, huyền, hỏi, ngã, sắc, nặng. */
  ORDER (LANG_VI, "ma", "mà", "mả", "mã", "má", "mạ");
  ORDER (LANG_VI, "hai", "hài", "hải", "hãi", "hái", "hại");
  /* Tones come after every letter of the syllable. */
  ORDER (LANG_VI, "ang", "ảng", "anh", "ao");
  ORDER (LANG_VI, "ác", "ách", "ạch", "an");
  /* Every a-word before every ă-word, before every â-word. */
  ORDER (LANG_VI, "an", "anh", "áo", "ăn", "ắt", "âm", "ân", "ấy", "ba");
  /* Đ after D, after the foreign Dz too. */
  ORDER (LANG_VI, "Dương", "Dzũng", "Đà Nẵng", "Đúc", "Đường", "e");
  ORDER (LANG_VI, "Hà", "Hà Nội", "Hạ Long", "Hué", "Huế", "Huệ", "Hương",
         "Hữu");
  ORDER (LANG_VI, "o", "ong", "ô", "ốc", "ở", "ơn");
  ORDER (LANG_VI, "u", "uống", "ư", "ừ", "ước");
  ORDER (LANG_VI, "e", "é", "em", "ê", "ế", "êm");
  /* Syllable by syllable: a syllable and its tone before the next. */
  ORDER (LANG_VI, "ba", "ba ba", "ba bị", "bà", "bà ba", "bả", "bác");
  ORDER (LANG_VI, "cha", "chan", "chân", "chè", "Chè Huế", "chè xanh");
  /* Lower case before upper case; a shorter word before a longer. */
  ORDER (LANG_VI, "a", "A", "an", "An", "ăn");
  ORDER (LANG_VI, "Nguyen Van An", "Nguyễn Văn An", "Nguyễn Văn Bình",
         "Nguyễn Văn Bính", "Nguyễn Vân");
  /* Digits before letters; punctuation separates syllables. */
  ORDER (LANG_VI, "1945", "2 nón", "a", "nón", "nón lá", "nón-lá",
         "nón lá Huế", "nóna");

  /* hòa and hoà are the same word: the next syllable decides. */
  CHECK (collate_compare ("hòa bình", "hoà cả", LANG_VI) < 0);
  CHECK (collate_compare ("hoà bình", "hòa cả", LANG_VI) < 0);
  CHECK (collate_compare ("hòa", "hoà", LANG_VI) != 0);
  CHECK (sign (collate_compare ("hòa", "hoà", LANG_VI))
         == -sign (collate_compare ("hoà", "hòa", LANG_VI)));

  /* NFD sorts as NFC does ("Huế" and "Hương" decomposed). */
  const char *hue_nfd = "Hue\xcc\x82\xcc\x81";
  const char *huong_nfd = "Hu\xcc\x9bo\xcc\x9bng";
  CHECK (collate_compare (hue_nfd, "Hương", LANG_VI) < 0);
  CHECK (collate_compare (hue_nfd, "Huề", LANG_VI) > 0);
  CHECK (collate_compare (huong_nfd, "Huế", LANG_VI) > 0);
  CHECK (collate_compare (huong_nfd, "Hướng", LANG_VI) < 0);
  CHECK (collate_compare (hue_nfd, "Huế", LANG_VI) != 0);
}

/* French dictionary order. */
static void
test_french (void)
{
  /* Accents from the front, not from the back. */
  ORDER (LANG_FR, "cote", "coté", "côte", "côté", "coter");
  ORDER (LANG_FR, "e", "é", "è", "ê", "ë", "f");
  ORDER (LANG_FR, "elisa", "élise", "Élise", "Emma");
  ORDER (LANG_FR, "péché", "pêche", "pécher", "pêcher");
  /* Ligatures as two letters. */
  ORDER (LANG_FR, "oeuf", "oeuvre", "œuvre", "Oeuvre", "Œuvre", "ogive");
  ORDER (LANG_FR, "ADN", "Ægypte", "aérien", "afin");
  /* Digits before letters; word by word. */
  ORDER (LANG_FR, "14 juillet", "2 CV", "Abbaye", "Le Mans", "Le Nôtre",
         "Lebrun", "Léon");
  ORDER (LANG_FR, "porte", "porte-monnaie", "portefeuille");
  ORDER (LANG_FR, "Hu", "Hue", "Hué", "« Hué »", "Huet");
  /* Vietnamese names in French: đ is d with a bar, tones are accents. */
  ORDER (LANG_FR, "Da Nang", "Đà Nẵng", "Đúc", "Dương", "Dzung");
  ORDER (LANG_FR, "Hà", "Hạ Long", "Huế", "Hương");
  ORDER (LANG_FR, "ça", "Ça", "cab");

  /* The same strings in the other order of each language. */
  CHECK (collate_compare ("Đúc", "Dương", LANG_FR) < 0);
  CHECK (collate_compare ("Đúc", "Dương", LANG_VI) > 0);
  CHECK (collate_compare ("fa", "ga", LANG_FR) < 0);

  /* NULL sorts like "". */
  CHECK (collate_compare (NULL, "a", LANG_FR) < 0);
  CHECK (collate_compare (NULL, NULL, LANG_VI) == 0);
  /* Invalid UTF-8 is ordered, not a crash. */
  CHECK (collate_compare ("a\xff", "a\xfe", LANG_FR) != 0);
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t
next_random (uint32_t *state)
{
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

/* Random strings from pieces that stress every level. */
static void
random_string (char *buf, size_t size, uint32_t *state)
{
  static const char *const pieces[] =
    { "a", "A", "à", "ă", "ằ", "â", "ậ", "d", "đ", "Đ", "e", "é", "è", "ê",
      "ệ", "o", "ô", "ơ", "ờ", "u", "ư", "ự", "œ", "Œ", "ae", "æ", "n",
      "ng", "h", " ", "-", "'", "1", "9", "e\xcc\x81", "o\xcc\x9b\xcc\x80",
      "\xcc\x81", "ß", "ø", "Ω" };
  size_t len = 0, n = 1 + next_random (state) % 6;
  buf[0] = '\0';
  for (size_t i = 0; i < n; i++)
    {
      const char *p = pieces[next_random (state) % ARRAY_SIZE (pieces)];
      size_t pl = strlen (p);
      if (len + pl + 1 > size)
        break;
      memcpy (buf + len, p, pl + 1);
      len += pl;
    }
}

/* The order is total: antisymmetric, reflexive only on equal bytes,
   and transitive, on random strings in both languages. */
static void
test_total (void)
{
  uint32_t state = 20260611;
  for (int lang = 0; lang < LANG_COUNT; lang++)
    for (int round = 0; round < 3000; round++)
      {
        char a[64], b[64], c[64];
        random_string (a, sizeof a, &state);
        random_string (b, sizeof b, &state);
        random_string (c, sizeof c, &state);
        int ab = sign (collate_compare (a, b, (enum lang) lang));
        int ba = sign (collate_compare (b, a, (enum lang) lang));
        int bc = sign (collate_compare (b, c, (enum lang) lang));
        int ac = sign (collate_compare (a, c, (enum lang) lang));
        bool ok = ab == -ba && (ab == 0) == (strcmp (a, b) == 0)
          && !(ab < 0 && bc < 0 && ac >= 0)
          && !(ab > 0 && bc > 0 && ac <= 0);
        check_count++;
        if (!ok)
          {
            check_failures++;
            fprintf (stderr, "%s:%d: not a total order in %s: [%s] [%s] [%s]\n",
                     __FILE__, __LINE__, lang_code ((enum lang) lang), a, b, c);
          }
      }
}

/* A page with the given titles (NULL for a missing language). */
static struct page *
make_page (const char *id, const char *fr, const char *vi)
{
  struct page *p = xcalloc (1, sizeof *p);
  p->id = xstrdup (id);
  p->order = INT_MAX;
  const char *titles[LANG_COUNT] = { [LANG_FR] = fr, [LANG_VI] = vi };
  for (int l = 0; l < LANG_COUNT; l++)
    if (titles[l])
      {
        p->text[l] = xcalloc (1, sizeof *p->text[l]);
        p->text[l]->title = xstrdup (titles[l]);
      }
  return p;
}

/* Free a page made by make_page. */
static void
free_page (struct page *p)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (p->text[l])
      {
        free (p->text[l]->title);
        free (p->text[l]);
      }
  free (p->id);
  free (p);
}

/* The artisans directory: sorted by title in each language, stably. */
static void
test_sort_pages (void)
{
  struct page *p[] =
    {
      make_page ("artisans/non-la", "Nón lá, chapeaux coniques", "Nón lá Huế"),
      make_page ("artisans/duc", "Đúc, fondeur de bronze", "Đúc đồng"),
      make_page ("artisans/dzung", "Dzũng, laqueur", "Dzũng sơn mài"),
      make_page ("artisans/duong", "Dương, brodeuse", "Dương thêu"),
      make_page ("artisans/an", "Ăn uống : cuisine", "Ăn uống"),
      make_page ("artisans/a1", "Atelier", "Áo dài"),
      make_page ("artisans/a2", "Atelier", "Áo dài"),
      make_page ("artisans/vi-only", NULL, "Chè Huế"),
      make_page ("artisans/elise", "Élise, céramiste", "Élise gốm"),
      make_page ("artisans/a3", "Atelier", "Áo dài"),
    };
  size_t n = ARRAY_SIZE (p);
  const struct page *pages[ARRAY_SIZE (p)];

  static const char *const want_fr[] =
    { "artisans/an", "artisans/a1", "artisans/a2", "artisans/a3",
      "artisans/vi-only", "artisans/duc", "artisans/duong", "artisans/dzung",
      "artisans/elise", "artisans/non-la" };
  static const char *const want_vi[] =
    { "artisans/a1", "artisans/a2", "artisans/a3", "artisans/an",
      "artisans/vi-only", "artisans/duong", "artisans/dzung", "artisans/duc",
      "artisans/elise", "artisans/non-la" };
  const char *const *want[LANG_COUNT] = { want_fr, want_vi };

  for (int l = 0; l < LANG_COUNT; l++)
    {
      for (size_t i = 0; i < n; i++)
        pages[i] = p[i];
      collate_sort_pages (pages, n, (enum lang) l);
      for (size_t i = 0; i < n; i++)
        CHECK_STR (pages[i]->id, want[l][i]);
      /* Sorting again changes nothing: equal titles keep their order. */
      collate_sort_pages (pages, n, (enum lang) l);
      for (size_t i = 0; i < n; i++)
        CHECK_STR (pages[i]->id, want[l][i]);
    }
  collate_sort_pages (pages, 0, LANG_FR);
  for (size_t i = 0; i < n; i++)
    free_page (p[i]);
}

int
main (void)
{
  test_vietnamese ();
  test_french ();
  test_total ();
  test_sort_pages ();
  return check_finish ();
}
