/* system.h -- included first by every kiosque source file. */
#ifndef KIOSQUE_SYSTEM_H
#define KIOSQUE_SYSTEM_H

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libintl.h>

/* Interface strings go through gettext; page text never does. */
#define _(msgid) gettext (msgid)
#define N_(msgid) msgid

#define ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))

#if defined __GNUC__
# define ATTRIBUTE_PRINTF(fmt, args) __attribute__ ((format (printf, fmt, args)))
#else
# define ATTRIBUTE_PRINTF(fmt, args)
#endif

#include "xalloc.h"

#endif /* KIOSQUE_SYSTEM_H */
