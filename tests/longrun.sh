#!/bin/sh
# longrun.sh -- a day at the kiosk, sped up: `kiosque --kiosk` runs on
# the bundled content in an 80x24 pty (tests/term) under libfaketime,
# its clocks (the wall clock of --stats and the monotonic clock of the
# idle timer) starting at LONGRUN_START and running LONGRUN_RATE times
# faster than real time.  Visitors come and go all day and all night
# (often from 08:00 to 20:00, seldom outside), each one a random walk:
# sections and pages tapped, pages scrolled to their end with the wheel
# or a finger, the language switched by key and by button, Back and
# Home, a search for an artisan by name without accents (typed, or
# tapped on the on-screen keyboard) and its result opened; then they
# walk away and the idle timer sends the kiosk back to the attract
# screen.  Every seventh visit also has a staff member: a wrong PIN,
# the right one, the statistics (checked against the visits and idle
# resets so far), then a content reload or the diagnostics.
#
# Checks:
#  - every visit starts on the exact home screen of the start, every
#    Back gives the exact screen left, every tap lands where it should;
#  - the idle timer fired once per visit (the --stats CSV counts them),
#    each time the idle time and the countdown (130 s) of simulated
#    time after the last page shown (up to 30 s later on a busy
#    machine): on the sped-up clock;
#  - the simulated span is at least LONGRUN_HOURS and, for a run of a
#    day, crosses midnight: the statistics keep counting on the next
#    day;
#  - memory does not grow: every visitor ends the same way (see
#    last_steps), and on the attract screen that follows, so that every
#    sample is taken in the same state, the kiosk's RSS, RssAnon (its
#    private memory: heap and anonymous maps) and [heap] are read from
#    /proc, or with LONGRUN_MASSIF=yes the live heap from a snapshot of
#    valgrind's massif.  After a warm-up of LONGRUN_WARMUP visits, the
#    peaks of the last quarter of the time that follows must not exceed
#    those of its first quarter by more than LONGRUN_SLACK_KB (64 kB
#    from /proc, 16 kB under massif);
#  - at the end a touch starts a fresh visit on the exact home screen,
#    and the staff menu's Exit ends kiosque with status 0 and the
#    terminal given back.
#
# By hand, from the build directory (a simulated day takes about 15
# minutes at the default rate):
#   KIOSQUE=src/kiosque KIOSQUE_TERM=tests/term srcdir=SRC top_srcdir=SRC \
#     LONGRUN_HOURS=24 LONGRUN_OUT=/tmp/longrun sh SRC/tests/longrun.sh
# LONGRUN_OUT keeps the memory samples (mem.tsv), the CSV, the script
# played and, under massif, its snapshots.  LONGRUN_SEED picks other
# visitors.  make check runs a simulated hour and a half (a minute).
#
# LONGRUN_RATE is at most 100: the kiosk wakes every 200 ms to look at
# its timers, and libfaketime divides poll()'s timeout by the rate in
# whole milliseconds, so a faster clock would turn those waits into
# busy loops.  Needs libfaketime (Debian: faketime); skipped without
# it, and in the sanitizer build (ASan's runtime must be the first
# library loaded, which LD_PRELOAD forbids).
. "${srcdir:-.}/tests/lib.sh"
. "$srcdir/tests/e2e-lib.sh"
. "$srcdir/tests/e2e-kiosk-lib.sh"

: "${LONGRUN_HOURS:=1.5}"
: "${LONGRUN_RATE:=100}"
: "${LONGRUN_START:=2026-11-28 08:00:00}"
: "${LONGRUN_SEED:=1}"
: "${LONGRUN_WARMUP:=5}"
: "${LONGRUN_SLACK_KB:=}"
: "${LONGRUN_OUT:=}"
: "${LONGRUN_MASSIF:=no}"

