#!/bin/sh
# playbook.sh -- tend playbook: every operator on a known book, idempotent
# runs, escalation timing with --now stepping through days, dry runs that
# write nothing, refusing broken files, the inbox, list and sql.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
PB="$DATA/playbooks/cli"
OPS="--playbooks $WORK/ops"
LADDER="--playbooks $WORK/ladder"
mkdir -p "$WORK/ops" "$WORK/ladder"
cp "$PB/ops.yaml" "$WORK/ops/"
cp "$PB/ladder.yaml" "$WORK/ladder/"

# matched RULE: the accounts a dry run of RULE fires for, space-separated.
matched() {
	"$TEND" --db "$DB" $NOW playbook run --dry-run $OPS --rule "$1" </dev/null |
		sed -n 's/^  \(CRM-[0-9]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//'
}

# is RULE EXPECTED: the rule matches exactly these accounts.
is() {
	got=$(matched "$1")
	check "$1 matched '$got', expected '$2'" test "$got" = "$2"
}

dump() { sqlite3 "$DB" .dump | sha256sum; }

case_ "every operator and condition form"
is op-eq "CRM-001 CRM-002"
is op-ne "CRM-003 CRM-004 CRM-005"
is op-in "CRM-002 CRM-003"
is op-lt "CRM-005"
is op-lte "CRM-002 CRM-005"
is op-gt "CRM-003"
is op-gte "CRM-001 CRM-003"
is op-between "CRM-001 CRM-002"
is op-known-false "CRM-004"
is op-times "CRM-001 CRM-002 CRM-005"
is op-owner "CRM-005"
is op-owner-in "CRM-001 CRM-002 CRM-003 CRM-004"
is op-tag "CRM-001 CRM-002"
is op-tag-ne "CRM-003 CRM-004 CRM-005"
is op-not "CRM-001 CRM-002"
is op-any "CRM-004 CRM-005"
is op-all "CRM-003 CRM-005"
is op-unknown-not "CRM-005"

case_ "rules evaluated on several threads give the same report"
run --db "$DB" $NOW playbook run --dry-run $OPS --format json
sed 's/"e*v*a*l*_*ms": [0-9.]*/"ms": 0/' "$WORK/out" >"$WORK/one"
TEND_PLAYBOOK_THREADS=3 "$TEND" --db "$DB" $NOW playbook run --dry-run $OPS --format json </dev/null >"$WORK/out"
sed 's/"e*v*a*l*_*ms": [0-9.]*/"ms": 0/' "$WORK/out" >"$WORK/three"
expect_same "threads changed the report" "$WORK/one" "$WORK/three"
check "the threaded report lacks rules" grep -q '"rule": "op-unknown-not"' "$WORK/three"

case_ "a dry run writes nothing and reports what a run does"
before=$(dump)
run --db "$DB" $NOW playbook run --dry-run $LADDER
expect_rc 0
check "a dry run changed the book" test "$(dump)" = "$before"
sed 's/ (dry run: nothing written)//; s/would fire/fired/; s/ (dry run)$//' "$WORK/out" >"$WORK/dry"
expect_out <<'OUT'
playbook run as of 2026-11-23 (dry run: nothing written)
soon: 2 matched, 2 would fire, 0 already fired
  CRM-001 Acme Corporation [renewal:1]
    task        "Renew Acme Corporation by 2027-01-15"  renewal, high  -> amara  due 2026-11-30
    checklist   "Renewal checklist for Acme Corporation"  lifecycle, medium, 2 items  -> amara  due 2026-12-07
    notify      tester: "Acme Corporation renews on 2027-01-15 (300,000.50)"
  CRM-002 Société Générale des Eaux [renewal:2]
    task        "Renew Société Générale des Eaux by 2026-12-10"  renewal, high  -> amara  due 2026-11-30
    checklist   "Renewal checklist for Société Générale des Eaux"  lifecycle, medium, 2 items  -> amara  due 2026-12-07
    notify      tester: "Société Générale des Eaux renews on 2026-12-10 (380,000)"
weekly: 2 matched, 2 would fire, 0 already fired
  CRM-003 山田製作所株式会社 [2026-11-23]
    risk        "engagement"  low  -> bo
  CRM-005 Tiny Pooled Co [2026-11-23]
    risk        "engagement"  low  -> csm
