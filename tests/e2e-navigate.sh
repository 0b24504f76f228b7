#!/bin/sh
# e2e-navigate.sh -- a visitor with only a finger, in both languages,
# under xterm and tmux: tap a section button, then a page's button, see
# the breadcrumb follow; Back returns to each screen exactly as it was;
# a link in a page's text opens its page; Home goes home; Help opens by
# its key and its button, in the visitor's language.  Then the
# same with a keyboard (Tab, Enter, Backspace), and a double tap on
# Back that must act once.
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# The first section that has pages, its first page, and the first page
# whose text has a link a tap can reach.
for s in $(sections); do
  child=$(children "$s" | head -n 1)
  [ -n "$child" ] && { section=$s; break; }
done
[ -n "${section:-}" ] || { echo "no section with pages in $CONTENT"; exit 99; }

for term in $E2E_TERMS; do
  for lang in fr vi; do
    home=$(title home "$lang") sec=$(title "$section" "$lang")
    e2e "sections-$term-$lang" "$term" 100x60 --lang="$lang" "$CONTENT" <<EOF
wait-row 2 $home
snapshot home
tap-text $sec
wait-row 2 $sec
expect-row 2 $home
expect-row 4 $sec
snapshot section
tap-text $(title "$child" "$lang")
wait-row 2 $(title "$child" "$lang")
expect-row 2 $sec
tap-text ◀
wait-snapshot section
# A second tap on Back at the same place counts once the double-tap
# guard (0.4 s) has passed, as it would for a visitor reading the screen.
sleep 500
tap-text ◀
wait-snapshot home
key q
expect-exit 0
EOF

    # Help, by the ? key and by its button; Back closes it.
    e2e "help-$term-$lang" "$term" 100x60 --lang="$lang" "$CONTENT" <<EOF
wait-row 2 $home
snapshot home
key ?
wait-row 2 $(ui "$lang" Help)
key backspace
wait-snapshot home
tap-key ?
wait-row 2 $(ui "$lang" Help)
tap-key ◀
wait-snapshot home
key q
expect-exit 0
EOF

    page= link=
    for id in $(cut -f1 "$tmp/list"); do
      link=$(link_on "$id" "$lang")
      [ -n "$link" ] && { page=$id; break; }
    done
    if [ -z "$page" ]; then
      fail "no page in $lang has an internal link to tap"
      continue
    fi
    text=$(printf '%s' "$link" | cut -f1) target=$(printf '%s' "$link" | cut -f2)
    e2e "link-$term-$lang" "$term" 100x60 --lang="$lang" --page="$page" "$CONTENT" <<EOF
wait-row 2 $(title "$page" "$lang")
tap-text $text
wait-row 2 $(title "$target" "$lang")
expect-row 4 $(title "$target" "$lang")
tap-text ◀
wait-row 4 $(title "$page" "$lang")
tap-text ⌂
wait-row 4 $home
key q
expect-exit 0
EOF
  done

  # The keyboard: Tab focuses the first button, Enter opens it (one
  # level deeper: a "›" in the breadcrumb), Backspace comes back.
  e2e "keys-$term" "$term" 100x60 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
snapshot home
key tab
key enter
wait-row 2 ›
key backspace
wait-snapshot home
key q
expect-exit 0
EOF

  # Two taps at one place in quick succession (a bounce, an impatient
  # finger) act once: a double tap on Back from a page goes back to its
  # section, not on to home.  Help, opened by a key after them, proves
  # both taps were read; Back from help returns to the section.
  sec=$(title "$section" fr)
  e2e "double-tap-$term" "$term" 100x60 "$CONTENT" <<EOF
wait-row 2 $(title home fr)
tap-text $sec
wait-row 2 $sec
snapshot section
sleep 500
tap-text $(title "$child" fr)
wait-row 2 $(title "$child" fr)
sleep 500
gap 60
tap-text ◀
retap
key ?
wait-row 2 $(ui fr Help)
key backspace
wait-snapshot section
key q
expect-exit 0
EOF
done
exit $fail
