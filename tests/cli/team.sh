#!/bin/sh
# team.sh -- `tend team`, the team dashboard (issue 16): exact output on the
# small test book, and on a demo book the same numbers as `tend metrics
# --by csm` (revenue, on-time renewals, reviews), `tend health` (bands) and
# the renewals export (renewals coming up) for the same period.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "the small book: scoreboard against the targets, one row per owner, the roll-ups"
run --db "$DB" $NOW team
expect_rc 0
expect_out <<'OUT'
Team scoreboard 2025-11-24 to 2026-11-23
  ARR                    692,000.50 (from 683,000.50)
  expansion              0
  NRR                    100.0%    target 100%  met
  GRR                    100.0%    target 90%  met
  gross renewal rate     0.0%      target 90%  below
  net renewal rate       0.0%      target 100%  below
  on-time renewals       0.0%      target 70%  below
  ARR at risk            0 in 0 red accounts
  plans signed           0

CSM     TEAM  ACCTS         ARR  BAND     RED  YEL  GRN  AT RISK  R30  R60  R90  R120  ON TIME  OVERDUE  ESC  REVIEWS  TOUCH  PLANS
amara             2  680,000.50  outside    0    0    0        0    1    2    2     2  -              0    0        2  -          0
bo                1    9,000.00  outside    0    0    0        0    0    0    0     0  -              0    0        1  -          0
pooled            1    3,000.00             0    0    0        0    0    0    0     0  0%             0    0        1  -          0

Risk roll-up (open risks; renewing 2026-10-01 to 2026-12-31)
  no open risks

Stuck in a lifecycle stage
  none

Churn by reason in the period
  none
OUT

case_ "CSV and JSON end with the whole book"
run --db "$DB" $NOW team --format csv
expect_out <<'OUT'
csm,team,accounts,arr,outside_band,red,yellow,green,arr_at_risk,renewals_30d,renewals_60d,renewals_90d,renewals_120d,on_time_renewal_rate,overdue_tasks,open_escalations,reviews_overdue,median_days_since_touch,plans_signed
amara,,2,680000.50,outside,0,0,0,0.00,1,2,2,2,,0,0,2,,0
bo,,1,9000.00,outside,0,0,0,0.00,0,0,0,0,,0,0,1,,0
pooled,,1,3000.00,,0,0,0,0.00,0,0,0,0,0,0,0,1,,0
,,4,692000.50,,0,0,0,0.00,1,2,2,2,0,0,0,4,,0
OUT
run --db "$DB" $NOW team --format json
expect_rc 0
expect_out_has '"csm": "amara"'
expect_out_has '"arr_cents": 68000050'

case_ "the targets come from the configuration"
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'target_nrr: 120\ntarget_grr: 95\nstuck_land_days: 1\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" $NOW team
expect_rc 0
expect_out_has "NRR                    100.0%    target 120%  below"
expect_out_has "GRR                    100.0%    target 95%  met"
run --db "$DB" $NOW config
expect_out_has "target_nrr"
printf 'target_nrr: lots\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" $NOW team
expect_rc 0
expect_err_has "config.yaml:1:13: target_nrr must be a positive whole number"
expect_out_has "NRR                    100.0%    target 100%  met"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "mistakes"
run --db "$DB" $NOW team --from 2026-12-01 --to 2026-11-01
expect_rc 64
expect_err_has "the period starts (--from 2026-12-01) after it ends (--to 2026-11-01)"
run --db "$DB" $NOW team extra
expect_rc 64
run --db "$DB" $NOW team --section nope
expect_rc 64
expect_err_has "nope"

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
case_ "churn by reason adds up to tend metrics' churned accounts and ARR"
"$TEND" --db "$BOOK" $NOW metrics --format csv >"$WORK/book.csv"
"$TEND" --db "$BOOK" $NOW team --section churn --format csv >"$WORK/churn.csv"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ printf "%d %.2f\n", $c["churned_accounts"], $c["churned_arr"] }' "$WORK/book.csv" >"$WORK/mc"
awk -F, 'NR > 1 { n += $2; a += $3 } END { printf "%d %.2f\n", n, a }' "$WORK/churn.csv" >"$WORK/tc"
check "the demo book has churn" grep -q '^[1-9]' "$WORK/mc"
expect_same "churn vs metrics" "$WORK/mc" "$WORK/tc"

