#!/bin/sh
# e2e-storm.sh -- an input storm against kiosk mode: kiosque --kiosk at
# 80x24 gets STORM_KEYS random inputs -- printable keys (ASCII and
# UTF-8), control keys (Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D, Ctrl-S, ...),
# valid escape sequences (arrows, F1-F12, PgUp ...), malformed and
# truncated ones (and broken UTF-8), SGR and X10 mouse reports with
# out-of-range coordinates (0, bytes below the X10 offset, 9999,
# 2^32) -- and STORM_RESIZES resizes between 1x1 and 300x100 spread
# among them.  It never exits (alive after each chunk), its resident
# memory does not grow after the warm-up (see below for how it is
# measured), and afterwards, back at 80x24, Home draws exactly
# the home screen recorded at the start (in French or in Vietnamese:
# the storm may have switched the language).
#
# The storm comes from a seeded generator; the seed is printed, and
# STORM_SEED=N replays a failing run.  The issue's full figures are
# STORM_KEYS=50000 STORM_RESIZES=500, which make check runs, in the
# sanitizer build too.  STORM_TERMS picks the
# terminal types, one storm each (xterm-256color: SGR mouse reports;
# tmux-256color: X10).
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"

# The full figures take about 14 s a terminal (8 s of it the pauses
# before the memory samples), about 17 s in the sanitizer build, whose
# waits get more time on a loaded machine.
: "${STORM_KEYS:=50000}" "${STORM_RESIZES:=500}"
if [ "${SANITIZED:-no}" = yes ]; then
  E2E_TIMEOUT=60
fi
: "${STORM_SEED:=$(date +%s)}"
: "${STORM_TERMS:=$E2E_TERMS}"
: "${STORM_CHUNKS:=10}"
# Memory the kiosk may gain after the warm-up (kB): malloc's own
# bookkeeping moves a little (floors 448 and 516 kB apart have been seen
# on seeds whose heap stays flat); a leak of 70 bytes an event or more
# does not fit in it at the full figures (see the check at the end).
: "${STORM_SLACK_KB:=1024}"

title_fr=$(title home fr)
title_vi=$(title home vi)

