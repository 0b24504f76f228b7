/* layout-invariants.h -- what every layout promises the screen, at any
   width, whatever the page: checked by tests/layout-test on the guide
   and hostile pages, and by fuzz/fuzz-page on every page it reads.
   Include it after system.h, layout.h and text.h. */
#ifndef KIOSQUE_LAYOUT_INVARIANTS_H
#define KIOSQUE_LAYOUT_INVARIANTS_H

/* Does line I of L, laid out at WIDTH, keep its promises: measured
   right, no wider than WIDTH, valid UTF-8 without control characters
   or a trailing space, its block in order after PREV_BLOCK, its spans
   covering its text in order, each link span inside its link's lines? */
static inline bool
layout_line_ok (const struct layout *l, size_t i, int width,
                unsigned prev_block)
{
  const struct layout_line *line = &l->lines[i];
  size_t len = strlen (line->text);
  int w = text_width (line->text, len);
  bool ok = w == line->width && w <= width
    && (len == 0 || line->text[len - 1] != ' ')
    && text_valid_utf8 (line->text, len, NULL)
    && line->block >= prev_block && line->block < l->nblocks;
  for (size_t k = 0; k < len; k++)
    if ((unsigned char) line->text[k] < 0x20 || line->text[k] == 0x7f)
      ok = false;
  size_t at = 0;
  for (size_t j = 0; j < line->nspans; j++)
    {
      const struct layout_span *sp = &line->spans[j];
      if (sp->start != at || sp->len == 0
          || (sp->link >= 0 && (size_t) sp->link >= l->nlinks))
        ok = false;
      else if (sp->link >= 0 && (i < l->links[sp->link].first_line
                                 || i > l->links[sp->link].last_line))
        ok = false;
      at += sp->len;
    }
  return ok && at == len;
}

/* Does every link of L span lines L has, first before last? */
static inline bool
layout_links_ok (const struct layout *l)
{
  for (size_t k = 0; k < l->nlinks; k++)
    if (l->links[k].first_line > l->links[k].last_line
        || l->links[k].last_line >= l->nlines)
      return false;
  return true;
}

#endif /* KIOSQUE_LAYOUT_INVARIANTS_H */
