/* layout-test.c -- pages built in memory, laid out, and read back line by
   line as a visitor would see them.  No catalogue is bound, so interface
   words are the English msgids. */
#include "system.h"

#include "check.h"
#include "layout.h"
#include "model.h"
#include "strbuf.h"
#include "text.h"
#include "layout-invariants.h"

/* A page with id ID added to SITE (kept sorted by the caller). */
static struct page *
add_page (struct site *site, const char *id, enum page_kind kind, int order)
{
  struct page *page = xcalloc (1, sizeof *page);
  page->id = xstrdup (id);
  page->kind = kind;
  page->order = order;
  site->pages = xrealloc (site->pages, (site->npages + 1) * sizeof *site->pages);
  site->pages[site->npages++] = page;
  return page;
}

/* Give PAGE a text in LANG. */
static struct page_text *
set_text (struct page *page, enum lang lang, const char *title, const char *body)
{
  struct page_text *t = xcalloc (1, sizeof *t);
  t->file = xasprintf ("%s.%s.md", page->id, lang_code (lang));
  t->title = xstrdup (title);
  t->body = body ? xstrdup (body) : NULL;
  page->text[lang] = t;
  return t;
}

/* qsort's comparison of pages by id, as the loader sorts them. */
static int
by_id (const void *a, const void *b)
{
  const struct page *const *x = a, *const *y = b;
  return strcmp ((*x)->id, (*y)->id);
}

static struct site *
new_site (void)
{
  struct site *site = xcalloc (1, sizeof *site);
  site->home = xstrdup ("home");
  site->default_lang = LANG_FR;
  return site;
}

static void
sort_site (struct site *site)
{
  qsort (site->pages, site->npages, sizeof *site->pages, by_id);
}

/* Every line of L joined with newlines, to compare with a whole page. */
static char *
text_of (const struct layout *l)
{
  size_t n = 1;
  for (size_t i = 0; i < l->nlines; i++)
    n += strlen (l->lines[i].text) + 1;
  char *s = xmalloc (n), *p = s;
  for (size_t i = 0; i < l->nlines; i++)
    p += sprintf (p, "%s\n", l->lines[i].text);
  *p = '\0';
  return s;
}

/* Lay PAGE out and compare its whole text with WANT. */
static struct layout *
check_page (const struct site *site, const char *id, enum lang lang, int width,
            const char *want, int line)
{
  struct layout *l = layout_page (site, site_find (site, id), lang, width);
  char *got = text_of (l);
  check_count++;
  if (strcmp (got, want) != 0)
    {
      check_failures++;
      fprintf (stderr, "%s:%d: page %s at %d columns\n--- got:\n%s--- want:\n%s",
               __FILE__, line, id, width, got, want);
    }
  free (got);
  return l;
}
#define CHECK_PAGE(site, id, lang, width, want) \
  check_page (site, id, lang, width, want, __LINE__)

/* The text of span J of line I. */
static char *
span_text (const struct layout *l, size_t i, size_t j)
{
  const struct layout_span *sp = &l->lines[i].spans[j];
  return xstrndup (l->lines[i].text + sp->start, sp->len);
}

/* The invariants every layout keeps, at any width. */
static void
check_invariants (const struct layout *l, int width, const char *what)
{
  unsigned block = 0;
  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *line = &l->lines[i];
      check_count++;
      if (!layout_line_ok (l, i, width, block))
        {
          check_failures++;
          fprintf (stderr, "%s at %d columns: bad line %zu: [%s] (width %d)\n",
                   what, width, i, line->text,
                   text_width (line->text, strlen (line->text)));
        }
      block = line->block;
    }
  CHECK (layout_links_ok (l));
}

