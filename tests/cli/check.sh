#!/bin/sh
# check.sh -- tend check: SQLite's integrity and foreign-key checks on the
# book, read-only; a sound book passes, a damaged one is named as such with
# the way back (65), and a damaged page never passes for a sound one.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "a sound book checks out"
run --db "$DB" check
expect_rc 0
printf 'the book is sound: integrity and foreign keys check out, and the audit log'\''s chain holds\n' | expect_out

case_ "a page overwritten is found, and the message says what to do (65)"
cp "$DB" "$WORK/bad.db"
sqlite3 "$WORK/bad.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
awk 'BEGIN { for (i = 0; i < 200; i++) printf "garbage!" }' |
	dd of="$WORK/bad.db" bs=1 seek=8192 conv=notrunc 2>/dev/null
run --db "$WORK/bad.db" check
expect_rc 65
expect_out_has "integrity: "
expect_err_has "the book is damaged ("
expect_err_has "restore the last good copy"

case_ "a broken reference is found by the foreign-key check"
cp "$DB" "$WORK/fk.db"
sqlite3 "$WORK/fk.db" "PRAGMA foreign_keys = OFF; UPDATE contacts SET account_id = 9999 WHERE id = 1;"
run --db "$WORK/fk.db" check
expect_rc 65
expect_out_has "foreign keys: contacts 1 accounts"

case_ "check takes no arguments, and writes nothing"
run --db "$DB" check extra
expect_rc 64
run --db "$DB" --read-only check
expect_rc 0

finish
