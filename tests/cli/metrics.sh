#!/bin/sh
# metrics.sh -- `tend metrics` in its three formats on a small book computed
# by hand, `tend renewal close` writing the matching ledger event (and the
# metrics moving with it), and the errors with their exit codes.
. "$TEST_SRCDIR/tests/cli/lib.sh"

# The book (period 2026-01-01 .. 2026-12-31, dollars), ARR(t0) -> ARR(t1):
#   A amy enterprise  100,000.00 -> 120,000.50  expansion 20,000.50
#   B amy enterprise   50,000    ->  40,000     contraction 10,000
#   C amy enterprise   30,000    ->  25,000     churn then win-back: contraction 5,000
#   D ben mid_market   20,000    ->       0     contraction to zero: churned 20,000
#   E ben smb               0    ->   8,000     new in the period
#   F ben smb          10,000    ->   9,000     two contracts, +3,000 and -4,000
#   G pooled smb        5,000    ->       0     churned on the last day
#   H pooled smb            0    ->   7,000     new on the first day (+1,000 the day after the end)
# S = 215,000; E = 20,000.50; C = 16,000; X = 25,000; new 15,000; ending 209,000.50
# NRR = 194,000.50 / 215,000 = 90.23%; GRR = 174,000 / 215,000 = 80.93%;
# logo churn 2/6 = 33.3%; revenue churn 25,000 / 215,000 = 11.6%.
# Renewals due in the period: A won 120,000.50 of 100,000 on time, B won
# 40,000 of 50,000 late, D lost 20,000, F (10,000) open: due 180,000, gross
# 140,000 (77.8%), net 160,000.50 (88.9%), on time 1 of 4.
mkdir -p "$WORK/csv"
cat >"$WORK/csv/teams.csv" <<'EOF'
name
East
West
EOF
cat >"$WORK/csv/users.csv" <<'EOF'
login,name,role,team,segment
amy,Amy Adams,csm,East,enterprise
ben,Ben Brown,csm,West,smb
tester,Terry Tester,lead,,
EOF
cat >"$WORK/csv/accounts.csv" <<'EOF'
external_id,name,owner,segment,service_package
A,Alpha,amy,enterprise,premium
B,Bravo,amy,enterprise,premium
C,Charlie,amy,enterprise,premium
D,Delta,ben,mid_market,premium
E,Echo,ben,smb,premium
F,Foxtrot,ben,smb,premium
G,Golf,,smb,premium
H,Hotel,,smb,free
EOF
cat >"$WORK/csv/arr_events.csv" <<'EOF'
account,date,kind,arr_delta,reason
A,2025-01-01,new,100000,
A,2026-03-01,expansion,20000.50,
B,2025-06-01,new,50000,
B,2026-05-01,contraction,-10000,
C,2025-02-01,new,30000,
C,2026-02-01,churn,-30000,
C,2026-09-01,reactivation,25000,
D,2025-03-01,new,20000,
D,2026-04-01,contraction,-20000,
E,2026-06-01,new,8000,
F,2024-01-01,new,6000,contract 1
F,2025-01-01,new,4000,contract 2
F,2026-07-01,expansion,3000,contract 1
F,2026-08-01,churn,-4000,contract 2
G,2025-01-01,new,5000,
G,2026-12-31,churn,-5000,
H,2026-01-01,new,7000,
H,2027-01-01,expansion,1000,
EOF
cat >"$WORK/csv/renewals.csv" <<'EOF'
id,account,due_date,target_arr,final_arr,stage,closed_date,churn_reason
1,A,2026-03-01,100000,120000.50,won,2026-02-20,
2,B,2026-05-01,50000,40000,won,2026-05-10,
3,D,2026-04-01,20000,0,lost,2026-03-25,budget
4,F,2026-11-15,10000,,negotiating,,
5,E,2027-06-01,8000,,not_started,,
6,C,2027-02-01,25000,,not_started,,
EOF
cat >"$WORK/csv/surveys.csv" <<'EOF'
account,date,kind,score
A,2026-01-01,nps,10
B,2026-02-01,nps,9
E,2026-12-31,nps,9
F,2026-06-01,nps,7
H,2026-07-01,nps,6
A,2027-01-01,nps,0
A,2026-03-01,csat,5
C,2026-03-02,csat,4
E,2026-03-03,csat,3
G,2026-03-04,csat,1
EOF
cat >"$WORK/csv/touchpoints.csv" <<'EOF'
account,date,kind,proactive
A,2026-10-01,qbr,true
B,2026-09-30,qbr,true
C,2026-12-31,ebr,true
E,2026-12-01,webinar,true
F,2027-01-01,qbr,true
A,2026-04-01,call,false
D,2026-03-01,email,false
A,2026-05-01,note,true
EOF
for e in team user account arr_event renewal survey touchpoint; do
	"$TEND" --db "$DB" $NOW import "$e" "$WORK/csv/${e}s.csv" >/dev/null || fail "cannot import $e"
