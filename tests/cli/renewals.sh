#!/bin/sh
# renewals.sh -- the renewal motion from the CLI on a book built by hand:
# cadence compliance judged from the book (each step on time, late,
# missing, pending), working a renewal (set, step) and closing it (the next
# term when won, 29 February included; the account churned, its tasks
# cancelled and risks closed when lost; all undone at once), the forecast
# against sums of the raw rows, the iCalendar file, and the refusals.
. "$TEST_SRCDIR/tests/cli/lib.sh"

# Today is 2026-11-23.  A (due 2027-01-15): T-120 2026-09-17, T-90 10-17,
# T-60 11-16, T-30 12-16.  B (due 2026-12-10): T-120 08-12, T-90 09-11,
# T-60 10-11, T-30 11-10.  The cycle opens 60 days before T-120.
#   A  t120 EBR 2026-09-10 on time; t90 renewal-t90 task done 11-01 late;
#      t60 nothing, missing; t30 pending.
#   B  t120 only last year's EBR (2025-12-01, before the cycle): missing;
#      t90 logged 2026-09-01 on time; t60 logged today by
#      `renewal set --stage negotiating`: late; t30 missing.
mkdir -p "$WORK/csv"
cat >"$WORK/csv/teams.csv" <<'EOF'
name
East
EOF
cat >"$WORK/csv/users.csv" <<'EOF'
login,name,role,team,segment
tester,Terry Tester,lead,East,
amy,Amy Adams,csm,East,enterprise
EOF
cat >"$WORK/csv/accounts.csv" <<'EOF'
external_id,name,owner,segment,stage
A,Alpha,amy,enterprise,adopt
B,"Bravo; \, Inc.",amy,enterprise,adopt
L,Leap,amy,enterprise,adopt
P,Pooled,,smb,adopt
EOF
cat >"$WORK/csv/arr_events.csv" <<'EOF'
account,date,kind,arr_delta,reason
A,2024-01-15,new,100000,
B,2024-01-15,new,50000,
L,2024-01-15,new,10000,
P,2024-01-15,new,2000,
EOF
cat >"$WORK/csv/renewals.csv" <<'EOF'
account,due_date,target_arr,forecast_arr,forecast_category,stage,owner
A,2027-01-15,100000,,likely,in_progress,amy
B,2026-12-10,50000,45000,at_risk,not_started,amy
L,2028-02-29,10000,,commit,not_started,amy
P,2026-12-20,2000,2500,commit,not_started,
EOF
cat >"$WORK/csv/touchpoints.csv" <<'EOF'
account,date,kind,summary
A,2026-09-10,ebr,EBR held
B,2025-12-01,ebr,last year's EBR
EOF
cat >"$WORK/csv/tasks.csv" <<'EOF'
account,title,kind,status,source,created_on,done_on
A,Handshake 3,renewal,done,playbook:renewal-t90,2026-10-10,2026-11-01
A,Ask for a case study,activity,open,manual,2026-11-01,
EOF
cat >"$WORK/csv/risks.csv" <<'EOF'
account,category,severity,status,opened_on,description
A,renewal,high,open,2026-11-01,Budget freeze
EOF
for e in team user account arr_event renewal touchpoint task risk; do
	"$TEND" --db "$DB" $NOW import "$e" "$WORK/csv/${e}s.csv" >/dev/null || fail "cannot import $e"
done

case_ "renewal step and set log the cadence; set refuses what closing does"
run --db "$DB" renewal step 2 t90 --date 2026-09-01 --note "handshake #3 done"
expect_rc 0
expect_out <<'OUT'
renewal #2: step t90 logged on 2026-09-01 (#1)
OUT
run --db "$DB" renewal set 2 --stage negotiating
expect_rc 0
expect_out <<'OUT'
renewal #2 updated
OUT
run --db "$DB" renewal set 2 --stage negotiating
expect_out <<'OUT'
renewal #2 unchanged: nothing differed
OUT
run --db "$DB" renewal set 2 --stage won
expect_rc 64
expect_err_has "stage: won and lost are set by closing the renewal"
run --db "$DB" renewal set 2 --category lost
expect_rc 64
expect_err_has "a renewal is lost by closing it"
run --db "$DB" renewal step 2 t45
expect_rc 64
expect_err_has "'t45' is not t120, t90, t60 or t30"
run --db "$DB" renewal set 99 --stage in_progress
expect_rc 66