case_ "the scoreboard's NRR, GRR and renewal rates are tend metrics'"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ printf "%.1f%% %.1f%% %.1f%% %.1f%% %.1f%%\n", $c["nrr"] * 100, $c["grr"] * 100,
	  $c["gross_renewal_rate"] * 100, $c["net_renewal_rate"] * 100,
	  $c["on_time_renewal_rate"] * 100 }' "$WORK/book.csv" >"$WORK/mr"
"$TEND" --db "$BOOK" $NOW team >"$WORK/team.txt"
awk '$1 == "NRR" || $1 == "GRR" { v[$1] = $2 } $1 == "gross" { g = $4 } $1 == "net" { n = $4 }
	$1 == "on-time" { o = $3 } END { print v["NRR"], v["GRR"], g, n, o }' "$WORK/team.txt" >"$WORK/tr2"
expect_same "scoreboard vs metrics" "$WORK/mr" "$WORK/tr2"

case_ "the risk roll-up counts the accounts with open risks, by category"
"$TEND" --db "$BOOK" $NOW export risk --format csv | sed 's/"[^"]*"//g' >"$WORK/risks.csv"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["status"] == "open" || $c["status"] == "mitigating" {
		k = $c["category"] " " $c["account"]; if (!(k in seen)) { seen[k] = 1; n[$c["category"]]++ } }
	END { for (k in n) print k, n[k] }' "$WORK/risks.csv" | sort >"$WORK/rk"
"$TEND" --db "$BOOK" $NOW team --section risks --format csv |
	awk -F, 'NR > 1 { print $1, $2 }' | sort >"$WORK/trk"
check "the demo book has open risks" [ -s "$WORK/rk" ]
expect_same "risks vs export" "$WORK/rk" "$WORK/trk"

case_ "stuck accounts are those longer in their stage than it allows"
"$TEND" --db "$BOOK" $NOW export account --format csv | sed 's/"[^"]*"//g' >"$WORK/accts.csv"
awk -F, -v now="$TEND_NOW" 'function day(s) { return mktime(substr(s, 1, 4) " " substr(s, 6, 2) " " substr(s, 9, 2) " 12 0 0") }
	BEGIN { lim["land"] = 30; lim["onboard"] = 90; lim["adopt"] = 365; lim["expand"] = 365; lim["renew"] = 120 }
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	($c["stage"] in lim) && $c["stage_since"] != "" {
		d = int((day(now) - day($c["stage_since"])) / 86400 + 0.5)
		if (d > lim[$c["stage"]]) print $c["external_id"], $c["stage"], d }' "$WORK/accts.csv" |
	sort >"$WORK/st"
"$TEND" --db "$BOOK" $NOW team --section stuck --format csv |
	awk -F, 'NR > 1 { print $1, $(NF - 3), $(NF - 2) }' | sort >"$WORK/tst"
check "some accounts are stuck" [ -s "$WORK/st" ]
expect_same "stuck vs export" "$WORK/st" "$WORK/tst"

case_ "the median days since the last touch are the touchpoints' own"
"$TEND" --db "$BOOK" $NOW export touchpoint --format csv | sed 's/"[^"]*"//g' >"$WORK/tp.csv"
awk -F, 'NR == FNR { if (FNR == 1) { for (i = 1; i <= NF; i++) a[$i] = i; next }
		if ($a["stage"] != "churned") own[$a["external_id"]] = $a["owner"] == "" ? "pooled" : $a["owner"]; next }
	FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	($c["account"] in own) && $c["kind"] != "note" && $c["kind"] != "internal_review" && $c["date"] <= now {
		if ($c["date"] > last[$c["account"]]) last[$c["account"]] = $c["date"] }
	END { for (k in last) print own[k], last[k] }' now="$TEND_NOW" "$WORK/accts.csv" "$WORK/tp.csv" |
	while read -r o d; do
		echo "$o $(( ($(date -u -d "$TEND_NOW" +%s) - $(date -u -d "$d" +%s)) / 86400 ))"
	done | sort -k1,1 -k2,2n | awk '{ v[$1, ++n[$1]] = $2 }
	END { for (o in n) { k = n[o]; m = (v[o, int((k + 1) / 2)] + v[o, int((k + 2) / 2)]) / 2; printf "%s %.1f\n", o, m } }' |
	sort >"$WORK/md"
awk -F, 'NR > 1 && $1 != "" && $18 != "" { printf "%s %.1f\n", $1, $18 }' "$WORK/team.csv" | sort >"$WORK/tmd"
check "some accounts were touched" [ -s "$WORK/md" ]
expect_same "median touch vs touchpoints" "$WORK/md" "$WORK/tmd"
finish
