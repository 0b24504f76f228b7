#!/bin/sh
# e2e-language.sh -- switching language keeps the page and the place:
# on a page scrolled by a drag, the language button (or F2, or l) shows
# the same page in the other language with the same block at the top of
# the body, and switching back gives exactly the screen left.  Both
# directions, under xterm and tmux.  On a screen 150 columns wide the
# button's third state shows both languages side by side.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

cols=80 rows=24
# The body: under a 3-row header, above a 3-row footer (DESIGN.md,
# "Screen"), at the 72-column measure.
body_top=4 body_h=$((rows - 6)) measure=72

# chunks FILE: for each line of a --dump, "CHUNK FIRST LAST": its block
# (blocks are separated by one empty line, which belongs to the block
# above, as the layout counts them) and the block's first and last line.
chunks () {
  awk '{ line[NR - 1] = $0 }
       END {
         c = 0
         for (i = 0; i < NR; i++) {
           if (line[i] != "" && i > 0 && line[i - 1] == "") c++
           chunk[i] = c
           if (!(c in first)) first[c] = i
           last[c] = i
         }
         for (i = 0; i < NR; i++) print chunk[i], first[chunk[i]], last[chunk[i]]
       }' "$1"
}

# The longest page of text (not a section's buttons) whose two languages
# have the same blocks, so "the same place" means something line by line.
page= best=0
for id in $(awk -F'\t' '$2 != "section" { print $1 }' "$tmp/list"); do
  dump "$id" fr $measure >"$tmp/fr" && dump "$id" vi $measure >"$tmp/vi" || continue
  [ "$(chunks "$tmp/fr" | tail -n 1 | cut -d' ' -f1)" = \
    "$(chunks "$tmp/vi" | tail -n 1 | cut -d' ' -f1)" ] || continue
  n=$(wc -l <"$tmp/fr")
  [ "$n" -gt "$best" ] && { best=$n; page=$id; }
done
[ "$best" -gt $((body_h + 7)) ] || { echo "no page long enough to scroll 7 lines"; exit 77; }

# The finger drags the body up by 7 rows, away from the title.
drag="drag 40 $((body_top + 14)) 40 $((body_top + 7))"

for term in $E2E_TERMS; do
  for from in fr vi; do
    to=$([ $from = fr ] && echo vi || echo fr)
    TO=$(echo "$to" | tr a-z A-Z) FROM=$(echo "$from" | tr a-z A-Z)
    dump "$page" $from $measure >"$tmp/from"
    dump "$page" $to $measure >"$tmp/to"
    name=lang-$term-$from

    # Where the drag leaves the body: read it off the screen.
    e2e "$name-find" "$term" ${cols}x$rows --lang=$from --page="$page" "$CONTENT" <<EOF || continue
wait-row 2 $(title "$page" $from)
$drag
wait-gone $(sed -n 2p "$tmp/from")
screen
key q
expect-exit 0
EOF
    sed -n "${body_top},$((body_top + body_h - 1))p" "$tmp/$name-find.out" >"$tmp/body"
    top=$(awk -v h=$body_h '
      function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
      NR == FNR { d[n++] = trim($0); next }
      { b[m++] = trim($0) }
      END {
        for (t = 0; t < n; t++) {
          for (i = 0; i < h && (t + i < n ? d[t + i] : "") == b[i]; i++) ;
          if (i == h) { print t; exit }
        }
        print -1
      }' "$tmp/from" "$tmp/body")
    if [ "$top" -le 0 ]; then
      fail "$name: the body after the drag is no scrolled view of --dump=$page"
      continue
    fi

    # The same block at the top in the other language: its line at the
    # same offset (or the block's last), unless the page ends sooner.
    set -- $(chunks "$tmp/from" | sed -n "$((top + 1))p")
    block=$1 offset=$((top - $2))
    set -- $(chunks "$tmp/to" | awk -v b="$block" '$1 == b { print; exit }')
    [ $# -eq 3 ] || { fail "$name: no block $block in $to"; continue; }
    want=$(($2 + offset))
    [ $want -gt $3 ] && want=$3
    n=$(wc -l <"$tmp/to")
    [ $want -gt $((n - body_h)) ] && want=$((n - body_h))
    [ $want -lt 0 ] && want=0
    expect_rows=$(awk -v t=$want -v h=$body_h -v r=$body_top '
      NR > t && NR <= t + h && $0 != "" { print "wait-row " r + NR - 1 - t " " $0 }' "$tmp/to")

    # Switch by the button under xterm, by F2 and l under tmux.
    case $term in
      xterm*) go="tap-word $TO" back="tap-word $FROM" ;;
      *) go="key f2" back="key l" ;;
    esac
    e2e "$name" "$term" ${cols}x$rows --lang=$from --page="$page" "$CONTENT" <<EOF
wait-row 2 $(title "$page" $from)
$drag
wait-gone $(sed -n 2p "$tmp/from")
snapshot before
$go
wait-row 2 $(title "$page" $to)
$expect_rows
sleep 500
$back
wait-snapshot before
key q
expect-exit 0
EOF
  done

  # Wide: FR, VI, then both side by side, the titles on one row.
  e2e "lang-$term-both" "$term" 160x40 --page="$page" "$CONTENT" <<EOF
wait-row 2 $(title "$page" fr)
tap-word FR+VI
wait-row 4 $(title "$page" vi)
expect-row 4 $(title "$page" fr)
key q
expect-exit 0
EOF
done
exit $fail
