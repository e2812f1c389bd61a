#!/bin/sh
# resolve.sh -- the interface's :account names an account the way the
# command line does: an id, "#id", an external id or a name; a name two
# accounts share is refused on the status line with the candidates first,
# so they fit 80 columns, and the pane does not change.
. "$TEST_SRCDIR/tests/ui/lib.sh"
make_book
printf 'external_id,name,owner,segment\nCRM-007,Acme Corporation,bo,smb\n' >"$WORK/twin.csv"
"$TEND" --db "$DB" import account "$WORK/twin.csv" >/dev/null || fail "cannot import the twin"

case_ ":account with a shared name lists the candidates on the status line"
screen <<EOF
wait 1/5
key :account Acme Corporation<Enter>
wait names 2 accounts
dump $WORK/ambiguous
key :account #6<Enter>
wait CRM-007
dump $WORK/by_id
key Q
expect-exit 0
EOF
check "the status line lacks the candidates:
$(cat "$WORK/ambiguous")" row_greps 24 "$WORK/ambiguous" -F \
	"'Acme Corporation' names 2 accounts: #1 CRM-001 (amara), #6 CRM-007 (bo); give"
check "the heatmap did not stay:
$(cat "$WORK/ambiguous")" row_greps 2 "$WORK/ambiguous" -F "1 Heatmap"
screen_has "Acme Corporation" "$WORK/by_id"
screen_lacks "names 2 accounts" "$WORK/by_id"

finish
