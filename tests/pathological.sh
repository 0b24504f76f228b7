#!/bin/sh
# Pathological content: one tree holding every kind of bad input an
# editor, a copy gone wrong or a hostile USB stick can give the kiosk.
# --check must name each problem at its FILE:LINE and exit 1, --list must
# list every good page, and --dump must show every good page as a clean
# tree shows it -- each run within bounded time and memory.
#
# Bounds enforced on every run: 20 s of CPU time (ulimit -t; the whole
# tree loads in about half a second, and a quadratic loader takes
# minutes, so this catches blow-ups without timing anything that load
# on the machine could upset) and a 120 s timeout against hangs.
# Outside the sanitizer build, also a 512 MB address-space limit
# (ulimit -v) and a peak resident size under 64 MB (256 MB for the
# pages of 1 MB runs), measured with GNU time, which also proves the
# 100 MB page is refused by its size, not read.  AddressSanitizer reserves terabytes of address space for its
# shadow memory, so the sanitizer build (SANITIZED=yes) gets the time
# bounds only.
. "$srcdir/tests/lib.sh"
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

timeout_s=120
cpu_s=20
vmem_kb=$((512 * 1024))
rss_kb=$((64 * 1024))
sanitized=${SANITIZED:-no}
have_time=no
[ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1 && have_time=yes
[ $have_time = yes ] || echo "note: GNU time is missing (Debian package 'time'): peak memory not measured"

# Root reads unreadable files anyway: run the kiosk as an unprivileged
# user when we are root, or skip the permission checks.
as_user=
check_perms=yes
if [ "$(id -u)" -eq 0 ]; then
  check_perms=no
  chmod 755 "$tmp"
  for cmd in "setpriv --reuid=nobody --regid=nogroup --clear-groups" \
             "runuser -u nobody --"; do
    if $cmd "$KIOSQUE" --version > /dev/null 2>&1; then
      as_user=$cmd
      check_perms=yes
      break
    fi
  done
  [ $check_perms = yes ] \
    || echo "note: running as root with no way to drop privileges: unreadable files not checked"
fi

# measured FILE COMMAND...: run COMMAND, writing "SECONDS PEAK_RSS_KB"
# to FILE when GNU time is there.
measured () {
  out=$1
  shift
  if [ $have_time = yes ]; then
    /usr/bin/time -o "$out" -f '%e %M' "$@"
  else
    "$@"
  fi
}

# run NAME ARGS...: run kiosque ARGS as the (unprivileged) user under the
# bounds, stdout to $tmp/NAME.out, stderr to $tmp/NAME.err, the status in
# $status; fails on a timeout, a crash or the memory bound.
run () {
  name=$1
  shift
  vmem=unlimited
  [ "$sanitized" = yes ] || vmem=$vmem_kb
  (ulimit -t $cpu_s && ulimit -v $vmem && measured "$tmp/$name.time" \
     timeout $timeout_s $as_user "$KIOSQUE" "$@") \
    > "$tmp/$name.out" 2> "$tmp/$name.err"
  status=$?
  [ $status -eq 124 ] && fail "$name: still running after ${timeout_s} s"
  # SIGXCPU, or SIGKILL when the soft and hard limits are one.
  [ $status -eq 152 ] || [ $status -eq 137 ] \
    && fail "$name: killed, over ${cpu_s} s of CPU time?"
  [ $status -gt 2 ] && fail "$name: exit status $status: $(tail -n 5 "$tmp/$name.err")"
  if [ $have_time = yes ] && [ -s "$tmp/$name.time" ]; then
    # The last line: GNU time first says when the command was killed.
    set -- $(tail -n 1 "$tmp/$name.time")
    echo "$name: ${1:-?} s, peak RSS ${2:-?} KB"
    case ${2:-x} in
      *[!0-9]*) fail "$name: not measured: $(cat "$tmp/$name.time")" ;;
      *) [ "$sanitized" = yes ] || [ "$2" -le $rss_kb ] \
           || fail "$name: peak RSS $2 KB, over the $rss_kb KB bound" ;;
    esac
  fi
  return 0
}

# expect NAME LINE: the output of run NAME has this exact line.
expect () {
  grep -Fqx -- "$2" "$tmp/$1.out" || fail "$1: no line '$2'"
}

