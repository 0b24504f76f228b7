/* content-page.c -- one page file (ID.LANG.md): its bytes checked, its
   front matter read into fields, its body normalised and its links
   collected for checking once every page is known. */
#include "system.h"

#include <cmark.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "content-private.h"
#include "strbuf.h"
#include "text.h"

/* Read a file whole, refusing it before reading when it is too large. */
bool
content_page_read_file (const char *path, char **text, size_t *len)
{
  /* O_NONBLOCK: a FIFO named like a page must not hang the kiosk. */
  int fd = open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return false;
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      int e = errno;
      close (fd);
      errno = e;
      return false;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      errno = S_ISDIR (st.st_mode) ? EISDIR : EINVAL;
      return false;
    }
  if (st.st_size > CONTENT_MAX_FILE_SIZE)
    {
      close (fd);
      errno = EFBIG;
      return false;
    }
  size_t cap = (size_t) st.st_size + 1, n = 0;
  char *buf = xmalloc (cap);
  for (;;)
    {
      ssize_t got = read (fd, buf + n, cap - n);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int e = errno;
          free (buf);
          close (fd);
          errno = e;
          return false;
        }
      if (got == 0)
        break;
      n += (size_t) got;
      if (n == cap)
        {
          /* The file grew since fstat: refuse rather than chase it. */
          free (buf);
          close (fd);
          errno = EFBIG;
          return false;
        }
    }
  close (fd);
  buf[n] = '\0';
  *text = buf;
  *len = n;
  return true;
}

/* The 1-based line of byte offset AT in TEXT. */
static unsigned
line_of (const char *text, size_t at)
{
  unsigned line = 1;
  for (size_t i = 0; i < at; i++)
    line += text[i] == '\n';
  return line;
}

/* Check a YYYY-MM-DD date, leap years included. */
bool
content_page_valid_date (const char *s)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
      return false;
  if (s[10] != '\0')
    return false;
  int year = atoi (s), month = atoi (s + 5), day = atoi (s + 8);
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
    return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

/* What a byte may start, for the scans below: most bytes of a page
   start neither, and are skipped with one look-up each (the scans were
   a tenth of the screen's start-up). */
enum
{
  MAY_CONTROL = 1,              /* a C0 control but tab, LF, CR; DEL; C1 */
  MAY_NONCHAR = 2               /* U+FFFE, U+FFFF, or their lone bytes */
};

/* The MAY_* bits of each byte value. */
static unsigned char
byte_class (unsigned char c)
{
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
      || c == 0xc2)
    return MAY_CONTROL;
  if (c == 0xef || c == 0xfe || c == 0xff)
    return MAY_NONCHAR;
  return 0;
}

/* The table of byte_class, built on first use. */
static const unsigned char *
byte_classes (void)
{
  static unsigned char table[256];
  static bool built;
  if (!built)
    {
      for (int c = 0; c < 256; c++)
        table[c] = byte_class ((unsigned char) c);
      built = true;
    }
  return table;
}

/* Scan S[0..N) (valid UTF-8) once for what content_page_find_control
   and find_nonchar look for: *CONTROL and *NONCHAR get the offset of
   the first of each, or N; *CODE the noncharacter found.  The scan
   stops at the first control character when STOP_AT_CONTROL. */
static void
scan_bytes (const char *s, size_t n, bool stop_at_control, size_t *control,
            size_t *nonchar, unsigned *code)
{
  const unsigned char *classes = byte_classes ();
  *control = *nonchar = n;
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      unsigned char cls = classes[c];
      if (cls == 0)
        continue;
      if (cls == MAY_CONTROL && *control == n)
        {
          /* In valid UTF-8, 0xC2 always leads a character. */
          if (c != 0xc2 || (i + 1 < n && (unsigned char) s[i + 1] >= 0x80
                            && (unsigned char) s[i + 1] <= 0x9f))
            {
              *control = i;
              if (stop_at_control || *nonchar < n)
                return;
            }
        }
      else if (cls == MAY_NONCHAR && *nonchar == n)
        {
          if (c == 0xfe || c == 0xff)
            *code = 0xff00u | c;
          else if (i + 2 < n && (unsigned char) s[i + 1] == 0xbf
                   && ((unsigned char) s[i + 2] == 0xbe
                       || (unsigned char) s[i + 2] == 0xbf))
            *code = 0xff00u | (unsigned char) s[i + 2] | 0x40u;
          else
            continue;
          *nonchar = i;
          if (*control < n)
            return;
        }
    }
}

