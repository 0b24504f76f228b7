/* lang.c -- the two languages of the guide, and the locale they need. */
#include "system.h"
#include "lang.h"

#include <langinfo.h>
#include <locale.h>
#include <strings.h>

static const char *const lang_codes[LANG_COUNT] = { "fr", "vi" };

const char *
lang_code (enum lang lang)
{
  return lang_codes[lang];
}

bool
lang_parse (const char *code, enum lang *lang)
{
  for (int i = 0; i < LANG_COUNT; i++)
    if (strcasecmp (code, lang_codes[i]) == 0)
      {
        *lang = (enum lang) i;
        return true;
      }
  return false;
}

enum lang
lang_other (enum lang lang)
{
  return lang == LANG_FR ? LANG_VI : LANG_FR;
}

static bool
locale_is_utf8 (void)
{
  const char *codeset = nl_langinfo (CODESET);
  return codeset && strcmp (codeset, "UTF-8") == 0;
}

void
lang_init_locale (void)
{
  if (!setlocale (LC_ALL, "") || !locale_is_utf8 ())
    {
      /* The kiosk's text is UTF-8 whatever the environment says; and
         glibc ignores LANGUAGE under the C locale, so the messages
         locale must not stay "C" either. */
      setlocale (LC_CTYPE, "C.UTF-8");
      setlocale (LC_MESSAGES, "C.UTF-8");
    }
  else
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);
      if (!messages || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
        setlocale (LC_MESSAGES, "C.UTF-8");
    }
}

void
lang_use_for_messages (enum lang lang)
{
  setenv ("LANGUAGE", lang_code (lang), 1);
  /* glibc caches translations; this counter is its documented way
     (gettext manual, "Being a gettext grok") to invalidate them. */
  extern int _nl_msg_cat_cntr;
  ++_nl_msg_cat_cntr;
}
