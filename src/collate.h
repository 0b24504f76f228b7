/* collate.h -- sorting text as each language of the guide sorts it,
   without glibc locales (the kiosk may have no vi_VN locale).

   Vietnamese follows the rules of the Vietnam Lexicography Centre (Vũ
   Xuân Lương, "Quy tắc sắp xếp theo thứ tự ABC"): the letters
   a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z,
   compared letter by letter (digraphs such as "ch" or "ngh" are not
   units), syllable by syllable: each syllable's letters, then its tone
   (none, grave, hook above, tilde, acute, dot below), before the next
   syllable; lower case before upper case last of all.

   French follows dictionary practice: letters first with accents
   ignored, then accents compared from the start of the word
   (cote < coté < côte < côté), then case; œ and æ sort as oe and ae.

   In both, digits come before letters, and spaces and punctuation
   separate words that are compared word by word ("nothing before
   something": "Le Mans" < "Lebrun").  The order is total: strings
   equal at every level are ordered by their bytes. */
#ifndef KIOSQUE_COLLATE_H
#define KIOSQUE_COLLATE_H

#include <stddef.h>

#include "lang.h"

struct page;

/* Negative, zero or positive as A sorts before, with or after B in
   LANG.  A and B are UTF-8 (NFC or not); zero only when they are the
   same bytes.  NULL sorts like "". */
int collate_compare (const char *a, const char *b, enum lang lang);

/* Sort PAGES[0..N) by their title in LANG (page_title), stably: pages
   whose titles are the same keep their order. */
void collate_sort_pages (const struct page **pages, size_t n, enum lang lang);

#endif /* KIOSQUE_COLLATE_H */
