#!/bin/sh
# input.sh -- names resolve or refuse, and bad input is refused: an account
# name that fits several accounts lists them and writes nothing; every
# confirmation names the account written to; each refusal names its option
# or field, exits with its sysexits code and leaves the book as it was.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

# rows ENTITY: how many rows of ENTITY the book has.
rows() {
	"$TEND" --db "$DB" export "$1" --format csv | sed 1d | wc -l
}

# same_rows ENTITY BEFORE: ENTITY still has BEFORE rows.
same_rows() {
	local now
	now=$(rows "$1")
	[ "$now" -eq "$2" ]
	_check $? "a refused command wrote to $1: $2 rows before, $now after"
}

case_ "an exact name two accounts share is refused with the candidates (64), nothing logged"
printf 'external_id,name,owner,segment\nCRM-007,Acme Corporation,bo,smb\n' >"$WORK/twin.csv"
run --db "$DB" import account "$WORK/twin.csv"
expect_rc 0
tp=$(rows touchpoint)
run --db "$DB" log "Acme Corporation" "which one"
expect_rc 64
expect_err <<'ERR'
tend: 'Acme Corporation' names 2 accounts: #1 CRM-001 (amara), #6 CRM-007 (bo); give the id or external id of the one you mean
ERR
expect_out </dev/null
same_rows touchpoint "$tp"
run --db "$DB" log "acme corporation" "which one"
expect_rc 64
expect_err_has "names 2 accounts: #1 CRM-001 (amara), #6 CRM-007 (bo)"
same_rows touchpoint "$tp"

case_ "the same refusal wherever an account is named"
tasks=$(rows task)
run --db "$DB" task add "Acme Corporation" "Send the deck"
expect_rc 64
expect_err_has "'Acme Corporation' names 2 accounts"
same_rows task "$tasks"
run --db "$DB" task list --account "Acme Corporation"
expect_rc 64
overrides=$(rows health_override)
run --db "$DB" health override "Acme Corporation" --band red --reason x --until +7d
expect_rc 64
same_rows health_override "$overrides"
run --db "$DB" account show "Acme Corporation"
expect_rc 64

case_ "a start several names share is refused the same way (64)"
run --db "$DB" log acme "which one"
expect_rc 64
expect_err <<'ERR'
tend: 'acme' starts the names of 2 accounts: #1 CRM-001 Acme Corporation (amara), #6 CRM-007 Acme Corporation (bo); be more precise, or give an id or external id
ERR
same_rows touchpoint "$tp"

case_ "a CRM id that is another account's row id is refused; #N is the row id"
printf 'external_id,name,segment\n2,Deux SARL,smb\n' >"$WORK/numeric.csv"
run --db "$DB" import account "$WORK/numeric.csv"
run --db "$DB" log 2 "which one"
expect_rc 64
expect_err <<'ERR'
tend: '2' names 2 accounts: #2 CRM-002 Société Générale des Eaux (amara), #7 2 Deux SARL (pooled); write '#2' for the one with id 2
ERR
same_rows touchpoint "$tp"
run --db "$DB" account show '#2' --format csv
expect_rc 0
expect_out_has "2,CRM-002,Société Générale des Eaux,"
run --db "$DB" account show '#CRM-002'
expect_rc 64
printf "tend: '#CRM-002' is not an account id (#42 is account 42)\n" | expect_err

case_ "the id or the external id names one of them, and the confirmation says which"
run --db "$DB" log CRM-007 "the twin" --kind meeting
expect_rc 0
printf 'logged meeting #1 on 2026-11-23 for Acme Corporation (CRM-007)\n' | expect_out
run --db "$DB" log 1 "the first"
expect_rc 0
printf 'logged call #2 on 2026-11-23 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" export touchpoint --format csv
expect_out_has "1,CRM-007,2026-11-23,meeting,"
expect_out_has "2,CRM-001,2026-11-23,call,"