static void
test_heading_paragraph (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "hue/histoire", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "Hué",
            "# Histoire\n\n"
            "La citadelle de Hué fut la résidence des empereurs Nguyễn de\n"
            "1802 à 1945.\n");
  set_text (p, LANG_VI, "Huế",
            "# Lịch sử\n\n"
            "Kinh thành Huế là nơi ở của các vua nhà Nguyễn từ 1802 đến 1945.\n");
  sort_site (site);

  struct layout *l = CHECK_PAGE (site, "hue/histoire", LANG_FR, 20,
    "Hué\n"
    "═══\n"
    "\n"
    "Histoire\n"
    "\n"
    "La citadelle de Hué\n"
    "fut la résidence des\n"
    "empereurs Nguyễn de\n"
    "1802 à 1945.\n");
  CHECK (!l->fallback && l->lang == LANG_FR && l->width == 20);
  CHECK (l->lines[0].nspans == 1 && l->lines[0].spans[0].style == LAYOUT_TITLE);
  CHECK (l->lines[3].nspans == 1 && l->lines[3].spans[0].style == LAYOUT_HEADING);
  CHECK (l->lines[5].nspans == 1 && l->lines[5].spans[0].style == 0);
  CHECK (l->lines[0].block == 0 && l->lines[3].block == 3 && l->lines[5].block == 4);
  CHECK (l->nblocks == 5);
  CHECK (layout_line_of_block (l, 0) == 0);
  CHECK (layout_line_of_block (l, 3) == 3);
  CHECK (layout_line_of_block (l, 4) == 5);
  /* Blocks 1 and 2 (card, summary) are absent: the next block shows. */
  CHECK (layout_line_of_block (l, 1) == 3);
  CHECK (layout_line_of_block (l, 99) == l->nlines - 1);
  CHECK (l->lines[5].width == 19);
  layout_free (l);

  l = CHECK_PAGE (site, "hue/histoire", LANG_FR, 40,
    "Hué\n"
    "═══\n"
    "\n"
    "Histoire\n"
    "\n"
    "La citadelle de Hué fut la résidence des\n"
    "empereurs Nguyễn de 1802 à 1945.\n");
  layout_free (l);

  /* The same structure in Vietnamese numbers its blocks the same way. */
  l = CHECK_PAGE (site, "hue/histoire", LANG_VI, 40,
    "Huế\n"
    "═══\n"
    "\n"
    "Lịch sử\n"
    "\n"
    "Kinh thành Huế là nơi ở của các vua nhà\n"
    "Nguyễn từ 1802 đến 1945.\n");
  CHECK_STR (l->lines[layout_line_of_block (l, 4)].text,
             "Kinh thành Huế là nơi ở của các vua nhà");
  layout_free (l);
  site_free (site);
}

static void
test_inline_styles (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "T",
            "Un *chapeau* **conique** en `nón lá`\\\n"
            "puis une ligne.\n\n"
            "Image : ![le chapeau](non-la.jpg)<br>.\n\n"
            "<div>\nbloc HTML\n</div>\n\n"
            "Fin\x1b[31m rouge.\n");
  sort_site (site);
  struct layout *l = CHECK_PAGE (site, "p", LANG_FR, 40,
    "T\n"
    "═\n"
    "\n"
    "Un chapeau conique en nón lá\n"
    "puis une ligne.\n"
    "\n"
    "Image : le chapeau.\n"
    "\n"
    "Fin[31m rouge.\n");
  struct layout_line *line = &l->lines[3];
  CHECK (line->nspans == 6);
  if (line->nspans == 6)
    {
      const unsigned want[] = { 0, LAYOUT_EMPH, 0, LAYOUT_STRONG, 0, LAYOUT_CODE };
      const char *text[] = { "Un ", "chapeau", " ", "conique", " en ", "nón lá" };
      for (size_t j = 0; j < 6; j++)
        {
          char *s = span_text (l, 3, j);
          CHECK_STR (s, text[j]);
          CHECK (line->spans[j].style == want[j] && line->spans[j].link == -1);
          free (s);
        }
    }
  /* The HTML block is a block of its own even though it shows nothing,
     so both languages count blocks alike. */
  CHECK (l->lines[8].block == 6);
  layout_free (l);
  site_free (site);
}

