#!/bin/sh
# audit_chain.sh -- the audit log's hash chain: tend writes every row into
# the chain; a row changed, removed or forged outside tend, or a guard
# dropped, is found by `tend audit verify` and `tend check` (65) and warned
# about by the next command; a book from before the chain is chained when
# it is migrated (tests/unit/check_store.c).
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book
"$TEND" --db "$DB" $NOW task add 1 "Send the deck" --due +2d >/dev/null || fail "task add"
"$TEND" --db "$DB" $NOW log 1 "Call with the sponsor" >/dev/null || fail "log"

q() { sqlite3 "$1" "$2"; }

case_ "a book tend wrote verifies, and says how many rows and the head"
run --db "$DB" audit verify
expect_rc 0
rows=$(q "$DB" "SELECT count(*) FROM audit_log")
head=$(q "$DB" "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
expect_out_has "the audit log holds: $rows rows chained, head $head"
check "every row has a hash" test "$(q "$DB" "SELECT count(*) FROM audit_log WHERE hash IS NULL")" = 0
check "each row's hash differs" test "$(q "$DB" "SELECT count(DISTINCT hash) FROM audit_log")" = "$rows"

case_ "a row without a hash is refused by the schema"
cp "$DB" "$WORK/ins.db"
sqlite3 "$WORK/ins.db" "INSERT INTO audit_log (at, actor, action, op) VALUES ('2019-01-01T00:00:00Z', 'mallory', 'forged', 'insert')" 2>"$WORK/sqlerr"
check "a bare INSERT fails" test $? -ne 0
check "with the chain's reason" grep -q "needs its place in the chain" "$WORK/sqlerr"
check "nothing was added" test "$(q "$WORK/ins.db" "SELECT count(*) FROM audit_log")" = "$rows"

case_ "a forged row with a made-up hash is found, and every command warns"
cp "$DB" "$WORK/forged.db"
q "$WORK/forged.db" "INSERT INTO audit_log (at, actor, action, op, hash) VALUES ('2019-01-01T00:00:00Z', 'mallory', 'forged', 'insert', printf('%064d', 0))"
run --db "$WORK/forged.db" audit verify
expect_rc 65
expect_out_has "audit: the chain breaks at row $((rows + 1)) (2019-01-01T00:00:00Z, mallory, 'forged')"
expect_err_has "the audit log has been tampered with"
run --db "$WORK/forged.db" accounts
expect_rc 0
expect_err_has "the audit log was changed outside tend at row $((rows + 1))"
run --db "$WORK/forged.db" check
expect_rc 65

case_ "a row changed in place, with the guard dropped, breaks the chain at that row"
cp "$DB" "$WORK/edit.db"
q "$WORK/edit.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 3;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;"
run --db "$WORK/edit.db" audit verify
expect_rc 65
expect_out_has "audit: the chain breaks at row 3 ("
expect_out_has ", mallory, '"

case_ "a row removed from the middle breaks the chain at the row after it"
cp "$DB" "$WORK/del.db"
q "$WORK/del.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END;"
run --db "$WORK/del.db" audit verify
expect_rc 65
expect_out_has "audit: the chain breaks at row 3 ("

case_ "a dropped guard is named, even when every row still holds"
cp "$DB" "$WORK/trig.db"
q "$WORK/trig.db" "DROP TRIGGER audit_log_no_delete"
run --db "$WORK/trig.db" audit verify
expect_rc 65
expect_out_has "audit: the guard audit_log_no_delete is gone"
run --db "$WORK/trig.db" accounts
expect_err_has "(the guard audit_log_no_delete is gone)"

case_ "hostile text in a forged row is shown inert"
cp "$DB" "$WORK/hostile.db"
q "$WORK/hostile.db" "INSERT INTO audit_log (at, actor, action, op, hash) VALUES ('x', 'eve' || char(27) || '[2J', 'a' || char(8238) || 'b', 'insert', printf('%064d', 0))"
run --db "$WORK/hostile.db" audit verify
expect_rc 65
check_not "no raw ESC on stdout" grep -q "$(printf '\033')" "$WORK/out"
check_not "no raw ESC on stderr" grep -q "$(printf '\033')" "$WORK/err"
check_not "no raw U+202E" grep -q "$(printf '\342\200\256')" "$WORK/out"

case_ "a new change extends the chain, and a kept head no longer matches once it moves"
"$TEND" --db "$DB" $NOW log 1 "Another call" >/dev/null
run --db "$DB" audit verify
expect_rc 0
expect_out_has "the audit log holds: $((rows + 1)) rows chained"
expect_out_lacks "head $head"

case_ "audit lists the log (tests/cli/audit.sh), and knows only the subcommand verify"
run --db "$DB" audit
expect_rc 0
run --db "$DB" audit frobnicate
expect_rc 64
expect_err_has "allowed: verify"

finish
