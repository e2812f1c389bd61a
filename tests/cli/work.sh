#!/bin/sh
# work.sh -- the daily writes: log a touchpoint, add, list and complete tasks;
# every change is one audited action.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "log a meeting with attendees"
run --db "$DB" $NOW log acme "Kickoff with Dana" --kind meeting --with dana@acme.test --duration 45 --sentiment 4
expect_rc 0
printf 'logged meeting #1 on 2026-11-23 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW log CRM-005 -m "Customer called about invoices" --reactive --date yesterday
printf 'logged call #2 on 2026-11-22 for Tiny Pooled Co (CRM-005)\n' | expect_out
run --db "$DB" export touchpoint
expect_out <<'OUT'
id,account,date,kind,duration_min,sentiment,proactive,summary,follow_ups,situation,pain,impact,critical_event,decision,author,attendees
1,CRM-001,2026-11-23,meeting,45,4,true,Kickoff with Dana,,,,,,,tester,dana@acme.test
2,CRM-005,2026-11-22,call,,,false,Customer called about invoices,,,,,,,tester,
OUT
run --db "$DB" $NOW account show acme
expect_out_has "  exec touch       today"
expect_out_has "  Dana Whitfield [exec] -- CFO; roles economic_buyer;executive_sponsor; last touch today"

case_ "log: mistakes are refused and write nothing"
run --db "$DB" $NOW log acme "x" --kind lunch
expect_rc 64
printf "tend: --kind: 'lunch' is not allowed (one of: call, meeting, email, qbr, ebr, onsite, webinar, internal_review, note)\n" | expect_err
run --db "$DB" $NOW log acme "x" --with nobody@acme.test
expect_rc 64
printf "tend: --with: unknown contact 'nobody@acme.test' in this account\n" | expect_err
run --db "$DB" $NOW log acme "x" --sentiment 9
expect_rc 64
run --db "$DB" export touchpoint --format csv
check "a refused log wrote a touchpoint" test "$(wc -l <"$WORK/out")" -eq 3

case_ "tasks: add, list (mine by default), done"
run --db "$DB" $NOW task add acme "Send the QBR deck" --due +7d --priority high --kind cadence
printf 'task #1 added for Acme Corporation (CRM-001), due 2026-11-30\n' | expect_out
run --db "$DB" $NOW task add soc "Renewal quote" --due 2026-11-20 --owner amara --kind renewal
printf 'task #2 added for Société Générale des Eaux (CRM-002), due 2026-11-20\n' | expect_out
run --db "$DB" $NOW task add - "Team pipeline review"
printf 'task #3 added\n' | expect_out
run --db "$DB" $NOW task list
expect_out <<'OUT'
ID  DUE         DAYS  PRIORITY  TITLE                 ACCOUNT           OWNER   STATUS  KIND      SOURCE
 1  2026-11-30     7  high      Send the QBR deck     Acme Corporation  tester  open    cadence   manual
 3                    medium    Team pipeline review                    tester  open    activity  manual
OUT
run --db "$DB" $NOW task list --owner all --overdue --format csv
expect_out <<'OUT'
id,due_date,days_left,priority,title,account,owner,status,kind,source
2,2026-11-20,-3,medium,Renewal quote,Société Générale des Eaux,amara,open,renewal,manual
OUT
run --db "$DB" $NOW task done 1 3
printf '2 tasks done\n' | expect_out
run --db "$DB" $NOW task list --status done --owner all --format csv
expect_out <<'OUT'
id,due_date,days_left,priority,title,account,owner,status,kind,source
1,2026-11-30,7,high,Send the QBR deck,Acme Corporation,tester,done,cadence,manual
3,,,medium,Team pipeline review,,tester,done,activity,manual
OUT

case_ "task done twice keeps the first completion date"
run --db "$DB" --now 2026-11-30 task done 1
expect_rc 0
printf 'task #1 was already done\n0 tasks done\n' | expect_out
run --db "$DB" task list --status done --owner all --format csv
expect_out_has "1,2026-11-30,7,high,Send the QBR deck"
run --db "$DB" export task
expect_out_has "1,CRM-001,Send the QBR deck,cadence,high,tester,2026-11-30,done,,manual,0,2026-11-23,2026-11-23,"

