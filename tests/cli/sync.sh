#!/bin/sh
# sync.sh -- field copies (issue 17, doc/sync.md): a copy cloned from the
# team book, a day of work on both, then push and pull with every change
# on both sides; ids that never collide; a push that lands once however
# often it is retried; conflicts recorded, listed and resolved; a change
# the pusher may not make refused and taken back; hostile text inert.
. "$TEST_SRCDIR/tests/cli/lib.sh"

TEAM="$WORK/team.db"
COPY="$WORK/copy.db"
export TEND_USER=priya.raman
"$TEND" --db "$TEAM" $NOW demo --accounts 120 --csms 3 --weeks 1 >/dev/null
q() { sqlite3 "$1" "$2"; }
mine() {   # the Nth (0-based) of priya's accounts not churned, external id
	q "$TEAM" "SELECT a.external_id FROM accounts a JOIN users u ON u.id = a.owner_id
		WHERE u.login = 'priya.raman' AND a.stage <> 'churned' ORDER BY a.id LIMIT 1 OFFSET $1"
}
A=$(mine 0) B=$(mine 1) C=$(mine 2)
OTHER=$(q "$TEAM" "SELECT a.external_id FROM accounts a JOIN users u ON u.id = a.owner_id
	WHERE u.login <> 'priya.raman' ORDER BY a.id LIMIT 1")
LO=$(( (1 << 40) + (1 << 32) )) HI=$(( (1 << 40) + 2 * (1 << 32) ))

case_ "clone makes a whole copy that remembers where it came from"
run --db "$COPY" $NOW sync clone "$TEAM" --team
expect_rc 0
expect_out_has "copy #1 of $TEAM made in $COPY: the whole book"
run --db "$COPY" $NOW sync status
expect_rc 0
expect_out_has "field copy #1 of $TEAM"
expect_out_has "holds the whole team book"
expect_out_has "0 changes not pushed; last push never"
check "the copy lacks accounts" [ "$(q "$COPY" 'SELECT count(*) FROM accounts')" = "$(q "$TEAM" 'SELECT count(*) FROM accounts')" ]
run --db "$COPY" $NOW sync clone "$TEAM" --team
expect_rc 73
expect_err_has "exists: a field copy is made as a new book"
run --db "$WORK/copy2.db" $NOW sync clone "$COPY"
expect_rc 64
expect_err_has "is a field copy itself: clone the team book instead"
check "a refused clone left a file" [ ! -e "$WORK/copy2.db" ]
run --db "$TEAM" $NOW sync push
expect_rc 64
expect_err_has "is not a field copy"

case_ "a day offline: every change on both sides after tend sync"
"$TEND" --db "$COPY" $NOW log "$A" "Onsite workshop" --kind onsite >/dev/null
"$TEND" --db "$COPY" $NOW task add "$A" "Send the workshop notes" --due 2026-11-30 >/dev/null
"$TEND" --db "$COPY" $NOW account set "$A" --notes "met the new sponsor" >/dev/null
"$TEND" --db "$TEAM" $NOW log "$B" "Call from the office" >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$A" --seats 88 >/dev/null
run --db "$COPY" $NOW sync status
expect_out_has "3 changes not pushed"
run --db "$COPY" $NOW sync pull
expect_rc 64
expect_err_has "this copy has 3 changes not pushed: push first (tend sync)"
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "pushed: 3 changes, 3 rows"
expect_out_has "pulled: 2 changes, 2 rows"
for b in "$TEAM" "$COPY"; do
	check "$b lacks the workshop" [ "$(q "$b" "SELECT count(*) FROM touchpoints WHERE summary = 'Onsite workshop'")" = 1 ]
	check "$b lacks the task" [ "$(q "$b" "SELECT count(*) FROM tasks WHERE title = 'Send the workshop notes'")" = 1 ]
	check "$b lacks the office's call" [ "$(q "$b" "SELECT count(*) FROM touchpoints WHERE summary = 'Call from the office'")" = 1 ]
	check "$b lacks both account fields" [ "$(q "$b" "SELECT licensed_seats || '|' || notes FROM accounts
		WHERE external_id = '$A'")" = "88|met the new sponsor" ]
done
check "the copy's rows are not in its range" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints
	WHERE summary = 'Onsite workshop' AND id >= $LO AND id < $HI")" = 1 ]
"$TEND" --db "$TEAM" $NOW log "$B" "After the push" >/dev/null
check "the team book's next row is not under 2^40" [ "$(q "$TEAM" "SELECT id < (1 << 40) FROM touchpoints
	WHERE summary = 'After the push'")" = 1 ]