2 rules, 4 firings, 0 escalation changes (dry run)
OUT

case_ "a run does what the dry run said, once"
run --db "$DB" $NOW playbook run $LADDER
expect_rc 0
expect_same "the run's report differs from the dry run's" "$WORK/dry" "$WORK/out"
run --db "$DB" $NOW playbook run $LADDER --summary
expect_rc 0
expect_out <<'OUT'
playbook run as of 2026-11-23
soon: 2 matched, 0 fired, 2 already fired
weekly: 2 matched, 0 fired, 2 already fired
2 rules, 0 firings, 0 escalation changes
OUT
run --db "$DB" export task --format csv
expect_out_has "1,CRM-001,Renew Acme Corporation by 2027-01-15,renewal,high,amara,2026-11-30,open,,playbook:soon,0,2026-11-23,,"
run --db "$DB" export task_item --format csv
expect_out_has "1,2,1,Confirm the date 2027-01-15,false"
run --db "$DB" export audit --format csv
expect_out_has ",playbook:soon,tasks,1,insert,"
expect_out_has ",playbook:soon,playbook_firings,"

case_ "per-period scope: again only after the period"
run --db "$DB" --now 2026-11-29 playbook run $LADDER --summary
expect_out_has "weekly: 2 matched, 0 fired, 2 already fired"
run --db "$DB" --now 2026-11-30 playbook run $LADDER --summary
expect_out_has "weekly: 2 matched, 2 fired, 0 already fired"

case_ "escalation: nothing before the window, then L1, stopped by the task"
run --db "$DB" --now 2026-12-06 playbook run $LADDER --rule soon
expect_out_lacks "escalations:"
run --db "$DB" --now 2026-12-07 task done 1
expect_rc 0
run --db "$DB" --now 2026-12-07 playbook run $LADDER --rule soon
expect_out_has "  soon CRM-001 Acme Corporation: stopped (task_done)"
expect_out_has "  soon CRM-002 Société Générale des Eaux: L1 -> tester \"Help with the renewal of Société Générale des Eaux\" (act by 2026-12-21)"
run --db "$DB" --now 2026-12-07 playbook run $LADDER --rule soon
expect_out_lacks "escalations:"
run --db "$DB" export task --format csv
check "the task's escalation level was not raised" grep -q '^3,CRM-002,.*,playbook:soon,1,' "$WORK/out"

case_ "the inbox: notifications and requests, acknowledged"
run --db "$DB" --now 2026-12-07 inbox --format csv
expect_rc 0
expect_out_has ",escalation,1,Société Générale des Eaux,tester,,2026-12-21,unread,Help with the renewal of Société Générale des Eaux,playbook:soon"
expect_out_has ",notification,0,Acme Corporation,tester,,,unread,\"Acme Corporation renews on 2027-01-15 (300,000.50)\",playbook:soon"
id=$(sed -n 's/^\([0-9]*\),.*,escalation,1,.*/\1/p' "$WORK/out")
run --db "$DB" --now 2026-12-20 playbook run $LADDER --rule soon --dry-run
expect_out_lacks "escalations:"
run --db "$DB" --now 2026-12-21 playbook run $LADDER --rule soon --dry-run
# No admin: the executive request climbs to the lead instead, marked.
expect_out_has "L2 -> tester (redirected from executive) \"Executive help: Société Générale des Eaux\""
run --db "$DB" --now 2026-12-21 inbox done "$id"
expect_out <<'OUT'
1 item marked done
OUT
run --db "$DB" --now 2026-12-21 playbook run $LADDER --rule soon
expect_out_has "  soon CRM-002 Société Générale des Eaux: stopped (acknowledged)"
run --db "$DB" --now 2026-12-22 inbox done "$id"
expect_out <<'OUT'
0 items marked done (others were done already)
OUT
run --db "$DB" --now 2026-12-22 inbox --done --format csv
expect_out_has "$id,2026-12-07,escalation,1,"
expect_out_has ",done,Help with the renewal"
run --db "$DB" export inbox --format csv
check "marking done again changed the day it was done" grep -q "^$id,.*,done,2026-12-21," "$WORK/out"
run --db "$DB" $NOW inbox done 999
expect_rc 66