static void
test_lists (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "Listes",
            "- Le nón lá, chapeau conique en feuilles de latanier\n"
            "  - tressé à la main\n"
            "- La soie\n"
            "\n"
            "1. Premier point assez long pour passer à la ligne\n"
            "2. Second\n"
            "\n"
            "9) neuf\n"
            "10) dix\n"
            "\n"
            "- un\n"
            "\n"
            "- deux\n");
  sort_site (site);
  struct layout *l = CHECK_PAGE (site, "p", LANG_FR, 20,
    "Listes\n"
    "══════\n"
    "\n"
    "• Le nón lá, chapeau\n"
    "  conique en\n"
    "  feuilles de\n"
    "  latanier\n"
    "  ◦ tressé à la main\n"
    "• La soie\n"
    "\n"
    "1. Premier point\n"
    "   assez long pour\n"
    "   passer à la ligne\n"
    "2. Second\n"
    "\n"
    " 9) neuf\n"
    "10) dix\n"
    "\n"
    "• un\n"
    "\n"
    "• deux\n");
  /* The bullet is muted, the text plain; the hanging indent is a span. */
  CHECK (l->lines[3].nspans == 2 && l->lines[3].spans[0].style == LAYOUT_MUTED
         && l->lines[3].spans[0].len == strlen ("• ")
         && l->lines[3].spans[1].style == 0);
  CHECK (l->lines[4].nspans == 2 && l->lines[4].spans[0].len == 2);
  /* A whole list is one block. */
  CHECK (l->lines[3].block == 3 && l->lines[8].block == 3
         && l->lines[10].block == 4);
  layout_free (l);
  site_free (site);
}

static void
test_quote_rule_code (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "Citation",
            "> Hué est une ville du centre du Viêt Nam.\n"
            ">\n"
            "> Seconde phrase.\n"
            "\n"
            "---\n"
            "\n"
            "    code\tici, bien trop long pour la ligne\n");
  sort_site (site);
  struct layout *l = CHECK_PAGE (site, "p", LANG_FR, 20,
    "Citation\n"
    "════════\n"
    "\n"
    "│ Hué est une ville\n"
    "│ du centre du Viêt\n"
    "│ Nam.\n"
    "│\n"
    "│ Seconde phrase.\n"
    "\n"
    "────────────────────\n"
    "\n"
    "code    ici, bien tr\n"
    "op long pour la lign\n"
    "e\n");
  CHECK (l->lines[3].nspans == 1 && l->lines[3].spans[0].style == LAYOUT_QUOTE);
  CHECK (l->lines[6].nspans == 1 && l->lines[6].spans[0].style == LAYOUT_QUOTE);
  CHECK (l->lines[9].nspans == 1 && l->lines[9].spans[0].style == LAYOUT_MUTED);
  CHECK (l->lines[11].nspans == 1 && l->lines[11].spans[0].style == LAYOUT_CODE);
  layout_free (l);
  site_free (site);
}