case_ "every confirmation of a write names its account"
run --db "$DB" task add CRM-007 "Send the deck" --due +2d
expect_rc 0
printf 'task #1 added for Acme Corporation (CRM-007), due 2026-11-25\n' | expect_out
run --db "$DB" task add - "Team review"
printf 'task #2 added\n' | expect_out
run --db "$DB" health rate CRM-003 financial_rating 2
expect_rc 0
printf 'financial_rating 2 recorded for 山田製作所株式会社 (CRM-003) on 2026-11-23; it counts for 30 days (14 while the account is yellow or worse)\n' | expect_out
run --db "$DB" health override CRM-003 --band yellow --reason "audit" --until +7d
expect_rc 0
printf 'band yellow for 山田製作所株式会社 (CRM-003) from 2026-11-23 until 2026-11-30; the computed score stays visible (tend health explain)\n' | expect_out
run --db "$DB" health override CRM-003 --clear
printf 'override cleared for 山田製作所株式会社 (CRM-003); the computed band applies again\n' | expect_out
run --db "$DB" health override CRM-003 --clear
printf 'no override in force for 山田製作所株式会社 (CRM-003)\n' | expect_out
run --db "$DB" renewal close 3 --final 9500
expect_rc 0
expect_out_has "renewal #3 of 山田製作所株式会社 (CRM-003) closed won on 2026-11-23"

case_ "a name from the data is printed sanitised in a confirmation"
printf 'external_id,name,segment\nCRM-ESC,"Evil\033[2J Co",smb\n' >"$WORK/evil.csv"
run --db "$DB" import account "$WORK/evil.csv"
run --db "$DB" log CRM-ESC "hello"
expect_rc 0
printf 'logged call #3 on 2026-11-23 for Evil\\x1b[2J Co (CRM-ESC)\n' | expect_out

case_ "--now after a command's options still dates them (two passes over the line)"
run --db "$DB" task add CRM-001 "Due a day after --now" --due +1d --now 2027-01-31
expect_rc 0
printf 'task #3 added for Acme Corporation (CRM-001), due 2027-02-01\n' | expect_out
run --db "$DB" task add CRM-001 "Due a day after --now" --now 2027-01-31 --due +1d
printf 'task #4 added for Acme Corporation (CRM-001), due 2027-02-01\n' | expect_out
run --db "$DB" log CRM-001 "Before --now" --date yesterday --now 2027-01-31
expect_rc 0
printf 'logged call #4 on 2027-01-30 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" health override CRM-001 --band red --reason "test" --until +7d --now 2027-01-31
expect_rc 0
expect_out_has "from 2027-01-31 until 2027-02-07;"
run --db "$DB" metrics --from -1m --format csv --now 2027-01-31
expect_rc 0
expect_out_has "2026-12-31,2027-01-31,"
run --db "$DB" renewal close 1 --final 300000.50 --date yesterday --now 2027-01-31
expect_rc 0
expect_out_has "closed won on 2027-01-30"

case_ "a bad global option after a command's options is still reported, and nothing written"
tasks=$(rows task)
run --db "$DB" task add CRM-001 "never" --due +1d --now 2027-13-01
expect_rc 64
printf "tend: --now: '2027-13-01' is not a date (YYYY-MM-DD)\n" | expect_err
same_rows task "$tasks"

case_ "a touchpoint needs a summary (64), and nothing is logged"
tp=$(rows touchpoint)
run --db "$DB" log CRM-001
expect_rc 64
printf "tend: --summary: say what happened (SUMMARY or --summary)\n" | expect_err
run --db "$DB" log CRM-001 ""
expect_rc 64
run --db "$DB" log CRM-001 --kind note
expect_rc 64
same_rows touchpoint "$tp"

