#!/bin/sh
# Each library is used by one layer only (DESIGN.md, "Architecture"):
# libunistring by the text engine, libyaml by the loader, curses by the
# view, libcmark by the loader and the layout.
. "$srcdir/tests/lib.sh"
cd "$top_srcdir/src" || exit 99
only () {
  pattern=$1 allowed=$2 what=$3
  for f in $(grep -l -E "$pattern" *.c *.h); do
    echo "$f" | grep -q -E "^($allowed)$" || fail "$f uses $what"
  done
}
only '#include <uni(str|norm|lbrk|width|gbrk|case|ctype|conv|stdio|name|types|wbrk)\.h>' 'text\.[ch]|wrap\.c' libunistring
only '#include <yaml\.h>' 'content[-a-z]*\.c' libyaml
only '#include <n?curses[w]?\.h>|#include <ncursesw/' 'view[-a-z]*\.c' curses
only '#include <cmark\.h>' 'content[-a-z]*\.c|layout[-a-z]*\.c' libcmark
exit $fail
