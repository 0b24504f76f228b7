#!/bin/sh
# e2e-resize-race.sh -- a resize that arrives while kiosque is drawing
# must not be lost: the terminal is resized the moment the first frame
# starts to show, and the new size's layout must follow (the body
# centred 14 columns in at 100 columns).  ncurses 6.4 loses such a
# SIGWINCH about one time in five (a Python curses program does too);
# the view must notice the new size itself.  Each terminal type gets 10
# tries, so a lost resize cannot hide by luck.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

home=$(title home fr)
for term in $E2E_TERMS; do
  lost=0
  for i in 1 2 3 4 5 6 7 8 9 10; do
    TERM=$term "$KIOSQUE_TERM" -t 2 "$KIOSQUE" "$CONTENT" \
      >"$tmp/race.out" 2>"$tmp/race.err" <<SCRIPT || lost=$((lost + 1))
wait-row 2 $home
resize 100 30
wait-row 4               $home
SCRIPT
  done
  [ $lost -eq 0 ] || { cat "$tmp/race.err" >&2; fail "$term: $lost resizes in 10 were lost"; }
done
exit $fail