# Massif counts live bytes: only the statistics' table of pages seen may
# still grow (a few bytes a page).  /proc's figures also carry malloc's
# free space, which moves with the order of frees.
if [ -z "$LONGRUN_SLACK_KB" ]; then
  if [ "$LONGRUN_MASSIF" = yes ]; then LONGRUN_SLACK_KB=16; else LONGRUN_SLACK_KB=64; fi
fi
if [ "${SANITIZED:-no}" = yes ]; then
  echo "SKIP: libfaketime cannot be preloaded before ASan's runtime"
  exit 77
fi
faketime_lib=${LONGRUN_LIBFAKETIME:-}
if [ -z "$faketime_lib" ]; then
  for f in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
           /usr/local/lib/faketime/libfaketime.so.1; do
    [ -f "$f" ] && { faketime_lib=$f; break; }
  done
fi
[ -n "$faketime_lib" ] && [ -f "$faketime_lib" ] \
  || { echo "SKIP: libfaketime not found (Debian package faketime)"; exit 77; }
case $LONGRUN_RATE in
  ''|*[!0-9]*) echo "LONGRUN_RATE must be a whole number"; exit 99 ;;
esac
[ "$LONGRUN_RATE" -ge 1 ] && [ "$LONGRUN_RATE" -le 100 ] \
  || { echo "LONGRUN_RATE must be 1 to 100 (see the comment above)"; exit 99; }

# The wall clock's day starts at midnight UTC, whatever the machine's zone.
TZ=UTC0
export TZ
start_s=$(date -d "$LONGRUN_START" +%s) \
  || { echo "LONGRUN_START: not a date"; exit 99; }
span_s=$(awk -v h="$LONGRUN_HOURS" 'BEGIN { printf "%d", h * 3600 }')
[ "$span_s" -gt 0 ] || { echo "LONGRUN_HOURS must be positive"; exit 99; }

staff=$tmp/staff.conf
staff_file "$staff" 600
csv=$tmp/stats.csv
mem=$tmp/mem.tsv
fifo=$tmp/script
mkfifo "$fifo" || exit 99

# The kiosk under libfaketime, its pid where the sampler finds it.
# With LONGRUN_MASSIF=yes, under valgrind's massif: vgdb asks it for a
# snapshot of the live heap at each sample.
under=
if [ "$LONGRUN_MASSIF" = yes ]; then
  command -v valgrind >/dev/null && command -v vgdb >/dev/null \
    || { echo "SKIP: LONGRUN_MASSIF=yes needs valgrind and vgdb"; exit 77; }
  under="valgrind -q --tool=massif --vgdb=yes --massif-out-file=$tmp/massif.out"
fi
cat >"$tmp/kiosque" <<EOF
#!/bin/sh
echo \$\$ >"$tmp/pid"
exec env LD_PRELOAD="$faketime_lib" FAKETIME="@$LONGRUN_START x$LONGRUN_RATE" \
  $under "$KIOSQUE" "\$@"
EOF
chmod +x "$tmp/kiosque"

# What visitors see and do, from the content and the catalogues.
home_fr=$(title home fr)
[ -n "$home_fr" ] || { echo "no home page in $CONTENT"; exit 99; }
home_sections=$(sections)
artisans=$(awk -F'\t' '$2 == "artisan" { print $1 }' "$tmp/list")
for l in fr vi; do
  eval "search_$l=\$(ui_long $l Search)"
  eval "menu_$l=\$(ui_long $l 'Staff menu')"
  eval "pad_$l=\$(ui_long $l 'Type the staff PIN on the keys below.')"
  eval "wrong_$l=\$(ui_long $l 'Wrong PIN.')"
  eval "stats_$l=\$(ui_long $l Statistics)"
  eval "visits_$l=\$(ui_head $l 'Visits (a touch on the welcome screen): %lu')"
  eval "resets_$l=\$(ui_head $l 'Returns to the welcome screen after no one touched it: %lu')"
  eval "reload_$l=\$(ui_long $l 'Reload content')"
  eval "reloaded_$l=\$(ui_long $l 'The content was reloaded.')"
  eval "diag_$l=\$(ui_long $l 'Content diagnostics')"
  eval "dir_$l=\$(ui_head $l 'Content directory: %s')"
  eval "guide_$l=\$(ui_long $l 'Back to the guide')"
  eval "exit_$l=\$(ui_long $l 'Exit kiosque')"
