/* strbuf.h -- a growable, always NUL-terminated byte string. */
#ifndef KIOSQUE_STRBUF_H
#define KIOSQUE_STRBUF_H

#include <stddef.h>

struct strbuf
{
  char *s;      /* NUL-terminated once anything was added; may be NULL before */
  size_t len;
  size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add (struct strbuf *b, const char *s, size_t n);
void strbuf_addc (struct strbuf *b, char c);
void strbuf_adds (struct strbuf *b, const char *s);
void strbuf_addf (struct strbuf *b, const char *fmt, ...) ATTRIBUTE_PRINTF (2, 3);
/* Hand the string to the caller (who frees it) and reset B; never NULL. */
char *strbuf_steal (struct strbuf *b);
void strbuf_free (struct strbuf *b);

#endif /* KIOSQUE_STRBUF_H */
