# e2e-kiosk-lib.sh -- sourced by the kiosk mode's end-to-end tests after
# e2e-lib.sh: staff files and the kiosk's own words.

# The PIN the tests' staff files hold.
PIN=2468
PIN_HASH=${KIOSQUE_TERM%/*}/pin-hash
test -x "$PIN_HASH" || { echo "SKIP: tests/pin-hash not built"; exit 77; }

# staff_file PATH MODE: a staff file for $PIN with permissions MODE.
staff_file () {
  hash=$("$PIN_HASH" "$PIN") || { echo "pin-hash failed"; exit 99; }
  printf '# kiosque staff settings\npin_hash = %s\n' "$hash" >"$1"
  chmod "$2" "$1"
}

# ui_long LANG MSGID: e2e-lib.sh's ui for any MSGID, however long
# (msgunfmt would otherwise wrap it over several lines).
ui_long () {
  mo="$KIOSQUE_LOCALEDIR/$1/LC_MESSAGES/kiosque.mo"
  { [ -f "$mo" ] && msgunfmt --no-wrap "$mo" 2>/dev/null; } | awk -v id="$2" '
    /^msgid "/ { cur = substr($0, 8, length($0) - 8); next }
    /^msgstr "/ && cur == id { s = substr($0, 9, length($0) - 9); if (s != "") t = s }
    END { print (t != "" ? t : id) }'
}

# ui_head LANG MSGID: the translated MSGID up to its first "%" (for a
# message with a number in it).
ui_head () {
  s=$(ui_long "$1" "$2")
  printf '%s\n' "${s%%\%*}"
}

# pin_taps PIN: the script lines that tap PIN on the pad, then OK.
pin_taps () {
  p=$1
  while [ -n "$p" ]; do
    rest=${p#?}
    echo "tap-word ${p%"$rest"}"
    p=$rest
  done
  echo "tap-word $(ui_long "${2:-fr}" OK)"
}

# The fixed bilingual texts of the countdown and the attract screen.
STILL_THERE_FR="Vous êtes toujours là"
STILL_THERE_VI="Bạn vẫn còn ở đây chứ?"
WELCOME_FR="Touchez l'écran pour commencer"
WELCOME_VI="Chạm vào màn hình để bắt đầu"
