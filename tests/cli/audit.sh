#!/bin/sh
# audit.sh -- `tend audit` (issue 16): every kind of write is in the log
# with its user, the wall-clock time, the table, the row, the operation and
# what changed (CLI, undo, a playbook run, an import); --account, --user,
# --since and --limit select; CSV and JSON carry the rows before and after;
# mistakes are usage errors; verify is still there.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
TEND_USER=amara "$TEND" --db "$DB" $NOW account set CRM-001 --stage expand >/dev/null || fail "account set"
TEND_USER=bo "$TEND" --db "$DB" $NOW task add CRM-003 "Call the sponsor" >/dev/null || fail "task add"
TEND_USER=amara "$TEND" --db "$DB" $NOW undo >/dev/null || fail "undo"
"$TEND" --db "$DB" $NOW playbook run >/dev/null 2>&1 || fail "playbook run"

case_ "a change by the command line: who, when, table, row, operation, old -> new"
run --db "$DB" $NOW audit --user amara --format csv
expect_rc 0
expect_out_has ',2026-11-23T09:30:00Z,amara,account set,accounts,1,update,"stage: adopt -> expand, stage_since: null -> 2026-11-23"'
expect_out_has ',2026-11-23T09:30:00Z,amara,account set,account_stage_history,'

case_ "undo is audited as the user's, with the values it put back"
expect_out_has ',amara,undo account set,accounts,1,update,"stage: expand -> adopt, stage_since: 2026-11-23 -> null"'

case_ "the old and new rows are JSON in CSV and JSON"
run --db "$DB" $NOW audit --user amara --limit 1 --format json
expect_rc 0
expect_out_has '"user": "amara"'
expect_out_has '"old": "{\"id\":1,\"stage\":\"expand\",\"stage_since\":\"2026-11-23\"}"'
expect_out_has '"new": "{\"stage\":\"adopt\",\"stage_since\":null}"'
run --db "$DB" $NOW audit --user amara --format csv
expect_out_has '""external_id"":""CRM-001""'

case_ "--user: only that user's changes"
run --db "$DB" $NOW audit --user bo
expect_rc 0
expect_out_has "bo    task add  tasks"
expect_out_lacks "amara"

case_ "a playbook run and an import are in the log too"
run --db "$DB" $NOW audit --format csv
expect_out_has ',playbook run,playbook_runs,1,update,'
expect_out_has ',playbook:renewal-t60,tasks,'
expect_out_has ',import account,accounts,1,insert,'

case_ "--account: the account's own rows and what belongs to it, nothing else"
run --db "$DB" $NOW audit --account CRM-001 --format csv
expect_rc 0
expect_out_has ',accounts,1,update,"stage: adopt -> expand'
expect_out_has ',task_items,'
expect_out_lacks 'Call the sponsor'
awk -F, 'NR > 1 && $5 == "tasks" { print $8 }' "$WORK/out" >"$WORK/tasks"
check "the account's tasks are missing" test -s "$WORK/tasks"
check "a task of another account is listed: $(grep -v '^"*account_id=1$' "$WORK/tasks")" \
	test -z "$(grep -v '^"*account_id=1$' "$WORK/tasks")"

case_ "the 360 view shows the account's latest changes"
run --db "$DB" $NOW account show CRM-001
expect_rc 0
expect_out_has "History (latest 15; tend audit --account for all)"
expect_out_has "  2026-11-23T09:30:00Z  amara  undo account set: update accounts -- stage: expand -> adopt, stage_since: 2026-11-23 -> null"
expect_out_has "  2026-11-23T09:30:00Z  amara  account set: update accounts -- stage: adopt -> expand"
expect_out_lacks "health_snapshots"
expect_out_lacks "insert task_items"
run --db "$DB" $NOW account show CRM-001 --format json
expect_out_has '"history": ['
expect_out_has '"changes": "stage: adopt -> expand, stage_since: null -> 2026-11-23"'

case_ "--since and --limit"
run --db "$DB" $NOW audit --since 2026-11-24 --format csv
echo "id,at,user,action,table,row_id,op,changes,old,new" | expect_out
run --db "$DB" $NOW audit --since 2026-11-23 --limit 2 --format csv
check "--limit 2 did not give 2 rows: $(cat "$WORK/out")" test "$(wc -l <"$WORK/out")" -eq 3

case_ "mistakes"
run --db "$DB" $NOW audit --account nope
expect_rc 66
expect_err_has "no account matches 'nope'"
run --db "$DB" $NOW audit --since someday
expect_rc 64
run --db "$DB" $NOW audit --limit 0
expect_rc 64
run --db "$DB" $NOW audit bogus
expect_rc 64
expect_err_has "unknown subcommand 'bogus' (allowed: verify)"
run --db "$DB" $NOW audit verify --user bo
expect_rc 64
run --db "$DB" $NOW audit verify
expect_rc 0
expect_out_has "the audit log holds:"
finish