/* Offset of the first control character in S[0..N) (valid UTF-8) that
   is not a tab or a line end, or N.  They would reach the terminal as
   escapes: C0 controls, DEL, and the C1 controls U+0080..U+009F. */
size_t
content_page_find_control (const char *s, size_t n)
{
  size_t control, nonchar;
  unsigned code;
  scan_bytes (s, n, true, &control, &nonchar, &code);
  return control;
}

/* The code point of the control character at S (see above). */
static unsigned
control_code (const char *s)
{
  unsigned char c = (unsigned char) s[0];
  return c == 0xc2 ? (unsigned char) s[1] : c;
}

/* Offset in S[0..N) of the first noncharacter U+FFFE or U+FFFF, or N;
   *CODE gets it.  libcmark 0.30 writes them back as the lone bytes 0xFE
   and 0xFF (invalid UTF-8), from an entity such as "&#xFFFF;" or when
   it renders a French body, so such bytes count too. */
static size_t
find_nonchar (const char *s, size_t n, unsigned *code)
{
  size_t control, nonchar;
  scan_bytes (s, n, false, &control, &nonchar, code);
  return nonchar;
}

/* Check TEXT[0..LEN) is text a page can hold: no NUL, valid UTF-8, no
   control character but tab and line ends, no noncharacter U+FFFE or
   U+FFFF.  Reports the first problem at its line. */
static bool
check_bytes (const char *file, const char *text, size_t len,
             struct diags *diags)
{
  const char *nul = memchr (text, '\0', len);
  if (nul)
    {
      diags_add (diags, file, line_of (text, (size_t) (nul - text)),
                 DIAG_ERROR, "%s", _("NUL byte: this is not a text file"));
      return false;
    }
  size_t bad;
  if (!text_valid_utf8 (text, len, &bad))
    {
      diags_add (diags, file, line_of (text, bad), DIAG_ERROR,
                 _("invalid or overlong UTF-8 (byte 0x%02X)"),
                 (unsigned char) text[bad]);
      return false;
    }
  size_t at, nonchar;
  unsigned code;
  scan_bytes (text, len, false, &at, &nonchar, &code);
  if (at < len)
    {
      diags_add (diags, file, line_of (text, at), DIAG_ERROR,
                 _("control character U+%04X"), control_code (text + at));
      return false;
    }
  at = nonchar;
  if (at < len)
    {
      diags_add (diags, file, line_of (text, at), DIAG_ERROR,
                 _("noncharacter U+%04X: not text"), code);
      return false;
    }
  return true;
}

/* Is the line at TEXT (up to END) exactly "---", allowing trailing
   blanks and a carriage return? */
