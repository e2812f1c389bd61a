#!/bin/sh
# playbook_facts.sh -- playbook runs on the facts `tend health recompute`
# stores (store/account_facts.h): a run on them reports exactly what a run
# computing every fact from the book reports (--live-facts), before and
# after a real run; a write facts are computed from makes a run compute
# them until the next recompute, a playbook run's own writes do not; `sql`
# shows which statement a run would use; a big book with stale facts gets
# a note saying how to make the run fast.
. "$TEST_SRCDIR/tests/cli/lib.sh"

# flat: stdout as one line without blanks, for matching keys and values.
flat() {
	tr -d ' \n' <"$WORK/out" >"$WORK/flat"
}

has() {
	check "the report lacks $1" grep -qF -- "$1" "$WORK/flat"
}

# report: the flattened JSON report without its timings and facts source,
# one value per line, to compare two runs.
report() {
	sed 's/"eval_ms":[0-9.e+-]*,//; s/"ms":[0-9.e+-]*//g;
		s/"facts":"[a-z]*","facts_as_of":[^,]*,//' "$WORK/flat" | tr ',' '\n'
}

# same_as_live ARGS...: the dry run on whatever facts are in force and the
# one computing them report the same, and the first used $FACTS.
same_as_live() {
	run --db "$DB" $NOW playbook run --dry-run --format json --live-facts "$@"
	expect_rc 0
	flat
	has '"facts":"live"'
	report >"$WORK/b"
	run --db "$DB" $NOW playbook run --dry-run --format json "$@"
	expect_rc 0
	flat
	has "\"facts\":\"$FACTS\""
	report >"$WORK/a"
	expect_same "stored and computed facts differ" "$WORK/b" "$WORK/a"
	# What was compared: rules matching accounts (and firings, on a first run).
	check "few rules matched: nothing was compared" test "$(grep -c '"matched":[1-9]' "$WORK/a")" -gt 20
	check "only $(grep -c '"account":' "$WORK/a") firings" test "$(grep -c '"account":' "$WORK/a")" -ge "${MIN_FIRINGS:-0}"
}

case_ "a demo book's last scoring stores its facts"
run --db "$DB" $NOW demo --accounts 400
expect_rc 0
FACTS=stored MIN_FIRINGS=300 same_as_live
has '"facts_as_of":"2026-11-23"'

case_ "playbook sql shows the statement a run would use"
run --db "$DB" $NOW playbook sql health-red
expect_rc 0
expect_out_has "-- health-red: reads the facts stored by 'tend health recompute'"
expect_out_has "FROM account_facts af"
run --db "$DB" $NOW playbook sql health-red --live-facts
expect_rc 0
expect_out_has "-- health-red: computes its facts from the book"
expect_out_lacks "account_facts"
run --db "$DB" --now 2026-11-24 playbook sql health-red
expect_out_has "computes its facts from the book"
run --db "$WORK/none.db" $NOW playbook sql health-red
expect_rc 0
expect_out_has "computes its facts from the book"
check_not "playbook sql created a book" test -e "$WORK/none.db"

case_ "another day computes its facts"
run --db "$DB" --now 2026-11-30 playbook run --dry-run --format json
expect_rc 0
flat
has '"facts":"live","facts_as_of":"2026-11-23"'

case_ "a real run keeps them; the next run still agrees"
run --db "$DB" $NOW playbook run --summary
expect_rc 0
expect_out_lacks "facts computed from the book"
FACTS=stored same_as_live
check_not "a second run the same day fires again" grep -q '"fired":[1-9]' "$WORK/a"
ext=$("$TEND" --db "$DB" $NOW accounts --format csv | sed -n 2p | cut -d, -f1)

case_ "edits no fact reads keep them"
run --db "$DB" $NOW task add "$ext" "Call them back" --due 2026-11-30
expect_rc 0
FACTS=stored same_as_live

case_ "a touchpoint makes runs compute facts until the next recompute"
run --db "$DB" $NOW log "$ext" "Weekly call" --sentiment 2
expect_rc 0
FACTS=live same_as_live
has '"facts_as_of":null'
run --db "$DB" $NOW health recompute
expect_rc 0
FACTS=stored same_as_live

case_ "a big book with stale facts gets a note; a recompute silences it"
BIG="$WORK/big.db"
awk 'BEGIN { print "external_id,name,segment,stage"
	for (i = 1; i <= 20000; i++) printf "B%05d,Big %d,smb,adopt\n", i, i }' >"$WORK/big.csv"
run --db "$BIG" $NOW import account "$WORK/big.csv"
expect_rc 0
mkdir -p "$WORK/pb"
cat >"$WORK/pb/one.yaml" <<'EOF'
rules:
  - id: quiet
    description: "A rule that never fires"
    when: { days_since_touch: { gt: 100000 } }
    actions:
      - tag: never
EOF
run --db "$BIG" $NOW playbook run --dry-run --playbooks "$WORK/pb"
expect_rc 0
expect_out_has "facts computed from the book: those stored are out of date; 'tend health recompute' first stores them for a faster run"
run --db "$BIG" $NOW playbook run --dry-run --playbooks "$WORK/pb" --live-facts
expect_out_lacks "facts computed"
run --db "$BIG" $NOW health recompute
expect_rc 0
run --db "$BIG" --now 2026-11-24 playbook run --dry-run --playbooks "$WORK/pb"
expect_out_has "facts computed from the book: those stored are as of 2026-11-23;"
run --db "$BIG" $NOW playbook run --dry-run --playbooks "$WORK/pb"
expect_rc 0
expect_out_lacks "facts computed"

finish