done

# rnd N: R becomes a pseudo-random number from 0 to N-1 (the same
# sequence for the same LONGRUN_SEED, so a failure can be replayed).
seed=$LONGRUN_SEED
rnd () {
  seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
  R=$(( (seed / 65536) % $1 ))
}
# pick WORDS...: P becomes one of WORDS at random (empty if none).
pick () {
  P=
  [ $# -gt 0 ] || return 0
  rnd $#
  shift "$R"
  P=$1
}

# emit LINE...: play LINEs (and keep them, to show a failure in context).
emit () {
  printf '%s\n' "$@" >&3
  printf '%s\n' "$@" >>"$tmp/played"
}

kind_of () { awk -F'\t' -v id="$1" '$1 == id { print $2 }' "$tmp/list"; }
# cards ID: the pages a visitor can tap on page ID.
cards () {
  if [ "$1" = home ]; then echo "$home_sections"; else children "$1"; fi
}
# last_line ID LANG: the last line of page ID with words in it, as the
# body shows it: a scroll to the end must bring it on screen.
last_line () {
  dump "$1" "$2" 72 | grep '[[:alnum:]]' | grep -v '[│┌└]' | tail -n 1 \
    | sed 's/^ *//; s/ *$//'
}

# The visitor's place: page (or "search"), language, and the places
# Back goes to: st_page_N, st_lang_N, N from 1 to depth; snapshot sN is
# the screen left for place N, when it can be compared.
page=home lang=fr depth=0

# show_current: wait for the place the visitor is at.
show_current () {
  if [ "$page" = search ]; then
    eval "emit \"wait-row 2 \$search_$lang\""
  else
    emit "wait-row 2 $(title "$page" "$lang")"
  fi
}

# push: remember the place left, with its screen.
push () {
  depth=$((depth + 1))
  eval "st_page_$depth=\$page st_lang_$depth=\$lang"
  emit "snapshot s$depth"
}

# open_card ID: tap the card of page ID on the page shown.
open_card () {
  t=$(title "$1" "$lang")
  # The card, not the same words in the text above it.
  emit "wheel-to 40 12 │ $t"
  push
  emit "tap-text │ $t" "wait-row 4 $t" "wait-row 2 $t"
  page=$1
}

act_open () {
  pick $(cards "$page")
  [ -n "$P" ] || return 1
  open_card "$P"
}

act_back () {
  [ "$depth" -gt 0 ] || return 1
  rnd 3
  emit settle
  case $page:$R in
    search:*|*:0) emit "tap-key ◀" ;;
    *:1) emit "key backspace" ;;
    *) emit "key esc" ;;
  esac
  eval "page=\$st_page_$depth was=\$st_lang_$depth"
  if [ "$was" = "$lang" ]; then
    emit "wait-snapshot s$depth"
  else
    show_current
  fi
  depth=$((depth - 1))
}

act_home () {
  [ "$page" != home ] || return 1
  if [ "$page" = search ] && eval "[ \"\$st_page_$depth\" = home ]"; then
    # Home from a search begun at home only closes the search: Back
    # then has nothing of this visit to go to.
    depth=0
  else
    push
  fi
  emit "tap-key ⌂" "wait-row 4 $(title home "$lang")"
  page=home
  show_current
}

act_language () {
  rnd 2
  new=fr
  [ "$lang" = fr ] && new=vi
  # (On the search screen a letter goes into the query: F2 there.)
  emit settle
  if [ "$R" -eq 0 ]; then
    if [ "$page" = search ]; then emit "key f2"; else emit "key l"; fi
  else
    emit "tap-word $(echo "$new" | tr a-z A-Z)"
  fi
  lang=$new
  show_current
}