case_ "a past event is not dated in the future; a planned one is, and heads the timeline"
tp=$(rows touchpoint)
run --db "$DB" log CRM-001 "Kick-off" --date 2027-01-05
expect_rc 64
printf 'tend: --date: 2027-01-05 is after today; a touchpoint still to come is planned (--planned)\n' | expect_err
run --db "$DB" log CRM-001 "Kick-off" --date +1d
expect_rc 64
same_rows touchpoint "$tp"
run --db "$DB" log CRM-001 "Yesterday's" --planned --date yesterday
expect_rc 64
expect_err_has "planned: a planned touchpoint is dated after today"
run --db "$DB" log CRM-001 "Planning call" --planned
expect_rc 64
same_rows touchpoint "$tp"
run --db "$DB" log CRM-001 "QBR with the CFO" --kind qbr --planned --date 2026-12-10
expect_rc 0
printf 'planned qbr #%s on 2026-12-10 for Acme Corporation (CRM-001)\n' "$((tp + 1))" | expect_out
run --db "$DB" account show CRM-001
expect_out_has "  2026-12-10  qbr               planned: QBR with the CFO -- tester"
# Planned: it does not count as a touch until its day.
run --db "$DB" account show CRM-001 --format json
tr -d ' \n' <"$WORK/out" >"$WORK/flat"
check "the JSON timeline marks it planned" grep -q '"summary":"QBRwiththeCFO","planned":true' "$WORK/flat"
planned=$((tp + 1))
run --db "$DB" log edit "$planned" --date 2026-12-20
expect_rc 64
expect_err_has "is after today; a touchpoint still to come is planned (--planned)"
run --db "$DB" log edit "$planned" --date 2026-12-20 --planned
expect_rc 0
run --db "$DB" export touchpoint --format csv
expect_out_has ",2026-12-20,qbr,"

case_ "an attendee's email matches whatever its case"
run --db "$DB" log CRM-001 "Budget call" --with DANA@Acme.Test
expect_rc 0
run --db "$DB" export touchpoint --format csv
expect_out_has "Budget call"
expect_out_has "dana@acme.test"

case_ "a row that breaks a rule of the book is refused in words, not SQL (65)"
printf 'account,date,kind,arr_delta\nCRM-001,2026-11-01,new,-500\n' >"$WORK/neg.csv"
events=$(rows arr_event)
run --db "$DB" import arr_event "$WORK/neg.csv"
expect_rc 65
expect_err_has "neg.csv:2: arr_event: new, expansion and reactivation add ARR (arr_delta 0 or more); contraction and churn take it away (arr_delta 0 or less)"
expect_err_lacks "CHECK"
expect_err_lacks "arr_delta_cents"
same_rows arr_event "$events"
# A new id (no match) with an external id the book has: a duplicate.
printf 'id,external_id,name,segment\n999,CRM-001,Again,smb\n' >"$WORK/dup.csv"
run --db "$DB" import account "$WORK/dup.csv"
expect_rc 65
expect_err_lacks "constraint"

case_ "a date outside 1900-2999 is refused whatever the arithmetic, and nothing is written"
tasks=$(rows task)
run --db "$DB" task add CRM-001 "Far past" --due=-33315m
expect_rc 64
printf "tend: --due: '-33315m' is not a date between 1900 and 2999 (YYYY-MM-DD, today, tomorrow, +3d, -2w, +1m)\n" | expect_err
run --db "$DB" task add CRM-001 "Far future" --due +99999m
expect_rc 64
run --db "$DB" log CRM-001 "Old call" --date 1850-01-01
expect_rc 64
run --db "$DB" metrics --from=-33315m
expect_rc 64
same_rows task "$tasks"

case_ "text that is not valid UTF-8 is refused at the write path (65), so every book exports and imports again"
tp=$(rows touchpoint)
tasks=$(rows task)
run --db "$DB" log CRM-001 "$(printf 'BAD\377\376')"
expect_rc 65
printf 'tend: --summary: not valid UTF-8 text\n' | expect_err
run --db "$DB" task add CRM-001 "$(printf 'T\303')"
expect_rc 65
expect_err_has "title: not valid UTF-8 text"
run --db "$DB" account set CRM-001 --tag "+$(printf '\351t\351')"
expect_rc 65
same_rows touchpoint "$tp"
same_rows task "$tasks"