# A small clean site: the good pages every tree below must still serve.
base () {
  mkdir -p "$1/hue" || exit 99
  cat > "$1/site.yaml" <<'EOF'
title:
  fr: Hué · Cergy
  vi: Huế · Cergy
languages: [fr, vi]
default_language: fr
home: home
EOF
  printf -- '---\ntitle: Accueil\nkind: section\n---\nBienvenue ! Voir [Hué](hue).\n' > "$1/home.fr.md"
  printf -- '---\ntitle: Trang chủ\nkind: section\n---\nChào mừng! Xem [Huế](hue).\n' > "$1/home.vi.md"
  printf -- '---\ntitle: Hué\nsummary: L’ancienne capitale.\n---\n# Histoire\n\nUne *cité* impériale : la citadelle.\n\n- un\n- deux\n\n> Citation.\n' > "$1/hue.fr.md"
  printf -- '---\ntitle: Huế\nsummary: Cố đô.\n---\n# Lịch sử\n\nKinh thành **Huế**.\n\n1. một\n2. hai\n' > "$1/hue.vi.md"
  printf -- '---\ntitle: Non lá\nkind: artisan\ncraft: Chapellerie\nproducts: [chapeaux]\n---\nTexte.\n' > "$1/hue/non-la.fr.md"
  printf -- '---\ntitle: Nón lá\nkind: artisan\ncraft: Làm nón\nproducts: [nón]\n---\nVăn bản.\n' > "$1/hue/non-la.vi.md"
}

clean=$tmp/clean
tree=$tmp/tree
base "$clean"
base "$tree"
cd "$tmp" || exit 99

# Bytes that are not UTF-8 text, each on a known line.
printf -- '---\ntitle: Tronqué\n---\nligne quatre\ncaf\303\n' > tree/truncated.fr.md
printf -- '---\ntitle: Long\n---\n\nun / trop long : \340\200\257\n' > tree/overlong.fr.md
printf -- '---\ntitle: Surrogate\n---\nA\nB\n\355\240\200 demi-paire\n' > tree/surrogate.vi.md
printf -- '---\ntitle: "Nul"\n\000: x\n---\n' > tree/nul.vi.md
# 100 MB, sparse: refused by its size before a byte is read (read, it
# would be diagnosed as a NUL byte, and weigh 100 MB).
printf -- '---\ntitle: Énorme\n---\n' > tree/huge.fr.md
truncate -s 100M tree/huge.fr.md 2> /dev/null \
  || dd if=/dev/zero of=tree/huge.fr.md bs=1 count=0 seek=100M 2> /dev/null \
  || exit 99

# 20 000-deep block quotes and lists, under the size cap: good pages,
# with a warning.  The "lazy" pages go on for 20 000 lines at that depth
# (lazy continuation: a line need not repeat the markers), the case that
# made output grow as lines times depth.
n=20000
deep_quotes=$(awk -v n=$n 'BEGIN { while (n--) printf ">"; print " fond" }')
deep_lists=$(awk -v n=$n 'BEGIN { while (n--) printf "- "; print "fond" }')
for l in fr vi; do
  printf -- '---\ntitle: Citations\n---\n%s\n' "$deep_quotes" > tree/quotes.$l.md
  printf -- '---\ntitle: Listes\n---\n%s\n' "$deep_lists" > tree/lists.$l.md
  { printf -- '---\ntitle: Paresseux\n---\n%s\n' "$deep_quotes"
    awk -v n=$n 'BEGIN { while (n--) print "encore un mot !" }'; } > tree/lazy.$l.md
  { printf -- '---\ntitle: Sauts\n---\n%s\\\n' "$deep_lists"
    awk -v n=$n 'BEGIN { while (n--) print "x\\" }'; echo fin; } > tree/breaks.$l.md
done
# Billion laughs: refused at the first alias, never expanded.
{
  printf -- '---\ntitle: Rires\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  prev=a
  for x in b c d e f g h i; do
    printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $x $x \
      $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=$x
  done
  printf -- '---\n'
} > tree/bomb.fr.md

# Symbolic link loops, to a file and to a directory.
ln -s b.fr.md tree/a.fr.md
ln -s a.fr.md tree/b.fr.md
ln -s .. tree/hue/parent
ln -s nowhere.fr.md tree/dangling.fr.md

# Not files: a FIFO (reading it would block the kiosk) and a link to an
# endless device.
mkfifo tree/fifo.fr.md 2> /dev/null || echo "note: no FIFO (mkfifo failed)"
ln -s /dev/zero tree/zero.fr.md

# A directory named like a page, holding a page.
mkdir tree/dossier.fr.md
printf -- '---\ntitle: Perdu\n---\n' > tree/dossier.fr.md/perdu.fr.md

# Unreadable files and directories.
printf -- '---\ntitle: Secret\n---\n' > tree/secret.fr.md
mkdir tree/prive
printf -- '---\ntitle: Privé\n---\n' > tree/prive/page.fr.md
chmod 000 tree/secret.fr.md tree/prive

