#!/bin/sh
# guide-check.sh -- the shipped guide under content/ passes the kiosk's own
# checks: --check finds no error and no warning, and --list shows every
# page file as a page with its kind and a title in both languages.
. "${srcdir:-.}/tests/lib.sh"

"$KIOSQUE" --check "$CONTENT" > "$tmp/out" 2>&1
status=$?
[ $status -eq 0 ] || fail "--check content: exit $status, want 0"
echo "0 errors, 0 warnings" > "$tmp/want"
expect_same "$tmp/want" "$tmp/out" "--check of the shipped guide"

"$KIOSQUE" --list "$CONTENT" > "$tmp/list" 2> "$tmp/err"
status=$?
[ $status -eq 0 ] || fail "--list content: exit $status, want 0"
[ -s "$tmp/err" ] && fail "--list content wrote to stderr: $(cat "$tmp/err")"

# The ids the files name, and the kind each French file declares.
(cd "$CONTENT" && find . -name '*.md' ! -path './_*') \
  | sed -e 's|^\./||' -e 's/\.\(fr\|vi\)\.md$//' | LC_ALL=C sort -u > "$tmp/want"
cut -f1 "$tmp/list" | LC_ALL=C sort > "$tmp/got"
expect_same "$tmp/want" "$tmp/got" "--list shows every page of content/"
[ "$(wc -l < "$tmp/want")" -gt 0 ] || fail "no pages in $CONTENT"

while IFS= read -r id; do
  kind=$(sed -n '2,/^---$/s/^kind:[[:space:]]*\([a-z]*\).*/\1/p' \
           "$CONTENT/$id.fr.md" 2>/dev/null)
  line=$(awk -F '\t' -v id="$id" '$1 == id' "$tmp/list")
  printf '%s\n' "$line" | awk -F '\t' -v k="${kind:-page}" \
    'NF != 4 || $2 != k || $3 == "" || $4 == "" { exit 1 }' \
    || fail "--list line for $id: '$line' (want kind ${kind:-page} and two titles)"
done < "$tmp/want"

# Every page is reachable by tapping from home: its parent page exists
# (a section lists the pages one level below it).
while IFS= read -r id; do
  case $id in */*) parent=${id%/*} ;; *) continue ;; esac
  grep -qx -- "$parent" "$tmp/want" \
    || fail "$id: no page $parent to list it, so no visitor can reach it"
done < "$tmp/want"

exit $fail
