#!/bin/sh
# import_big.sh -- a 100,000-row Salesforce report through its mapping, as
# CI runs it under the sanitizers too: every row in, a re-import changes
# nothing, one changed row updates one row.
. "$TEST_SRCDIR/tests/cli/lib.sh"
N=100000
printf 'login,name\namara,Amara Okafor\nben,Ben Hale\n' >"$WORK/users.csv"
"$TEND" --db "$DB" import user "$WORK/users.csv" >/dev/null || fail "cannot import users"
awk -v n=$N 'BEGIN {
	print "\"Account ID\",\"Account Name\",\"Account Owner\",\"Segment\",\"Licensed Seats\",\"Customer Since\""
	split("Enterprise|Mid-Market|SMB|Tier 2", seg, "|"); split("Amara Okafor|Ben Hale|", own, "|")
	for (i = 1; i <= n; i++)
		printf "\"001%012d\",\"Company %d\",\"%s\",\"%s\",\"%d,%03d\",\"%d/%d/20%02d\"\n",
			i, i, own[i % 3 + 1], seg[i % 4 + 1], i % 9, i % 1000, i % 12 + 1, i % 28 + 1, 10 + i % 15
	printf "\n\"Grand Totals (%d records)\"\n\n\"Confidential Information - Do Not Distribute\"\n", n
}' >"$WORK/big.csv"

case_ "100,000 rows through a mapping"
run --db "$DB" import --map salesforce-accounts account "$WORK/big.csv"
expect_rc 0
printf '%s: %d inserted, 0 updated, 0 unchanged (account)\n' "$WORK/big.csv" $N | expect_out
run --db "$DB" accounts --format csv --limit 2
cat <<'OUT' | expect_out
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
1,001000000000001,Company 1,ben,mid_market,land,0.00,,,
10,001000000000010,Company 10,ben,smb,land,0.00,,,
OUT

case_ "the same 100,000 rows again: nothing changes"
run --db "$DB" import --map salesforce-accounts account "$WORK/big.csv"
expect_rc 0
printf '%s: nothing changed: %d account rows, all already in the book\n' "$WORK/big.csv" $N | expect_out

case_ "one row changed among 100,000: one update"
sed 's/^"001000000054321","Company 54321"/"001000000054321","Company 54321 GmbH"/' "$WORK/big.csv" >"$WORK/big2.csv"
run --db "$DB" import --map salesforce-accounts account "$WORK/big2.csv"
expect_rc 0
printf '%s: 0 inserted, 1 updated, %d unchanged (account)\n' "$WORK/big2.csv" $((N - 1)) | expect_out
run --db "$DB" account show 001000000054321
expect_out_has "Company 54321 GmbH"

case_ "every one of those rows audited, the chain unbroken"
run --db "$DB" audit verify
expect_rc 0
expect_out_has "the audit log holds: $((2 + N + 1)) rows chained"

finish