done
PERIOD="--from 2026-01-01 --to 2026-12-31"

case_ "the whole book as a table for people: money grouped, ratios in %"
run --db "$DB" $NOW metrics $PERIOD
expect_rc 0
expect_out <<'OUT'
METRIC                    BOOK
from                2026-01-01
to                  2026-12-31
starting ARR           215,000
expansion            20,000.50
contraction             16,000
churned ARR             25,000
new ARR                 15,000
ending ARR          209,000.50
NRR                      90.2%
GRR                      80.9%
logo churn               33.3%
revenue churn            11.6%
cohort accounts              6
churned accounts             2
new accounts                 2
renewals due (ARR)     180,000
renewals due                 4
renewals won                 2
renewals lost                1
gross renewal rate       77.8%
net renewal rate         88.9%
on-time renewals         25.0%
NPS                       40.0
NPS responses                5
CSAT (1-5)                3.25
CSAT 4-5                 50.0%
CSAT responses               4
active accounts              6
CSMs                         2
accounts per CSM           2.5
ARR per CSM         101,000.25
CSMs outside band            2
premium accounts             5
reviews overdue              2
review coverage          60.0%
touchpoints                  6
proactive share          66.7%
OUT

case_ "per CSM as CSV: money in major units, ratios as fractions, pooled last"
run --db "$DB" $NOW metrics $PERIOD --by csm --format csv
expect_rc 0
expect_out <<'OUT'
group,from,to,starting_arr,expansion,contraction,churned_arr,new_arr,ending_arr,nrr,grr,logo_churn,revenue_churn,cohort_accounts,churned_accounts,new_accounts,renewals_due,renewals,renewals_won,renewals_lost,gross_renewal_rate,net_renewal_rate,on_time_renewal_rate,nps,nps_responses,csat,csat_satisfied,csat_responses,active_accounts,csms,accounts_per_csm,arr_per_csm,csms_outside_band,review_accounts,reviews_overdue,review_coverage,touchpoints,proactive_share
,2026-01-01,2026-12-31,215000.00,20000.50,16000.00,25000.00,15000.00,209000.50,0.9023279069767441,0.8093023255813954,0.3333333333333333,0.11627906976744186,6,2,2,180000.00,4,2,1,0.7777777777777778,0.8888916666666666,0.25,40,5,3.25,0.5,4,6,2,2.5,101000.25,2,5,2,0.6,6,0.6666666666666666
amy,2026-01-01,2026-12-31,180000.00,20000.50,15000.00,0.00,0.00,185000.50,1.0277805555555555,0.9166666666666666,0,0,3,0,0,150000.00,2,2,0,0.9333333333333333,1.06667,0.5,100,2,4.5,1,2,3,1,3,185000.50,1,3,1,0.6666666666666666,4,0.75
ben,2026-01-01,2026-12-31,30000.00,0.00,1000.00,20000.00,8000.00,17000.00,0.3,0.3,0.5,0.6666666666666666,2,1,1,30000.00,2,0,1,0,0,0,50,2,3,0,1,2,1,2,17000.00,1,2,1,0.5,2,0.5
pooled,2026-01-01,2026-12-31,5000.00,0.00,0.00,5000.00,7000.00,7000.00,0,0,1,1,1,1,1,0.00,0,0,0,,,,-100,1,1,0,1,1,0,,,0,0,0,,0,
OUT

