#!/bin/sh
# The full-screen mode refuses, with a message and status 1, what it
# cannot show: no terminal, a terminal that cannot place the cursor, a
# --page the guide lacks; and it gives the terminal back on q.
. "$srcdir/tests/lib.sh"

# No terminal: nothing is written to stdout, and --dump is suggested.
"$KIOSQUE" "$CONTENT" < /dev/null > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail "no terminal: exit status is not 1"
[ -s "$tmp/out" ] && fail "no terminal: something was written to stdout"
grep -q -- '--dump' "$tmp/err" || fail "no terminal: the message does not point to --dump: $(cat "$tmp/err")"

# An unknown page is an error before the screen starts.
"$KIOSQUE" --page=no/such/page "$CONTENT" < /dev/null > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail "--page=no/such/page: exit status is not 1"
grep -q "no/such/page" "$tmp/err" || fail "--page=no/such/page: the message does not name the page"

# In a pseudo-terminal (script(1) from util-linux makes one).
if ! script -q -c true /dev/null > /dev/null 2>&1; then
  echo "script(1) is missing: the terminal checks are skipped"
  exit $fail
fi

# TERM=dumb cannot place the cursor: refused, status 1.
TERM=dumb script -q -c "'$KIOSQUE' '$CONTENT'; echo status=\$?" /dev/null \
  < /dev/null > "$tmp/dumb" 2>&1
grep -q 'status=1' "$tmp/dumb" || fail "TERM=dumb: not refused: $(cat "$tmp/dumb")"
grep -q 'cannot show a full screen' "$tmp/dumb" || fail "TERM=dumb: no message"

# q quits with status 0 and turns the drag reports off again.
(sleep 1; printf q) | script -q -c "stty rows 24 cols 80; '$KIOSQUE' '$CONTENT'; echo status=\$?" \
  /dev/null > "$tmp/q" 2>&1
grep -q 'status=0' "$tmp/q" || fail "q: exit status is not 0"
grep -q 'Hué' "$tmp/q" || fail "q: the home page was not drawn"
on=$(grep -c "$(printf '\033')\[?1002h" "$tmp/q")
off=$(grep -c "$(printf '\033')\[?1002l" "$tmp/q")
[ "$on" -ge 1 ] && [ "$off" -ge 1 ] || fail "drag reports (mode 1002) not turned on then off"
exit $fail
