#!/bin/sh
# e2e-redraw.sh -- kiosque writes to the terminal only the rows that changed
# since the last frame: whatever was drawn over a row must still come off it.
# Under xterm and tmux, at 80x24 and 200x60: the language switched
# round (through both side by side at 200x60), a page and Back, search letters typed then erased,
# and kiosk mode's countdown over the search results, cancelled by a
# tap, each leave the screen exactly as it was before; so do ^Z, ^L and
# a stop and continue.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

# Home's first card: it shows even at 80x24, and opens its page.
card=$(dump home fr 72 | sed -n 's/^│ \(.*[^ ]\)  *› │$/\1/p' | head -n 1)
[ -n "$card" ] || { echo "no card on home"; exit 99; }

for term in $E2E_TERMS; do
  for size in 80x24 200x60; do
    # l goes FR, VI, then (wide enough) both side by side, then FR.
    both=
    [ "$size" = 200x60 ] && both="key l
wait-row 4 │ $(title home vi)"
    e2e "redraw-$term-$size" "$term" "$size" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
wait-row -2 ▼
snapshot home
key l
wait-row 2 $(title home vi)
$both
key l
wait-snapshot home
tap-text $card
wait-row 2 $card
key backspace
wait-snapshot home
key /
wait-row 2 $(ui_long fr Search)
snapshot search
keys hue
wait-row 4 hue
key backspace
key backspace
key backspace
wait-snapshot search
key esc
wait-snapshot home
key q
expect-exit 0
EOF
    e2e "redraw-kiosk-$term-$size" "$term" "$size" --kiosk --idle=3 \
        "$CONTENT" <<EOF
wait-row -2 ▼
key /
wait-row 2 $(ui_long fr Search)
keys hue
wait-row 4 hue
snapshot found
wait $STILL_THERE_FR
tap 3 10
wait-gone $STILL_THERE_FR
wait-snapshot found
EOF
  done
  # ^Z gives the terminal back and stops; here, where no shell can
  # resume it (its process group is orphaned), the stop is dropped and
  # the guide must come back whole at once.  A stop and continue from
  # outside, and ^L, redraw it whole too; they come first, as a SIGCONT
  # would discard a ^Z not yet handled.  The bytes it wrote must leave
  # the alternate screen twice: at ^Z and at the end.
  if ! TERM=$term "$KIOSQUE_TERM" -s 80x24 -t "$E2E_TIMEOUT" \
         -l "$tmp/suspend-$term.log" "$KIOSQUE" "$CONTENT" \
         >"$tmp/suspend.out" 2>"$tmp/suspend.err" <<EOF
wait-row 2 $(title home fr)
wait-row -2 ▼
snapshot home
kill STOP
kill CONT
wait-snapshot home
key ctrl-l
wait-snapshot home
key ctrl-z
wait-snapshot home
key down
key up
wait-snapshot home
key q
expect-exit 0
expect-restored
EOF
  then
    cat "$tmp/suspend.err" >&2
    fail "redraw-suspend-$term: the screen did not come back whole"
  fi
  rmcup=$(tput -T "$term" rmcup)
  left=$(grep -aoF "$rmcup" "$tmp/suspend-$term.log" | wc -l)
  [ "$left" -eq 2 ] \
    || fail "redraw-suspend-$term: the alternate screen was left $left times, not 2"
done
exit $fail
