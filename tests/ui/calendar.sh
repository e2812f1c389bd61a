#!/bin/sh
# calendar.sh -- the renewal calendar pane (key 6, :calendar DATE): the
# month grid across a year boundary and through 29 February 2028 (weeks
# starting on the config's week_start), the day's list, closing a renewal
# from the pane -- the next term appears on its day and the 360's ledger
# moves -- the pipeline with its cadence glyphs, and an account name full
# of terminal escapes drawn inert.
. "$TEST_SRCDIR/tests/ui/lib.sh"
export TEND_USER=tester
# not_raw: the OSC sequence of H's name never reached the terminal as such.
not_raw() { ! LC_ALL=C grep -qF "$(printf '\033]0;pwned')" "$RAW"; }
mkdir -p "$WORK/csv" "$XDG_CONFIG_HOME/tend"
printf 'week_start: monday\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
cat >"$WORK/csv/users.csv" <<'EOF'
login,name,role,team,segment
tester,Terry Tester,lead,,
amy,Amy Adams,csm,,enterprise
EOF
# H's name carries an OSC title sequence and a clear-screen: both must reach
# the terminal as text, never as control sequences.
printf 'external_id,name,owner,segment,stage\nY,Yearend,amy,enterprise,adopt\nL,Leap,amy,enterprise,adopt\nH,"Evil\033]0;pwned\007\033[2JCorp",amy,smb,adopt\n' \
	>"$WORK/csv/accounts.csv"
cat >"$WORK/csv/arr_events.csv" <<'EOF'
account,date,kind,arr_delta
Y,2024-01-15,new,30000
L,2024-01-15,new,10000
H,2024-01-15,new,5000
EOF
cat >"$WORK/csv/renewals.csv" <<'EOF'
account,due_date,target_arr,forecast_category,stage,owner
Y,2026-12-31,30000,at_risk,negotiating,amy
H,2027-01-01,5000,likely,not_started,amy
L,2028-02-29,10000,commit,not_started,amy
EOF
for e in user account arr_event renewal; do
	"$TEND" --db "$DB" $NOW import "$e" "$WORK/csv/${e}s.csv" >/dev/null || fail "cannot import $e"
done

case_ "the month grid across the year boundary and 29 February 2028; close from the pane"
screen <<EOF
wait tester (lead)
key 6
wait November 2026
dump $WORK/nov
key :calendar 2026-12-31<Enter>
wait December 2026
dump $WORK/dec
key l
wait January 2027
dump $WORK/jan
key <Enter>
wait Corp
key <Enter>
wait #3 H
key 6
wait January 2027
key <Esc>
settle
key <PgUp>
wait December 2026
key }
wait March 2027
key :calendar 2028-02-28<Enter>
wait February 2028
key l
wait 2028-02-29: 1 renewal
dump $WORK/leap
key l
wait March 2028
key h
wait 2028-02-29: 1 renewal
key <Enter>
settle
key C
wait Close: final ARR
key <C-u>12000<Enter>
wait next term #4 due 2029-02-28
dump $WORK/closed
key :calendar 2029-02-28<Enter>
wait 2029-02-28: 1 renewal
dump $WORK/next
key t
wait November 2026
key m
wait week of
dump $WORK/quarter
key m
wait Pipeline
dump $WORK/pipe
key Q
expect-exit 0
EOF
expect_screen "$WORK/dec" <<'OUT'
 tend  book.db  tester (lead)  2026-11-23
  1 Heatmap   2 Account   3 Inbox   5 Plan   6 Calendar   7   month, 2026-12-31
 December 2026        v won  x lost  + commit  ~ likely  ! at risk
Mo         Tu         We         Th         Fr         Sa         Su
30          1          2          3          4          5          6

 7          8          9         10         11         12         13

14         15         16         17         18         19         20

21         22         23         24         25         26         27

28         29         30         31 !1       1 ~1       2          3
                                       $30k      $5.0k
──Th 2026-12-31: 1 renewal, 30,000 due  (Enter lists them)                    ──
  ! ? Yearend                                 30,000  at_risk  negotiating amy







 ? help  / search  f filter  m view  t today  C close  F forecast  L step  : cm…
OUT
screen_has "January 2027" "$WORK/jan"
check "January 2027 does not open on Monday 28 December" row_greps 5 "$WORK/jan" "^28         29         30         31 !1       1 ~1"
screen_has "Fr 2027-01-01: 1 renewal, 5,000 due" "$WORK/jan"
screen_has 'Evil\x1b]0;pwned\x07\x1b[2JCorp' "$WORK/jan"
check "the hostile name reached the terminal raw" not_raw
screen_has "February 2028" "$WORK/leap"
check "29 February 2028 is not in the grid with its renewal" row_greps 13 "$WORK/leap" "^28         29 +1"
screen_has "Tu 2028-02-29: 1 renewal, 10,000 due" "$WORK/leap"
screen_has "v ? Leap" "$WORK/closed"
screen_has "renewal #3 won at 12,000; next term #4 due 2029-02-28" "$WORK/closed"
screen_has "We 2029-02-28: 1 renewal, 12,000 due" "$WORK/next"
screen_has "~ ? Leap                                    12,000  likely   not_started amy" "$WORK/next"
screen_has "2026Q4: 1 renewal, 30,000 due" "$WORK/quarter"
screen_has "week of 2026-12-28     1         30,000" "$WORK/quarter"
screen_has "Pipeline: 2 open, overdue to 120 days" "$WORK/pipe"
screen_has "2026-12-31 31-60   ? Yearend" "$WORK/pipe"
case_ "the 360 view of the account closed from the pane shows the ledger event to come"
screen -s 80x60 <<'EOF'
wait tester (lead)
key :account Leap<Enter>
wait (scheduled)
dump
key Q
expect-exit 0
EOF
screen_has "2028-02-29  expansion    2,000  (scheduled)"
run --db "$DB" export renewal
expect_out_has "3,L,,2028-02-29,10000.00,,12000.00,commit,won,,2026-11-23,amy"
expect_out_has "4,L,,2029-02-28,12000.00,,,likely,not_started,,,amy"

finish
