/* stats.c -- usage counts for staff, and their CSV log. */
#include "system.h"
#include "stats.h"

#include <sys/stat.h>

bool
stats_init (struct stats *stats, const char *csv_path, time_t now, char **cause)
{
  memset (stats, 0, sizeof *stats);
  stats->since = now;
  *cause = NULL;
  if (!csv_path)
    return true;

  struct stat st;
  bool is_new = stat (csv_path, &st) != 0 || st.st_size == 0;
  stats->csv = fopen (csv_path, "ae");
  if (!stats->csv)
    {
      *cause = xasprintf (_("cannot open statistics file %s: %s"), csv_path,
                          strerror (errno));
      return false;
    }
  /* One row an event, flushed at once: a spreadsheet reads it as it is,
     and a power cut loses nothing already counted. */
  setvbuf (stats->csv, NULL, _IOLBF, 0);
  if (is_new)
    fputs ("time,event,page,language\n", stats->csv);
  return true;
}

/* Append one CSV row; page ids are plain path names, but quote anyway
   so a comma in an id can never shift a column. */
static void
stats_row (struct stats *stats, time_t now, const char *event,
           const char *page_id, const char *lang)
{
  if (!stats->csv)
    return;
  char when[32];
  struct tm tm;
  strftime (when, sizeof when, "%Y-%m-%dT%H:%M:%S", localtime_r (&now, &tm));
  fprintf (stats->csv, "%s,%s,\"", when, event);
  for (const char *p = page_id; *p; p++)
    {
      if (*p == '"')
        fputc ('"', stats->csv);
      fputc (*p, stats->csv);
    }
  fprintf (stats->csv, "\",%s\n", lang);
}

void
stats_page_view (struct stats *stats, const char *page_id, enum lang lang,
                 time_t now)
{
  size_t i;
  for (i = 0; i < stats->npages; i++)
    if (strcmp (stats->pages[i].id, page_id) == 0)
      break;
  if (i == stats->npages)
    {
      XGROW (stats->pages, stats->cap, stats->npages + 1);
      memset (&stats->pages[i], 0, sizeof stats->pages[i]);
      stats->pages[i].id = xstrdup (page_id);
      stats->npages++;
    }
  stats->pages[i].views[lang]++;
  stats_row (stats, now, "view", page_id, lang_code (lang));
}

void
stats_visit (struct stats *stats, time_t now)
{
  stats->visits++;
  stats_row (stats, now, "visit", "", "");
}

void
stats_idle_reset (struct stats *stats, time_t now)
{
  stats->idle_resets++;
  stats_row (stats, now, "idle-reset", "", "");
}

void
stats_free (struct stats *stats)
{
  for (size_t i = 0; i < stats->npages; i++)
    free (stats->pages[i].id);
  free (stats->pages);
  if (stats->csv)
    fclose (stats->csv);
  memset (stats, 0, sizeof *stats);
}
