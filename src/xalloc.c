/* xalloc.c -- allocation that never returns NULL. */
#include "system.h"

static void
xalloc_die (void)
{
  fputs (_("kiosque: memory exhausted\n"), stderr);
  exit (1);
}

void *
xmalloc (size_t size)
{
  void *p = malloc (size ? size : 1);
  if (!p)
    xalloc_die ();
  return p;
}

void *
xcalloc (size_t count, size_t size)
{
  void *p = calloc (count ? count : 1, size ? size : 1);
  if (!p)
    xalloc_die ();
  return p;
}

void *
xrealloc (void *ptr, size_t size)
{
  void *p = realloc (ptr, size ? size : 1);
  if (!p)
    xalloc_die ();
  return p;
}

char *
xstrdup (const char *s)
{
  return xstrndup (s, strlen (s));
}

char *
xstrndup (const char *s, size_t n)
{
  char *p = xmalloc (n + 1);
  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

char *
xasprintf (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n < 0)
    xalloc_die ();
  char *p = xmalloc ((size_t) n + 1);
  va_start (ap, fmt);
  vsnprintf (p, (size_t) n + 1, fmt, ap);
  va_end (ap);
  return p;
}

void
xgrow (void **items, size_t *cap, size_t need, size_t elem_size)
{
  if (need <= *cap)
    return;
  size_t n = *cap ? *cap : 8;
  while (n < need)
    {
      if (n > SIZE_MAX / 2 / elem_size)
        xalloc_die ();
      n *= 2;
    }
  *items = xrealloc (*items, n * elem_size);
  *cap = n;
}
