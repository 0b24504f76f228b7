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

/* The same, but only the names of the files are read now: a page's
   files are read (bytes checked, front matter parsed) the first time
   its fields are asked for (page_ready()), and its body each time it is
   shown (page_text_body()).  For the screen, which shows a few pages of
   the guide: start-up costs the pages its first screen shows, and
   memory holds no body.  DIAGS gets the problems with the tree and the
   file names only: a file found bad later leaves its page out of menus
   and search, or, where a link leads to it, shows why (see struct
   page_text's BROKEN).  --check loads with content_load(). */
struct site *content_load_lazy (const char *dir, struct diags *diags);

/* Read the files of PAGE, a page of a lazily loaded site that nothing
   has asked for yet (PAGE->unread), as content_load() would have read
   them but for their bodies; PAGE->unread is then NULL.  Diagnostics
   are dropped, but for the first error of a page none of whose files
   can be read: see struct page_text's BROKEN.  page_ready() calls it. */
void content_page_complete (struct page *page);

/* As content_load() (every body checked, every diagnostic given), but
   then the bodies are left in their files as content_load_lazy() leaves
   them: for the kiosk's reload, which refuses content with an error yet
   need not hold every body. */
struct site *content_load_checked (const char *dir, struct diags *diags);

/* The body of TEXT, whose site was loaded lazily, from its file as it
   is now, checked and normalised as content_load() does (see struct
   page_text's BODY), as a malloc'd string.  NULL when it cannot be
   shown, and then *CAUSE (if CAUSE is not NULL) gets a malloc'd
   one-line reason, "FILE:LINE: message".  page_text_body() calls it. */
char *content_body_read (const struct page_text *text, char **cause);

#endif /* KIOSQUE_CONTENT_H */
