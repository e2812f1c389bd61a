#!/bin/sh
# tui.sh -- the interface starts on a book in a pseudo-terminal, draws the
# header and the accounts, takes keys and quits cleanly; a hostile account
# name reaches the screen only as inert text.  (The full screen-reading
# harness comes with the interface's panes.)
. "$TEST_SRCDIR/tests/cli/lib.sh"
command -v script >/dev/null 2>&1 || { echo "script(1) not installed: skipped"; exit 77; }
make_book
printf 'external_id,name,segment\nEVIL-1,"Evil \033]0;pwned\007 \033[2J",smb\n' >"$WORK/evil.csv"
"$TEND" --db "$DB" $NOW import account "$WORK/evil.csv" >/dev/null || fail "cannot import"

case_ "start, move, quit"
(sleep 1; printf 'jjGgq') | TERM=xterm timeout 20 script -qfec "'$TEND' --db '$DB' $NOW" /dev/null \
	>"$WORK/screen" 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
grep -q "tester (lead)  |  2026-11-23  |  6 accounts" "$WORK/screen" || fail "no header"
grep -q "Acme Corporation" "$WORK/screen" || fail "no accounts"
grep -q 'Evil \\x1b\]0;pwned\\x07 \\x1b\[2J' "$WORK/screen" || fail "hostile name not shown as escapes"
grep -q "$(printf '\033')]0;pwned" "$WORK/screen" && fail "an escape sequence from data reached the terminal"
grep -q "$(printf '\033')\[?1049l" "$WORK/screen" || fail "the terminal was not restored"

finish
