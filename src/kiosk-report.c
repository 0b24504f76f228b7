/* kiosk-report.c -- the staff menu's reports: diagnostics, statistics,
   and reloading the content (see kiosk-report.h). */
#include "system.h"
#include "kiosk-report.h"

#include <time.h>

#include "content.h"
#include "diag.h"
#include "staff.h"
#include "text.h"

void
kiosk_report_clear (struct kiosk_report *r)
{
  for (size_t i = 0; i < r->count; i++)
    free (r->lines[i]);
  free (r->lines);
  memset (r, 0, sizeof *r);
}

/* Add the paragraph TEXT (taken over) to R.  File names in diagnostics
   come from the disk as they are: a byte that is not UTF-8, or a control
   character, becomes "?" so that the screen shows a line, not garbage. */
static void
add_owned (struct kiosk_report *r, char *text)
{
  size_t n = strlen (text), bad;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char) text[i] < ' ' || text[i] == 0x7f)
      text[i] = '?';
  while (!text_valid_utf8 (text, n, &bad) && bad < n)
    text[bad] = '?';
  XGROW (r->lines, r->cap, r->count + 1);
  r->lines[r->count++] = text;
}

void
kiosk_report_add (struct kiosk_report *r, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n < 0)
    n = 0;
  char *s = xmalloc ((size_t) n + 1);
  s[0] = '\0';
  va_start (ap, fmt);
  vsnprintf (s, (size_t) n + 1, fmt, ap);
  va_end (ap);
  add_owned (r, s);
}

/* Add each line of TEXT[0..LEN) as a paragraph of R. */
static void
add_printed (struct kiosk_report *r, char *text, size_t len)
{
  size_t start = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n')
      {
        add_owned (r, xstrndup (text + start, i - start));
        start = i + 1;
      }
  if (start < len)
    add_owned (r, xstrndup (text + start, len - start));
}

/* Add D's diagnostics and its count to R, as --check prints them. */
static void
add_diags (struct kiosk_report *r, struct diags *d)
{
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&text, &len);
  if (!out)
    {
      kiosk_report_add (r, "%s", strerror (errno));
      return;
    }
  diags_print (d, out);
  diags_print_summary (d, out);
  fclose (out);
  add_printed (r, text, len);
  free (text);
}

void
kiosk_report_check (struct kiosk_report *r, const char *dir)
{
  kiosk_report_clear (r);
  struct diags d = DIAGS_INIT;
  struct site *site = content_load (dir, &d);
  kiosk_report_add (r, _("Content directory: %s"), dir);
  kiosk_report_add (r, "%s", "");
  add_diags (r, &d);
  site_free (site);
  diags_free (&d);
}

/* For qsort: most viewed first, then by id. */
static int
by_views (const void *a, const void *b)
{
  const struct stats_page *x = *(const struct stats_page *const *) a;
  const struct stats_page *y = *(const struct stats_page *const *) b;
  unsigned long tx = 0, ty = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      tx += x->views[l];
      ty += y->views[l];
    }
  if (tx != ty)
    return tx > ty ? -1 : 1;
  return strcmp (x->id, y->id);
}

void
kiosk_report_stats (struct kiosk_report *r, const struct stats *stats,
                    const struct site *site, enum lang lang)
{
  kiosk_report_clear (r);
  char since[32];
  struct tm tm;
  time_t t = stats->since;
  strftime (since, sizeof since, "%Y-%m-%d %H:%M", localtime_r (&t, &tm));
  kiosk_report_add (r, _("Since %s"), since);
  kiosk_report_add (r, _("Visits (a touch on the welcome screen): %lu"),
                    stats->visits);
  kiosk_report_add (r, _("Returns to the welcome screen after no one touched it: %lu"),
                    stats->idle_resets);
  kiosk_report_add (r, "%s", "");
  if (stats->npages == 0)
    {
      kiosk_report_add (r, "%s", _("No page views yet."));
      return;
    }
  /* TRANSLATORS: the header of the page views table: views in French,
     views in Vietnamese, then the page.  Keep FR and VI. */
  kiosk_report_add (r, "%s", _("   FR     VI   page"));
  const struct stats_page **order = xcalloc (stats->npages, sizeof *order);
  for (size_t i = 0; i < stats->npages; i++)
    order[i] = &stats->pages[i];
  qsort (order, stats->npages, sizeof *order, by_views);
  for (size_t i = 0; i < stats->npages; i++)
    {
      const struct page *page = site ? site_find (site, order[i]->id) : NULL;
      const char *title = page ? page_title (page, lang) : NULL;
      if (title)
        kiosk_report_add (r, "%5lu  %5lu   %s (%s)", order[i]->views[LANG_FR],
                          order[i]->views[LANG_VI], order[i]->id, title);
      else
        kiosk_report_add (r, "%5lu  %5lu   %s", order[i]->views[LANG_FR],
                          order[i]->views[LANG_VI], order[i]->id);
    }
  free (order);
}

struct site *
kiosk_report_reload (struct kiosk_report *r, const char *dir)
{
  kiosk_report_clear (r);
  struct diags d = DIAGS_INIT;
  struct site *site = content_load_checked (dir, &d);
  bool home = site && site->home && site_find (site, site->home);
  if (site && d.errors == 0 && home)
    {
      kiosk_report_add (r, "%s", _("The content was reloaded."));
      kiosk_report_add (r, _("Pages: %zu"), site->npages);
    }
  else
    {
      kiosk_report_add (r, "%s", _("The content was NOT reloaded: the guide keeps "
                                   "showing the previous content."));
      kiosk_report_add (r, "%s", _("Correct the errors below, then reload again."));
      if (site && !home)
        kiosk_report_add (r, _("The new content has no home page '%s'."),
                          site->home ? site->home : "");
      site_free (site);
      site = NULL;
    }
  kiosk_report_add (r, _("Content directory: %s"), dir);
  kiosk_report_add (r, "%s", "");
  add_diags (r, &d);
  diags_free (&d);
  return site;
}

bool
kiosk_report_staff_file (const char *path, FILE *out)
{
  struct staff staff;
  char *cause = NULL;
  bool on = staff_load (path, &staff, &cause);
  if (on)
    fprintf (out, _("%s: staff access is on (staff file %s)\n"), PACKAGE, path);
  else
    fprintf (out, "%s: %s\n", PACKAGE, cause);
  staff_free (&staff);
  free (cause);
  return on;
}
