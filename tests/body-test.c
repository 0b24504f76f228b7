/* body-test.c -- French and Vietnamese side by side (blocks aligned,
   links moved with their lines) and the help text (wrapped to the
   width, without the quit key in kiosk mode). */
#include "system.h"

#include "body.h"
#include "check.h"
#include "text.h"

/* A layout of NLINES lines of WIDTH columns at most: line I says TEXTS[I]
   and shows block BLOCKS[I].  Link K covers line LINK_LINES[K], all of
   its text. */
static struct layout *
make_layout (int width, const char *const *texts, const unsigned *blocks,
             size_t nlines, const size_t *link_lines, size_t nlinks)
{
  struct layout *l = xcalloc (1, sizeof *l);
  l->width = width;
  l->lines = xcalloc (nlines, sizeof *l->lines);
  l->nlines = nlines;
  for (size_t i = 0; i < nlines; i++)
    {
      struct layout_line *line = &l->lines[i];
      line->text = xstrdup (texts[i]);
      line->width = text_width (texts[i], strlen (texts[i]));
      line->block = blocks[i];
      line->spans = xcalloc (1, sizeof *line->spans);
      line->nspans = 1;
      line->spans[0] = (struct layout_span) { 0, strlen (texts[i]), 0, -1 };
      if (blocks[i] + 1 > l->nblocks)
        l->nblocks = blocks[i] + 1;
    }
  l->links = xcalloc (nlinks + 1, sizeof *l->links);
  l->nlinks = nlinks;
  for (size_t k = 0; k < nlinks; k++)
    {
      l->links[k].target = xasprintf ("page-%zu", k);
      l->links[k].internal = true;
      l->links[k].first_line = l->links[k].last_line = link_lines[k];
      l->lines[link_lines[k]].spans[0].style = LAYOUT_LINK;
      l->lines[link_lines[k]].spans[0].link = (int) k;
    }
  return l;
}

/* The first line of BLOCK in L, or -1. */
static long
first_of (const struct layout *l, unsigned block)
{
  for (size_t i = 0; i < l->nlines; i++)
    if (l->lines[i].block == block)
      return (long) i;
  return -1;
}

/* Whether LINE's spans cover its text in order without gaps. */
static bool
spans_cover (const struct layout_line *line)
{
  size_t at = 0;
  for (size_t j = 0; j < line->nspans; j++)
    {
      if (line->spans[j].start != at)
        return false;
      at += line->spans[j].len;
    }
  return at == strlen (line->text);
}

static void
test_twin (void)
{
  /* French: a title, a paragraph of two lines, a list of three.
     Vietnamese: a title, a paragraph of three lines, a list of one. */
  static const char *const fr_text[] = {
    "Hué", "La ville est", "au centre.", "• un", "• deux", "• trois"
  };
  static const unsigned fr_blocks[] = { 0, 1, 1, 2, 2, 2 };
  static const char *const vi_text[] = {
    "Huế", "Thành phố", "nằm ở", "miền Trung.", "• một"
  };
  static const unsigned vi_blocks[] = { 0, 1, 1, 1, 2 };
  static const size_t fr_links[] = { 4 };
  static const size_t vi_links[] = { 0, 4 };
  struct layout *fr = make_layout (20, fr_text, fr_blocks, 6, fr_links, 1);
  struct layout *vi = make_layout (20, vi_text, vi_blocks, 5, vi_links, 2);
  struct layout *both = body_twin (fr, vi, 3);

  CHECK (both->width == 43);
  /* Block by block: 1 row, then 3 (the longer paragraph), then 3. */
  CHECK (both->nlines == 7);
  CHECK (first_of (both, 0) == 0);
  CHECK (first_of (both, 1) == 1);
  CHECK (first_of (both, 2) == 4);
  for (size_t i = 0; i < both->nlines; i++)
    {
      CHECK (spans_cover (&both->lines[i]));
      CHECK (both->lines[i].width <= both->width);
      CHECK (both->lines[i].width
             == text_width (both->lines[i].text, strlen (both->lines[i].text)));
    }
  /* Each block starts with both languages' first line of it, the
     Vietnamese one at the same column on every row. */
  CHECK_STR (both->lines[0].text, "Hué                  │ Huế");
  CHECK_STR (both->lines[1].text, "La ville est         │ Thành phố");
  CHECK_STR (both->lines[3].text, "                     │ miền Trung.");
  CHECK_STR (both->lines[4].text, "• un                 │ • một");
  CHECK_STR (both->lines[6].text, "• trois              │");

  /* The links: French first, on their new rows; then Vietnamese. */
  CHECK (both->nlinks == 3);
  CHECK_STR (both->links[0].target, "page-0");
  CHECK (both->links[0].first_line == 5 && both->links[0].last_line == 5);
  CHECK_STR (both->links[1].target, "page-0");
  CHECK (both->links[1].first_line == 0);
  CHECK_STR (both->links[2].target, "page-1");
  CHECK (both->links[2].first_line == 4);
  /* The spans point at the new link numbers. */
  bool found = false;
  for (size_t j = 0; j < both->lines[4].nspans; j++)
    if (both->lines[4].spans[j].link == 2)
      found = strncmp (both->lines[4].text + both->lines[4].spans[j].start,
                       "• một", both->lines[4].spans[j].len) == 0;
  CHECK (found);
  body_free (both);

  /* A missing side: the other alone, still in its column. */
  struct layout empty = { .width = 20 };
  both = body_twin (&empty, vi, 3);
  CHECK (both->nlines == 5);
  CHECK_STR (both->lines[0].text, "                     │ Huế");
  CHECK (both->nlinks == 2);
  CHECK (both->links[1].first_line == 4);
  body_free (both);
  both = body_twin (fr, &empty, 3);
  CHECK (both->nlines == 6);
  CHECK (both->nlinks == 1);
  body_free (both);

  body_free (fr);
  body_free (vi);
}

static void
test_help (void)
{
  for (int width = 1; width <= 100; width++)
    {
      struct layout *help = body_help (width, false);
      CHECK (help->nlines > 10);
      bool quit = false;
      for (size_t i = 0; i < help->nlines; i++)
        {
          const char *t = help->lines[i].text;
          size_t n = strlen (t);
          /* Wider than the width only for a single character. */
          if (help->lines[i].width > width)
            CHECK (text_grapheme_len (t, n) == n);
          CHECK (spans_cover (&help->lines[i]));
          if (strstr (t, "quit"))
            quit = true;
        }
      if (width >= 20)
        CHECK (quit);
      body_free (help);
    }
  /* In kiosk mode nothing tells how to quit. */
  struct layout *help = body_help (72, true);
  for (size_t i = 0; i < help->nlines; i++)
    CHECK (!strstr (help->lines[i].text, "quit"));
  body_free (help);
}

int
main (void)
{
  test_twin ();
  test_help ();
  return check_finish ();
}
