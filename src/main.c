/* main.c -- kiosque: parse the command line and run one mode. */
#include "system.h"

#include <getopt.h>
#include <locale.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "diag.h"
#include "kiosk-report.h"
#include "lang.h"
#include "layout.h"
#include "model.h"
#include "nav.h"
#include "staff.h"
#include "stats.h"
#include "view.h"
#include "wrap.h"

/* What the command line asked for. */
enum mode
{
  MODE_SCREEN,          /* the full-screen guide (default) */
  MODE_WRAP,            /* --wrap=N filter */
  MODE_CHECK,           /* --check */
  MODE_LIST,            /* --list */
  MODE_DUMP             /* --dump[=ID] */
};

struct options
{
  enum mode mode;
  const char *content_dir;
  const char *page;             /* --page or --dump's ID */
  const char *staff_file;
  bool staff_given;             /* --staff was on the command line */
  const char *stats_file;       /* --stats, or NULL */
  bool kiosk;
  bool has_lang;
  enum lang lang;
  long idle_seconds;            /* -1: the site's */
  int width;                    /* --dump */
  int wrap_width;               /* --wrap */
};

enum
{
  OPT_STAFF = CHAR_MAX + 1,
  OPT_STATS,
  OPT_WRAP,
  OPT_CHECK,
  OPT_LIST
};

static const struct option long_options[] = {
  { "lang", required_argument, NULL, 'l' },
  { "page", required_argument, NULL, 'p' },
  { "kiosk", no_argument, NULL, 'k' },
  { "idle", required_argument, NULL, 'i' },
  { "staff", required_argument, NULL, OPT_STAFF },
  { "stats", required_argument, NULL, OPT_STATS },
  { "dump", optional_argument, NULL, 'd' },
  { "width", required_argument, NULL, 'w' },
  { "wrap", required_argument, NULL, OPT_WRAP },
  { "check", no_argument, NULL, OPT_CHECK },
  { "list", no_argument, NULL, OPT_LIST },
  { "help", no_argument, NULL, 'h' },
  { "version", no_argument, NULL, 'V' },
  { NULL, 0, NULL, 0 }
};

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]... [CONTENT_DIR]\n"), PACKAGE);
  fputs (_("A bilingual (French / Vietnamese) full-screen guide for exhibitions.\n\n"),
         stdout);
  /* TRANSLATORS: keep the option names; align the descriptions. */
  printf (_("\
  -l, --lang=LANG        start in LANG (fr or vi; default: the site's default)\n\
  -p, --page=ID          open page ID (e.g. artisans/non-la) instead of home\n\
  -k, --kiosk            lock down: no quit key, Ctrl-C/Ctrl-Z/Ctrl-\\ are plain keys,\n\
                         idle reset to the attract screen, staff PIN to exit\n\
  -i, --idle=SECONDS     idle time before the attract screen (default: site.yaml, else 120)\n\
      --staff=FILE       staff settings: PIN hash (default: %s)\n"),
          SYSCONFDIR "/kiosque/staff.conf");
  fputs (_("\
      --stats=FILE       append usage statistics to FILE as CSV rows\n"), stdout);
  fputs (_("\
  -d, --dump[=ID]        print page ID (default: home) laid out exactly as on screen,\n\
                         as plain UTF-8 text, then exit; needs no terminal\n\
  -w, --width=N          columns for --dump (default: 80)\n\
      --wrap=N           filter: read UTF-8 text on stdin, write it wrapped to N columns\n\
      --check            validate CONTENT_DIR, print FILE:LINE: diagnostics, exit 1 on any error\n\
      --list             print every page, one a line: id, kind, then its title in\n\
                         each language, separated by tabs\n\
  -h, --help             display this help and exit\n\
  -V, --version          output version information and exit\n"), stdout);
  fputs (_("\n\
CONTENT_DIR defaults to $KIOSQUE_CONTENT, else the installed content.\n\
Exit status: 0 success, 1 content or runtime error, 2 usage error.\n"), stdout);
  printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
print_version (void)
{
  printf ("%s %s\n", PACKAGE, VERSION);
}

/* Complain about the command line and exit with status 2. */
static void
usage_error (const char *fmt, const char *arg)
{
  fprintf (stderr, "%s: ", PACKAGE);
  fprintf (stderr, fmt, arg);
  fputc ('\n', stderr);
  fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
  exit (2);
}

/* Parse a whole decimal number in [MIN, MAX] or fail with status 2. */
static long
parse_number (const char *arg, long min, long max, const char *what)
{
  char *end;
  errno = 0;
  long n = strtol (arg, &end, 10);
  if (errno || end == arg || *end != '\0' || n < min || n > max)
    usage_error (what, arg);
  return n;
}

