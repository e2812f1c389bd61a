#!/bin/sh
# team_summary.sh -- the team dashboard's summary rows (store/dash.c,
# schema/0016): after every kind of change -- CLI verbs, undo, a write by
# another program, a new day -- `tend team` read from the summary equals
# `tend --read-only team`, which reads the raw rows; a change marks only
# its accounts and the next read refreshes just those.
. "$TEST_SRCDIR/tests/cli/lib.sh"

BOOK="$WORK/demo.db"
"$TEND" --db "$BOOK" $NOW demo --accounts 300 --csms 4 --weeks 2 >/dev/null
q() { sqlite3 "$BOOK" "$1"; }

# same_as_raw WHAT [NOW-OPTION]: every section, from the summary and raw.
same_as_raw() {
	local what=$1 now=${2:-$NOW} s
	for s in csms risks stuck churn; do
		"$TEND" --db "$BOOK" $now team --format json --section $s >"$WORK/sum.$s" 2>&1
		"$TEND" --db "$BOOK" $now --read-only team --format json --section $s >"$WORK/raw.$s" 2>&1
		expect_same "$what: the $s section" "$WORK/raw.$s" "$WORK/sum.$s"
	done
	check "$what: the summary is left with dirty accounts" [ "$(q 'SELECT count(*) FROM dash_dirty')" = 0 ]
}

case_ "a book opened read-only is read from the raw rows and nothing is written"
before=$(sqlite3 "$BOOK" .dump | sha256sum)
run --db "$BOOK" $NOW --read-only team
expect_rc 0
expect_out_has "Team scoreboard"
check "a read-only dashboard changed the book" [ "$(sqlite3 "$BOOK" .dump | sha256sum)" = "$before" ]

