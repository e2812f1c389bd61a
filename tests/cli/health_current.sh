#!/bin/sh
# health_current.sh -- changes take effect at once: an override, its
# replacement and its clearing, a logged touchpoint, a contact who left
# and a stage change show in `tend health` (band, marker, place) and `tend
# health explain` with no recompute; one override per account, replaced
# as an update; undo takes a change back, band and all; read-only and
# broken scorecards refuse and change nothing; a book never scored stays
# unscored.  On the hand-computed book of health.sh (tests/data/health).
. "$TEST_SRCDIR/tests/cli/lib.sh"

for e in user account contact contract arr_event usage ticket survey touchpoint invoice; do
	"$TEND" --db "$DB" $NOW import "$e" "$DATA/health/${e}s.csv" >/dev/null || fail "cannot import $e"
done
"$TEND" --db "$DB" $NOW health recompute >/dev/null || fail "cannot recompute"

# ids: the account ids `tend health` lists, in its order, on one line.
ids() {
	run --db "$DB" "$@" health --format csv
	tail -n +2 "$WORK/out" | cut -d, -f1 | tr '\n' ' '
}

case_ "an override shows in tend health at once, marked, in its band's place"
run --db "$DB" health override yellow --band red --reason "budget frozen" --until 2026-12-31
expect_rc 0
printf 'band red for Yellow Co (HEA-2) from 2026-11-23 until 2026-12-31; the computed score stays visible (tend health explain)\n' |
	expect_out
run --db "$DB" health
expect_rc 0
expect_out <<'OUT'
ID  NAME       OWNER  SEGMENT         ARR  SCORE    %  BAND     COMPUTED  OUTCOMES  EXPERIENCE  FALSE+  30D  DATE
 3  Red Co     amara  smb           8,000  1.000   33  red      red          1.000       1.000  no           2026-11-23
 2  Yellow Co  amara  mid_market   50,000  2.140   71  red*     yellow       2.000       2.333  no           2026-11-23
 1  Green Co   amara  enterprise  120,000  3.000  100  green    green        3.000       3.000  no           2026-11-23
 4  Blind Co          smb           5,000  2.000   66  unknown  unknown      2.000       2.000  no           2026-11-23
* a CSM's override; tend health explain ACCOUNT shows the computed band and why
OUT
expect_err </dev/null
run --db "$DB" health --band red --format csv
expect_out <<'OUT'
account_id,name,owner,segment,arr,score,percent,band,computed_band,overridden,outcomes,experience,false_positive,change_30d,date
3,Red Co,amara,smb,8000.00,1,33,red,red,false,1,1,false,,2026-11-23
2,Yellow Co,amara,mid_market,50000.00,2.14,71,red,yellow,true,2,2.333,false,,2026-11-23
OUT
run --db "$DB" health --band red --format json
expect_out_has '"band": "red", "computed_band": "yellow", "overridden": true,'
# The stored current health (the heatmap's) and the day's snapshot follow.
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,default,3,2.14,red,yellow,true,2,2.333,false,2232222,"
run --db "$DB" export health_snapshot
check "the override added a snapshot instead of replacing the day's" test "$(wc -l <"$WORK/out")" -eq 5
expect_out_has ",HEA-2,2026-11-23,default,3,2.14,yellow,2,2.333,false,red,"
run --db "$DB" health explain yellow
expect_out_has "  override    red until 2026-12-31 by tester: budget frozen (computed: yellow)"

case_ "overriding again replaces it: one row, audited as an update"
run --db "$DB" health override yellow --band green --reason "new sponsor signed" --until 2026-12-15
expect_rc 0
printf 'band green for Yellow Co (HEA-2) from 2026-11-23 until 2026-12-15, replacing the override in force; the computed score stays visible (tend health explain)\n' |
	expect_out
run --db "$DB" export health_override
expect_out <<'OUT'
id,account,band,reason,starts_on,until,author
1,HEA-2,green,new sponsor signed,2026-11-23,2026-12-15,tester
OUT
run --db "$DB" export audit
n=$(grep -c ',health override,health_overrides,1,insert,' "$WORK/out")
check "the first override is not one insert ($n)" test "$n" -eq 1
n=$(grep ',health override,health_overrides,1,update,' "$WORK/out" | grep -c 'budget frozen.*new sponsor signed')
check "the second is not an update from the first ($n)" test "$n" -eq 1
# Green, with its computed 2.14: before Green Co's 3.00, after every red.
ids=$(ids)
check "tend health does not list 3 2 1 4 (an override sorts by its band): $ids" test "$ids" = "3 2 1 4 "
run --db "$DB" health --band green --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,green,yellow,true,"

case_ "--clear takes the band back at once"
run --db "$DB" health override yellow --clear
expect_rc 0
printf 'override cleared for Yellow Co (HEA-2); the computed band applies again\n' | expect_out
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,yellow,yellow,false,"
run --db "$DB" health
expect_out_lacks "*"
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,default,3,2.14,yellow,yellow,false,"
run --db "$DB" health override yellow --clear
printf 'no override in force for Yellow Co (HEA-2)\n' | expect_out

case_ "undo takes an override back, and its band with it, at once"
run --db "$DB" health override yellow --band red --reason "budget frozen" --until 2026-12-31
run --db "$DB" undo
expect_rc 0
expect_out_has "undid 'health override' of "
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,yellow,yellow,false,"
run --db "$DB" health override yellow --band orange --reason "support backlog" --until 2026-12-31
run --db "$DB" health override yellow --clear
run --db "$DB" undo
expect_rc 0
expect_out_has "undid 'health override clear' of "
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,orange,yellow,true,"
run --db "$DB" health override yellow --clear
expect_rc 0

