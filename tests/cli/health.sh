#!/bin/sh
# health.sh -- `tend health` and `tend facts` on a hand-computed book
# (tests/data/health): scores, explain, overrides and their expiry,
# same-day re-runs, manual ratings going stale, calibration, checking files.
. "$TEST_SRCDIR/tests/cli/lib.sh"

for e in user account contact contract arr_event usage ticket survey touchpoint invoice; do
	"$TEND" --db "$DB" $NOW import "$e" "$DATA/health/${e}s.csv" >/dev/null || fail "cannot import $e"
done

case_ "recompute scores every account as computed by hand"
run --db "$DB" $NOW health recompute
expect_rc 0
printf 'scored 4 accounts on 2026-11-23 with default: 1 green, 1 yellow, 1 red, 1 unknown; 0 false-positive healthy; 0 overrides in force; 0 churned not scored\n' | expect_out
run --db "$DB" $NOW health
expect_rc 0
expect_out <<'OUT'
ID  NAME       OWNER  SEGMENT         ARR  SCORE    %  BAND     COMPUTED  OUTCOMES  EXPERIENCE  FALSE+  30D  DATE
 3  Red Co     amara  smb           8,000  1.000   33  red      red          1.000       1.000  no           2026-11-23
 2  Yellow Co  amara  mid_market   50,000  2.140   71  yellow   yellow       2.000       2.333  no           2026-11-23
 1  Green Co   amara  enterprise  120,000  3.000  100  green    green        3.000       3.000  no           2026-11-23
 4  Blind Co          smb           5,000  2.000   66  unknown  unknown      2.000       2.000  no           2026-11-23
OUT
run --db "$DB" $NOW health --band red --format csv
expect_out <<'OUT'
account_id,name,owner,segment,arr,score,percent,band,computed_band,overridden,outcomes,experience,false_positive,change_30d,date
3,Red Co,amara,smb,8000.00,1,33,red,red,false,1,1,false,,2026-11-23
OUT
run --db "$DB" $NOW health --owner pooled --format json
expect_out_has '"name": "Blind Co"'
expect_out_has '"arr_cents": 500000'

