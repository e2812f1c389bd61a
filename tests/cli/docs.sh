#!/bin/sh
# docs.sh -- the man page, the README and `tend help` agree: every command,
# global option, entity and column is documented; the man page is lint-clean.
. "$TEST_SRCDIR/tests/cli/lib.sh"
MAN="$TEST_SRCDIR/man/tend.1"
README="$TEST_SRCDIR/README.md"

# The checks below start from `tend help`, which shows the commands of
# CLI_COMMAND_LIST; an entry left out of it would be a command nobody can
# run and nothing here would document.
case_ "every command entry in src/cli is listed in CLI_COMMAND_LIST"
sed -n 's/^const struct command cmd_\([a-z0-9_]*\)_entry = {$/\1/p' "$TEST_SRCDIR"/src/cli/*.c |
	sort >"$WORK/entries"
sed -n '/^#define CLI_COMMAND_LIST(_)/,/^$/s/^[[:space:]]*_(\([a-z0-9_]*\)).*/\1/p' \
	"$TEST_SRCDIR/src/cli/cmd_list.h" | sort >"$WORK/listed"
check "no command entries found in src/cli/*.c" test -s "$WORK/entries"
expect_same "entries defined in src/cli/*.c (+) or listed in cli/cmd_list.h (-) only" \
	"$WORK/listed" "$WORK/entries"

case_ "every command is in the man page and the README"
"$TEND" help >"$WORK/help"
commands=$(sed -n 's/^  \([a-z]*\) .*/\1/p' "$WORK/help")
check "no commands in tend help" test -n "$commands"
for c in $commands; do
	check "man page lacks command $c" grep -q "^\.It Ic $c\( \|$\)" "$MAN"
	check "README lacks command $c" grep -q "tend $c\b" "$README"
done

case_ "every option of every command is in the man page"
for c in $commands; do
	"$TEND" help "$c" >"$WORK/help"
	for o in $(grep -o -- '--[a-z][a-z-]*' "$WORK/help" | sort -u); do
		grep -q "Fl $(printf '%s' "$o" | sed 's/^-//')\b" "$MAN" || fail "man page lacks $o (tend help $c)"
	done
done

case_ "every entity and every column is in the man page"
"$TEND" help import >"$WORK/help"
sed -n 's/^  \([a-z_]*\) -- .*/\1/p' "$WORK/help" >"$WORK/entities"
check "too few entities in tend help import" test "$(wc -l <"$WORK/entities")" -ge 20
while read -r e; do
	check "man page lacks entity $e" grep -q "^\.Ss $e$" "$MAN"
done <"$WORK/entities"
# Columns: each entity's block in the man page lists exactly tend's columns.
awk '/^  [a-z_]+ -- /{e=$1} /^    [a-z_]+ /{print e, $1}' "$WORK/help" >"$WORK/cols.help"
awk '/^\.Ss /{e=$2} /^\.It Cm /{if (e != "") print e, $3}' "$MAN" |
	sed -n '/^[a-z_]* [a-z_]*$/p' >"$WORK/cols.man"
awk 'NR==FNR{e[$1]=1; next} ($1 in e)' "$WORK/entities" "$WORK/cols.man" >"$WORK/cols.man2"
if ! diff -u "$WORK/cols.help" "$WORK/cols.man2" >"$WORK/diff"; then
	fail "man page columns differ from tend help import:
$(cat "$WORK/diff")"
fi