case_ "a change on a later day scores that account that day; the note says the book is older"
run --db "$DB" --now 2026-11-25 health override red --band yellow --reason "CFO committed" --until 2026-12-31
expect_rc 0
run --db "$DB" --now 2026-11-25 health --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,yellow,red,true,1,"
expect_out_has ",2026-11-25"
printf "tend: scores as of 2026-11-23; run 'tend health recompute' for 2026-11-25\n" | expect_err
run --db "$DB" --now 2026-11-25 health override red --clear
expect_rc 0
run --db "$DB" --now 2026-11-25 health --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,red,red,false,1,"

case_ "read-only refuses an override and its clearing, and changes nothing"
"$TEND" --db "$DB" health override green --band red --reason x --until 2026-12-31 >/dev/null ||
	fail "cannot override"
"$TEND" --db "$DB" export health_override >"$WORK/ov.before"
"$TEND" --db "$DB" export account_health >"$WORK/ah.before"
run --db "$DB" --read-only health override green --band yellow --reason y --until 2026-12-31
expect_rc 77
run --db "$DB" --read-only health override green --clear
expect_rc 77
"$TEND" --db "$DB" export health_override >"$WORK/ov.after"
"$TEND" --db "$DB" export account_health >"$WORK/ah.after"
expect_same "a refused override changed the overrides" "$WORK/ov.before" "$WORK/ov.after"
expect_same "a refused override changed the current health" "$WORK/ah.before" "$WORK/ah.after"
"$TEND" --db "$DB" health override green --clear >/dev/null || fail "cannot clear"

case_ "a logged touchpoint changes a days_since_touch rating in tend health and explain, no recompute"
mkdir -p "$XDG_CONFIG_HOME/tend/scorecards"
cat >"$XDG_CONFIG_HOME/tend/scorecards/touch.yaml" <<'YAML'
scorecard: touch
measures:
  - { id: touch, group: experience, weight: 100, fact: days_since_touch, lower_is_better: true, thresholds: [14, 45] }
YAML
run --db "$DB" health recompute
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,1,33,red,red,false,"
run --db "$DB" health explain yellow
expect_out_has "days_since_touch                 60      1"
run --db "$DB" log yellow "Renewal call with the new sponsor"
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,3,100,green,green,false,"
ids=$(ids)
check "Yellow Co did not move to the greens: $ids" test "$ids" = "3 1 2 4 "
run --db "$DB" health explain yellow
expect_out_has "days_since_touch                  0      3"
expect_out_has "  overall     3.000 of 3 (100% of full score)  green"
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,touch,3,3,green,green,false,"

case_ "a broken scorecard refuses a change it would rescore, and nothing is written"
printf 'scorecard: broken\nmeasures:\n  - { id: a, group: outcomes, weight: 50, fact: licence_utilization, thresholds: [0.8, 0.5] }\n' \
	>"$XDG_CONFIG_HOME/tend/scorecards/zz-broken.yaml"
"$TEND" --db "$DB" export touchpoint >"$WORK/tp.before"
run --db "$DB" log green "Never written"
expect_rc 65
expect_err_has "cannot keep the health scores current"
"$TEND" --db "$DB" export touchpoint >"$WORK/tp.after"
expect_same "a refused log wrote a touchpoint" "$WORK/tp.before" "$WORK/tp.after"
# A change no score reads needs no scorecard.
run --db "$DB" task add green "Send the deck"
expect_rc 0
rm -r "$XDG_CONFIG_HOME/tend/scorecards"

case_ "a contact who leaves and a stage change show at once, through the commands' own writes"
"$TEND" --db "$DB" health recompute >/dev/null || fail "cannot recompute"
run --db "$DB" health --format csv
expect_out_has "1,Green Co,amara,enterprise,120000.00,3,100,green,green,false,"
# The champion leaves: sponsor coverage is no longer rated 3.
run --db "$DB" contact left cham@green.test
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "1,Green Co,amara,enterprise,120000.00,2.86,95,green,green,false,"
mkdir -p "$XDG_CONFIG_HOME/tend/scorecards"
cat >"$XDG_CONFIG_HOME/tend/scorecards/stage.yaml" <<'YAML'
scorecard: stage
measures:
  - { id: stage, group: outcomes, weight: 100, fact: days_in_stage, lower_is_better: true, thresholds: [30, 90] }
YAML
"$TEND" --db "$DB" health recompute >/dev/null || fail "cannot recompute"
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,,,unknown,unknown,false,"
run --db "$DB" account set yellow --stage renew
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,3,100,green,green,false,"
run --db "$DB" health explain yellow
expect_out_has "days_in_stage                     0      3"
run --db "$DB" undo
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,,,unknown,unknown,false,"
rm -r "$XDG_CONFIG_HOME/tend/scorecards"

case_ "a book never scored stays unscored: a change scores nothing"
DB="$WORK/fresh.db"
for e in user account; do
	"$TEND" --db "$DB" import "$e" "$DATA/health/${e}s.csv" >/dev/null || fail "cannot import $e"
done
run --db "$DB" log green "First call"
expect_rc 0
run --db "$DB" health override green --band yellow --reason x --until 2026-12-31
expect_rc 0
run --db "$DB" export account_health
check "a change scored an account of a book never scored" test "$(wc -l <"$WORK/out")" -eq 1
run --db "$DB" health
printf "tend: no health scores yet; run 'tend health recompute'\n" | expect_err

finish
