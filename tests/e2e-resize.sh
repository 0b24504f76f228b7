#!/bin/sh
# e2e-resize.sh -- any size, any resize, under xterm and tmux: a storm
# of 200 random sizes from 1x1 to 300x100, then 80x24 shows the home
# screen exactly as before; 1x1 and back; below the minimum a bilingual
# "enlarge the window"; a resize keeps the place in a scrolled page;
# and after all that q still quits and restores the terminal.  Resizes
# come as soon as the screen shows what was waited for, often in the
# middle of a redraw, as a window manager's do.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# The same storm every run (a fixed seed), so a failure can be replayed;
# every tenth size stays a moment so that kiosque draws at odd sizes too.
awk 'BEGIN {
  srand(20261127)
  for (i = 1; i <= 200; i++) {
    print "resize " int(1 + rand() * 300) " " int(1 + rand() * 100)
    if (i % 10 == 0) print "sleep 30"
  }
}' >"$tmp/storm"

page=hue/ville
for id in $(awk -F'\t' '$2 != "section" { print $1 }' "$tmp/list"); do
  [ "$(dump "$id" fr 72 | wc -l)" -gt 30 ] && { page=$id; break; }
done
dump "$page" fr 72 >"$tmp/page"

for term in $E2E_TERMS; do
  e2e "resize-$term" "$term" 80x24 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
wait-row -2 ▼
snapshot home
$(cat "$tmp/storm")
alive
resize 80 24
wait-snapshot home
resize 1 1
alive
resize 80 24
wait-snapshot home
resize 30 10
wait Agrandissez la fenêtre
wait Hãy phóng to cửa sổ
resize 80 24
wait-snapshot home
key q
expect-exit 0
expect-restored
EOF

  # A page scrolled by a drag keeps its top line through a resize.
  e2e "resize-place-$term" "$term" 80x24 --page="$page" "$CONTENT" <<EOF
wait-row 2 $(title "$page" fr)
drag 40 18 40 11
$(body_waits "$tmp/page" 7 18)
snapshot scrolled
resize 120 24
$(body_waits "$tmp/page" 7 18)
resize 80 24
wait-snapshot scrolled
key q
expect-exit 0
EOF
done
exit $fail