for STORM_TERM in $STORM_TERMS; do
  rm -f "$tmp/rss" "$tmp"/block*
  echo "storm: seed $STORM_SEED, $STORM_KEYS inputs, $STORM_RESIZES resizes, $STORM_TERM"
  # The storm, as tests/term commands: "send-raw" lines of a few inputs,
  # "resize" lines among them, and after each chunk "alive" and "rss".
  # Counts per kind go to $tmp/counts.
  LC_ALL=C awk -v seed="$STORM_SEED" -v keys="$STORM_KEYS" \
      -v resizes="$STORM_RESIZES" -v chunks="$STORM_CHUNKS" \
      -v counts="$tmp/counts" '
  function rnd(n) { return int(rand() * n) }
  function hx(b) { return sprintf("%02x", b) }
  # hs(S): the hex of ASCII string S.
  function hs(s,   i, r) {
    r = ""
    for (i = 1; i <= length(s); i++) r = r hx(ord[substr(s, i, 1)])
    return r
  }
  function pick(list,   a, n) { n = split(list, a, " "); return a[rnd(n) + 1] }
  function coord(   r) {
    r = rnd(10)
    if (r == 0) return 0
    if (r == 1) return -1
    if (r == 2) return 9999
    if (r == 3) return 4294967296
    if (r == 4) return 1
    return rnd(300) + 1
  }
  function xbyte(   r) {
    r = rnd(6)
    if (r == 0) return 32          # coordinate 0
    if (r == 1) return rnd(32)     # below the offset: "negative"
    if (r == 2) return 255         # 223, past any screen here
    return 33 + rnd(95)
  }
  function event(   r, s, b) {
    r = rnd(100)
    if (r < 45) {
      n["printable"]++
      if (rnd(10) == 0) return pick("c3a9 c6b0 e1baa1 c3a0 e282ac f09f9880")
      return hx(32 + rnd(95))
    }
    if (r < 55) {
      n["control"]++
      if (rnd(2)) return pick("03 1a 1c 04 13 11 0c 15 1b 7f 08 09 0d 0a 00")
      return hx(rnd(32))
    }
    if (r < 75) {
      n["valid escape"]++
      return hx(27) hs(pick("[A [B [C [D OA OB OC OD [H [F OH OF [1~ [4~ [5~ [6~ [2~ [3~ OP OQ OR OS [15~ [17~ [18~ [19~ [20~ [21~ [23~ [24~ [Z [1;5A [1;2B [1;3C [5;5~ q l /"))
    }
    if (r < 85) {
      n["malformed escape"]++
      b = rnd(9)
      if (b == 0) return "1b"
      if (b == 1) return hs("\033[")
      if (b == 2) return hs("\033[1;")
      if (b == 3) return hs("\033O")
      if (b == 4) return hs("\033[99999999999999999999~")
      if (b == 5) { s = hs("\033["); for (b = rnd(8); b >= 0; b--) s = s hx(32 + rnd(32)); return s }
      if (b == 6) return pick("c3 ff ffff eda080 c080 f4908080 e282 1b1b1b 9b41")
      if (b == 7) return hs("\033[<0;")
      return hs("\033[M")
    }
    if (r < 93) {
      n["SGR mouse"]++
      s = "\033[<" pick("0 1 2 3 32 35 64 65 -1 255 99999") ";" coord() ";" coord()
      return hs(s) hx(rnd(2) ? 77 : 109)
    }
    n["X10 mouse"]++
    return hs("\033[M") hx(pick("32 33 34 35 64 96 97 0 255")) hx(xbyte()) hx(xbyte())
  }
  BEGIN {
    srand(seed)
    for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i
    ord["\033"] = 27
    per_chunk = int((keys + chunks - 1) / chunks)
    every = resizes > 0 ? keys / resizes : keys + 1
    next_resize = every / 2
    done = 0; rz = 0
    for (c = 1; c <= chunks && done < keys; c++) {
      # The warm-up reaches both extreme sizes.
      if (c == 1 && resizes >= 2) {
        print "resize 300 100"; print "settle"; print "resize 1 1"; print "settle"
        rz += 2
      }
      line = ""; k = 0
      for (i = 0; i < per_chunk && done < keys; i++) {
        line = line event(); done++; k++
        if (done >= next_resize && rz < resizes) {
          print "send-raw " line; line = ""; k = 0
          print "resize " (rnd(300) + 1) " " (rnd(100) + 1)
          rz++; next_resize += every
        }
        if (k >= 8) { print "send-raw " line; line = ""; k = 0 }
      }
      if (line != "") print "send-raw " line
      # Measured at 80x24 each time: the curses screens alone take 2 MB
      # more at 300x100.  A mouse report the chunk cut short holds the
      # kiosk in a read until its watchdog goes off (at most 200 + 300
      # ms, then every 200 ms: read_input in view.c), with the resize
      # waiting behind it: the pause lets it through before the sample.
      print "resize 80 24"
      print "sleep 800"
      print "settle"
      print "alive"
      print "rss"
    }
    n["resizes"] = rz
    for (w in n) printf "%s %d\n", w, n[w] > counts
  }' >"$tmp/storm" || { echo "the storm generator failed"; exit 99; }

  # Before: home in both languages, the RSS at the start; after: Esc to
  # close whatever the storm opened, the staff notice gone, Home, the
  # screen.
  name=storm-$STORM_TERM
  cat >"$tmp/$name.script" <<EOF
