/* content-private.h -- what the content loader's files (content*.c)
   share with one another; nothing outside them includes it. */
#ifndef KIOSQUE_CONTENT_PRIVATE_H
#define KIOSQUE_CONTENT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Deepest YAML nesting accepted: a page needs 2 (a mapping holding a
   list), site.yaml 2 as well; the bound keeps a hostile file from
   building an arbitrarily deep tree. */
#define CONTENT_YAML_MAX_DEPTH 8

/* Deepest nesting of block quotes and list items a body keeps: a page
   needs three or four.  Deeper ones are laid flat at this depth (with a
   warning): the screen could not indent them anyway, and a body written
   back from its tree repeats every container's marker on each line, so
   its size grows with the depth. */
#define CONTENT_MAX_NESTING 8

/* A parsed YAML node.  Aliases are refused at parse time, so this is a
   tree, never a graph, and its size is bounded by its file's. */
enum content_yaml_type
{
  CONTENT_YAML_SCALAR,
  CONTENT_YAML_SEQUENCE,
  CONTENT_YAML_MAPPING
};

struct content_yaml
{
  enum content_yaml_type type;
  unsigned line;                /* 1-based line in the file */
  char *value;                  /* scalar: valid UTF-8 without NUL */
  bool is_null;                 /* scalar: an empty plain scalar or "~" */
  struct content_yaml **items;  /* sequence: the items; mapping: key,
                                   value, key, value ... (keys scalars) */
  size_t nitems;
};

/* Parse TEXT[0..LEN) (valid UTF-8), whose first line is line FIRST_LINE
   of FILE, into a tree.  An empty stream gives an empty mapping.  On
   broken YAML, an alias, nesting deeper than CONTENT_YAML_MAX_DEPTH,
   a non-scalar key or a second document, adds an error to DIAGS and
   returns NULL.  Free with content_yaml_free(). */
struct content_yaml *content_yaml_parse (const char *text, size_t len,
                                         unsigned first_line,
                                         const char *file,
                                         struct diags *diags);

void content_yaml_free (struct content_yaml *node);

/* True when NODE is a scalar holding a whole decimal number in
   [MIN, MAX], stored in *OUT. */
bool content_yaml_integer (const struct content_yaml *node, long min, long max,
                           long *out);

/* Read PATH's site.yaml into SITE's title, languages, default_lang,
   home and idle_seconds, with defaults for whatever is missing or wrong
   (each problem diagnosed).  *HOME_LINE gets the line of the "home" key,
   or 0.  A missing site.yaml is only a warning. */
void content_site_read (struct site *site, const char *path,
                        unsigned *home_line, struct diags *diags);

/* The same from TEXT[0..LEN), the bytes of the file PATH (need not be
   NUL-terminated), defaults included. */
void content_site_parse (struct site *site, const char *path,
                         const char *text, size_t len, unsigned *home_line,
                         struct diags *diags);

/* Read PATH whole into *TEXT (NUL-terminated, caller frees) and *LEN.
   False with errno set when it cannot: EFBIG when it is over
   CONTENT_MAX_FILE_SIZE (checked before reading), EISDIR or EINVAL when
   it is not a regular file. */
bool content_page_read_file (const char *path, char **text, size_t *len);

/* A link in a body whose target is not an address: a page id. */
struct content_link
{
  char *target;
  unsigned line;                /* line in the page's file */
};

/* Page-level fields as one file gives them. */
struct content_fields
{
  bool has_kind, has_order;
  enum page_kind kind;
  int order;
  char *date, *end;             /* validated, or NULL */
  unsigned kind_line, order_line, date_line, end_line;
};

/* One page file (ID.LANG.md) and what was read from it. */
struct content_file
{
  char *path;                   /* as shown in diagnostics */
  char *id;                     /* NFC */
  enum lang lang;
  bool lazy;                    /* leave the body, bytes and all, to
                                   content_body_read */
  bool drop_body;               /* check the body, then do as LAZY */
  struct page_text *text;       /* NULL when the file was refused */
  struct content_fields fields;
  struct content_link *links;
  size_t nlinks;
};

/* Read F->path and fill F->text, F->fields and F->links; on an error
   that leaves no usable page, diagnose it and leave F->text NULL. */
void content_page_read (struct content_file *f, struct diags *diags);

/* The same from TEXT[0..LEN), the bytes of the file F->path (need not
   be NUL-terminated): what content_page_read() does once the file is
   read, apart so that a test or a fuzz target can give it bytes. */
void content_page_parse (struct content_file *f, const char *text, size_t len,
                         struct diags *diags);

/* Release what content_page_read() filled in (not F itself). */
void content_page_clear (struct content_file *f);

/* A copy of TEXT[0..LEN) (NUL-terminated, caller frees) with each CR
   that no LF follows made a LF, or NULL when there is none: libyaml and
   cmark count such a CR as a line end, the loader counts LFs. */
char *content_page_lf (const char *text, size_t len);

/* Offset of the first control character of S[0..N) (valid UTF-8)
   other than tab, CR and LF -- C0, DEL or C1 -- or N when none. */
size_t content_page_find_control (const char *s, size_t n);

/* Why D says FILE cannot be used: its first error as one line,
   "FILE:LINE: message" (malloc'd), or FILE alone when it has none. */
char *content_diags_cause (const struct diags *d, const char *file);

/* Is the string S a valid YYYY-MM-DD calendar date? */
bool content_page_valid_date (const char *s);

#endif /* KIOSQUE_CONTENT_PRIVATE_H */
