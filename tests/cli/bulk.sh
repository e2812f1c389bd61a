#!/bin/sh
# bulk.sh -- one change to many accounts: named, comma-separated or chosen
# by --where with the filters of tend accounts; the count first, a question
# (or --yes), one transaction for the lot, undone whole.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

export_all() {
	"$TEND" --db "$DB" export account >"$WORK/accounts.now"
	"$TEND" --db "$DB" export audit >>"$WORK/accounts.now"
}

case_ "--where picks the accounts; without a terminal it asks for --yes and changes nothing"
export_all
cp "$WORK/accounts.now" "$WORK/before"
run --db "$DB" account set --where "owner=amara" --owner bo
expect_rc 64
printf "tend: account set: this changes 2 accounts; add --yes to change them\n" | expect_err
export_all
expect_same "a refused bulk change wrote something" "$WORK/before" "$WORK/accounts.now"

case_ "--yes changes them all in one action and says what changed"
run --db "$DB" account set --where "owner=amara" --owner bo --yes
expect_rc 0
expect_out <<'OUT'
Acme Corporation (CRM-001): owner amara -> bo
Société Générale des Eaux (CRM-002): owner amara -> bo
account set: 2 accounts changed, 0 already so
OUT
run --db "$DB" accounts --owner bo --format csv
check "not every account is bo's now: $(cat "$WORK/out")" test "$(grep -c ',bo,' "$WORK/out")" -eq 4
run --db "$DB" undo list 1 --format csv
expect_out_has ",account set,2,2,"

case_ "named accounts, commas or words; one already so is counted, not changed"
run --db "$DB" account set CRM-003,CRM-004 acme --stage adopt --yes
expect_rc 0
expect_out <<'OUT'
山田製作所株式会社 (CRM-003): stage onboard -> adopt
Borealis Logistics, Ltd (CRM-004): stage churned -> adopt
account set: 2 accounts changed, 1 already so
OUT

case_ "undo takes the whole bulk change back"
run --db "$DB" undo
printf "undid 'account set' of 2026-11-23T09:30:00Z: 6 rows on 2 accounts\n" | expect_out
run --db "$DB" undo
printf "undid 'account set' of 2026-11-23T09:30:00Z: 2 rows on 2 accounts\n" | expect_out
"$TEND" --db "$DB" export account >"$WORK/accounts.now"
head -n 6 "$WORK/before" >"$WORK/accounts.was"
head -n 6 "$WORK/accounts.now" >"$WORK/accounts.is"
expect_same "undo did not restore the accounts" "$WORK/accounts.was" "$WORK/accounts.is"

case_ "a bad value or filter refuses the lot"
export_all
cp "$WORK/accounts.now" "$WORK/before"
run --db "$DB" account set --where "segment=smb" --owner zed --yes
expect_rc 66
printf "tend: --owner: 'zed' is not a user of this book\n" | expect_err
run --db "$DB" account set --where "segmnt=smb" --stage adopt --yes
expect_rc 64
printf "tend: --where: no filter 'segmnt'; did you mean 'segment'?\n" | expect_err
run --db "$DB" account set --where "segment=smallish" --stage adopt --yes
expect_rc 64
expect_err_has "'smallish' is not allowed"
run --db "$DB" account set --where "owner" --stage adopt --yes
expect_rc 64
expect_err_has "--where: 'owner' is not KEY=VALUE"
run --db "$DB" account set acme --where "owner=bo" --stage adopt --yes
expect_rc 64
expect_err_has "name the accounts or give --where, not both"
run --db "$DB" account set acme,nosuch --stage adopt --yes
expect_rc 66
export_all
expect_same "a refused bulk change wrote something" "$WORK/before" "$WORK/accounts.now"
run --db "$DB" account set --where "tag=nosuchtag" --stage adopt --yes
expect_rc 0
printf "account set: no account matches\n" | expect_out
run --db "$DB" --read-only account set --where "owner=bo" --stage adopt --yes
expect_rc 77

finish