case_ "task done: one missing id and nothing changes"
run --db "$DB" $NOW task done 2 99
expect_rc 66
printf 'tend: nothing was changed: no task with id 99\n' | expect_err
run --db "$DB" $NOW task list --owner amara --format csv
expect_out_has "2,2026-11-20,-3,medium,Renewal quote"
run --db "$DB" task done abc
expect_rc 64
run --db "$DB" task add acme
expect_rc 64
run --db "$DB" task frob
expect_rc 64

case_ "every change is in the audit log with who, what and the values"
run --db "$DB" export audit --format csv
expect_out_has '2026-11-23T09:30:00Z,tester,task done,tasks,1,update,'
expect_out_has '"{""id"":1,""account_id"":1,""title"":""Send the QBR deck"",""kind"":""cadence"",""priority"":""high"",""owner_id"":1,""due_date"":""2026-11-30"",""status"":""done""'
expect_out_has '2026-11-23T09:30:00Z,tester,log,touchpoints,1,insert,,'
# List fields follow the columns, as arrays: the attendees by contact id.
expect_out_has '""author_id"":1,""attendees"":[1]}'

case_ "the audit log records when the change happened, whatever --now says"
TEND_CLOCK=2027-03-04T05:06:07Z run --db "$DB" --now 2026-11-23 log acme "Late call"
expect_rc 0
run --db "$DB" export audit --format csv
expect_out_has '2027-03-04T05:06:07Z,tester,log,touchpoints,3,insert,,'
expect_out_has '""date"":""2026-11-23"",""kind"":""call""'

case_ "a snoozed task is open again from the day its snooze ends; nothing is written"
printf 'id,account,title,owner,due_date,status,snoozed_until\n10,CRM-001,Chase the PO,amara,2026-11-20,snoozed,2026-11-25\n' >"$WORK/snoozed.csv"
run --db "$DB" $NOW import task "$WORK/snoozed.csv"
expect_rc 0
run --db "$DB" --now 2026-11-24 task list --owner amara --format csv
expect_out_has "10,2026-11-20,-4,medium,Chase the PO,Acme Corporation,amara,snoozed,"
run --db "$DB" --now 2026-11-24 task list --owner amara --overdue --format csv
expect_out_lacks "Chase the PO"
run --db "$DB" --now 2026-11-24 facts acme --format csv
expect_out_has "overdue_tasks,0,tasks"
run --db "$DB" --now 2026-11-25 --read-only task list --owner amara --overdue --format csv
expect_out_has "10,2026-11-20,-5,medium,Chase the PO,Acme Corporation,amara,open,"
run --db "$DB" --now 2026-11-25 facts acme --format csv
expect_out_has "overdue_tasks,1,tasks"
run --db "$DB" --now 2026-11-25 account show acme
check "account show does not show the woken task as open" \
	grep -qx "  #10 \[medium\] due 2026-11-20 (OVERDUE) Chase the PO -- amara" "$WORK/out"
run --db "$DB" export task --format csv
expect_out_has "10,CRM-001,Chase the PO,activity,medium,amara,2026-11-20,snoozed,2026-11-25,"

case_ "account show: a task's checklist progress"
printf 'task,position,text,done\n10,1,Ask procurement,true\n10,2,Get the PO number,false\n' >"$WORK/items.csv"
run --db "$DB" $NOW import task_item "$WORK/items.csv"
expect_rc 0
run --db "$DB" --now 2026-11-25 account show acme
expect_out_has "  #10 [medium] due 2026-11-20 (OVERDUE) Chase the PO [1/2] -- amara"
run --db "$DB" --now 2026-11-25 account show acme --format json
expect_out_has '"checklist_items": 2,'
expect_out_has '"checklist_done": 1'

finish
