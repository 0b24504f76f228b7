#!/bin/sh
# term-selftest.sh -- prove tests/term, the end-to-end test terminal:
# the bytes it sends for keys and taps (both mouse protocols), resizes,
# NFC matching, waits that time out, exit codes and the restore check,
# by driving small shell programs whose output shows what they got.
. "${srcdir:-.}/tests/lib.sh"
need_term

# play NAME [TERM-OPTION]... -- COMMAND...: run the script on stdin,
# keep stdout and stderr in $tmp/NAME.out and $tmp/NAME.err.
play () {
  name=$1; shift
  "$KIOSQUE_TERM" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
}
# ok NAME ...: play, and the script must pass.
ok () {
  play "$@" || { cat "$tmp/$1.err" >&2; fail "$1: the script failed"; }
}
# ko NAME PATTERN ...: play, the script must fail with PATTERN on stderr.
ko () {
  name=$1 pattern=$2; shift 2
  if play "$name" "$@"; then
    fail "$name: the script passed, it should have failed"
  elif ! grep -q -- "$pattern" "$tmp/$name.err"; then
    cat "$tmp/$name.err" >&2
    fail "$name: no \"$pattern\" in the failure report"
  fi
}

# A line typed in, read back; NFD typed, NFC waited for and the reverse.
ok typing sh -c 'printf "name? "; read x; printf "got:%s\n" "$x"; read y' <<'EOF'
wait name?
keys Hu\u0065\u0302\u0301 \u1ea0\r
wait got:Huế Ạ
expect-row 2 got:Huế
expect-row 1 name? Huế Ạ
keys \r
expect-exit 0
EOF
ok typing-nfd sh -c 'printf "Hue\314\202\314\201\n"; read x' <<'EOF'
wait Huế
keys \r
expect-exit 0
EOF

