/* content-yaml.c -- YAML (front matter, site.yaml) into a small tree,
   with libyaml's event parser: aliases are refused rather than expanded
   (a page never needs them, and refusing them kills "billion laughs"
   bombs) and nesting is bounded, so no input can exhaust memory or the
   stack. */
#include "system.h"

#include <yaml.h>

#include "content.h"
#include "content-private.h"
#include "text.h"

/* The state of one parse: the libyaml parser and where to report. */
struct yaml_reader
{
  yaml_parser_t parser;
  const char *file;
  unsigned first_line;
  unsigned last_line;           /* the text's last line, in the file */
  struct diags *diags;
  bool failed;
};

/* The file line of a libyaml mark (0-based, relative to the text). */
static unsigned
reader_line (const struct yaml_reader *r, const yaml_mark_t *mark)
{
  /* At the end of the text libyaml points past its last line; the
     last line is where an editor should look. */
  size_t line = r->first_line + mark->line;
  return line > r->last_line ? r->last_line : (unsigned) line;
}

/* Report an error once: the first one is the one that explains. */
static void
reader_error (struct yaml_reader *r, unsigned line, const char *message)
{
  if (r->failed)
    return;
  r->failed = true;
  diags_add (r->diags, r->file, line, DIAG_ERROR, "%s", message);
}

/* Report libyaml's own description of why the text is not YAML. */
static void
reader_syntax_error (struct yaml_reader *r)
{
  const yaml_parser_t *p = &r->parser;
  const char *problem = p->problem ? p->problem : "unknown problem";
  unsigned line = reader_line (r, &p->problem_mark);
  char *message;
  if (p->context)
    message = xasprintf (_("invalid YAML: %s %s"), problem, p->context);
  else
    message = xasprintf (_("invalid YAML: %s"), problem);
  reader_error (r, line, message);
  free (message);
}

/* The next event, or false after reporting why there is none. */
static bool
reader_next (struct yaml_reader *r, yaml_event_t *event)
{
  if (yaml_parser_parse (&r->parser, event))
    return true;
  reader_syntax_error (r);
  return false;
}

/* A fresh node of TYPE with no value and no items. */
static struct content_yaml *
node_new (enum content_yaml_type type, unsigned line)
{
  struct content_yaml *node = xcalloc (1, sizeof *node);
  node->type = type;
  node->line = line;
  return node;
}

/* Add CHILD to PARENT's items, whose capacity is *CAP. */
static void
node_append (struct content_yaml *parent, struct content_yaml *child,
             size_t *cap)
{
  XGROW (parent->items, *cap, parent->nitems + 1);
  parent->items[parent->nitems++] = child;
}

/* A scalar read as a whole number in [MIN, MAX]. */
bool
content_yaml_integer (const struct content_yaml *node, long min, long max,
                      long *out)
{
  if (node->type != CONTENT_YAML_SCALAR)
    return false;
  char *end = NULL;
  errno = 0;
  long n = strtol (node->value, &end, 10);
  if (errno || end == node->value || *end || n < min || n > max)
    return false;
  *out = n;
  return true;
}

/* Free NODE and everything below it. */
void
content_yaml_free (struct content_yaml *node)
{
  if (!node)
    return;
  for (size_t i = 0; i < node->nitems; i++)
    content_yaml_free (node->items[i]);
  free (node->items);
  free (node->value);
  free (node);
}

/* A scalar node from EVENT, or NULL after reporting a value that could
   not be page text (a NUL or invalid UTF-8 made with an escape). */
static struct content_yaml *
scalar_from_event (struct yaml_reader *r, const yaml_event_t *event)
{
  const char *value = (const char *) event->data.scalar.value;
  size_t len = event->data.scalar.length;
  unsigned line = reader_line (r, &event->start_mark);
  if (memchr (value, '\0', len) || !text_valid_utf8 (value, len, NULL)
      || content_page_find_control (value, len) < len)
    {
      /* Only an escape such as "\0" or "\e" gets here: the file's own
         bytes were checked before. */
      reader_error (r, line, _("a value holds a NUL, a control character or invalid UTF-8"));
      return NULL;
    }
  struct content_yaml *node = node_new (CONTENT_YAML_SCALAR, line);
  node->value = xstrndup (value, len);
  node->is_null = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
    && (len == 0 || strcmp (node->value, "~") == 0
        || strcmp (node->value, "null") == 0);
  return node;
}

static struct content_yaml *read_node (struct yaml_reader *r,
                                       yaml_event_t *event, int depth);

/* Read the items of a sequence or mapping whose start event was just
   consumed, up to and including its end event. */
