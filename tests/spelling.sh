#!/bin/sh
# spelling.sh -- every page of the guide passes hunspell in its language.
# What a visitor reads (titles, summaries, artisan fields, bodies) is
# checked; front matter keys, link targets and Markdown syntax are not.
# Proper names live in content/_spelling/LANG.txt, one word a line, "#"
# starting a comment.
. "${srcdir:-.}/tests/lib.sh"

command -v hunspell >/dev/null 2>&1 || { echo "SKIP: hunspell missing"; exit 77; }
dicts=$(hunspell -D </dev/null 2>&1)
for d in fr_FR vi_VN; do
  printf '%s\n' "$dicts" | grep -q "/$d\$" \
    || { echo "SKIP: hunspell dictionary $d missing"; exit 77; }
done

# page_text FILE: the visible text of a page, one paragraph line at a time.
page_text () {
  awk '
    NR == 1 && $0 == "---" { fm = 1; next }
    fm && $0 == "---"      { fm = 0; next }
    fm {
      if ($0 ~ /^[ \t]*#/ || $0 ~ /^(kind|order|date|end):/) next
      sub(/^[A-Za-z_]+:[ \t]*/, ""); sub(/^[ \t]*-[ \t]+/, ""); print; next
    }
    { print }' "$1" \
  | sed -e 's/](\([^)]*\))/]/g' \
        -e '/^[ \t]*\([-*_][ \t]*\)\{3,\}$/d' \
        -e 's/^[ \t]*[-*+][ \t]\{1,\}//' -e 's/^[ \t]*[0-9]\{1,\}[.)][ \t]\{1,\}//' \
        -e 's/[][*_`#>|]/ /g'
}

# other_tone WORD: WORD with the tone mark of a final "oa", "oe" or "uy"
# moved to the other vowel.  Both placements are correct Vietnamese
# (hòa and hoà, thủy and thuỷ); hunspell-vi 7.5 lists only the older one
# (hoà), so each word it rejects is tried again in the other placement
# rather than listing every such word twice.  After "q", "u" belongs to
# the consonant and the mark is always on "y" (quý), so it never moves.
other_tone () {
  printf '%s\n' "$1" | sed \
    -e 's/òa$/oà/;t' -e 's/óa$/oá/;t' -e 's/ỏa$/oả/;t' -e 's/õa$/oã/;t' -e 's/ọa$/oạ/;t' \
    -e 's/òe$/oè/;t' -e 's/óe$/oé/;t' -e 's/ỏe$/oẻ/;t' -e 's/õe$/oẽ/;t' -e 's/ọe$/oẹ/;t' \
    -e 's/\([^qQ]\)ùy$/\1uỳ/;t' -e 's/\([^qQ]\)úy$/\1uý/;t' -e 's/\([^qQ]\)ủy$/\1uỷ/;t' \
    -e 's/\([^qQ]\)ũy$/\1uỹ/;t' -e 's/\([^qQ]\)ụy$/\1uỵ/;t' -e 's/^ủy$/uỷ/;t' \
    -e 's/oà$/òa/;t' -e 's/oá$/óa/;t' -e 's/oả$/ỏa/;t' -e 's/oã$/õa/;t' -e 's/oạ$/ọa/;t' \
    -e 's/oè$/òe/;t' -e 's/oé$/óe/;t' -e 's/oẻ$/ỏe/;t' -e 's/oẽ$/õe/;t' -e 's/oẹ$/ọe/;t' \
    -e 's/\([^qQ]\)uỳ$/\1ùy/;t' -e 's/\([^qQ]\)uý$/\1úy/;t' -e 's/\([^qQ]\)uỷ$/\1ủy/;t' \
    -e 's/\([^qQ]\)uỹ$/\1ũy/;t' -e 's/\([^qQ]\)uỵ$/\1ụy/;t' -e 's/^uỷ$/ủy/'
}

files=$(cd "$CONTENT" && find . -name '*.md' ! -path './_*' | sed 's|^\./||' | sort)
test -n "$files" || { fail "no pages under $CONTENT"; exit 1; }

for lang in fr vi; do
  case $lang in fr) dict=fr_FR ;; vi) dict=vi_VN ;; esac
  list="$CONTENT/_spelling/$lang.txt"
  test -r "$list" || fail "missing word list $list"
  grep -v '^[[:space:]]*#' "$list" 2>/dev/null | grep -v '^[[:space:]]*$' \
    > "$tmp/words.$lang" || :
  : > "$tmp/unknown.$lang"
  checked=0
  for f in $files; do
    case $f in *".$lang.md") ;; *) continue ;; esac
    page_text "$CONTENT/$f" > "$tmp/text"
    good=$(hunspell -d "$dict" -p "$tmp/words.$lang" -G < "$tmp/text" | wc -l)
    hunspell -d "$dict" -p "$tmp/words.$lang" -l < "$tmp/text" > "$tmp/bad"
    bad=$(wc -l < "$tmp/bad")
    checked=$((checked + good + bad))
    while IFS= read -r w; do
      if test "$lang" = vi; then
        alt=$(other_tone "$w")
        if test "$alt" != "$w" && test -z "$(printf '%s\n' "$alt" \
             | hunspell -d "$dict" -p "$tmp/words.$lang" -l)"; then
          continue
        fi
      fi
      printf '%s: %s\n' "$f" "$w" >> "$tmp/unknown.$lang"
    done < "$tmp/bad"
  done
  echo "$lang: $checked words checked with hunspell -d $dict"
  test "$checked" -gt 0 || fail "$lang: no words checked"
  if test -s "$tmp/unknown.$lang"; then
    cat "$tmp/unknown.$lang" >&2
    fail "$lang: $(wc -l < "$tmp/unknown.$lang") unknown words (fix them, or add proper names to $list)"
  fi
done

exit $fail