case_ "JSON: money in cents under _cents keys, null where nothing divides"
run --db "$DB" $NOW metrics $PERIOD --by segment --format json
expect_rc 0
expect_out <<'OUT'
[
  {"group": null, "from": "2026-01-01", "to": "2026-12-31", "starting_arr_cents": 21500000, "expansion_cents": 2000050, "contraction_cents": 1600000, "churned_arr_cents": 2500000, "new_arr_cents": 1500000, "ending_arr_cents": 20900050, "nrr": 0.9023279069767441, "grr": 0.8093023255813954, "logo_churn": 0.3333333333333333, "revenue_churn": 0.11627906976744186, "cohort_accounts": 6, "churned_accounts": 2, "new_accounts": 2, "renewals_due_cents": 18000000, "renewals": 4, "renewals_won": 2, "renewals_lost": 1, "gross_renewal_rate": 0.7777777777777778, "net_renewal_rate": 0.8888916666666666, "on_time_renewal_rate": 0.25, "nps": 40, "nps_responses": 5, "csat": 3.25, "csat_satisfied": 0.5, "csat_responses": 4, "active_accounts": 6, "csms": 2, "accounts_per_csm": 2.5, "arr_per_csm_cents": 10100025, "csms_outside_band": 2, "review_accounts": 5, "reviews_overdue": 2, "review_coverage": 0.6, "touchpoints": 6, "proactive_share": 0.6666666666666666},
  {"group": "enterprise", "from": "2026-01-01", "to": "2026-12-31", "starting_arr_cents": 18000000, "expansion_cents": 2000050, "contraction_cents": 1500000, "churned_arr_cents": 0, "new_arr_cents": 0, "ending_arr_cents": 18500050, "nrr": 1.0277805555555555, "grr": 0.9166666666666666, "logo_churn": 0, "revenue_churn": 0, "cohort_accounts": 3, "churned_accounts": 0, "new_accounts": 0, "renewals_due_cents": 15000000, "renewals": 2, "renewals_won": 2, "renewals_lost": 0, "gross_renewal_rate": 0.9333333333333333, "net_renewal_rate": 1.06667, "on_time_renewal_rate": 0.5, "nps": 100, "nps_responses": 2, "csat": 4.5, "csat_satisfied": 1, "csat_responses": 2, "active_accounts": 3, "csms": 1, "accounts_per_csm": 3, "arr_per_csm_cents": 18500050, "csms_outside_band": 1, "review_accounts": 3, "reviews_overdue": 1, "review_coverage": 0.6666666666666666, "touchpoints": 4, "proactive_share": 0.75},
  {"group": "mid_market", "from": "2026-01-01", "to": "2026-12-31", "starting_arr_cents": 2000000, "expansion_cents": 0, "contraction_cents": 0, "churned_arr_cents": 2000000, "new_arr_cents": 0, "ending_arr_cents": 0, "nrr": 0, "grr": 0, "logo_churn": 1, "revenue_churn": 1, "cohort_accounts": 1, "churned_accounts": 1, "new_accounts": 0, "renewals_due_cents": 2000000, "renewals": 1, "renewals_won": 0, "renewals_lost": 1, "gross_renewal_rate": 0, "net_renewal_rate": 0, "on_time_renewal_rate": 0, "nps": null, "nps_responses": 0, "csat": null, "csat_satisfied": null, "csat_responses": 0, "active_accounts": 0, "csms": 0, "accounts_per_csm": null, "arr_per_csm_cents": null, "csms_outside_band": 0, "review_accounts": 0, "reviews_overdue": 0, "review_coverage": null, "touchpoints": 1, "proactive_share": 0},
  {"group": "smb", "from": "2026-01-01", "to": "2026-12-31", "starting_arr_cents": 1500000, "expansion_cents": 0, "contraction_cents": 100000, "churned_arr_cents": 500000, "new_arr_cents": 1500000, "ending_arr_cents": 2400000, "nrr": 0.6, "grr": 0.6, "logo_churn": 0.5, "revenue_churn": 0.3333333333333333, "cohort_accounts": 2, "churned_accounts": 1, "new_accounts": 2, "renewals_due_cents": 1000000, "renewals": 1, "renewals_won": 0, "renewals_lost": 0, "gross_renewal_rate": 0, "net_renewal_rate": 0, "on_time_renewal_rate": 0, "nps": 0, "nps_responses": 3, "csat": 2, "csat_satisfied": 0, "csat_responses": 2, "active_accounts": 3, "csms": 1, "accounts_per_csm": 2, "arr_per_csm_cents": 1700000, "csms_outside_band": 1, "review_accounts": 2, "reviews_overdue": 1, "review_coverage": 0.5, "touchpoints": 1, "proactive_share": 1}
]
OUT