case_ "list shows history; sql shows the compiled statement"
run --db "$DB" --now 2026-12-21 playbook list $LADDER --format csv
sed -i "s|$WORK/||" "$WORK/out"
expect_out <<'OUT'
rule,enabled,once,last_run,matched,fired,firings,open_escalations,file,description
soon,true,renewal,2026-12-21,1,0,2,0,ladder/ladder.yaml,renewal within 60 days
weekly,true,7d,2026-11-30,2,2,4,0,ladder/ladder.yaml,at most once a week per account
OUT
run --db "$DB" $NOW playbook sql op-times $OPS
expect_rc 0
expect_out_has "* 10"

case_ "broken files: exit 65, every problem, nothing run"
mkdir -p "$WORK/broken"
cp "$PB/ladder.yaml" "$WORK/broken/"
printf 'rules:\n  - id: bad\n    when: { segmnt: smb }\n    actions: [ { tag: x } ]\n' >"$WORK/broken/z.yaml"
before=$(dump)
run --db "$DB" $NOW playbook run --playbooks "$WORK/broken"
expect_rc 65
expect_err_has "z.yaml:3:13: unknown fact 'segmnt'; did you mean 'segment'?"
check "a refused run changed the book" test "$(dump)" = "$before"
run playbook check "$WORK/broken/z.yaml"
expect_rc 65

case_ "a read-only book: the run is refused and nothing changes"
before=$(dump)
run --db "$DB" --now 2027-01-10 --read-only playbook run $LADDER
expect_rc 77
expect_err_has "read-only"
check "a refused run changed the book" test "$(dump)" = "$before"

case_ "json report"
run --db "$DB" --now 2026-12-28 playbook run $LADDER --dry-run --format json
expect_rc 0
tr -d ' \n' <"$WORK/out" >"$WORK/json"
grep -qF '"as_of":"2026-12-28","dry_run":true,"run_id":null,"eval_ms":' "$WORK/json" &&
	check "json: no header: $(cat "$WORK/json")" grep -qF '"rules":[{"rule":"soon","matched":' "$WORK/json"
check "json: no firing" grep -qF '"firings":[{"rule":"weekly","account":"CRM-003"' "$WORK/json"
check "json: no action" grep -qF '"action":"risk","what":"engagement","detail":"low","who":"bo","due":null}' "$WORK/json"

case_ "per renewal: the next renewal fires again"
run --db "$DB" --now 2027-01-05 renewal close 1 --final 300000.50
expect_rc 0
printf 'account,due_date,target_arr,forecast_category,stage,owner\nCRM-001,2027-02-10,310000,likely,not_started,amara\n' >"$WORK/next.csv"
run --db "$DB" --now 2027-01-05 import renewal "$WORK/next.csv"
expect_rc 0
run --db "$DB" --now 2027-01-05 playbook run $LADDER --rule soon
expect_out_has "soon: 1 matched, 1 fired, 0 already fired"
# (Closing #1 made the next term's renewal, #5, a year out; the one
# imported here, due sooner, is #6.)
expect_out_has "  CRM-001 Acme Corporation [renewal:6]"
run --db "$DB" --now 2027-01-05 playbook run $LADDER --rule soon --summary
expect_out_has "soon: 1 matched, 0 fired, 1 already fired"

case_ "a team file is checked beside the shipped playbooks"
printf 'rules:\n  - id: health-red\n    when: { health_band: red }\n    actions: [ { checklist: { template: get-well } } ]\n' >"$WORK/team.yaml"
run playbook check "$WORK/team.yaml"
expect_rc 0
expect_out_has "team.yaml: ok"
cp "$WORK/team.yaml" "$WORK/team2.yaml"
run playbook check "$WORK/team.yaml" "$WORK/team2.yaml"
expect_rc 65
expect_err_has "team2.yaml:2:9: duplicate rule id 'health-red' (first defined at $WORK/team.yaml:2:5)"

case_ "the shipped playbooks validate"
run playbook check
expect_rc 0
expect_out_has "ok (shipped"

finish
