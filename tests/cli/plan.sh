#!/bin/sh
# plan.sh -- the success plan from the command line: tend plan (show, new
# from the template, edit through $EDITOR, the status flow, sign, validate,
# export as Markdown) and tend objective, milestone and kpi (add, edit,
# record, move, delete); every refusal changes nothing, every change is
# audited, a read-only book refuses them all, and hostile text stays inert
# in the Markdown.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
dump() { sqlite3 "$DB" .dump | sha256sum; }

# An editor that writes its file's mode, then what $ED_TEXT says.
ED="$WORK/editor.sh"
cat >"$ED" <<'SH'
#!/bin/sh
stat -c %a "$1" >"$ED_MODE"
cp "$1" "$ED_SEEN"
[ -n "${ED_TEXT:-}" ] && printf '%s' "$ED_TEXT" >"$1"
exit "${ED_EXIT:-0}"
SH
chmod +x "$ED"
export ED_MODE="$WORK/mode" ED_SEEN="$WORK/seen"
# The editor's files go here, so this script alone sees them.
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"

case_ "plan show: no plan yet"
run --db "$DB" plan show acme
expect_rc 66
printf "tend: no success plan for Acme Corporation (CRM-001) yet ('tend plan new' starts one)\n" |
	expect_err

case_ "plan new: a draft from the default template, once"
run --db "$DB" plan new acme --start 2026-09-01
expect_rc 0
printf 'plan #1 started for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" plan show acme --section risks
expect_out <<'OUT'
Adoption barriers and how we will mitigate them.

- Political: a customer sponsor who owns the outcome
- Staff resistance: early communication and a change champion
- Funding: free training and train-the-trainer
- Unclear process change: a pilot group first
- Skills gap: training
OUT
run --db "$DB" plan new acme
expect_rc 65
expect_err_has "has a plan in progress already (#1)"
run --db "$DB" plan new tiny --template none
printf 'plan #2 started for Tiny Pooled Co (CRM-005)\n' | expect_out
run --db "$DB" plan show tiny --section summary
expect_out </dev/null
run --db "$DB" plan new bo --template nosuch
expect_rc 66

case_ "objectives, milestones and KPIs"
run --db "$DB" objective add acme "Cut onboarding time" --priority high \
	--beneficiary dana@acme.test --validated 2026-10-01
expect_rc 0
printf 'objective #1 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" objective add acme "Executive adoption" --type qualitative
printf 'objective #2 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" milestone add 1 "Admins trained" --owner amara --due 2026-11-01 --status done
printf 'milestone #1 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" milestone add 1 "Go-live wave 1" --owner dana@acme.test --due 2026-11-15
printf 'milestone #2 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" milestone edit 2 --status at_risk
printf 'milestone #2 changed for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" kpi add 1 "Days to onboard" --baseline 30 --target 10 --unit days --by 2026-12-31
printf 'KPI #1 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" kpi add 1 "Weekly active admins" --baseline 2 --target 20 --by 2026-11-30
printf 'KPI #2 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" kpi record 1 20 --on 2026-11-01
printf 'KPI #1 reading recorded for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" kpi record 1 14.5
run --db "$DB" kpi record 1 25 --on 2026-10-01
run --db "$DB" kpi record 2 4
check "a reading is not kept" test "$(sqlite3 "$DB" 'SELECT group_concat(date || "=" || value, " ") FROM kpi_readings WHERE kpi_id = 1 ORDER BY date')" = "2026-10-01=25.0 2026-11-01=20.0 2026-11-23=14.5"
check "an older reading replaced the current value" \
	test "$(sqlite3 "$DB" 'SELECT current FROM kpis WHERE id = 1')" = "14.5"
run --db "$DB" plan show acme
expect_out <<'OUT'
plan #1 Acme Corporation (CRM-001)
  status      draft
  started     2026-09-01 (template default)
  signed      not yet
  validated   2026-10-01 (53 days ago)
  progress    2 objectives, milestones 1/2 done