static void
test_links (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "Liens",
            "Voir [la citadelle impériale de Hué](hue/citadelle) pour plus.\n\n"
            "Site : [Ville de Cergy](https://www.cergy.fr/) et <contact@cergy.fr>.\n\n"
            "[](hue/citadelle) [absente](nulle/part)\n");
  struct page *c = add_page (site, "hue/citadelle", PAGE_KIND_PAGE, 1);
  set_text (c, LANG_FR, "La citadelle", "");
  sort_site (site);

  struct layout *l = CHECK_PAGE (site, "p", LANG_FR, 20,
    "Liens\n"
    "═════\n"
    "\n"
    "Voir la citadelle\n"
    "impériale de Hué\n"
    "pour plus.\n"
    "\n"
    "Site : Ville de\n"
    "Cergy (https://\n"
    "www.cergy.fr/) et\n"
    "contact@cergy.fr.\n"
    "\n"
    "La citadelle absente\n");
  CHECK (l->nlinks == 4);
  if (l->nlinks == 4)
    {
      CHECK_STR (l->links[0].target, "hue/citadelle");
      CHECK (l->links[0].internal && l->links[0].first_line == 3
             && l->links[0].last_line == 4);
      CHECK (l->lines[3].nspans == 2);
      char *s = span_text (l, 3, 1);
      CHECK_STR (s, "la citadelle");
      free (s);
      CHECK (l->lines[3].spans[0].link == -1
             && l->lines[3].spans[1].link == 0
             && l->lines[3].spans[1].style == LAYOUT_LINK);
      CHECK (l->lines[4].nspans == 1 && l->lines[4].spans[0].link == 0
             && l->lines[4].spans[0].style == LAYOUT_LINK);
      CHECK (l->lines[5].nspans == 1 && l->lines[5].spans[0].link == -1);

      CHECK_STR (l->links[1].target, "https://www.cergy.fr/");
      CHECK (!l->links[1].internal && l->links[1].first_line == 7
             && l->links[1].last_line == 9);
      CHECK (l->lines[9].spans[0].style == LAYOUT_URL
             && l->lines[9].spans[0].link == 1);
      s = span_text (l, 9, 0);
      CHECK_STR (s, "www.cergy.fr/)");
      free (s);
      CHECK_STR (l->links[2].target, "mailto:contact@cergy.fr");
      CHECK (l->links[2].first_line == 10);
      /* An empty link text shows the page's title. */
      CHECK_STR (l->links[3].target, "hue/citadelle");
      CHECK (l->links[3].first_line == 12);
    }
  layout_free (l);

  l = CHECK_PAGE (site, "p", LANG_FR, 80,
    "Liens\n"
    "═════\n"
    "\n"
    "Voir la citadelle impériale de Hué pour plus.\n"
    "\n"
    "Site : Ville de Cergy (https://www.cergy.fr/) et contact@cergy.fr.\n"
    "\n"
    "La citadelle absente\n");
  CHECK (l->nlinks == 4 && l->links[0].first_line == 3
         && l->links[0].last_line == 3);
  layout_free (l);
  site_free (site);
}

static void
test_card (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "artisans/non-la", PAGE_KIND_ARTISAN, 1);
  struct page_text *t = set_text (p, LANG_FR, "Chapeaux coniques",
                                  "Le nón lá se tresse à la main.\n");
  t->craft = xstrdup ("Chapellerie");
  t->place = xstrdup ("Village de Phú Cam, au sud de la rivière des Parfums");
  t->stand = xstrdup ("12");
  t->nproducts = 2;
  t->products = xcalloc (2, sizeof *t->products);
  t->products[0] = xstrdup ("Nón lá");
  t->products[1] = xstrdup ("Nón bài thơ");
  t->contact = xstrdup ("atelier@example.org");
  t->summary = xstrdup ("Le chapeau conique de Hué.");
  sort_site (site);

  struct layout *l = CHECK_PAGE (site, "artisans/non-la", LANG_FR, 40,
    "Chapeaux coniques\n"
    "═════════════════\n"
    "\n"
    "┌──────────────────────────────────────┐\n"
    "│ Craft     Chapellerie                │\n"
    "│ Place     Village de Phú Cam, au sud │\n"
    "│           de la rivière des Parfums  │\n"
    "│ Stand     12                         │\n"
    "│ Products  Nón lá, Nón bài thơ        │\n"
    "│ Contact   atelier@example.org        │\n"
    "└──────────────────────────────────────┘\n"
    "\n"
    "Le chapeau conique de Hué.\n"
    "\n"
    "Le nón lá se tresse à la main.\n");
  CHECK (l->lines[3].block == 1 && l->lines[10].block == 1
         && l->lines[12].block == 2 && l->lines[14].block == 3);
  CHECK (l->lines[4].nspans == 5);
  if (l->lines[4].nspans == 5)
    {
      const unsigned want[] = { LAYOUT_CARD, LAYOUT_LABEL, LAYOUT_CARD, 0, LAYOUT_CARD };
      for (size_t j = 0; j < 5; j++)
        CHECK (l->lines[4].spans[j].style == want[j]);
      char *s = span_text (l, 4, 1);
      CHECK_STR (s, "Craft");
      free (s);
    }
  CHECK (l->lines[12].spans[0].style == LAYOUT_MUTED);
  layout_free (l);

  /* Too narrow for labels beside values: each value goes under its label. */
  l = CHECK_PAGE (site, "artisans/non-la", LANG_FR, 20,
    "Chapeaux coniques\n"
    "═════════════════\n"
    "\n"
    "┌──────────────────┐\n"
    "│ Craft            │\n"
    "│   Chapellerie    │\n"
    "│ Place            │\n"
    "│   Village de Phú │\n"
    "│   Cam, au sud de │\n"
    "│   la rivière des │\n"
    "│   Parfums        │\n"
    "│ Stand            │\n"
    "│   12             │\n"
    "│ Products         │\n"
    "│   Nón lá, Nón    │\n"
    "│   bài thơ        │\n"
    "│ Contact          │\n"
    "│   atelier@exampl │\n"
    "│   e.org          │\n"
    "└──────────────────┘\n"
    "\n"
    "Le chapeau conique\n"
    "de Hué.\n"
    "\n"
    "Le nón lá se tresse\n"
    "à la main.\n");
  layout_free (l);
  site_free (site);
}

