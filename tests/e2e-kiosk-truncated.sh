#!/bin/sh
# e2e-kiosk-truncated.sh -- a truncated mouse report does not stop the
# kiosk's clock, under xterm (SGR reports) and tmux (X10 reports).
# Once ncurses has read the start of a report it reads the rest ignoring
# any timeout, so a report cut short (a glitch on the touchscreen's
# line) used to freeze the loop until the next touch: the "staff access
# is off" notice stayed up and the idle reset never came.  Here, after
# F12 (staff access off: the notice) and a cut report, with no more
# input, the notice goes, the idle countdown comes, and a tap still
# cancels it.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

off=$(ui_long fr "Staff access is off: see kiosque --check.")

for term in $E2E_TERMS; do
  # The start of a report in the protocol the terminal type uses, and
  # less than its end: "\e[<0;12" (SGR), "\e[M " (X10, two bytes short).
  case $term in
    xterm*) cut=1b5b3c303b3132 ;;
    *) cut=1b5b4d20 ;;
  esac
  e2e "truncated-$term" "$term" 80x24 --kiosk --idle=2 \
      --staff="$tmp/no-staff.conf" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key f12
wait $off
send-raw $cut
wait-gone $off
wait $STILL_THERE_FR
tap 40 2
wait-gone $STILL_THERE_FR
wait-row 2 $(title home fr)
kill TERM
expect-exit 0
expect-restored
EOF
done
exit $fail