act_scroll () {
  [ "$page" != search ] || return 1
  rnd 3
  case $R in
    0)
      l=$(last_line "$page" "$lang")
      [ -n "$l" ] || return 1
      emit "wheel-to 40 12 $l"
      ;;
    1) emit "key pgdn" "sleep 100" "key pgup" ;;
    *) emit "drag 40 18 40 8" "sleep 100" "drag 40 8 40 18" ;;
  esac
  show_current
}

# erase_query: the query of an earlier search this visit is still
# there: erase it.
erase_query () {
  [ -n "$query" ] || return 0
  emit "keys $(printf '%s' "$query" | sed 's/./\\x7f/g')" "wait-gone $query"
  query=
}

act_search () {
  [ "$page" != search ] || return 1
  pick $artisans
  [ -n "$P" ] || return 1
  t=$(title "$P" "$lang")
  # The title as a visitor types it: no accents, no punctuation.
  q=$(printf '%s\n' "$t" | iconv -f UTF-8 -t ASCII//TRANSLIT | tr A-Z a-z \
      | tr -c 'a-z0-9\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//')
  [ -n "$q" ] || return 1
  push
  rnd 2
  if [ "$R" -eq 0 ]; then
    emit "key /"
  else
    eval "emit \"tap-key \$search_$lang\""
  fi
  page=search
  show_current
  erase_query
  query=$q
  rnd 2
  if [ "$R" -eq 0 ]; then
    emit "keys $q"
  else
    # The on-screen keyboard, a key at a time.
    w=$q
    while [ -n "$w" ]; do
      rest=${w#?}
      k=${w%"$rest"}
      [ "$k" = " " ] && k=␣
      # A whole frame first: a slow redraw (valgrind) could show the
      # key elsewhere for a moment.
      emit settle "tap-key $(echo "$k" | tr a-z A-Z)"
      w=$rest
    done
  fi
  emit "wait-row 4 $q" "wait $t"
  push
  emit "tap-text $t" "wait-row 4 $t"
  page=$P
  show_current
}

# staff N: a staff member at visit N: a wrong PIN, the right one, the
# statistics, then a reload (odd turns) or the diagnostics.
staff_turn () {
  eval "pad=\$pad_$lang wrong=\$wrong_$lang menu=\$menu_$lang"
  emit "key f12" "wait $pad" settle
  emit "$(pin_taps 1357 "$lang")" "wait $wrong" settle
  emit "$(pin_taps "$PIN" "$lang")" "wait $menu" settle
  eval "emit settle \"tap-text \$stats_$lang\""
  eval "emit \"wait \${visits_$lang}$1\" \"wait \${resets_$lang}$resets\""
  emit settle "tap-key ◀" "wait $menu"
  staff_turns=$((staff_turns + 1))
  if [ $((staff_turns % 2)) -eq 1 ]; then
    eval "emit \"tap-text \$reload_$lang\" \"wait \$reloaded_$lang\""
    reloads=$((reloads + 1))
  else
    eval "emit \"tap-text \$diag_$lang\" \"wait \$dir_$lang\""
  fi
  emit settle "tap-key ◀" "wait $menu"
  eval "emit settle \"tap-text \$guide_$lang\""
  show_current
}

# visit N: the Nth visitor, from the attract screen to the next one.
visit () {
  rnd 70
  x=$((R + 5))
  rnd 14
  y=$((R + 5))
  emit "# visit $1" "tap $x $y" "wait-gone $WELCOME_FR" "wait-snapshot home"
  page=home lang=fr depth=0 query=
  rnd 7
  n=$((R + 2))
  while [ "$n" -gt 0 ]; do
    rnd 20
    case $R in
      [0-6]) act_open ;;
      [7-9]) act_back ;;
      1[0-1]) act_home ;;
      1[2-4]) act_language ;;
      1[5-7]) act_scroll ;;
      *) act_search ;;
    esac && { n=$((n - 1)); actions=$((actions + 1)); }
  done
  [ $(($1 % 7)) -eq 3 ] && staff_turn "$1"
  last_steps
  leave
}

