#!/bin/sh
# watch.sh -- sessions that see each other (issue 16): while the interface
# is open, another tend process writes to the book; within about a second
# the interface shows the change without a key pressed, the selection
# still on the account it was on.
. "$TEST_SRCDIR/tests/ui/lib.sh"
make_book
printf 'external_id,name,segment\nCRM-900,Zeta Remote Co,smb\n' >"$WORK/new.csv"

# The script is fed as it runs: the other session writes only once the
# interface has drawn its first screen (the dump file exists).
feed() {
	printf 'wait Acme Corporation\nkey jj\nsettle\ndump %s\n' "$WORK/before"
	i=0
	while [ ! -s "$WORK/before" ] && [ "$i" -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	"$TEND" --db "$DB" $NOW import account "$WORK/new.csv" >/dev/null 2>&1 ||
		echo "# the other session could not write"
	printf 'timeout 1500\nwait Zeta Remote Co\nsettle\ndump\nkey q\nexpect-exit 0\n'
}

case_ "another session's import appears within a second, the selection kept"
feed | screen
screen_has "Zeta Remote Co"
screen_lacks "Zeta Remote Co" "$WORK/before"
sel_before=$(grep '▶' "$WORK/before" | cut -c3-22)
sel_after=$(grep '▶' "$SCREEN" | cut -c3-22)
check "a row is selected" [ -n "$sel_before" ]
check "the selection stays on '$sel_before' (now '$sel_after')" [ "$sel_before" = "$sel_after" ]
finish
