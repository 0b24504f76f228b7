#!/bin/sh
# Every source file that marks strings for translation is in po/POTFILES.in,
# and every file listed there exists: otherwise its strings stay English.
. "$srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 99
for f in $(grep -l -E '\b(N?_|ngettext) ?\(' src/*.c); do
  grep -qx "$f" po/POTFILES.in || fail "$f uses _() but is not in po/POTFILES.in"
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done
exit $fail