# 10 000 pages in one section, in French only (each warned about):
# 10 000 files rather than 20 000 keep the test quick.
printf -- '---\ntitle: Beaucoup\nkind: section\n---\n' > tree/beaucoup.fr.md
printf -- '---\ntitle: Nhiều\nkind: section\n---\n' > tree/beaucoup.vi.md
mkdir tree/beaucoup
awk 'BEGIN {
  for (i = 1; i <= 10000; i++) {
    f = sprintf ("tree/beaucoup/p%05d.fr.md", i)
    printf "---\ntitle: Page %d\norder: %d\n---\nTexte %d.\n", i, i, i > f
    close (f)
  }
}' || exit 99

# A front matter of 100 000 keys, checked on its own: each gets its
# warning, and no key is compared with every other (that took a minute).
base "$tmp/keys"
{ printf -- '---\ntitle: Clés\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "k%d: v\n", i }'
  printf 'k7: twice\n---\nCorps.\n'; } > keys/keys.vi.md
run keys --check keys
[ $status -eq 1 ] || fail "--check keys: exit $status, want 1"
expect keys "keys/keys.vi.md:100002: warning: unknown key 'k99999' (ignored)"
expect keys "keys/keys.vi.md:100003: error: key 'k7' is given twice; the first one is used"
expect keys "1 error, 100001 warnings"

# Paragraphs of about 1 MB that no opportunity breaks: "!" (French
# closing punctuation), hyphens, no-break spaces.  Each line cut from
# them once walked the whole run again: minutes of CPU.  Apart, with a
# peak RSS bound of 256 MB: cmark makes a node of every "!" (one might
# open an image), about 170 bytes each, while the page loads.
base "$tmp/runs"
{ printf -- '---\ntitle: Cris\n---\n'; head -c 1000000 /dev/zero | tr '\0' '!'; echo; } > runs/cris.vi.md
{ printf -- '---\ntitle: Tirets\n---\na'; head -c 1000000 /dev/zero | tr '\0' '-'; echo; } > runs/tirets.vi.md
{ printf -- '---\ntitle: Espaces\n---\na'
  awk 'BEGIN { for (i = 0; i < 480000; i++) printf "\302\240"; print "b" }'; } > runs/espaces.vi.md
rss_kb=$((256 * 1024))
for id in cris tirets espaces; do
  run "dump-$id" --dump=$id --lang=vi --width=20 runs
  [ $status -eq 0 ] || fail "dump-$id: exit $status"
  [ "$(wc -L < "$tmp/dump-$id.out")" -le 20 ] || fail "dump-$id: a line is wider than 20 columns"
done
rss_kb=$((64 * 1024))
[ "$(tr -cd '!' < "$tmp/dump-cris.out" | wc -c)" -eq 1000000 ] \
  || fail "the page of 1 000 000 '!' lost some"
[ "$(tr -cd '-' < "$tmp/dump-tirets.out" | wc -c)" -eq 1000000 ] \
  || fail "the page of 1 000 000 '-' lost some"
grep -q '^b$' "$tmp/dump-espaces.out" || fail "the page of no-break spaces lost its end"

# --check: every problem at its place, exit 1.
run check --check tree
[ $status -eq 1 ] || fail "--check: exit $status, want 1"
expect check "tree/truncated.fr.md:5: error: invalid or overlong UTF-8 (byte 0xC3)"
expect check "tree/overlong.fr.md:5: error: invalid or overlong UTF-8 (byte 0xE0)"
expect check "tree/surrogate.vi.md:6: error: invalid or overlong UTF-8 (byte 0xED)"
expect check "tree/nul.vi.md:3: error: NUL byte: this is not a text file"
expect check "tree/huge.fr.md:1: error: file too large (over 1048576 bytes): not read"
expect check "tree/bomb.fr.md:4: error: YAML aliases (*name) are not allowed: write the value out"
for p in quotes lists lazy breaks; do
  for l in fr vi; do
    expect check "tree/$p.$l.md:4: warning: block quotes and lists nested more than 8 deep: the deeper ones are shown flat"
  done
done
expect check "tree/a.fr.md: warning: symbolic link loop (ignored)"
expect check "tree/b.fr.md: warning: symbolic link loop (ignored)"
expect check "tree/dangling.fr.md: warning: broken symbolic link (ignored)"
expect check "tree/hue/parent: warning: symbolic link to a directory: not followed"
[ -p tree/fifo.fr.md ] && expect check "tree/fifo.fr.md: warning: not a regular file (ignored)"
expect check "tree/zero.fr.md: warning: not a regular file (ignored)"
expect check "tree/dossier.fr.md: warning: a directory named like a page file: not read (a section's pages go in a directory named after its id)"
if [ $check_perms = yes ]; then
  expect check "tree/secret.fr.md:1: error: cannot read: Permission denied"
  expect check "tree/prive: error: cannot read directory: Permission denied"
