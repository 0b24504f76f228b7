/* layout.c -- a page at a width and in a language becomes styled lines.

   layout_page() lays out the blocks in order: the title
   (layout-card.c), the artisan card or the event's dates, the summary,
   the body (layout-body.c) and a section's buttons, all through the
   builder of layout-build.c. */
#include "system.h"
#include "layout.h"
#include "layout-private.h"

/* Drop links that no line shows (an empty link text), renumbering the
   spans that point at the others. */
static void
drop_unshown_links (struct layout *lay)
{
  if (lay->nlinks == 0)
    return;
  int *map = xcalloc (lay->nlinks, sizeof *map);
  size_t kept = 0;
  for (size_t i = 0; i < lay->nlinks; i++)
    if (lay->links[i].first_line == SIZE_MAX)
      {
        free (lay->links[i].target);
        map[i] = -1;
      }
    else
      {
        map[i] = (int) kept;
        lay->links[kept++] = lay->links[i];
      }
  for (size_t i = 0; i < lay->nlines; i++)
    for (size_t j = 0; j < lay->lines[i].nspans; j++)
      {
        struct layout_span *sp = &lay->lines[i].spans[j];
        if (sp->link >= 0 && (size_t) sp->link < lay->nlinks)
          sp->link = map[sp->link];
      }
  lay->nlinks = kept;
  free (map);
}

/* Lay a page out: see layout.h. */
struct layout *
layout_page (const struct site *site, const struct page *page, enum lang lang,
             int width)
{
  struct layout *lay = xcalloc (1, sizeof *lay);
  struct builder b = { 0 };
  if (width < 1)
    width = 1;
  lay->width = width;
  lay->lang = lang;
  /* Its kind and dates are read below, not only its text. */
  page_ready (page);
  b.site = site;
  b.lay = lay;
  b.width = width;
  b.lang = lang;
  if (!page)
    return lay;

  enum lang got = lang;
  const struct page_text *t = page_text_in (page, lang, &got);
  lay->lang = got;
  lay->fallback = t && got != lang;
  b.lang = got;

  b.block = BLOCK_TITLE;
  if (lay->fallback)
    layout_build_emit_text (&b, lang == LANG_FR
               ? _("This page is not available in French; here is the Vietnamese version.")
               : _("This page is not available in Vietnamese; here is the French version."),
               LAYOUT_NOTICE);
  layout_card_title (&b, t && t->title ? t->title : page->id);

  if (t)
    {
      b.block = BLOCK_HEAD;
      if (page->kind == PAGE_KIND_ARTISAN)
        layout_card_artisan (&b, t);
      else if (page->kind == PAGE_KIND_EVENT)
        layout_card_event (&b, page, t);
      b.block = BLOCK_SUMMARY;
      layout_build_emit_text (&b, t->summary, LAYOUT_MUTED);
      b.block = BLOCK_BODY;
      char *cause;
      char *body = page_text_body (t, &cause);
      if (cause)
        {
          /* A lazily loaded body found bad only now (or its file gone):
             the rest of the page is good, and the reason is for the
             staff, who can fix the file and reload. */
          char *notice = xasprintf (_("The text of this page cannot be shown: %s"),
                                    cause);
          layout_build_emit_text (&b, notice, LAYOUT_NOTICE);
          free (notice);
          free (cause);
        }
      layout_body (&b, body);
      free (body);
    }
  else
    b.block = BLOCK_BODY;

  if (site && (page->kind == PAGE_KIND_SECTION
               || (site->home && strcmp (page->id, site->home) == 0)))
    layout_card_children (&b, page);
  lay->nblocks = b.block;
  drop_unshown_links (lay);
  free (b.frames);
  free (b.shown);
  return lay;
}

/* Where a block starts, to keep the reader's place: see layout.h. */
size_t
layout_line_of_block (const struct layout *layout, unsigned block)
{
  if (layout->nlines == 0)
    return 0;
  for (size_t i = 0; i < layout->nlines; i++)
    if (layout->lines[i].block >= block)
      return i;
  return layout->nlines - 1;
}

/* Free every line, span and link, then the layout. */
void
layout_free (struct layout *layout)
{
  if (!layout)
    return;
  for (size_t i = 0; i < layout->nlines; i++)
    {
      free (layout->lines[i].text);
      free (layout->lines[i].spans);
    }
  for (size_t i = 0; i < layout->nlinks; i++)
    free (layout->links[i].target);
  free (layout->lines);
  free (layout->links);
  free (layout);
}

/* The lines as plain text: what --dump prints. */
void
layout_print (const struct layout *layout, FILE *out)
{
  for (size_t i = 0; i < layout->nlines; i++)
    {
      fputs (layout->lines[i].text, out);
      fputc ('\n', out);
    }
}
