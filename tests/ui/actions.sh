#!/bin/sh
# actions.sh -- the account pane's quick actions write to the book: L logs
# a touchpoint, T adds a task, D marks the selected task done, N adds a
# note; the forms refuse bad input with a message and write nothing, and
# Esc cancels.  Every write is checked with the CLI (export, task list).
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

ACCOUNT="Hollow Leaf Telecom"
EXT=$("$TEND" --db "$DB" $NOW accounts --format csv | grep ",$ACCOUNT," | cut -d, -f2)
[ -n "$EXT" ] || { fail "the demo book has no '$ACCOUNT'"; finish; }

# lines ENTITY: how many rows the book has of ENTITY.
lines() {
	"$TEND" --db "$DB" $NOW export "$1" | wc -l
}

# has_line FILE TEXT [SHOW]: FILE has TEXT (a fixed string); a failure shows
# the lines of FILE with SHOW.
has_line() {
	check "$(basename "$1") lacks '$2':
$(grep -F "$3" "$1")" grep -qF -- "$2" "$1"
}

case_ "L logs a touchpoint with every field of the form"
screen -s 100x60 <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key L
wait Log a touchpoint
dump $WORK/form
key <Right>
key <Tab><BS><BS><BS><BS><BS>-3d
key <Tab>Reviewed the zanzibar rollout plan
key <Tab>45
key <Tab><Right><Right><Right><Right>
key <Tab><Right>
key <Enter>
wait logged meeting #
dump $WORK/after
key q
settle
key q
expect-exit 0
EOF
for label in kind date summary minutes sentiment reactive with; do
	check "the form lacks the field '$label':
$(cat "$WORK/form")" grep -q "│ $label  " "$WORK/form"
done
"$TEND" --db "$DB" $NOW export touchpoint >"$WORK/tp"
id=$(sed -n 's/.*logged meeting #\([0-9]*\).*/\1/p' "$WORK/after")
has_line "$WORK/tp" "$id,$EXT,2026-11-20,meeting,45,4,false,Reviewed the zanzibar rollout plan," zanzibar
screen_has "2026-11-20 meeting         (reactive) Reviewed the zanzibar rollout plan" "$WORK/after"
grep "zanzibar" "$WORK/tp" | grep -q ",priya.raman," || fail "the touchpoint's author is not the user"

case_ "the log form refuses a bad date and bad minutes, keeps what was typed; Esc writes nothing"
before=$(lines touchpoint)
screen <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key L
wait Log a touchpoint
key <Tab><BS><BS><BS><BS><BS>2026-02-30
key <Tab>Should never be saved
key <Enter>
wait date: YYYY-MM-DD, today, yesterday or -3d
dump $WORK/bad-date
key <Up><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>2026-11-01
key <Tab><Tab>abc
key <Enter>
wait duration: a number of minutes
dump $WORK/bad-minutes
key <Esc>
settle
wait-gone Log a touchpoint
key q
settle
key q
expect-exit 0
EOF
screen_has "Should never be saved" "$WORK/bad-date"
screen_has "2026-11-01" "$WORK/bad-minutes"
check "a refused or cancelled form wrote a touchpoint" test "$(lines touchpoint)" -eq "$before"
run --db "$DB" export touchpoint
check_not "the cancelled touchpoint is in the book" grep -q "Should never be saved" "$WORK/out"

case_ "T refuses an empty title and a bad due date, then adds the task"
before=$(lines task)
screen -s 100x60 <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key T
wait Add a task
dump $WORK/form
key <Enter>
wait say what is to be done
key Send the zanzibar deck<Tab><BS><BS><BS>someday<Enter>
wait due: YYYY-MM-DD, tomorrow, +7d, +2w
key <BS><BS><BS><BS><BS><BS><BS>+7d<Tab><Right>
key <Enter>
wait task #
dump $WORK/after
key q
settle
key q
expect-exit 0
EOF
check "the owner is not the user by default:
$(cat "$WORK/form")" grep -q '│ owner  *priya.raman ' "$WORK/form"
check "not exactly one task was added" test "$(lines task)" -eq $((before + 1))
id=$(sed -n 's/.*task #\([0-9]*\) added.*/\1/p' "$WORK/after")
"$TEND" --db "$DB" $NOW export task >"$WORK/tasks"
has_line "$WORK/tasks" "$id,$EXT,Send the zanzibar deck,activity,high,priya.raman,2026-11-30,open," zanzibar
check "the new task is not on the page:
$(cat "$WORK/after")" grep -q "#$id high     2026-11-30  Send the zanzibar deck" "$WORK/after"