# last_steps: every visitor ends the same way, so that each memory
# sample finds the same state: the same four layouts in the view's
# cache (home, a section and a page in French, the page in Vietnamese)
# and a search index built.  Without this, samples would differ by
# which pages, long or short, the last visitor happened to leave in the
# cache.
end_section=$(printf '%s\n' $home_sections | head -n 1)
end_page=$(children "$end_section" | head -n 1)
end_query=$(printf '%s\n' "$home_fr" | iconv -f UTF-8 -t ASCII//TRANSLIT \
  | tr A-Z a-z | tr -c 'a-z0-9\n' ' ' | sed 's/ .*//')
last_steps () {
  [ "$page" = home ] || act_home
  if [ "$lang" != fr ]; then
    emit "key l"
    lang=fr
    show_current
  fi
  emit "key /"
  page=search
  show_current
  erase_query
  emit "keys $end_query" "wait-row 4 $end_query" "key esc"
  query=$end_query
  page=home
  show_current
  open_card "$end_section"
  open_card "$end_page"
  emit "key l"
  lang=vi
  show_current
}

# leave: nobody touches: the countdown, then the attract screen.
leave () {
  emit "timeout 60" "wait $STILL_THERE_FR" "wait $WELCOME_FR" \
       "timeout $E2E_TIMEOUT"
  resets=$((resets + 1))
}

# csv_count EVENT: the rows for EVENT so far.
csv_count () {
  c=$(grep -c ",$1," "$csv" 2>/dev/null)
  echo "${c:-0}"
}

# sample LABEL: the kiosk's memory now, a line of $mem.
# Under massif, "anon" is the live heap with malloc's overhead and
# "heap" the live heap alone, both from a snapshot massif takes now.
sample () {
  pid=$(cat "$tmp/pid")
  last=$(tail -n 1 "$csv" | cut -d, -f1)
  t=$(( $(date -d "$last" +%s) - start_s ))
  snap=/dev/null
  if [ "$LONGRUN_MASSIF" = yes ]; then
    snap=$tmp/snapshot
    rm -f "$snap"
    vgdb --pid="$pid" detailed_snapshot "$snap" >/dev/null 2>&1
    [ -s "$snap" ] || { echo "vgdb: no massif snapshot" >&2; return 1; }
    cp "$snap" "$tmp/snapshot-$1"
  fi
  awk -v label="$1" -v t="$t" '
    FILENAME ~ /status$/ && /^(VmRSS|RssAnon|VmData):/ { v[$1] = $2 }
    FILENAME ~ /smaps$/ && /\[heap\]/ { h = 1; next }
    FILENAME ~ /smaps$/ && h && /^Rss:/ { heap = $2; h = 0 }
    FILENAME ~ /snapshot$/ && /^mem_heap_B=/ { m = substr($0, 12) }
    FILENAME ~ /snapshot$/ && /^mem_heap_extra_B=/ { x = substr($0, 18) }
    END {
      anon = v["RssAnon:"]
      if (m != "") { heap = m / 1024; anon = (m + x) / 1024 }
      printf "%s\t%d\t%d\t%d\t%d\t%d\n", label, t, v["VmRSS:"], anon,
        heap, v["VmData:"] }' \
    "/proc/$pid/status" "/proc/$pid/smaps" "$snap" >>"$mem"
}

# wait_resets N: until the CSV counts N idle resets; false when the
# terminal harness stopped (a check failed) or nothing came for long.
wait_resets () {
  waited=0
  while [ "$(csv_count idle-reset)" -lt "$1" ]; do
    kill -0 "$term_pid" 2>/dev/null || return 1
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -lt 1500 ] || { echo "no idle reset for 300 s" >&2; return 1; }
  done
}

