# lib.sh -- sourced by the shell tests: paths, a pinned environment, helpers.
set -u
: "${KIOSQUE:=../src/kiosque}"
: "${srcdir:=.}"
: "${top_srcdir:=..}"
LC_ALL=C.UTF-8 LANGUAGE= TERM=xterm-256color
export LC_ALL LANGUAGE TERM
CONTENT="$top_srcdir/content"
FIXTURES="$srcdir/tests/fixtures"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiosque-test.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

fail=0
# fail MESSAGE: record a failure and go on, so one run shows every problem.
fail () { echo "FAIL: $*" >&2; fail=1; }
# copy_tree SRC DST: a writable copy of a fixture tree (under make
# distcheck the source tree, and so a plain copy of it, is read-only).
copy_tree () { cp -R "$1" "$2" && chmod -R u+w "$2"; }
# expect_same EXPECTED_FILE ACTUAL_FILE WHAT
expect_same () { diff -u "$1" "$2" >&2 || fail "$3"; }

# The freshly built message catalogues, laid out as bindtextdomain wants.
for l in fr vi; do
  for gmo in "$top_srcdir/po/$l.gmo" "../po/$l.gmo" "po/$l.gmo"; do
    if [ -f "$gmo" ]; then
      mkdir -p "$tmp/locale/$l/LC_MESSAGES"
      cp "$gmo" "$tmp/locale/$l/LC_MESSAGES/kiosque.mo"
      break
    fi
  done
done
KIOSQUE_LOCALEDIR=$tmp/locale
export KIOSQUE_LOCALEDIR
