/* lang.h -- the two languages of the guide, and the locale they need. */
#ifndef KIOSQUE_LANG_H
#define KIOSQUE_LANG_H

#include <stdbool.h>

enum lang
{
  LANG_FR,
  LANG_VI
};
#define LANG_COUNT 2

/* "fr" or "vi". */
const char *lang_code (enum lang lang);
/* Parse "fr" or "vi" (case-insensitive) into *LANG; false otherwise. */
bool lang_parse (const char *code, enum lang *lang);
/* The other language of the pair. */
enum lang lang_other (enum lang lang);

/* Set the locale from the environment, falling back to C.UTF-8 for
   LC_CTYPE and LC_MESSAGES when the environment names no UTF-8 locale
   (LANG unset, LANG=C, or a locale this machine lacks). */
void lang_init_locale (void);

/* Make gettext answer in LANG from now on, whatever LANGUAGE said. */
void lang_use_for_messages (enum lang lang);

#endif /* KIOSQUE_LANG_H */