real_start=$(date +%s)
printf 'label\tsim_s\tvmrss_kb\trssanon_kb\theap_kb\tvmdata_kb\n' >"$mem"
TERM=xterm-256color "$KIOSQUE_TERM" -s 80x24 -t "$E2E_TIMEOUT" \
  "$tmp/kiosque" --kiosk --staff="$staff" --stats="$csv" "$CONTENT" \
  <"$fifo" >"$tmp/term.out" 2>"$tmp/term.err" &
term_pid=$!
exec 3>"$fifo"

visits=0 resets=0 actions=0 staff_turns=0 reloads=0
emit "wait-row 2 $home_fr" "wait-row 4 $home_fr" "snapshot home"
leave
ok=true
if wait_resets 1; then
  sample start
else
  ok=false
fi
while $ok; do
  sim=$(( $(date -d "$(tail -n 1 "$csv" | cut -d, -f1)" +%s) - start_s ))
  [ "$sim" -lt "$span_s" ] || break
  # Between visitors: a few minutes by day, long stretches by night.
  hour=$(( (start_s + sim) % 86400 / 3600 ))
  if [ "$hour" -ge 8 ] && [ "$hour" -lt 20 ]; then rnd 180; else rnd 2400; fi
  emit "sleep $(( R * 1000 / LONGRUN_RATE ))"
  visits=$((visits + 1))
  visit "$visits"
  if wait_resets "$resets"; then
    sample "visit$visits"
  else
    ok=false
  fi
done
if $ok; then
  # The last touch: a fresh visit on the very home screen of the start;
  # then staff ends kiosque.
  visits=$((visits + 1))
  emit "tap 40 12" "wait-gone $WELCOME_FR" "wait-snapshot home" \
       "key f12" "wait $pad_fr" "$(pin_taps "$PIN")" "wait $menu_fr" \
       "tap-text $exit_fr" "expect-exit 0" "expect-restored"
fi
exec 3>&-
wait "$term_pid"
term_rc=$?
real_s=$(( $(date +%s) - real_start ))
if [ "$term_rc" -ne 0 ]; then
  # The script as played, numbered as the harness counts its lines.
  awk '{ printf "%5d  %s\n", NR, $0 }' "$tmp/played" | tail -n 60 >&2
  cat "$tmp/term.err" >&2
  fail "the visits stopped (visit $visits, seed $LONGRUN_SEED)"
fi

# The idle timer: one reset per visit, each after idle + countdown of
# simulated time at least, and the CSV's clock spans the whole run.
n_resets=$(csv_count idle-reset)
n_visits=$(csv_count visit)
[ "$n_resets" -eq "$resets" ] \
  || fail "$n_resets idle resets in --stats, $resets expected"
[ "$n_visits" -eq "$visits" ] \
  || fail "$n_visits visits in --stats, $visits expected"
# Each visitor's last action shows a page (last_steps), so each idle
# reset comes the idle time and the countdown (10 s) after a page view;
# allow 30 s (0.3 s of real time at x100) for a busy machine and
# whole-second stamps.  A timer on the real clock would take 100 times
# longer.
idle=$(sed -n 's/^idle_seconds: *//p' "$CONTENT/site.yaml")
awk -F, -v idle="${idle:-120}" '
  NR == 1 { next }
  { gsub(/[-:T]/, " ", $1); t = mktime($1) }
  $2 == "idle-reset" && prev {
    gap = t - prev; n++
    if (gap < min || n == 1) min = gap
    if (gap > max) max = gap
    if (gap < idle || gap > idle + 10 + 30) {
      printf "FAIL: an idle reset %d s after the last page shown\n", gap; bad = 1 } }
  prev && t < prev { printf "FAIL: the CSV clock went back\n"; bad = 1 }
  $2 != "idle-reset" { prev = t }
  END {
    printf "longrun: %d idle resets, %d to %d s (simulated) after the last page shown\n", n, min, max
    exit bad }' "$csv" >&2 || fail "idle resets off the sped-up idle time"
