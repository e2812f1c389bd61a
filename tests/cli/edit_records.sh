#!/bin/sh
# edit_records.sh -- the verbs on risks (list, open, mitigate, close, and the
# playbook ladder that waits for a mitigation), touchpoints (edit and delete,
# by their author or a lead) and opportunities (list, add, stage, amount,
# close); refusals change nothing, changes are audited, a read-only book
# refuses them.  Tasks are in edit_work.sh.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
PB="--playbooks $DATA/playbooks/edit"
dump() { sqlite3 "$DB" .dump | sha256sum; }

# Risks #1 (Acme) and #2 (Société Générale), each with a ladder to a lead
# after 3 days unless the risk is mitigated.
run --db "$DB" $NOW playbook run $PB --summary
expect_out_has "trouble: 2 matched, 2 fired, 0 already fired"

case_ "risk list: open and mitigating by default, worst first, filtered"
run --db "$DB" $NOW risk open tiny --category support --severity critical "P1 open for 3 days"
expect_rc 0
printf 'risk #3 opened for Tiny Pooled Co (CRM-005)\n' | expect_out
run --db "$DB" $NOW risk open acme --category value "Milestones slipping"
printf 'risk #4 opened for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW risk list --format csv
expect_out <<'OUT'
id,opened_on,severity,category,status,account,owner,description,mitigation,closed_on,resolution,source
3,2026-11-23,critical,support,open,Tiny Pooled Co,tester,P1 open for 3 days,,,,manual
1,2026-11-23,high,engagement,open,Acme Corporation,amara,No executive touch at Acme Corporation,,,,playbook:trouble
2,2026-11-23,high,engagement,open,Société Générale des Eaux,amara,No executive touch at Société Générale des Eaux,,,,playbook:trouble
4,2026-11-23,medium,value,open,Acme Corporation,amara,Milestones slipping,,,,manual
OUT
run --db "$DB" $NOW risk list --account acme --category engagement --format csv
expect_out <<'OUT'
id,opened_on,severity,category,status,account,owner,description,mitigation,closed_on,resolution,source
1,2026-11-23,high,engagement,open,Acme Corporation,amara,No executive touch at Acme Corporation,,,,playbook:trouble
OUT
run --db "$DB" $NOW risk list
expect_out_has " 3  2026-11-23  critical  support     open    Tiny Pooled Co "

case_ "risk mitigate and close, with the plan and how it ended"
run --db "$DB" --now 2026-11-24 risk mitigate 1 --note "EBR booked with the CFO"
expect_rc 0
printf 'risk #1 mitigating for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" --now 2026-11-24 risk close 3 --note "Hotfix shipped"
printf 'risk #3 closed for Tiny Pooled Co (CRM-005)\n' | expect_out
run --db "$DB" $NOW risk list --status mitigating --format csv
expect_out_has "1,2026-11-23,high,engagement,mitigating,Acme Corporation,amara,No executive touch at Acme Corporation,EBR booked with the CFO,,,playbook:trouble"
run --db "$DB" $NOW risk list --status closed --format csv
expect_out_has "3,2026-11-23,critical,support,closed,Tiny Pooled Co,tester,P1 open for 3 days,,2026-11-24,Hotfix shipped,manual"
run --db "$DB" $NOW risk list --status all --format csv
check "risk list --status all lacks a risk" test "$(wc -l <"$WORK/out")" -eq 5
run --db "$DB" $NOW account show tiny
expect_out_has "Open risks (0)"

case_ "a mitigated risk stops its ladder; an open one escalates"
run --db "$DB" --now 2026-11-26 playbook run $PB
expect_out_has "  trouble CRM-001 Acme Corporation: stopped (risk_mitigated)"
expect_out_has "  trouble CRM-002 Société Générale des Eaux: L1 -> tester"