static bool
is_fence (const char *line, const char *end)
{
  if (end - line < 3 || memcmp (line, "---", 3) != 0)
    return false;
  for (const char *p = line + 3; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return false;
  return true;
}

/* One value of the front matter as one-line page text: NFC, blanks
   for line ends and tabs, no blanks at either end, French typography
   when FRENCH.  NULL (reported) when NODE is not a non-empty text. */
static char *
field_text (const struct content_yaml *node, const char *key, bool french,
            const char *file, struct diags *diags)
{
  if (node->type != CONTENT_YAML_SCALAR || node->is_null)
    {
      diags_add (diags, file, node->line, DIAG_ERROR,
                 _("'%s' must be a text"), key);
      return NULL;
    }
  char *nfc = text_nfc (node->value, strlen (node->value), NULL);
  for (char *p = nfc; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  char *start = nfc;
  while (*start == ' ')
    start++;
  size_t n = strlen (start);
  while (n > 0 && start[n - 1] == ' ')
    n--;
  if (n == 0)
    {
      free (nfc);
      diags_add (diags, file, node->line, DIAG_ERROR,
                 _("'%s' must be a text"), key);
      return NULL;
    }
  char *out = french ? text_french_spaces (start, n) : xstrndup (start, n);
  free (nfc);
  return out;
}

/* Which kinds each optional key belongs to (bit per kind). */
#define KIND_BIT(k) (1u << (k))
#define ALL_KINDS 0xfu
static const struct
{
  const char *key;
  unsigned kinds;
} known_keys[] = {
  { "title", ALL_KINDS },
  { "kind", ALL_KINDS },
  { "order", ALL_KINDS },
  { "summary", ALL_KINDS },
  { "craft", KIND_BIT (PAGE_KIND_ARTISAN) },
  { "place", KIND_BIT (PAGE_KIND_ARTISAN) | KIND_BIT (PAGE_KIND_EVENT) },
  { "stand", KIND_BIT (PAGE_KIND_ARTISAN) },
  { "products", KIND_BIT (PAGE_KIND_ARTISAN) },
  { "contact", KIND_BIT (PAGE_KIND_ARTISAN) },
  { "date", KIND_BIT (PAGE_KIND_EVENT) },
  { "end", KIND_BIT (PAGE_KIND_EVENT) },
};

/* Read "kind" first: which other keys apply depends on it. */
static void
read_kind (struct content_file *f, const struct content_yaml *node,
           struct diags *diags)
{
  if (node->type == CONTENT_YAML_SCALAR)
    for (int k = PAGE_KIND_PAGE; k <= PAGE_KIND_EVENT; k++)
      if (strcmp (node->value, page_kind_name ((enum page_kind) k)) == 0)
        {
          f->fields.kind = (enum page_kind) k;
          f->fields.has_kind = true;
          f->fields.kind_line = node->line;
          return;
        }
  diags_add (diags, f->path, node->line, DIAG_ERROR,
             _("unknown kind '%s' (page, section, artisan or event)"),
             node->type == CONTENT_YAML_SCALAR ? node->value : "");
}

/* "order": a whole number. */
static void
read_order (struct content_file *f, const struct content_yaml *node,
            struct diags *diags)
{
  long n;
  if (!content_yaml_integer (node, INT_MIN + 1L, INT_MAX - 1L, &n))
    {
      diags_add (diags, f->path, node->line, DIAG_ERROR, "%s",
                 _("'order' must be a whole number"));
      return;
    }
  f->fields.has_order = true;
  f->fields.order = (int) n;
  f->fields.order_line = node->line;
}

/* "date" or "end": YYYY-MM-DD. */
static char *
read_date (const struct content_file *f, const struct content_yaml *node,
           const char *key, struct diags *diags)
{
  if (node->type != CONTENT_YAML_SCALAR
      || !content_page_valid_date (node->value))
    {
      diags_add (diags, f->path, node->line, DIAG_ERROR,
                 _("'%s' must be a date written YYYY-MM-DD, e.g. 2023-11-20"),
                 key);
      return NULL;
    }
  return xstrdup (node->value);
}

/* "products": a list of texts. */
static void
read_products (struct content_file *f, const struct content_yaml *node,
               bool french, struct diags *diags)
{
  if (node->type != CONTENT_YAML_SEQUENCE)
    {
      diags_add (diags, f->path, node->line, DIAG_ERROR, "%s",
                 _("'products' must be a list, e.g. [hats, fans]"));
      return;
    }
  struct page_text *t = f->text;
  t->products = xcalloc (node->nitems, sizeof *t->products);
  for (size_t i = 0; i < node->nitems; i++)
    {
      char *p = field_text (node->items[i], "products", french, f->path, diags);
      if (p)
        t->products[t->nproducts++] = p;
    }
}

/* Store one key's value, or diagnose why it is not used. */
static void
read_key (struct content_file *f, const struct content_yaml *keynode,
          const struct content_yaml *node, bool kind_known, bool french,
          struct diags *diags)
{
  const char *key = keynode->value;
  size_t k;
  for (k = 0; k < ARRAY_SIZE (known_keys); k++)
    if (strcmp (key, known_keys[k].key) == 0)
      break;
  if (k == ARRAY_SIZE (known_keys))
    {
      diags_add (diags, f->path, keynode->line, DIAG_WARNING,
                 _("unknown key '%s' (ignored)"), key);
      return;
    }
  if (kind_known && !(known_keys[k].kinds & KIND_BIT (f->fields.kind)))
    {
      diags_add (diags, f->path, keynode->line, DIAG_WARNING,
                 _("key '%s' does not apply to a page of kind '%s' (ignored)"),
                 key, page_kind_name (f->fields.kind));
      return;
    }

  struct page_text *t = f->text;
  char **slot = NULL;
  if (strcmp (key, "title") == 0)
    slot = &t->title;
  else if (strcmp (key, "summary") == 0)
    slot = &t->summary;
  else if (strcmp (key, "craft") == 0)
    slot = &t->craft;
  else if (strcmp (key, "place") == 0)
    slot = &t->place;
  else if (strcmp (key, "stand") == 0)
    slot = &t->stand;
  else if (strcmp (key, "contact") == 0)
    slot = &t->contact;         /* text_french_spaces leaves addresses be */
  else if (strcmp (key, "products") == 0)
    read_products (f, node, french, diags);
  else if (strcmp (key, "order") == 0)
    read_order (f, node, diags);
  else if (strcmp (key, "date") == 0)
    {
      f->fields.date = read_date (f, node, key, diags);
      f->fields.date_line = node->line;
    }
  else if (strcmp (key, "end") == 0)
    {
      f->fields.end = read_date (f, node, key, diags);
      f->fields.end_line = node->line;
    }
  if (slot)
    *slot = field_text (node, key, french, f->path, diags);
}

/* A key of a mapping and its position, to sort keys by. */
struct key_at
{
  const char *key;
  size_t at;
};

/* By key, then by position. */
static int
compare_key_at (const void *a, const void *b)
{
  const struct key_at *x = a, *y = b;
  int c = strcmp (x->key, y->key);
  return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* For each key of the mapping ROOT, whether an earlier key has the same
   name: sorted, not compared pairwise, so that a front matter of a
   hundred thousand keys costs no more than its size.  Caller frees. */
static bool *
find_repeated_keys (const struct content_yaml *root)
{
  size_t n = root->nitems / 2;
  bool *twice = xcalloc (n ? n : 1, sizeof *twice);
  struct key_at *keys = xcalloc (n ? n : 1, sizeof *keys);
  for (size_t i = 0; i < n; i++)
    keys[i] = (struct key_at) { root->items[2 * i]->value, i };
  if (n > 1)
    qsort (keys, n, sizeof *keys, compare_key_at);
  for (size_t i = 1; i < n; i++)
    if (strcmp (keys[i].key, keys[i - 1].key) == 0)
      twice[keys[i].at] = true;
  free (keys);
  return twice;
}

/* Fill F from the front matter's mapping ROOT; false when the page is
   unusable (no title). */
static bool
read_front_matter (struct content_file *f, const struct content_yaml *root,
                   struct diags *diags)
{
  bool french = f->lang == LANG_FR;
  const struct content_yaml *kind = NULL;
  for (size_t i = 0; i + 1 < root->nitems; i += 2)
    if (strcmp (root->items[i]->value, "kind") == 0)
      {
        kind = root->items[i + 1];
        break;
      }
  if (kind)
    read_kind (f, kind, diags);
  bool kind_known = !kind || f->fields.has_kind;

  bool *twice = find_repeated_keys (root);
  for (size_t i = 0; i + 1 < root->nitems; i += 2)
    {
      const struct content_yaml *key = root->items[i];
      if (twice[i / 2])
        diags_add (diags, f->path, key->line, DIAG_ERROR,
                   _("key '%s' is given twice; the first one is used"),
                   key->value);
      else if (strcmp (key->value, "kind") != 0)
        read_key (f, key, root->items[i + 1], kind_known, french, diags);
    }
  free (twice);

  if (f->fields.date && f->fields.end
      && strcmp (f->fields.end, f->fields.date) < 0)
    diags_add (diags, f->path, f->fields.end_line, DIAG_ERROR, "%s",
               _("'end' is before 'date'"));
  if (!f->text->title)
    {
      /* A title that was there but unusable has been reported. */
      bool given = false;
      for (size_t i = 0; i + 1 < root->nitems; i += 2)
        given |= strcmp (root->items[i]->value, "title") == 0;
      if (!given)
        diags_add (diags, f->path, 1, DIAG_ERROR, "%s",
                   _("missing 'title' in the front matter"));
      return false;
    }
  return true;
}

/* Is URL an address the kiosk shows as text, rather than a page id? */
static bool
is_external (const char *url)
{
  return strncmp (url, "http://", 7) == 0 || strncmp (url, "https://", 8) == 0
    || strncmp (url, "mailto:", 7) == 0 || url[0] == '#';
}

/* The file line of NODE, or of the nearest ancestor that has one. */
static unsigned
node_line (const struct content_file *f, cmark_node *node)
{
  int line = 0;
  for (cmark_node *p = node; line <= 0 && p; p = cmark_node_parent (p))
    line = cmark_node_get_start_line (p);
  return f->text->body_line + (unsigned) (line > 0 ? line : 1) - 1;
}

/* Does NODE carry a control character, as an entity like "&#27;" can
   make, or what is not UTF-8 text, as "&#xFFFF;" makes?  Reports it:
   the page would write escapes to the terminal, or give the layout
   bytes it cannot measure. */
static bool
node_has_control (const struct content_file *f, cmark_node *node,
                  struct diags *diags)
{
  /* The info string of a code fence too: French bodies are written
     back from the tree, its decoded entities with them. */
  const char *parts[] = { cmark_node_get_literal (node),
                          cmark_node_get_url (node),
                          cmark_node_get_title (node),
                          cmark_node_get_fence_info (node) };
  for (size_t i = 0; i < ARRAY_SIZE (parts); i++)
    {
      size_t n = parts[i] ? strlen (parts[i]) : 0, bad;
      unsigned code;
      size_t at = n ? content_page_find_control (parts[i], n) : 0;
      if (at < n)
        diags_add (diags, f->path, node_line (f, node), DIAG_ERROR,
                   _("control character U+%04X"),
                   control_code (parts[i] + at));
      else if (find_nonchar (parts[i], n, &code) < n)
        diags_add (diags, f->path, node_line (f, node), DIAG_ERROR,
                   _("noncharacter U+%04X: not text"), code);
      else if (n && !text_valid_utf8 (parts[i], n, &bad))
        diags_add (diags, f->path, node_line (f, node), DIAG_ERROR,
                   _("invalid or overlong UTF-8 (byte 0x%02X)"),
                   (unsigned char) parts[i][bad]);
      else
        continue;
      return true;
    }
  return false;
}

/* Walk DOC: collect the internal links into F, and (for French) give
   every text node French typography; code is left alone.  False
   (reported) when a node holds a control character or no text. */
static bool
walk_body (struct content_file *f, cmark_node *doc, bool french,
           struct diags *diags)
{
  bool ok = true;
  size_t cap = 0;
  cmark_iter *it = cmark_iter_new (doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next (it)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (it);
      if (ev != CMARK_EVENT_ENTER)
        continue;
      cmark_node_type type = cmark_node_get_type (node);
      if (node_has_control (f, node, diags))
        {
          ok = false;
          break;
        }
      if (type == CMARK_NODE_LINK)
        {
          const char *url = cmark_node_get_url (node);
          if (!url)
            url = "";
          if (is_external (url))
            continue;
          XGROW (f->links, cap, f->nlinks + 1);
          struct content_link *link = &f->links[f->nlinks++];
          link->target = xstrdup (url);
          link->line = node_line (f, node);
        }
      else if (type == CMARK_NODE_TEXT && french)
        {
          const char *lit = cmark_node_get_literal (node);
          if (lit)
            {
              char *spaced = text_french_spaces (lit, strlen (lit));
              cmark_node_set_literal (node, spaced);
              free (spaced);
            }
        }
    }
  cmark_iter_free (it);
  return ok;
}

/* Is NODE a leaf block: one that holds text, not other blocks? */
static bool
is_leaf_block (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CUSTOM_BLOCK:
      return true;
    default:
      return false;
    }
}

/* Replace NODE, a block quote or list, by the leaf blocks inside it, in
   order: their text stays, their containers go. */
static void
lay_flat (cmark_node *node)
{
  cmark_node **leaves = NULL;
  size_t n = 0, cap = 0;
  cmark_iter *it = cmark_iter_new (node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next (it)) != CMARK_EVENT_DONE)
    {
      cmark_node *leaf = cmark_iter_get_node (it);
      if (ev == CMARK_EVENT_ENTER && is_leaf_block (leaf))
        {
          XGROW (leaves, cap, n + 1);
          leaves[n++] = leaf;
          cmark_iter_reset (it, leaf, CMARK_EVENT_EXIT);
        }
    }
  cmark_iter_free (it);
  /* NODE's parent is a block quote, an item or the document: each holds
     any block. */
  for (size_t i = 0; i < n; i++)
    {
      cmark_node_unlink (leaves[i]);
      cmark_node_insert_before (node, leaves[i]);
    }
  cmark_node_free (node);
  free (leaves);
}

/* Lay flat the block quotes and lists of DOC nested deeper than
   CONTENT_MAX_NESTING, warning once at the first; true when DOC
   changed.  Linear in DOC's size, whatever its depth. */
static bool
flatten_deep (const struct content_file *f, cmark_node *doc,
              struct diags *diags)
{
  cmark_node **deep = NULL;
  size_t n = 0, cap = 0;
  int depth = 0;
  cmark_iter *it = cmark_iter_new (doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next (it)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (it);
      cmark_node_type type = cmark_node_get_type (node);
      if (type != CMARK_NODE_BLOCK_QUOTE && type != CMARK_NODE_ITEM)
        continue;
      if (ev == CMARK_EVENT_EXIT)
        depth--;
      else if (depth < CONTENT_MAX_NESTING)
        depth++;
      else
        {
          /* An item goes with its whole list: a list holds only items. */
          cmark_node *outer = type == CMARK_NODE_ITEM
            ? cmark_node_parent (node) : node;
          if (n == 0)
            diags_add (diags, f->path, node_line (f, node), DIAG_WARNING,
                       _("block quotes and lists nested more than %d deep: the deeper ones are shown flat"),
                       CONTENT_MAX_NESTING);
          XGROW (deep, cap, n + 1);
          deep[n++] = outer;
          /* Its exit is not seen, so DEPTH stays as it was. */
          cmark_iter_reset (it, outer, CMARK_EVENT_EXIT);
        }
    }
  cmark_iter_free (it);
  for (size_t i = 0; i < n; i++)
    lay_flat (deep[i]);
  free (deep);
  return n > 0;
}

/* Normalise BODY[0..LEN) into F->text->body and collect its links;
   false (reported) when the body cannot be shown safely. */
static bool
read_body (struct content_file *f, const char *body, size_t len,
           struct diags *diags)
{
  size_t n;
  char *nfc = text_nfc (body, len, &n);
  bool french = f->lang == LANG_FR;
  cmark_node *doc = cmark_parse_document (nfc, n, CMARK_OPT_DEFAULT);
  bool flattened = flatten_deep (f, doc, diags);
  if (french)
    /* cmark splits text at "!" and other marks; join it back so that
       "Bonjour !" is one node that French spacing can see whole. */
    cmark_consolidate_text_nodes (doc);
  bool ok = walk_body (f, doc, french, diags);
  if (!ok)
    free (nfc);
  else if (french || flattened)
    {
      /* Only text nodes were respaced, never code or addresses, so the
         body is written back from the tree: same document, new source.
         Soft line breaks are written as spaces (CMARK_OPT_NOBREAKS):
         each line written repeats its containers' markers, which a
         paragraph's lazy continuation lines did not. */
      char *out = cmark_render_commonmark (doc, CMARK_OPT_NOBREAKS, 0);
      f->text->body = xstrdup (out);
      free (out);
      free (nfc);
    }
  else
    f->text->body = nfc;
  cmark_node_free (doc);
  return ok;
}

/* A copy of TEXT[0..LEN) whose lone CRs are LFs, or NULL when it has
   none.  libyaml and cmark end a line at a lone CR (old Mac files, a
   stray byte); the loader counts LFs: made LFs, every FILE:LINE agrees. */
char *
content_page_lf (const char *text, size_t len)
{
  char *out = NULL;
  for (const char *p = memchr (text, '\r', len); p;
       p = memchr (p + 1, '\r', len - (size_t) (p + 1 - text)))
    if ((size_t) (p + 1 - text) == len || p[1] != '\n')
      {
        if (!out)
          {
            out = xmalloc (len + 1);
            memcpy (out, text, len);
            out[len] = '\0';
          }
        out[p - text] = '\n';
      }
  return out;
}

/* Find the front matter and the body of TEXT[0..LEN) (lone CRs made LFs,
   bytes checked): *FM..*FM_END the front matter, *BODY..TEXT + LEN the
   body, whose first line is *BODY_LINE.  False (reported) when the
   front matter's "---" lines are not there. */
static bool
split_page (const char *path, const char *text, size_t len, const char **fm,
            const char **fm_end, const char **body, unsigned *body_line,
            struct diags *diags)
{
  /* A UTF-8 byte order mark, as some editors write, is not content. */
  const char *start = text, *end = text + len;
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    start += 3;

  const char *eol = memchr (start, '\n', (size_t) (end - start));
  if (!is_fence (start, eol ? eol : end))
    {
      diags_add (diags, path, 1, DIAG_ERROR, "%s",
                 _("missing front matter: a page starts with a '---' line"));
      return false;
    }
  *fm = eol ? eol + 1 : end;
  *fm_end = NULL;
  *body = end;
  unsigned line = 2;
  for (const char *p = *fm; p < end; line++)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = nl ? nl : end;
      if (is_fence (p, line_end))
        {
          *fm_end = p;
          *body = nl ? nl + 1 : end;
          break;
        }
      p = nl ? nl + 1 : end;
    }
  if (!*fm_end)
    {
      diags_add (diags, path, 1, DIAG_ERROR, "%s",
                 _("front matter not closed: no '---' line ends it"));
      return false;
    }
  *body_line = line + 1;
  return true;
}