case_ "a push retried after a lost answer applies nothing twice"
"$TEND" --db "$COPY" $NOW log "$C" "Lunch with the champion" >/dev/null
"$TEND" --db "$COPY" $NOW sync push >/dev/null
q "$COPY" "UPDATE sync_state SET pushed_through = 0"
run --db "$COPY" $NOW sync push
expect_rc 0
expect_out_has "pushed: 0 changes, 0 rows"
check "the lunch landed twice" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Lunch with the champion'")" = 1 ]

case_ "the same field on both sides keeps the team's value and is a conflict; resolve takes the copy's"
"$TEND" --db "$COPY" $NOW sync >/dev/null
"$TEND" --db "$COPY" $NOW account set "$B" --seats 300 >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$B" --seats 400 >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
expect_out_has "1 conflict kept the team's value (tend sync conflicts)"
check "the team lost its value" [ "$(q "$TEAM" "SELECT licensed_seats FROM accounts WHERE external_id = '$B'")" = 400 ]
check "the copy kept its value" [ "$(q "$COPY" "SELECT licensed_seats FROM accounts WHERE external_id = '$B'")" = 400 ]
run --db "$COPY" $NOW sync conflicts --format csv
expect_rc 0
ID=$(awk -F, 'NR == 2 { print $1 }' "$WORK/out")
expect_out_has ",field,1,accounts,"
expect_out_has ",licensed_seats,"
expect_out_has ",300,400,priya.raman,"
run --db "$COPY" $NOW sync status
expect_out_has "1 open conflict"
run --db "$COPY" $NOW sync resolve "$ID" mine
expect_rc 0
expect_out_has "sync conflict #$ID resolved: mine"
check "resolving mine left the team's value" [ "$(q "$TEAM" "SELECT licensed_seats FROM accounts WHERE external_id = '$B'")" = 300 ]
run --db "$COPY" $NOW sync resolve "$ID" theirs
expect_rc 64
expect_err_has "is resolved already (mine)"
"$TEND" --db "$COPY" $NOW sync >/dev/null
check "the pull missed the resolution" [ "$(q "$COPY" "SELECT licensed_seats FROM accounts WHERE external_id = '$B'")" = 300 ]
run --db "$TEAM" $NOW audit --account "$B"
expect_out_has "sync resolve #$ID (mine)"

case_ "a row deleted on the team and changed on the copy is a conflict; nothing is lost"
TP=$(q "$TEAM" "SELECT id FROM touchpoints WHERE summary = 'Call from the office'")
"$TEND" --db "$COPY" $NOW log edit "$TP" --summary "Call from the office, notes added" >/dev/null
"$TEND" --db "$TEAM" $NOW log delete "$TP" >/dev/null
run --db "$COPY" $NOW sync
expect_rc 0
run --db "$TEAM" $NOW sync conflicts --format csv
expect_out_has "deleted_there"
expect_out_has "notes added"
check "the copy kept a row the team deleted" [ "$(q "$COPY" "SELECT count(*) FROM touchpoints WHERE id = $TP")" = 0 ]

case_ "a change the pusher may not make is refused and taken back; the rest lands"
# As the service account's forced command: roles are enforced on both books.
q "$COPY" "UPDATE users SET role = 'admin' WHERE login = 'priya.raman'"
"$TEND" --db "$COPY" $NOW account set "$OTHER" --notes "written on a tampered copy" >/dev/null
"$TEND" --db "$COPY" $NOW log "$C" "Renewal prep" >/dev/null
SSH_ORIGINAL_COMMAND="sync push" TEND_DB="$COPY" run --ssh-user priya.raman
expect_rc 77
expect_out_has "pushed: 1 change"
expect_out_has "refused: change #"
expect_out_has "you are priya.raman (csm)"
expect_err_has "1 change refused by the team book and taken back here"
check "the refused change reached the team" [ "$(q "$TEAM" "SELECT coalesce(notes, '') FROM accounts
	WHERE external_id = '$OTHER'")" != "written on a tampered copy" ]
check "the copy kept the refused change" [ "$(q "$COPY" "SELECT coalesce(notes, '') FROM accounts
	WHERE external_id = '$OTHER'")" != "written on a tampered copy" ]
check "the rest did not land" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Renewal prep'")" = 1 ]

case_ "conflict values reach the terminal inert"
"$TEND" --db "$COPY" $NOW sync >/dev/null 2>&1
"$TEND" --db "$COPY" $NOW account set "$C" --notes "$(printf 'copy\033[31mRED\007')" >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$C" --notes "$(printf 'team\342\200\256evil')" >/dev/null
"$TEND" --db "$COPY" $NOW sync >/dev/null
run --db "$COPY" $NOW sync conflicts
expect_rc 0
expect_out_has "RED"
check_not "an escape reached the terminal" grep -q "$(printf '\033')" "$WORK/out"
check_not "a bidi override reached the terminal" grep -q "$(printf '\342\200\256')" "$WORK/out"

