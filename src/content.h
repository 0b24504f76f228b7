/* content.h -- load a content directory into a site: front matter with
   libyaml, bodies checked with libcmark, NFC and French typography at
   load.  The only code that includes yaml.h. */
#ifndef KIOSQUE_CONTENT_H
#define KIOSQUE_CONTENT_H

#include "diag.h"
#include "model.h"

/* Files over this size are refused with a diagnostic: a guide page is a
   few kilobytes, and a kiosk must not read a stray 100 MB file. */
#define CONTENT_MAX_FILE_SIZE (1024 * 1024)

/* Load DIR.  Every problem is added to DIAGS as a FILE:LINE diagnostic;
   bad files are skipped and every good page loads.  Returns NULL only
   when DIR itself cannot be read (the reason is in DIAGS).  The site is
   freed with site_free(). */
struct site *content_load (const char *dir, struct diags *diags);

#endif /* KIOSQUE_CONTENT_H */