case_ "D marks the selected task done (and only on a task line)"
# The page at 100x60 holds the whole account: the task's row gives the
# number of j presses from the top.
row=$(grep -n "#$id high " "$WORK/after" | cut -d: -f1)
[ -n "$row" ] || { fail "no row for task #$id"; finish; }
js=$(printf 'j%.0s' $(seq $((row - 3))))
screen -s 100x60 <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key D
wait select a task line first
key $js
wait ▶   #$id high
dump $WORK/selected
key D
wait task #$id done
dump $WORK/done
key q
settle
key q
expect-exit 0
EOF
check "the cursor is not on task #$id:
$(cat "$WORK/selected")" grep -q "^▶ .*#$id high " "$WORK/selected"
"$TEND" --db "$DB" $NOW export task >"$WORK/tasks"
has_line "$WORK/tasks" "$id,$EXT,Send the zanzibar deck,activity,high,priya.raman,2026-11-30,done," zanzibar
grep zanzibar "$WORK/tasks" | grep -q ',2026-11-23,' || fail "the task is not done today"
screen_lacks "#$id high" "$WORK/done"
"$TEND" --db "$DB" $NOW task list --account "$ACCOUNT" --owner all >"$WORK/open"
screen_lacks "zanzibar" "$WORK/open"

case_ "N adds a note: the text first, an empty note refused"
before=$(lines touchpoint)
screen -s 100x60 <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key N
wait Add a note
dump $WORK/form
key <Enter>
wait write the note
key Budget owner changes in January
key <Enter>
wait logged note #
dump $WORK/after
key q
settle
key q
expect-exit 0
EOF
# The note form has its text and date, the text first (the typing goes there).
sed -n 's/.*│ \(note\|date\|kind\)  .*/\1/p' "$WORK/form" | tr '\n' ' ' | grep -qx 'note date ' ||
	fail "the note form is not note, date:
$(cat "$WORK/form")"
check "not exactly one touchpoint was added" test "$(lines touchpoint)" -eq $((before + 1))
id=$(sed -n 's/.*logged note #\([0-9]*\).*/\1/p' "$WORK/after")
"$TEND" --db "$DB" $NOW export touchpoint >"$WORK/tp"
has_line "$WORK/tp" "$id,$EXT,2026-11-23,note,,,true,Budget owner changes in January," January
screen_has "2026-11-23 note            Budget owner changes in January" "$WORK/after"

case_ "Esc cancels the task and note forms without writing"
tasks=$(lines task) tps=$(lines touchpoint)
screen <<EOF
wait 1/546
key :account $ACCOUNT<Enter>
wait L log  T task
key T
wait Add a task
key Never written
key <Esc>
settle
wait-gone Add a task
key N
wait Add a note
key Never written either
key <Esc>
settle
wait-gone Add a note
key q
settle
key q
expect-exit 0
EOF
[ "$(lines task)" -eq "$tasks" ] && [ "$(lines touchpoint)" -eq "$tps" ] || fail "a cancelled form wrote to the book"

case_ "the 360 view shows health as tend health explain does, the override in force first"
run --db "$DB" health explain "$EXT"
overall=$(sed -n 's/^  overall     \([0-9.]*\) of.*/\1/p' "$WORK/out")
check "no overall score from health explain: $(cat "$WORK/out")" test -n "$overall"
points=$(sed -n 's/^  License utilization .* \([0-9.]*\)  .*$/\1/p' "$WORK/out")
run --db "$DB" health override "$EXT" --band green --reason "exec sponsor back" --until +30d
expect_rc 0
screen <<EOF
wait 1/546
key :account $EXT\r
wait Signals
dump $WORK/override
key Q
expect-exit 0
EOF
screen_has " G $overall  green by override until 2026-12-23 (computed " "$WORK/override"
check "the license measure's points differ from health explain ($points):
$(cat "$WORK/override")" grep -q "License utilization .*, $points points" "$WORK/override"

case_ "u takes back the last change, then the one before; refused when someone changed it since"
# What the next two undos take back, as tend undo list says.
run --db "$DB" undo list 2 --format csv
first=$(sed -n 2p "$WORK/out" | cut -d, -f3)
second=$(sed -n 3p "$WORK/out" | cut -d, -f3)
check "the last change is not the override: $(cat "$WORK/out")" test "$first" = "health override"
check "no second change to undo: $(cat "$WORK/out")" test -n "$second"
screen -s 100x60 <<EOF
wait 1/546
key u
wait undid 'health override' on $ACCOUNT (1 row)
dump $WORK/undo1
key u
wait undid '$second'
key :account $ACCOUNT<Enter>
wait Signals
dump $WORK/reopened
key Q
expect-exit 0
EOF
screen_lacks "green by override" "$WORK/reopened"
run --db "$DB" undo list 1 --format csv
check_not "the second u did not take back '$second'" grep -q ",$second," "$WORK/out"
# A task of mine that someone else has done since: u cannot take it back.
run --db "$DB" task add "$EXT" "Book the onsite"
expect_rc 0
tid=$(sed -n 's/^task #\([0-9]*\) added.*/\1/p' "$WORK/out")
TEND_USER=ingrid.halvorsen TEND_CLOCK=2026-11-23T11:00:00Z run --db "$DB" task done "$tid"
expect_rc 0
screen -s 160x30 <<EOF
wait 1/546
key u
wait cannot undo
dump $WORK/refused
key Q
expect-exit 0
EOF
screen_has "cannot undo 'task add' of 2026-11-23T09:30:00Z: tasks #$tid was changed since by ingrid.halvorsen ('task done', 2026-11-23T11:00:00Z)" "$WORK/refused"
run --db "$DB" export task --format csv
check "the refused undo removed the task" grep -q "^$tid,$EXT,Book the onsite," "$WORK/out"

finish