case_ "risk: refusals name the option and change nothing"
before=$(dump)
run --db "$DB" $NOW risk close 3 --note "again"
expect_rc 65
printf 'tend: risk #3 is closed already (on 2026-11-24); nothing was changed\n' | expect_err
run --db "$DB" $NOW risk mitigate 3 --note "late plan"
expect_rc 65
run --db "$DB" $NOW risk close 1
expect_rc 64
printf "tend: risk: risk close needs --note TEXT (how it was resolved) (see 'tend help risk')\n" | expect_err
run --db "$DB" $NOW risk mitigate 2 --note " "
expect_rc 64
printf "tend: risk: --note: say what is being done (see 'tend help risk')\n" | expect_err
run --db "$DB" $NOW risk close 99 --note x
expect_rc 66
printf 'tend: no risk with id 99\n' | expect_err
run --db "$DB" $NOW risk open acme --category moral "x"
expect_rc 64
printf "tend: --category: 'moral' is not allowed (one of: deployment, engagement, adoption, value, satisfaction, support, sentiment, external, product, renewal)\n" | expect_err
run --db "$DB" $NOW risk open acme "No category"
expect_rc 64
printf "tend: risk: risk open needs --category C (see 'tend help risk')\n" | expect_err
run --db "$DB" $NOW risk open acme --category value --severity severe "x"
expect_rc 64
run --db "$DB" $NOW risk open acme --category value ""
expect_rc 64
run --db "$DB" $NOW risk open nowhere --category value "x"
expect_rc 66
run --db "$DB" $NOW risk list --status shut
expect_rc 64
run --db "$DB" $NOW risk list --note x
expect_rc 64
printf "tend: risk: risk list does not take --note (see 'tend help risk')\n" | expect_err
run --db "$DB" $NOW risk frob
expect_rc 64
check "a refused risk verb changed the book" test "$(dump)" = "$before"

case_ "risk: every change is one audited action, named for its command"
run --db "$DB" export audit --format csv
expect_out_has ',tester,risk open,risks,3,insert,,'
expect_out_has ',tester,risk mitigate,risks,1,update,'
expect_out_has '""status"":""mitigating"",""opened_on"":""2026-11-23"",""closed_on"":null,""owner_id"":2,""description"":""No executive touch at Acme Corporation"",""mitigation"":""EBR booked with the CFO""'
expect_out_has ',tester,risk close,risks,3,update,'

case_ "risk: --read-only refuses every change (77) and changes nothing"
before=$(dump)
for cmd in "risk open acme --category value x" "risk mitigate 2 --note x" "risk close 2 --note x"; do
	run --db "$DB" --read-only $NOW $cmd
	expect_rc 77
	expect_err_has "the book is open read-only"
done
check "a read-only book changed" test "$(dump)" = "$before"
run --db "$DB" --read-only $NOW risk list
expect_rc 0

case_ "touchpoints: edited by their author, fields and attendees"
TEND_USER=amara run --db "$DB" $NOW log acme "Kickoff" --with dana@acme.test
printf 'logged call #1 on 2026-11-23 for Acme Corporation (CRM-001)\n' | expect_out
TEND_USER=bo run --db "$DB" $NOW log acme "Bo's check-in"
printf 'logged call #2 on 2026-11-23 for Acme Corporation (CRM-001)\n' | expect_out
TEND_USER=amara run --db "$DB" log edit 1 --summary "Kickoff with Dana" --kind meeting --date -1d \
	--duration 45 --sentiment 4 --with dana@acme.test,chris@acme.test --follow-ups "Send the plan" $NOW
expect_rc 0
printf 'touchpoint #1 edited for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" export touchpoint --format csv
expect_out_has "1,CRM-001,2026-11-22,meeting,45,4,true,Kickoff with Dana,Send the plan,,,,,,amara,chris@acme.test;dana@acme.test"
TEND_USER=amara run --db "$DB" $NOW log edit 1 --with none --follow-ups ''
expect_rc 0
run --db "$DB" export touchpoint --format csv
expect_out_has "1,CRM-001,2026-11-22,meeting,45,4,true,Kickoff with Dana,,,,,,,amara,"
check_not "attendees were left after --with none" grep -q "dana@acme.test" "$WORK/out"

