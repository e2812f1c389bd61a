#!/bin/sh
# renewal_evidence.sh -- the pipeline reads its rows from the evidence
# table (schema 0017, store/wtx_evidence.c), which the write path keeps:
# logging a touchpoint, a cadence step, a task done, a stage change, a
# rename or a reassignment shows in `tend renewals` at once, and so does
# each undo of them; the ARR of a day before an ARR event, another
# cadence, and the migration's fill agree with what the write path writes.
. "$TEST_SRCDIR/tests/cli/lib.sh"

# Today is 2026-11-23; the cycle opens 180 days before the due date.
#   A (#1) due 2027-01-15: T-120 2026-09-17, T-90 10-17, T-60 11-16,
#          T-30 12-16 (pending); opens 2026-07-19.  No evidence yet.
#   B (#2) due 2027-03-20: T-120 2026-11-20, the rest ahead; opens
#          2026-09-21: its EBR of 2026-09-25 is on time.
#   C (#3) bob's, another team's.
# A's ARR has an expansion on 2026-12-01, after today.
mkdir -p "$WORK/csv"
cat >"$WORK/csv/teams.csv" <<'EOF'
name
East
West
EOF
cat >"$WORK/csv/users.csv" <<'EOF'
login,name,role,team,segment
tester,Terry Tester,lead,East,
amy,Amy Adams,csm,East,enterprise
bob,Bob Brown,csm,West,smb
EOF
cat >"$WORK/csv/accounts.csv" <<'EOF'
external_id,name,owner,segment,stage
A,Alpha,amy,enterprise,adopt
B,Bravo,amy,enterprise,adopt
C,Charlie,bob,smb,adopt
EOF
cat >"$WORK/csv/arr_events.csv" <<'EOF'
account,date,kind,arr_delta,reason
A,2024-01-15,new,100000,
A,2026-12-01,expansion,5000,
B,2024-01-15,new,50000,
C,2024-01-15,new,2000,
EOF
cat >"$WORK/csv/renewals.csv" <<'EOF'
account,due_date,target_arr,forecast_category,stage
A,2027-01-15,100000,likely,not_started
B,2027-03-20,50000,likely,not_started
C,2026-12-20,2000,commit,not_started
EOF
cat >"$WORK/csv/touchpoints.csv" <<'EOF'
account,date,kind,summary
B,2026-09-25,ebr,EBR held
EOF
cat >"$WORK/csv/tasks.csv" <<'EOF'
account,title,kind,status,source,created_on
A,Start the negotiation,renewal,open,playbook:renewal-t60,2026-11-01
EOF
for e in team user account arr_event renewal touchpoint task; do
	"$TEND" --db "$DB" $NOW import "$e" "$WORK/csv/${e}s.csv" >/dev/null || fail "cannot import $e"
done

# pipe [ARGS]: the East pipeline's id, owner, ARR, steps and missed count.
pipe() {
	run --db "$DB" "$@" renewals --team East --format csv
	awk -F, 'NR > 1 { print $1, $7, $11, $14, $15, $16, $17, $18 }' "$WORK/out" >"$WORK/pipe"
	cp "$WORK/pipe" "$WORK/out"
}

case_ "the pipeline of a book imported: the evidence table filled by the import"
pipe
expect_out <<'OUT'
1 amy 100000.00 missing missing missing pending 3
2 amy 50000.00 on_time pending pending pending 0
OUT

case_ "a touchpoint logged shows in the pipeline at once"
run --db "$DB" log A "Executive review" --kind ebr --date 2026-09-01
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time missing missing pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT

case_ "a cadence step logged shows at once"
run --db "$DB" renewal step 1 t90 --date 2026-10-30
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late missing pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT

case_ "the renewal's playbook task done shows at once"
run --db "$DB" task done 1
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late late pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT

case_ "the account entering the renew stage is T-90's evidence, at once"
run --db "$DB" account set B --stage renew
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late late pending 2
2 amy 50000.00 on_time on_time pending pending 0
OUT

case_ "a reassignment moves the renewal to the other team's pipeline at once"
run --db "$DB" account set B --owner bob
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late late pending 2
OUT
run --db "$DB" renewals --owner bob --format csv
expect_out_has "2,2027-03-20,117,91-120,B,Bravo,bob,"

case_ "the iCalendar file's SEQUENCE counts a change at once"
seq_of() { awk -v uid="UID:renewal-$1@tend" '$0 == "BEGIN:VEVENT\r" { s = "" } /^SEQUENCE:/ { s = $0 }
	$0 == uid "\r" { u = 1 } $0 == "END:VEVENT\r" { if (u) print s; u = 0 }' "$WORK/out" | tr -d '\r'; }
run --db "$DB" renewals --format ics
check "renewal 1 had a step: SEQUENCE:1, not $(seq_of 1)" test "$(seq_of 1)" = "SEQUENCE:1"
run --db "$DB" renewal set 1 --forecast 90000
expect_rc 0
run --db "$DB" renewals --format ics
check "SEQUENCE did not grow with the change: $(seq_of 1)" test "$(seq_of 1)" = "SEQUENCE:2"

case_ "each undo shows in the pipeline at once"
run --db "$DB" undo
expect_rc 0
run --db "$DB" renewals --format ics
check "the undo is a change too: SEQUENCE:3, not $(seq_of 1)" test "$(seq_of 1)" = "SEQUENCE:3"
run --db "$DB" undo
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late late pending 2
2 amy 50000.00 on_time on_time pending pending 0
OUT
run --db "$DB" undo
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late late pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT
run --db "$DB" undo
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time late missing pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT
run --db "$DB" undo
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 on_time missing missing pending 2
2 amy 50000.00 on_time pending pending pending 0
OUT
run --db "$DB" undo
expect_rc 0
pipe
expect_out <<'OUT'
1 amy 100000.00 missing missing missing pending 3
2 amy 50000.00 on_time pending pending pending 0
OUT

case_ "the ARR is the day's: an event after today counts from its day on"
pipe --now 2026-12-01
expect_out <<'OUT'
1 amy 105000.00 missing missing missing pending 3
2 amy 50000.00 on_time pending pending pending 0
OUT
pipe --now 2026-11-30
expect_out_has "1 amy 100000.00 "

case_ "another cadence counts evidence from its own opening"
# B's cycle opens 100 + 60 days before 2027-03-20, on 2026-10-11, after
# its EBR; its T-100 is 2026-12-10, ahead.  A's T-50 is 2026-11-26.
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'renewal_cadence: 100,75,50,25\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
pipe
expect_out <<'OUT'
1 amy 100000.00 missing missing pending pending 2
2 amy 50000.00 pending pending pending pending 0
OUT
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "the migration fills the table with the rows the write path writes"
run --db "$DB" renewal step 2 t30 --date 2026-11-02
expect_rc 0
dump() { sqlite3 "$DB" "SELECT * FROM renewal_evidence ORDER BY due_date, id"; }
dump >"$WORK/kept"
check "the table has every open renewal" test "$(wc -l <"$WORK/kept")" -eq 3
sqlite3 "$DB" "DELETE FROM renewal_evidence; PRAGMA user_version = 16" || fail "cannot rewind the book"
pipe
expect_out <<'OUT'
1 amy 100000.00 missing missing missing pending 3
2 amy 50000.00 on_time pending pending on_time 0
OUT
dump >"$WORK/filled"
check "the migration's rows differ from the write path's" cmp -s "$WORK/kept" "$WORK/filled"
finish
