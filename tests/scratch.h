/* scratch.h -- a scratch content directory for the C unit tests that
   load sites they write themselves: made once per test, files put in it
   and dropped by name, or all cleared between cases.  Include it after
   system.h (it uses xasprintf). */
#ifndef KIOSQUE_SCRATCH_H
#define KIOSQUE_SCRATCH_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The directory's name, set by scratch_make. */
static char scratch[64];

/* Make the directory /tmp/kiosque-TEST.XXXXXX, or exit 99 (a hard error
   to automake) when it cannot be made. */
static inline void
scratch_make (const char *test)
{
  int n = snprintf (scratch, sizeof scratch, "/tmp/kiosque-%s.XXXXXX", test);
  if (n < 0 || (size_t) n >= sizeof scratch || !mkdtemp (scratch))
    {
      perror ("mkdtemp");
      exit (99);
    }
}

/* Write TEXT to NAME in the scratch directory. */
static inline void
scratch_put (const char *name, const char *text)
{
  char *path = xasprintf ("%s/%s", scratch, name);
  FILE *f = fopen (path, "w");
  if (!f || fputs (text, f) < 0 || fclose (f) != 0)
    {
      perror (path);
      exit (99);
    }
  free (path);
}

/* Remove NAME from the scratch directory. */
static inline void
scratch_drop (const char *name)
{
  char *path = xasprintf ("%s/%s", scratch, name);
  unlink (path);
  free (path);
}

/* Empty the scratch directory for the next case. */
static inline void
scratch_clear (void)
{
  DIR *d = opendir (scratch);
  if (!d)
    return;
  for (struct dirent *e; (e = readdir (d)) != NULL;)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      scratch_drop (e->d_name);
  closedir (d);
}

#endif /* KIOSQUE_SCRATCH_H */
