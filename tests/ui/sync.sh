#!/bin/sh
# sync.sh -- the Sync pane (issue 17): a field copy's conflicts shown to a
# person and resolved there, mine, theirs or a value typed in, each landing
# on the team book; the header's count of them and of the changes waiting
# to be synced; hostile text in a conflict inert on the screen.
. "$TEST_SRCDIR/tests/ui/lib.sh"
"$TEND" --db team.db $NOW demo --accounts 60 --csms 3 --weeks 1 >/dev/null
"$TEND" --db "$DB" $NOW sync clone team.db >/dev/null || fail "cannot clone"
q() { sqlite3 "$1" "$2"; }
A=$(q team.db "SELECT a.external_id FROM accounts a JOIN users u ON u.id = a.owner_id
	WHERE u.login = 'priya.raman' ORDER BY a.id LIMIT 1")
B=$(q team.db "SELECT a.external_id FROM accounts a JOIN users u ON u.id = a.owner_id
	WHERE u.login = 'priya.raman' ORDER BY a.id LIMIT 1 OFFSET 1")
# Two conflicts: seats on A, notes on B (hostile on the copy's side).
"$TEND" --db "$DB" $NOW account set "$A" --seats 31 >/dev/null
"$TEND" --db team.db $NOW account set "$A" --seats 32 >/dev/null
"$TEND" --db "$DB" $NOW account set "$B" --notes "$(printf 'copy\033[31mRED\007')" >/dev/null
"$TEND" --db team.db $NOW account set "$B" --notes "from the office" >/dev/null
"$TEND" --db "$DB" $NOW sync >/dev/null || fail "cannot sync"
"$TEND" --db "$DB" $NOW log "$A" "Not pushed yet" >/dev/null

case_ "the Sync pane lists the conflicts; the header counts them and what waits to go up"
screen -s 100x24 <<EOF
wait offline copy
key 8
wait seats,
dump $WORK/list
key Q
expect-exit 0
EOF
check "the header lacks the changes not synced: $(screen_row 1 "$WORK/list")" \
	row_greps 1 "$WORK/list" -F "offline copy, 1 change not synced"
check "the header lacks the conflicts: $(screen_row 1 "$WORK/list")" \
	row_greps 1 "$WORK/list" -F "conflicts 2"
screen_has "31" "$WORK/list"
screen_has "32" "$WORK/list"
screen_has "RED" "$WORK/list"
check_not "an escape reached the terminal" grep -q "$(printf '\033\\[31m')RED" "$RAW"
check_not "a bell reached the terminal" grep -q "$(printf '\007')" "$RAW"

case_ "Enter on one shows it; m writes the copy's value on the team book"
screen -s 100x24 <<EOF
wait offline copy
key 8
wait seats,
key <Enter>
wait mine: write the copy's value
dump $WORK/detail
key m
wait resolved: mine
dump $WORK/after
key Q
expect-exit 0
EOF
screen_has "before: " "$WORK/detail"
screen_has "theirs, on the team book" "$WORK/detail"
check "m left the team's seats" [ "$(q team.db "SELECT licensed_seats FROM accounts WHERE external_id = '$A'")" = 31 ]
check "the header still counts two: $(screen_row 1 "$WORK/after")" row_greps 1 "$WORK/after" -F "conflicts 1"

case_ "e resolves with a value typed in; a resolved one is not listed, a all shows it"
screen -s 100x24 <<EOF
wait offline copy
key 8
wait notes,
key <Enter>
wait edit: write a value of your own
key e
wait Resolve with a value
key <C-u>agreed on the call<Enter>
wait resolved with the value given
dump $WORK/edited
key a
wait all,
dump $WORK/all
key Q
expect-exit 0
EOF
check "the value typed in is not on the team book" \
	[ "$(q team.db "SELECT notes FROM accounts WHERE external_id = '$B'")" = "agreed on the call" ]
screen_has "No open sync conflicts" "$WORK/edited"
screen_has "seats, " "$WORK/all"
check "the header still has a conflict count: $(screen_row 1 "$WORK/edited")" \
	row_greps 1 "$WORK/edited" -v -F "conflicts"
run --db team.db $NOW audit --account "$B"
expect_out_has "sync resolve #"

finish
