#!/bin/sh
# term-ncurses.sh -- tests/term speaks what ncurses expects: a small
# Python curses program (tests/term-ncurses.py, linked with the same
# ncursesw as kiosque) shows what it decoded from our keys, taps, wheel,
# drag and resize, under TERM=xterm-256color (SGR 1006 mouse) and
# TERM=tmux-256color (X10 mouse, tmux's Home and End).
. "${srcdir:-.}/tests/lib.sh"
need_term
python3 -c 'import curses' 2>/dev/null || { echo "SKIP: no python3 curses"; exit 77; }

for TERM in xterm-256color tmux-256color; do
  export TERM
  "$KIOSQUE_TERM" -s 300x10 python3 "$srcdir/tests/term-ncurses.py" drag \
    >"$tmp/$TERM.out" 2>"$tmp/$TERM.err" <<'SCRIPT' || { cat "$tmp/$TERM.err" >&2; fail "$TERM: the script failed"; }
wait ready
key up home end pgdn btab f2 f12 backspace delete
keys é\t
wait got: KEY_UP KEY_HOME KEY_END KEY_NPAGE KEY_BTAB KEY_F(2) KEY_F(12) KEY_BACKSPACE KEY_DC chr(é) chr9
tap 10 5
wheel up 3 4
wheel down 200 10
wait chr9 press@10,5 release@10,5 wheelup@3,4 wheeldown@200,10
drag 3 5 6 3
wait wheeldown@200,10 press@3,5 move@4,5 move@5,4 move@6,3 release@6,3
resize 250 30
wait release@6,3 resize@250x30
keys q
expect-exit 0
expect-restored
SCRIPT
done
exit $fail