case_ "an owner filter that names nobody is refused with the closest login (67), not an empty list"
run --db "$DB" accounts --owner amaraa
expect_rc 67
printf "tend: --owner: 'amaraa' is not a user of this book; did you mean 'amara'? ('tend export user' lists them; 'pooled' means no owner)\n" | expect_err
expect_out </dev/null
run --db "$DB" health --owner nobody
expect_rc 67
run --db "$DB" account set --where owner=nobody --stage expand --yes
expect_rc 67
expect_err_has "--where: owner: 'nobody' is not a user of this book"
run --db "$DB" accounts --owner pooled
expect_rc 0
run --db "$DB" accounts --segment huge
expect_rc 64
printf "tend: --segment: 'huge' is not allowed (one of: enterprise, mid_market, smb)\n" | expect_err

case_ "a FIFO or a directory where config.yaml belongs is skipped with a warning, not waited on"
mkdir -p "$XDG_CONFIG_HOME/tend"
rm -rf "$XDG_CONFIG_HOME/tend/config.yaml"
mkfifo "$XDG_CONFIG_HOME/tend/config.yaml"
# The harness's own limit: a read of the FIFO would wait for ever.
timeout 10 "$TEND" --db "$DB" accounts --format csv >"$WORK/out" 2>"$WORK/err"
check "accounts did not run past a FIFO config (status $?)" test -s "$WORK/out"
expect_err_has "config.yaml: cannot read: not a regular file (using the default)"
rm "$XDG_CONFIG_HOME/tend/config.yaml"
mkdir "$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" accounts --format csv
expect_rc 0
expect_err_has "config.yaml: cannot read: not a regular file"
rmdir "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "an empty file or a directory is not taken for a book (65), and stays as it was"
: >"$WORK/empty.db"
run --db "$WORK/empty.db" accounts
expect_rc 65
printf "tend: %s is an empty file, not a book: remove it, or give another path ('tend init' makes a new book)\n" "$WORK/empty.db" | expect_err
check "the empty file was written to" test ! -s "$WORK/empty.db"
run --db "$WORK/empty.db" init
expect_rc 65
mkdir "$WORK/dir.db"
run --db "$WORK/dir.db" accounts
expect_rc 65
expect_err_has "dir.db is not a regular file, so it cannot be a book"

case_ "a book another process holds says so and what to do (75), after the busy timeout"
tp=$(rows touchpoint)
( printf 'BEGIN IMMEDIATE;\nINSERT INTO teams (name) VALUES ('"'"'lock holder'"'"');\n'; sleep 8; printf 'ROLLBACK;\n' ) |
	sqlite3 "$DB" &
holder=$!
sleep 1
run --db "$DB" log CRM-001 "While the book is busy"
expect_rc 75
expect_err_has "the book is busy: another tend has been writing to it for 5 s"
expect_err_lacks "database is locked"
wait "$holder"
same_rows touchpoint "$tp"

case_ "past the file-size limit a write fails in words (74), nothing is written, tend is not killed"
awk 'BEGIN { print "account,date,kind,summary"
	for (i = 0; i < 30000; i++) printf "CRM-001,2026-01-01,call,note number %d with padding to grow the book quickly\n", i }' >"$WORK/many.csv"
tp=$(rows touchpoint)
( ulimit -f 1024; "$TEND" --db "$DB" import touchpoint "$WORK/many.csv" >"$WORK/out" 2>"$WORK/err"; echo $? >"$WORK/rc" )
check "tend was killed or did not fail past the limit: status $(cat "$WORK/rc")" test "$(cat "$WORK/rc")" = 74
expect_err_has "the book could not be written (an I/O error: a full disk, a file-size limit or a failing device); nothing was changed"
expect_err_lacks "disk I/O error"
same_rows touchpoint "$tp"

finish