# Keys: CSI cursor keys by default, SS3 once the program asks for
# application cursor keys (as ncurses' keypad() does); tmux's Home/End.
# cat -vT in raw mode shows every byte it gets.
cat >"$tmp/show-keys" <<'EOF'
[ "$1" = app ] && printf '\033[?1h'
stty raw -echo
printf 'ready\r\n'
exec cat -vT
EOF
ok keys-csi sh "$tmp/show-keys" <<'EOF'
wait ready
key up down right left home end
key pgdn pgup btab tab f2 f10 f12
key ctrl-c enter | é
keys |
wait ^[[A^[[B^[[C^[[D^[[H^[[F^[[6~^[[5~^[[Z^I^[OQ^[[21~^[[24~^C^M|M-CM-)|
EOF
ok keys-app sh "$tmp/show-keys" app <<'EOF'
wait ready
key up left home end backspace esc
keys x\x7fy\e[<\\
wait ^[OA^[OD^[OH^[OF^?^[x^?y^[[<\
EOF
TERM=tmux-256color
ok keys-tmux sh "$tmp/show-keys" app <<'EOF'
wait ready
key home end up
wait ^[[1~^[[4~^[OA
EOF
TERM=xterm-256color

# Taps: SGR 1006 when the program turned it on, X10 otherwise, or as
# forced; no mouse mode, no tap.  Column and row are 1-based.
cat >"$tmp/show-mouse" <<'EOF'
printf '日本 ok\n'
[ -n "$1" ] && printf "\033[?$1h"
stty raw -echo
printf 'ready\r\n'
exec cat -v
EOF
ok tap-sgr sh "$tmp/show-mouse" '1000;1006' <<'EOF'
wait ready
tap 5 3
wheel up 1 1
wheel down 80 24
wait ^[[<0;5;3M^[[<0;5;3m^[[<64;1;1M^[[<65;80;24M
EOF
ok tap-x10 sh "$tmp/show-mouse" 1000 <<'EOF'
wait ready
tap 5 3
wheel down 2 1
wait ^[[M %#^[[M#%#^[[Ma"!
EOF
ok tap-forced sh "$tmp/show-mouse" '1000;1006' <<'EOF'
wait ready
mouse x10
tap 1 1
mouse sgr
tap 2 2
wait ^[[M !!^[[M#!!^[[<0;2;2M^[[<0;2;2m
EOF
# The middle of "ok", after two wide characters and a space: column 6.
ok tap-text sh "$tmp/show-mouse" '1000;1006' <<'EOF'
wait ready
tap-text ok
wait ^[[<0;6;1M^[[<0;6;1m
EOF
# "H" as a word: the one in brackets (column 6), not the one in "Hué";
# negative places count from the bottom right.
ok tap-word sh -c 'printf "Hué [H] x\n\033[?1000;1006h"; stty raw -echo; printf "ready\r\n"; exec cat -v' <<'EOF'
wait ready
tap-word H
tap -1 -2
wait ^[[<0;6;1M^[[<0;6;1m^[[<0;80;23M^[[<0;80;23m
expect-row -24 Hué [H] x
EOF
ok drag sh "$tmp/show-mouse" '1002;1006' <<'EOF'
wait ready
gap 50
drag 3 5 3 2
wait ^[[<0;3;5M^[[<32;3;4M^[[<32;3;3M^[[<32;3;2M^[[<0;3;2m
EOF
ko tap-off 'has not turned on mouse reports' -t 1 sh "$tmp/show-mouse" <<'EOF'
wait ready
tap 1 1
EOF
ko drag-1000 'mode 1002' -t 1 sh "$tmp/show-mouse" 1000 <<'EOF'
wait ready
drag 1 1 1 3
EOF
ko tap-x10-far '223 at most' -t 1 -s 300x10 sh "$tmp/show-mouse" 1000 <<'EOF'
wait ready
tap 250 1
EOF
ko tap-outside 'off the 80x24 screen' -t 1 sh "$tmp/show-mouse" '1000;1006' <<'EOF'
wait ready
tap 81 1
EOF

# Resize: the program gets SIGWINCH and the new size, and the emulator
# is as wide as the pty (a 95-column line stays on one row).
zeros=$(printf '%095d|' 0)
ok resize sh -c 'trap "stty size; printf \"%095d|\n\" 0" WINCH; echo ready; while :; do sleep 0.05; done' <<EOF
wait ready
resize 100 30
wait 30 100
wait-row 3 00000|
expect-row 3 $zeros
resize 1 1
resize 300 100
wait 100 300
EOF

# Screens compared whole, snapshots, wait-gone, the alternate screen and
# the restore check.
cat >"$tmp/alt" <<'EOF'
echo main screen
read x
printf '\033[?1049h\033[H\033[2J\033[?1000;1002;1006h\033[?1h\033[?25l'
printf 'on the alternate\n  second row  \n\nfourth\n'
read x
[ "$1" = leave ] || printf '\033[?1006;1002;1000l\033[?25h'
printf '\033[?1049l'
EOF
ok alt sh "$tmp/alt" <<'EOF'
wait main screen
snapshot main
keys \r
wait on the alternate
expect-screen
on the alternate
  second row

fourth
.
expect-not main screen
cursor
modes
keys \r
wait-gone alternate
wait-snapshot main
expect-exit 0
expect-restored
EOF
printf 'cursor 5 1 hidden\nmodes 1 1000 1002 1006 1049 cursor-hidden\n' >"$tmp/alt.want"
expect_same "$tmp/alt.want" "$tmp/alt.out" "cursor and modes on the alternate screen"
ko alt-left 'left these modes on: ?1000h ?1002h ?1006h ?25l' sh "$tmp/alt" leave <<'EOF'
wait main screen
keys \r
wait on the alternate
keys \r
expect-exit 0
expect-restored
EOF
ko screen-differs 'the screen differs' sh "$tmp/alt" <<'EOF'
wait main screen
expect-screen
main screen
extra
.
EOF
grep -q '^  1|main screen$' "$tmp/screen-differs.err" \
  || fail "screen-differs: the failure report shows no screen"

# Waits time out with the screen shown; exit codes and signals.
ko timeout 'is not on screen after 0.5 s' sh -c 'echo here; sleep 5' <<'EOF'
timeout 0.5
wait nowhere
EOF
grep -q '^  1|here$' "$tmp/timeout.err" || fail "timeout: the report shows no screen"
ko line-number 'script line 3:' -t 0.3 sh -c 'echo here; sleep 5' <<'EOF'
wait here

wait-row 1 there
EOF
ok exit-code sh -c 'echo bye; exit 3' <<'EOF'
wait bye
expect-exit 3
EOF
ko exit-signal 'killed by signal 15' sh -c 'echo up; exec sleep 30' <<'EOF'
wait up
alive
kill TERM
expect-exit 0 5
EOF
ko exited 'has exited with status 0' sh -c 'echo short' <<'EOF'
wait short
expect-exit 0
alive
EOF
ko raw-gone 'still on screen' -t 0.3 sh "$tmp/show-keys" <<'EOF'
wait ready
send-raw 01 7f0d
wait ^A^?
wait-gone ^A
EOF
if play bad-script sh -c 'sleep 1' <<'EOF'
frobnicate
EOF
then fail "bad-script: an unknown command passed"
else test $? = 99 || fail "bad-script: an unknown command is not a hard error (99)"
fi

exit $fail
