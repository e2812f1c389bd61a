#!/bin/sh
# health_current.sh -- changes take effect at once: an override and its
# clearing, and a logged touchpoint show in `tend health` and `tend health
# explain` with no recompute; undo takes them back, band and all; read-only
# and broken scorecards refuse and change nothing; a book never scored
# stays unscored.  On the hand-computed book of health.sh (tests/data/health).
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

case_ "an override shows in tend health at once"
run --db "$DB" health override yellow --band red --reason "budget frozen" --until 2026-12-31
expect_rc 0
run --db "$DB" health --band red --format csv
expect_out <<'OUT'
account_id,name,owner,segment,arr,score,percent,band,computed_band,outcomes,experience,false_positive,change_30d,date
3,Red Co,amara,smb,8000.00,1,33,red,red,1,1,false,,2026-11-23
2,Yellow Co,amara,mid_market,50000.00,2.14,71,red,yellow,2,2.333,false,,2026-11-23
OUT
expect_err </dev/null
# The stored current health (the heatmap's) and the day's snapshot follow.
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,default,3,2.14,red,yellow,2,2.333,false,2232222,"
run --db "$DB" export health_snapshot
check "the override added a snapshot instead of replacing the day's" test "$(wc -l <"$WORK/out")" -eq 5
expect_out_has ",HEA-2,2026-11-23,default,3,2.14,yellow,2,2.333,false,red,"

case_ "--clear takes the band back at once"
run --db "$DB" health override yellow --clear
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,yellow,yellow,2,"
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,default,3,2.14,yellow,yellow,2,"

case_ "undo takes an override back, and its band with it, at once"
run --db "$DB" health override yellow --band orange --reason "support backlog" --until 2026-12-31
run --db "$DB" health override yellow --clear
run --db "$DB" undo
expect_rc 0
expect_out_has "undid 'health override clear' of "
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,orange,yellow,2,"
run --db "$DB" undo
expect_rc 0
expect_out_has "undid 'health override' of "
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,2.14,71,yellow,yellow,2,"

case_ "a change on a later day scores that account that day; the note says the book is older"
run --db "$DB" --now 2026-11-25 health override red --band yellow --reason "CFO committed" --until 2026-12-31
expect_rc 0
run --db "$DB" --now 2026-11-25 health --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,yellow,red,1,"
expect_out_has ",2026-11-25"
printf "tend: scores as of 2026-11-23; run 'tend health recompute' for 2026-11-25\n" | expect_err
run --db "$DB" --now 2026-11-25 health override red --clear
expect_rc 0
run --db "$DB" --now 2026-11-25 health --format csv
expect_out_has "3,Red Co,amara,smb,8000.00,1,33,red,red,1,"

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
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,1,33,red,red,"
run --db "$DB" health explain yellow
expect_out_has "days_since_touch                 60      1"
run --db "$DB" log yellow "Renewal call with the new sponsor"
expect_rc 0
run --db "$DB" health --format csv
expect_out_has "2,Yellow Co,amara,mid_market,50000.00,3,100,green,green,"
ids=$(ids)
check "Yellow Co did not move to the greens: $ids" test "$ids" = "3 1 2 4 "
run --db "$DB" health explain yellow
expect_out_has "days_since_touch                  0      3"
expect_out_has "  overall     3.000 of 3 (100% of full score)  green"
run --db "$DB" export account_health
expect_out_has "2,HEA-2,2026-11-23,touch,3,3,green,green,"

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