case_ "the first read builds the summary: one part per account, as of today"
check "a book whose dashboard was never read has its triggers" \
	[ "$(q "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dash%'")" = 0 ]
same_as_raw "first read"
check "the summary has no triggers to keep it" \
	[ "$(q "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dash%'")" = 24 ]
check "no summary day" [ "$(q 'SELECT asof FROM dash_state')" = 2026-11-23 ]
check "not every account has its part" \
	[ "$(q 'SELECT count(*) FROM dash_account')" = "$(q 'SELECT count(*) FROM accounts')" ]

# Accounts to change: an owned one with an open renewal, another owner.
ACC=$(q "SELECT a.external_id FROM accounts a JOIN renewals r ON r.account_id = a.id
	WHERE a.owner_id IS NOT NULL AND r.stage NOT IN ('won', 'lost') AND a.stage <> 'churned'
	ORDER BY r.due_date, a.id LIMIT 1")
REN=$(q "SELECT r.id FROM renewals r JOIN accounts a ON a.id = r.account_id
	WHERE a.external_id = '$ACC' AND r.stage NOT IN ('won', 'lost') ORDER BY r.due_date LIMIT 1")
REN2=$(q "SELECT r.id FROM renewals r WHERE r.stage NOT IN ('won', 'lost') AND r.id <> $REN
	ORDER BY r.due_date, r.id LIMIT 1")
OTHER=$(q "SELECT u.login FROM users u JOIN accounts a ON a.external_id = '$ACC'
	WHERE u.role = 'csm' AND u.id <> a.owner_id ORDER BY u.login LIMIT 1")

case_ "a change marks only its account, and the next read refreshes it"
"$TEND" --db "$BOOK" $NOW log "$ACC" "Quarterly review" --kind qbr >/dev/null
check "the touchpoint marked other accounts" [ "$(q 'SELECT count(*) FROM dash_dirty')" = 1 ]
check "the wrong account is marked" [ "$(q "SELECT a.external_id FROM dash_dirty d
	JOIN accounts a ON a.id = d.account_id")" = "$ACC" ]
same_as_raw "a QBR logged"
check "a refresh rebuilt the summary" [ "$(q 'SELECT asof FROM dash_state')" = 2026-11-23 ]

case_ "every kind of change is in the next read"
"$TEND" --db "$BOOK" $NOW team --format csv >"$WORK/before.csv"
"$TEND" --db "$BOOK" $NOW renewal close "$REN" --final 0 --reason budget >/dev/null
same_as_raw "a renewal lost"
"$TEND" --db "$BOOK" $NOW team --format csv >"$WORK/after.csv"
check_not "losing a renewal moved no figure" cmp -s "$WORK/before.csv" "$WORK/after.csv"
"$TEND" --db "$BOOK" $NOW renewal close "$REN2" --final 99999 >/dev/null
same_as_raw "a renewal won with an upsell"
"$TEND" --db "$BOOK" $NOW account set "$ACC" --owner "$OTHER" >/dev/null
same_as_raw "an account reassigned"
"$TEND" --db "$BOOK" $NOW account set "$ACC" --stage churned >/dev/null
same_as_raw "a stage changed"
"$TEND" --db "$BOOK" $NOW health override "$ACC" --band red --reason "sponsor left" \
	--until 2026-12-31 >/dev/null
same_as_raw "a health override"
"$TEND" --db "$BOOK" $NOW risk open "$ACC" --category value "ROI unclear" >/dev/null
same_as_raw "a risk opened"
"$TEND" --db "$BOOK" $NOW task add "$ACC" "Call the sponsor" --due 2026-11-01 >/dev/null
same_as_raw "an overdue task"

case_ "undo takes the figures back"
"$TEND" --db "$BOOK" $NOW team --format csv >"$WORK/mid.csv"
"$TEND" --db "$BOOK" $NOW account set "$ACC" --owner pooled >/dev/null
"$TEND" --db "$BOOK" $NOW undo >/dev/null
same_as_raw "an undo"
"$TEND" --db "$BOOK" $NOW team --format csv >"$WORK/undone.csv"
expect_same "the dashboard after a change and its undo" "$WORK/mid.csv" "$WORK/undone.csv"

case_ "a write by another program is seen too"
q "UPDATE arr_events SET arr_delta_cents = arr_delta_cents + 123400
	WHERE id = (SELECT min(id) FROM arr_events WHERE kind = 'new')"
q "UPDATE touchpoints SET proactive = 1 - proactive, date = '2026-11-20'
	WHERE id = (SELECT max(id) FROM touchpoints WHERE kind = 'call' AND date < '2026-01-01')"
q "UPDATE surveys SET score = 10 WHERE id = (SELECT min(id) FROM surveys WHERE kind = 'nps')"
same_as_raw "rows changed with the sqlite3 CLI"

case_ "a bulk action drops the summary and its triggers; the next read builds both again"
"$TEND" --db "$BOOK" $NOW health recompute >/dev/null
check "a recompute left the summary" [ "$(q 'SELECT count(*) FROM dash_state')" = 0 ]
check "a recompute left the triggers" \
	[ "$(q "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dash%'")" = 0 ]
same_as_raw "after a recompute"
check "the read after a recompute made no triggers" \
	[ "$(q "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dash%'")" = 24 ]

case_ "a new day rebuilds it"
same_as_raw "the next day" "--now 2026-11-24"
check "the summary is not as of the new day" [ "$(q 'SELECT asof FROM dash_state')" = 2026-11-24 ]

case_ "another period is read from the raw rows"
run --db "$BOOK" --now 2026-11-24 team --from 2026-01-01 --to 2026-06-30 --format csv
expect_rc 0
cp "$WORK/out" "$WORK/period.csv"
run --db "$BOOK" --now 2026-11-24 --read-only team --from 2026-01-01 --to 2026-06-30 --format csv
expect_same "a custom period" "$WORK/out" "$WORK/period.csv"

case_ "the summary is derived: undo never takes it back, and check finds the book sound"
run --db "$BOOK" --now 2026-11-24 check
expect_rc 0
check "the change journal holds summary rows" [ "$(q "SELECT count(*) FROM changes
	WHERE instr(CAST(changeset AS TEXT), 'dash_') > 0")" = 0 ]

finish
