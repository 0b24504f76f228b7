/* fuzz-site.c -- libFuzzer target for the site.yaml reader: whatever
   the bytes, the site gets usable settings and every problem a
   diagnostic on a line of the file. */
#include "system.h"

#include "content-private.h"
#include "fuzz.h"

/* Is S NULL or a non-empty one-line NFC text without controls? */
static bool
good_text (const char *s)
{
  return !s || (*s && fuzz_is_nfc (s, strlen (s)) && !fuzz_has_control (s)
                && !strpbrk (s, "\n\r\t"));
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char path[] = "site.yaml";
  struct site *site = xcalloc (1, sizeof *site);
  struct diags diags = DIAGS_INIT;
  unsigned home_line = 99;
  content_site_parse (site, path, (const char *) data, size, &home_line,
                      &diags);

  unsigned lines = fuzz_lines (data, size);
  for (size_t i = 0; i < diags.count; i++)
    {
      FUZZ_CHECK (strcmp (diags.items[i].file, path) == 0);
      FUZZ_CHECK (diags.items[i].line >= 1 && diags.items[i].line <= lines);
    }

  /* One or two distinct languages, the default among them. */
  FUZZ_CHECK (site->nlanguages >= 1 && site->nlanguages <= LANG_COUNT);
  bool listed = false;
  for (size_t i = 0; i < site->nlanguages; i++)
    {
      FUZZ_CHECK (site->languages[i] == LANG_FR || site->languages[i] == LANG_VI);
      for (size_t j = 0; j < i; j++)
        FUZZ_CHECK (site->languages[i] != site->languages[j]);
      listed |= site->languages[i] == site->default_lang;
    }
  FUZZ_CHECK (listed);
  FUZZ_CHECK (site->home && good_text (site->home));
  FUZZ_CHECK (home_line <= lines);
  FUZZ_CHECK (site->idle_seconds >= 1 && site->idle_seconds <= 86400);
  for (int l = 0; l < LANG_COUNT; l++)
    FUZZ_CHECK (good_text (site->title[l]));

  site_free (site);
  diags_free (&diags);
  return 0;
}