case_ "tend-scorecard(5) lists exactly the fact catalog, and its example scorecard validates"
SCMAN="$TEST_SRCDIR/man/tend-scorecard.5"
"$TEND" facts --format csv | sed -n '2,$s/,.*//p' >"$WORK/facts.help"
sed -n '/BEGIN FACTS/,/END FACTS/s/^\.It Cm \([a-z_0-9]*\).*/\1/p' "$SCMAN" >"$WORK/facts.man"
expect_same "man tend-scorecard facts differ from tend facts (make update-man)" "$WORK/facts.help" "$WORK/facts.man"
# The last example is a whole scorecard: cut it out of the page and check it.
awk '/^scorecard: smb$/ { on = 1 } on && /^\.Ed/ { exit } on { print }' "$SCMAN" >"$WORK/example.yaml"
check "could not find the example scorecard in the man page" grep -q "quantile: 5" "$WORK/example.yaml"
run health check "$WORK/example.yaml"
expect_rc 0
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -Wwarning "$SCMAN" >"$WORK/lint" 2>&1 || fail "mandoc -Tlint tend-scorecard.5:
$(cat "$WORK/lint")"
fi

case_ "every action of the interface and every : command is in the man page"
REQ="$TEST_SRCDIR/src/ui/req.h"
actions=$(sed -n 's/^.*_([A-Z_]*, "\([a-z_]*\)", ".*$/\1/p' "$REQ")
# The view requests come from the pane registry: view_NAME for each pane.
views=$(sed -n 's/^.*P(X, [A-Z_]*, [a-z_]*, "\([a-z_]*\)", .*$/view_\1/p' "$TEST_SRCDIR/src/ui/panes.h")
check "no panes read from panes.h" test -n "$views"
actions="$actions $views"
[ "$(printf '%s\n' $actions | wc -l)" -ge 25 ] || fail "too few actions read from req.h"
sed -n '/^\.Sh INTERFACE/,/^\.Sh /p' "$MAN" >"$WORK/interface"
for a in $actions; do
	check "man page INTERFACE lacks action $a" grep -q "Cm .*\b$a\b" "$WORK/interface"
done
cmds=$(sed -n '/^const char \*const cmdline_commands\[\]/,/};/p' "$TEST_SRCDIR/src/ui/cmdline.c" |
	grep -o '"[a-z]*"' | tr -d '"')
check "no commands read from cmdline.c" test -n "$cmds"
for c in $cmds; do
	check "man page INTERFACE lacks the :$c command" grep -q "Ic .*\b$c\b" "$WORK/interface"
done

case_ "the README keeps the two quick-start commands"
grep -q '^./bootstrap && make run$' "$README" || fail "README lacks ./bootstrap && make run"
grep -q '^./bootstrap && make check$' "$README" || fail "README lacks ./bootstrap && make check"

case_ "the repository stands on its own: every citation of the reference points at a section it has"
MODEL="$TEST_SRCDIR/doc/model.md"
check "no doc/model.md" test -s "$MODEL"
sed -n 's/^## \([0-9][0-9]*\)\. .*/\1/p' "$MODEL" >"$WORK/sections"
check "doc/model.md has no numbered sections" test -s "$WORK/sections"
( cd "$TEST_SRCDIR" && grep -rI --exclude-dir=.git -e 'DOMAIN\.md' README.md man src schema playbooks tests/unit bench doc ) >"$WORK/stale"
check_not "citations of a file that is not in the tree:
$(cat "$WORK/stale")" test -s "$WORK/stale"
# "doc/model.md §4", "section 4", "sections 4 and 5", "sections 1, 3 and 7".
( cd "$TEST_SRCDIR" && grep -rhoI --exclude-dir=.git -e 'doc/model\.md \(§\|sections\? \)[0-9][0-9, and§]*' README.md man src schema playbooks tests/unit bench ) |
	grep -o '[0-9][0-9]*' | sort -u >"$WORK/cited"
check "no citations found" test -s "$WORK/cited"
for n in $(cat "$WORK/cited"); do
	check "doc/model.md has no section $n, which the code cites" grep -qx "$n" "$WORK/sections"
done
check "no LICENSE" test -s "$TEST_SRCDIR/LICENSE"
check "the README does not name the licence" grep -q 'MIT License.*LICENSE' "$README"

case_ "the man page is lint-clean"
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -Wwarning "$MAN" >"$WORK/lint" 2>&1 || fail "mandoc -Tlint:
$(cat "$WORK/lint")"
else
	echo "mandoc not installed: lint skipped" >&2
fi

finish