static bool
read_children (struct yaml_reader *r, struct content_yaml *node, int depth)
{
  size_t cap = 0;
  yaml_event_type_t end = node->type == CONTENT_YAML_MAPPING
    ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
  for (;;)
    {
      yaml_event_t event;
      if (!reader_next (r, &event))
        return false;
      if (event.type == end)
        {
          yaml_event_delete (&event);
          return true;
        }
      bool is_key = node->type == CONTENT_YAML_MAPPING && node->nitems % 2 == 0;
      if (is_key && event.type != YAML_SCALAR_EVENT
          && event.type != YAML_ALIAS_EVENT)
        {
          reader_error (r, reader_line (r, &event.start_mark),
                        _("a key must be a plain word, not a list or mapping"));
          yaml_event_delete (&event);
          return false;
        }
      struct content_yaml *child = read_node (r, &event, depth + 1);
      if (!child)
        return false;
      node_append (node, child, &cap);
    }
}

/* The node that starts with EVENT (which this consumes), or NULL after
   an error. */
static struct content_yaml *
read_node (struct yaml_reader *r, yaml_event_t *event, int depth)
{
  unsigned line = reader_line (r, &event->start_mark);
  struct content_yaml *node = NULL;
  switch (event->type)
    {
    case YAML_ALIAS_EVENT:
      /* TRANSLATORS: "*name" and "&name" are YAML syntax; keep them. */
      reader_error (r, line, _("YAML aliases (*name) are not allowed: write the value out"));
      break;
    case YAML_SCALAR_EVENT:
      node = scalar_from_event (r, event);
      break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      if (depth >= CONTENT_YAML_MAX_DEPTH)
        {
          reader_error (r, line, _("YAML nested too deeply"));
          break;
        }
      node = node_new (event->type == YAML_MAPPING_START_EVENT
                       ? CONTENT_YAML_MAPPING : CONTENT_YAML_SEQUENCE, line);
      yaml_event_delete (event);
      if (!read_children (r, node, depth))
        {
          content_yaml_free (node);
          return NULL;
        }
      return node;
    default:
      reader_error (r, line, _("unexpected YAML structure"));
      break;
    }
  yaml_event_delete (event);
  return node;
}

/* Read events until one of type TYPE; false (reported) if another
   comes first. */
static bool
expect_event (struct yaml_reader *r, yaml_event_type_t type)
{
  yaml_event_t event;
  if (!reader_next (r, &event))
    return false;
  bool ok = event.type == type;
  if (!ok)
    reader_error (r, reader_line (r, &event.start_mark),
                  _("only one YAML document is allowed here"));
  yaml_event_delete (&event);
  return ok;
}

/* Read the stream's one document (or none) into a tree. */
static struct content_yaml *
read_stream (struct yaml_reader *r)
{
  if (!expect_event (r, YAML_STREAM_START_EVENT))
    return NULL;
  yaml_event_t event;
  if (!reader_next (r, &event))
    return NULL;
  if (event.type == YAML_STREAM_END_EVENT)
    {
      yaml_event_delete (&event);
      return node_new (CONTENT_YAML_MAPPING, r->first_line);
    }
  yaml_event_delete (&event);   /* the document start */

  if (!reader_next (r, &event))
    return NULL;
  struct content_yaml *root = read_node (r, &event, 0);
  if (!root)
    return NULL;
  if (!expect_event (r, YAML_DOCUMENT_END_EVENT)
      || !expect_event (r, YAML_STREAM_END_EVENT))
    {
      content_yaml_free (root);
      return NULL;
    }
  return root;
}

/* The tree of TEXT, or NULL after an error in DIAGS. */
struct content_yaml *
content_yaml_parse (const char *text, size_t len, unsigned first_line,
                    const char *file, struct diags *diags)
{
  struct yaml_reader r = { .file = file, .first_line = first_line,
                           .diags = diags };
  if (!yaml_parser_initialize (&r.parser))
    {
      diags_add (diags, file, first_line, DIAG_ERROR, "%s",
                 _("cannot start the YAML parser"));
      return NULL;
    }
  size_t lines = 0;
  for (size_t i = 0; i < len; i++)
    lines += text[i] == '\n';
  if (len > 0 && text[len - 1] != '\n')
    lines++;
  size_t last = first_line + (lines > 0 ? lines - 1 : 0);
  r.last_line = last > UINT_MAX ? UINT_MAX : (unsigned) last;
  yaml_parser_set_encoding (&r.parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string (&r.parser, (const unsigned char *) text, len);
  struct content_yaml *root = read_stream (&r);
  yaml_parser_delete (&r.parser);
  return root;
}
