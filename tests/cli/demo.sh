#!/bin/sh
# demo.sh -- `tend demo`: the sample book is deterministic (same seed and
# --now, same book), realistic in shape, and never lands on a book with data.
. "$TEST_SRCDIR/tests/cli/lib.sh"

ENTITIES="team user account contact contract arr_event renewal invoice opportunity usage
ticket survey touchpoint advocacy task task_item risk success_plan objective milestone kpi
health_snapshot health_override health_input scorecard_calibration account_health audit"

# dump DB: every entity exported, concatenated.
dump() {
	for e in $ENTITIES; do
		echo "== $e"
		"$TEND" --db "$1" export "$e" || echo "export $e failed"
	done
}

case_ "the default book: 600 accounts, a team of a lead and 8 CSMs"
run --db "$WORK/a.db" $NOW demo
expect_rc 0
expect_out_has "600 accounts, 9 users"
run --db "$WORK/a.db" $NOW accounts --format csv
check "not 600 accounts" test "$(($(wc -l <"$WORK/out") - 1))" -eq 600
ent=$(grep -c ',enterprise,' "$WORK/out")
smb=$(grep -c ',smb,' "$WORK/out")
[ "$ent" -ge 78 ] && [ "$ent" -le 102 ] || fail "$ent enterprise accounts, expected about 90 (15%)"
[ "$smb" -ge 288 ] && [ "$smb" -le 312 ] || fail "$smb SMB accounts, expected about 300 (50%)"
run --db "$WORK/a.db" export user
check "not one lead" test "$(grep -c ',lead,' "$WORK/out")" -eq 1
check "not 8 CSMs" test "$(grep -c ',csm,' "$WORK/out")" -eq 8

case_ "same seed, same day: the same book, byte for byte"
run --db "$WORK/b.db" $NOW demo
expect_rc 0
dump "$WORK/a.db" >"$WORK/a.dump"
dump "$WORK/b.db" >"$WORK/b.dump"
check "two demo books with the same seed differ" cmp -s "$WORK/a.dump" "$WORK/b.dump"
check_not "an export failed" grep -q "failed" "$WORK/a.dump"

case_ "another seed, another book"
run --db "$WORK/c.db" $NOW demo --seed 2 --accounts 50 --csms 3
expect_rc 0
expect_out_has "50 accounts, 4 users"
run --db "$WORK/d.db" $NOW demo --seed 3 --accounts 50 --csms 3
"$TEND" --db "$WORK/c.db" export account >"$WORK/c.csv"
"$TEND" --db "$WORK/d.db" export account >"$WORK/d.csv"
check_not "different seeds gave the same accounts" cmp -s "$WORK/c.csv" "$WORK/d.csv"

case_ "a book with data is refused and left as it was"
before=$(dump "$WORK/c.db" | cksum)
run --db "$WORK/c.db" $NOW demo --seed 9
expect_rc 65
expect_err_has "tend: "
[ "$(dump "$WORK/c.db" | cksum)" = "$before" ] || fail "demo changed a book that had data"

case_ "options are checked"
run --db "$WORK/e.db" demo --accounts 0
expect_rc 64
run --db "$WORK/e.db" demo --accounts 2000000
expect_rc 64
run --db "$WORK/e.db" demo --seed -1
expect_rc 64
run --db "$WORK/e.db" demo --csms x
expect_rc 64

case_ "an interrupted demo is finished by running it again"
# A kill between the weekly scorings leaves weeks up to some day; here
# the first run stops 4 weeks short of 2026-06-01 (as if killed), and
# the same command on 2026-06-01 scores the 4 weeks left.  (make
# crashtest kills real runs.)
run --db "$WORK/r.db" --now 2026-05-04 demo --accounts 30 --weeks 5
expect_rc 0
run --db "$WORK/r.db" --now 2026-06-01 demo --accounts 30 --weeks 9
expect_rc 0
expect_out_has "finishing the demo book $WORK/r.db: 5 of 9 weeks of health history were scored"
expect_out_has "scored 4 weeks of health history"
check "not 9 weekly snapshots ending today" test "$(sqlite3 "$WORK/r.db" \
	"SELECT count(DISTINCT date) || ' ' || max(date) FROM health_snapshots")" = "9 2026-06-01"
run --db "$WORK/r.db" --now 2026-06-01 demo --accounts 30 --weeks 9
expect_rc 65
expect_err_has "already holds accounts or users"

case_ "an unfinished demo asked with other options names the right ones"
run --db "$WORK/s.db" --now 2026-05-25 demo --accounts 30 --weeks 2
run --db "$WORK/s.db" --now 2026-06-01 demo --accounts 40 --weeks 3
expect_rc 65
expect_err_has "holds an unfinished demo book of 30 accounts; run 'tend demo --accounts 30'"

case_ "a book anyone wrote to is never taken for an unfinished demo"
run --db "$WORK/t.db" --now 2026-05-25 demo --accounts 30 --weeks 2
run --db "$WORK/t.db" --now 2026-05-25 account set 1 --notes "mine"
expect_rc 0
run --db "$WORK/t.db" --now 2026-06-01 demo --accounts 30 --weeks 3
expect_rc 65
expect_err_has "already holds accounts or users"

finish
