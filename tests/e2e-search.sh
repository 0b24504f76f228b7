#!/bin/sh
# e2e-search.sh -- search as a visitor does it, in both languages under
# xterm and tmux: the Search button, then H, U, E tapped on the
# on-screen keyboard.  Every page whose title says Hué (Huế in
# Vietnamese) must be listed, all above the pages found only in their
# text; a tap on a result opens it.  With the real keyboard, "duc"
# (no accents) finds Phường Đúc, typed at once and typed after a
# while on the search screen (its index built meanwhile).
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# title_matches LANG ERE: the titles in LANG with a word starting so.
title_matches () {
  awk -F'\t' -v c="$([ "$1" = vi ] && echo 4 || echo 3)" -v re="(^|[^[:alpha:]])($2)" \
    '$c ~ re { print $c }' "$tmp/list"
}

for term in $E2E_TERMS; do
  for lang in fr vi; do
    title_matches "$lang" 'Hu(e|é|ế)|HU(E|É|Ế)' >"$tmp/hue-$lang"
    [ -s "$tmp/hue-$lang" ] || { fail "no title in $lang says Hué"; continue; }
    search=$(ui "$lang" Search)
    first=$(head -n 1 "$tmp/hue-$lang")
    # Tall: every title result fits above the keyboard.
    e2e "search-$term-$lang" "$term" 100x90 --lang="$lang" "$CONTENT" <<EOF
wait-row 2 $(title home "$lang")
tap-text $search
wait-row 2 $search
tap-key H
tap-key U
tap-key E
$(sed 's/^/wait /' "$tmp/hue-$lang")
screen
tap-text $first
wait-row 2 $first
expect-row 4 $first
key q
expect-exit 0
EOF
    # Rows that are exactly a page title are the results' titles; those
    # that say Hué come first.
    cut -f3,4 "$tmp/list" | tr '\t' '\n' | sort -u >"$tmp/titles"
    awk 'NR == FNR { t[$0] = 1; next }
         { s = $0; sub(/^ +/, "", s) } s in t { print FNR "\t" s }' \
      "$tmp/titles" "$tmp/search-$term-$lang.out" >"$tmp/results"
    awk -F'\t' 'NR == FNR { hue[$0] = 1; next }
      !($2 in hue) { other = 1 }
      ($2 in hue) && other { print "  " $2 " is listed below a page without Hué in its title"; bad = 1 }
      END { exit bad }' "$tmp/hue-$lang" "$tmp/results" >&2 \
      || fail "search-$term-$lang: titles do not rank above bodies"
  done

  # The real keyboard, without accents: "/" then "duc".
  duc=$(title_matches fr 'Đúc' | head -n 1)
  e2e "search-keys-$term" "$term" 100x60 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key /
wait-row 2 $(ui fr Search)
keys duc
wait $duc
key esc
wait-row 2 $(title home fr)
key q
expect-exit 0
EOF

  # The search screen builds its index while the visitor looks at the
  # keyboard, a few pages at a time: typed later, the same is found.
  e2e "search-idle-$term" "$term" 100x60 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
key /
wait-row 2 $(ui fr Search)
sleep 1500
keys duc
wait $duc
key esc
wait-row 2 $(title home fr)
key q
expect-exit 0
EOF
done
exit $fail