fi
grep -q perdu "$tmp/check.out" && fail "--check read into the directory named like a page"
grep -v -e '^tree/' -e '^[0-9]* errors\?, [0-9]* warnings\?$' "$tmp/check.out" >&2 \
  && fail "--check: lines that are not FILE:LINE: diagnostics"
[ -s "$tmp/check.err" ] && fail "--check wrote to stderr: $(head -n 3 "$tmp/check.err")"

# --list: every good page, and none of the bad ones.
run list --list tree
[ $status -eq 1 ] || fail "--list: exit $status, want 1"
cut -f 1 "$tmp/list.out" > "$tmp/ids"
good="home hue hue/non-la beaucoup quotes lists lazy breaks"
for id in $good beaucoup/p00001 beaucoup/p05000 beaucoup/p10000; do
  grep -Fqx "$id" "$tmp/ids" || fail "--list does not list '$id'"
done
for id in truncated overlong surrogate nul huge bomb a b dangling secret \
          prive/page dossier.fr.md/perdu fifo zero; do
  grep -Fqx "$id" "$tmp/ids" && fail "--list lists the bad page '$id'"
done
[ "$(grep -c '^beaucoup/' "$tmp/ids")" -eq 10000 ] \
  || fail "--list: $(grep -c '^beaucoup/' "$tmp/ids") pages in beaucoup/, want 10000"

# check_lines FILE WIDTH WHAT: no line wider than WIDTH, no escape.
esc=$(printf '\033')
check_lines () {
  [ "$(wc -L < "$1")" -le "$2" ] || fail "$3: a line is wider than $2 columns"
  grep -q "$esc" "$1" && fail "$3: terminal escape in the output"
  return 0
}

# --dump (each run loads the whole tree, so a sample): the good pages
# read as in the clean tree; the deep pages, the 10 000-page section and
# pages of it lay out within the width and lose no text.
for page in hue:fr:20 hue:vi:80 hue/non-la:fr:80 hue/non-la:vi:20; do
  IFS=: read -r id l w <<EOF
$page
EOF
  name=dump-$(echo "$id" | tr / -)-$l-$w
  run "$name" --dump="$id" --lang=$l --width=$w tree
  [ $status -eq 0 ] || fail "$name: exit $status"
  "$KIOSQUE" --dump="$id" --lang=$l --width=$w clean > "$tmp/want" 2> /dev/null
  expect_same "$tmp/want" "$tmp/$name.out" "$name (against the clean tree)"
done
for page in quotes:fr:40 quotes:vi:20 lists:fr:20 lists:vi:40 lazy:fr:40 \
            lazy:vi:20 breaks:fr:20 breaks:vi:40 beaucoup:fr:40 \
            beaucoup/p10000:vi:40; do
  IFS=: read -r id l w <<EOF
$page
EOF
  name=dump-$(echo "$id" | tr / -)-$l
  run "$name" --dump="$id" --lang=$l --width=$w tree
  [ $status -eq 0 ] || fail "$name: exit $status"
  check_lines "$tmp/$name.out" $w "$name"
done
for l in fr vi; do
  grep -q fond "$tmp/dump-quotes-$l.out" || fail "dump of the deep quotes lost its text"
  grep -q fond "$tmp/dump-lists-$l.out" || fail "dump of the deep lists lost its text"
  [ "$(grep -o 'mot' "$tmp/dump-lazy-$l.out" | wc -l)" -eq 20000 ] \
    || fail "dump of the lazy page lost words"
  [ "$(grep -c 'x$' "$tmp/dump-breaks-$l.out")" -eq 20000 ] \
    || fail "dump of the hard breaks page: not 20000 lines of text"
done
[ "$(grep -c '›' "$tmp/dump-beaucoup-fr.out")" -eq 10000 ] \
  || fail "the section does not show its 10000 buttons"
grep -q 'Page 10000' "$tmp/dump-beaucoup-fr.out" || fail "no button for the last page"
grep -q 'Texte 10000' "$tmp/dump-beaucoup-p10000-vi.out" || fail "the last page is not shown"

# Home lists every good top-level page, and the clean tree's body first.
run dump-home --dump tree
[ $status -eq 0 ] || fail "dump-home: exit $status"
for title in Hué Beaucoup Citations Listes Paresseux Sauts; do
  grep -q "│ $title " "$tmp/dump-home.out" || fail "home has no button for '$title'"
done
"$KIOSQUE" --dump clean > "$tmp/want" 2> /dev/null
head -n "$(($(wc -l < "$tmp/want") - 3))" "$tmp/want" > "$tmp/want-body"
head -n "$(wc -l < "$tmp/want-body")" "$tmp/dump-home.out" > "$tmp/got-body"
expect_same "$tmp/want-body" "$tmp/got-body" "home's text differs from the clean tree's"

exit $fail
