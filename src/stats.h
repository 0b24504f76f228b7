/* stats.h -- usage counts for staff: page views, visits, idle resets;
   optionally appended to a CSV file.  Nothing about the visitor. */
#ifndef KIOSQUE_STATS_H
#define KIOSQUE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "lang.h"

struct stats_page
{
  char *id;
  unsigned long views[LANG_COUNT];
};

struct stats
{
  struct stats_page *pages;     /* in order of first view */
  size_t npages;
  size_t cap;
  unsigned long visits;         /* attract screen -> first touch */
  unsigned long idle_resets;
  time_t since;
  FILE *csv;                    /* --stats=FILE, or NULL */
};

/* Start counting at NOW.  With CSV_PATH, rows are appended to that file
   (created with a header if new); false with a translated *CAUSE
   (caller frees) when it cannot be opened: counting still works. */
bool stats_init (struct stats *stats, const char *csv_path, time_t now,
                 char **cause);

/* A page was shown in LANG at NOW. */
void stats_page_view (struct stats *stats, const char *page_id, enum lang lang,
                      time_t now);
/* A visit began (first touch after the attract screen). */
void stats_visit (struct stats *stats, time_t now);
/* The idle timer sent the kiosk back to the attract screen. */
void stats_idle_reset (struct stats *stats, time_t now);

void stats_free (struct stats *stats);

#endif /* KIOSQUE_STATS_H */