static void
parse_options (int argc, char **argv, struct options *o)
{
  int c;
  while ((c = getopt_long (argc, argv, "l:p:ki:d::w:hV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'l':
        if (!lang_parse (optarg, &o->lang))
          usage_error (_("unknown language '%s' (use fr or vi)"), optarg);
        o->has_lang = true;
        break;
      case 'p':
        o->page = optarg;
        break;
      case 'k':
        o->kiosk = true;
        break;
      case 'i':
        o->idle_seconds = parse_number (optarg, 1, 86400,
                                        _("invalid idle time '%s' (seconds, 1 to 86400)"));
        break;
      case OPT_STAFF:
        o->staff_file = optarg;
        o->staff_given = true;
        break;
      case OPT_STATS:
        o->stats_file = optarg;
        break;
      case 'd':
        o->mode = MODE_DUMP;
        if (optarg)
          o->page = optarg;
        break;
      case 'w':
        o->width = (int) parse_number (optarg, 1, 10000,
                                       _("invalid width '%s' (1 to 10000)"));
        break;
      case OPT_WRAP:
        o->mode = MODE_WRAP;
        o->wrap_width = (int) parse_number (optarg, 1, 10000,
                                            _("invalid width '%s' (1 to 10000)"));
        break;
      case OPT_CHECK:
        o->mode = MODE_CHECK;
        break;
      case OPT_LIST:
        o->mode = MODE_LIST;
        break;
      case 'h':
        print_help ();
        exit (0);
      case 'V':
        print_version ();
        exit (0);
      default:
        fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
        exit (2);
      }

  if (optind < argc)
    o->content_dir = argv[optind++];
  if (optind < argc)
    usage_error (_("extra operand '%s'"), argv[optind]);
  if (!o->content_dir)
    o->content_dir = getenv ("KIOSQUE_CONTENT");
  if (!o->content_dir || !*o->content_dir)
    o->content_dir = PKGDATADIR "/content";
  if (!o->staff_file)
    o->staff_file = SYSCONFDIR "/kiosque/staff.conf";
}

/* --wrap=N: the filter from standard input to standard output. */
static int
run_wrap (const struct options *o)
{
  return wrap_filter (stdin, stdout, o->wrap_width);
}

/* --check: whether staff access is on (when --staff was given or the
   default staff file exists), every diagnostic about the content, then
   the count; the status says whether the content has an error. */
static int
run_check (const struct options *o)
{
  if (o->staff_given || access (o->staff_file, F_OK) == 0)
    kiosk_report_staff_file (o->staff_file, stdout);
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (o->content_dir, &diags);
  diags_print (&diags, stdout);
  diags_print_summary (&diags, stdout);
  int status = !site || diags.errors > 0 ? 1 : 0;
  site_free (site);
  diags_free (&diags);
  return status;
}

/* Print D's errors (not its warnings) to OUT, in diags_print's order. */
static void
print_errors (const struct diags *d, FILE *out)
{
  struct diags errors = DIAGS_INIT;
  for (size_t i = 0; i < d->count; i++)
    if (d->items[i].severity == DIAG_ERROR)
      diags_add (&errors, d->items[i].file, d->items[i].line, DIAG_ERROR,
                 "%s", d->items[i].message);
  diags_print (&errors, out);
  diags_free (&errors);
}

/* --list: one line per page, "id TAB kind TAB title in each language";
   the errors, if any, go to stderr and make the status 1. */
static int
run_list (const struct options *o)
{
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (o->content_dir, &diags);
  print_errors (&diags, stderr);
  for (size_t i = 0; site && i < site->npages; i++)
    {
      const struct page *page = site->pages[i];
      printf ("%s\t%s", page->id, page_kind_name (page->kind));
      for (int l = 0; l < LANG_COUNT; l++)
        printf ("\t%s", page->text[l] ? page->text[l]->title : "");
      putchar ('\n');
    }
  int status = !site || diags.errors > 0 ? 1 : 0;
  site_free (site);
  diags_free (&diags);
  return status;
}

/* Is FILE (a path from the loader) one of the files of page ID? */
static bool
is_page_file (const char *file, const char *id)
{
  size_t n = strlen (file);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      char *tail = xasprintf ("%s.%s.md", id, lang_code ((enum lang) l));
      size_t tn = strlen (tail);
      bool match = n >= tn && strcmp (file + n - tn, tail) == 0
        && (n == tn || file[n - tn - 1] == '/');
      free (tail);
      if (match)
        return true;
    }
  return false;
}

/* Print to OUT the diagnostics about page ID's own files, if one of
   them is an error: the rest of the site is --check's business. */
static void
print_page_diags (const struct diags *d, const char *id, FILE *out)
{
  struct diags mine = DIAGS_INIT;
  for (size_t i = 0; i < d->count; i++)
    if (d->items[i].file && is_page_file (d->items[i].file, id))
      diags_add (&mine, d->items[i].file, d->items[i].line,
                 d->items[i].severity, "%s", d->items[i].message);
  if (mine.errors > 0)
    diags_print (&mine, out);
  diags_free (&mine);
}

/* --dump: the page laid out at --width in --lang, as the screen shows
   it, on stdout. */
static int
run_dump (const struct options *o)
{
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load (o->content_dir, &diags);
  if (!site)
    {
      print_errors (&diags, stderr);
      diags_free (&diags);
      return 1;
    }
  const char *id = o->page ? o->page : site->home;
  const struct page *page = id ? site_find (site, id) : NULL;
  if (id)
    print_page_diags (&diags, id, stderr);
  int status = 0;
  if (!page)
    {
      fprintf (stderr, _("%s: no page '%s' in %s\n"), PACKAGE, id ? id : "",
               o->content_dir);
      status = 1;
    }
  else
    {
      enum lang lang = o->has_lang ? o->lang : site->default_lang;
      /* Card labels and notices are in the language of the page. */
      lang_use_for_messages (lang);
      struct layout *layout = layout_page (site, page, lang, o->width);
      layout_print (layout, stdout);
      layout_free (layout);
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          fprintf (stderr, _("%s: write error: %s\n"), PACKAGE, strerror (errno));
          status = 1;
        }
    }
  site_free (site);
  diags_free (&diags);
  return status;
}

