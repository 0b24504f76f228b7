/* diag.h -- FILE:LINE diagnostics about content, GNU style. */
#ifndef KIOSQUE_DIAG_H
#define KIOSQUE_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity
{
  DIAG_WARNING,
  DIAG_ERROR
};

struct diag
{
  char *file;                   /* path as given to the loader */
  unsigned line;                /* 1-based; 0 when about the whole file */
  enum diag_severity severity;
  char *message;                /* translated, one line: control
                                   characters made spaces */
  size_t seq;                   /* insertion order, to keep sorting stable */
};

struct diags
{
  struct diag *items;
  size_t count;
  size_t cap;
  size_t errors;
  size_t warnings;
};

#define DIAGS_INIT { NULL, 0, 0, 0, 0 }

/* Record a diagnostic; FMT is already translated by the caller. */
void diags_add (struct diags *d, const char *file, unsigned line,
                enum diag_severity severity, const char *fmt, ...)
  ATTRIBUTE_PRINTF (5, 6);

/* Print every diagnostic as "FILE:LINE: error: MESSAGE" (or "warning"),
   sorted by file then line, so the report reads like a compiler's; one
   with line 0 (about a whole file or directory) as "FILE: error: ...". */
void diags_print (struct diags *d, FILE *out);

/* Print the translated count line, e.g. "2 errors, 1 warning". */
void diags_print_summary (const struct diags *d, FILE *out);

void diags_free (struct diags *d);

#endif /* KIOSQUE_DIAG_H */
