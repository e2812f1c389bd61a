#!/bin/sh
# edit.sh -- editing in the interface: e opens a record's form on its
# values and writes only what changed; t marks heatmap rows and e changes
# them all in one change that u takes back; Enter on a task opens its full
# text and actions; Space ticks a checklist item.  The status line names
# the change and its account, every pane shows it at once, and each write
# is checked with the CLI.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book
"$TEND" --db "$DB" $NOW playbook run >/dev/null 2>"$WORK/err" || fail "playbook run: $(cat "$WORK/err")"

# The first open task with a checklist, its account and the first item.
"$TEND" --db "$DB" $NOW export task --format csv >"$WORK/tasks"
"$TEND" --db "$DB" $NOW export task_item --format csv >"$WORK/items"
TASK=$(awk -F, 'NR == FNR { if ($8 == "open") open[$1] = 1; next }
	FNR > 1 && ($2 in open) { print $2; exit }' "$WORK/tasks" "$WORK/items")
EXT=$(awk -F, -v t="$TASK" '$1 == t { print $2 }' "$WORK/tasks")
[ -n "$TASK" ] && [ -n "$EXT" ] || { fail "the demo book has no checklist after a playbook run"; finish; }
NAME=$("$TEND" --db "$DB" $NOW accounts --format csv | awk -F, -v e="$EXT" '$2 == e { print $3 }')

# row_of TEXT DUMP: the screen row (1-based) of the first line with TEXT.
row_of() {
	grep -nF -- "$1" "$2" | head -n 1 | cut -d: -f1
}

# downs N: N presses of j, for a key line.
downs() {
	awk -v n="$1" 'BEGIN { while (n-- > 0) printf "j" }'
}

# The 360 of the account, whole, to find its lines: the pane's first line
# is the screen's row 3, where the cursor starts.
screen -s 100x120 <<EOF
wait 1/546
key :account $EXT<Enter>
wait Signals
dump $WORK/page
key Q
expect-exit 0
EOF
TASK_ROW=$(row_of "#$TASK " "$WORK/page")
# Its first item not ticked yet (the demo's playbooks tick some).
ITEM_ROW=$(awk -v t="${TASK_ROW:-0}" 'NR > t && /^ *\[ \] [0-9]+\. / { print NR; exit }' "$WORK/page")
ITEM=$(sed -n "${ITEM_ROW:-0}p" "$WORK/page" | sed 's/^ *\[ \] \([0-9]*\)\..*/\1/')
[ -n "$ITEM_ROW" ] && [ -n "$TASK_ROW" ] || { fail "the 360 lacks task #$TASK and its checklist:
$(cat "$WORK/page")"; finish; }

case_ "Space ticks a checklist item and says so; again unticks it"
screen -s 100x120 <<EOF
wait 1/546
key :account $EXT<Enter>
wait Signals
key $(downs $((ITEM_ROW - 3)))
key <Space>
wait : ticked $ITEM for
dump $WORK/ticked
key <Space>
wait : unticked $ITEM for
key Q
expect-exit 0
EOF
screen_has "[x] $ITEM. " "$WORK/ticked"
screen_has ": ticked $ITEM for $NAME ($EXT)" "$WORK/ticked"
"$TEND" --db "$DB" $NOW task show "$TASK" >"$WORK/show"
check "the item is ticked in the book after Space twice: $(cat "$WORK/show")" \
	grep -q "^ *$ITEM \[ \] " "$WORK/show"

case_ "Enter on a task shows its checklist and actions; d marks it done"
screen -s 100x120 <<EOF
wait 1/546
key :account $EXT<Enter>
wait Signals
key $(downs $((TASK_ROW - 3)))
key <Enter>
wait Task #$TASK
dump $WORK/detail
key d
wait task #$TASK done
dump $WORK/done
key Q
expect-exit 0
EOF
screen_has "d  mark it done" "$WORK/detail"
screen_has "s  snooze it until a day" "$WORK/detail"
screen_has "[ ] $ITEM. " "$WORK/detail"
check_not "task #$TASK is still listed after d: $(grep -F "#$TASK " "$WORK/done")" \
	grep -q "^ *#$TASK " "$WORK/done"
"$TEND" --db "$DB" $NOW task show "$TASK" >"$WORK/show"
check "task #$TASK is not done in the book: $(cat "$WORK/show")" grep -q "^  status *done" "$WORK/show"

case_ "e in the heatmap edits the account; a bad value keeps the form open"
screen <<EOF
wait 1/546
key e
wait Edit
key <Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>
key <C-u>abc
key <Enter>
wait seats: a number of licensed seats
dump $WORK/bad
key <BS><BS><BS>250
key <Tab>+fieldtest
key <Enter>
wait seats
dump $WORK/saved
key Q
expect-exit 0
EOF
screen_has "seats: a number of licensed seats, 1 or more" "$WORK/bad"
screen_has "Sterling Point Robotics Ltd (CRM-000029): seats 114 -> 250, tags +fieldtest" "$WORK/saved"
"$TEND" --db "$DB" $NOW accounts --tag fieldtest --format csv >"$WORK/tagged"
check "not one account tagged: $(cat "$WORK/tagged")" test "$(wc -l <"$WORK/tagged")" -eq 2
first=$(awk -F, 'NR == 2 { print $2 }' "$WORK/tagged")
"$TEND" --db "$DB" $NOW export account --format csv >"$WORK/accounts"
check "$first has not 250 seats: $(grep "^[0-9]*,$first," "$WORK/accounts")" \
	grep -q "^[0-9]*,$first,.*,250," "$WORK/accounts"

case_ "t marks rows, e changes them all in one change, u takes it back"
# 100 columns: at 80 the tab line cuts the description short of "3 marked".
screen -s 100x24 <<EOF
wait 1/546
key ttt
wait 3 marked
key e
wait Change 3 marked accounts
key kwame.mensah
key <Tab><Tab><Tab><Tab><Tab><Tab><Tab>+bulktest
key <Enter>
wait 3 marked accounts changed
dump $WORK/bulk
key u
wait undid 'account set'
dump $WORK/undone
key Q
expect-exit 0
EOF
screen_has "3 marked accounts changed, 0 already so" "$WORK/bulk"
screen_has "(6 rows, 3 accounts)" "$WORK/undone"
"$TEND" --db "$DB" $NOW accounts --tag bulktest --format csv >"$WORK/tagged"
check "undo left tagged accounts: $(cat "$WORK/tagged")" test "$(wc -l <"$WORK/tagged")" -eq 1

case_ "an edit moves the account to its place in the sort, and u moves it back"
# By owner (s four times: name, ARR, renewal, owner): the first row
# is aiko.tanaka's first account by name; given to priya.raman it goes to
# its place among hers, the cursor with it, and the undo brings it back to
# the top -- each by moving the one row, not by sorting the book again.
FIRST=$(sqlite3 "$DB" "SELECT a.name FROM accounts a JOIN users u ON u.id = a.owner_id
	WHERE a.stage <> 'churned' ORDER BY u.login, a.name COLLATE NOCASE, a.id LIMIT 1")
RANK=$(sqlite3 "$DB" "SELECT count(*) + 1 FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
	WHERE a.stage <> 'churned' AND a.name <> '$(printf %s "$FIRST" | sed "s/'/''/g")'
	AND (coalesce(u.login, 'pooled') < 'priya.raman' OR (coalesce(u.login, 'pooled') = 'priya.raman'
	AND a.name < '$(printf %s "$FIRST" | sed "s/'/''/g")' COLLATE NOCASE))")
TOTAL=$(sqlite3 "$DB" "SELECT count(*) FROM accounts WHERE stage <> 'churned'")
# As the team's lead (reassigning is a lead's), who lands on the Team pane.
(TEND_USER=ingrid.halvorsen; export TEND_USER; screen -s 100x24 <<EOF
wait 12 months
key 1
wait 1/$TOTAL
key ssss
wait by owner
key e
wait Edit
key <C-u>priya.raman<Enter>
wait -> priya.raman
dump $WORK/moved
key u
wait undid
dump $WORK/back
key Q
expect-exit 0
EOF
)
screen_has "by owner, $RANK/$TOTAL" "$WORK/moved"
check "the moved account is not under the cursor" grep -qF "▶ $(printf %s "$FIRST" | cut -c1-12)" "$WORK/moved"
screen_has "by owner, 1/$TOTAL" "$WORK/back"
check "the account is not back at the top" grep -qF "▶ $(printf %s "$FIRST" | cut -c1-12)" "$WORK/back"

case_ "an account's name reaches the tab line and the status line inert"
printf 'external_id,name,segment\nCRM-BIDI,"Acme \342\200\256exe.txt\033[2J",smb\n' >"$WORK/bidi.csv"
"$TEND" --db "$DB" $NOW import account "$WORK/bidi.csv" >/dev/null 2>"$WORK/err" ||
	fail "import of the hostile name: $(cat "$WORK/err")"
screen <<EOF
wait 1/547
key :account CRM-BIDI<Enter>
wait Signals
key e
wait Edit
key <Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>+inert
key <Enter>
wait tags +inert
dump $WORK/bidi
key Q
expect-exit 0
EOF
screen_has "(CRM-BIDI): tags +inert" "$WORK/bidi"
screen_has "Acme \\u202eexe.txt" "$WORK/bidi"
check_not "a raw U+202E reached the terminal" grep -q "$(printf '\342\200\256')" "$RAW"
check_not "a raw ESC [2J from the data reached the terminal" grep -qF "txt$(printf '\033[2J')" "$RAW"

finish
