/* text.h -- the Unicode text engine: the only code (with wrap.c) that
   calls libunistring.  All strings are UTF-8. */
#ifndef KIOSQUE_TEXT_H
#define KIOSQUE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when S[0..N) is valid UTF-8 (no overlong forms, no surrogates,
   nothing past U+10FFFF).  When false and BAD is not NULL, *BAD is the
   byte offset of the first invalid sequence. */
bool text_valid_utf8 (const char *s, size_t n, size_t *bad);

/* S[0..N) in Normalization Form C, NUL-terminated; *OUT_LEN (if not NULL)
   gets its length.  S should be valid UTF-8 (invalid UTF-8 comes back
   unchanged).  Caller frees. */
char *text_nfc (const char *s, size_t n, size_t *out_len);

/* Display width of S[0..N) in terminal columns (control characters
   count as 0, East Asian wide as 2). */
int text_width (const char *s, size_t n);

/* Whether the code point UC is a plain character of prose: printable
   ASCII, Latin-1 and Latin Extended (but the soft hyphen), Vietnamese
   letters with tone marks (U+1E00..U+1EFF), dashes, quotes and the
   narrow no-break space (U+2010..U+205E but the separators and bidi
   controls), arrows (U+2190..U+21FF), box drawing and the narrow
   geometric shapes (U+2500..U+25FC: the screen's frames and buttons).
   Each is one column wide, has the grapheme break property
   Other and no combining class: the fast paths of the text engine
   measure them without libunistring (tests/wrap-plain-test checks that
   the results do not change). */
bool text_is_plain (unsigned int uc);

/* The code point of the UTF-8 character at S[0..N) (N > 0), U+FFFD
   when it is malformed, and its length in bytes (at least 1) in *LEN:
   for the screen, which hands text to curses a character at a time.
   The text was checked on load; this only keeps a bad byte from being
   read past. */
unsigned int text_char_at (const char *s, size_t n, size_t *len);

/* Byte length of the grapheme cluster that starts S[0..N); 0 when N is 0. */
size_t text_grapheme_len (const char *s, size_t n);

/* Byte length of the longest start of S[0..N) made of whole grapheme
   clusters and at most MAXW columns wide; *WIDTH (if not NULL) gets its
   columns.  What every "cut this to fit" in the layout and the view
   needs, so no cluster is ever split at a screen edge. */
size_t text_fit (const char *s, size_t n, int maxw, int *width);

/* S[0..N) folded for search: case folded, combining marks removed,
   đ/Đ made d, and normalised, so that "Huế", "HUÉ" and "hue" (NFC or
   NFD) all fold to "hue".  NUL-terminated; *OUT_LEN (if not NULL) gets
   its length.  Caller frees. */
char *text_fold (const char *s, size_t n, size_t *out_len);

/* French typography: the ordinary space after « and before » ; : ! ?
   becomes U+202F NARROW NO-BREAK SPACE, and one is inserted where the
   space is missing before » ; ! ? (not before ":" which URLs and times
   use without a space).  Left alone: words that look like addresses
   ("http://x?y", "www.", "a@b.fr"), "&amp;", the second mark of "?!",
   a mark right after an opening bracket ("(?)") or before a letter, a
   digit, "[" or "(" ("![image]").  Caller frees. */
char *text_french_spaces (const char *s, size_t n);

/* S[0..N) in Normalization Form D (canonical decomposition), NUL-
   terminated, for code that must see letters and their accents apart
   (collate.c).  *OUT_LEN (if not NULL) gets its length.  Invalid UTF-8
   comes back unchanged.  Caller frees. */
char *text_nfd (const char *s, size_t n, size_t *out_len);

#endif /* KIOSQUE_TEXT_H */
