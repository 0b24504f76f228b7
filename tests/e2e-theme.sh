#!/bin/sh
# e2e-theme.sh -- legible without colour: with NO_COLOR set, and on a
# monochrome terminal (xterm-mono), kiosque shows no colour at all, a
# link stands out underlined and the focused button shows reversed.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# The first button of home (Tab's first stop: home's text has no link),
# and a page with a link in its text.
first=$(dump home fr 72 | sed -n 's/^│ \(.*[^ ]\)  *› │$/\1/p' | head -n 1)
for id in $(cut -f1 "$tmp/list"); do
  link=$(link_on "$id" fr)
  [ -n "$link" ] && { page=$id; break; }
done
[ -n "$first" ] && [ -n "${page:-}" ] || { echo "no button on home or no link in any page"; exit 99; }
text=$(printf '%s' "$link" | cut -f1)

# theme NAME TERM: the checks, with the environment as the caller set it.
theme () {
  e2e "$1-home" "$2" 80x24 "$CONTENT" <<SCRIPT
wait-row 2 $(title home fr)
wait $first
expect-no-colour
key tab
wait-attr reverse $first
expect-no-colour
key q
expect-exit 0
SCRIPT
  e2e "$1-link" "$2" 100x40 --page="$page" "$CONTENT" <<SCRIPT
wait-row 2 $(title "$page" fr)
wait-attr underline $text
expect-no-colour
key q
expect-exit 0
SCRIPT
}

NO_COLOR=1; export NO_COLOR
for term in $E2E_TERMS; do
  theme "no-color-$term" "$term"
done
unset NO_COLOR
theme mono xterm-mono
exit $fail