/* The full-screen guide.  The content is read as it is shown
   (content_load_lazy): start-up reads the tree's file names and the
   pages of the first screen, and errors in the tree go to stderr before
   the screen starts; a page found bad later is left out of the menus,
   or shows why in its place where a link leads to it.  --check (and
   the staff's Reload) read every file first. */
static int
run_screen (const struct options *o)
{
  struct diags diags = DIAGS_INIT;
  struct site *site = content_load_lazy (o->content_dir, &diags);
  print_errors (&diags, stderr);
  diags_free (&diags);
  if (!site)
    return 1;
  if (o->page && !site_find (site, o->page))
    {
      fprintf (stderr, _("%s: no page '%s' in %s\n"), PACKAGE, o->page,
               o->content_dir);
      site_free (site);
      return 1;
    }
  /* Staff access: why it is off goes to stderr before the screen
     takes the terminal, and to the system log (the journal), since in
     a terminal such as foot stderr is the screen itself. */
  struct staff staff;
  char *cause = NULL;
  bool staff_on = staff_load (o->staff_file, &staff, &cause);
  if (!staff_on && (o->kiosk || o->staff_given))
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, cause);
      openlog (PACKAGE, LOG_PID, LOG_USER);
      syslog (LOG_WARNING, "%s", cause);
      closelog ();
    }
  free (cause);
  struct stats stats;
  if (!stats_init (&stats, o->stats_file, time (NULL), &cause))
    fprintf (stderr, "%s: %s\n", PACKAGE, cause);
  free (cause);

  struct view_options vo = {
    .lang = o->has_lang ? o->lang : site->default_lang,
    .page = o->page,
    .kiosk = o->kiosk,
    .tap_guard_ms = NAV_TAP_GUARD_MS,
    /* Outside kiosk mode, no idle reset unless asked for. */
    .idle_seconds = o->idle_seconds > 0 ? (int) o->idle_seconds
                    : o->kiosk ? -1 : 0,
    .staff = staff_on ? &staff : NULL,
    .stats = &stats,
  };
  /* Tests that tap faster than a finger can set the double-tap guard. */
  const char *guard = getenv ("KIOSQUE_TAP_GUARD_MS");
  if (guard && *guard)
    vo.tap_guard_ms = (unsigned) strtoul (guard, NULL, 10);
  int status = view_run (site, &vo);
  stats_free (&stats);
  staff_free (&staff);
  site_free (site);
  return status;
}

int
main (int argc, char **argv)
{
  lang_init_locale ();
  /* The test suite points this at the catalogues it just built. */
  const char *localedir = getenv ("KIOSQUE_LOCALEDIR");
  bindtextdomain (PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);

  struct options o = { .mode = MODE_SCREEN, .idle_seconds = -1, .width = 80 };
  parse_options (argc, argv, &o);

  switch (o.mode)
    {
    case MODE_WRAP:
      return run_wrap (&o);
    case MODE_CHECK:
      return run_check (&o);
    case MODE_LIST:
      return run_list (&o);
    case MODE_DUMP:
      return run_dump (&o);
    case MODE_SCREEN:
      return run_screen (&o);
    }
  return 1;
}
