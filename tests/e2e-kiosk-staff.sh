#!/bin/sh
# e2e-kiosk-staff.sh -- staff access in kiosk mode, with a finger, under
# xterm and tmux.  A wrong PIN is said; after five the pad locks and
# refuses even the right PIN.  In a fresh run, five taps on the header's
# top-left corner open the pad, the right PIN opens the staff menu:
# Statistics counts the pages seen, Default language switches the guide
# to Vietnamese, and Exit ends kiosque with status 0 and the terminal
# given back.  Esc on the pad goes back to the guide.  A staff file
# others can read turns staff access off: F12 and the gesture only say
# so, and --check says why.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

staff=$tmp/staff.conf
staff_file "$staff" 600
section=$(sections | head -n 1)
pad=$(ui_long fr "Type the staff PIN on the keys below.")
menu=$(ui_long fr "Staff menu")
wrong=$(ui_long fr "Wrong PIN.")
locked=$(ui_head fr "Too many wrong PINs. Wait: %u s")
off=$(ui_long fr "Staff access is off: see kiosque --check.")

for term in $E2E_TERMS; do
  # Wrong PINs, then the lock that holds even against the right one.
  e2e "pin-lock-$term" "$term" 80x24 --kiosk --staff="$staff" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key f12
wait $pad
$(pin_taps 1357)
wait $wrong
# Each try waits for the answer to the one before (typing clears it).
$(for i in 2 3 4; do
    echo "tap-word 1"
    echo "wait-gone $wrong"
    pin_taps 111
    echo "wait $wrong"
  done)
expect-not $menu
tap-word 1
wait-gone $wrong
$(pin_taps 111)
wait $locked
$(pin_taps $PIN)
sleep 500
expect $locked
expect-not $menu
alive
# Esc leaves the pad for the guide.
key esc
wait-row 2 $(title home fr)
kill TERM
expect-exit 0
expect-restored
EOF

  # The gesture, the right PIN, the menu, Exit.
  e2e "staff-menu-$term" "$term" 100x60 --kiosk --staff="$staff" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
tap-text $(title "$section" fr)
wait-row 2 $(title "$section" fr)
tap-text ◀
wait-row 2 $(title home fr)
tap 2 1
tap 3 1
tap 2 1
tap 4 1
expect-not $pad
tap 2 1
wait $pad
$(pin_taps $PIN)
wait $menu
tap-text $(ui_long fr Statistics)
wait $(ui_head fr "Visits (a touch on the welcome screen): %lu")
wait-row 7 FR
wait-row 8 2      0   home
wait-row 9 1      0   $section
tap-text ◀
wait $menu
tap-text $(ui_head fr "Default language: %s")
wait Tiếng Việt
tap-text $(ui_long vi "Back to the guide")
wait-row 2 $(title home vi)
key f12
wait $(ui_long vi "Type the staff PIN on the keys below.")
$(pin_taps $PIN vi)
wait $(ui_long vi "Staff menu")
tap-text $(ui_long vi "Exit kiosque")
expect-exit 0
expect-restored
EOF

  # A staff file others can read: no pad, only a notice.
  chmod 644 "$staff"
  e2e "staff-off-$term" "$term" 80x24 --kiosk --staff="$staff" "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key f12
wait $off
expect-not $pad
wait-gone $off
$(for i in 1 2 3 4 5; do echo "tap 1 1"; done)
wait $off
expect-not $pad
kill TERM
expect-exit 0
expect-restored
EOF
  chmod 600 "$staff"
done

# --check says whether staff access is on, and why not.
"$KIOSQUE" --check --staff="$staff" "$CONTENT" >"$tmp/check-on" 2>&1 \
  || fail "--check with a good staff file"
grep -q "staff access is on" "$tmp/check-on" || fail "--check: staff access on"
chmod 644 "$staff"
"$KIOSQUE" --check --staff="$staff" "$CONTENT" >"$tmp/check-off" 2>&1 \
  || fail "--check status with a staff file others can read"
grep -q "staff access is off" "$tmp/check-off" || fail "--check: staff access off"
grep -q "chmod 600" "$tmp/check-off" || fail "--check: no chmod 600 advice"
"$KIOSQUE" --check --staff="$tmp/none.conf" "$CONTENT" >"$tmp/check-none" 2>&1
grep -q "staff access is off" "$tmp/check-none" || fail "--check: no staff file"
# The log says it too, before the screen starts.
"$KIOSQUE" --kiosk --staff="$staff" "$CONTENT" </dev/null >/dev/null 2>"$tmp/log"
grep -q "staff access is off" "$tmp/log" || fail "no log line for staff access off"
exit $fail