static void
test_event (void)
{
  struct site *site = new_site ();
  struct page *e = add_page (site, "festival", PAGE_KIND_EVENT, 1);
  struct page_text *t = set_text (e, LANG_FR, "Festival", NULL);
  t->place = xstrdup ("Office du Tourisme");
  e->date = xstrdup ("2023-11-16");
  e->end = xstrdup ("2023-11-28");
  sort_site (site);
  struct layout *l = CHECK_PAGE (site, "festival", LANG_FR, 40,
    "Festival\n"
    "════════\n"
    "\n"
    "From 16 to November 28, 2023\n"
    "Office du Tourisme\n");
  CHECK (l->lines[3].block == 1 && l->lines[4].block == 1);
  CHECK (l->lines[3].spans[0].style == LAYOUT_STRONG);
  layout_free (l);

  free (e->end);
  e->end = xstrdup ("2024-01-02");
  l = layout_page (site, e, LANG_FR, 80);
  CHECK_STR (l->lines[3].text, "From November 16, 2023 to January 2, 2024");
  layout_free (l);
  free (e->date);
  e->date = xstrdup ("2023-12-01");
  l = layout_page (site, e, LANG_FR, 80);
  CHECK_STR (l->lines[3].text, "From December 1st, 2023 to January 2, 2024");
  layout_free (l);
  free (e->end);
  e->end = xstrdup ("2023-12-05");
  l = layout_page (site, e, LANG_FR, 80);
  CHECK_STR (l->lines[3].text, "From 1st to December 5, 2023");
  layout_free (l);
  free (e->end);
  e->end = NULL;
  l = layout_page (site, e, LANG_FR, 80);
  CHECK_STR (l->lines[3].text, "On December 1st, 2023");
  layout_free (l);
  site_free (site);
}

