#!/bin/sh
# undo.sh -- tend undo takes back your own changes, newest first, exactly,
# and refuses (changing nothing) when someone changed the same rows since.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "undo --list shows what undo would take back, newest first"
run --db "$DB" task add acme "Send the deck" --due +2d
run --db "$DB" log acme "Kickoff" --with dana@acme.test
run --db "$DB" task done 1
run --db "$DB" undo list 4
expect_rc 0
expect_out <<'OUT'
ID  AT                    ACTION          ROWS  ACCOUNTS  ACCOUNT
 8  2026-11-23T09:30:00Z  task done          1         1  Acme Corporation
 7  2026-11-23T09:30:00Z  log                2         1  Acme Corporation
 6  2026-11-23T09:30:00Z  task add           1         1  Acme Corporation
 5  2026-11-23T09:30:00Z  import renewal     4         4
OUT

case_ "each undo takes back the change before, exactly"
run --db "$DB" undo
expect_rc 0
printf "undid 'task done' of 2026-11-23T09:30:00Z: 1 row on Acme Corporation\n" | expect_out
run --db "$DB" task list --status all --format csv
expect_out_has "1,2026-11-25,2,medium,Send the deck,Acme Corporation,tester,open,"
run --db "$DB" undo
printf "undid 'log' of 2026-11-23T09:30:00Z: 2 rows on Acme Corporation\n" | expect_out
run --db "$DB" export touchpoint
printf 'id,account,date,kind,duration_min,sentiment,proactive,summary,follow_ups,situation,pain,impact,critical_event,decision,author,attendees\n' |
	expect_out
run --db "$DB" export audit --format csv
expect_out_has ',tester,undo log,touchpoints,1,delete,"{""id"":1,""account_id"":1,""date"":""2026-11-23"",""kind"":""call""'
expect_out_has ',tester,undo task done,tasks,1,update,"{""id"":1,""status"":""done""'
run --db "$DB" undo list 1
expect_out_has " 6  2026-11-23T09:30:00Z  task add"

case_ "someone changed the rows since: refused, nothing changes, the message says who"
run --db "$DB" task add acme "Renewal quote"
expect_out_has "task #2 added"
TEND_USER=amara TEND_CLOCK=2026-11-23T10:15:00Z run --db "$DB" task done 2
expect_rc 0
run --db "$DB" export task
cp "$WORK/out" "$WORK/tasks.before"
run --db "$DB" undo
expect_rc 65
printf "tend: cannot undo 'task add' of 2026-11-23T09:30:00Z: tasks #2 was changed since by amara ('task done', 2026-11-23T10:15:00Z)\n" |
	expect_err
run --db "$DB" export task
expect_same "a refused undo changed the tasks" "$WORK/tasks.before" "$WORK/out"
# amara takes hers back; then mine goes through.
TEND_USER=amara run --db "$DB" undo
printf "undid 'task done' of 2026-11-23T10:15:00Z: 1 row on Acme Corporation\n" | expect_out
run --db "$DB" undo
printf "undid 'task add' of 2026-11-23T09:30:00Z: 1 row on Acme Corporation\n" | expect_out

case_ "an import is undone whole; a recompute is never a change to undo"
printf 'external_id,name,segment\nNEW-1,Newco One,smb\nNEW-2,Newco Two,smb\n' >"$WORK/new.csv"
run --db "$DB" import account "$WORK/new.csv"
expect_rc 0
run --db "$DB" health recompute
expect_rc 0
run --db "$DB" undo
printf "undid 'import account' of 2026-11-23T09:30:00Z: 2 rows on 2 accounts\n" | expect_out
run --db "$DB" accounts --format csv
expect_out_lacks "NEW-1"
expect_out_has "CRM-001"

case_ "nothing left, read-only, unknown options"
TEND_USER=bo run --db "$DB" undo
expect_rc 66
printf "tend: nothing to undo: no change of yours is left to take back\n" | expect_err
run --db "$DB" export task
cp "$WORK/out" "$WORK/tasks.before"
run --db "$DB" --read-only undo
expect_rc 77
expect_err_has "read-only"
run --db "$DB" export task
expect_same "a read-only undo changed the book" "$WORK/tasks.before" "$WORK/out"
run --db "$DB" undo list 0
expect_rc 64
run --db "$DB" undo now
expect_rc 64

finish
