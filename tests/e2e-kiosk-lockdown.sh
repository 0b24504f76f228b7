#!/bin/sh
# e2e-kiosk-lockdown.sh -- kiosk mode as a mischievous visitor with a
# keyboard tries it, under xterm and tmux: Ctrl-C, Ctrl-Z, Ctrl-\,
# Ctrl-D, Ctrl-S, q, Q, Esc, F10, Alt-q and escape sequences no terminal
# sends each leave it running with the screen exactly as it was; an
# INT signal does nothing either.  SIGTERM and SIGHUP (systemctl stop, a
# closed terminal) end it with status 0 and the terminal given back.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

for term in $E2E_TERMS; do
  e2e "lockdown-$term" "$term" 80x24 --kiosk "$CONTENT" <<EOF
wait-row 1 $(site_title fr)
wait-row 2 $(title home fr)
wait-row -2 ▼
snapshot home
$(for k in ctrl-c ctrl-z 'ctrl-\' ctrl-d ctrl-s ctrl-q q Q esc f10; do
    printf 'key %s\nsleep 100\nalive\nwait-snapshot home\n' "$k"
  done)
keys \eq
sleep 100
alive
wait-snapshot home
# Sequences no key sends: unknown CSI and SS3 finals, a paste, an OSC.
keys \e[999~
keys \e[24;5~
keys \eOZ
keys \e[200~paste\e[201~
keys \e]0;x\x07
keys \e[[Z
sleep 200
alive
wait-snapshot home
kill INT
sleep 200
alive
wait-snapshot home
kill TERM
expect-exit 0
expect-restored
EOF

  # The signals also end it from any screen: here the help.
  e2e "hangup-$term" "$term" 80x24 --kiosk "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key ?
wait-row 2 $(ui_long fr Help)
kill HUP
expect-exit 0
expect-restored
EOF
done
exit $fail
