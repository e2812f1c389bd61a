#!/bin/sh
# smoke.sh -- the interface in a pseudo-terminal: it starts on the demo book
# with the user and date in its header, moves the cursor in few bytes and no
# full clear, copes with resizes, shows hostile account names as inert text,
# starts under LC_ALL=C, names the book's owner as such, and quits with q,
# restoring the terminal.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

case_ "start-up on the demo book; j moves the cursor; q quits"
screen <<EOF
wait 1/546
dump $WORK/start
dumpattr $WORK/start.attr
key j
settle
dump $WORK/moved
dumpattr $WORK/moved.attr
key q
expect-exit 0
EOF
screen_has "priya.raman (csm)" "$WORK/start"
screen_has "2026-11-23" "$WORK/start"
cat "$WORK/start" "$WORK/start.attr" >"$WORK/before"
cat "$WORK/moved" "$WORK/moved.attr" >"$WORK/after"
check_not "j changed nothing on the screen" cmp -s "$WORK/before" "$WORK/after"
check "the terminal was not restored on q" grep -q "$(printf '\033')\[?1049l" "$RAW"

case_ "the book's owner who is no user of it (the demo, a personal book) is its owner, not a stranger"
TEND_USER=pat.nobody
screen <<EOF
wait 1/546
dump $WORK/owner
key q
expect-exit 0
EOF
TEND_USER=priya.raman
screen_has "pat.nobody (book owner)" "$WORK/owner"

case_ "a one-row move at 80x24 on 600 accounts: under 200 bytes, no full clear"
screen <<EOF
wait 1/546
key j
bytes start
key j
bytes stop 200
key q
expect-exit 0
EOF
set -- $(screen_bytes)
echo "one-row cursor move: ${1:-?} bytes, ${2:-?} full clears"

case_ "resize below 80x24, back, and up to 200x60"
screen <<EOF
wait 1/546
resize 60x20
wait Terminal too small
reject 1/546
resize 80x24
wait 1/546
wait-gone Terminal too small
resize 200x60
wait 1/546
dump $WORK/wide
key q
expect-exit 0
EOF
screen_has "priya.raman (csm)" "$WORK/wide"
check "the interface does not fill 200x60:
$(cat "$WORK/wide")" test -n "$(screen_row 60 "$WORK/wide")"

case_ "hostile, accented and CJK names render as inert text (a lead opens on Team: 1 shows them)"
DEMO_DB=$DB
DB=small.db
make_book
printf 'external_id,name,segment\nEVIL-1,"Evil \033]0;pwned\007 \033[2J",smb\n' >evil.csv
"$TEND" --db "$DB" $NOW import account evil.csv >/dev/null || fail "cannot import"
screen -s 200x60 -e TEND_USER=tester <<EOF
wait CSM
key 1
wait Evil
dump $WORK/evil
key Q
expect-exit 0
EOF
screen_has 'Evil \x1b]0;pwned\x07 \x1b[2J' "$WORK/evil"
screen_has "tester (lead)" "$WORK/evil"  # a clear from the data would wipe it
screen_has "Acme Corporation" "$WORK/evil"
screen_has "Société Générale des Eaux" "$WORK/evil"
screen_has "山田製作所株式会社" "$WORK/evil"
check_not "an escape sequence from the data reached the terminal" grep -q "$(printf '\033')]0;pwned" "$RAW"
DB=$DEMO_DB

case_ "LC_ALL=C: starts, and sends the terminal ASCII only"
screen -e LC_ALL=C <<EOF
wait 1/546
dump $WORK/c
key q
expect-exit 0
EOF
screen_has "priya.raman (csm)" "$WORK/c"
check_not "non-ASCII bytes under LC_ALL=C" env LC_ALL=C grep -q "$(printf '[\200-\377]')" "$RAW"

case_ "an abort, Ctrl-C, a hang-up, TERM, QUIT and a closed pipe leave the terminal as it was"
screen -e TEND_DEBUG_ABORT=1 <<'EOF'
wait 1/546
key :debug-abort\r
expect-signal ABRT
expect-cooked
EOF
check "the abort did not say it restored the terminal" test "$rc" -eq 0
screen <<'EOF'
wait 1/546
key <C-c>
expect-signal INT
expect-cooked
EOF
# An SSH link dropping (HUP), kill (TERM), Ctrl-\\ (QUIT) and a closed pipe:
# each ends tend by its signal (so the shell sees 128+n) with the terminal
# given back.
for sig in HUP TERM QUIT PIPE; do
	screen <<EOF
wait 1/546
signal $sig
expect-signal $sig
expect-cooked
EOF
done
# Without TEND_DEBUG_ABORT, :debug-abort is no command at all.
screen <<'EOF'
wait 1/546
key :debug-abort\r
settle
key Q
expect-exit 0
EOF


case_ "the first screen says when the audit log was tampered with, and when the book is read-only"
cp "$DB" tampered.db
sqlite3 tampered.db "INSERT INTO audit_log (at, actor, action, op, hash) VALUES ('2019-01-01T00:00:00Z', 'mallory', 'forged', 'insert', printf('%064d', 0))"
rows=$(sqlite3 tampered.db "SELECT max(id) FROM audit_log")
DB=tampered.db screen <<EOF
wait 1/546
dump $WORK/tampered
key q
expect-exit 0
EOF
screen_has "audit log changed outside tend at row $rows: run tend audit verify" "$WORK/tampered"
screen -- --read-only <<EOF
wait 1/546
dump $WORK/ro
key q
expect-exit 0
EOF
check "the header says read-only: $(screen_row 1 "$WORK/ro")" row_greps 1 "$WORK/ro" -F "priya.raman (csm)  2026-11-23  read-only"
check "a book that is no field copy says it is: $(screen_row 1 "$WORK/ro")" \
	row_greps 1 "$WORK/ro" -v -F "offline copy"

case_ "a field copy's header says how many changes wait to be synced"
"$TEND" --db "$WORK/copy.db" $NOW sync clone "$DB" >/dev/null
"$TEND" --db "$WORK/copy.db" $NOW log "$("$TEND" --db "$DB" $NOW accounts --owner me --format csv |
	awk -F, 'NR == 2 { print $2 }')" "Met at the trade show" >/dev/null
screen -- --db "$WORK/copy.db" <<EOF
wait not synced
dump $WORK/copy
key q
expect-exit 0
EOF
check "the header lacks the copy's changes: $(screen_row 1 "$WORK/copy")" \
	row_greps 1 "$WORK/copy" -F "offline copy, 1 change not synced"

finish
