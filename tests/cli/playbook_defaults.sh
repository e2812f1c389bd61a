#!/bin/sh
# playbook_defaults.sh -- the shipped default playbooks (playbooks/pb-*.yaml)
# on a crafted book (tests/data/playbooks/defaults): every rule fires on
# the account made for it (PB-<RULE>), a healthy account (HEALTHY-1) fires
# no rule at all, a real run writes every action kind with its source, and
# a second run the same day fires nothing.  Dates are as of 2026-11-23.
. "$TEST_SRCDIR/tests/cli/lib.sh"
FIX="$DATA/playbooks/defaults"

# Each shipped rule and the account crafted for it.
RULES="
cadence-qbr-enterprise PB-CADENCE-QBR
cadence-review-midmarket PB-CADENCE-MIDMARKET
cadence-webinar-smb PB-CADENCE-WEBINAR
cadence-nps PB-CADENCE-NPS
health-red PB-HEALTH-RED
health-red-renewal PB-HEALTH-RED-RENEWAL
health-yellow PB-HEALTH-YELLOW
onboarding-welcome PB-ONBOARDING-WELCOME
onboarding-kickoff PB-ONBOARDING-KICKOFF
onboarding-first-impact PB-ONBOARDING-FIRST-IMPACT
plan-unsigned PB-PLAN-UNSIGNED
handshake-1 PB-HANDSHAKE-1
handshake-4 PB-HANDSHAKE-4
renewal-t120 PB-RENEWAL-T120
renewal-t90 PB-RENEWAL-T90
renewal-t60 PB-RENEWAL-T60
renewal-t30 PB-RENEWAL-T30
renewal-notice-tech PB-RENEWAL-NOTICE-TECH
renewal-reminder-tech PB-RENEWAL-REMINDER-TECH
risk-deployment PB-RISK-DEPLOYMENT
risk-engagement PB-RISK-ENGAGEMENT
risk-adoption PB-RISK-ADOPTION
risk-value PB-RISK-VALUE
risk-satisfaction PB-RISK-SATISFACTION
risk-support-spike PB-RISK-SUPPORT-SPIKE
risk-support-p1 PB-RISK-SUPPORT-P1
risk-support-silence PB-RISK-SUPPORT-SILENCE
risk-sentiment PB-RISK-SENTIMENT
risk-product PB-RISK-PRODUCT
risk-renewal-forecast PB-RISK-RENEWAL-FORECAST
champion-left PB-CHAMPION-LEFT
nps-detractor PB-NPS-DETRACTOR
usage-drop PB-USAGE-DROP
expansion-signal PB-EXPANSION-SIGNAL
"

# fired REPORT: "rule account" for each firing listed in a run report.
fired() {
	awk '/^[a-z0-9][a-z0-9_-]*: [0-9]+ matched, / { sub(/:$/, "", $1); rule = $1; next }
	     /^[a-z]/ { rule = "" }
	     rule != "" && /^  [^ ]/ { print rule, $1 }' "$1"
}

case_ "the crafted book imports"
for f in team:teams user:users account:accounts contact:contacts arr_event:arr_events \
	renewal:renewals usage:usage ticket:tickets survey:surveys touchpoint:touchpoints \
	success_plan:success_plans objective:objectives milestone:milestones \
	health_snapshot:health_snapshots advocacy:advocacy invoice:invoices; do
	run --db "$DB" $NOW import "${f%%:*}" "$FIX/${f#*:}.csv"
	check "import ${f%%:*}: exit $rc: $(cat "$WORK/err")" test "$rc" -eq 0
done

case_ "the shipped playbooks validate"
run playbook check
expect_rc 0

case_ "every shipped rule has a crafted account here"
run --db "$DB" $NOW playbook list --format csv
expect_rc 0
sed 1d "$WORK/out" | cut -d, -f1 | sort >"$WORK/shipped"
echo "$RULES" | sed '/^$/d' >"$WORK/rules"
sed 's/ .*//' "$WORK/rules" | sort >"$WORK/crafted"
expect_same "the shipped rules differ from those this test crafts accounts for" "$WORK/crafted" "$WORK/shipped"
check "cadence-nps is not listed as disabled:
$(cat "$WORK/out")" grep -q '^cadence-nps,false,' "$WORK/out"

case_ "each rule fires on its crafted account (--rule, disabled rules too)"
while read -r rule acct; do
	run --db "$DB" $NOW playbook run --dry-run --rule "$rule"
	[ "$rc" -eq 0 ] || { fail "$rule: exit $rc: $(cat "$WORK/err")"; continue; }
	fired "$WORK/out" >"$WORK/rule.fired"
	check "$rule does not fire on $acct:
