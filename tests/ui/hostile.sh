#!/bin/sh
# hostile.sh -- a book whose every free-text value is hostile (escape
# sequences, BEL, C1 controls, bidi overrides and isolates, zero-width
# characters, carriage returns), rendered through every pane, the tab line,
# the header, forms, menus, the help, the command line, and every CLI
# format on a terminal: the raw bytes sent to the terminal never hold the
# payload's controls, only their visible escapes.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book
"$TEND" --db "$DB" $NOW playbook run >/dev/null 2>&1 || fail "cannot run the playbooks"

# Append the payload to every free-text value: not dates, JSON, or codes (a
# column whose values are a few [a-z_] words); priya.raman stays herself.
PAYLOAD="char(27)||'[99mPWN'||char(7)||char(8238)||char(8294)||char(8203)||char(155)||char(13)||'~CRX'"
sqlite3 "$DB" "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
	WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND m.name NOT LIKE 'sqlite_%'
	AND m.name NOT LIKE '%_fts_%' AND m.name NOT IN ('audit_log', 'changes', 'account_health')
	AND c.name NOT IN ('currency', 'priority') AND c.type = 'TEXT' AND c.pk = 0" >"$WORK/columns"
poisoned=0
while IFS='|' read -r t c; do
	q="\"$t\"" col="\"$c\""
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM $q WHERE $col GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' OR $col GLOB '[[{]*'")" = 0 ] || continue
	[ "$c" != login ] && [ "$(sqlite3 "$DB" "SELECT count(DISTINCT $col) <= 12 AND count(*) = count(CASE WHEN $col NOT GLOB '*[^a-z_]*' THEN 1 END) FROM $q WHERE $col IS NOT NULL")" = 1 ] && continue
	sqlite3 "$DB" "PRAGMA foreign_keys = OFF; UPDATE OR IGNORE $q SET $col = $col || $PAYLOAD WHERE $col IS NOT NULL AND $col <> '' AND $col <> 'priya.raman'" ||
		fail "cannot poison $t.$c"
	poisoned=$((poisoned + 1))
done <"$WORK/columns"
check "at least 40 text columns are hostile (got $poisoned)" test "$poisoned" -ge 40
for t in accounts.name users.name tasks.title inbox.message touchpoints.summary objectives.title risks.description contacts.name; do
	check "$t is hostile" test "$(sqlite3 "$DB" "SELECT count(*) FROM ${t%.*} WHERE instr(${t#*.}, '~CRX')")" -gt 0
done

# clean_raw NAME: the raw log holds none of the payload's controls.
clean_raw() {
	check_not "$1: ESC from the data" grep -q "$(printf '\033')\[99m" "$RAW"
	check_not "$1: BEL from the data" grep -q "PWN$(printf '\007')" "$RAW"
	check_not "$1: U+202E" grep -q "$(printf '\342\200\256')" "$RAW"
	check_not "$1: U+2066" grep -q "$(printf '\342\201\246')" "$RAW"
	check_not "$1: U+200B" grep -q "$(printf '\342\200\213')" "$RAW"
	check_not "$1: C1 CSI" grep -q "$(printf '\302\233')" "$RAW"
	check_not "$1: CR from the data" grep -q "$(printf '\r')~CRX" "$RAW"
}
# shown_escaped NAME: the payload reached the screen, as visible escapes.
shown_escaped() {
	check "$1: the payload was shown, escaped" grep -q 'PWN\\x07\\u202e' "$RAW"
}

case_ "every pane, mode, menu, form and the help, at 80x24"
screen <<'EOF'
wait 1/546
key m
settle
key m
settle
key v
settle
key m
settle
key f
settle
key <Esc>
settle
key e
settle
key <Esc>
settle
key /Sterling\r
settle
key <Enter>
wait Health
key <PgDn>
settle
key <PgDn>
settle
key <PgDn>
settle
key <PgDn>
settle
key P
settle
key 3
settle
key <Enter>
settle
key <Esc>
settle
key ?
settle
key <Esc>
settle
key :account Sterling\r
settle
key q
settle
key q
settle
key q
settle
key q
settle
key q
expect-exit 0
EOF
clean_raw "80x24 tour"
shown_escaped "80x24 tour"
check "the 360 view was drawn" grep -q "Contacts by role" "$RAW"
check "the inbox was drawn" grep -q "Inbox" "$RAW"
check "the filter menu was drawn" grep -q "Filter by" "$RAW"
check "the edit form was drawn" grep -q "Edit Sterling" "$RAW"
check "the help was drawn" grep -q "Keys -- rebind" "$RAW"

case_ "the same at 200x60, where nothing is cut short"
screen -s 200x60 <<'EOF'
wait 1/546
key <Enter>
wait Health
key <PgDn>
settle
key 3
settle
key 5
settle
key q
settle
key q
settle
key q
settle
key q
expect-exit 0
EOF
clean_raw "200x60 tour"
shown_escaped "200x60 tour"

case_ "every CLI format, on a terminal"
for cmd in "accounts" "accounts --format csv" "accounts --format json" "account show 29" \
	"account show 29 --format json" "task list" "task list --format csv" "inbox" "inbox --format json" \
	"team" "team --format csv" "metrics --by csm" "export account" "export risk --format json" \
	"plan show 29" "qbr 29" "user list" "undo list" "facts 29"; do
	# shellcheck disable=SC2086
	screen -s 200x60 -t 60000 -- $cmd <<'EOF'
expect-exit 0
EOF
	clean_raw "tend $cmd"
done

finish
