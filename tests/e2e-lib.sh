# e2e-lib.sh -- sourced by the end-to-end tests (tests/e2e-*.sh) after
# lib.sh: run the real kiosque in tests/term, a pty read by libvterm,
# and know what a visitor should see from the content itself (--list,
# --dump, site.yaml) and the catalogues, never from copies of it.
need_term

# Each test runs under both terminal types kiosque must serve: xterm
# (SGR 1006 mouse reports) and tmux (X10 reports, other Home/End keys).
E2E_TERMS="xterm-256color tmux-256color"
# Seconds a wait polls; raise it for slow builds (valgrind, sanitizers).
: "${E2E_TIMEOUT:=10}"

"$KIOSQUE" --list "$CONTENT" >"$tmp/list" 2>"$tmp/list.err" \
  || { cat "$tmp/list.err" >&2; echo "kiosque --list $CONTENT failed"; exit 99; }

# title ID LANG: the title of page ID in LANG (fr or vi).
title () {
  awk -F'\t' -v id="$1" -v col="$([ "$2" = vi ] && echo 4 || echo 3)" \
    '$1 == id { print $col }' "$tmp/list"
}

# site_title LANG: the site's title in LANG, as site.yaml gives it.
site_title () {
  sed -n "/^title:/,/^[a-z]/s/^  $1: *//p" "$CONTENT/site.yaml"
}

# sections: the home page's sections (top-level section pages).
sections () {
  awk -F'\t' '$1 !~ /\// && $1 != "home" && $2 == "section" { print $1 }' "$tmp/list"
}

# children ID: the pages right under ID.
children () {
  awk -F'\t' -v p="$1/" \
    'index($1, p) == 1 && substr($1, length(p) + 1) !~ /\// { print $1 }' "$tmp/list"
}

# ui LANG MSGID: an interface string as kiosque shows it in LANG: the
# catalogue's translation, else MSGID itself.
ui () {
  mo="$KIOSQUE_LOCALEDIR/$1/LC_MESSAGES/kiosque.mo"
  { [ -f "$mo" ] && msgunfmt "$mo" 2>/dev/null; } | awk -v id="$2" '
    /^msgid "/ { cur = substr($0, 8, length($0) - 8); next }
    /^msgstr "/ && cur == id { s = substr($0, 9, length($0) - 9); if (s != "") t = s }
    END { print (t != "" ? t : id) }'
}

# dump ID LANG WIDTH: page ID laid out as the body shows it.
dump () {
  "$KIOSQUE" --dump="$1" --lang="$2" --width="$3" "$CONTENT"
}

# e2e NAME TERM COLSxROWS KIOSQUE-ARG...: play the script on stdin
# against kiosque in a terminal of that type and size.  The screen
# output (from `screen` commands) goes to $tmp/NAME.out; a failure shows
# the harness's report, with the screen, and is counted.
e2e () {
  e2e_name=$1 e2e_term=$2 e2e_size=$3
  shift 3
  if TERM=$e2e_term "$KIOSQUE_TERM" -s "$e2e_size" -t "$E2E_TIMEOUT" \
       -l "$tmp/$e2e_name.raw" "$KIOSQUE" "$@" \
       >"$tmp/$e2e_name.out" 2>"$tmp/$e2e_name.err"; then
    return 0
  fi
  echo "--- $e2e_name: TERM=$e2e_term ${e2e_size} kiosque $*" >&2
  cat "$tmp/$e2e_name.err" >&2
  fail "$e2e_name ($e2e_term, $e2e_size)"
  return 1
}