case_ "per team as a table: one column per group"
run --db "$DB" $NOW metrics $PERIOD --by team
expect_rc 0
expect_out <<'OUT'
METRIC                    BOOK        East        West      pooled
from                2026-01-01  2026-01-01  2026-01-01  2026-01-01
to                  2026-12-31  2026-12-31  2026-12-31  2026-12-31
starting ARR           215,000     180,000      30,000       5,000
expansion            20,000.50   20,000.50           0           0
contraction             16,000      15,000       1,000           0
churned ARR             25,000           0      20,000       5,000
new ARR                 15,000           0       8,000       7,000
ending ARR          209,000.50  185,000.50      17,000       7,000
NRR                      90.2%      102.8%       30.0%        0.0%
GRR                      80.9%       91.7%       30.0%        0.0%
logo churn               33.3%        0.0%       50.0%      100.0%
revenue churn            11.6%        0.0%       66.7%      100.0%
cohort accounts              6           3           2           1
churned accounts             2           0           1           1
new accounts                 2           0           1           1
renewals due (ARR)     180,000     150,000      30,000           0
renewals due                 4           2           2           0
renewals won                 2           2           0           0
renewals lost                1           0           1           0
gross renewal rate       77.8%       93.3%        0.0%           -
net renewal rate         88.9%      106.7%        0.0%           -
on-time renewals         25.0%       50.0%        0.0%           -
NPS                       40.0       100.0        50.0      -100.0
NPS responses                5           2           2           1
CSAT (1-5)                3.25        4.50        3.00        1.00
CSAT 4-5                 50.0%      100.0%        0.0%        0.0%
CSAT responses               4           2           1           1
active accounts              6           3           2           1
CSMs                         2           1           1           0
accounts per CSM           2.5         3.0         2.0           -
ARR per CSM         101,000.25  185,000.50      17,000           -
CSMs outside band            2           1           1           0
premium accounts             5           3           2           0
reviews overdue              2           1           1           0
review coverage          60.0%       66.7%       50.0%           -
touchpoints                  6           4           2           0
proactive share          66.7%       75.0%       50.0%           -
OUT

case_ "the default period is the trailing twelve months ending today"
run --db "$DB" $NOW metrics --format csv
expect_rc 0
expect_out_has "2025-11-24,2026-11-23,"
run --db "$DB" --now 2026-03-31 metrics --to 2026-02-28 --format csv
expect_out_has "2025-03-01,2026-02-28,145000.00,0.00,0.00,30000.00,77000.00,192000.00,"

