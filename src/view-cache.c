/* view-cache.c -- the page layouts the screen showed last, kept so that
   going back, switching the language and switching it back do not parse
   and wrap the page again.  A layout depends only on the page, the
   language and the width, so those are the key. */
#include "system.h"

#include "lang.h"
#include "layout.h"
#include "view-private.h"

/* The layout of PAGE in LANG at WIDTH, laid out now or kept from
   before.  The cache owns it: it stays valid until VIEW_CACHE_SLOTS
   other layouts were asked for, or view_cache_flush. */
const struct layout *
view_cache_page (struct view *v, const struct page *page, enum lang lang,
                 int width)
{
  struct view_cache_slot *oldest = &v->cache[0];
  v->cache_clock++;
  for (size_t i = 0; i < VIEW_CACHE_SLOTS; i++)
    {
      struct view_cache_slot *c = &v->cache[i];
      if (c->layout && c->page == page && c->lang == lang
          && c->width == width)
        {
          c->used = v->cache_clock;
          return c->layout;
        }
      if (!c->layout || (oldest->layout && c->used < oldest->used))
        oldest = c;
    }
  if (oldest->layout)
    layout_free (oldest->layout);
  /* The card labels and notices come from the catalogue, in LANG. */
  lang_use_for_messages (lang);
  oldest->layout = layout_page (v->site, page, lang, width);
  oldest->page = page;
  oldest->lang = lang;
  oldest->width = width;
  oldest->used = v->cache_clock;
  return oldest->layout;
}

/* Forget every kept layout (the content was reloaded, or the screen
   ends). */
void
view_cache_flush (struct view *v)
{
  for (size_t i = 0; i < VIEW_CACHE_SLOTS; i++)
    {
      if (v->cache[i].layout)
        layout_free (v->cache[i].layout);
      v->cache[i].layout = NULL;
      v->cache[i].page = NULL;
    }
}
