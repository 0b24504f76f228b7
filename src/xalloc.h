/* xalloc.h -- allocation that never returns NULL. */
#ifndef KIOSQUE_XALLOC_H
#define KIOSQUE_XALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(); on exhaustion the
   program reports it and exits with status 1 (a kiosk is restarted by
   its service manager, which beats limping on with a half-built model). */
void *xmalloc (size_t size);
void *xcalloc (size_t count, size_t size);
void *xrealloc (void *ptr, size_t size);
char *xstrdup (const char *s);
char *xstrndup (const char *s, size_t n);
char *xasprintf (const char *fmt, ...) ATTRIBUTE_PRINTF (1, 2);

/* Grow *ITEMS (of ELEM_SIZE bytes each, capacity *CAP) so that it holds
   at least NEED elements; doubles so appends are amortised O(1). */
void xgrow (void **items, size_t *cap, size_t need, size_t elem_size);

#define XGROW(items, cap, need) \
  xgrow ((void **) &(items), &(cap), (need), sizeof *(items))

#endif /* KIOSQUE_XALLOC_H */
