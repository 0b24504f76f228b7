/* fuzz-page.c -- libFuzzer target for the page loader: the input is
   the bytes of one page file (front matter and body), read as a French
   and as a Vietnamese page.  Beyond "no crash, no leak", what the model
   promises of a loaded page is checked. */
#include "system.h"

#include "content-private.h"
#include "fuzz.h"
#include "layout.h"
#include "text.h"
#include "../tests/layout-invariants.h"

/* Is S, a text of the model, NULL or valid UTF-8 in NFC with no control
   character (nor, as one-line fields are, any line end or tab)? */
static bool
good_field (const char *s)
{
  if (!s)
    return true;
  size_t n = strlen (s);
  return *s && fuzz_is_nfc (s, n) && !fuzz_has_control (s)
    && !strpbrk (s, "\n\r\t");
}

/* Check every promise about the page F read from TEXT[0..LEN). */
static void
check_page (const struct content_file *f, const char *text, size_t len,
            const struct diags *diags)
{
  unsigned lines = fuzz_lines ((const uint8_t *) text, len);
  for (size_t i = 0; i < diags->count; i++)
    {
      const struct diag *d = &diags->items[i];
      FUZZ_CHECK (strcmp (d->file, f->path) == 0);
      FUZZ_CHECK (d->line >= 1 && d->line <= lines);
      FUZZ_CHECK (d->message && *d->message && !strchr (d->message, '\n'));
    }

  const struct page_text *t = f->text;
  if (!t)
    {
      /* A refused page says why. */
      FUZZ_CHECK (diags->errors > 0);
      return;
    }
  FUZZ_CHECK (t->title);
  FUZZ_CHECK (good_field (t->title) && good_field (t->summary)
              && good_field (t->craft) && good_field (t->place)
              && good_field (t->stand) && good_field (t->contact));
  for (size_t i = 0; i < t->nproducts; i++)
    FUZZ_CHECK (t->products[i] && good_field (t->products[i]));
  FUZZ_CHECK (t->body);
  FUZZ_CHECK (text_valid_utf8 (t->body, strlen (t->body), NULL));
  FUZZ_CHECK (!fuzz_has_control (t->body));
  FUZZ_CHECK (t->body_line >= 2 && t->body_line <= lines + 1);
  FUZZ_CHECK (strcmp (t->file, f->path) == 0);
  if (f->fields.date)
    FUZZ_CHECK (content_page_valid_date (f->fields.date));
  if (f->fields.end)
    FUZZ_CHECK (content_page_valid_date (f->fields.end));
  for (size_t i = 0; i < f->nlinks; i++)
    {
      FUZZ_CHECK (f->links[i].target);
      FUZZ_CHECK (f->links[i].line >= t->body_line
                  && f->links[i].line <= lines);
    }
}

/* The screen's lazy read (front matter now, body when shown) of the
   same bytes, against the full read FULL: it refuses no page the full
   read keeps, and keeps the same fields, without the body. */
static void
check_lazy (const struct content_file *full, const struct content_file *lazy)
{
  const struct page_text *a = full->text, *b = lazy->text;
  if (!b)
    {
      FUZZ_CHECK (!a);
      return;
    }
  FUZZ_CHECK (b->body_lazy && !b->body && b->title);
  if (!a)
    return;                     /* a bad body: shown with why, later */
  FUZZ_CHECK (strcmp (a->title, b->title) == 0);
  FUZZ_CHECK (!a->summary == !b->summary
              && (!a->summary || strcmp (a->summary, b->summary) == 0));
  FUZZ_CHECK (a->nproducts == b->nproducts && a->body_line == b->body_line);
  FUZZ_CHECK (full->fields.has_kind == lazy->fields.has_kind
              && full->fields.kind == lazy->fields.kind
              && full->fields.order == lazy->fields.order);
}

/* Lay the page F kept out, as the screen would, at WIDTH: in a site
   of its own, where a link to itself resolves; every line and link
   keeps the layout's promises. */
static void
check_layout (const struct content_file *f, int width)
{
  struct page page = {
    .id = f->id,
    .kind = f->fields.has_kind ? f->fields.kind : PAGE_KIND_PAGE,
    .order = f->fields.order,
    .date = f->fields.date,
    .end = f->fields.end,
  };
  page.text[f->lang] = f->text;
  struct page *pages[] = { &page };
  struct site site = { .pages = pages, .npages = 1, .home = (char *) "home",
                       .default_lang = f->lang };
  struct layout *l = layout_page (&site, &page, f->lang, width);
  FUZZ_CHECK (l->width == width);
  unsigned block = 0;
  for (size_t i = 0; i < l->nlines; i++)
    {
      FUZZ_CHECK (layout_line_ok (l, i, width, block));
      block = l->lines[i].block;
    }
  FUZZ_CHECK (layout_links_ok (l));
  layout_free (l);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Each language has its own path: French gets typography. */
  static const struct
  {
    const char *path;
    enum lang lang;
  } as[] = { { "page.fr.md", LANG_FR }, { "page.vi.md", LANG_VI } };
  for (size_t i = 0; i < ARRAY_SIZE (as); i++)
    {
      struct content_file f;
      memset (&f, 0, sizeof f);
      f.path = (char *) as[i].path;
      f.id = (char *) "page";
      f.lang = as[i].lang;
      struct diags diags = DIAGS_INIT;
      content_page_parse (&f, (const char *) data, size, &diags);
      check_page (&f, (const char *) data, size, &diags);
      if (f.text)
        {
          /* A width from the bytes, so each input has its own, and the
             screen's usual one. */
          check_layout (&f, 1 + (int) (size % 97));
          check_layout (&f, 72);
        }

      struct content_file lazy = f;
      lazy.text = NULL;
      lazy.links = NULL;
      lazy.nlinks = 0;
      memset (&lazy.fields, 0, sizeof lazy.fields);
      lazy.lazy = true;
      struct diags lazy_diags = DIAGS_INIT;
      content_page_parse (&lazy, (const char *) data, size, &lazy_diags);
      check_lazy (&f, &lazy);

      content_page_clear (&lazy);
      content_page_clear (&f);
      diags_free (&lazy_diags);
      diags_free (&diags);
    }
  return 0;
}
