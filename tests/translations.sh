#!/bin/sh
# Both catalogues are complete and clean: no untranslated or fuzzy
# message, UTF-8 charset, and msgfmt --check passes.
. "$srcdir/tests/lib.sh"
command -v msgfmt >/dev/null || exit 77
for l in fr vi; do
  po=$top_srcdir/po/$l.po
  grep -q 'charset=UTF-8' "$po" || fail "$l.po does not declare charset=UTF-8"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) \
    || fail "msgfmt --check $l.po: $stats"
  case $stats in
    *untranslated*|*fuzzy*) fail "$l.po is incomplete: $stats" ;;
  esac
  echo "$l.po: $stats"
done
exit $fail