/* Parse TEXT[0..LEN), whose lone CRs are LFs already, into F. */
static void
parse_page (struct content_file *f, const char *text, size_t len,
            struct diags *diags)
{
  if (len == 0)
    {
      diags_add (diags, f->path, 1, DIAG_ERROR, "%s", _("empty file"));
      return;
    }
  /* A lazy load checks the body's bytes when it reads the body to show
     it (content_body_read): here, only those up to the body. */
  if (!f->lazy && !check_bytes (f->path, text, len, diags))
    return;
  const char *fm, *fm_end, *body, *end = text + len;
  unsigned body_line;
  if (!split_page (f->path, text, len, &fm, &fm_end, &body, &body_line, diags))
    return;
  if (f->lazy && !check_bytes (f->path, text, (size_t) (body - text), diags))
    return;

  struct content_yaml *root = content_yaml_parse (fm, (size_t) (fm_end - fm),
                                                  2, f->path, diags);
  if (!root)
    return;
  f->text = xcalloc (1, sizeof *f->text);
  f->text->file = xstrdup (f->path);
  f->text->lang = f->lang;
  f->text->body_line = body_line;
  f->fields.order = INT_MAX;
  bool ok;
  if (root->type != CONTENT_YAML_MAPPING)
    {
      diags_add (diags, f->path, root->line, DIAG_ERROR, "%s",
                 _("the front matter must be 'key: value' lines"));
      ok = false;
    }
  else
    ok = read_front_matter (f, root, diags);
  content_yaml_free (root);
  if (ok && f->lazy)
    /* Its bytes are checked; cmark sees it when it is first shown. */
    f->text->body_lazy = true;
  else if (ok)
    ok = read_body (f, body, (size_t) (end - body), diags);
  if (ok && f->drop_body)
    {
      free (f->text->body);
      f->text->body = NULL;
      f->text->body_lazy = true;
    }
  if (!ok)
    {
      page_text_free (f->text);
      f->text = NULL;
    }
}

