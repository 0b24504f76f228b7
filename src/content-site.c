/* content-site.c -- site.yaml: the site's title per language, its
   languages, default language, home page and idle time. */
#include "system.h"

#include "content.h"
#include "content-private.h"
#include "text.h"

/* The idle time when site.yaml gives none, as DESIGN.md says. */
#define SITE_DEFAULT_IDLE 120

/* The value of KEY in MAP, or NULL. */
static const struct content_yaml *
map_get (const struct content_yaml *map, const char *key)
{
  for (size_t i = 0; i + 1 < map->nitems; i += 2)
    if (strcmp (map->items[i]->value, key) == 0)
      return map->items[i + 1];
  return NULL;
}

/* A scalar as a one-line string in NFC, or NULL (reported) when NODE is
   not a non-empty scalar.  Line ends and tabs (a quoted "\n" or "\t",
   a folded line) become spaces and blanks at either end go, as for a
   page's fields: the title is drawn on one header line. */
static char *
site_string (const struct content_yaml *node, const char *file,
             const char *key, struct diags *diags)
{
  char *nfc = NULL;
  size_t n = 0;
  const char *start = "";
  if (node->type == CONTENT_YAML_SCALAR && !node->is_null)
    {
      nfc = text_nfc (node->value, strlen (node->value), NULL);
      for (char *p = nfc; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
          *p = ' ';
      start = nfc;
      while (*start == ' ')
        start++;
      n = strlen (start);
      while (n > 0 && start[n - 1] == ' ')
        n--;
    }
  if (n == 0)
    {
      free (nfc);
      diags_add (diags, file, node->line, DIAG_ERROR,
                 _("'%s' must be a non-empty text"), key);
      return NULL;
    }
  char *out = xstrndup (start, n);
  free (nfc);
  return out;
}

/* A copy of TITLE with LANG's typography. */
static char *
site_typography (const char *title, enum lang lang)
{
  return lang == LANG_FR ? text_french_spaces (title, strlen (title))
    : xstrdup (title);
}

/* "title": either one text for both languages or one per language. */
static void
read_title (struct site *site, const struct content_yaml *node,
            const char *file, struct diags *diags)
{
  if (node->type == CONTENT_YAML_SCALAR)
    {
      char *title = site_string (node, file, "title", diags);
      for (int l = 0; title && l < LANG_COUNT; l++)
        site->title[l] = site_typography (title, (enum lang) l);
      free (title);
      return;
    }
  if (node->type != CONTENT_YAML_MAPPING)
    {
      diags_add (diags, file, node->line, DIAG_ERROR, "%s",
                 _("'title' must be a text or one text per language (fr:, vi:)"));
      return;
    }
  for (size_t i = 0; i + 1 < node->nitems; i += 2)
    {
      enum lang lang;
      const struct content_yaml *key = node->items[i];
      if (!lang_parse (key->value, &lang))
        {
          diags_add (diags, file, key->line, DIAG_WARNING,
                     _("unknown language '%s' (use fr or vi)"), key->value);
          continue;
        }
      char *title = site_string (node->items[i + 1], file, "title", diags);
      if (title)
        {
          free (site->title[lang]);
          site->title[lang] = site_typography (title, lang);
          free (title);
        }
    }
}

/* "languages": a list of distinct known language codes. */
static void
read_languages (struct site *site, const struct content_yaml *node,
                const char *file, struct diags *diags)
{
  if (node->type != CONTENT_YAML_SEQUENCE)
    {
      diags_add (diags, file, node->line, DIAG_ERROR, "%s",
                 _("'languages' must be a list, e.g. [fr, vi]"));
      return;
    }
  enum lang langs[LANG_COUNT];
  size_t n = 0;
  for (size_t i = 0; i < node->nitems; i++)
    {
      const struct content_yaml *item = node->items[i];
      enum lang lang;
      if (item->type != CONTENT_YAML_SCALAR || !lang_parse (item->value, &lang))
        {
          diags_add (diags, file, item->line, DIAG_ERROR,
                     _("unknown language '%s' (use fr or vi)"),
                     item->type == CONTENT_YAML_SCALAR ? item->value : "");
          continue;
        }
      bool seen = false;
      for (size_t j = 0; j < n; j++)
        seen |= langs[j] == lang;
      if (seen)
        diags_add (diags, file, item->line, DIAG_WARNING,
                   _("language '%s' is listed twice"), item->value);
      else
        langs[n++] = lang;
    }
  if (n == 0)
    {
      diags_add (diags, file, node->line, DIAG_ERROR, "%s",
                 _("'languages' names no known language; using fr and vi"));
      return;
    }
  memcpy (site->languages, langs, n * sizeof *langs);
  site->nlanguages = n;
}

/* "idle_seconds": a whole number of seconds from 1 to 86400. */
static void
read_idle (struct site *site, const struct content_yaml *node,
           const char *file, struct diags *diags)
{
  long n;
  if (!content_yaml_integer (node, 1, 86400, &n))
    {
      diags_add (diags, file, node->line, DIAG_ERROR,
                 _("'idle_seconds' must be a whole number from 1 to 86400; using %d"),
                 SITE_DEFAULT_IDLE);
      return;
    }
  site->idle_seconds = (unsigned) n;
}

/* Fill SITE from the keys of MAP; DEFAULT_LANG waits for the languages. */
static void
read_keys (struct site *site, const struct content_yaml *map,
           const char *file, unsigned *home_line, struct diags *diags)
{
  for (size_t i = 0; i + 1 < map->nitems; i += 2)
    {
      const char *key = map->items[i]->value;
      const struct content_yaml *value = map->items[i + 1];
      if (map_get (map, key) != value)
        diags_add (diags, file, map->items[i]->line, DIAG_ERROR,
                   _("key '%s' is given twice; the first one is used"), key);
      else if (strcmp (key, "title") == 0)
        read_title (site, value, file, diags);
      else if (strcmp (key, "languages") == 0)
        read_languages (site, value, file, diags);
      else if (strcmp (key, "idle_seconds") == 0)
        read_idle (site, value, file, diags);
      else if (strcmp (key, "home") == 0)
        {
          char *home = site_string (value, file, key, diags);
          if (home)
            {
              free (site->home);
              site->home = home;
              *home_line = value->line;
            }
        }
      else if (strcmp (key, "default_language") != 0)
        diags_add (diags, file, map->items[i]->line, DIAG_WARNING,
                   _("unknown key '%s' (ignored)"), key);
    }

  site->default_lang = site->languages[0];
  const struct content_yaml *def = map_get (map, "default_language");
  if (!def)
    return;
  enum lang lang;
  bool listed = false;
  if (def->type == CONTENT_YAML_SCALAR && lang_parse (def->value, &lang))
    for (size_t i = 0; i < site->nlanguages; i++)
      listed |= site->languages[i] == lang;
  if (listed)
    site->default_lang = lang;
  else
    diags_add (diags, file, def->line, DIAG_ERROR,
               _("'default_language' must be one of the site's languages; using %s"),
               lang_code (site->default_lang));
}

/* Set SITE's settings to those of a site with no site.yaml. */
static void
site_defaults (struct site *site, unsigned *home_line)
{
  site->languages[0] = LANG_FR;
  site->languages[1] = LANG_VI;
  site->nlanguages = 2;
  site->default_lang = LANG_FR;
  free (site->home);
  site->home = xstrdup ("home");
  site->idle_seconds = SITE_DEFAULT_IDLE;
  *home_line = 0;
}

/* Read TEXT[0..LEN), site.yaml's bytes with lone CRs made LFs, into
   SITE, which has the defaults. */
static void
parse_site (struct site *site, const char *path, const char *text,
            size_t len, unsigned *home_line, struct diags *diags)
{
  size_t bad;
  const char *nul = memchr (text, '\0', len);
  if (nul || !text_valid_utf8 (text, len, &bad))
    {
      size_t at = nul ? (size_t) (nul - text) : bad;
      unsigned line = 1;
      for (size_t i = 0; i < at; i++)
        line += text[i] == '\n';
      diags_add (diags, path, line, DIAG_ERROR, "%s",
                 _("not UTF-8 text: using the default settings"));
      return;
    }

  struct content_yaml *root = content_yaml_parse (text, len, 1, path, diags);
  if (!root)
    return;
  if (root->type != CONTENT_YAML_MAPPING)
    diags_add (diags, path, root->line, DIAG_ERROR, "%s",
               _("site.yaml must be a mapping of keys to values"));
  else
    read_keys (site, root, path, home_line, diags);
  content_yaml_free (root);
}

/* Read the bytes of site.yaml into SITE, starting from the defaults. */
void
content_site_parse (struct site *site, const char *path, const char *text,
                    size_t len, unsigned *home_line, struct diags *diags)
{
  site_defaults (site, home_line);
  char *lf = content_page_lf (text, len);
  parse_site (site, path, lf ? lf : text, len, home_line, diags);
  free (lf);
}

/* Read site.yaml into SITE, starting from the defaults. */
void
content_site_read (struct site *site, const char *path, unsigned *home_line,
                   struct diags *diags)
{
  char *text;
  size_t len;
  if (!content_page_read_file (path, &text, &len))
    {
      site_defaults (site, home_line);
      if (errno == ENOENT)
        diags_add (diags, path, 0, DIAG_WARNING, "%s",
                   _("no site.yaml: using the default settings"));
      else
        diags_add (diags, path, 0, DIAG_ERROR, _("cannot read: %s"),
                   errno == EFBIG ? _("file too large") : strerror (errno));
      return;
    }
  content_site_parse (site, path, text, len, home_line, diags);
  free (text);
}
