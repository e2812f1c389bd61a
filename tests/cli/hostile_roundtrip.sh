#!/bin/sh
# hostile_roundtrip.sh -- every book tend writes exports and imports again,
# a hostile one too: the demo book with every free-text value poisoned
# (escape sequences, controls, bidi and zero-width characters) goes out
# with export --all, into a new book with import --all, and out again
# byte for byte the same; the CSV keeps the bytes exact.
. "$TEST_SRCDIR/tests/cli/lib.sh"
export TEND_USER=priya.raman
"$TEND" --db "$DB" $NOW demo >/dev/null 2>"$WORK/err" || fail "cannot make the demo book: $(cat "$WORK/err")"
"$TEND" --db "$DB" $NOW playbook run >/dev/null 2>&1 || fail "cannot run the playbooks"
poison_book "$DB"
check "at least 40 text columns are hostile (got $poisoned)" test "$poisoned" -ge 40

case_ "export --all, import --all into a new book, export --all: the same files"
run --db "$DB" $NOW export --all "$WORK/out1"
expect_rc 0
check "the payload went out raw in CSV" grep -q "$(printf '\033')\[99mPWN$(printf '\007')" "$WORK/out1/account.csv"
run --db "$WORK/copy.db" $NOW import --all "$WORK/out1"
expect_rc 0
expect_err_lacks "problem"
run --db "$WORK/copy.db" $NOW export --all "$WORK/out2"
expect_rc 0
diff -r "$WORK/out1" "$WORK/out2" >"$WORK/diff"
check "a table differs after the round trip: $(head -n 20 "$WORK/diff" | cat -v)" test ! -s "$WORK/diff"
for f in account contact touchpoint task risk success_plan objective; do
	check "$f.csv has rows" test "$(wc -l <"$WORK/out2/$f.csv")" -gt 1
	check "$f.csv carries the payload" grep -q "~CRX" "$WORK/out2/$f.csv"
done
check "the copy's audit chain holds" "$TEND" --db "$WORK/copy.db" audit verify

finish
