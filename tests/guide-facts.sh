#!/bin/sh
# guide-facts.sh -- a visitor who reads only French, or only Vietnamese,
# finds every fact of the seed page: each text of tests/guide-facts.txt is
# on its page as --dump lays it out, at 40 and at 80 columns.  Every page
# of the guide also dumps cleanly in both languages at both widths: exit
# status 0, the title on the first line, no line wider than the width.
. "${srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 missing"; exit 77; }

"$KIOSQUE" --list "$CONTENT" > "$tmp/list" || fail "--list content"

python3 - "$KIOSQUE" "$CONTENT" "$srcdir/tests/guide-facts.txt" "$tmp/list" <<'EOF' \
  || fail "guide facts"
import subprocess, sys, unicodedata

kiosque, content, facts_file, list_file = sys.argv[1:5]
LANGS = ("fr", "vi")
WIDTHS = (40, 80)
FRAME = "│┌┐└┘├┤─═•›"
problems = []

def columns(s):
    n = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n

def flat(text):
    """TEXT as one line: frames and bullets dropped, spaces collapsed, a
    line broken after a hyphen or a dash (2023–2024) joined back without
    a space."""
    out = ""
    for line in text.replace("\u00a0", " ").replace("\u202f", " ").split("\n"):
        line = " ".join("".join(" " if c in FRAME else c for c in line).split())
        if not line:
            continue
        if out[-1:] in ("-", "–") and out[-2:-1] not in ("", " "):
            out += line
        else:
            out += (" " if out else "") + line
    return out

titles = {}
for line in open(list_file, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 4:
        titles[f[0]] = {"fr": f[2], "vi": f[3]}

dumps = {}
for pid in sorted(titles):
    for lang in LANGS:
        for width in WIDTHS:
            r = subprocess.run([kiosque, "--dump=" + pid, "--lang=" + lang,
                                "--width=%d" % width, content],
                               capture_output=True)
            what = "%s (%s, %d columns)" % (pid, lang, width)
            if r.returncode != 0 or r.stderr:
                problems.append("%s: exit %d, %s" % (what, r.returncode,
                                r.stderr.decode("utf-8", "replace").strip()))
            text = r.stdout.decode("utf-8", "replace")
            lines = text.split("\n")
            if flat(lines[0] if lines else "") != flat(titles[pid][lang]) \
               and not flat(text).startswith(flat(titles[pid][lang])):
                problems.append("%s: does not start with its title %r"
                                % (what, titles[pid][lang]))
            for n, l in enumerate(lines, 1):
                if columns(l) > width:
                    problems.append("%s: line %d is %d columns wide"
                                    % (what, n, columns(l)))
                if any(unicodedata.category(c) == "Cc" for c in l):
                    problems.append("%s: line %d has a control character" % (what, n))
            dumps[pid, lang, width] = flat(text)

nfacts = 0
for n, line in enumerate(open(facts_file, encoding="utf-8"), 1):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    if len(f) != 4:
        problems.append("guide-facts.txt:%d: want 4 tab-separated fields" % n)
        continue
    fact, pid = f[0], f[1]
    nfacts += 1
    if pid not in titles:
        problems.append("%s: no page %s" % (fact, pid))
        continue
    for lang, want in zip(LANGS, f[2:]):
        for width in WIDTHS:
            if flat(want) not in dumps[pid, lang, width]:
                problems.append("%s: not on %s in %s at %d columns: %r"
                                % (fact, pid, lang, width, want))

for p in problems:
    print(p, file=sys.stderr)
print("%d pages dumped in %d languages at %d widths; %d facts checked; %d problems"
      % (len(titles), len(LANGS), len(WIDTHS), nfacts, len(problems)))
sys.exit(1 if problems or not nfacts or not titles else 0)
EOF

exit $fail
