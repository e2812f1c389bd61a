#!/bin/sh
# import_export.sh -- CSV import is all or nothing with positioned errors;
# export gives back what import reads; hostile text never reaches a terminal raw.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "export reads back: export, import into a new book, export again"
for e in user account contact arr_event renewal; do
	run --db "$DB" export "$e"
	expect_rc 0
	cp "$WORK/out" "$WORK/$e.csv"
	run --db "$WORK/copy.db" $NOW import "$e" "$WORK/$e.csv"
	expect_rc 0
	run --db "$WORK/copy.db" export "$e"
	check "$e differs after a round trip" cmp -s "$WORK/out" "$WORK/$e.csv"
done

case_ "errors name file:line:column, all at once, and nothing is written"
cat >"$WORK/bad.csv" <<'CSV'
account,date,kind,arr_delta,reason
CRM-001,2026-11-01,expansion,1000,fine
CRM-001,2026-13-01,expansion,1000,bad date
CRM-999,2026-11-01,expansion,1000,unknown account
CRM-001,2026-11-01,expansion,"1,000",bad money
CRM-001,2026-11-01,expansion
CSV
before=$("$TEND" --db "$DB" export arr_event | wc -l)
run --db "$DB" $NOW import arr_event "$WORK/bad.csv"
expect_rc 65
cat <<ERR | expect_err
$WORK/bad.csv:3:9: date: '2026-13-01' is not a date (expected YYYY-MM-DD)
$WORK/bad.csv:4:1: account: unknown account 'CRM-999'
$WORK/bad.csv:5:30: arr_delta: '1,000' is not an amount: thousands separators are not allowed (write 12000.50)
$WORK/bad.csv:6: expected 5 fields (as in the header), found 3
tend: nothing was imported: 4 problems in $WORK/bad.csv
ERR
after=$("$TEND" --db "$DB" export arr_event | wc -l)
check "a failed import wrote rows" test "$before" = "$after"

case_ "dry run checks and writes nothing"
printf 'account,date,kind,arr_delta\nCRM-005,2026-11-20,expansion,500\n' >"$WORK/ok.csv"
run --db "$DB" $NOW import arr_event "$WORK/ok.csv" --dry-run
expect_rc 0
cat <<OUT | expect_out
$WORK/ok.csv: dry run, nothing was written: 1 to insert, 0 to update, 0 unchanged, 0 rejected (arr_event)
to insert (first 1):
  line 2: a new arr_event
OUT
run --db "$DB" $NOW accounts --owner pooled --format csv
expect_out_has "5,CRM-005,Tiny Pooled Co,,smb,adopt,3000.00"

case_ "import from standard input"
"$TEND" --db "$DB" $NOW import arr_event - <"$WORK/ok.csv" >"$WORK/out" 2>"$WORK/err"
printf '<stdin>: 1 inserted, 0 updated, 0 unchanged (arr_event)\n' | expect_out
run --db "$DB" $NOW accounts --owner pooled --format csv
expect_out_has "5,CRM-005,Tiny Pooled Co,,smb,adopt,3500.00"

case_ "usage errors"
run --db "$DB" import acount x.csv
expect_rc 64
printf "tend: import: unknown entity 'acount'; did you mean 'account'? (see 'tend help import')\n" | expect_err
run --db "$DB" import account "$WORK/missing.csv"
expect_rc 66
run --db "$DB" import audit "$WORK/ok.csv"
expect_rc 64
printf '' >"$WORK/empty.csv"
run --db "$DB" import account "$WORK/empty.csv"
expect_rc 65
expect_err_has "empty.csv:1: the file is empty (expected a header row; see 'tend export account --template')"

case_ "templates give the canonical header"
run export contact --template
printf 'id,account,name,title,email,phone,is_executive,status,left_on,sentiment,advocate_reference,advocate_case_study,advocate_speaker,roles\n' | expect_out

case_ "exports as JSON carry cents and lists; the audit log records each import"
run --db "$DB" export contract --format json
printf '[]\n' | expect_out
run --db "$DB" export account --format json
expect_out_has '"notes": "Key logo in EMEA", "tags": ["reference", "strategic"]},'
expect_out_has '"currency": "USD", "notes": null, "tags": []},'
run --db "$DB" export contact --format json
expect_out_has '"advocate_speaker": false, "roles": ["economic_buyer", "executive_sponsor"]},'
run --db "$DB" export account
expect_out_has ',Key logo in EMEA,reference;strategic'
run --db "$DB" export audit --format csv
expect_out_has ',tester,import account,accounts,1,insert,,"{""id"":1,""external_id"":""CRM-001"",'
expect_out_has ',tester,import account,accounts,5,insert,,'
expect_out_lacks ',bulk,'

case_ "hostile text is inert on a terminal's output paths"
printf 'external_id,name,segment\nEVIL-1,"Evil \033[2J\033]0;pwned\007 \342\200\256moc.exe",smb\n' >"$WORK/evil.csv"
run --db "$DB" $NOW import account "$WORK/evil.csv"
expect_rc 0
run --db "$DB" $NOW accounts --format table
expect_out_has 'Evil \x1b[2J\x1b]0;pwned\x07 \u202emoc.exe'
run --db "$DB" $NOW account show EVIL-1
expect_out_has 'Evil \x1b[2J\x1b]0;pwned\x07 \u202emoc.exe  (#'
run --db "$DB" $NOW accounts --format json
expect_out_has '"Evil \u001b[2J\u001b]0;pwned\u0007 \u202emoc.exe"'
check_not "an ESC byte reached JSON output" grep -q "$(printf '\033')" "$WORK/out"
# A CSV export to a file keeps the bytes (lossless); a terminal never sees them raw:
run --db "$DB" export account
check "CSV export to a file lost data" grep -q "$(printf '\033')" "$WORK/out"
printf 'account,name,email\nEVIL-1,x,"\033[31m@x"\n' >"$WORK/evil2.csv"
run --db "$DB" $NOW import contact "$WORK/evil2.csv"
run --db "$DB" $NOW account show EVIL-1
check_not "an ESC byte reached account show" grep -q "$(printf '\033')" "$WORK/out"
printf 'account,date,kind,arr_delta\nEVIL-\033[1m,2026-01-01,new,1\n' >"$WORK/evil3.csv"
run --db "$DB" $NOW import arr_event "$WORK/evil3.csv"
expect_rc 65
check_not "an ESC byte reached an error message" grep -q "$(printf '\033')" "$WORK/err"
expect_err_has "unknown account 'EVIL-\x1b[1m'"

finish
