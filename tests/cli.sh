#!/bin/sh
# The command line: translated help whatever the locale, version, and
# usage errors that exit with status 2 and say what was wrong.
. "$srcdir/tests/lib.sh"

# --help follows LANGUAGE, even where only C.UTF-8 exists or LANG is C.
LANGUAGE=vi "$KIOSQUE" --help > "$tmp/vi" || fail "--help exit status"
grep -q 'Cách dùng' "$tmp/vi" || fail "LANGUAGE=vi --help is not Vietnamese"
LANGUAGE=fr "$KIOSQUE" --help > "$tmp/fr" || fail "--help exit status"
grep -q 'Utilisation' "$tmp/fr" || fail "LANGUAGE=fr --help is not French"
env -u LC_ALL -u LANG LANGUAGE=fr "$KIOSQUE" --help > "$tmp/unset"
cmp -s "$tmp/fr" "$tmp/unset" || fail "--help with LANG unset differs"
env -u LC_ALL LANG=C LANGUAGE=vi "$KIOSQUE" --help > "$tmp/c"
cmp -s "$tmp/vi" "$tmp/c" || fail "--help with LANG=C is not Vietnamese"
"$KIOSQUE" --help | grep -q 'Usage: kiosque' || fail "English --help"

"$KIOSQUE" --version | grep -q '^kiosque ' || fail "--version"

# usage ERROR-TEXT ARGS...: the error exits 2 and names the problem.
usage () {
  want=$1; shift
  "$KIOSQUE" "$@" > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status -eq 2 ] || fail "kiosque $*: exit $status, want 2"
  grep -q -- "$want" "$tmp/err" || fail "kiosque $*: no '$want' in: $(cat "$tmp/err")"
  [ -s "$tmp/out" ] && fail "kiosque $*: wrote to stdout"
}
usage "unknown language 'de'" --lang=de
usage "invalid width 'abc'" --width=abc
usage "invalid width '0'" --wrap=0
usage "invalid idle time '-5'" --idle=-5
usage "extra operand 'b'" a b
usage "unrecognized option" --bogus
LANGUAGE=fr "$KIOSQUE" --lang=de 2> "$tmp/err"
grep -q "langue inconnue" "$tmp/err" || fail "usage error not translated: $(cat "$tmp/err")"
exit $fail
