#!/bin/sh
# --check and --list over content with one defect per file: each defect
# gets its FILE:LINE: diagnostic at the right line, the good pages still
# load, and the exit status says whether there was an error.
. "$srcdir/tests/lib.sh"

# A clean site checks clean.
"$KIOSQUE" --check "$FIXTURES/good" > "$tmp/out" 2>&1
status=$?
[ $status -eq 0 ] || fail "--check good: exit $status, want 0"
echo "0 errors, 0 warnings" > "$tmp/want"
expect_same "$tmp/want" "$tmp/out" "--check of the good fixtures"

"$KIOSQUE" --list "$FIXTURES/good" > "$tmp/out" 2> "$tmp/err"
status=$?
[ $status -eq 0 ] || fail "--list good: exit $status, want 0"
[ -s "$tmp/err" ] && fail "--list good wrote to stderr: $(cat "$tmp/err")"
tab=$(printf '\t')
nnbsp=$(printf '\342\200\257')    # U+202F, French typography's space
cat > "$tmp/want" <<EOF
artisans${tab}section${tab}Artisans${tab}Nghệ nhân
artisans/non-la${tab}artisan${tab}Chapeaux coniques${tab}Nón lá
evenements${tab}section${tab}Événements${tab}Sự kiện
evenements/delegation-2023${tab}event${tab}Délégation de novembre 2023${tab}Phái đoàn tháng 11/2023
home${tab}section${tab}Bienvenue${tab}Chào mừng
hue${tab}page${tab}Hué, l'ancienne capitale${tab}Huế, cố đô
EOF
expect_same "$tmp/want" "$tmp/out" "--list of the good fixtures"

# The bad site: the committed fixtures, plus the defects that are bytes
# no editor should keep in a repository, written here.
FIXTURES=$(cd "$FIXTURES" && pwd) || exit 99
copy_tree "$FIXTURES/bad" "$tmp/bad" || exit 99
chmod -R u+w "$tmp/bad"
cd "$tmp" || exit 99
printf -- '---\ntitle: Nul\n---\nline four \000 here\n' > bad/nul.fr.md
printf -- '---\ntitle: Octet\n---\nfine\na \377 byte on line five\n' > bad/bad-utf8.fr.md
# An overlong "/" (C0 AF) in the front matter, line 2.
printf -- '---\ntitle: "\300\257"\n---\n' > bad/overlong.fr.md
# An escape character would reach the terminal.
printf -- '---\ntitle: Escape\n---\n\n\033[2J\n' > bad/control.fr.md
# One byte over the cap: refused without being read.
{ printf -- '---\ntitle: Huge\n---\n'; head -c 1048576 /dev/zero | tr '\0' 'a'; } > bad/huge.fr.md
# The same page as thé.fr.md, named in NFD as some editors write it.
nfd_the=the$(printf '\314\201')
printf -- '---\ntitle: Thé NFD\n---\nBody.\n' > "bad/$nfd_the.fr.md"
# A billion-laughs alias bomb: refused at the first alias.
{
  printf -- '---\ntitle: Bomb\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  printf 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
  printf 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
  printf -- '---\n'
} > bad/bomb.fr.md
# Nesting far deeper than any stack should follow.
{ printf -- '---\ntitle: Nest\nx: '; head -c 100000 /dev/zero | tr '\0' '['; printf '\n---\n'; } \
  > bad/nest.fr.md
# A file name that is not UTF-8 cannot be a page id.
printf -- '---\ntitle: Name\n---\n' > "bad/x$(printf '\377').fr.md"
# Links: one to a directory (not followed), one to nothing.
ln -s . bad/loop
ln -s nowhere bad/dangling.fr.md
# Directories deeper than the walk goes.
deep=bad/d
i=1
while [ $i -lt 32 ]; do deep=$deep/d; i=$((i + 1)); done
mkdir -p "$deep/d" || exit 99
printf -- '---\ntitle: Deep\n---\n' > "$deep/d/page.fr.md"

