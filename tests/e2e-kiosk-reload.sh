#!/bin/sh
# e2e-kiosk-reload.sh -- Reload content from the staff menu, under xterm
# and tmux, on a copy of the content.  Once the kiosk has started, a
# page is broken on disk: Reload refuses the new tree, says so and shows
# the error with its file, and the guide still shows the old page;
# Content diagnostics shows the same error.  Then the page is mended
# with a new title: Reload takes it, and the guide shows the new title
# on the page it was on.  Then the page is deleted: Reload takes that
# too, and the guide goes home.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

for s in $(sections); do
  child=$(children "$s" | head -n 1)
  [ -n "$child" ] && break
done
[ -n "${child:-}" ] || { echo "no section with pages in $CONTENT"; exit 99; }
staff=$tmp/staff.conf
staff_file "$staff" 600
old=$(title "$child" fr)
new="Titre rechargé pour le test"
menu=$(ui_long fr "Staff menu")
base=${child##*/}.fr.md

# live NAME TERM SIZE ARG...: like e2e, but the script is played as it
# is written, so that the test can change the content between its lines.
live () {
  live_name=$1 live_term=$2 live_size=$3
  shift 3
  TERM=$live_term "$KIOSQUE_TERM" -s "$live_size" -t "$E2E_TIMEOUT" "$KIOSQUE" "$@" \
    >"$tmp/$live_name.out" 2>"$tmp/$live_name.err" && return 0
  echo "--- $live_name: TERM=$live_term $live_size kiosque $*" >&2
  cat "$tmp/$live_name.err" >&2
  echo "$live_name ($live_term, $live_size)" >>"$tmp/failed"
}

# barrier OUT: let the harness catch up with the script written so far
# before the content changes: a `cursor` command, then wait (at most
# 30 s) until its line is in OUT, the harness's output.
screens=0
barrier () {
  echo cursor
  screens=$((screens + 1))
  i=0
  while [ $i -lt 300 ]; do
    seen=$(grep -c '^cursor ' "$1" 2>/dev/null)
    [ "${seen:-0}" -ge $screens ] && break
    sleep 0.1
    i=$((i + 1))
  done
}

# to_menu: open the staff menu with the PIN.
to_menu () {
  echo "key f12"
  pin_taps "$PIN"
  echo "wait $menu"
}

# reload: Reload content from the menu, and wait for WANT.
reload () {
  echo "tap-text $(ui_long fr "Reload content")"
  echo "wait $1"
}

# back_to_guide: from a report, the menu, then the guide.
back_to_guide () {
  echo "tap-text ◀"
  echo "wait $menu"
  echo "tap-text $(ui_long fr "Back to the guide")"
}

for term in $E2E_TERMS; do
  rm -rf "$tmp/content"
  copy_tree "$CONTENT" "$tmp/content"
  page=$tmp/content/$child.fr.md
  out=$tmp/reload-$term.out
  screens=0
  {
    echo "wait-row 2 $old"
    barrier "$out"
    cp "$page" "$tmp/page.orig"
    printf -- '---\ntitle: [la page cassée\n---\nTexte.\n' >"$page"
    to_menu
    reload "$(ui_long fr "The content was NOT reloaded: the guide keeps showing the previous content.")"
    echo "wait $base"
    echo "wait error:"
    back_to_guide
    echo "wait-row 2 $old"
    echo "wait-row 4 $old"
    to_menu
    echo "tap-text $(ui_long fr "Content diagnostics")"
    echo "wait $base"
    echo "wait error:"
    echo "tap-text ◀"
    echo "wait $menu"
    barrier "$out"
    sed "s/^title:.*/title: $new/" "$tmp/page.orig" >"$page"
    reload "$(ui_long fr "The content was reloaded.")"
    echo "expect-not error:"
    back_to_guide
    echo "wait-row 2 $new"
    echo "wait-row 4 $new"
    barrier "$out"
    rm -f "$tmp/content/$child".*.md
    to_menu
    reload "$(ui_long fr "The content was reloaded.")"
    back_to_guide
    echo "wait-row 2 $(title home fr)"
    echo "expect-not $new"
    echo "kill TERM"
    echo "expect-exit 0"
  } | live "reload-$term" "$term" 120x40 --kiosk --staff="$staff" \
        --page="$child" "$tmp/content"
done
if [ -e "$tmp/failed" ]; then
  fail "$(cat "$tmp/failed")"
fi
exit $fail
