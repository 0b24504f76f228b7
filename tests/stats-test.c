/* stats-test.c -- counts, and the CSV rows staff open in a spreadsheet. */
#include "system.h"
#include "stats.h"
#include "check.h"

#include <unistd.h>

/* The whole content of PATH (caller frees). */
static char *
slurp (const char *path)
{
  FILE *f = fopen (path, "r");
  if (!f)
    return xstrdup ("");
  char *buf = xcalloc (1, 65536);
  size_t n = fread (buf, 1, 65535, f);
  buf[n] = '\0';
  fclose (f);
  return buf;
}

int
main (void)
{
  setenv ("TZ", "UTC", 1);
  char path[] = "/tmp/kiosque-stats-XXXXXX";
  int fd = mkstemp (path);
  if (fd < 0)
    return 99;
  close (fd);

  struct stats s;
  char *cause;
  time_t t0 = 1795000000;   /* 2026-11-18T..., any fixed moment */
  CHECK (stats_init (&s, path, t0, &cause));
  stats_visit (&s, t0 + 1);
  stats_page_view (&s, "home", LANG_FR, t0 + 2);
  stats_page_view (&s, "artisans/non-la", LANG_VI, t0 + 3);
  stats_page_view (&s, "home", LANG_VI, t0 + 4);
  stats_page_view (&s, "home", LANG_FR, t0 + 5);
  stats_idle_reset (&s, t0 + 6);
  CHECK (s.visits == 1);
  CHECK (s.idle_resets == 1);
  CHECK (s.npages == 2);
  CHECK_STR (s.pages[0].id, "home");
  CHECK (s.pages[0].views[LANG_FR] == 2);
  CHECK (s.pages[0].views[LANG_VI] == 1);
  CHECK (s.pages[1].views[LANG_VI] == 1);
  stats_free (&s);

  /* A second run appends without a second header. */
  CHECK (stats_init (&s, path, t0 + 10, &cause));
  stats_page_view (&s, "hue", LANG_FR, t0 + 11);
  stats_free (&s);

  char *csv = slurp (path);
  char *want = NULL;
  struct tm tm;
  char stamp[7][32];
  time_t at[7] = { t0 + 1, t0 + 2, t0 + 3, t0 + 4, t0 + 5, t0 + 6, t0 + 11 };
  for (int i = 0; i < 7; i++)
    strftime (stamp[i], sizeof stamp[i], "%Y-%m-%dT%H:%M:%S", localtime_r (&at[i], &tm));
  want = xasprintf ("time,event,page,language\n"
                    "%s,visit,\"\",\n"
                    "%s,view,\"home\",fr\n"
                    "%s,view,\"artisans/non-la\",vi\n"
                    "%s,view,\"home\",vi\n"
                    "%s,view,\"home\",fr\n"
                    "%s,idle-reset,\"\",\n"
                    "%s,view,\"hue\",fr\n",
                    stamp[0], stamp[1], stamp[2], stamp[3], stamp[4], stamp[5], stamp[6]);
  CHECK_STR (csv, want);
  CHECK (strncmp (stamp[0], "2026-", 5) == 0);
  free (want);
  free (csv);

  /* An unwritable path is reported, and counting still works. */
  CHECK (!stats_init (&s, "/nonexistent-dir/stats.csv", t0, &cause));
  CHECK (cause && strstr (cause, "/nonexistent-dir/stats.csv"));
  free (cause);
  stats_page_view (&s, "home", LANG_FR, t0);
  CHECK (s.pages[0].views[LANG_FR] == 1);
  stats_free (&s);
  unlink (path);
  return check_finish ();
}
