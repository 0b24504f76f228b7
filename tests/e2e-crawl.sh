#!/bin/sh
# e2e-crawl.sh -- every page of the guide is reachable and readable with
# only taps, in both languages, at 80x24 and at 200x60 (issue 3, "Done
# means"): from home, wheel until a section's button shows, tap it, do
# the same for each of its pages, and check that the page opened (its
# title in the breadcrumb) and that its first screen reads as --dump lays
# it out; Back returns to the section where it was, then to home.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# button PARENT-DUMP TITLE: the row of PARENT's button for TITLE as
# --dump draws it (the title alone may also stand in the page's text).
button () {
  grep -F -m 1 -- "│ $2 " "$1" || printf '%s\n' "$2"
}

# visit LANG ROWS: the script that walks the whole guide on a screen of
# ROWS rows.
visit () {
  lang=$1 h=$(($2 - 6))
  # Taps at one place (Back again and again, a button where the last
  # one was) come at a reading visitor's pace, past the double-tap guard.
  echo "pace 450"
  echo "wait-row 2 $(title home "$lang")"
  dump home "$lang" 72 >"$tmp/home"
  for s in $(sections); do
    st=$(title "$s" "$lang")
    b=$(button "$tmp/home" "$st")
    dump "$s" "$lang" 72 >"$tmp/section"
    cat <<EOF
wheel-to 40 10 $b
snapshot home
tap-text $b
wait-row 2 $st
$(body_waits "$tmp/section" 0 $h)
EOF
    for c in $(children "$s"); do
      ct=$(title "$c" "$lang")
      b=$(button "$tmp/section" "$ct")
      dump "$c" "$lang" 72 >"$tmp/page"
      cat <<EOF
wheel-to 40 10 $b
snapshot section
tap-text $b
wait-row 2 $ct
$(body_waits "$tmp/page" 0 $h)
tap-key ◀
wait-snapshot section
EOF
    done
    cat <<EOF
tap-key ◀
wait-snapshot home
EOF
  done
  echo "key q"
  echo "expect-exit 0"
}

for size in 80x24 200x60; do
  for lang in fr vi; do
    # One terminal type each way round, to keep the walk short.
    case $size-$lang in
      80x24-fr|200x60-vi) term=xterm-256color ;;
      *) term=tmux-256color ;;
    esac
    visit "$lang" "${size#*x}" >"$tmp/walk"
    e2e "crawl-$size-$lang" "$term" "$size" --lang="$lang" "$CONTENT" <"$tmp/walk"
  done
done
exit $fail
