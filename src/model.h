/* model.h -- the loaded guide: a site and its pages, read-only once
   content_load() has built it. */
#ifndef KIOSQUE_MODEL_H
#define KIOSQUE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"

enum page_kind
{
  PAGE_KIND_PAGE,
  PAGE_KIND_SECTION,
  PAGE_KIND_ARTISAN,
  PAGE_KIND_EVENT
};

/* One page in one language, from one file.  Every string is NFC UTF-8;
   French text has had its typography applied (text_french_spaces).
   Absent optional fields are NULL. */
struct page_text
{
  char *file;           /* source path, for diagnostics */
  char *title;
  char *summary;
  char *craft;          /* artisan */
  char *place;          /* artisan, event */
  char *stand;          /* artisan */
  char *contact;        /* artisan */
  char **products;      /* artisan; NPRODUCTS strings */
  size_t nproducts;
  char *body;           /* CommonMark source of the body; for French,
                           written back from cmark's tree after French
                           spacing of its text nodes (never of code or
                           link targets), so the same document but not
                           always the file's exact lines (soft line
                           breaks become spaces); in any language,
                           block quotes and lists nested deeper than 8
                           are laid flat at that depth.  NULL when
                           BODY_LAZY: read it with page_text_body() */
  bool body_lazy;       /* the site was loaded with content_load_lazy():
                           the body stays in FILE until asked for */
  enum lang lang;       /* the language of this text */
  unsigned body_line;   /* line number of the body's first line in FILE */
  char *broken;         /* a lazily read page none of whose files could
                           be read: "FILE:LINE: reason", and TITLE is
                           the page's id; else NULL */
};

/* Where a page of a lazily loaded site (content_load_lazy) is read
   from the first time it is asked for. */
struct page_source
{
  char *file[LANG_COUNT];       /* NULL where the page has no file */
  enum lang main_lang;          /* whose page-level fields win: the
                                   site's default language */
};

struct page
{
  char *id;             /* "home", "hue/histoire" */
  enum page_kind kind;
  int order;            /* INT_MAX when the front matter gives none */
  char *date;           /* event: YYYY-MM-DD, or NULL */
  char *end;            /* event: YYYY-MM-DD, or NULL */
  struct page_text *text[LANG_COUNT];   /* NULL where that file is missing */
  struct page_source *unread;   /* not read yet (lazy load): KIND, ORDER,
                                   DATE, END and TEXT are only valid
                                   after page_ready(); else NULL */
};

struct site
{
  char *dir;                    /* the content directory */
  char *title[LANG_COUNT];
  enum lang default_lang;
  enum lang languages[LANG_COUNT];
  size_t nlanguages;
  char *home;                   /* id of the home page */
  unsigned idle_seconds;
  struct page **pages;          /* sorted by id (strcmp) */
  size_t npages;
};

/* The page with id ID, or NULL. */
const struct page *site_find (const struct site *site, const char *id);

/* PAGE, its files read now if the site was loaded lazily and nothing
   had asked for it yet.  The site is read-only to its users: this is a
   cache filled on first look (a page's front matter, never its body),
   so PAGE stays const.  Every accessor below calls it; code that reads
   a page's fields directly calls it first. */
const struct page *page_ready (const struct page *page);

/* Is PAGE a lazily read page none of whose files could be read (its
   text is then its id and the reason, see struct page_text's BROKEN)?
   A full load keeps no such page; menus and search leave them out. */
bool page_broken (const struct page *page);

/* The page's text in LANG, or in the other language when it has none in
   LANG; *GOT (if not NULL) says which.  NULL only if it has neither. */
const struct page_text *page_text_in (const struct page *page, enum lang lang,
                                      enum lang *got);

/* TEXT's body as described at struct page_text's BODY, as a malloc'd
   string the caller frees: a copy of TEXT->body, or, when the body was
   left in its file (BODY_LAZY), read, checked and normalised now from
   the file (content_body_read).  NULL when the body cannot be shown (a
   bad or vanished file, or a BROKEN text), with a malloc'd one-line
   reason, "FILE:LINE: message", in *CAUSE if CAUSE is not NULL.  The site is
   not changed: nothing is cached, so memory does not grow with the
   pages shown (the screen keeps its last layouts; the search index its
   own text). */
char *page_text_body (const struct page_text *text, char **cause);

/* The page's title in LANG (falling back as page_text_in does). */
const char *page_title (const struct page *page, enum lang lang);

/* The pages listed by PARENT as buttons: for the home page, every
   top-level page but home; for any other page, the pages whose id is
   PARENT's id plus one more "/component".  Sorted by order, then by
   title in LANG.  Returns a malloc'd array of *COUNT pointers into the
   site (caller frees the array only). */
const struct page **site_children (const struct site *site,
                                   const struct page *parent, enum lang lang,
                                   size_t *count);

/* The parent page of PAGE (home for a top-level page), or NULL for home. */
const struct page *site_parent (const struct site *site, const struct page *page);

/* "page", "section", "artisan", "event". */
const char *page_kind_name (enum page_kind kind);

/* Free TEXT and everything it holds; TEXT may be NULL.  (The loader
   needs it to drop a page text it will not keep.) */
void page_text_free (struct page_text *text);

/* Free SOURCE and its paths; SOURCE may be NULL. */
void page_source_free (struct page_source *source);

void site_free (struct site *site);

#endif /* KIOSQUE_MODEL_H */