first_day=$(sed -n 2p "$csv" | cut -c1-10)
last_day=$(tail -n 1 "$csv" | cut -c1-10)
sim_s=$(( $(date -d "$(tail -n 1 "$csv" | cut -d, -f1)" +%s) - start_s ))
[ "$sim_s" -ge "$span_s" ] || [ "$term_rc" -ne 0 ] \
  || fail "simulated $sim_s s, less than $span_s s"
if [ "$span_s" -ge 86400 ] && [ "$first_day" = "$last_day" ]; then
  fail "a simulated day without a midnight"
fi

# Memory: the last quarter's peaks against the first quarter's, after
# the warm-up.
awk -F'\t' -v warm="$LONGRUN_WARMUP" -v massif="$LONGRUN_MASSIF" \
    -v slack="$LONGRUN_SLACK_KB" '
  NR == 1 { next }
  { n++; t[n] = $2; rss[n] = $3; anon[n] = $4; heap[n] = $5 }
  END {
    A = "RssAnon"; H = "[heap]"
    if (massif == "yes") { A = "massif heap+overhead"; H = "massif live heap" }
    if (n < warm + 2) { printf "FAIL: %d memory samples, too few\n", n; exit 1 }
    # Quarters of the time after the warm-up (sample warm + 1 ends it).
    w = warm + 1
    q = (t[n] - t[w]) / 4
    for (i = 1; i <= n; i++) {
      if (rss[i] > peak) peak = rss[i]
      if (i < w) continue
      if (i == w) { wr = rss[i]; wa = anon[i]; wh = heap[i] }
      if (t[i] <= t[w] + q) { if (anon[i] > a1) a1 = anon[i]; if (heap[i] > h1) h1 = heap[i]; n1++ }
      if (t[i] >= t[n] - q) { if (anon[i] > a4) a4 = anon[i]; if (heap[i] > h4) h4 = heap[i]; n4++ }
    }
    printf "longrun: RSS %d kB at the start, %d kB after the warm-up, peak %d kB, %d kB at the end\n", rss[1], wr, peak, rss[n]
    printf "longrun: %s %d kB at the start, %d kB after the warm-up, %d kB at the end; %s %d, %d, %d kB\n", A, anon[1], wa, anon[n], H, heap[1], wh, heap[n]
    printf "longrun: first quarter after the warm-up (%d samples): %s peak %d kB, %s peak %d kB; last quarter (%d samples): %d kB, %d kB (slack %d kB)\n", n1, A, a1, H, h1, n4, a4, h4, slack
    if (n1 == 0 || n4 == 0) { print "FAIL: a quarter without samples"; exit 1 }
    if (a4 > a1 + slack) { printf "FAIL: %s grew by %d kB\n", A, a4 - a1; bad = 1 }
    if (h4 > h1 + slack) { printf "FAIL: %s grew by %d kB\n", H, h4 - h1; bad = 1 }
    exit bad
  }' "$mem" >&2 || fail "memory grew over the run"

echo "longrun: $real_s s real for $sim_s s simulated (x$LONGRUN_RATE, from $LONGRUN_START UTC to $(tail -n 1 "$csv" | cut -d, -f1)); $visits visits, $actions visitor actions, $staff_turns staff turns ($reloads reloads), $n_resets idle resets, $(csv_count view) page views" >&2
if [ -n "$LONGRUN_OUT" ]; then
  mkdir -p "$LONGRUN_OUT"
  cp "$mem" "$csv" "$LONGRUN_OUT/"
  cp "$tmp/term.err" "$tmp/played" "$LONGRUN_OUT/"
  [ "$LONGRUN_MASSIF" = yes ] && cp "$tmp"/snapshot-* "$LONGRUN_OUT/"
fi
exit $fail
