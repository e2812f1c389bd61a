#!/bin/sh
# inbox.sh -- the Inbox pane: an empty inbox, then the items of a fixture
# (escalations first, unread in bold, a hostile message shown inert), the
# header's count, Enter to the item's detail, o to its account and back, d marking an item done
# (the count drops, the audit log has it), a for the whole book, the owner filter, resizes,
# and the items a real `tend playbook run` leaves.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is needed for the fixture" >&2; exit 77; }
sql() { sqlite3 -batch "$DB" "$@"; }

me=$(sql "SELECT id FROM users WHERE login = 'priya.raman'")
[ -n "$me" ] || { fail "no user priya.raman in the demo book"; finish; }
# Two of her accounts, by id: the escalation's and the notification's.
set -- $(sql "SELECT id FROM accounts WHERE owner_id = $me ORDER BY id LIMIT 2")
acct1=$1 acct2=$2
name1=$(sql "SELECT name FROM accounts WHERE id = $acct1")
name2=$(sql "SELECT name FROM accounts WHERE id = $acct2")
# Names are cut to the column at 80x24 (11 columns; CJK characters take
# two): match their first four characters.
short1=$(printf '%s' "$name1" | sed 's/^\(.\{4\}\).*/\1/')
short2=$(printf '%s' "$name2" | sed 's/^\(.\{4\}\).*/\1/')

case_ "an empty inbox says so, and the header shows no count"
sql "DELETE FROM inbox"
screen <<EOF
wait 1/546
dump $WORK/start
key 3
wait Inbox empty: nothing to act on.
dump $WORK/empty
key a
wait whole book
key q
wait matrix, by health
key q
expect-exit 0
EOF
check_not "the header counts an empty inbox: $(screen_row 1 "$WORK/start")" row_greps 1 "$WORK/start" 'inbox'
check "the tab line lacks the inbox's key: $(screen_row 2 "$WORK/start")" row_greps 2 "$WORK/start" -F '   3 Inbox   5 Plan   6 '
screen_has "mine, 0/0" "$WORK/empty"

# The fixture: what playbook runs would leave (made by hand, as a test
# fixture may).  1, an overdue level-2 escalation to priya; 2, a read
# notification meant for the account's AM, whom no user is, so redirected
# to her, with a message that tries to set the terminal's title and clear
# the screen; 3, an escalation to the lead role from before items were
# resolved to people (not hers: she is a CSM); 4, a notification to her
# already done.
hostile=$(printf 'Renewal soon \033]0;pwned\007 at %s\033[2J' "$name2" | sed "s/'/''/g")
sql <<EOF
INSERT INTO inbox (id, created_on, kind, account_id, recipient_id, recipient_role, level, message,
                   due_date, status, source)
VALUES
 (1, '2026-11-13', 'escalation', $acct1, $me, 'csm', 2, 'Nobody has called the customer yet',
  '2026-11-20', 'unread', 'playbook:support-spike'),
 (2, '2026-11-22', 'notification', $acct2, $me, 'am', 0, '$hostile', NULL, 'read', 'playbook:renewal-t90'),
 (3, '2026-11-21', 'escalation', $acct1, NULL, 'lead', 1, 'Review the plan with the CSM', '2026-11-30',
  'unread', 'playbook:health-red'),
 (4, '2026-11-01', 'notification', $acct2, $me, 'csm', 0, 'Old news', NULL, 'done', 'manual');
UPDATE inbox SET redirected_from = 'am' WHERE id = 2;
EOF

case_ "the inbox lists my open items, escalations first; the header counts them"
screen <<EOF
wait inbox 2
dump $WORK/heatmap
key 3
wait mine, 1/2
dump $WORK/inbox
key j
wait mine, 2/2
dump $WORK/second
key q
wait matrix, by health
key q
expect-exit 0
EOF
check "the header does not count 2 items: $(screen_row 1 "$WORK/heatmap")" row_greps 1 "$WORK/heatmap" 'priya.raman (csm)  2026-11-23  inbox 2'
check "row 3 is not the title row: $(screen_row 3 "$WORK/inbox")" row_greps 3 "$WORK/inbox" '^  DATE  *KIND  *ACCOUNT  *TO  *ACT BY  *MESSAGE'
check "the first row is not the level-2 escalation: $(screen_row 4 "$WORK/inbox")" row_greps 4 "$WORK/inbox" "^▶ 2026-11-13 L2    $short1.* priya.raman  *2026-11-20 Nobody has called"
check "the second row is not the notification: $(screen_row 5 "$WORK/inbox")" row_greps 5 "$WORK/inbox" "^  2026-11-22 note  $short2.* priya.raman  *-  *Renewal soon"
check_not "more than two rows: $(screen_row 6 "$WORK/inbox")" row_greps 6 "$WORK/inbox" '[^ ]'
screen_lacks "Review the plan" "$WORK/inbox"
screen_lacks "Old news" "$WORK/inbox"
# The last row of the pane has the selected item's whole message.
check "no detail line for item 1: $(screen_row 23 "$WORK/inbox")" row_greps 23 "$WORK/inbox" "^#1 Nobody has called the customer yet  (playbook:support-spike, account "
check_not "item 1 says it was redirected: $(screen_row 23 "$WORK/inbox")" row_greps 23 "$WORK/inbox" "redirected"
# The redirected item says so first; its hostile message is shown as inert
# text, and never reached the terminal.
check "the hostile message is not shown escaped, after the redirect: $(screen_row 23 "$WORK/second")" row_greps 23 "$WORK/second" -F '#2 redirected from am: Renewal soon \x1b]0;pwned\x07 at'
if grep -qF "$(printf '\033]0;pwned')" "$RAW"; then
	fail "the title-setting sequence reached the terminal"
