#!/bin/sh
# sessions.sh -- a write meets another session's lock (issue 16): it waits
# the busy timeout, then retries with backoff, and succeeds when the lock
# goes within that; past it, tests/cli/input.sh has the failure (75).
. "$TEST_SRCDIR/tests/cli/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is needed to hold the lock" >&2; exit 77; }
make_book

case_ "a lock held longer than the busy timeout is waited out by the retries"
# Held 7 s from now; the write starts 1 s in: 5 s of busy timeout, then
# retries after 0.25, 0.5 and 1 s.
( printf 'BEGIN IMMEDIATE;\nINSERT INTO teams (name) VALUES ('"'"'lock holder'"'"');\n'; sleep 7; printf 'ROLLBACK;\n' ) |
	sqlite3 "$DB" &
holder=$!
sleep 1
t0=$(date +%s)
run --db "$DB" $NOW log CRM-001 "Written after the lock"
t1=$(date +%s)
wait "$holder"
expect_rc 0
check "the write did not wait for the lock ($((t1 - t0)) s)" test $((t1 - t0)) -ge 5
run --db "$DB" $NOW account show CRM-001
expect_out_has "Written after the lock"
finish
