#!/bin/sh
# faults.sh -- a book that cannot be written is still read: on a full disk,
# as a file or in a directory this login may not write, every read works
# (SQLite opens it read-only, immutable when no write-ahead log needs
# reading) and every write is refused with the file, the reason and what to
# do, changing nothing; --read-only works there too.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
"$TEND" --db "$DB" $NOW task add CRM-001 "Send the deck" --due +2d >/dev/null || fail "task add"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
accounts=$(sqlite3 "$DB" "SELECT count(*) FROM accounts")

# reads_work: the last run (a book that cannot be written) still read.
reads_work() {
	expect_rc 0
	check "$1: all $accounts accounts listed" test "$(grep -c 'CRM-' "$WORK/out")" = "$accounts"
}

case_ "a full disk: reads work, a write says the disk is full (74) and changes nothing"
if unshare -rm true 2>/dev/null; then
	cat >"$WORK/full.sh" <<EOF
mkdir -p "$WORK/mnt" && mount -t tmpfs -o size=4m tmpfs "$WORK/mnt" || exit 99
cp "$DB" "$WORK/mnt/b.db" || exit 99
dd if=/dev/zero of="$WORK/mnt/fill" bs=4k 2>/dev/null
"$TEND" --db "$WORK/mnt/b.db" $NOW accounts --format csv >"$WORK/out" 2>"$WORK/err"; echo \$? >"$WORK/rc.read"
"$TEND" --db "$WORK/mnt/b.db" $NOW --read-only accounts --format csv >"$WORK/out.ro" 2>"$WORK/err.ro"; echo \$? >"$WORK/rc.ro"
"$TEND" --db "$WORK/mnt/b.db" $NOW log CRM-001 "Call on a full disk" >"$WORK/out.w" 2>"$WORK/err.w"; echo \$? >"$WORK/rc.w"
rm -f "$WORK/mnt/fill"
sqlite3 "$WORK/mnt/b.db" "SELECT count(*) FROM touchpoints WHERE summary = 'Call on a full disk'" >"$WORK/n.w"
"$TEND" --db "$WORK/mnt/b.db" $NOW log CRM-001 "Call once there is room" >/dev/null 2>"$WORK/err.room"; echo \$? >"$WORK/rc.room"
EOF
	unshare -rm sh "$WORK/full.sh"
	check "the full-disk script ran (status $?)" test -s "$WORK/rc.room"
	rc=$(cat "$WORK/rc.read" 2>/dev/null)
	reads_work "full disk"
	expect_err_lacks "I/O error"
	check "--read-only reads too: $(cat "$WORK/err.ro" 2>/dev/null)" test "$(cat "$WORK/rc.ro")" = 0
	check "--read-only lists every account" test "$(grep -c 'CRM-' "$WORK/out.ro")" = "$accounts"
	check "the write fails with 74, not $(cat "$WORK/rc.w")" test "$(cat "$WORK/rc.w")" = 74
	check "the write names the file and what to do: $(cat "$WORK/err.w")" \
		grep -q "cannot log: $WORK/mnt/b.db is open read-only because the disk holding it is full or failing: free some space and try again (nothing was changed)" "$WORK/err.w"
	check "nothing was written" test "$(cat "$WORK/n.w")" = 0
	check "with room again, the write works: $(cat "$WORK/err.room")" test "$(cat "$WORK/rc.room")" = 0
else
	echo "# no user namespaces here (unshare -rm): the full-disk case is skipped"
fi

# as_other CMD...: run tend as a login that may not write the book: nobody
# when the tests run as root (root may write anything), else this login
# after chmod.
RODIR=$(mktemp -d "${TMPDIR:-/tmp}/tend-ro-XXXXXX")
trap 'chmod -R u+w "$RODIR"; rm -rf "$RODIR"; _on_exit' EXIT
cp "$DB" "$RODIR/b.db"
chmod 755 "$RODIR"
chmod 644 "$RODIR/b.db"
as_other() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid 65534 --regid 65534 --clear-groups \
			env -u TEND_USER HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent XDG_DATA_HOME=/nonexistent "$TEND" "$@"
	else
		"$TEND" "$@"
	fi >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

case_ "a book in a directory this login may not write: reads work, a write says why (77)"
# As root, nobody owns the file and may write it, but not the directory.
if [ "$(id -u)" = 0 ]; then chown 65534 "$RODIR/b.db"; else chmod 555 "$RODIR"; fi
as_other --db "$RODIR/b.db" $NOW accounts --format csv
reads_work "read-only directory"
as_other --db "$RODIR/b.db" $NOW log CRM-001 "Call from a read-only directory"
expect_rc 77
expect_err_has "is open read-only because you may not write its directory (SQLite keeps its -wal and -shm files there)"
check "no -wal or -shm was left" test ! -e "$RODIR/b.db-wal" -a ! -e "$RODIR/b.db-shm"

case_ "a book file this login may not write: reads work, a write says why (77)"
chmod 755 "$RODIR"
[ "$(id -u)" != 0 ] || chown 0 "$RODIR/b.db"
chmod 444 "$RODIR/b.db"
as_other --db "$RODIR/b.db" $NOW accounts --format csv
reads_work "read-only file"
as_other --db "$RODIR/b.db" $NOW --read-only task list
expect_rc 0
expect_out_has "Send the deck"
as_other --db "$RODIR/b.db" $NOW task add CRM-001 "Another task" --due +1d
expect_rc 77
expect_err_has "is open read-only because you may not write its file: ask its owner for write access, or work on a copy"
check "the book is unchanged" test "$(sqlite3 "$RODIR/b.db" "SELECT count(*) FROM tasks")" = 1

finish
