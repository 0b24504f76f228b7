#!/bin/sh
# content-quality.sh -- the guide under content/ is complete and clean:
# every page in both languages with the same block structure (so that
# switching language keeps the reader's place), valid UTF-8 in NFC,
# titles that fit in 40 columns, one-sentence summaries, known front
# matter keys, internal links that resolve, French typography in French
# and none of it in Vietnamese.
. "${srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 missing"; exit 77; }

python3 - "$CONTENT" <<'EOF' || fail "content quality"
import os, re, sys, unicodedata, datetime

root = sys.argv[1]
LANGS = ("fr", "vi")
KEYS = {"title", "kind", "order", "summary", "craft", "place", "stand",
        "products", "contact", "date", "end"}
KINDS = {"page", "section", "artisan", "event"}
PAGE_LEVEL = ("kind", "order", "date", "end")
NBSP = "\u00a0\u202f"
problems = []

def problem(path, line, msg):
    problems.append("%s:%d: %s" % (path, line, msg))

def columns(s):
    """Display columns of S on a terminal."""
    n = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n

def scalar(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return v

def front_matter(path, lines):
    """The front matter of a page as {key: (value, line)}, and the body's
    first line index.  A small reader for the subset the guide uses
    (key: value, and key: followed by "  - item" lines); the loader
    itself uses libyaml."""
    if not lines or lines[0].rstrip("\n") != "---":
        problem(path, 1, "no front matter")
        return {}, 0
    fm, key = {}, None
    for i in range(1, len(lines)):
        l = lines[i].rstrip("\n")
        if l == "---":
            return fm, i + 1
        if not l.strip() or l.lstrip().startswith("#"):
            continue
        m = re.match(r"^\s+-\s+(.*)$", l)
        if m and key:
            fm[key][0].append(scalar(m.group(1)))
            continue
        m = re.match(r"^([A-Za-z_]+):(?:\s+(.*))?$", l)
        if not m:
            problem(path, i + 1, "cannot read front matter line")
            continue
        key = m.group(1)
        val = m.group(2)
        if val is None or not val.strip():
            fm[key] = ([], i + 1)
        else:
            val = re.sub(r"\s+#.*$", "", val)
            fm[key] = (scalar(val), i + 1)
    problem(path, 1, "front matter not closed by ---")
    return fm, len(lines)

def blocks(body):
    """The sequence of block kinds of a CommonMark body, read line by line:
    enough to compare two translations of the same page."""
    seq, prev = [], None
    for l in body:
        s = l.rstrip("\n")
        if not s.strip():
            prev = None
            continue
        if re.match(r"^ {0,3}([-*_])( *\1){2,} *$", s):
            seq.append("rule"); prev = None; continue
        m = re.match(r"^ {0,3}(#{1,6})\s", s)
        if m:
            seq.append("h%d" % len(m.group(1))); prev = None; continue
        if re.match(r"^ {0,3}[-*+]\s", s):
            seq.append("item"); prev = "item"; continue
        if re.match(r"^ {0,3}\d+[.)]\s", s):
            seq.append("num"); prev = "num"; continue
        if re.match(r"^ {0,3}>", s):
            if prev != "quote":
                seq.append("quote")
            prev = "quote"; continue
        if prev in ("item", "num", "quote", "para"):
            continue                    # continuation line
        seq.append("para"); prev = "para"
    return seq

def visible(text):
    """TEXT without link targets and addresses."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[a-z]+:[^>]*>", "", text)
    return re.sub(r"https?://\S+", "", text)

# Every file: valid UTF-8, NFC.
texts = {}
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in sorted(filenames):
        full = os.path.join(dirpath, name)
        rel = os.path.relpath(full, root)
        data = open(full, "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            problem(rel, data[:e.start].count(b"\n") + 1, "invalid UTF-8")
            continue
        for n, l in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", l):
                problem(rel, n, "not in NFC")
        if rel.endswith(".md"):
            texts[rel] = text

pages = {}                              # id -> {lang: (rel, fm, body, line0)}
for rel, text in sorted(texts.items()):
    m = re.match(r"^(.*)\.(fr|vi)\.md$", rel)
    if not m:
        problem(rel, 1, "page file name must end in .fr.md or .vi.md")
        continue
    pid, lang = m.group(1), m.group(2)
    lines = text.splitlines(True)
    fm, start = front_matter(rel, lines)
    template = rel.split(os.sep)[0].startswith("_")
    if not template:
        pages.setdefault(pid, {})[lang] = (rel, fm, lines[start:], start)

    # Typography, in the front matter values and the body alike.
    for n, l in enumerate(lines, 1):
        s = visible(l.rstrip("\n"))
        if n <= start:
            s = re.sub(r"^\s*(#.*|[A-Za-z_]+:|-)", "", s)
        if lang == "fr":
            for bad in re.finditer(r"[ \t][;:!?»]|«[ \t]|^[;:!?»]|«$", s):
                problem(rel, n, "ordinary space or line break beside %r: use U+202F"
                        % bad.group().strip())
            for bad in re.finditer(r"[^\s%s\[(][;!?»]|«[^\s%s]" % (NBSP, NBSP), s):
                problem(rel, n, "missing no-break space in %r" % bad.group())
            for bad in re.finditer(r"[^\s%s\d][:]" % NBSP, s):
                problem(rel, n, "missing no-break space in %r" % bad.group())
            for bad in re.finditer(r"\b\d{1,3} \d{3}\b", s):
                problem(rel, n, "ordinary space in the number %r" % bad.group())
        else:
            for bad in re.finditer(r"[%s][;:!?]|\s[;:!?](?=\s|$)" % NBSP, s):
                problem(rel, n, "space before %r: not in Vietnamese"
                        % bad.group().strip())

ids = set(pages)
for pid in sorted(pages):
    langs = pages[pid]
    for lang in LANGS:
        if lang not in langs:
            other = next(iter(langs.values()))[0]
            problem(other, 1, "page %s has no %s version" % (pid, lang))
    for lang, (rel, fm, body, start) in sorted(langs.items()):
        for key, (val, line) in fm.items():
            if key not in KEYS:
                problem(rel, line, "unknown front matter key %r" % key)
        if "title" not in fm or not fm["title"][0]:
            problem(rel, 1, "no title")
        else:
            title, line = fm["title"]
            if columns(title) > 40:
                problem(rel, line, "title is %d columns wide (at most 40)" % columns(title))
        if "summary" in fm:
            s, line = fm["summary"]
            if not re.search(r"[.!?]$", s) or re.search(r"[.!?…][\s%s]" % NBSP, s[:-1]):
                problem(rel, line, "summary is not one sentence: %r" % s)
        kind = fm.get("kind", ("page", 0))[0]
        if kind not in KINDS:
            problem(rel, fm["kind"][1], "unknown kind %r" % kind)
        if "order" in fm and not re.match(r"^-?\d+$", fm["order"][0]):
            problem(rel, fm["order"][1], "order is not a whole number")
        if "products" in fm and not isinstance(fm["products"][0], list):
            problem(rel, fm["products"][1], "products is not a list")
        dates = {}
        for key in ("date", "end"):
            if key in fm:
                try:
                    dates[key] = datetime.date.fromisoformat(fm[key][0])
                except ValueError:
                    problem(rel, fm[key][1], "%s is not a YYYY-MM-DD date" % key)
        if "end" in dates and ("date" not in dates or dates["end"] < dates["date"]):
            problem(rel, fm["end"][1], "end without a date before it")
        if kind != "event" and dates:
            problem(rel, 1, "date or end on a page that is not an event")
        for n, l in enumerate(body, start + 1):
            for t in re.findall(r"\]\(([^)\s]*)", l):
                if re.match(r"^[a-z]+:", t):
                    continue
                if t not in ids:
                    problem(rel, n, "link to a missing page %r" % t)
    if all(lang in langs for lang in LANGS):
        fr, vi = langs["fr"], langs["vi"]
        for key in PAGE_LEVEL:
            a = fr[1].get(key, (None,))[0]
            b = vi[1].get(key, (None,))[0]
            if a != b:
                problem(vi[0], 1, "%s %r differs from the French page's %r" % (key, b, a))
        bf, bv = blocks(fr[2]), blocks(vi[2])
        if bf != bv:
            problem(vi[0], vi[3] + 1, "block structure differs from %s: %s against %s"
                    % (fr[0], " ".join(bv), " ".join(bf)))

if "home" not in ids:
    problem("site.yaml", 1, "no home page")
for p in problems:
    print(p, file=sys.stderr)
print("%d pages, %d files checked, %d problems" % (len(ids), len(texts), len(problems)))
sys.exit(1 if problems else 0)
EOF

exit $fail