case_ "the pipeline judges each step from the book: on time, late, missing, pending"
run --db "$DB" renewals --format csv
expect_rc 0
expect_out <<'OUT'
id,due_date,days,window,account,name,owner,band,target_arr,forecast_arr,arr,forecast_category,stage,t120,t90,t60,t30,missed
2,2026-12-10,17,0-30,B,"Bravo; \, Inc.",amy,,50000.00,45000.00,50000.00,at_risk,negotiating,missing,on_time,late,missing,3
4,2026-12-20,27,0-30,P,Pooled,pooled,,2000.00,2500.00,2000.00,commit,not_started,missing,missing,missing,missing,4
1,2027-01-15,53,31-60,A,Alpha,amy,,100000.00,,100000.00,likely,in_progress,on_time,late,missing,pending,2
OUT
run --db "$DB" renewals --window 60 --format csv
expect_out_has "1,2027-01-15,53,31-60,A,"
check_not "--window 60 lists the 0-30 window" grep -q "^2," "$WORK/out"
run --db "$DB" renewals --owner pooled --format csv
check "--owner pooled: only P" test "$(sed -n '2,$p' "$WORK/out" | cut -d, -f5 | tr '\n' ' ')" = "P "
run --db "$DB" renewals --team East --format json
expect_out_has '"t120": "missing", "t90": "on_time", "t60": "late", "t30": "missing", "missed": 3}'
check_not "--team East lists the pooled renewal" grep -q '"owner": "pooled"' "$WORK/out"
run --db "$DB" renewals --quarter 2028Q1 --format csv
expect_out_has "3,2028-02-29,463,>120,L,Leap,"
run --db "$DB" renewals
expect_out_has "MISSING  on time  LATE     MISSING"
run --db "$DB" renewals --quarter 2026Q5
expect_rc 64
expect_err_has "--quarter: '2026Q5' is not a quarter such as 2026Q4"
run --db "$DB" renewals --window 90 --within 30
expect_rc 64
run --db "$DB" renewals --within 30 --quarter 2026Q4
expect_rc 64
expect_err_has "give --within or --quarter, not both"