case_ "renewal close: an upsell writes an expansion on the due date, and the metrics move"
run --db "$DB" $NOW renewal close 4 --final 12000
expect_rc 0
expect_out <<'OUT'
renewal #4 of Foxtrot (F) closed won on 2026-11-23: final 12,000, target 10,000
ledger: expansion +2,000 on 2026-11-15 (#19), ARR 9,000 -> 11,000
next term: renewal #7 due 2027-11-15, target 12,000
OUT
# F now grows by 1,000 instead of shrinking by 1,000: E 21,000.50, C 15,000,
# NRR 196,000.50 / 215,000, GRR 175,000 / 215,000; a third renewal won
# (late): gross 150,000 and net 172,000.50 of 180,000.
run --db "$DB" $NOW metrics $PERIOD --format csv
expect_out <<'OUT'
from,to,starting_arr,expansion,contraction,churned_arr,new_arr,ending_arr,nrr,grr,logo_churn,revenue_churn,cohort_accounts,churned_accounts,new_accounts,renewals_due,renewals,renewals_won,renewals_lost,gross_renewal_rate,net_renewal_rate,on_time_renewal_rate,nps,nps_responses,csat,csat_satisfied,csat_responses,active_accounts,csms,accounts_per_csm,arr_per_csm,csms_outside_band,review_accounts,reviews_overdue,review_coverage,touchpoints,proactive_share
2026-01-01,2026-12-31,215000.00,21000.50,15000.00,25000.00,15000.00,211000.50,0.9116302325581396,0.813953488372093,0.3333333333333333,0.11627906976744186,6,2,2,180000.00,4,3,1,0.8333333333333334,0.9555583333333333,0.25,40,5,3.25,0.5,4,6,2,2.5,102000.25,2,5,2,0.6,6,0.6666666666666666
OUT

case_ "renewal close: a downsell with a reason and a date, a loss as churn"
run --db "$DB" $NOW renewal close 5 --final 9000 --reason budget
expect_rc 64
expect_err <<'ERR'
tend: renewal: --reason is for a lost or downsold renewal (final 9,000, target 8,000) (see 'tend help renewal')
ERR
run --db "$DB" $NOW renewal close 5 --final 5000 --reason budget --date 2026-11-20
expect_rc 0
expect_out <<'OUT'
renewal #5 of Echo (E) closed won on 2026-11-20: final 5,000, target 8,000, reason budget
ledger: contraction -3,000 on 2027-06-01 (#20), ARR 8,000 -> 5,000
next term: renewal #8 due 2028-06-01, target 5,000
OUT
run --db "$DB" $NOW renewal close 6 --final 0 --reason competitor
expect_rc 0
expect_out <<'OUT'
renewal #6 of Charlie (C) closed lost on 2026-11-23: final 0, target 25,000, reason competitor
ledger: churn -25,000 on 2027-02-01 (#21), ARR 25,000 -> 0
account: stage churned
OUT
run --db "$DB" $NOW export arr_event
expect_out_has "19,F,2026-11-15,expansion,2000.00,renewal with upsell"
expect_out_has "20,E,2027-06-01,contraction,-3000.00,budget"
expect_out_has "21,C,2027-02-01,churn,-25000.00,competitor"
run --db "$DB" $NOW export renewal
expect_out_has "4,F,,2026-11-15,10000.00,,12000.00,likely,won,,2026-11-23,"
expect_out_has "5,E,,2027-06-01,8000.00,,5000.00,likely,won,budget,2026-11-20,"
expect_out_has "6,C,,2027-02-01,25000.00,,0.00,lost,lost,competitor,2026-11-23,"
run --db "$DB" $NOW export audit
expect_out_has "renewal close,arr_events,21,insert"

case_ "renewal close: refusals change nothing"
run --db "$DB" $NOW renewal close 4 --final 1
expect_rc 65
expect_err <<'ERR'
tend: renewal #4 is already closed (won on 2026-11-23); nothing was changed
ERR
run --db "$DB" $NOW renewal close 99 --final 1
expect_rc 66
expect_err_has "no renewal with id 99"
run --db "$DB" $NOW renewal close 5 --final 0
expect_rc 64
expect_err_has "a lost renewal (--final 0) needs --reason CODE"
run --db "$DB" $NOW renewal close 5 --final -5
expect_rc 64
run --db "$DB" $NOW renewal close 5 --final 12,000
expect_rc 64
expect_err_has "thousands separators are not allowed"
run --db "$DB" $NOW renewal close 5 --final 1 --reason budgte
expect_rc 64
expect_err_has "did you mean 'budget'?"
run --db "$DB" $NOW renewal
expect_rc 64
run --db "$DB" $NOW renewal reopen 4
expect_rc 64
run --db "$DB" $NOW renewal close 4 5 --final 3
expect_rc 64
run --db "$DB" $NOW renewal close 4
expect_rc 64
expect_err_has "--final AMOUNT is required"
run --db "$DB" $NOW --read-only renewal close 4 --final 3
expect_rc 77
run --db "$DB" $NOW export arr_event
check "the ledger changed: $(cat "$WORK/out")" test "$(wc -l <"$WORK/out")" -eq 22

case_ "metrics: usage errors"
run --db "$DB" $NOW metrics --by colour
expect_rc 64
expect_err_has "--by: 'colour' is not allowed"
run --db "$DB" $NOW metrics --from 2026-02-01 --to 2026-01-01
expect_rc 64
expect_err_has "the period starts (--from 2026-02-01) after it ends (--to 2026-01-01)"
run --db "$DB" $NOW metrics 2026
expect_rc 64
run --db "$DB" $NOW metrics --from 2026-13-01
expect_rc 64
run --db "$WORK/none.db" $NOW metrics
expect_rc 66

case_ "metrics on an empty book: nulls, not NaN"
run --db "$WORK/empty.db" $NOW init
run --db "$WORK/empty.db" $NOW metrics --format json
expect_rc 0
expect_out <<'OUT'
[
  {"from": "2025-11-24", "to": "2026-11-23", "starting_arr_cents": 0, "expansion_cents": 0, "contraction_cents": 0, "churned_arr_cents": 0, "new_arr_cents": 0, "ending_arr_cents": 0, "nrr": null, "grr": null, "logo_churn": null, "revenue_churn": null, "cohort_accounts": 0, "churned_accounts": 0, "new_accounts": 0, "renewals_due_cents": 0, "renewals": 0, "renewals_won": 0, "renewals_lost": 0, "gross_renewal_rate": null, "net_renewal_rate": null, "on_time_renewal_rate": null, "nps": null, "nps_responses": 0, "csat": null, "csat_satisfied": null, "csat_responses": 0, "active_accounts": 0, "csms": 0, "accounts_per_csm": null, "arr_per_csm_cents": null, "csms_outside_band": 0, "review_accounts": 0, "reviews_overdue": 0, "review_coverage": null, "touchpoints": 0, "proactive_share": null}
]
OUT
run --db "$WORK/empty.db" $NOW metrics --by csm
expect_rc 0
check "NRR is not shown as -: $(cat "$WORK/out")" grep -q '^NRR  *-$' "$WORK/out"
check "accounts per CSM is not shown as -" grep -q '^accounts per CSM  *-$' "$WORK/out"

finish
