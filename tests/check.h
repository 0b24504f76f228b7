/* check.h -- a tiny harness for kiosque's C unit tests: each CHECK that
   fails prints FILE:LINE and the condition, and the test exits 1. */
#ifndef KIOSQUE_CHECK_H
#define KIOSQUE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond) \
  do { \
    check_count++; \
    if (!(cond)) { \
      check_failures++; \
      fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    } \
  } while (0)

#define CHECK_STR(got, want) \
  do { \
    const char *check_g_ = (got), *check_w_ = (want); \
    check_count++; \
    if (!check_g_ || strcmp (check_g_, check_w_) != 0) { \
      check_failures++; \
      fprintf (stderr, "%s:%d: %s\n  got:  [%s]\n  want: [%s]\n", __FILE__, __LINE__, \
               #got, check_g_ ? check_g_ : "(null)", check_w_); \
    } \
  } while (0)

/* Print the tally and give main()'s exit status. */
static inline int
check_finish (void)
{
  printf ("%d checks, %d failed\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}

#endif /* KIOSQUE_CHECK_H */
