#!/bin/sh
# e2e-valgrind.sh -- the interactive screen under valgrind memcheck: no
# invalid read or write, no use of uninitialised memory, no byte
# definitely lost, and kiosque still ends with status 0.  Valgrind is
# some thirty times slower, so this is a chosen subset of the end-to-end
# scenarios, in two runs under xterm: the guide (home, a section and a
# page by taps, Back, the language button, a search typed by taps on
# the on-screen keyboard and a result opened, a few resizes down to
# 1x1 and up to 200x60, the help, q); and kiosk mode (the idle
# countdown, the attract screen, a tap for a fresh visit, F12's PIN pad
# and Esc out of it, SIGTERM).  Skipped without valgrind, and in the
# sanitizer build (valgrind cannot run over AddressSanitizer).
. "${srcdir:-.}/tests/lib.sh"

if [ "${SANITIZED:-no}" = yes ]; then
  echo "skip: the sanitizer build does not run under valgrind"
  exit 77
fi
if ! command -v valgrind >/dev/null 2>&1; then
  echo "skip: valgrind is not installed (Debian package valgrind)"
  exit 77
fi
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"
E2E_TIMEOUT=60

# A section with pages whose button shows on the first screen of home
# at 80x24 (18 body rows), and its first page.
dump home fr 72 | head -n 18 >"$tmp/home-top"
for s in $(sections); do
  child=$(children "$s" | head -n 1)
  [ -n "$child" ] || continue
  grep -qF -- "$(title "$s" fr)" "$tmp/home-top" || continue
  section=$s
  break
done
[ -n "${section:-}" ] || { echo "no section with pages in $CONTENT"; exit 99; }
staff=$tmp/staff.conf
staff_file "$staff" 600

# vg NAME SCRIPT-ON-STDIN KIOSQUE-ARG...: e2e with kiosque under
# memcheck, its report in $tmp/NAME.vg; then the report must say 0
# errors and 0 bytes definitely lost.
real_kiosque=$KIOSQUE
vg () {
  name=$1
  shift
  KIOSQUE=valgrind
  e2e "$name" xterm-256color 80x24 --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="$tmp/$name.vg" "$real_kiosque" "$@"
  KIOSQUE=$real_kiosque
  log=$tmp/$name.vg
  if ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
    cat "$log" >&2
    fail "$name: valgrind found errors"
  elif grep -q 'definitely lost: [1-9]' "$log"; then
    cat "$log" >&2
    fail "$name: valgrind found memory definitely lost"
  else
    echo "$name: $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log");" \
      "$(grep -o 'definitely lost: [0-9,]* bytes' "$log" || echo 'no leak')"
  fi
}

vg vg-guide "$CONTENT" <<EOF
wait-row 2 $(title home fr)
tap-text $(title "$section" fr)
wait-row 2 $(title "$section" fr)
tap-text $(title "$child" fr)
wait-row 2 $(title "$child" fr)
key backspace
wait-row 2 $(title "$section" fr)
tap-word VI
wait-row 2 $(title "$section" vi)
tap-text $(ui vi Search)
wait-row 2 $(ui vi Search)
tap-key H
wait-row 4 h
tap-key U
wait-row 4 hu
tap-key E
wait-row 4 hue
resize 1 1
settle
resize 200 60
settle
resize 30 10
settle
resize 80 24
wait-row 4 hue
key esc
wait-row 2 $(title "$section" vi)
key ?
wait-row 2 $(ui vi Help)
key esc
wait-row 2 $(title "$section" vi)
key q
expect-exit 0 60
EOF

vg vg-kiosk --kiosk --idle=2 --staff="$staff" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
tap-text $(title "$section" fr)
wait-row 2 $(title "$section" fr)
wait $STILL_THERE_FR
wait $WELCOME_FR
tap 40 12
wait-gone $WELCOME_FR
wait-row 2 $(title home fr)
key f12
wait $(ui_long fr "Type the staff PIN on the keys below.")
tap-word 1
tap-word 3
key esc
wait-gone $(ui_long fr "Type the staff PIN on the keys below.")
wait-row 2 $(title home fr)
kill TERM
expect-exit 0 60
expect-restored
EOF
exit $fail