static void
test_section (void)
{
  struct site *site = new_site ();
  struct page *s = add_page (site, "hue", PAGE_KIND_SECTION, 1);
  set_text (s, LANG_FR, "Hué", "La ville.\n");
  struct page *c1 = add_page (site, "hue/histoire", PAGE_KIND_PAGE, 2);
  set_text (c1, LANG_FR, "Une très longue histoire de la ville impériale", "");
  struct page *c2 = add_page (site, "hue/citadelle", PAGE_KIND_PAGE, 1);
  set_text (c2, LANG_FR, "La citadelle", "");
  sort_site (site);

  struct layout *l = CHECK_PAGE (site, "hue", LANG_FR, 30,
    "Hué\n"
    "═══\n"
    "\n"
    "La ville.\n"
    "\n"
    "┌────────────────────────────┐\n"
    "│ La citadelle             › │\n"
    "└────────────────────────────┘\n"
    "┌────────────────────────────┐\n"
    "│ Une très longue histoir… › │\n"
    "└────────────────────────────┘\n");
  CHECK (l->nlinks == 2);
  if (l->nlinks == 2)
    {
      CHECK_STR (l->links[0].target, "hue/citadelle");
      CHECK_STR (l->links[1].target, "hue/histoire");
      CHECK (l->links[0].internal && l->links[0].first_line == 5
             && l->links[0].last_line == 7);
      CHECK (l->links[1].first_line == 8 && l->links[1].last_line == 10);
      for (size_t i = 5; i <= 10; i++)
        for (size_t j = 0; j < l->lines[i].nspans; j++)
          CHECK (l->lines[i].spans[j].link == (i <= 7 ? 0 : 1)
                 && l->lines[i].spans[j].style == LAYOUT_BUTTON);
    }
  CHECK (l->lines[5].block == 4 && l->lines[8].block == 5 && l->nblocks == 6);
  layout_free (l);

  /* Without room for a frame, a button is still three lines tall. */
  l = CHECK_PAGE (site, "hue", LANG_FR, 5,
    "Hué\n"
    "═══\n"
    "\n"
    "La\n"
    "ville\n"
    ".\n"
    "\n"
    "\n"
    "La c…\n"
    "\n"
    "\n"
    "Une…\n"
    "\n");
  CHECK (l->nlinks == 2 && l->links[0].first_line == 7
         && l->links[0].last_line == 9);
  layout_free (l);
  site_free (site);
}

static void
test_fallback (void)
{
  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_FR, "Seulement en français", "Un paragraphe.\n");
  sort_site (site);
  struct layout *l = CHECK_PAGE (site, "p", LANG_VI, 40,
    "This page is not available in\n"
    "Vietnamese; here is the French version.\n"
    "\n"
    "Seulement en français\n"
    "═════════════════════\n"
    "\n"
    "Un paragraphe.\n");
  CHECK (l->fallback && l->lang == LANG_FR);
  CHECK (l->lines[0].spans[0].style == LAYOUT_NOTICE && l->lines[0].block == 0);
  CHECK (l->lines[6].block == 3);
  layout_free (l);
  l = layout_page (site, p, LANG_FR, 40);
  CHECK (!l->fallback && l->lang == LANG_FR);
  CHECK_STR (l->lines[0].text, "Seulement en français");
  layout_free (l);
  site_free (site);
}

/* Every construct at every width, in both languages. */
static void
test_width_sweep (void)
{
  struct site *site = new_site ();
  struct page *home = add_page (site, "home", PAGE_KIND_SECTION, 1);
  set_text (home, LANG_FR, "Accueil",
            "# Bienvenue à Hué\n\n"
            "Texte *mis en valeur*, **fort**, `code` et [lien](a) et "
            "[adresse](https://example.org/un/chemin/assez/long).\n\n"
            "- un\n  1. deux\n     > trois quatre cinq six sept huit\n- neuf\n\n"
            "> > > > > > > > > > > > très profond\n\n"
            "---\n\n"
            "```\nbloc\tde code large : 日本語のテキスト\n```\n\n"
            "Un mot: Nghệ­thuậtđúcđồngtruyềnthốnghuế et 😀😀 emoji.\n");
  set_text (home, LANG_VI, "Trang chủ",
            "# Chào mừng đến Huế\n\nChữ *nhấn mạnh* và [liên kết](a).\n");
  struct page *a = add_page (site, "a", PAGE_KIND_ARTISAN, 1);
  struct page_text *t = set_text (a, LANG_FR, "Artisan aux très longs titres", "Corps.\n");
  t->craft = xstrdup ("Fonderie de bronze");
  t->contact = xstrdup ("+84 234 000 000");
  t->summary = xstrdup ("Un résumé.");
  sort_site (site);

  for (int lang = 0; lang < LANG_COUNT; lang++)
    for (int w = 1; w <= 120; w++)
      {
        struct layout *l = layout_page (site, home, (enum lang) lang, w);
        check_invariants (l, w, "home");
        layout_free (l);
        l = layout_page (site, a, (enum lang) lang, w);
        check_invariants (l, w, "artisan");
        layout_free (l);
      }
  site_free (site);
}