/* Parse the bytes of one page file into F, diagnosing every problem on
   its line. */
void
content_page_parse (struct content_file *f, const char *text, size_t len,
                    struct diags *diags)
{
  char *lf = content_page_lf (text, len);
  parse_page (f, lf ? lf : text, len, diags);
  free (lf);
}

/* Read one page file into F, diagnosing every problem on its line. */
void
content_page_read (struct content_file *f, struct diags *diags)
{
  char *text;
  size_t len;
  if (!content_page_read_file (f->path, &text, &len))
    {
      if (errno == EFBIG)
        diags_add (diags, f->path, 1, DIAG_ERROR,
                   _("file too large (over %d bytes): not read"),
                   CONTENT_MAX_FILE_SIZE);
      else
        diags_add (diags, f->path, 1, DIAG_ERROR, _("cannot read: %s"),
                   strerror (errno));
      return;
    }
  content_page_parse (f, text, len, diags);
  free (text);
}

/* Free what reading F allocated. */
void
content_page_clear (struct content_file *f)
{
  page_text_free (f->text);
  f->text = NULL;
  free (f->fields.date);
  free (f->fields.end);
  for (size_t i = 0; i < f->nlinks; i++)
    free (f->links[i].target);
  free (f->links);
  f->links = NULL;
  f->nlinks = 0;
}