$(cat "$WORK/out")" grep -qx "$rule $acct" "$WORK/rule.fired"
	[ "$rule" = cadence-nps ] && continue   # disabled; matches nearly every account
	check_not "$rule fires on HEALTHY-1" grep -qx "$rule HEALTHY-1" "$WORK/rule.fired"
done <"$WORK/rules"

case_ "a full dry run: every enabled rule fires on its account, none on HEALTHY-1"
run --db "$DB" $NOW playbook run --dry-run
expect_rc 0
cp "$WORK/out" "$WORK/dry"
fired "$WORK/dry" >"$WORK/dry.fired"
grep -v '^cadence-nps ' "$WORK/rules" | grep -vxF -f "$WORK/dry.fired" >"$WORK/missing"
check_not "a full dry run misses these firings:
$(cat "$WORK/missing")" test -s "$WORK/missing"
check_not "rules fire on HEALTHY-1:
$(grep ' HEALTHY-1$' "$WORK/dry.fired")" grep -q ' HEALTHY-1$' "$WORK/dry.fired"
check_not "the dry run lists HEALTHY-1:
$(grep '^  HEALTHY-1 ' "$WORK/dry")" grep -q '^  HEALTHY-1 ' "$WORK/dry"
check_not "the disabled cadence-nps runs in a full run" grep -q '^cadence-nps' "$WORK/dry"
# The crafted accounts are specific: each fires its own rule and no other,
# except that a detractor is also a satisfaction risk.
# Also expected: a detractor is a satisfaction risk too, and high- and
# low-touch accounts with no executive touch ever are engagement risks.
{ grep -v '^cadence-nps ' "$WORK/rules"; echo "risk-satisfaction PB-NPS-DETRACTOR"
  for a in PB-CADENCE-MIDMARKET PB-CADENCE-QBR PB-RENEWAL-T120 PB-RENEWAL-T60 PB-RENEWAL-T90; do
	echo "risk-engagement $a"
  done; } | sort >"$WORK/want"
sort "$WORK/dry.fired" >"$WORK/dry.sorted"
expect_same "the full dry run's firings differ from the crafted ones" "$WORK/want" "$WORK/dry.sorted"

case_ "a run does what the dry run said"
run --db "$DB" $NOW playbook run
expect_rc 0
cp "$WORK/out" "$WORK/real"
sed 's/ (dry run: nothing written)//; s/would fire/fired/; s/ (dry run)$//' "$WORK/dry" >"$WORK/dry.cmp"
expect_same "the run's report differs from the dry run's" "$WORK/dry.cmp" "$WORK/real"

case_ "tasks: source playbook:RULE, titles filled in"
run --db "$DB" export task --format csv
expect_rc 0
cp "$WORK/out" "$WORK/tasks"
expect_out_has ",PB-RENEWAL-T120,\"T-120 renewal review for Renews In 105 Co (renews 2027-03-08, 40,000)\",renewal,medium,casey,2026-12-07,open,,playbook:renewal-t120,0,2026-11-23,,\"Validate the renewal list entry; review utilisation, CSAT and open faults; book the EBR.\""
expect_out_has ",PB-RISK-SUPPORT-P1,Call Outage Co about the open P1,risk,critical,casey,2026-11-24,open,,playbook:risk-support-p1,0,2026-11-23,,"
expect_out_has ",PB-ONBOARDING-WELCOME,Welcome Welcome Co: send the welcome pack and book the kickoff,lifecycle,high,casey,2026-11-25,open,,playbook:onboarding-welcome,0,2026-11-23,,"
expect_out_has ",PB-PLAN-UNSIGNED,Get the success plan of Unsigned Plan Co signed (120 days since it started),lifecycle,medium,casey,2026-12-07,open,,playbook:plan-unsigned,0,2026-11-23,,"
expect_out_lacks ",HEALTHY-1,"