/* Pathological bodies (deep nesting, one huge word, many items) keep
   every promise at narrow and wide widths. */
static void
test_pathological (void)
{
  struct strbuf body = STRBUF_INIT;
  for (int i = 0; i < 2000; i++)
    strbuf_adds (&body, "> ");
  strbuf_adds (&body, "profond\n\n");
  for (int i = 0; i < 300; i++)
    {
      for (int j = 0; j < i; j++)
        strbuf_adds (&body, "  ");
      strbuf_adds (&body, "- élément\n");
    }
  strbuf_adds (&body, "\n");
  for (int i = 0; i < 20000; i++)
    strbuf_adds (&body, "ễ");
  strbuf_adds (&body, "\n\n");
  for (int i = 0; i < 1200; i++)
    strbuf_adds (&body, "1. x\n");
  strbuf_adds (&body, "\n[](p) **[*]()** <b>\n");

  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_SECTION, 1);
  set_text (p, LANG_FR, "", body.s);
  sort_site (site);
  const int widths[] = { 1, 2, 3, 5, 9, 80 };
  for (size_t i = 0; i < ARRAY_SIZE (widths); i++)
    {
      struct layout *l = layout_page (site, p, LANG_FR, widths[i]);
      check_invariants (l, widths[i], "pathological");
      CHECK (l->nlines > 0);
      layout_free (l);
    }
  strbuf_free (&body);
  site_free (site);
}

/* 20 000 nested block quotes then 20 000 lazy lines, and 20 000 nested
   lists: each line pays for the prefixes it shows, not for the whole
   depth (that was 8e8 steps and seconds of a kiosk's time), and no word
   is lost. */
static void
test_deep_nesting (void)
{
  struct strbuf body = STRBUF_INIT;
  for (int i = 0; i < 20000; i++)
    strbuf_adds (&body, ">");
  strbuf_adds (&body, " fond\n");
  for (int i = 0; i < 20000; i++)
    strbuf_adds (&body, "mot\n");
  strbuf_adds (&body, "\n");
  for (int i = 0; i < 20000; i++)
    strbuf_adds (&body, "- ");
  strbuf_adds (&body, "liste\n");

  struct site *site = new_site ();
  struct page *p = add_page (site, "p", PAGE_KIND_PAGE, 1);
  set_text (p, LANG_VI, "", body.s);
  sort_site (site);
  const int widths[] = { 1, 20, 80 };
  for (size_t i = 0; i < ARRAY_SIZE (widths); i++)
    {
      struct layout *l = layout_page (site, p, LANG_VI, widths[i]);
      check_invariants (l, widths[i], "deep nesting");
      size_t words = 0;
      bool fond = false, liste = false;
      for (size_t j = 0; j < l->nlines; j++)
        {
          for (const char *t = l->lines[j].text; (t = strstr (t, "mot")); t++)
            words++;
          fond |= strstr (l->lines[j].text, "fond") != NULL;
          liste |= strstr (l->lines[j].text, "liste") != NULL;
        }
      /* At width 1 words are cut into letters. */
      CHECK (widths[i] == 1 || words == 20000);
      CHECK (widths[i] == 1 || (fond && liste));
      layout_free (l);
    }
  strbuf_free (&body);
  site_free (site);
}

int
main (void)
{
  test_heading_paragraph ();
  test_inline_styles ();
  test_lists ();
  test_quote_rule_code ();
  test_links ();
  test_card ();
  test_event ();
  test_section ();
  test_fallback ();
  test_width_sweep ();
  test_pathological ();
  test_deep_nesting ();
  return check_finish ();
}