case_ "explain shows every measure, its value, rule, rating and points"
run --db "$DB" $NOW health explain yellow
expect_rc 0
expect_out <<'OUT'
Yellow Co (#2, amara) -- scorecard default, 3 bands, as of 2026-11-23
  overall     2.140 of 3 (71% of full score)  yellow
  outcomes    2.000 yellow
  experience  2.333 yellow

  MEASURE                    GROUP      WEIGHT  FACT                          VALUE RATING POINTS  RATED BY
  License utilization        outcomes       15  license_utilization             60%      2  0.300  >= 0.5
  Feature utilization        outcomes       15  feature_utilization             40%      2  0.300  >= 0.3
  Support                    experience     14  open_tickets_vs_avg              0%      3  0.420  <= 1
  Sentiment                  experience     14  nps_12m                       33.33      2  0.280  nps_12m >= 30
  Sponsor coverage           experience     14  days_since_exec_touch            60      2  0.280  days_since_exec_touch <= 90
  Financial health           outcomes       14  invoice_days_late                30      2  0.280  <= 60
  Growth                     outcomes       14  arr_growth                     100%      2  0.280  >= 1
OUT
run --db "$DB" $NOW health explain HEA-3
# One P1 open 14 of the last 30 days: 1 / (14/30) = 214%; the P1 rule rates it red.
expect_out_has "  Support                    experience     14  open_tickets_vs_avg            214%      1  0.140  open_p1 > 0"
expect_out_has "  Sponsor coverage           experience     14  days_since_exec_touch           n/a      1  0.140  otherwise"
run --db "$DB" $NOW health explain blind
expect_out_has "  overall     2.000 of 3 (66% of full score)  unknown (more than the allowed share of the weight has no data)"
expect_out_has "  License utilization        outcomes       15  license_utilization             n/a    n/a      -  no data: license_utilization unknown"
expect_out_has "  58% of the weight has no data; the rest is renormalised (band unknown above 50%)"
run --db "$DB" $NOW health explain green --format json
expect_out_has '"score": 3,'
expect_out_has '"rated_by": "days_since_exec_touch <= 30, champion_present = 1",'

case_ "facts of an account"
run --db "$DB" $NOW facts HEA-2 --format csv
expect_out_has "license_utilization,60%,ratio"
expect_out_has "nps_12m,33.33,-100..100"
expect_out_has "nps_category,passive,promoter|passive|detractor"
expect_out_has "days_since_exec_touch,60,days"
expect_out_has "invoice_days_late,30,days"
run --db "$DB" $NOW facts --all
check "facts --all should give a header and 4 rows" test "$(wc -l <"$WORK/out")" -eq 5
expect_out_has "3,Red Co,0.2,0.1,0.5,100,,,1,1,"
run facts
expect_out_has "license_utilization       ratio   ratio"

case_ "a same-day re-run replaces the day's snapshots"
run --db "$DB" $NOW health recompute
run --db "$DB" export health_snapshot
check "a re-run added snapshots" test "$(wc -l <"$WORK/out")" -eq 5

case_ "current health: the ratings of each measure and the trend of the last scores"
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,default,3,2.14,yellow,yellow,false,2,2.333,false,2232222,60%|40%|0%|33.3|60d|30d|100%,2.140"
expect_out_has "3,HEA-3,2026-11-23,default,3,1,red,red,false,1,1,false,1111111,20%|10%|214%|-100|-|90d|80%,1.000"
run --db "$DB" --now 2026-11-30 health recompute
run --db "$DB" export account_health
expect_out_has ',false,2232222,60%|40%|0%|33.3|67d|30d|100%,"2.140,2.140"'
expect_out_has '4,HEA-4,2026-11-30,default,3,2,unknown,unknown,false,2,2,false,--3-1-2,-|-|0%|-|-|-|100%,"2.000,2.000"'
# A same-day re-run replaces the day's point instead of adding one.
run --db "$DB" --now 2026-11-30 health recompute
run --db "$DB" export account_health
expect_out_has ',false,2232222,60%|40%|0%|33.3|67d|30d|100%,"2.140,2.140"'
expect_out_lacks "2.140,2.140,2.140"
# A run for an earlier day adds history; the current health stays the newest.
run --db "$DB" --now 2026-11-26 health recompute
expect_rc 0
run --db "$DB" export account_health
expect_out_has ',false,2232222,60%|40%|0%|33.3|67d|30d|100%,"2.140,2.140"'
expect_out_lacks "2026-11-26"
run --db "$DB" export health_snapshot
expect_out_has ",2026-11-26,"

case_ "a same-day re-run replaces the whole day: accounts no longer scored lose that day's snapshot"
printf 'scorecard: smb-only\nsegments: [smb]\nmeasures:\n  - { id: support, group: experience, weight: 100, fact: open_tickets_vs_avg, lower_is_better: true, thresholds: [1.0, 1.5] }\n' >"$WORK/smb.yaml"
run --db "$DB" $NOW health recompute --scorecard "$WORK/smb.yaml"
expect_rc 0
run --db "$DB" export health_snapshot
check "enterprise and mid-market snapshots of the day were kept" test "$(grep -c ',2026-11-23,' "$WORK/out")" -eq 2
run --db "$DB" $NOW health recompute
run --db "$DB" export health_snapshot
check "the default scorecard did not score the day again" test "$(grep -c ',2026-11-23,' "$WORK/out")" -eq 4

case_ "an override shows next to the computed band, and expires"
run --db "$DB" $NOW health override red --band yellow --reason "CFO committed to the renewal" --until 2026-12-01
expect_rc 0
printf 'band yellow for Red Co (HEA-3) from 2026-11-23 until 2026-12-01; the computed score stays visible (tend health explain)\n' | expect_out
run --db "$DB" $NOW health recompute
expect_out_has "1 green, 2 yellow, 0 red, 1 unknown; 0 false-positive healthy; 1 override in force"
run --db "$DB" $NOW health --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,yellow,red,true,"
run --db "$DB" $NOW health explain red
expect_out_has "  override    yellow until 2026-12-01 by tester: CFO committed to the renewal (computed: red)"
run --db "$DB" --now 2026-12-05 health recompute
expect_out_has "0 overrides in force"
run --db "$DB" --now 2026-12-05 health --band red --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,red,red,false,"
run --db "$DB" $NOW health override red --band yellow --until 2026-12-01
expect_rc 64
run --db "$DB" $NOW health override red --band unknown --reason x --until 2026-12-01
expect_rc 64
run --db "$DB" $NOW health override red --band yellow --reason x --until 2026-11-01
expect_rc 64
run --db "$DB" $NOW health override red --clear
printf 'override cleared for Red Co (HEA-3); the computed band applies again\n' | expect_out

case_ "the trend compares with 30 days earlier"
run --db "$DB" --now 2026-12-23 health recompute
run --db "$DB" --now 2026-12-23 health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,"
expect_out_has ",2026-12-23"

case_ "a manual financial rating counts while fresh, then goes stale"
run --db "$DB" $NOW health rate red financial_rating 3 --note "Paid up after the audit"
expect_rc 0
run --db "$DB" $NOW health explain red
expect_out_has "  Financial health           outcomes       14  invoice_days_late                90      3  0.420  financial_rating = 3"
run --db "$DB" --now 2026-12-23 health explain red
expect_out_has "  stale: the financial_rating given 30 days ago has expired; refresh it with tend health rate"
run --db "$DB" $NOW health rate red financial_rating 4
expect_rc 64
run --db "$DB" $NOW health rate red mood 3
expect_rc 64

case_ "calibrate computes quantile cut points from the book"
run --db "$DB" $NOW health recompute --scorecard handbook
expect_err_has "measure deployment has quantile thresholds but no calibration"
run --db "$DB" $NOW health calibrate --scorecard handbook
expect_rc 0
printf 'handbook: deployment cut points [0.6, 0.9] from 3 accounts\n' | expect_out
run --db "$DB" $NOW health explain green --scorecard handbook
expect_out_has "  Deployment                 outcomes     12.5  license_utilization             90%      3  0.688  >= 0.9 (quantile)"
run --db "$DB" --now 2027-07-01 health explain green --scorecard handbook
expect_err_has "was calibrated on 2026-11-23, more than 6 months ago"

case_ "scorecard files are checked with positions, and bad ones are not used"
printf 'scorecard: mine\nmeasures:\n  - { id: a, group: outcomes, weight: 50, fact: licence_utilization, thresholds: [0.8, 0.5] }\n' >"$WORK/bad.yaml"
run health check "$WORK/bad.yaml"
expect_rc 65
cat <<ERR | expect_err
$WORK/bad.yaml:3:49: unknown fact 'licence_utilization'; did you mean 'license_utilization'? (see 'tend facts')
$WORK/bad.yaml:3:3: the weights add up to 50, not 100
tend: 1 of 1 scorecard did not validate
ERR
run --db "$DB" $NOW health recompute --scorecard "$WORK/bad.yaml"
expect_rc 65
run health check
expect_rc 0
printf 'playbooks/scorecard.yaml: ok (default, 7 measures, 3 bands)\n' | expect_out
run health check handbook practical
expect_rc 0

case_ "scorecards in the config directory, per segment"
mkdir -p "$XDG_CONFIG_HOME/tend/scorecards"
cat >"$XDG_CONFIG_HOME/tend/scorecards/10-smb.yaml" <<'YAML'
scorecard: smb-light
segments: [smb]
measures:
  - { id: support, group: experience, weight: 100, fact: open_tickets_vs_avg, lower_is_better: true, thresholds: [1.0, 1.5] }
YAML
run --db "$DB" $NOW health recompute
expect_rc 0
expect_err_has "2 accounts in segments no scorecard covers were not scored"
run --db "$DB" $NOW health --segment smb --format csv
expect_out_has "4,Blind Co,,smb,5000.00,3,100,green,green,false,,3,false,"
rm -r "$XDG_CONFIG_HOME/tend/scorecards"

case_ "usage errors"
run --db "$DB" health frobnicate
expect_rc 64
run --db "$DB" health explain
expect_rc 64
run --db "$DB" health --sort colour
expect_rc 64
run --db "$DB" facts one two
expect_rc 64

finish