case_ "touchpoints: others are refused with 77 naming the author; a lead may fix any"
before=$(dump)
TEND_USER=bo run --db "$DB" $NOW log edit 1 --summary "Mine now"
expect_rc 77
printf 'tend: touchpoint #1 was logged by amara: only amara or a lead can edit it\n' | expect_err
TEND_USER=bo run --db "$DB" $NOW log delete 1
expect_rc 77
printf 'tend: touchpoint #1 was logged by amara: only amara or a lead can delete it\n' | expect_err
TEND_USER=stranger run --db "$DB" $NOW log delete 2
expect_rc 77
printf 'tend: touchpoint #2 was logged by bo: only bo or a lead can delete it\n' | expect_err
check "a refused touchpoint change changed the book" test "$(dump)" = "$before"
# tester is a lead (tests/data/book/users.csv).
run --db "$DB" $NOW log edit 2 --summary "Bo's check-in (fixed by the lead)"
printf 'touchpoint #2 edited for Acme Corporation (CRM-001)\n' | expect_out
TEND_USER=bo run --db "$DB" $NOW log delete 2
expect_rc 0
printf 'touchpoint #2 deleted for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" export touchpoint --format csv
check "the deleted touchpoint is still there" test "$(wc -l <"$WORK/out")" -eq 2
run --db "$DB" $NOW account show acme
sed -n "/^Timeline/,/^History/p" "$WORK/out" >"$WORK/timeline"
check_not "the deleted touchpoint is in the timeline" grep -q "check-in" "$WORK/timeline"
check "the timeline was printed" grep -q "^Timeline" "$WORK/timeline"

case_ "touchpoints: bad input refused, nothing changes"
before=$(dump)
TEND_USER=amara run --db "$DB" $NOW log edit 1
expect_rc 64
printf "tend: log: edit: nothing to change (see 'tend help log')\n" | expect_err
TEND_USER=amara run --db "$DB" $NOW log edit 1 --summary ''
expect_rc 64
printf "tend: log: --summary: say what happened (see 'tend help log')\n" | expect_err
TEND_USER=amara run --db "$DB" $NOW log edit 1 --with zoe@sge.test
expect_rc 64
printf "tend: log: --with: unknown contact 'zoe@sge.test' in this account (see 'tend help log')\n" | expect_err
TEND_USER=amara run --db "$DB" $NOW log edit 1 --sentiment 6
expect_rc 64
TEND_USER=amara run --db "$DB" $NOW log edit 1 --kind lunch
expect_rc 64
TEND_USER=amara run --db "$DB" $NOW log edit 1 --date soon
expect_rc 64
TEND_USER=amara run --db "$DB" $NOW log edit 99 --summary x
expect_rc 66
printf 'tend: no touchpoint with id 99\n' | expect_err
TEND_USER=amara run --db "$DB" $NOW log delete 1 2
expect_rc 64
TEND_USER=amara run --db "$DB" $NOW log delete 1 --summary x
expect_rc 64
check "refused touchpoint input changed the book" test "$(dump)" = "$before"

case_ "touchpoints: every change is audited with who made it"
run --db "$DB" export audit --format csv
expect_out_has ',amara,log edit,touchpoints,1,update,'
expect_out_has ',tester,log edit,touchpoints,2,update,'
expect_out_has ',bo,log delete,touchpoints,2,delete,'

case_ "touchpoints: --read-only refuses edit and delete (77)"
before=$(dump)
for cmd in "log edit 1 --summary x" "log delete 1"; do
	run --db "$DB" --read-only $NOW $cmd
	expect_rc 77
	expect_err_has "the book is open read-only"
done
check "a read-only book changed" test "$(dump)" = "$before"

case_ "opportunities: add, list, stage, amount, close"
run --db "$DB" $NOW opportunity add acme --kind upsell --amount 24000.50 --close +60d "200 more seats"
expect_rc 0
printf 'opportunity #1 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" opportunity add soc --kind referral --amount 0 "Sister company" $NOW
printf 'opportunity #2 added for Société Générale des Eaux (CRM-002)\n' | expect_out
run --db "$DB" $NOW opportunity list --format csv
expect_out <<'OUT'
id,created_on,stage,kind,arr,expected_close,account,title,am,sourced_by,forecast_category,closed_on,close_reason
1,2026-11-23,qualify,upsell,24000.50,2027-01-22,Acme Corporation,200 more seats,,tester,pipeline,,
2,2026-11-23,qualify,referral,0.00,,Société Générale des Eaux,Sister company,,tester,pipeline,,
OUT
run --db "$DB" $NOW opportunity stage 1 propose
printf 'opportunity #1 moved to propose for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW opportunity stage 1 propose
printf 'opportunity #1 was already in propose for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW opportunity amount 1 30000
printf 'opportunity #1 ARR set to 30,000 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW opportunity list --stage propose --account acme --format csv
expect_out_has "1,2026-11-23,propose,upsell,30000.00,2027-01-22,Acme Corporation"
run --db "$DB" --now 2026-12-01 opportunity close 1 --won --reason "Signed at the QBR"
printf 'opportunity #1 won for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW opportunity close 2 --lost
printf 'opportunity #2 lost for Société Générale des Eaux (CRM-002)\n' | expect_out
run --db "$DB" $NOW opportunity list --format csv
printf 'id,created_on,stage,kind,arr,expected_close,account,title,am,sourced_by,forecast_category,closed_on,close_reason\n' | expect_out
run --db "$DB" $NOW opportunity list --stage all --format csv
expect_out_has "1,2026-11-23,won,upsell,30000.00,2027-01-22,Acme Corporation,200 more seats,,tester,closed,2026-12-01,Signed at the QBR"
expect_out_has "2,2026-11-23,lost,referral,0.00,,Société Générale des Eaux,Sister company,,tester,closed,2026-11-23,"

