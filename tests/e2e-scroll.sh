#!/bin/sh
# e2e-scroll.sh -- scrolling a long page by touch and by keys, under
# xterm and tmux at 80x24: a drag moves the text with the finger (the
# line under it stays under it), a drag back returns to the top; the
# wheel scrolls down and back; ▼ and ▲ move by a screen, as do PgDn,
# PgUp and Space, and the position indicator follows.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

cols=80 rows=24
body_top=4 body_h=$((rows - 6)) measure=72

# The longest page of text.
page= best=0
for id in $(awk -F'\t' '$2 != "section" { print $1 }' "$tmp/list"); do
  n=$(dump "$id" fr $measure | wc -l)
  [ "$n" -gt "$best" ] && { best=$n; page=$id; }
done
[ "$best" -gt $((body_h + 7)) ] || { echo "no page long enough to scroll 7 lines"; exit 77; }
dump "$page" fr $measure >"$tmp/page"

# A finger from row 18 to row 11: the line under it follows it.
from=$((body_top + 14)) to=$((body_top + 7))
for term in $E2E_TERMS; do
  e2e "scroll-$term" "$term" ${cols}x$rows --page="$page" "$CONTENT" <<EOF
wait-row 2 $(title "$page" fr)
$(body_waits "$tmp/page" 0 $body_h)
snapshot top
expect-row -2 1/
drag 40 $from 40 $to
$(body_waits "$tmp/page" $((from - to)) $body_h)
drag 40 $to 40 $from
wait-snapshot top
wheel down 40 10
wait-gone $(sed -n 2p "$tmp/page")
wheel up 40 10
wait-snapshot top
tap-key ▼
wait-row -2 2/
tap-key ▲
wait-snapshot top
key pgdn
wait-row -2 2/
key pgup
wait-snapshot top
key space
wait-row -2 2/
key q
expect-exit 0
expect-restored
EOF
done
exit $fail