sections
  summary      1 line
  objectives   1 line
  activities   1 line
  finances     1 line
  measurement  1 line
  risks        7 lines
  appendices   1 line
objective #1 Cut onboarding time (quantitative, high)  47% [#####-----]
  beneficiary Dana Whitfield; validated 2026-10-01
  milestone #1 [x] Admins trained  done  owner amara  due 2026-11-01
  milestone #2 [ ] Go-live wave 1  at_risk  owner dana@acme.test  due 2026-11-15  OVERDUE
  kpi #1 Days to onboard: 30 -> 10 days by 2026-12-31, now 14.5 (read 2026-11-23)  77%
  kpi #2 Weekly active admins: 2 -> 20 by 2026-11-30, now 4 (read 2026-11-23)  11%  OFF TRACK
objective #2 Executive adoption (qualitative, medium)
  beneficiary -; validated never
OUT

case_ "move and delete, every row audited"
run --db "$DB" objective move 2 --to 1
printf 'objective #2 moved to 1 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" plan show acme
expect_out_has "objective #2 Executive adoption"
check "objective #2 is not first" test "$(grep '^objective' "$WORK/out" | head -n 1 | cut -c1-12)" = "objective #2"
run --db "$DB" kpi move 2 --to 1
run --db "$DB" objective move 2 --to 3
expect_rc 64
expect_err_has "--to: 3 is not a position between 1 and 2"
run --db "$DB" objective add acme "Throwaway"
run --db "$DB" milestone add 3 "Soon gone"
run --db "$DB" kpi add 3 "Gone too" --baseline 0 --target 1
run --db "$DB" kpi record 3 1
run --db "$DB" objective delete 3
expect_rc 0
printf 'objective #3 deleted for Acme Corporation (CRM-001)\n' | expect_out
check "objective delete left rows or did not audit them" test \
	"$(sqlite3 "$DB" "SELECT group_concat(table_name, ' ') FROM (SELECT table_name FROM audit_log WHERE action = 'objective delete' ORDER BY id)")" = \
	"milestones kpi_readings kpis objectives"
run --db "$DB" undo
expect_rc 0
check "undo did not bring the objective back with its KPI reading" \
	test "$(sqlite3 "$DB" 'SELECT count(*) FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id WHERE k.objective_id = 3')" = 1
run --db "$DB" objective delete 3
run --db "$DB" kpi delete 99
expect_rc 66
printf 'tend: no KPI with id 99\n' | expect_err

