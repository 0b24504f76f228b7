#!/bin/sh
# e2e-kiosk-idle.sh -- the idle reset, under xterm and tmux, with a
# short --idle: a visitor opens a page in Vietnamese and searches, then
# walks away.  The bilingual "are you still there?" countdown comes over
# the search; a tap cancels it and keeps the search as it was.  Left
# alone again, the countdown runs out into the attract screen, and the
# next touch starts a fresh visit: home in the site's default language
# (French), Back does nothing, the search is empty.  --stats has a CSV
# row for every page shown, the idle reset and the visit.  Outside kiosk
# mode --idle works the same way, and q still quits.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

for s in $(sections); do
  child=$(children "$s" | head -n 1)
  [ -n "$child" ] && { section=$s; break; }
done
[ -n "${section:-}" ] || { echo "no section with pages in $CONTENT"; exit 99; }
hint=$(ui_long fr "Tap the letters below to search the guide; accents are not needed.")

for term in $E2E_TERMS; do
  csv=$tmp/stats-$term.csv
  e2e "idle-$term" "$term" 100x40 --kiosk --idle=2 --lang=vi --stats="$csv" \
      "$CONTENT" <<EOF
wait-row 2 $(title home vi)
tap-text $(title "$section" vi)
wait-row 2 $(title "$section" vi)
tap-text $(title "$child" vi)
wait-row 2 $(title "$child" vi)
key /
wait-row 2 $(ui_long vi Search)
keys hue
wait-row 4 hue
# Two seconds without input: the countdown, in both languages at once.
wait $STILL_THERE_FR
wait $STILL_THERE_VI
# A tap anywhere: it goes, and the search is still there.
tap 3 10
wait-gone $STILL_THERE_FR
wait-row 4 hue
expect-row 2 $(ui_long vi Search)
# Left alone: the countdown (ten seconds), then the attract screen.
timeout 30
wait $STILL_THERE_VI
wait $WELCOME_FR
wait $WELCOME_VI
expect-not $(title "$child" vi)
timeout $E2E_TIMEOUT
# The first touch: a fresh visit.
tap 50 20
wait-gone $WELCOME_FR
wait-row 2 $(title home fr)
wait-row 4 $(title home fr)
snapshot fresh
tap-text ◀
sleep 500
wait-snapshot fresh
key backspace
sleep 200
wait-snapshot fresh
key /
wait $hint
key esc
wait-snapshot fresh
kill TERM
expect-exit 0
expect-restored
EOF
  cut -d, -f2- "$csv" >"$tmp/rows" 2>/dev/null
  cat >"$tmp/rows.expected" <<EOF
event,page,language
view,"home",vi
view,"$section",vi
view,"$child",vi
idle-reset,"",
visit,"",
view,"home",fr
EOF
  expect_same "$tmp/rows.expected" "$tmp/rows" "--stats rows ($term)"
  head -n 1 "$csv" | grep -qx 'time,event,page,language' \
    || fail "--stats header ($term)"
  sed -n '2,$p' "$csv" | grep -Evq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2},' \
    && fail "--stats rows without an ISO time ($term)"
done

# Outside kiosk mode, --idle alone gives the same countdown; q quits.
e2e "idle-nokiosk" xterm-256color 80x24 --idle=2 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
wait $STILL_THERE_FR
key x
wait-gone $STILL_THERE_FR
key q
expect-exit 0
expect-restored
EOF
exit $fail
