/* kiosk-report.h -- what the staff menu's reports say: the content
   diagnostics (as --check gives them), the usage statistics, and the
   outcome of a reload, which it also performs.  Plain text paragraphs,
   wrapped by whoever shows them; no terminal here. */
#ifndef KIOSQUE_KIOSK_REPORT_H
#define KIOSQUE_KIOSK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "stats.h"

/* A report: paragraphs of UTF-8 text, an empty one for a blank line. */
struct kiosk_report
{
  char **lines;
  size_t count;
  size_t cap;
};

#define KIOSK_REPORT_INIT { NULL, 0, 0 }

/* Empty R (it can be filled again). */
void kiosk_report_clear (struct kiosk_report *r);

/* Add a paragraph to R. */
void kiosk_report_add (struct kiosk_report *r, const char *fmt, ...)
  ATTRIBUTE_PRINTF (2, 3);

/* Fill R with what --check says about DIR now: every diagnostic, then
   the count. */
void kiosk_report_check (struct kiosk_report *r, const char *dir);

/* Fill R with STATS at NOW: since when, visits, idle resets, and the
   page views per page and language, most viewed first, each with its
   title from SITE in LANG. */
void kiosk_report_stats (struct kiosk_report *r, const struct stats *stats,
                         const struct site *site, enum lang lang);

/* Load DIR afresh for a reload.  The new site is returned only when it
   loaded without a single error (warnings are fine) and has its home
   page; otherwise NULL, and the caller keeps the content it has.  Either
   way R says what happened and lists the diagnostics.  Every body is
   checked, then left in its file (content_load_checked), as at
   start-up.  The site is freed with site_free(). */
struct site *kiosk_report_reload (struct kiosk_report *r, const char *dir);

/* For --check: one line on OUT about the staff file PATH, saying
   whether staff access is on and, if not, why.  False when it is off. */
bool kiosk_report_staff_file (const char *path, FILE *out);

#endif /* KIOSQUE_KIOSK_REPORT_H */