/* The first error of D, as one line: see content-private.h.  A warning
   (a body laid flat) does not stop a page being shown, so it is never
   the cause. */
char *
content_diags_cause (const struct diags *d, const char *file)
{
  const struct diag *why = NULL;
  for (size_t i = 0; !why && i < d->count; i++)
    if (d->items[i].severity == DIAG_ERROR)
      why = &d->items[i];
  return !why ? xstrdup (file)
    : why->line ? xasprintf ("%s:%u: %s", why->file, why->line, why->message)
    : xasprintf ("%s: %s", why->file, why->message);
}

/* The body of TEXT, loaded lazily: its file read again, its bytes
   checked and its body normalised as a full load does, from the file as
   it is now. */
char *
content_body_read (const struct page_text *text, char **cause)
{
  struct diags d = DIAGS_INIT;
  struct content_file f = { .path = text->file, .lang = text->lang };
  struct page_text tmp = { .file = text->file, .body_line = text->body_line };
  f.text = &tmp;
  char *bytes, *body = NULL;
  size_t len;
  if (!content_page_read_file (text->file, &bytes, &len))
    diags_add (&d, text->file, 0, DIAG_ERROR, _("cannot read: %s"),
               errno == EFBIG ? _("file too large") : strerror (errno));
  else
    {
      char *lf = content_page_lf (bytes, len);
      const char *s = lf ? lf : bytes, *fm, *fm_end, *start;
      if (len == 0)
        diags_add (&d, text->file, 1, DIAG_ERROR, "%s", _("empty file"));
      else if (check_bytes (text->file, s, len, &d)
               && split_page (text->file, s, len, &fm, &fm_end, &start,
                              &tmp.body_line, &d)
               && read_body (&f, start, (size_t) (s + len - start), &d))
        body = tmp.body;
      else
        free (tmp.body);
      free (lf);
      free (bytes);
    }
  if (!body && cause)
    *cause = content_diags_cause (&d, text->file);
  for (size_t i = 0; i < f.nlinks; i++)
    free (f.links[i].target);
  free (f.links);
  diags_free (&d);
  return body;
}