case_ "the forecast's sums are the raw rows' sums"
run --db "$DB" renewals forecast --quarter 2026Q4 --by csm --format csv
expect_rc 0
raw=$(sqlite3 -csv "$DB" "SELECT coalesce(u.login, 'pooled'), count(*),
	printf('%.2f', sum(target_arr_cents) / 100.0),
	count(CASE WHEN r.stage NOT IN ('won', 'lost') THEN 1 END),
	printf('%.2f', sum(CASE WHEN forecast_category = 'commit' AND r.stage NOT IN ('won', 'lost')
		THEN coalesce(forecast_arr_cents, target_arr_cents) ELSE 0 END) / 100.0),
	printf('%.2f', sum(CASE WHEN forecast_category = 'likely' AND r.stage NOT IN ('won', 'lost')
		THEN coalesce(forecast_arr_cents, target_arr_cents) ELSE 0 END) / 100.0),
	printf('%.2f', sum(CASE WHEN forecast_category = 'at_risk' AND r.stage NOT IN ('won', 'lost')
		THEN coalesce(forecast_arr_cents, target_arr_cents) ELSE 0 END) / 100.0)
	FROM renewals r JOIN accounts a ON a.id = r.account_id LEFT JOIN users u ON u.id = a.owner_id
	WHERE due_date >= '2026-10-01' AND due_date < '2027-01-01'
	GROUP BY u.login ORDER BY u.login IS NOT NULL, u.login")
check "forecast rows differ from the raw sums: $(cat "$WORK/out") vs $raw" \
	test "$(sed -n '2,3p' "$WORK/out" | cut -d, -f1-7 | sed 's/^,/pooled,/')" = "$raw"
# B: at risk 45,000 of 50,000; P: commit 2,500 of 2,000 (GRR takes 2,000).
expect_out_has "total,2,52000.00,2,2500.00,0.00,45000.00,0,0.00,0,0.00,0.038461538461538464,0.9,0.04807692307692308,1"
run --db "$DB" renewals forecast --quarter 2031Q2
expect_out_has "book     0       0     0       0       0        0    0      0     0         0    -    90.0%    -   100.0%"
run --db "$DB" renewals forecast --by team --from 2026-12-01 --to 2027-01-31 --format csv
expect_out_has "East,2,150000.00,2,0.00,100000.00,45000.00,"
expect_out_has "none,1,2000.00,1,2500.00,"

case_ "tend metrics of a period that has not happened says -, never 0%"
run --db "$DB" metrics --from 2027-01-01 --to 2027-03-31
expect_rc 0
expect_out_has "gross renewal rate"
check_not "a future period shows 0.0%" grep -q " 0.0%" "$WORK/out"
run --db "$DB" metrics --from 2027-01-01 --to 2027-03-31 --format csv
check "future NRR and renewal rates are not empty" test "$(cut -d, -f9,10,20,21,22 "$WORK/out" | tail -n 1)" = ",,,,"

case_ "the iCalendar file: stable UIDs, SEQUENCE counts changes, alarms, escaped text"
run --db "$DB" renewals --format ics
expect_rc 0
expect_out_has "UID:renewal-2@tend"
expect_out_has "SUMMARY:Renewal: Bravo\\; \\\\\\, Inc. (B) 50\\,000"
expect_out_has "TRIGGER:-P120D"
expect_out_has "DTSTART;VALUE=DATE:20261210"
expect_out_has "DTSTAMP:20261123T093000Z"
seq_of() { awk -v uid="UID:renewal-$1@tend" '$0 == "BEGIN:VEVENT\r" { s = "" } /^SEQUENCE:/ { s = $0 }
	index($0, uid) { u = 1 } $0 == "END:VEVENT\r" { if (u) print s; u = 0 }' "$WORK/out" | tr -d '\r'; }
before=$(seq_of 2)
# A step logged, a stage set (an update and the t60 step it logs): 3.
check "renewal 2 had set and step: SEQUENCE:3, not $before" test "$before" = "SEQUENCE:3"
run --db "$DB" renewal set 2 --forecast 48000
run --db "$DB" renewals --format ics
check "SEQUENCE did not grow with the change: $(seq_of 2)" test "$(seq_of 2)" = "SEQUENCE:4"
check "a UID changed" grep -q "UID:renewal-1@tend" "$WORK/out"
check_not "VTODOs without --todos" grep -q "BEGIN:VTODO" "$WORK/out"
run --db "$DB" renewals --format ics --todos
expect_rc 0
expect_out_has "UID:task-2@tend"
expect_out_has "SUMMARY:Ask for a case study (Alpha)"
expect_out_has "RELATED-TO:renewal-1@tend"
expect_out_has "PRIORITY:5"
check "not one VTODO: the open task only, not the done one" test "$(grep -c "BEGIN:VTODO" "$WORK/out")" = 1
run --db "$DB" renewals --todos
expect_rc 64
expect_err_has "--todos adds the open tasks to --format ics"

case_ "closing won makes the next term; 29 February renews on 28 February"
run --db "$DB" renewal close 3 --final 12000
expect_rc 0
expect_out <<'OUT'
renewal #3 of Leap (L) closed won on 2026-11-23: final 12,000, target 10,000
ledger: expansion +2,000 on 2028-02-29 (#5), ARR 10,000 -> 12,000
next term: renewal #5 due 2029-02-28, target 12,000
OUT
run --db "$DB" export renewal
expect_out_has "5,L,,2029-02-28,12000.00,,,likely,not_started,,,amy"
run --db "$DB" account show L
expect_out_has "2028-02-29  expansion    2,000  renewal with upsell  (scheduled)"

case_ "closing lost with no ARR left churns the account, cancels its tasks, closes its risks; undo takes it all back"
before=$(sqlite3 "$DB" "SELECT group_concat(x, '|') FROM (SELECT stage AS x FROM accounts WHERE external_id = 'A'
	UNION ALL SELECT status FROM tasks UNION ALL SELECT status FROM risks)")
run --db "$DB" renewal close 1 --final 0 --reason budget
expect_rc 0
expect_out <<'OUT'
renewal #1 of Alpha (A) closed lost on 2026-11-23: final 0, target 100,000, reason budget
ledger: churn -100,000 on 2027-01-15 (#6), ARR 100,000 -> 0
account: stage churned
closed out: 1 open task cancelled, 1 open risk closed
OUT
run --db "$DB" export task
expect_out_has "Ask for a case study,activity,medium,,,cancelled,,manual,0,2026-11-01,,,renewal #1 lost (budget)"
run --db "$DB" export risk
expect_out_has "closed,2026-11-01,2026-11-23,,Budget freeze,,import,renewal #1 lost (budget)"
run --db "$DB" export stage_history
expect_out_has "A,churned,2026-11-23,,tester,manual"
run --db "$DB" undo
expect_rc 0
after=$(sqlite3 "$DB" "SELECT group_concat(x, '|') FROM (SELECT stage AS x FROM accounts WHERE external_id = 'A'
	UNION ALL SELECT status FROM tasks UNION ALL SELECT status FROM risks)")
check "undo did not restore the account, tasks and risks: $after" test "$after" = "$before"
check "undo left the churn event" test "$(sqlite3 "$DB" "SELECT count(*) FROM arr_events WHERE kind = 'churn'")" = 0
run --db "$DB" renewals --format csv
expect_out_has "1,2027-01-15,53,31-60,A,Alpha,amy,,100000.00,"

case_ "a bad renewal_cadence in the config is an error naming the file"
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'renewal_cadence: 90,120,60,30\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" renewals
expect_rc 78
expect_err_has "config.yaml: renewal_cadence: '90,120,60,30': each step comes fewer days"
printf 'renewal_cadence: 150,100,50,20\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" renewals --format csv
expect_rc 0
# A: T-150 2026-08-18 (EBR 09-10 late), T-100 10-07 (task 11-01 late),
# T-50 2026-11-26 and T-20 still ahead.
expect_out_has "1,2027-01-15,53,31-60,A,Alpha,amy,,100000.00,,100000.00,likely,in_progress,late,late,pending,pending,2"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

finish
