#!/bin/sh
# team.sh -- `tend team`, the team dashboard (issue 16): exact output on the
# small test book, and on a demo book the same numbers as `tend metrics
# --by csm` (revenue, on-time renewals, reviews), `tend health` (bands) and
# the renewals export (renewals coming up) for the same period.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "the small book: scoreboard and one row per owner"
run --db "$DB" $NOW team
expect_rc 0
expect_out <<'OUT'
Team scoreboard 2025-11-24 to 2026-11-23
  ARR                    692,000.50 (from 683,000.50)
  expansion              0
  NRR                    100.0%
  GRR                    100.0%
  gross renewal rate     0.0%
  net renewal rate       0.0%
  ARR at risk            0 in 0 red accounts

CSM     TEAM  ACCTS         ARR  BAND     RED  YEL  GRN  AT RISK  R30  R60  R90  R120  ON TIME  OVERDUE  ESC  REVIEWS
amara             2  680,000.50  outside    0    0    0        0    1    2    2     2  -              0    0        2
bo                1    9,000.00  outside    0    0    0        0    0    0    0     0  -              0    0        1
pooled            1    3,000.00             0    0    0        0    0    0    0     0  0%             0    0        1
OUT

case_ "CSV and JSON end with the whole book"
run --db "$DB" $NOW team --format csv
expect_out <<'OUT'
csm,team,accounts,arr,outside_band,red,yellow,green,arr_at_risk,renewals_30d,renewals_60d,renewals_90d,renewals_120d,on_time_renewal_rate,overdue_tasks,open_escalations,reviews_overdue
amara,,2,680000.50,outside,0,0,0,0.00,1,2,2,2,,0,0,2
bo,,1,9000.00,outside,0,0,0,0.00,0,0,0,0,,0,0,1
pooled,,1,3000.00,,0,0,0,0.00,0,0,0,0,0,0,0,1
,,4,692000.50,,0,0,0,0.00,1,2,2,2,0,0,0,4
OUT
run --db "$DB" $NOW team --format json
expect_rc 0
expect_out_has '"csm": "amara"'
expect_out_has '"arr_cents": 68000050'

case_ "mistakes"
run --db "$DB" $NOW team --from 2026-12-01 --to 2026-11-01
expect_rc 64
expect_err_has "the period starts (--from 2026-12-01) after it ends (--to 2026-11-01)"
run --db "$DB" $NOW team extra
expect_rc 64

# A demo book: the dashboard's numbers are the other commands' numbers.
BOOK="$WORK/demo.db"
"$TEND" --db "$BOOK" $NOW demo --accounts 80 --csms 3 --weeks 2 >/dev/null
"$TEND" --db "$BOOK" $NOW team --format csv >"$WORK/team.csv"
"$TEND" --db "$BOOK" $NOW metrics --by csm --format csv >"$WORK/metrics.csv"

case_ "accounts, ARR, on-time renewals and reviews are tend metrics --by csm's"
# csm,accounts,arr,on_time_renewal_rate,reviews_overdue from each, by owner.
awk -F, 'NR > 1 { print $1, $3, $4, $14, $17 }' "$WORK/team.csv" | sort >"$WORK/t"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ print $c["group"], $c["active_accounts"], $c["ending_arr"], $c["on_time_renewal_rate"],
	  $c["reviews_overdue"] }' "$WORK/metrics.csv" | sort >"$WORK/m"
check "the demo book has CSMs" [ "$(wc -l <"$WORK/t")" -ge 4 ]
expect_same "team vs metrics" "$WORK/m" "$WORK/t"

case_ "red, yellow and green are tend health's bands"
# Quoted fields (names with commas) are dropped first: no column we read is one.
"$TEND" --db "$BOOK" $NOW health --format csv | sed 's/"[^"]*"//g' >"$WORK/health.csv"
awk -F, 'NR > 1 { o = $3 == "" ? "pooled" : $3; b = $8
	if (b == "red" || b == "orange") r[o]++; else if (b == "yellow") y[o]++;
	else if (b == "green" || b == "lightgreen") g[o]++; seen[o] = 1 }
	END { for (o in seen) print o, r[o] + 0, y[o] + 0, g[o] + 0 }' "$WORK/health.csv" |
	sort >"$WORK/h"
awk -F, 'NR > 1 && $1 != "" { print $1, $6, $7, $8 }' "$WORK/team.csv" | sort >"$WORK/tb"
expect_same "team bands vs health" "$WORK/h" "$WORK/tb"

case_ "renewals in 30/60/90/120 days are the open renewals the export lists"
"$TEND" --db "$BOOK" $NOW export renewal --format csv | sed 's/"[^"]*"//g' >"$WORK/renewals.csv"
d30=$(date -u -d "$TEND_NOW +30 days" +%F) d60=$(date -u -d "$TEND_NOW +60 days" +%F)
d90=$(date -u -d "$TEND_NOW +90 days" +%F) d120=$(date -u -d "$TEND_NOW +120 days" +%F)
awk -F, -v t="$TEND_NOW" -v d30="$d30" -v d60="$d60" -v d90="$d90" -v d120="$d120" '
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ o = $c["owner"] == "" ? "pooled" : $c["owner"]; seen[o] = 1; d = $c["due_date"] }
	$c["stage"] != "won" && $c["stage"] != "lost" && d >= t {
		if (d <= d30) a[o]++
		if (d <= d60) b[o]++
		if (d <= d90) x[o]++
		if (d <= d120) y[o]++ }
	END { for (o in seen) print o, a[o] + 0, b[o] + 0, x[o] + 0, y[o] + 0 }' \
	"$WORK/renewals.csv" | sort >"$WORK/r"
awk -F, 'NR > 1 && $1 != "" { print $1, $10, $11, $12, $13 }' "$WORK/team.csv" | sort >"$WORK/tr"
check "some renewals come up" grep -q ' [1-9]' "$WORK/r"
expect_same "team renewals vs export" "$WORK/r" "$WORK/tr"
finish
