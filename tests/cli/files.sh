#!/bin/sh
# files.sh -- the book's file (issue 16): tend backup through SQLite's
# online backup API, a world-writable book refused with the command that
# fixes it, and a team book given to its Unix group by init --team-group.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "backup: a consistent private copy, never over a file"
run --db "$DB" backup "$WORK/copy.db"
expect_rc 0
expect_out <<OUT
backed up $DB to $WORK/copy.db
OUT
check "the copy is 0600" [ "$(stat -c %a "$WORK/copy.db")" = 600 ]
"$TEND" --db "$DB" $NOW accounts --format csv >"$WORK/a"
"$TEND" --db "$WORK/copy.db" $NOW accounts --format csv >"$WORK/b"
expect_same "the copy has the book's accounts" "$WORK/a" "$WORK/b"
run --db "$DB" backup "$WORK/copy.db"
expect_rc 73
expect_err_has "(a backup never replaces a file)"
run --db "$DB" --read-only backup "$WORK/ro.db"
expect_rc 0
run --db "$DB" backup
expect_rc 64
run --db "$WORK/none.db" backup "$WORK/x.db"
expect_rc 66
check_not "no copy of a missing book" test -e "$WORK/x.db"

case_ "backup while another session writes"
i=0
while [ "$i" -lt 20 ]; do
	"$TEND" --db "$DB" $NOW log acme "call $i" >/dev/null || echo "write $i failed" >>"$WORK/w"
	i=$((i + 1))
done &
writer=$!
run --db "$DB" backup "$WORK/busy.db"
expect_rc 0
wait "$writer"
check_not "every write during the backup succeeded" test -s "$WORK/w"
run --db "$WORK/busy.db" $NOW accounts --format csv
expect_rc 0

case_ "a world-writable book is refused with the fix"
cp "$DB" "$WORK/open.db"
chmod 0666 "$WORK/open.db"
run --db "$WORK/open.db" $NOW accounts
expect_rc 77
expect_err <<ERR
tend: $WORK/open.db is writable by every login on this machine, so anyone could change it: fix it with 'chmod o-w $WORK/open.db' (a team's book is shared through its group: man tend, ROLES AND SHARED BOOKS)
ERR
chmod o-w "$WORK/open.db"
run --db "$WORK/open.db" $NOW accounts
expect_rc 0

case_ "init --team-group: the group's book, 0660"
# Root can give a file to any group: a group it is not in tests the change.
group=$(id -gn)
[ "$(id -u)" -eq 0 ] && getent group daemon >/dev/null && group=daemon
mkdir -m 2770 "$WORK/team"
run --db "$WORK/team/team.db" init --team-group "$group"
expect_rc 0
check "the book is 0660" [ "$(stat -c %a "$WORK/team/team.db")" = 660 ]
check "the book is the group's" [ "$(stat -c %G "$WORK/team/team.db")" = "$group" ]
run --db "$WORK/team/other.db" init --team-group no-such-group-here
expect_rc 64
expect_err_has "--team-group: no group 'no-such-group-here' on this machine"
check_not "nothing created for a bad group" test -e "$WORK/team/other.db"
finish
