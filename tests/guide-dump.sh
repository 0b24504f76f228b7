#!/bin/sh
# guide-dump.sh -- every page of the shipped guide, laid out by --dump at
# 40 and 80 columns in French and in Vietnamese, is exactly what was
# proof-read: tests/expected/guide/LANG-WIDTH.txt, one "=== ID" line then
# the page, for every page in --list order.
#
# After a deliberate change to the content, the layout or the interface
# translations, rewrite the expected files from the build tree with
#   KIOSQUE=src/kiosque srcdir=. top_srcdir=. sh tests/guide-dump.sh --update
# and proof-read the diff before committing it.
. "${srcdir:-.}/tests/lib.sh"

update=false
[ "${1-}" = --update ] && update=true

"$KIOSQUE" --list "$CONTENT" > "$tmp/list" || fail "--list content"
cut -f1 "$tmp/list" > "$tmp/ids"
[ -s "$tmp/ids" ] || fail "no pages in $CONTENT"

for lang in fr vi; do
  for width in 40 80; do
    out="$tmp/guide.$lang.$width.txt"
    : > "$out"
    while IFS= read -r id; do
      echo "=== $id" >> "$out"
      "$KIOSQUE" --dump="$id" --lang="$lang" --width="$width" "$CONTENT" \
        >> "$out" 2>> "$tmp/err" \
        || fail "--dump=$id --lang=$lang --width=$width"
    done < "$tmp/ids"
    want="$srcdir/tests/expected/guide/$lang-$width.txt"
    if $update; then
      mkdir -p "$srcdir/tests/expected/guide" && cp "$out" "$want" || exit 99
    else
      expect_same "$want" "$out" "--dump of the guide in $lang at $width columns"
    fi
  done
done
[ -s "$tmp/err" ] && fail "--dump wrote to stderr: $(cat "$tmp/err")"

exit $fail