"$KIOSQUE" --check bad > out 2> err
status=$?
[ $status -eq 1 ] || fail "--check bad: exit $status, want 1"
[ -s err ] && fail "--check wrote to stderr: $(cat err)"
cat > want <<EOF
bad/README.md:1: warning: not a page file: pages are named ID.LANG.md, e.g. home.fr.md (ignored)
bad/alias.fr.md:3: error: YAML aliases (*name) are not allowed: write the value out
bad/bad-date.fr.md:1: warning: page 'bad-date' has no vi version (bad-date.vi.md)
bad/bad-date.fr.md:4: error: 'date' must be a date written YYYY-MM-DD, e.g. 2023-11-20
bad/bad-date.fr.md:5: error: 'end' must be a date written YYYY-MM-DD, e.g. 2023-11-20
bad/bad-utf8.fr.md:5: error: invalid or overlong UTF-8 (byte 0xFF)
bad/bomb.fr.md:4: error: YAML aliases (*name) are not allowed: write the value out
bad/broken-yaml.fr.md:4: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence
bad/control.fr.md:5: error: control character U+001B
$deep: error: directories nested more than 32 deep: not read
bad/dangling.fr.md: warning: broken symbolic link (ignored)
bad/deep.fr.md:4: error: YAML nested too deeply
bad/empty.fr.md:1: error: empty file
bad/escape-entity.fr.md:6: error: control character U+001B
bad/escape-yaml.fr.md:3: error: a value holds a NUL, a control character or invalid UTF-8
bad/huge.fr.md:1: error: file too large (over 1048576 bytes): not read
bad/keys.fr.md:3: warning: unknown key 'colour' (ignored)
bad/keys.fr.md:4: warning: key 'craft' does not apply to a page of kind 'page' (ignored)
bad/keys.fr.md:5: error: key 'title' is given twice; the first one is used
bad/loop: warning: symbolic link to a directory: not followed
bad/missing-link.fr.md:1: warning: page 'missing-link' has no vi version (missing-link.vi.md)
bad/missing-link.fr.md:7: error: link to a page that does not exist: 'nowhere'
bad/missing-link.fr.md:9: error: link to a page that does not exist: 'hue/citadelle'
bad/mixed.vi.md:3: warning: 'kind' differs from bad/mixed.fr.md, whose value is used
bad/mixed.vi.md:4: warning: 'order' differs from bad/mixed.fr.md, whose value is used
bad/nest.fr.md:3: error: YAML nested too deeply
bad/no-front-matter.fr.md:1: error: missing front matter: a page starts with a '---' line
bad/no-title.fr.md:1: error: missing 'title' in the front matter
bad/notes.txt:1: warning: not a page file (ignored): only ID.LANG.md files and site.yaml are read
bad/nul.fr.md:4: error: NUL byte: this is not a text file
bad/only-fr.fr.md:1: warning: page 'only-fr' has no vi version (only-fr.vi.md)
bad/overlong.fr.md:2: error: invalid or overlong UTF-8 (byte 0xC0)
bad/page.en.md:1: warning: unknown language 'en' in the file name (use fr or vi; ignored)
bad/site.yaml:9: warning: unknown key 'colour' (ignored)
bad/thé.fr.md:1: error: duplicate page 'thé' (fr): already defined by bad/$nfd_the.fr.md
bad/unknown-kind.fr.md:1: warning: page 'unknown-kind' has no vi version (unknown-kind.vi.md)
bad/unknown-kind.fr.md:3: error: unknown kind 'poem' (page, section, artisan or event)
bad/unterminated.fr.md:1: error: front matter not closed: no '---' line ends it
bad/x?.fr.md: error: file name is not valid UTF-8 text (ignored)
25 errors, 14 warnings
EOF
expect_same want out "--check of the bad fixtures"

# --list still lists every good page (titles in NFC, whatever the file
# used), prints only the list on stdout, and the errors on stderr.
"$KIOSQUE" --list bad > out 2> err
status=$?
[ $status -eq 1 ] || fail "--list bad: exit $status, want 1"
cat > want <<EOF
bad-date${tab}event${tab}Dates${tab}
good${tab}page${tab}Une bonne page${tab}Một trang tốt
home${tab}section${tab}Accueil${tab}Trang chủ
keys${tab}page${tab}Clés${tab}Khóa
missing-link${tab}page${tab}Liens${tab}
mixed${tab}section${tab}Section${tab}Phần
nfd${tab}page${tab}Page d’essai NFD${nnbsp}: été${nnbsp}!${tab}Huế NFD
only-fr${tab}page${tab}Seulement en français${tab}
thé${tab}page${tab}Thé NFD${tab}Trà
unknown-kind${tab}page${tab}Un poème${tab}
EOF
expect_same want out "--list of the bad fixtures"
grep -v ': error: ' err && fail "--list printed more than errors on stderr"
[ "$(wc -l < err)" -eq 25 ] || fail "--list printed $(wc -l < err) errors, want 25"

# A site whose home page is missing: an error on site.yaml's home line.
copy_tree "$FIXTURES/good" nohome && rm nohome/home.fr.md nohome/home.vi.md
"$KIOSQUE" --check nohome > out 2>&1
status=$?
[ $status -eq 1 ] || fail "--check nohome: exit $status, want 1"
grep -Fqx "nohome/site.yaml:7: error: the home page 'home' does not exist" out \
  || fail "no error for the missing home page: $(cat out)"

# A content directory that cannot be read.
"$KIOSQUE" --check missing-dir > out 2>&1
status=$?
[ $status -eq 1 ] || fail "--check missing-dir: exit $status, want 1"
grep -Fq "missing-dir: error: cannot read the content directory: No such file or directory" out \
  || fail "no message for a missing directory: $(cat out)"
"$KIOSQUE" --list missing-dir > out 2> err
status=$?
[ $status -eq 1 ] || fail "--list missing-dir: exit $status, want 1"
[ -s out ] && fail "--list missing-dir wrote to stdout"
[ -s err ] || fail "--list missing-dir said nothing"
exit $fail
