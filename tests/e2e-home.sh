#!/bin/sh
# e2e-home.sh -- the home screen as a visitor first sees it, in French
# and in Vietnamese, under xterm and tmux: the site title and the
# language button in the header, the home page's title in the
# breadcrumb, every section as a button, the footer's buttons; and `q`
# quits leaving the terminal as it was (main screen, mouse off).
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

for term in $E2E_TERMS; do
  for lang in fr vi; do
    # Tall enough for every section button at once.
    e2e "home-$term-$lang" "$term" 100x60 --lang="$lang" "$CONTENT" <<EOF
wait-row 1 $(site_title "$lang")
wait-row 2 $(title home "$lang")
$(for s in $(sections); do echo "wait $(title "$s" "$lang")"; done)
expect-row 2 FR
expect-row 2 VI
expect-row -2 ◀ $(ui "$lang" Back)
expect-row -2 ⌂ $(ui "$lang" Home)
expect-row -2 $(ui "$lang" Search)
expect-row -2 ▲
expect-row -2 ▼
key q
expect-exit 0
expect-restored
EOF
  done
  # The everyday size: the header, the start of the page, the footer.
  e2e "home-$term-80x24" "$term" 80x24 "$CONTENT" <<EOF
wait-row 1 $(site_title fr)
wait-row 2 $(title home fr)
expect-row 4 $(title home fr)
expect-row -2 ◀
expect-row -2 ▼
key q
expect-exit 0
expect-restored
EOF
done
exit $fail
