#!/bin/sh
# The non-interactive modes under valgrind memcheck: no invalid read or
# write, no use of uninitialised memory, and no byte definitely lost,
# over the fixture site and the bundled content.
#
# Each run costs a second or two under valgrind, so this is a chosen
# subset of about 40 runs (a minute): --check and --list of each site;
# --dump of every page of the fixture site in both languages, the width
# going 20, 80, 80, 20 from run to run so that each language meets both
# widths; --dump of every other page of the bundled content (and home),
# the language and width taking turns the same way; and one --wrap=30
# run over all the prose fixtures.  Skipped without valgrind, and in the
# sanitizer build (valgrind cannot run over AddressSanitizer).
. "$srcdir/tests/lib.sh"

if [ "${SANITIZED:-no}" = yes ]; then
  echo "skip: the sanitizer build does not run under valgrind"
  exit 77
fi
if ! command -v valgrind > /dev/null 2>&1; then
  echo "skip: valgrind is not installed (Debian package valgrind)"
  exit 77
fi

runs=0
# vg WHAT ARGS...: kiosque ARGS under memcheck, stdin from $vg_in; fails
# on any memcheck error or definite leak, or a crash.  The kiosk's own
# status (1 for content with errors) is not ours to judge here.
vg_in=/dev/null
vg () {
  what=$1
  shift
  runs=$((runs + 1))
  valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="$tmp/vg.log" "$KIOSQUE" "$@" < "$vg_in" > "$tmp/vg.out" 2> "$tmp/vg.err"
  status=$?
  if [ $status -eq 99 ] || [ $status -gt 2 ] || [ -s "$tmp/vg.log" ]; then
    cat "$tmp/vg.log" >&2
    fail "$what: valgrind found errors (status $status)"
  fi
}

# dump_all SITE HOW: --dump of the pages of SITE.  HOW "both": every
# page in both languages; "half": every other page (home always), in
# one language taking turns.  The width goes 20, 80, 80, 20 run by run.
dump_all () {
  site=$1
  how=$2
  "$KIOSQUE" --list "$site" 2> /dev/null | cut -f 1 > "$tmp/ids"
  [ -s "$tmp/ids" ] || fail "--list $site listed no page"
  i=0
  n=0
  while read -r id; do
    n=$((n + 1))
    if [ "$how" = both ]; then
      langs="fr vi"
    elif [ $((n % 2)) -eq 1 ] || [ "$id" = home ]; then
      langs=fr
      [ $((i % 2)) -eq 1 ] && langs=vi
    else
      continue
    fi
    for lang in $langs; do
      case $((i % 4)) in 0|3) w=20 ;; *) w=80 ;; esac
      vg "--dump=$id --lang=$lang --width=$w $site" \
        --dump="$id" --lang=$lang --width=$w "$site"
      i=$((i + 1))
    done
  done < "$tmp/ids"
}

sites=$srcdir/tests/fixtures/site
[ -f "$top_srcdir/content/site.yaml" ] && sites="$sites $top_srcdir/content"
for site in $sites; do
  vg "--check $site" --check "$site"
  vg "--list $site" --list "$site"
done
dump_all "$srcdir/tests/fixtures/site" both
[ -f "$top_srcdir/content/site.yaml" ] && dump_all "$top_srcdir/content" half

cat "$FIXTURES"/prose.*.txt > "$tmp/prose"
vg_in=$tmp/prose
vg "--wrap=30" --wrap=30
echo "$runs runs under valgrind"
exit $fail
