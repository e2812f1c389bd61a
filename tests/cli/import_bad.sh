#!/bin/sh
# import_bad.sh -- malformed exports: each gets its exact file:line:column
# message and the book is left exactly as it was; the round trip through
# export --all and import --all gives back every table.
. "$TEST_SRCDIR/tests/cli/lib.sh"
S="$TEST_SRCDIR/maps/samples"
make_book
printf 'login,name\nben,Ben Hale\n' >"$WORK/ben.csv"
"$TEND" --db "$DB" import user "$WORK/ben.csv" >/dev/null || fail "cannot import ben"
"$TEND" --db "$DB" import --map salesforce-accounts account "$S/salesforce-accounts.csv" >/dev/null ||
	fail "cannot import the Salesforce sample"

# refused FILE ARGS...: the import of FILE fails with 65 and changes nothing.
refused() {
	local file=$1
	shift
	rm -rf "$WORK/before" "$WORK/after"
	"$TEND" --db "$DB" export --all "$WORK/before" >/dev/null
	run --db "$DB" import "$@" "$file"
	expect_rc 65
	"$TEND" --db "$DB" export --all "$WORK/after" >/dev/null
	diff -r "$WORK/before" "$WORK/after" >"$WORK/diff"
	check "a refused import changed the book: $(head -n 20 "$WORK/diff")" test ! -s "$WORK/diff"
}

case_ "an unterminated quote"
printf '"Account ID","Account Name","Segment"\n"SF-10","Fine","SMB"\n"SF-9","Open quote,SMB\n' >"$WORK/quote.csv"
refused "$WORK/quote.csv" --map salesforce-accounts account
cat <<ERR | expect_err
$WORK/quote.csv:3:8: a quoted field is never closed
tend: nothing was imported: 1 problem in $WORK/quote.csv
ERR

case_ "ragged rows"
printf 'external_id,name,segment\nR-1,One,smb\nR-2,Two\nR-3,Three,smb,extra\n' >"$WORK/ragged.csv"
refused "$WORK/ragged.csv" account
cat <<ERR | expect_err
$WORK/ragged.csv:3: expected 3 fields (as in the header), found 2
$WORK/ragged.csv:4: expected 3 fields (as in the header), found 4
tend: nothing was imported: 2 problems in $WORK/ragged.csv
ERR

case_ "invalid UTF-8"
printf 'external_id,name,segment\nU-1,Fine,smb\nU-2,Bro\377ken,smb\n' >"$WORK/utf8.csv"
refused "$WORK/utf8.csv" account
cat <<ERR | expect_err
$WORK/utf8.csv:3:8: byte 0xFF is not valid UTF-8 (if the file is Latin-1 or Windows-1252, say --encoding windows-1252)
tend: nothing was imported: 1 problem in $WORK/utf8.csv
ERR

case_ "a wrong encoding guess"
printf 'external_id,name,segment\nW-1,Zoë Ltd,smb\n' >"$WORK/guess.csv"
refused "$WORK/guess.csv" account --encoding windows-1252
cat <<ERR | expect_err
$WORK/guess.csv:2: byte 31: 0xC3 0xAB is UTF-8, not Windows-1252; leave out --encoding
tend: nothing was imported: 1 problem in $WORK/guess.csv
ERR
refused "$WORK/guess.csv" account --encoding utf-16
cat <<ERR | expect_err
$WORK/guess.csv:1: byte 0: no UTF-16 byte-order mark (say --encoding utf-16le or utf-16be)
tend: nothing was imported: 1 problem in $WORK/guess.csv
ERR

case_ "bad dates, in the map's format and in none"
printf '"Account ID","Account Name","Segment","Customer Since"\n"D-1","One","SMB","13/1/2022"\n"D-2","Two","SMB","2/30/2022"\n"D-3","Three","SMB","2022-01-05"\n' >"$WORK/dates.csv"
refused "$WORK/dates.csv" --map salesforce-accounts account
cat <<ERR | expect_err
$WORK/dates.csv:2:19: initial_contract_date ('Customer Since'): '13/1/2022' is not a date like %m/%d/%Y
$WORK/dates.csv:3:19: initial_contract_date ('Customer Since'): '2/30/2022' is not a date like %m/%d/%Y
tend: nothing was imported: 2 problems in $WORK/dates.csv
ERR

