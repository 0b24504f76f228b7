/* search.h -- finding pages by words typed without accents.

   Matching ignores case and diacritics in both languages (text_fold):
   "hue" finds Huế and Hué, "duc" finds Đúc, NFD text matches an NFC
   query, "hoa" finds both hòa and hoà, and "oeuvre" finds Œuvre.  Each word of the query must
   begin a word of the page (so "hue" finds Huế but not thuế, and a
   half-typed "hu" already finds Huế); a page is found when it has every
   word of the query, in any order and in any of its fields.

   The text the visitor sees in LANG is searched first (the page's LANG
   text, or the other language's where the page has none); a page found
   only through its translation in the other language comes after.
   Then title matches rank above summary matches, above artisan and
   event details, above body matches; in each, whole words above the
   starts of words ("hoa" as hòa before "hoa" in hoàng); then the
   earlier the match in its field, the better; then the site's page
   order. */
#ifndef KIOSQUE_SEARCH_H
#define KIOSQUE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"

struct site;
struct page;

/* Where a page matched: the field that holds its weakest query word
   (all words in the title make a title match), best first. */
enum search_where
{
  SEARCH_TITLE,
  SEARCH_SUMMARY,
  SEARCH_DETAILS,       /* craft, place, stand, contact, products */
  SEARCH_BODY
};

/* One page found. */
struct search_hit
{
  const struct page *page;      /* into the site */
  enum lang lang;               /* the language of the text that matched */
  enum search_where where;
  char *snippet;                /* NULL until search_snippet makes it: the
                                   original text around the match, one
                                   line, no Markdown, at most the width
                                   asked, cut between words, "…" where
                                   cut */
  size_t mark_start;            /* the match, as a byte range of SNIPPET, */
  size_t mark_end;              /* for the screen to highlight */
  int snippet_width;            /* the width SNIPPET was made for */
  /* Where the match is, for search_snippet: the field's place among the
     page's texts in LANG, and the matched word's bytes in its folded
     form. */
  size_t field;
  size_t at, len;
};

struct search_index;

/* Fold every title, summary, detail and body (Markdown stripped) of
   SITE once, in each language, and keep its words.  SITE must outlive
   the index.  Free with search_index_free. */
struct search_index *search_index_new (const struct site *site);

/* The same index, built a few pages at a time while the screen is
   idle: search_index_start makes it empty (at no cost), and each
   search_index_build folds up to NPAGES more pages (every page left
   with SIZE_MAX, none with 0) and returns true once the index is
   complete.  Until then search_run finds nothing. */
struct search_index *search_index_start (const struct site *site);
bool search_index_build (struct search_index *index, size_t npages);

void search_index_free (struct search_index *index);

/* Search INDEX for QUERY (UTF-8, any case, accents or not) for a
   visitor reading LANG.  Sets *HITS to a malloc'd array of the hits,
   best first, without snippets, and returns their number; an empty
   query, a query of punctuation alone, or invalid UTF-8 finds nothing
   (0, *HITS = NULL).  Free with search_hits_free. */
size_t search_run (const struct search_index *index, const char *query,
                   enum lang lang, struct search_hit **hits);

/* Make the snippet of HIT (a hit of INDEX) at most WIDTH columns wide
   (60 when WIDTH is 0 or less; never less than 10), unless it has one
   of that width already, and return it.  Only the hits shown need one:
   it strips and folds the matched field of the page again.  A hit
   that does not point into its page gets "". */
const char *search_snippet (const struct search_index *index,
                            struct search_hit *hit, int width);

void search_hits_free (struct search_hit *hits, size_t n);

/* S[0..N), CommonMark source, as plain text for searching: link
   targets, emphasis and heading marks, code fences and HTML tags
   dropped, each paragraph, heading or list item on a line of its own.
   A cheap textual pass (cmark belongs to content and layout), good for
   finding words, not for display.  Caller frees. */
char *search_strip_markdown (const char *s, size_t n);

#endif /* KIOSQUE_SEARCH_H */
