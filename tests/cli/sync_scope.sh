#!/bin/sh
# sync_scope.sh -- field copies of some accounts (issue 17, doc/sync.md):
# tend sync clone copies the user's accounts by default (--mine), or those
# named (--accounts), with everything that hangs off them and the
# book-wide rows, and nothing else -- not in a table, not in the file's
# bytes, not in its history; a pull brings only their rows; a push of
# their changes lands, and one of an account the pusher may not write is
# refused.
. "$TEST_SRCDIR/tests/cli/lib.sh"

TEAM="$WORK/team.db"
COPY="$WORK/mine.db"
export TEND_USER=priya.raman
"$TEND" --db "$TEAM" $NOW demo --accounts 120 --csms 3 --weeks 1 >/dev/null
q() { sqlite3 "$1" "$2"; }
PRIYA=$(q "$TEAM" "SELECT id FROM users WHERE login = 'priya.raman'")
MATEO=$(q "$TEAM" "SELECT id FROM users WHERE login = 'mateo.fernandez'")
HERS="SELECT id FROM accounts WHERE owner_id = $PRIYA"
NHERS=$(q "$TEAM" "SELECT count(*) FROM ($HERS)")
A=$(q "$TEAM" "SELECT external_id FROM accounts WHERE owner_id = $PRIYA AND stage <> 'churned' ORDER BY id LIMIT 1")
# Another CSM's account with a plan, and a word found only in its rows.
O=$(q "$TEAM" "SELECT a.external_id FROM accounts a JOIN success_plans p ON p.account_id = a.id
	WHERE a.owner_id = $MATEO ORDER BY a.id LIMIT 1")
ONAME=$(q "$TEAM" "SELECT name FROM accounts WHERE external_id = '$O'")
# A plan's objective on each side.
OBJ_A=$(q "$TEAM" "SELECT o.id FROM objectives o JOIN success_plans p ON p.id = o.plan_id
	JOIN accounts a ON a.id = p.account_id WHERE a.owner_id = $PRIYA ORDER BY o.id LIMIT 1")
OBJ_O=$(q "$TEAM" "SELECT o.id FROM objectives o JOIN success_plans p ON p.id = o.plan_id
	WHERE p.account_id = (SELECT id FROM accounts WHERE external_id = '$O') ORDER BY o.id LIMIT 1")
"$TEND" --db "$TEAM" $NOW task add - "Mateo's own errand" --owner mateo.fernandez >/dev/null
"$TEND" --db "$TEAM" $NOW task add - "Priya's own errand" --owner priya.raman >/dev/null

case_ "clone copies my accounts by default, and says so"
run --db "$COPY" $NOW sync clone "$TEAM"
expect_rc 0
expect_out_has "copy #1 of $TEAM made in $COPY: $NHERS accounts (yours)"
run --db "$COPY" $NOW sync status
expect_rc 0
expect_out_has "holds $NHERS accounts (yours, as of the clone) and what hangs off them"
check "the copy holds other accounts" [ "$(q "$COPY" 'SELECT count(*) FROM accounts')" = "$NHERS" ]
check "the copy holds another owner's account" [ "$(q "$COPY" "SELECT count(*) FROM accounts WHERE owner_id IS NOT $PRIYA")" = 0 ]
# Every row of her accounts, however far it hangs off them.
for t in touchpoints contacts renewals tasks risks surveys usage tickets health_snapshots renewal_evidence; do
	check "the copy's $t are not her accounts'" [ "$(q "$COPY" "SELECT count(*) FROM $t WHERE account_id IS NOT NULL")" = \
		"$(q "$TEAM" "SELECT count(*) FROM $t WHERE account_id IN ($HERS)")" ]
done
check "the milestones of her plans are missing" [ "$(q "$COPY" 'SELECT count(*) FROM milestones')" = \
	"$(q "$TEAM" "SELECT count(*) FROM milestones m JOIN objectives o ON o.id = m.objective_id
		JOIN success_plans p ON p.id = o.plan_id WHERE p.account_id IN ($HERS)")" ]
check "the renewal steps of her renewals are missing" [ "$(q "$COPY" 'SELECT count(*) FROM renewal_steps')" = \
	"$(q "$TEAM" "SELECT count(*) FROM renewal_steps s JOIN renewals r ON r.id = s.renewal_id WHERE r.account_id IN ($HERS)")" ]
check "the book-wide rows are missing" [ "$(q "$COPY" 'SELECT count(*) FROM users')" = "$(q "$TEAM" 'SELECT count(*) FROM users')" ]
check "her own errand is missing" [ "$(q "$COPY" "SELECT count(*) FROM tasks WHERE title = 'Priya''s own errand'")" = 1 ]
check "another CSM's own errand came along" [ "$(q "$COPY" "SELECT count(*) FROM tasks WHERE title = 'Mateo''s own errand'")" = 0 ]
check "the team's history came along" [ "$(q "$COPY" 'SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM changes)')" = 0 ]
check "the copy is not sound" [ "$(q "$COPY" 'PRAGMA integrity_check')" = ok ]
check "the copy is not a tend book like the team's" [ "$(q "$COPY" 'PRAGMA application_id; PRAGMA user_version')" = "$(q "$TEAM" 'PRAGMA application_id; PRAGMA user_version')" ]
check "the copy points outside itself" [ -z "$(q "$COPY" 'PRAGMA foreign_key_check')" ]
check "another account's name is in the copy's bytes" [ "$(grep -c -F "$ONAME" "$COPY")" = 0 ]
check "the team book does not know what the copy holds" [ "$(q "$TEAM" "SELECT kind || ' ' || accounts FROM sync_scopes WHERE copy = 1")" = "mine $NHERS" ]
for t in accounts_fts touchpoints_fts; do
	check "the copy's $t does not match its rows" q "$COPY" "INSERT INTO $t ($t) VALUES ('integrity-check')"
done
check "the copy's search does not find its account" [ "$(q "$COPY" "SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH '\"$A\"'")" = 1 ]
run --db "$COPY" $NOW team
expect_rc 0
run --db "$COPY" $NOW audit verify
expect_rc 0

case_ "a day offline with my accounts: my changes go up, only my accounts' come down"
"$TEND" --db "$COPY" $NOW log "$A" "Workshop at the customer" --kind onsite >/dev/null
"$TEND" --db "$COPY" $NOW task add "$A" "Send the workshop notes" --due 2026-11-30 >/dev/null
"$TEND" --db "$COPY" $NOW milestone add "$OBJ_A" "Admins trained" >/dev/null
"$TEND" --db "$TEAM" $NOW log "$A" "Office call about A" >/dev/null
"$TEND" --db "$TEAM" $NOW log "$O" "Office call about O" >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$O" --notes "other notes" >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$A" --notes "office notes" >/dev/null
"$TEND" --db "$TEAM" $NOW milestone add "$OBJ_A" "Office milestone A" >/dev/null
"$TEND" --db "$TEAM" $NOW milestone add "$OBJ_O" "Office milestone O" >/dev/null
"$TEND" --db "$TEAM" $NOW task add - "Priya's second errand" --owner priya.raman >/dev/null
"$TEND" --db "$TEAM" $NOW task add - "Mateo's second errand" --owner mateo.fernandez >/dev/null
"$TEND" --db "$TEAM" $NOW task add - "Nobody's errand" >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "pushed: 3 changes, 3 rows"
expect_out_has "pulled: 5 changes, 5 rows"
for s in "Workshop at the customer" "Office call about A"; do
	for b in "$TEAM" "$COPY"; do
		check "$b lacks '$s'" [ "$(q "$b" "SELECT count(*) FROM touchpoints WHERE summary = '$s'")" = 1 ]
	done
done
check "the team lacks the copy's milestone" [ "$(q "$TEAM" "SELECT count(*) FROM milestones WHERE title = 'Admins trained'")" = 1 ]
check "the copy lacks the team's milestone on its plan" [ "$(q "$COPY" "SELECT count(*) FROM milestones WHERE title = 'Office milestone A'")" = 1 ]
check "the copy lacks the team's notes" [ "$(q "$COPY" "SELECT notes FROM accounts WHERE external_id = '$A'")" = "office notes" ]
check "the copy lacks her errand" [ "$(q "$COPY" "SELECT count(*) FROM tasks WHERE title IN ('Priya''s second errand', 'Nobody''s errand')")" = 2 ]
for s in "Office call about O"; do
	check "another account's touchpoint came down" [ "$(q "$COPY" "SELECT count(*) FROM touchpoints WHERE summary = '$s'")" = 0 ]
done
check "another account's milestone came down" [ "$(q "$COPY" "SELECT count(*) FROM milestones WHERE title = 'Office milestone O'")" = 0 ]
check "another CSM's errand came down" [ "$(q "$COPY" "SELECT count(*) FROM tasks WHERE title = 'Mateo''s second errand'")" = 0 ]
check "another account's name is in the copy's bytes" [ "$(grep -c -F "$ONAME" "$COPY")" = 0 ]
check "the copy points outside itself" [ -z "$(q "$COPY" 'PRAGMA foreign_key_check')" ]
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "pushed: 0 changes"
expect_out_has "pulled: 0 changes"

case_ "an account made in the copy is the copy's: the team's changes to it come down"
printf 'external_id,name,owner,segment\nNEW-1,Field Find Ltd,priya.raman,smb\n' >"$WORK/new.csv"
run --db "$COPY" $NOW import accounts "$WORK/new.csv"
expect_rc 0
run --db "$COPY" $NOW sync
expect_rc 0
"$TEND" --db "$TEAM" $NOW account set NEW-1 --notes "seen from the office" >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "pulled: 1 change, 1 row"
check "the copy lacks the team's notes on its account" [ "$(q "$COPY" "SELECT notes FROM accounts WHERE external_id = 'NEW-1'")" = "seen from the office" ]

case_ "an account handed to me since the clone: the pull says so"
O2=$(q "$TEAM" "SELECT external_id FROM accounts WHERE owner_id = $MATEO AND external_id <> '$O' ORDER BY id LIMIT 1")
"$TEND" --db "$TEAM" $NOW account set "$O2" --owner priya.raman >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "1 account is yours on the team book and not in this copy (handed to you since the clone): push, then clone again to take it"
check "the handed account came down half" [ "$(q "$COPY" "SELECT count(*) FROM accounts WHERE external_id = '$O2'")" = 0 ]
run --db "$WORK/again.db" $NOW sync clone "$TEAM"
expect_rc 0
check "a new clone lacks the handed account" [ "$(q "$WORK/again.db" "SELECT count(*) FROM accounts WHERE external_id = '$O2'")" = 1 ]
run --db "$WORK/again.db" $NOW sync pull
expect_rc 0
expect_out_lacks "not in this copy"

case_ "a team change needing a row the copy never held is left out, and the pull goes on"
# Mateo's own errand, not in the copy, handed to priya; then a checklist
# item on it, as the journal would hold it (made with the sqlite3 shell's
# session, as tend's write path makes it).
ERRAND=$(q "$TEAM" "SELECT id FROM tasks WHERE title = 'Mateo''s own errand'")
"$TEND" --db "$TEAM" $NOW task reassign "$ERRAND" --owner priya.raman >/dev/null
sqlite3 "$TEAM" <<EOF
.session open main s
.session s attach task_items
INSERT INTO task_items (task_id, position, text) VALUES ($ERRAND, 1, 'Bring the badge');
.session s changeset $WORK/item.cs
.session s close
INSERT INTO changes (at, actor, action, rows, changeset)
	VALUES ('2026-11-23T10:00:00Z', 'mateo.fernandez', 'task item', 1, readfile('$WORK/item.cs'));
EOF
"$TEND" --db "$TEAM" $NOW log "$A" "After the errand" >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "1 row of the team's left out: it needs rows this copy does not hold (a new clone has them)"
check "the change after it did not come down" [ "$(q "$COPY" "SELECT count(*) FROM touchpoints WHERE summary = 'After the errand'")" = 1 ]
check "the item came down without its task" [ "$(q "$COPY" "SELECT count(*) FROM task_items WHERE text = 'Bring the badge'")" = 0 ]
check "the copy points outside itself" [ -z "$(q "$COPY" 'PRAGMA foreign_key_check')" ]
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_lacks "left out"

case_ "--accounts copies those named; a change I may not make there is refused and taken back"
run --db "$WORK/named.db" $NOW sync clone "$TEAM" --accounts "$A, $O"
expect_rc 0
expect_out_has ": 2 accounts (those named)"
check "the named copy holds more than the two" [ "$(q "$WORK/named.db" 'SELECT group_concat(external_id) FROM (SELECT external_id FROM accounts ORDER BY external_id)')" = "$(printf '%s\n%s\n' "$A" "$O" | sort | paste -sd, -)" ]
"$TEND" --db "$WORK/named.db" $NOW log "$O" "Not mine to log" >/dev/null
"$TEND" --db "$WORK/named.db" $NOW log "$A" "Mine to log" >/dev/null
# Roles enforced on the team book, as for the service account's forced command.
SSH_ORIGINAL_COMMAND="sync push" TEND_DB="$WORK/named.db" run --ssh-user priya.raman
expect_rc 77
expect_out_has "refused: change #1"
check "the refused touchpoint landed" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Not mine to log'")" = 0 ]
check "the allowed touchpoint did not land" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Mine to log'")" = 1 ]
check "the refused touchpoint stayed in the copy" [ "$(q "$WORK/named.db" "SELECT count(*) FROM touchpoints WHERE summary = 'Not mine to log'")" = 0 ]
run --db "$WORK/named.db" $NOW sync pull
expect_rc 0
check "the named copy lacks the team's notes on the other account" [ "$(q "$WORK/named.db" "SELECT notes FROM accounts WHERE external_id = '$O'")" = "other notes" ]

case_ "a clone asked wrongly: a clear error, no file, nothing numbered"
before=$(q "$TEAM" 'SELECT count(*) FROM sync_copies')
run --db "$WORK/x.db" $NOW sync clone "$TEAM" --team --mine
expect_rc 64
expect_err_has "--team copies the whole book: it goes with neither --mine nor --accounts"
run --db "$WORK/x.db" $NOW sync clone "$TEAM" --accounts "$A,,$O"
expect_rc 64
expect_err_has "--accounts names accounts, separated by commas"
run --db "$WORK/x.db" $NOW sync clone "$TEAM" --accounts "NO-SUCH-ACCOUNT"
expect_rc 66
expect_err_has "NO-SUCH-ACCOUNT"
run --db "$WORK/x.db" $NOW sync push --mine
expect_rc 64
expect_err_has "--mine and --accounts say what sync clone copies"
TEND_USER=stranger run --db "$WORK/x.db" $NOW sync clone "$TEAM"
expect_rc 64
expect_err_has "stranger is not a user of $TEAM, so no account is yours: name some with --accounts, or copy the whole book with --team"
check "a refused clone left a file" [ ! -e "$WORK/x.db" ]
check "a refused clone numbered a copy" [ "$(q "$TEAM" 'SELECT count(*) FROM sync_copies')" = "$before" ]

case_ "over ssh: a copy of my accounts, nothing else on the wire or the disk"
mkdir -p "$WORK/bin"
ln -s "$TEND" "$WORK/bin/tend"
# ssh, stood in for as in sync.sh: drop the options and the host, run the
# command here.
cat >"$WORK/ssh" <<'SH'
#!/bin/sh
while [ "$1" != "--" ]; do shift; done
shift 2
exec sh -c "$*"
SH
chmod +x "$WORK/ssh"
export TEND_SYNC_SSH="$WORK/ssh"
PATH="$WORK/bin:$PATH" run --db "$WORK/far.db" $NOW sync clone "ssh://server$TEAM"
expect_rc 0
expect_out_has "accounts (yours)"
check "the far copy holds other accounts" [ "$(q "$WORK/far.db" "SELECT count(*) FROM accounts WHERE owner_id IS NOT $PRIYA")" = 0 ]
check "another account's name is in the far copy's bytes" [ "$(grep -c -F "$ONAME" "$WORK/far.db")" = 0 ]
"$TEND" --db "$TEAM" $NOW log "$O" "Another call about O" >/dev/null
"$TEND" --db "$TEAM" $NOW log "$A" "Another call about A" >/dev/null
PATH="$WORK/bin:$PATH" run --db "$WORK/far.db" $NOW sync
expect_rc 0
expect_out_has "pulled: 1 change, 1 row"
unset TEND_SYNC_SSH

finish
