#!/bin/sh
# edit_work.sh -- changing tasks after they were added: show, edit, snooze
# (and waking up on the day), cancel, reassign, and ticking the checklist a
# playbook created; every refusal changes nothing, every change is audited,
# a read-only book refuses them all.  Risks, touchpoints and opportunities
# are in edit_records.sh.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
PB="--playbooks $DATA/playbooks/edit"
dump() { sqlite3 "$DB" .dump | sha256sum; }

# Two get-well checklists of five items (tasks #1 for Acme and #2 for
# Société Générale, items 1-5 and 6-10), each with a risk.
run --db "$DB" $NOW playbook run $PB --summary
expect_out_has "trouble: 2 matched, 2 fired, 0 already fired"
run --db "$DB" $NOW task add - "Internal sync"
printf 'task #3 added\n' | expect_out

case_ "task show: the task and its checklist"
run --db "$DB" $NOW task show 1
expect_rc 0
expect_out <<'OUT'
task #1 Get-well plan for Acme Corporation
  account     Acme Corporation (CRM-001)
  status      open
  owner       amara
  due         2026-11-30 (in 7 days)
  priority    medium
  kind        lifecycle
  source      playbook:trouble
  created     2026-11-23
checklist 0/5
   1 [ ] Root cause
   2 [ ] Plan agreed with the sponsor
   3 [ ] Owners and dates
   4 [ ] Lead informed
   5 [ ] Forecast reviewed
OUT
run --db "$DB" $NOW task show 3
expect_out <<'OUT'
task #3 Internal sync
  account     internal task
  status      open
  owner       tester
  priority    medium
  kind        activity
  source      manual
  created     2026-11-23
OUT
run --db "$DB" task show 99
expect_rc 66
printf 'tend: no task with id 99\n' | expect_err
run --db "$DB" task show 1 2
expect_rc 64

case_ "tick and untick: by number or id, shown as [n/m] in account show"
run --db "$DB" $NOW task tick 1 1 3
expect_rc 0
printf 'task #1 checklist 2/5: ticked 1, 3 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW task tick 2 7
printf 'task #2 checklist 1/5: ticked 2 for Société Générale des Eaux (CRM-002)\n' | expect_out
run --db "$DB" $NOW task tick 1 3 5
expect_out <<'OUT'
item 3 of task #1 was already ticked
task #1 checklist 3/5: ticked 5 for Acme Corporation (CRM-001)
OUT
run --db "$DB" $NOW task untick 1 5 4
expect_out <<'OUT'
item 4 of task #1 was already unticked
task #1 checklist 2/5: unticked 5 for Acme Corporation (CRM-001)
OUT
run --db "$DB" $NOW task show 1
sed -n '/^checklist/,$p' "$WORK/out" >"$WORK/list"
cat >"$WORK/want" <<'OUT'
checklist 2/5
   1 [x] Root cause
   2 [ ] Plan agreed with the sponsor
   3 [x] Owners and dates
   4 [ ] Lead informed
   5 [ ] Forecast reviewed
OUT
expect_same "task show's checklist" "$WORK/want" "$WORK/list"
run --db "$DB" $NOW account show acme
expect_out_has "  #1 [medium] due 2026-11-30 Get-well plan for Acme Corporation [2/5] -- amara"
run --db "$DB" $NOW account show acme --format json
expect_out_has '"checklist_items": 5,'
expect_out_has '"checklist_done": 2'
run --db "$DB" export task_item --format csv
expect_out_has "1,1,1,Root cause,true"
expect_out_has "7,2,2,Plan agreed with the sponsor,true"
expect_out_has "5,1,5,Forecast reviewed,false"

case_ "tick: an unknown item, a task without a checklist, a bad item: nothing changes"
before=$(dump)
run --db "$DB" task tick 1 2 7
expect_rc 66
printf 'tend: item: task #1 has no item 7 (its items are 1 to 5, or their ids)\n' | expect_err
run --db "$DB" task tick 3 1
expect_rc 66
printf 'tend: item: task #3 has no checklist\n' | expect_err
run --db "$DB" task untick 1 two
expect_rc 64
printf "tend: task: item: 'two' is not an item's number or id (see 'tend help task')\n" | expect_err
run --db "$DB" task tick 1
expect_rc 64
run --db "$DB" task tick 99 1
expect_rc 66
check "a refused tick changed the book" test "$(dump)" = "$before"

