#!/bin/sh
# --dump prints a page as a visitor reads it on screen: the fixture site
# at 20, 40 and 80 columns in both languages, against expected files
# tests/expected/ID-LANG-WIDTH.txt.  After a deliberate change to the
# layout or to the translations, run this test with KIOSQUE_REGENERATE=1
# to rewrite the expected files, then read every one before committing.
. "$srcdir/tests/lib.sh"
site=$srcdir/tests/fixtures/site
expected=$srcdir/tests/expected
pages="home hue/histoire hue/citadelle artisans/non-la evenements/delegation-2023 unicode/nfc"
esc=$(printf '\033')

# check_lines FILE WIDTH WHAT: what every dump must be, whatever the page.
check_lines () {
  [ "$(wc -L < "$1")" -le "$2" ] || fail "$3: a line is wider than $2 columns"
  grep -n ' $' "$1" >&2 && fail "$3: trailing spaces"
  grep -q "$esc" "$1" && fail "$3: terminal escape in the output"
  return 0
}

# The fixture itself is clean content (one page lacks Vietnamese: a
# warning, not an error), so every dump below shows good pages.
"$KIOSQUE" --check "$site" > "$tmp/check" || fail "--check on the fixture site: $(cat "$tmp/check")"

for id in $pages; do
  for lang in fr vi; do
    for width in 20 40 80; do
      what="--dump=$id --width=$width --lang=$lang"
      "$KIOSQUE" --dump="$id" --width=$width --lang=$lang "$site" \
        > "$tmp/out" 2> "$tmp/err" || fail "$what: exit status $?"
      [ -s "$tmp/err" ] && fail "$what: wrote to stderr: $(cat "$tmp/err")"
      check_lines "$tmp/out" $width "$what"
      want=$expected/$id-$lang-$width.txt
      if [ -n "${KIOSQUE_REGENERATE:-}" ]; then
        mkdir -p "$(dirname "$want")" && cp "$tmp/out" "$want"
      else
        expect_same "$want" "$tmp/out" "$what"
      fi
    done
  done
done

# A page stored in NFD reads exactly like its NFC twin.
for lang in fr vi; do
  for width in 20 40 80; do
    "$KIOSQUE" --dump=unicode/nfc --width=$width --lang=$lang "$site" > "$tmp/nfc"
    "$KIOSQUE" --dump=unicode/nfd --width=$width --lang=$lang "$site" > "$tmp/nfd"
    expect_same "$tmp/nfc" "$tmp/nfd" "NFD page differs from NFC at $width in $lang"
  done
done

# No ID: the home page, in the site's default language, at 80 columns;
# the content directory may also come from $KIOSQUE_CONTENT; --page
# names the page as well as --dump=ID does.
"$KIOSQUE" --dump "$site" > "$tmp/home" || fail "--dump without ID"
expect_same "$expected/home-fr-80.txt" "$tmp/home" "--dump without ID"
KIOSQUE_CONTENT=$site "$KIOSQUE" --dump > "$tmp/home" || fail "--dump with KIOSQUE_CONTENT"
expect_same "$expected/home-fr-80.txt" "$tmp/home" "--dump with KIOSQUE_CONTENT"
"$KIOSQUE" --page=hue/histoire --dump --lang=vi --width=40 "$site" > "$tmp/page"
expect_same "$expected/hue/histoire-vi-40.txt" "$tmp/page" "--page with --dump"

# An unknown page: a message naming it, nothing on stdout, status 1.
"$KIOSQUE" --dump=nulle/part "$site" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status -eq 1 ] || fail "--dump of a missing page: exit $status, want 1"
grep -q "nulle/part" "$tmp/err" || fail "--dump of a missing page: no message naming it"
[ -s "$tmp/out" ] && fail "--dump of a missing page wrote to stdout"

# Every width from 1 to 30 keeps the promises, even where frames and
# indents no longer fit.
for id in hue/histoire artisans/non-la home; do
  for lang in fr vi; do
    width=1
    while [ $width -le 30 ]; do
      "$KIOSQUE" --dump="$id" --width=$width --lang=$lang "$site" > "$tmp/out" \
        || fail "--dump=$id --width=$width: exit status $?"
      check_lines "$tmp/out" $width "--dump=$id --width=$width --lang=$lang"
      width=$((width + 1))
    done
  done
done
exit $fail