case_ "negative seats"
printf '"Account ID","Account Name","Segment","Licensed Seats"\n"N-1","One","SMB","-1,200"\n' >"$WORK/neg.csv"
refused "$WORK/neg.csv" --map salesforce-accounts account
cat <<ERR | expect_err
$WORK/neg.csv:2:19: licensed_seats ('Licensed Seats'): '-1200' is negative (a count of 0 or more)
tend: nothing was imported: 1 problem in $WORK/neg.csv
ERR

case_ "an unknown account, by id and by name"
printf 'Account ID,Date,Active Users\n0015g00000AcMeA,2026-11-02,5\n0015g00000NoNeX,2026-11-02,5\n' >"$WORK/unknown.csv"
refused "$WORK/unknown.csv" --map usage usage
cat <<ERR | expect_err
$WORK/unknown.csv:3:1: account ('Account ID'): unknown account '0015g00000NoNeX'
tend: nothing was imported: 1 problem in $WORK/unknown.csv
ERR
printf 'Id,Organization,Subject,Created at\n7,Nobody Inc,Hi,2026-11-01\n' >"$WORK/org.csv"
refused "$WORK/org.csv" --map zendesk-tickets ticket
cat <<ERR | expect_err
$WORK/org.csv:2:3: account ('Organization'): unknown account 'Nobody Inc' (by name)
tend: nothing was imported: 1 problem in $WORK/org.csv
ERR

case_ "duplicate keys in one file"
printf '"Account ID","Account Name","Segment"\n"K-1","One","SMB"\n"K-2","Two","SMB"\n"K-1","One again","SMB"\n' >"$WORK/dup.csv"
refused "$WORK/dup.csv" --map salesforce-accounts account
cat <<ERR | expect_err
$WORK/dup.csv:4: the key K-1 appears twice in the file (first on line 2)
tend: nothing was imported: 1 problem in $WORK/dup.csv
ERR

case_ "a footer in the middle"
{ head -n 3 "$S/salesforce-accounts.csv"; printf '\n"Grand Totals (2 records)"\n'; tail -n +4 "$S/salesforce-accounts.csv"; } >"$WORK/middle.csv"
refused "$WORK/middle.csv" --map salesforce-accounts account
cat <<ERR | expect_err
$WORK/middle.csv:6: a data row after the footer that begins on line 5 (was the file cut and pasted together?)
$WORK/middle.csv:7: a data row after the footer that begins on line 5 (was the file cut and pasted together?)
tend: nothing was imported: 2 problems in $WORK/middle.csv
ERR

case_ "the round trip: export --all, import --all into a new book, every table the same"
run --db "$DB" export --all "$WORK/dump"
expect_rc 0
expect_out_has "exported "
run --db "$WORK/copy.db" import --all "$WORK/dump" --dry-run
expect_rc 0
expect_out_has "dry run: nothing was written"
run --db "$WORK/copy.db" import --all "$WORK/dump"
expect_rc 0
expect_out_has "$WORK/dump/account.csv: 9 inserted, 0 updated, 0 unchanged (account)"
run --db "$WORK/copy.db" export --all "$WORK/dump2"
expect_rc 0
diff -r "$WORK/dump" "$WORK/dump2" >"$WORK/diff"
check "a table differs after the round trip: $(head -n 20 "$WORK/diff")" test ! -s "$WORK/diff"
check "the round trip covered no table" test -s "$WORK/dump2/contact.csv"
# Importing the same directory again changes nothing.
run --db "$WORK/copy.db" import --all "$WORK/dump"
expect_rc 0
expect_out_has "$WORK/dump/account.csv: 0 inserted, 0 updated, 9 unchanged (account)"
run --db "$WORK/copy.db" import --all "$WORK/nowhere"
expect_rc 66

case_ "the round trip of a demo book, which fills every table tend imports"
"$TEND" --db "$WORK/demo.db" demo --accounts 20 --weeks 1 >/dev/null || fail "no demo book"
run --db "$WORK/demo.db" export --all "$WORK/d1"
expect_rc 0
# (tests/unit/check_store.c round-trips a fixture of every entity.)
for e in account contact usage ticket survey touchpoint task risk success_plan health_snapshot; do
	check "the demo book has no $e rows to compare" test "$(wc -l <"$WORK/d1/$e.csv")" -gt 1
done
run --db "$WORK/demo2.db" import --all "$WORK/d1"
expect_rc 0
run --db "$WORK/demo2.db" export --all "$WORK/d2"
expect_rc 0
diff -r "$WORK/d1" "$WORK/d2" >"$WORK/diff"
check "a table of the demo book differs after the round trip: $(head -n 20 "$WORK/diff")" test ! -s "$WORK/diff"

finish