case_ "opportunities: refusals name the option and change nothing"
before=$(dump)
run --db "$DB" $NOW opportunity close 1 --lost
expect_rc 65
printf 'tend: opportunity #1 is closed already (won on 2026-12-01); nothing was changed\n' | expect_err
run --db "$DB" $NOW opportunity stage 1 commit
expect_rc 65
run --db "$DB" $NOW opportunity stage 1 won
expect_rc 64
printf "tend: opportunity: an opportunity is won with 'opportunity close ID --won' (see 'tend help opportunity')\n" | expect_err
run --db "$DB" $NOW opportunity stage 1 pitch
expect_rc 64
printf "tend: opportunity: STAGE: 'pitch' is not qualify, propose or commit (see 'tend help opportunity')\n" | expect_err
run --db "$DB" $NOW opportunity close 1
expect_rc 64
run --db "$DB" $NOW opportunity close 1 --won --lost
expect_rc 64
run --db "$DB" $NOW opportunity amount 1 12,000
expect_rc 64
run --db "$DB" $NOW opportunity amount 1 -5
expect_rc 64
run --db "$DB" $NOW opportunity amount 99 5
expect_rc 66
printf 'tend: no opportunity with id 99\n' | expect_err
run --db "$DB" $NOW opportunity add acme --kind upsel --amount 5 "x"
expect_rc 64
printf "tend: --kind: 'upsel' is not allowed; did you mean 'upsell'?\n" | expect_err
run --db "$DB" $NOW opportunity add acme --kind upsell "x"
expect_rc 64
run --db "$DB" $NOW opportunity add acme --kind upsell --amount 5 --close never "x"
expect_rc 64
run --db "$DB" $NOW opportunity add acme --kind upsell --amount 5 " "
expect_rc 64
printf "tend: opportunity: title: say what the opportunity is (see 'tend help opportunity')\n" | expect_err
run --db "$DB" $NOW opportunity list --stage maybe
expect_rc 64
run --db "$DB" $NOW opportunity stage 1 propose --won
expect_rc 64
check "a refused opportunity verb changed the book" test "$(dump)" = "$before"

case_ "opportunities: every change is one audited action, named for its command"
run --db "$DB" export audit --format csv
expect_out_has ',tester,opportunity add,opportunities,1,insert,,'
expect_out_has ',tester,opportunity stage,opportunities,1,update,'
expect_out_has ',tester,opportunity amount,opportunities,1,update,'
expect_out_has '""arr_cents"":2400050'
expect_out_has ',tester,opportunity close,opportunities,1,update,'
grep -c ',opportunity stage,' "$WORK/out" >"$WORK/n"
check "a stage move to the same stage was audited" test "$(cat "$WORK/n")" -eq 1

case_ "opportunities: --read-only refuses every change (77)"
before=$(dump)
for cmd in "opportunity add acme --kind upsell --amount 1 x" "opportunity stage 2 propose" \
	"opportunity amount 1 5" "opportunity close 1 --won"; do
	run --db "$DB" --read-only $NOW $cmd
	expect_rc 77
	expect_err_has "the book is open read-only"
done
check "a read-only book changed" test "$(dump)" = "$before"
run --db "$DB" --read-only $NOW opportunity list
expect_rc 0

finish
