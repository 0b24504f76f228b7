/* diag.c -- FILE:LINE diagnostics about content, GNU style. */
#include "system.h"
#include "diag.h"

void
diags_add (struct diags *d, const char *file, unsigned line,
           enum diag_severity severity, const char *fmt, ...)
{
  XGROW (d->items, d->cap, d->count + 1);
  struct diag *item = &d->items[d->count++];
  item->file = xstrdup (file);
  item->line = line;
  item->severity = severity;
  item->seq = d->count - 1;

  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  item->message = xmalloc (n > 0 ? (size_t) n + 1 : 1);
  item->message[0] = '\0';
  if (n > 0)
    {
      va_start (ap, fmt);
      vsnprintf (item->message, (size_t) n + 1, fmt, ap);
      va_end (ap);
    }
  /* A diagnostic is one line: a key or value it quotes may hold line
     ends or tabs (a quoted "\n" in YAML), which become spaces. */
  for (char *p = item->message; *p; p++)
    if ((unsigned char) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  if (severity == DIAG_ERROR)
    d->errors++;
  else
    d->warnings++;
}

static int
diag_compare (const void *a, const void *b)
{
  const struct diag *x = a, *y = b;
  int c = strcmp (x->file, y->file);
  if (c != 0)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diags_print (struct diags *d, FILE *out)
{
  if (d->count > 1)
    qsort (d->items, d->count, sizeof *d->items, diag_compare);
  for (size_t i = 0; i < d->count; i++)
    {
      const struct diag *item = &d->items[i];
      /* "error" and "warning" stay untranslated: editors and scripts
         parse them, as they do a compiler's. */
      const char *severity = item->severity == DIAG_ERROR ? "error" : "warning";
      /* Line 0 is about a whole file or directory: "FILE: error: ...",
         as GNU tools write it, rather than a line that does not exist. */
      if (item->line == 0)
        fprintf (out, "%s: %s: %s\n", item->file, severity, item->message);
      else
        fprintf (out, "%s:%u: %s: %s\n", item->file, item->line, severity,
                 item->message);
    }
}

void
diags_print_summary (const struct diags *d, FILE *out)
{
  fprintf (out, ngettext ("%zu error", "%zu errors", d->errors), d->errors);
  fputs (", ", out);
  fprintf (out, ngettext ("%zu warning", "%zu warnings", d->warnings),
           d->warnings);
  fputc ('\n', out);
}

void
diags_free (struct diags *d)
{
  for (size_t i = 0; i < d->count; i++)
    {
      free (d->items[i].file);
      free (d->items[i].message);
    }
  free (d->items);
  d->items = NULL;
  d->count = d->cap = d->errors = d->warnings = 0;
}