case_ "refusals name the field and change nothing"
before=$(dump)
for args in \
	"64|--target: 30 is the baseline too|kpi add 1 Flat --baseline 30 --target 30" \
	"64|--baseline: 'lots' is not a number|kpi add 1 Vague --baseline lots --target 3" \
	"64|kpi add needs --baseline N and --target N|kpi add 1 Half --target 3" \
	"64|--target: 10 is the baseline too|kpi edit 1 --baseline 10" \
	"64|--by: '2026-02-30' is not a date|kpi add 1 Soon --baseline 1 --target 2 --by 2026-02-30" \
	"64|--on: 2026-12-01 is in the future|kpi record 1 12 --on 2026-12-01" \
	"64|value: 'many' is not a number|kpi record 1 many" \
	"64|--due: 'someday' is not a date|milestone add 1 Later --due someday" \
	"65|--owner: 'ghost' is neither a user of the book|milestone add 1 Ghost --owner ghost" \
	"65|--owner: 'zoe@sge.test' is neither|milestone edit 1 --owner zoe@sge.test" \
	"64|--status: 'finished' is not a milestone status|milestone edit 1 --status finished" \
	"65|--beneficiary: 'zoe@sge.test' is not a contact of Acme Corporation|objective add acme Other --beneficiary zoe@sge.test" \
	"64|--type: 'vague' is not a objective type|objective edit 1 --type vague" \
	"64|--title: say what it is|milestone edit 1 --title=" \
	"64|nothing to change|objective edit 1" \
	"66|no objective with id 42|milestone add 42 Orphan" \
	"64|objective add does not take --owner|objective add acme X --owner amara" \
	"65|plan #1 is draft: it must be shared before it is signed|plan sign acme --by dana@acme.test" \
	"65|plan #1 is draft: it must be signed before it is active|plan status acme active" \
	"64|a plan is signed by a contact on a day: use sign|plan status acme signed" \
	"64|--section: 'intro' is not|plan edit acme --section intro --text Hi" \
	"64|plan edit needs --section NAME|plan edit acme --text Hi" \
	"64|summary: line 1 holds a control character|plan edit acme --section summary --text $(printf 'a\033b')" \
	; do
	want=${args%%|*}
	rest=${args#*|}
	msg=${rest%%|*}
	cmd=${rest#*|}
	# shellcheck disable=SC2086
	run --db "$DB" $cmd
	expect_rc "$want"
	expect_err_has "$msg"
done
check "a refused change changed the book" test "$(dump)" = "$before"

case_ "plan edit in \$EDITOR: a 0600 file holding the section, saved once"
export ED_TEXT='Acme bought tend to cut onboarding from 30 days to 10.
Sponsor: Dana Whitfield (CFO).   
'
EDITOR="$ED" run --db "$DB" plan edit acme --section summary
expect_rc 0
printf 'plan #1 summary saved for Acme Corporation (CRM-001)\n' | expect_out
check "the editor's file is not mode 0600" test "$(cat "$WORK/mode")" = 600
printf 'Why the customer bought, what success looks like for them this year, and who sponsors it on both sides.\n' >"$WORK/want"
expect_same "the editor did not get the section's text" "$WORK/want" "$WORK/seen"
run --db "$DB" plan show acme --section summary
expect_out <<'OUT'
Acme bought tend to cut onboarding from 30 days to 10.
Sponsor: Dana Whitfield (CFO).
OUT
before=$(dump)
VISUAL="$ED" EDITOR=false run --db "$DB" plan edit acme --section summary
printf 'nothing saved: plan #1 summary unchanged for Acme Corporation (CRM-001)\n' | expect_out
ED_TEXT='  ' EDITOR="$ED" run --db "$DB" plan edit acme --section summary
expect_rc 0
expect_out_has "nothing saved: plan #1 summary unchanged"
ED_EXIT=1 EDITOR="$ED" run --db "$DB" plan edit acme --section summary
expect_rc 65
printf 'tend: the editor (%s) exited with status 1; nothing was changed\n' "$ED" | expect_err
check "an unchanged, empty or failed edit changed the book" test "$(dump)" = "$before"
check "the editor's files were left behind: $(ls "$TMPDIR")" test -z "$(ls "$TMPDIR")"
run --db "$DB" plan edit acme --section activities --file "$WORK/nosuch"
expect_rc 66
run --db "$DB" plan edit acme --section finances --text "Budget approved for FY27."
printf 'plan #1 finances saved for Acme Corporation (CRM-001)\n' | expect_out

case_ "the status flow: share, sign by an active contact of the account, activate"
run --db "$DB" plan status acme shared
printf 'plan #1 shared for Acme Corporation (CRM-001)\n' | expect_out
before=$(dump)
run --db "$DB" plan sign acme --by chris@acme.test
expect_rc 65
printf 'tend: --by: Chris Obi left Acme Corporation: a plan is signed by someone still there\n' | expect_err
run --db "$DB" plan sign acme --by zoe@sge.test
expect_rc 65
expect_err_has "--by: 'zoe@sge.test' is not a contact of Acme Corporation"
run --db "$DB" plan sign acme --by dana@acme.test --on 2026-11-24
expect_rc 64
expect_err_has "--on: 2026-11-24 is in the future"
run --db "$DB" plan sign acme --by dana@acme.test --on 2026-08-01
expect_rc 64
expect_err_has "--on: 2026-08-01 is before the plan started (2026-09-01)"
run --db "$DB" plan sign acme
expect_rc 64
run --db "$DB" plan status tiny shared
expect_rc 0
run --db "$DB" plan sign tiny --by dana@acme.test
expect_rc 65
expect_err_has "plan #2 has no objectives"
run --db "$DB" plan status tiny draft
printf 'plan #2 draft for Tiny Pooled Co (CRM-005)\n' | expect_out
run --db "$DB" plan status tiny draft
expect_rc 65
expect_err_has "plan #2 is draft already"
run --db "$DB" plan sign acme --by dana@acme.test --on 2026-11-20
expect_rc 0
printf 'plan #1 signed for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" plan status acme draft
expect_rc 65
expect_err_has "plan #1 is signed: it cannot go back to draft"
run --db "$DB" plan status acme active
printf 'plan #1 active for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" plan validate acme
printf 'plan #1 validated for Acme Corporation (CRM-001)\n' | expect_out
check "the status flow is not in the audit log" test \
	"$(sqlite3 "$DB" "SELECT group_concat(action || ':' || json_extract(new, '\$.status'), ' ') FROM (SELECT action, new FROM audit_log WHERE table_name = 'success_plans' AND row_id = 1 AND action IN ('plan status', 'plan sign') ORDER BY id)")" = \
	"plan status:shared plan sign:signed plan status:active"

case_ "plan export: the whole plan as Markdown"
run --db "$DB" plan export acme
expect_rc 0
expect_out <<'OUT'
# Success plan: Acme Corporation (CRM-001)

- Status: active (signed by Dana Whitfield on 2026-11-20)
- Started: 2026-09-01 (template default)
- Last validated: 2026-11-23
- Objectives: 2; milestones done: 1 of 2

## 1. Executive summary

Acme bought tend to cut onboarding from 30 days to 10.\
Sponsor: Dana Whitfield (CFO).

## 2. Adoption objectives

The business outcomes the customer wants, most important first; each one is an objective below, with its milestones and KPIs.

## 3. Adoption activities

What both teams will do to get there: onboarding, training, rollout waves, enablement sessions, reviews.

## 4. Finances and timescales

Budget approved for FY27.

## 5. Measurement and reporting

How progress is measured and reported: the KPIs, their baselines and targets, and the review cadence (QBR each quarter, EBR each year).

## 6. Key risks: adoption barriers and mitigations

Adoption barriers and how we will mitigate them.

- Political: a customer sponsor who owns the outcome
- Staff resistance: early communication and a change champion
- Funding: free training and train-the-trainer
- Unclear process change: a pilot group first
- Skills gap: training

## 7. Appendices: people, third parties, methods

People (sponsor, champion, project manager), third parties, methods.

## Objectives

### Objective 1: Executive adoption

- Type: qualitative; priority: medium
- Last validated: never
- Progress: not measured yet

### Objective 2: Cut onboarding time

- Type: quantitative; priority: high
- Beneficiary: Dana Whitfield
- Last validated: 2026-10-01
- Progress: 47% `[#####-----]`

Milestones:

- [x] Admins trained: done, owner amara, due 2026-11-01, done on 2026-11-23
- [ ] Go-live wave 1: at\_risk, owner dana@acme.test, due 2026-11-15, **overdue**

KPIs:

- Weekly active admins: baseline 2, target 20 by 2026-11-30, current 4 (read 2026-11-23); 11% of the way, **off track**
- Days to onboard: baseline 30, target 10 days by 2026-12-31, current 14.5 (read 2026-11-23); 77% of the way

## Sign-off

Signed for the customer by Dana Whitfield on 2026-11-20.
OUT

case_ "hostile text stays text in the Markdown"
run --db "$DB" plan new bo --template none
run --db "$DB" plan edit bo --section summary --text '# Owned
<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `code` &amp; a|b
    indented code
1. not a list
- a real bullet with <b>tags</b>'
run --db "$DB" objective add bo '<script>alert(1)</script> *x* _y_'
obj=$(sed -n 's/^objective #\([0-9]*\) added.*/\1/p' "$WORK/out")
run --db "$DB" milestone add "$obj" '![img](http://evil.example/x.png)' --owner bo
run --db "$DB" plan export bo
expect_out_has '\# Owned\'
expect_out_has '\<img src=x onerror=alert(1)\> \[click\](javascript:alert(1)) \*\*bold\*\* \`code\` \&amp; a\|b\'
expect_out_has 'indented code\'
expect_out_has '1\. not a list'
expect_out_has '- a real bullet with \<b\>tags\</b\>'
expect_out_has '### Objective 1: \<script\>alert(1)\</script\> \*x\* \_y\_'
expect_out_has '- [ ] !\[img\](http://evil.example/x.png): not\_started, owner bo'
expect_out_lacks '<script>'

case_ "templates: the man page's example, a team's own default, a broken one"
awk '/^name: smb-light$/ { on = 1 } on && /^\.Ed/ { exit } on { print }' \
	"$TEST_SRCDIR/man/tend-plan-template.5" >"$WORK/smb-light.yaml"
mkdir -p "$XDG_CONFIG_HOME/tend/plans"
cp "$WORK/smb-light.yaml" "$XDG_CONFIG_HOME/tend/plans/default.yaml"
run --db "$DB" plan new "山田"
expect_rc 0
printf 'plan #4 started for 山田製作所株式会社 (CRM-003)\n' | expect_out
run --db "$DB" plan show "山田" --section risks
expect_out <<'OUT'
- Skills gap: the self-service academy
OUT
run --db "$DB" plan show "山田"
expect_out_has "  started     2026-11-23 (template smb-light)"
printf 'name: bad\nsections:\n  intro: Hello\nbarriers:\n  - barrier: Funding\n' \
	>"$XDG_CONFIG_HOME/tend/plans/bad.yaml"
before=$(dump)
run --db "$DB" plan new "Société Générale" --template bad
expect_rc 65
expect_err <<ERR
$XDG_CONFIG_HOME/tend/plans/bad.yaml:3:3: sections: 'intro' is not a section (summary, objectives, activities, finances, measurement, risks, appendices)
$XDG_CONFIG_HOME/tend/plans/bad.yaml:5:5: barriers: each needs a barrier and a mitigation
tend: --template: $XDG_CONFIG_HOME/tend/plans/bad.yaml has 2 problems; nothing was changed
ERR
check "a broken template changed the book" test "$(dump)" = "$before"
rm "$XDG_CONFIG_HOME/tend/plans/default.yaml"

case_ "--read-only refuses every change (77) and changes nothing"
before=$(dump)
for cmd in "plan new bo" "plan edit acme --section summary --text New" \
	"plan edit acme --section summary" "plan status acme done" \
	"plan sign acme --by dana@acme.test" "plan validate acme" \
	"objective add acme X" "objective edit 1 --priority low" "objective delete 1" \
	"objective move 1 --to 2" "milestone add 1 X" "milestone edit 1 --status missed" \
	"milestone delete 1" "kpi add 1 X --baseline 1 --target 2" "kpi edit 1 --unit d" \
	"kpi record 1 3" "kpi delete 1" "kpi move 1 --to 1"; do
	# shellcheck disable=SC2086
	EDITOR="$ED" run --db "$DB" --read-only $cmd
	expect_rc 77
done
check "a read-only book changed" test "$(dump)" = "$before"

case_ "a done plan takes no more changes; the next plan may start"
run --db "$DB" plan status acme done
printf 'plan #1 done for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" objective add acme "Late idea"
expect_rc 65
printf 'tend: plan #1 is done: it takes no more changes\n' | expect_err
run --db "$DB" plan new acme --template none
printf 'plan #5 started for Acme Corporation (CRM-001)\n' | expect_out
finish