fi
[ "$(screen_row 1 "$WORK/second" | cut -c1-6)" = " tend " ] || fail "the screen was cleared or scrolled:
$(cat "$WORK/second")"

case_ "unread items are bold, read ones plain (mono theme)"
screen -- --theme mono <<EOF
wait inbox 2
key 3
wait mine, 1/2
dumpattr $WORK/mono.attr
key Q
expect-exit 0
EOF
# Row 4 (unread): the message (from column 57 at 80x24) in bold; row 5
# (read): plain.  The message, not the name: its text is ASCII.
screen_row 4 "$WORK/mono.attr" | cut -c57-68 | grep -q '^\*\{12\}$' ||
	fail "the unread row is not bold: $(screen_row 4 "$WORK/mono.attr")"
[ -z "$(screen_row 5 "$WORK/mono.attr" | cut -c57-68 | tr -d .)" ] ||
	fail "the read row is not plain: $(screen_row 5 "$WORK/mono.attr")"

case_ "Enter shows the item in full with its actions; o opens its account, q comes back"
screen <<EOF
wait inbox 2
key 3
wait mine, 1/2
key <Enter>
wait o  open its account's 360 view
dump $WORK/detail
key o
wait L log  T task
dump $WORK/account
key q
wait mine, 1/2
dump $WORK/back
key j
wait mine, 2/2
key <Enter>
wait Inbox item #
key o
wait L log  T task
dump $WORK/account2
key Q
expect-exit 0
EOF
screen_has "d  mark it done" "$WORK/detail"
screen_has "Inbox item #" "$WORK/detail"
check "Enter did not open '$name1':
$(cat "$WORK/account")" row_greps 3 "$WORK/account" -F "▶ $name1"
check "q did not come back to the inbox:
$(cat "$WORK/back")" row_greps 2 "$WORK/back" 'mine, 1/2'
check "Enter on the second item did not open '$name2':
$(cat "$WORK/account2")" row_greps 3 "$WORK/account2" -F "▶ $name2"

case_ "a shows every open item of the book, and back"
screen -s 120x30 <<EOF
wait inbox 2
key 3
wait mine, 1/2
key a
wait whole book, 1/3
dump $WORK/all
key a
wait mine, 1/2
key Q
expect-exit 0
EOF
check "the whole book lacks the lead's escalation:
$(cat "$WORK/all")" grep -q '2026-11-21 L1 .* lead  *2026-11-30 .*Review the plan with the CSM' "$WORK/all"
screen_lacks "Old news" "$WORK/all"
check "the header counts the whole book: $(screen_row 1 "$WORK/all")" row_greps 1 "$WORK/all" 'inbox 2'

case_ "the owner filter narrows the inbox to that CSM's accounts, and lets go"
other=$(sql "SELECT id FROM accounts WHERE owner_id IS NOT NULL AND owner_id <> $me ORDER BY id LIMIT 1")
sql "INSERT INTO inbox (id, created_on, kind, account_id, recipient_id, recipient_role, level, message,
                        due_date, status, source)
     VALUES (5, '2026-11-20', 'notification', $other, NULL, 'lead', 0, 'About another book', NULL,
             'unread', 'manual')"
screen -s 120x30 <<EOF
wait inbox 2
key 3
wait mine, 1/2
key a
wait whole book, 1/4
dump $WORK/unfiltered
key f
wait Filter by
key <Enter>
wait ─Owner
key <Enter>
wait filter: owner=priya.raman
wait whole book, 1/3
dump $WORK/filtered
key f
wait Filter by
key <Enter>
wait ─Owner
key j<Enter>
wait filter: owner=pooled
wait Inbox empty
dump $WORK/pooled
key c
wait-gone filter:
wait whole book, 1/4
key Q
expect-exit 0
EOF
sql "DELETE FROM inbox WHERE id = 5"
screen_has "About another book" "$WORK/unfiltered"
screen_lacks "About another book" "$WORK/filtered"
screen_has "Nobody has called" "$WORK/filtered"
screen_has "Inbox empty: nothing to act on in the whole book about pooled accounts." "$WORK/pooled"