# ssh, stood in for by a script that drops the options and the host and
# runs the command here, as ssh would on the server.
cat >"$WORK/ssh" <<'SH'
#!/bin/sh
while [ "$1" != "--" ]; do shift; done
shift 2
exec sh -c "$*"
SH
# The service account: its forced command, the client's words in
# SSH_ORIGINAL_COMMAND, the book and the login its own.
cat >"$WORK/ssh-service" <<SH
#!/bin/sh
while [ "\$1" != "--" ]; do shift; done
shift 2
SSH_ORIGINAL_COMMAND="\$*" TEND_DB="$TEAM" exec "$TEND" --ssh-user priya.raman
SH
chmod +x "$WORK/ssh" "$WORK/ssh-service"
mkdir -p "$WORK/bin"
ln -s "$TEND" "$WORK/bin/tend"

case_ "over ssh: clone, push, pull, conflicts and resolve, as git does, no daemon"
export TEND_SYNC_SSH="$WORK/ssh"
OLDPATH=$PATH
PATH="$WORK/bin:$PATH"
run --db "$WORK/far.db" $NOW sync clone "ssh://server$TEAM"
expect_rc 0
expect_out_has "copy #2 of ssh://server$TEAM made in"
"$TEND" --db "$WORK/far.db" $NOW log "$A" "Logged far away" >/dev/null
"$TEND" --db "$WORK/far.db" $NOW account set "$A" --seats 11 >/dev/null
"$TEND" --db "$TEAM" $NOW account set "$A" --seats 12 >/dev/null
run --db "$WORK/far.db" $NOW sync
expect_rc 0
expect_out_has "pushed: 2 changes, 1 row, 1 conflict kept the team's value"
check "the far touchpoint is not on the team book" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Logged far away'")" = 1 ]
check "the far copy's range is not copy 2's" [ "$(q "$TEAM" "SELECT id >= (1 << 40) + 2 * (1 << 32) FROM touchpoints WHERE summary = 'Logged far away'")" = 1 ]
check "the pull did not bring the team's seats" [ "$(q "$WORK/far.db" "SELECT licensed_seats FROM accounts WHERE external_id = '$A'")" = 12 ]
run --db "$WORK/far.db" $NOW sync status
expect_out_has "1 open conflict"
run --db "$WORK/far.db" $NOW sync conflicts --format csv
expect_rc 0
expect_out_has ",11,12,"
ID=$(awk -F, '$5 ~ /^[0-9]+$/ && $6 == "licensed_seats" && $8 == "licensed_seats" && $10 == 11 { print $1 }' "$WORK/out" | tail -n 1)
run --db "$WORK/far.db" $NOW sync resolve "$ID" mine
expect_rc 0
check "resolving over ssh left the team's seats" [ "$(q "$TEAM" "SELECT licensed_seats FROM accounts WHERE external_id = '$A'")" = 11 ]

case_ "the service account: the book and the login are its forced command's"
export TEND_SYNC_SSH="$WORK/ssh-service"
run --db "$WORK/svc.db" $NOW sync clone "ssh://tend@server"
expect_rc 0
"$TEND" --db "$WORK/svc.db" $NOW log "$A" "Through the service account" >/dev/null
run --db "$WORK/svc.db" $NOW sync
expect_rc 0
check "the service account's push did not land" [ "$(q "$TEAM" "SELECT count(*) FROM touchpoints WHERE summary = 'Through the service account'")" = 1 ]
check "the copy is not the forced command's login's" [ "$(q "$TEAM" "SELECT login FROM sync_copies ORDER BY id DESC LIMIT 1")" = priya.raman ]

case_ "a host that does not speak tend sync: a clear error, no copy left"
printf '#!/bin/sh\nprintf "HTTP/1.1 400 Bad Request\\r\\n"\n' >"$WORK/ssh-bad"
chmod +x "$WORK/ssh-bad"
export TEND_SYNC_SSH="$WORK/ssh-bad"
run --db "$WORK/bad.db" $NOW sync clone "ssh://server/book.db"
expect_rc 65
expect_err_has "does not speak tend sync 1"
check "a failed clone left a file" [ ! -e "$WORK/bad.db" ]
run --db "$WORK/bad.db" $NOW sync clone "ssh://-oProxyCommand=x/book.db"
expect_rc 64
expect_err_has "a host cannot start with '-'"
unset TEND_SYNC_SSH
PATH=$OLDPATH

case_ "both books stay sound, their audit chains hold"
run --db "$TEAM" $NOW check
expect_rc 0
run --db "$COPY" $NOW check
expect_rc 0
run --db "$TEAM" $NOW audit verify
expect_rc 0

finish