wait-row 2 $title_fr
wait-row -2 ▼
screen
rss
key l
wait-row 2 $title_vi
wait-row -2 ▼
screen
key l
wait-row 2 $title_fr
rss
$(cat "$tmp/storm")
resize 80 24
settle
key esc
sleep 300
key esc
sleep 300
key esc
sleep 300
# F12 or the corner gesture may have left "staff access is off" up.
wait-gone kiosque --check
key home
quiet 500
screen
alive
rss
kill TERM
expect-exit 0
expect-restored
EOF
  # The test terminal itself (libvterm 0.1.4) has been seen to die of
  # SIGSEGV once in some forty storms, on a machine under load: it
  # writes past a row when a wide character (the storm types emoji into
  # the search) reaches it while it is one column wide, which a frame
  # sent just before a resize to 1x1 can do.  kiosque writes no frame
  # for a size it has not been told of, as curses did, which leaves only
  # the frame already on its way.  That is not kiosque (whose own death
  # "alive" and expect-exit report), so the storm is run once more,
  # said, and the second run must pass.
  # glibc's malloc is told to serve big blocks (a screen's lines) with
  # mmap and to give a freed top of the heap back at once, so that RSS
  # follows the heap in use instead of what fragmentation pins.
  for try in 1 2; do
    GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536:glibc.malloc.trim_threshold=65536 \
    TERM=$STORM_TERM "$KIOSQUE_TERM" -s 80x24 -t "$E2E_TIMEOUT" \
      "$KIOSQUE" --kiosk "$CONTENT" <"$tmp/$name.script" \
      >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
    [ $status -gt 128 ] && [ $try = 1 ] || break
    echo "storm: tests/term died of signal $((status - 128)); running the storm again" >&2
  done
  if [ $status -ne 0 ]; then
    echo "--- $name: TERM=$STORM_TERM 80x24 kiosque --kiosk (tests/term status $status)" >&2
    awk '{ printf "%4d  %s\n", NR, $0 }' "$tmp/$name.script" | tail -n 40 >&2
    cat "$tmp/$name.err" >&2
    fail "$name: the storm failed"
  fi

  sort "$tmp/counts" 2>/dev/null | sed 's/^/storm: /'
  # Split the output on its "rss N" lines: block 0 is home in French,
  # block 1 home in Vietnamese, the last block the screen after the storm.
  awk -v d="$tmp" '
    /^rss [0-9]+$/ { print $2 >> (d "/rss"); b++; next }
    { f = d "/block" (b + 0); print > f }' "$tmp/$name.out"
  [ -s "$tmp/rss" ] || { fail "no rss figures ($STORM_TERM)"; continue; }
  nrss=$(wc -l <"$tmp/rss")
  last=$(awk 'END { print NR - 1 }' "$tmp/rss")
  if [ -f "$tmp/block$last" ]; then
    if cmp -s "$tmp/block0" "$tmp/block$last"; then
      echo "storm: Home drew the French home screen exactly"
    elif cmp -s "$tmp/block1" "$tmp/block$last"; then
      echo "storm: Home drew the Vietnamese home screen exactly"
    else
      diff -u "$tmp/block0" "$tmp/block$last" >&2
      fail "after the storm, Home did not draw the home screen"
    fi
  elif [ "$fail" = 0 ]; then
    fail "no screen after the storm"
  fi

  # RSS: line 1 at the start, 2 after the language round trip, then one
  # per chunk, the last after Home.  The first third of the chunks is the
  # warm-up: the storm meets the widest screens, the longest result lists
  # and the side-by-side languages there.  The chunks after it are split
  # in two halves, and the floor (least sample) of the later half must
  # stay within the slack of the floor of the earlier one.  Floors, not
  # samples: glibc's malloc gives freed memory back to the system late or
  # not at all (the lines of a 300x100 screen, freed, leave room that
  # smaller blocks then pin), so one sample may stand 1-2 MB above the
  # others while the heap in use does not move -- valgrind's massif over
  # a 100 000-input storm (seed 42) saw it flat at 650 kB +- 5 kB after
  # the warm-up while RSS went up and down by 1.6 MB.  A leak raises
  # every sample after it, the floor of the later half too: at the full
  # figures (three chunks, 15 000 inputs, between the two floors at
  # least), 70 bytes an input is over the slack.
  # Under AddressSanitizer RSS means nothing: its quarantine holds freed
  # memory back on purpose (256 MB of it: the storm's RSS climbs to
  # 230-370 MB there), and its shadow memory follows.  The check is
  # skipped there; LeakSanitizer, which fails the exit status at the
  # end, watches for leaks in that build instead.
  if [ "${SANITIZED:-no}" = yes ]; then
    echo "storm: RSS (kB) $(tr '\n' ' ' <"$tmp/rss")(not checked under the sanitizers)"
  elif [ "$nrss" -ge 8 ]; then
    awk -v slack="$STORM_SLACK_KB" '
      { r[NR] = $1; printf "%s%d", (NR > 1 ? " " : "storm: RSS (kB) "), $1 }
      END {
        print ""
        # r[3] .. r[NR-1]: one sample a chunk; r[NR]: after Home.
        chunks = NR - 3
        first = 3 + int(chunks / 3)
        half = first + int((NR - first) / 2)
        peak = 0
        for (i = 3; i <= NR; i++) if (r[i] > peak) peak = r[i]
        early = r[first]
        for (i = first; i < half; i++) if (r[i] < early) early = r[i]
        late = r[half]
        for (i = half; i < NR; i++) if (r[i] < late) late = r[i]
        printf "storm: RSS %d kB at the start, floor %d kB after the warm-up (chunks %d-%d), floor %d kB at the end (chunks %d-%d), peak %d kB, %d kB after Home\n", r[1], early, first - 2, half - 3, late, half - 2, chunks, peak, r[NR]
        if (late > early + slack) {
          printf "FAIL: the RSS floor rose by %d kB after the warm-up (slack %d kB)\n", late - early, slack
          exit 1
        }
      }' "$tmp/rss" >&2 || fail "memory grew during the storm (seed $STORM_SEED)"
  else
    fail "too few rss figures ($nrss): set STORM_CHUNKS to 6 or more"
  fi
  [ "$fail" = 0 ] || echo "storm: failed with seed $STORM_SEED (STORM_SEED=$STORM_SEED STORM_TERMS=$STORM_TERM replays it)" >&2
done
exit $fail
