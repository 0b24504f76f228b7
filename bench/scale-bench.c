/* scale-bench.c -- how kiosque's library copes with a big content tree,
   for bench/run (issue 7):
       scale-bench DIR [QUERY]...
       scale-bench --load-only[=full] DIR
   loads DIR as the screen does (content_load_lazy: the file names; a
   page's front matter when it is first asked for), builds the search
   index (which reads every page), runs each QUERY in both languages
   and lays out pages at 80 columns, and prints one figure a line as
   "NAME VALUE UNIT" for the script to read: load time, index time,
   search time per query (the best of several runs: this machine is
   shared), layout time per page change, and the peak RSS; then the
   time of a full load (every body parsed, as --check does), last so
   that it does not count in the RSS figures.  --load-only loads DIR
   (lazily, or fully with =full) and prints the load time and the RSS,
   nothing else: to measure loading alone under callgrind or massif.  Built on
   demand (`make bench/scale-bench`), never by `make check`. */
#include "system.h"

#include <sys/resource.h>
#include <time.h>

#include "content.h"
#include "diag.h"
#include "layout.h"
#include "model.h"
#include "search.h"

/* Monotonic time in milliseconds. */
static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Peak resident set size so far, in kilobytes. */
static long
peak_rss_kb (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* Hits a screen shows at most (200x60 shows 14): their snippets are
   made with the search, as the screen does. */
#define SHOWN_HITS 14

/* The best time of RUNS searches for QUERY in LANG, with the snippets
   of the hits a screen shows; *HITS gets the count. */
static double
time_search (const struct search_index *index, const char *query,
             enum lang lang, int runs, size_t *nhits)
{
  double best = -1;
  for (int r = 0; r < runs; r++)
    {
      struct search_hit *hits;
      double t0 = now_ms ();
      size_t n = search_run (index, query, lang, &hits);
      for (size_t i = 0; i < n && i < SHOWN_HITS; i++)
        search_snippet (index, &hits[i], 60);
      double t = now_ms () - t0;
      search_hits_free (hits, n);
      *nhits = n;
      if (best < 0 || t < best)
        best = t;
    }
  return best;
}

/* --load-only[=full] DIR: load DIR, lazily or fully, and say what it
   took. */
static int
load_only (const char *dir, bool full)
{
  struct diags diags = DIAGS_INIT;
  double t0 = now_ms ();
  struct site *site = full ? content_load (dir, &diags)
    : content_load_lazy (dir, &diags);
  printf ("load%s %.1f ms\n", full ? "_full" : "", now_ms () - t0);
  printf ("rss_loaded %ld KB\n", peak_rss_kb ());
  int status = !site || diags.errors;
  site_free (site);
  diags_free (&diags);
  return status;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s DIR [QUERY]...\n"
               "       %s --load-only[=full] DIR\n", argv[0], argv[0]);
      return 2;
    }
  lang_init_locale ();
  if (strncmp (argv[1], "--load-only", 11) == 0 && argc == 3)
    return load_only (argv[2], strcmp (argv[1], "--load-only=full") == 0);

  struct diags diags = DIAGS_INIT;
  double t0 = now_ms ();
  struct site *site = content_load_lazy (argv[1], &diags);
  double load = now_ms () - t0;
  if (!site || diags.errors)
    {
      diags_print (&diags, stderr);
      fprintf (stderr, "%s: %s does not load cleanly\n", argv[0], argv[1]);
      return 1;
    }
  printf ("pages %zu count\n", site->npages);
  printf ("load %.1f ms\n", load);
  printf ("rss_loaded %ld KB\n", peak_rss_kb ());

  t0 = now_ms ();
  struct search_index *index = search_index_new (site);
  printf ("index %.1f ms\n", now_ms () - t0);
  printf ("rss_indexed %ld KB\n", peak_rss_kb ());

  double worst = 0;
  for (int i = 2; i < argc; i++)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        size_t n;
        double t = time_search (index, argv[i], (enum lang) l, 5, &n);
        printf ("search_%s_%s %.2f ms %zu hits\n", lang_code ((enum lang) l),
                argv[i], t, n);
        if (t > worst)
          worst = t;
      }
  printf ("search_worst %.2f ms\n", worst);

  /* A page change: lay out a page in one language, the way the screen
     does when a visitor taps a link.  Spread over the site, at 80
     columns, both languages; the mean and the worst. */
  size_t step = site->npages > 200 ? site->npages / 200 : 1, count = 0;
  double total = 0, slowest = 0;
  for (size_t i = 0; i < site->npages; i += step)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        lang_use_for_messages ((enum lang) l);
        double s = now_ms ();
        struct layout *lay = layout_page (site, site->pages[i], (enum lang) l, 80);
        double t = now_ms () - s;
        layout_free (lay);
        total += t;
        count++;
        if (t > slowest)
          slowest = t;
      }
  printf ("layout_mean %.3f ms\n", count ? total / (double) count : 0);
  printf ("layout_worst %.3f ms\n", slowest);
  printf ("rss_peak %ld KB\n", peak_rss_kb ());

  search_index_free (index);
  site_free (site);
  diags_free (&diags);

  struct diags full_diags = DIAGS_INIT;
  t0 = now_ms ();
  site = content_load (argv[1], &full_diags);
  printf ("load_full %.1f ms\n", now_ms () - t0);
  site_free (site);
  diags_free (&full_diags);
  return 0;
}