case_ "task edit: the fields given, --due none, --notes ''"
run --db "$DB" $NOW task edit 3 --title "Team sync" --due +2d --priority high --kind cadence --notes "Agenda: pipeline"
expect_rc 0
printf 'task #3 edited (internal task)\n' | expect_out
run --db "$DB" $NOW task edit 1 --priority critical
printf 'task #1 edited for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" export task --format csv
expect_out_has "3,,Team sync,cadence,high,tester,2026-11-25,open,,manual,0,2026-11-23,,Agenda: pipeline,"
expect_out_has "1,CRM-001,Get-well plan for Acme Corporation,lifecycle,critical,amara,2026-11-30,open,"
run --db "$DB" $NOW task edit 3 --due none --notes ''
expect_rc 0
run --db "$DB" export task --format csv
expect_out_has "3,,Team sync,cadence,high,tester,,open,,manual,0,2026-11-23,,,"

case_ "task edit: refusals name the option and change nothing"
before=$(dump)
run --db "$DB" task edit 3
expect_rc 64
printf "tend: task: task edit needs something to change: --title, --due, --priority, --kind or --notes (see 'tend help task')\n" | expect_err
run --db "$DB" task edit 3 --title "  "
expect_rc 64
printf "tend: task: --title: say what is to be done (see 'tend help task')\n" | expect_err
run --db "$DB" task edit 3 --priority urgent
expect_rc 64
printf "tend: --priority: 'urgent' is not allowed (one of: low, medium, high, critical)\n" | expect_err
run --db "$DB" task edit 3 --kind renewl
expect_rc 64
printf "tend: --kind: 'renewl' is not allowed; did you mean 'renewal'?\n" | expect_err
run --db "$DB" task edit 3 --due someday
expect_rc 64
printf "tend: --due: 'someday' is not a date between 1900 and 2999 (YYYY-MM-DD, today, tomorrow, +3d, -2w, +1m)\n" | expect_err
run --db "$DB" task edit 3 --until +1d
expect_rc 64
printf "tend: task: task edit does not take --until (see 'tend help task')\n" | expect_err
run --db "$DB" task edit 99 --title x
expect_rc 66
printf 'tend: no task with id 99\n' | expect_err
run --db "$DB" task edit x --title x
expect_rc 64
check "a refused edit changed the book" test "$(dump)" = "$before"

case_ "task snooze: aside until the day, open again from it (--now after the options counts)"
run --db "$DB" task snooze 1 --until +4d --now 2026-11-24
expect_rc 0
printf 'task #1 snoozed until 2026-11-28 for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" --now 2026-11-27 task list --owner amara --format csv
expect_out_has "1,2026-11-30,3,critical,Get-well plan for Acme Corporation,Acme Corporation,amara,snoozed,"
run --db "$DB" --now 2026-11-27 task list --owner amara --status open --format csv
expect_out_lacks "Get-well plan for Acme"
run --db "$DB" --now 2026-11-28 task list --owner amara --status open --format csv
expect_out_has "1,2026-11-30,2,critical,Get-well plan for Acme Corporation,Acme Corporation,amara,open,"
run --db "$DB" --now 2026-11-28 task list --owner amara --status snoozed --format csv
expect_out_lacks "Get-well plan for Acme"
run --db "$DB" --now 2026-11-27 task show 1
expect_out_has "  status      snoozed until 2026-11-28"
run --db "$DB" --now 2026-11-28 account show acme
check "a woken task does not show as open in account show" \
	grep -qx "  #1 \[critical\] due 2026-11-30 Get-well plan for Acme Corporation \[2/5\] -- amara" "$WORK/out"
run --db "$DB" --now 2026-11-27 account show acme
expect_out_has "Get-well plan for Acme Corporation [2/5] -- amara, snoozed"
# Past its due date, a woken task is overdue; still asleep it is not.
run --db "$DB" task snooze 1 --until 2026-12-05
expect_rc 0
run --db "$DB" --now 2026-12-04 task list --owner all --overdue --format csv
expect_out_lacks "Get-well plan for Acme"
run --db "$DB" --now 2026-12-05 task list --owner all --overdue --format csv
expect_out_has "1,2026-11-30,-5,critical,Get-well plan for Acme Corporation"
run --db "$DB" --now 2026-12-04 facts acme --format csv
expect_out_has "overdue_tasks,0,tasks"
run --db "$DB" --now 2026-12-05 facts acme --format csv
expect_out_has "overdue_tasks,1,tasks"
run --db "$DB" export task --format csv
expect_out_has "1,CRM-001,Get-well plan for Acme Corporation,lifecycle,critical,amara,2026-11-30,snoozed,2026-12-05,"

case_ "task snooze: refusals"
before=$(dump)
run --db "$DB" $NOW task snooze 1 --until today
expect_rc 64
printf "tend: task: --until: snooze until a day after today (2026-11-23) (see 'tend help task')\n" | expect_err
run --db "$DB" $NOW task snooze 1
expect_rc 64
printf "tend: task: task snooze needs --until D (see 'tend help task')\n" | expect_err
run --db "$DB" $NOW task snooze 1 2 --until +1d
expect_rc 64
check "a refused snooze changed the book" test "$(dump)" = "$before"