case_ "d marks the selected item done: the count drops, then the inbox is empty"
screen <<EOF
wait inbox 2
key 3
wait mine, 1/2
key d
wait inbox item #1 done
dump $WORK/one
key d
wait Inbox empty: nothing to act on.
dump $WORK/none
key d
wait nothing to mark done
key Q
expect-exit 0
EOF
check "the header does not count 1 after d: $(screen_row 1 "$WORK/one")" row_greps 1 "$WORK/one" 'inbox 1 *$'
check "the cursor is not on the next item:
$(cat "$WORK/one")" row_greps 4 "$WORK/one" "^▶ 2026-11-22 note"
check_not "the header counts an empty inbox: $(screen_row 1 "$WORK/none")" row_greps 1 "$WORK/none" 'inbox'
[ "$(sql "SELECT group_concat(id || ':' || status || ':' || coalesce(done_on, '-')) FROM inbox WHERE id IN (1, 2)")" = \
	"1:done:2026-11-23,2:done:2026-11-23" ] || fail "items 1 and 2 are not done: $(sql "SELECT * FROM inbox")"
check "the audit log does not have both updates: $(sql "SELECT * FROM audit_log WHERE table_name = 'inbox'")" test "$(sql "SELECT count(*) FROM audit_log WHERE table_name = 'inbox' AND op = 'update' AND actor = 'priya.raman'")" = 2
check "the lead's item changed" test "$(sql "SELECT status FROM inbox WHERE id = 3")" = unread

case_ "resizing keeps the list whole; wide screens show the status column"
sql "UPDATE inbox SET status = 'unread', done_on = NULL WHERE id = 1"
screen <<EOF
wait inbox 1
key 3
wait mine, 1/1
resize 130x30
dump $WORK/wide
resize 60x20
wait Terminal too small
resize 80x24
wait mine, 1/1
dump $WORK/narrow
key Q
expect-exit 0
EOF
check "no status column at 130 columns: $(screen_row 3 "$WORK/wide")" row_greps 3 "$WORK/wide" 'ACT BY  *STATUS  *MESSAGE'
check "the wide row lacks status or message: $(screen_row 4 "$WORK/wide")" row_greps 4 "$WORK/wide" '2026-11-20 unread  *Nobody has called the customer yet'
check "two status lines after the resize" test "$(grep -c 'q back' "$WORK/wide")" = 1
check "the status line is not on row 30:
$(cat "$WORK/wide")" row_greps 30 "$WORK/wide" 'q back'
check "back at 80x24 the row is gone:
$(cat "$WORK/narrow")" row_greps 4 "$WORK/narrow" "^▶ 2026-11-13 L2"
check_not "the status column did not make room at 80 columns" row_greps 3 "$WORK/narrow" 'STATUS'

case_ "the items of a real playbook run are listed and counted (as the CSM and the lead)"
# Roles nobody holds in the demo book (its AMs and RMs are no users;
# support and marketing are not configured) reach the owner, or for a
# pooled account the lead: the CSM's own inbox has items too.  Compare
# each with `tend inbox`.
sql "DELETE FROM inbox"
run_inbox() {   # run_inbox LOGIN ROLE
	TEND_USER=$1 "$TEND" --db "$DB" $NOW inbox --format csv >"$WORK/cli" 2>"$WORK/cli.err" ||
		fail "tend inbox failed: $(cat "$WORK/cli.err")"
	n=$(grep -c '^[0-9][0-9]*,' "$WORK/cli")
	first=$(sed -n '2s/,.*//p' "$WORK/cli")
	check "the playbook run left $1 nothing: $(cat "$WORK/run")" test "$n" -gt 0
	screen -e TEND_USER="$1" <<EOF
wait inbox $n
key 3
wait mine, 1/$n
dump $WORK/run-inbox
key Q
expect-exit 0
EOF
	check "the header does not count the run's $n items for $1: $(screen_row 1 "$WORK/run-inbox")" row_greps 1 "$WORK/run-inbox" "$1 ($2)  2026-11-23  inbox $n *\$"
	check "the first item is not the first of tend inbox (#$first): $(screen_row 23 "$WORK/run-inbox")" row_greps 23 "$WORK/run-inbox" "^#$first "
	from=$(sql "SELECT redirected_from FROM inbox WHERE id = '$first'")
	[ -z "$from" ] ||
		check "the detail line does not say #$first was redirected from $from: $(screen_row 23 "$WORK/run-inbox")" row_greps 23 "$WORK/run-inbox" "^#$first redirected from $from: "
}
if "$TEND" --db "$DB" $NOW playbook run >"$WORK/run" 2>"$WORK/run.err"; then
	run_inbox priya.raman csm
	check "no item of priya's is marked redirected: $(cat "$WORK/cli")" grep -q ',priya.raman,\(am\|rm\|support\|marketing\),' "$WORK/cli"
	check "priya's first item is not a redirected one" test -n "$from"
	run_inbox ingrid.halvorsen lead
else
	fail "tend playbook run failed: $(cat "$WORK/run.err")"
fi

finish