case_ "checklists: a task with the template's items"
# renewal-t90: handshake #3 for the CSM; handshake-4: owned by the RM.
expect_out_has ",PB-RENEWAL-T90,Handshake #3 (CSM to RM): renewal of Renews In 75 Co on 2027-02-06,renewal,high,casey,2026-11-30,open,,playbook:renewal-t90,0,2026-11-23,,"
expect_out_has ",PB-HANDSHAKE-4,Handshake #4 (RM to AM): renewal of Upgrade Renewal Co becomes an upgrade,expansion,medium,rita,2026-11-30,open,,playbook:handshake-4,0,2026-11-23,,"
expect_out_has ",PB-HEALTH-RED,Get-well plan for Turned Red Co,risk,high,casey,2026-11-30,open,,playbook:health-red,0,2026-11-23,,"
t90=$(sed -n 's/^\([0-9]*\),PB-RENEWAL-T90,.*,playbook:renewal-t90,.*/\1/p' "$WORK/tasks")
run --db "$DB" export task_item --format csv
expect_rc 0
check "no renewal-t90 task" test -n "$t90"
check "the handshake #3 checklist (task $t90) has not 5 items:
$(cat "$WORK/out")" test "$(grep -c "^[0-9]*,$t90," "$WORK/out")" -eq 5
expect_out_has ",$t90,1,\"Renewal date, renewable ARR (40,000) and terms confirmed\",false"
expect_out_has ",$t90,5,Renewal discussion scheduled with the customer,false"

case_ "risks: source playbook:RULE"
run --db "$DB" export risk --format csv
expect_rc 0
expect_out_has ",PB-RISK-DEPLOYMENT,deployment,high,open,2026-11-23,,casey,Only 20% of licenses in use,,playbook:risk-deployment"
expect_out_has ",PB-HEALTH-RED-RENEWAL,renewal,critical,open,2026-11-23,,casey,Red health 20 days before the renewal on 2026-12-13,,playbook:health-red-renewal"
expect_out_has ",PB-CHAMPION-LEFT,external,high,open,2026-11-23,,casey,A champion or sponsor left 10 days ago,,playbook:champion-left"
expect_out_has ",PB-RISK-RENEWAL-FORECAST,renewal,high,open,2026-11-23,,"
expect_out_lacks ",HEALTHY-1,"

case_ "notify: inbox items to the resolved user (lead, am, rm), else the owner"
run --db "$DB" export inbox --format csv
expect_rc 0
expect_out_has ",notification,PB-RENEWAL-T90,rita,rm,0,\"Renews In 75 Co renews on 2027-02-06 (40,000): handshake #3 started\",,unread,,playbook:renewal-t90,"
expect_out_has ",notification,PB-HANDSHAKE-1,amir,am,0,Just Live Co is live: handshake #1 to the CSM started,,unread,,playbook:handshake-1,"
expect_out_has ",notification,PB-HEALTH-RED,tester,lead,0,\"Turned Red Co turned red (12,000 ARR); get-well plan due in 7 days\",,unread,,playbook:health-red,"
# No notify: in the config: support and marketing items go to the owner,
# marked with the role they were for.
check "the satisfaction note is not the owner's, from marketing:
$(cat "$WORK/out")" grep -qE '^[0-9]+,2026-11-23,notification,PB-RISK-SATISFACTION,casey,marketing,0,Passive Co: latest NPS answer is a passive,,unread,,playbook:risk-satisfaction,[0-9]+,,marketing$' "$WORK/out"
check "the P1 note is not the owner's, from support:
$(cat "$WORK/out")" grep -qE '^[0-9]+,2026-11-23,notification,PB-RISK-SUPPORT-P1,casey,support,0,Open P1 at Outage Co: CSM is watching,,unread,,playbook:risk-support-p1,[0-9]+,,support$' "$WORK/out"
expect_out_lacks ",HEALTHY-1,"

case_ "opportunity: an upsell sourced by the CSM, handshake proposed"
# Opportunities have no source column: the audit log records the rule.
run --db "$DB" export opportunity --format csv
expect_rc 0
expect_out_has ",PB-EXPANSION-SIGNAL,More seats for Full Seats Co (95% of licenses in use),upsell,0.00,qualify,pipeline,amir,casey,proposed,2026-11-23,"
expect_out_lacks ",HEALTHY-1,"
run --db "$DB" export audit --format csv
expect_rc 0
expect_out_has ",playbook:expansion-signal,opportunities,"

case_ "a second run the same day fires nothing"
run --db "$DB" $NOW playbook run --summary
expect_rc 0
grep '^[a-z0-9][a-z0-9_-]*: [0-9]* matched, ' "$WORK/out" | grep -v ' matched, 0 fired, ' >"$WORK/again"
check_not "rules fire again the same day:
$(cat "$WORK/again")" test -s "$WORK/again"
expect_out_has "$(($(wc -l <"$WORK/rules") - 1)) rules, 0 firings, 0 escalation changes"

finish
