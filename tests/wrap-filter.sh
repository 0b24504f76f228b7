#!/bin/sh
# wrap-filter.sh -- `kiosque --wrap=N` from the outside: the contract of
# DESIGN.md on French and Vietnamese prose (NFC and NFD) at every width
# from 1 to 120, empty lines, invalid UTF-8 and bad widths.
. "${srcdir:-.}/tests/lib.sh"

verify="${KIOSQUE%/src/kiosque}/tests/wrap-verify"
[ -x "$verify" ] || { echo "wrap-verify not built" >&2; exit 99; }

for lang in fr vi; do
  nfc="$FIXTURES/prose.$lang.txt"
  nfd="$FIXTURES/prose.$lang.nfd.txt"
  cmp -s "$nfc" "$nfd" && fail "$nfd is not decomposed"
  w=1
  while [ $w -le 120 ]; do
    "$KIOSQUE" --wrap=$w < "$nfc" > "$tmp/out" || fail "$lang width $w: exit status $?"
    "$verify" $w "$nfc" "$tmp/out" || fail "$lang width $w: contract broken"
    # NFD input comes out exactly as NFC input does.
    "$KIOSQUE" --wrap=$w < "$nfd" > "$tmp/out-nfd" || fail "$lang NFD width $w: exit status $?"
    cmp -s "$tmp/out" "$tmp/out-nfd" || fail "$lang width $w: NFD input wraps differently"
    w=$((w + 1))
  done
done

# One paragraph per line; an empty line gives one empty line.
printf 'Huế là cố đô\n\nCergy\n' | "$KIOSQUE" --wrap=6 > "$tmp/out"
printf 'Huế là\ncố đô\n\nCergy\n' > "$tmp/want"
expect_same "$tmp/want" "$tmp/out" "empty line in, empty line out"

# Invalid UTF-8: a message naming line 2, status 1, the other lines wrapped.
printf 'un deux\nmauvais \377 octet\ntrois quatre\n' > "$tmp/bad"
"$KIOSQUE" --wrap=5 < "$tmp/bad" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status -eq 1 ] || fail "invalid UTF-8: exit status $status, want 1"
grep -q ':2:' "$tmp/err" || fail "invalid UTF-8: no message naming line 2: $(cat "$tmp/err")"
printf 'un\ndeux\ntrois\nquatr\ne\n' > "$tmp/want"
expect_same "$tmp/want" "$tmp/out" "lines around invalid UTF-8"

# Bad widths are usage errors.
for bad in 0 abc -3 ''; do
  "$KIOSQUE" --wrap="$bad" < /dev/null > /dev/null 2>&1
  status=$?
  [ $status -eq 2 ] || fail "--wrap='$bad': exit status $status, want 2"
done

exit $fail