case_ "task reassign: to another user, skipping the ones they own; logins are checked"
run --db "$DB" $NOW task reassign 1 2 --owner bo
expect_rc 0
expect_out <<'OUT'
task #1 reassigned to bo for Acme Corporation (CRM-001)
task #2 reassigned to bo for Société Générale des Eaux (CRM-002)
OUT
run --db "$DB" $NOW task reassign 2 3 --owner me
expect_out <<'OUT'
task #2 reassigned to tester for Société Générale des Eaux (CRM-002)
task #3 was already tester's (internal task)
OUT
before=$(dump)
run --db "$DB" $NOW task reassign 1 --owner amra
expect_rc 67
printf "tend: --owner: no user with login 'amra'; did you mean 'amara'?\n" | expect_err
run --db "$DB" $NOW task reassign 1 --owner zzzzzz
expect_rc 67
printf "tend: --owner: no user with login 'zzzzzz'\n" | expect_err
run --db "$DB" $NOW task reassign 1
expect_rc 64
printf "tend: task: task reassign needs --owner LOGIN (see 'tend help task')\n" | expect_err
check "a refused reassign changed the book" test "$(dump)" = "$before"

case_ "task cancel: with a reason, skipping cancelled ones; a done task refuses the lot"
run --db "$DB" $NOW task add acme "Old follow-up"
printf 'task #4 added for Acme Corporation (CRM-001)\n' | expect_out
run --db "$DB" $NOW task add acme "Finished"
run --db "$DB" $NOW task done 5
run --db "$DB" $NOW task cancel 4 3 --reason "Covered by the get-well plan"
expect_rc 0
expect_out <<'OUT'
task #4 cancelled for Acme Corporation (CRM-001)
task #3 cancelled (internal task)
OUT
run --db "$DB" $NOW task show 4
expect_out_has "  status      cancelled"
expect_out_has "  why         Covered by the get-well plan"
run --db "$DB" export task --format csv
expect_out_has ",cancelled,,manual,0,2026-11-23,,,Covered by the get-well plan"
run --db "$DB" $NOW task cancel 4
printf 'task #4 was already cancelled for Acme Corporation (CRM-001)\n' | expect_out
before=$(dump)
run --db "$DB" $NOW task cancel 1 5
expect_rc 65
printf 'tend: nothing was changed: task #5 is done (on 2026-11-23); a done task cannot be cancelled\n' | expect_err
run --db "$DB" $NOW task cancel 1 99
expect_rc 66
printf 'tend: nothing was changed: no task with id 99\n' | expect_err
run --db "$DB" $NOW task reassign 1 4 --owner amara
expect_rc 65
printf 'tend: nothing was changed: task #4 is cancelled: only open and snoozed tasks are reassigned\n' | expect_err
run --db "$DB" $NOW task snooze 4 --until +1d
expect_rc 65
printf 'tend: task #4 is cancelled: only open and snoozed tasks can be snoozed\n' | expect_err
run --db "$DB" $NOW task cancel 1 --reason ""
expect_rc 64
run --db "$DB" $NOW task cancel
expect_rc 64
check "a refused cancel changed the book" test "$(dump)" = "$before"

case_ "every change is one audited action with the old and new values"
run --db "$DB" export audit --format csv
expect_out_has ',tester,task tick,task_items,1,update,"{""id"":1,""task_id"":1,""position"":1,""text"":""Root cause"",""done"":0}","{""id"":1,""task_id"":1,""position"":1,""text"":""Root cause"",""done"":1}"'
expect_out_has ',tester,task untick,task_items,5,update,'
expect_out_has ',tester,task edit,tasks,3,update,'
expect_out_has '""priority"":""medium"",""owner_id"":1,""due_date"":null'
expect_out_has ',tester,task snooze,tasks,1,update,'
expect_out_has '""status"":""snoozed"",""snoozed_until"":""2026-11-28""'
expect_out_has ',tester,task reassign,tasks,2,update,'
expect_out_has ',tester,task cancel,tasks,4,update,'
expect_out_has '""cancel_reason"":""Covered by the get-well plan""}'
grep -c ',task cancel,' "$WORK/out" >"$WORK/n"
check "task cancel 4 3 wrote other than two audit rows" test "$(cat "$WORK/n")" -eq 2

case_ "--read-only refuses every task change (77) and changes nothing"
before=$(dump)
for cmd in "task edit 1 --title x" "task snooze 1 --until +1d" "task cancel 1" \
	"task reassign 1 --owner amara" "task tick 1 2" "task untick 1 1"; do
	run --db "$DB" --read-only $NOW $cmd
	expect_rc 77
	expect_err_has "the book is open read-only"
done
check "a read-only book changed" test "$(dump)" = "$before"
run --db "$DB" --read-only $NOW task show 1
expect_rc 0

finish
