/* strbuf.c -- a growable, always NUL-terminated byte string. */
#include "system.h"
#include "strbuf.h"

void
strbuf_add (struct strbuf *b, const char *s, size_t n)
{
  XGROW (b->s, b->cap, b->len + n + 1);
  memcpy (b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void
strbuf_addc (struct strbuf *b, char c)
{
  strbuf_add (b, &c, 1);
}

void
strbuf_adds (struct strbuf *b, const char *s)
{
  strbuf_add (b, s, strlen (s));
}

void
strbuf_addf (struct strbuf *b, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n <= 0)
    return;
  XGROW (b->s, b->cap, b->len + (size_t) n + 1);
  va_start (ap, fmt);
  vsnprintf (b->s + b->len, (size_t) n + 1, fmt, ap);
  va_end (ap);
  b->len += (size_t) n;
}

char *
strbuf_steal (struct strbuf *b)
{
  char *s = b->s ? b->s : xstrdup ("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

void
strbuf_free (struct strbuf *b)
{
  free (b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}
