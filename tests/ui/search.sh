#!/bin/sh
# search.sh -- finding accounts: the incremental / search (names, account
# notes and touchpoint summaries through FTS5), Esc and c, the f filter
# menus (owner, segment, band), and the : command line with its history and
# Tab completion.  Counts are checked against the CLI on the same book.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

# live ARGS...: how many accounts `tend accounts ARGS` lists that are not
# churned (the heatmap leaves churned accounts out).
live() {
	"$TEND" --db "$DB" $NOW accounts --format csv "$@" | tail -n +2 | grep -vc ',churned,'
}

# rows DUMP: the heatmap rows of an 80x24 dump.
rows() {
	sed -n '4,22p' "$1" | grep '  [RYGOL?-] [0-9n ]'
}

case_ "/ narrows the heatmap with every keystroke"
screen <<EOF
wait 1/546
key /
wait-gone ? help
key A
wait search="A"
dump $WORK/a
key b
wait search="Ab"
dump $WORK/ab
key ern
wait search="Abern"
dump $WORK/abern
key <Enter>
wait match "Abern"
dump $WORK/done
key q
expect-exit 0
EOF
count() { sed -n 's/.*matrix, by health, [0-9]*\/\([0-9]*\).*/\1/p' "$1"; }
a=$(count "$WORK/a") ab=$(count "$WORK/ab") abern=$(count "$WORK/abern")
[ -n "$a" ] && [ -n "$ab" ] && [ -n "$abern" ] || fail "no counts in the tab line while typing"
[ "${a:-0}" -lt 546 ] && [ "${ab:-0}" -lt "${a:-0}" ] && [ "${abern:-0}" -lt "${ab:-0}" ] ||
	fail "typing A, b, ern does not narrow the rows: 546 > $a > $ab > $abern is false"
screen_has 'filter: search="A"' "$WORK/a"
screen_has "/Abern" "$WORK/abern"   # the prompt on the status line
rows "$WORK/abern" >"$WORK/rows"
check "$abern counted, but the rows are:
$(cat "$WORK/abern")" test "$(wc -l <"$WORK/rows")" -eq "$abern"
check_not "rows without 'Aber' in their name" grep -v 'Aber' "$WORK/rows"
# Every live account with a name word starting so is there (no other
# field of these accounts says Abern...).
names=$("$TEND" --db "$DB" $NOW accounts --format csv | grep -v ',churned,' | cut -d, -f3 | grep -c '\bAbern')
check "$abern rows for 'Abern', but $names live accounts have such a name" test "$abern" -eq "$names"
screen_has "$abern accounts match \"Abern\" (c clears)" "$WORK/done"

case_ "a word found only in a touchpoint summary finds its account"
"$TEND" --db "$DB" $NOW log "Hollow Leaf Telecom" "Walked through the quokkaspline migration" >/dev/null ||
	fail "cannot log a touchpoint"
screen <<EOF
wait 1/546
key /quokkas
wait search="quokkas"
dump $WORK/found
key <Enter>
wait 1 account matches
key q
expect-exit 0
EOF
screen_has "matrix, by health, 1/1" "$WORK/found"
check "the touchpoint's account is not found:
$(cat "$WORK/found")" row_greps 4 "$WORK/found" '^▶ Hollow Leaf Telecom '

case_ "a word found only in account notes finds those accounts, churned ones left out"
# "subsidiaries" is in some demo accounts' notes and nowhere else.
in_notes=$("$TEND" --db "$DB" $NOW export account | grep -c subsidiaries)
n=$("$TEND" --db "$DB" $NOW export account | grep subsidiaries | grep -vc ',churned,')
[ "$("$TEND" --db "$DB" $NOW export touchpoint | grep -c subsidiaries)" -eq 0 ] && [ "$n" -gt 1 ] &&
	check "the demo book changed: 'subsidiaries' is no longer a notes-only word of some churned and live accounts" test "$in_notes" -gt "$n"
screen <<EOF
wait 1/546
key /subsidiaries<Enter>
wait filter: search="subsidiaries"
wait match
dump
key q
expect-exit 0
EOF
screen_has "matrix, by health, 1/$n"
screen_has "$n accounts match \"subsidiaries\""

case_ "Esc gives back the search from before; c clears it"
screen <<EOF
wait 1/546
key /Abern<Enter>
wait match "Abern"
dump $WORK/abern
key /
wait-gone match
key x
wait search="Abernx"
wait 0/0
key <Esc>
settle
wait search="Abern"
dump $WORK/restored
key c
wait search and filters cleared
dump $WORK/cleared
key q
expect-exit 0
EOF
n=$(sed -n 's/.*matrix, by health, 1\/\([0-9]*\).*/\1/p' "$WORK/abern")
screen_has "matrix, by health, 1/$n" "$WORK/restored"
screen_lacks "Abernx" "$WORK/restored"
screen_has "1/546" "$WORK/cleared"
screen_lacks "filter:" "$WORK/cleared"

case_ "f filters by segment, owner and band; the header names them"
smb=$(live --segment smb)
pooled_smb=$(live --owner pooled --segment smb)
pooled_smb_red=$("$TEND" --db "$DB" $NOW health list --owner pooled --segment smb --band red --format csv |
	tail -n +2 | wc -l)
[ "$pooled_smb" -lt "$smb" ] && [ "$pooled_smb_red" -gt 0 ] && [ "$pooled_smb_red" -lt "$pooled_smb" ] ||
	fail "the demo book changed: pooled smb accounts, some red, are wanted"
screen -s 120x24 <<EOF
wait 1/546
key f
wait Filter by
dump $WORK/menu
key j<Enter>
wait ─Segment
key jj<Enter>
wait filter: segment=smb
dump $WORK/smb
key f
wait Filter by
key <Enter>
wait ─Owner
dump $WORK/owners
key j<Enter>
wait filter: owner=pooled segment=smb
dump $WORK/pooled
key f
wait Filter by
key jjj<Enter>
wait ─Band
key <Enter>
wait band=red
dump $WORK/red
key f
wait Filter by
key jjjjjj<Enter>
wait-gone filter:
dump $WORK/all
key q
expect-exit 0
EOF
# The menu marks its choice with "> " and lines the other items up.
grep -q '│> Owner  ' "$WORK/menu" && grep -q '│  Segment  ' "$WORK/menu" ||
	fail "the filter menu is not aligned:
$(cat "$WORK/menu")"
for owner in me pooled aiko.tanaka priya.raman; do
	grep -q "│[ >] $owner " "$WORK/owners" || fail "the owner menu lacks $owner:
$(cat "$WORK/owners")"
done
screen_has "matrix, by health, 1/$smb" "$WORK/smb"
screen_has "matrix, by health, 1/$pooled_smb" "$WORK/pooled"
screen_has "filter: owner=pooled segment=smb band=red" "$WORK/red"
screen_has "matrix, by health, 1/$pooled_smb_red" "$WORK/red"
rows "$WORK/red" >"$WORK/rows"
check_not "rows that are not red under band=red" grep -v '  R [0-9]' "$WORK/rows"
screen_has "1/546" "$WORK/all"

case_ "f then Owner, me: my own accounts"
screen <<EOF
wait 1/546
key f
wait Filter by
key <Enter>
wait ─Owner
key <Enter>
wait filter: owner=priya.raman
dump
key q
expect-exit 0
EOF
screen_has "matrix, by health, 1/$(live --owner priya.raman)"

case_ ": runs filter commands; Up and Down recall them"
screen <<EOF
wait 1/546
key :segment smb<Enter>
wait filter: segment=smb
dump $WORK/smb
key :within 30<Enter>
wait renewing<=30d
dump $WORK/within
key :
settle
key <Up>
wait :within 30
key <Up>
wait :segment smb
key <Up>
wait :segment smb
key <Down>
wait :within 30
key <Down>
wait-gone :within 30
dump $WORK/empty
key <Up><Up><C-u>clear<Enter>
wait-gone filter:
key :
settle
key <Up>
wait :clear
key <Esc>
settle
key :band purple<Enter>
wait 'purple' is not one of its values
key :frobnicate<Enter>
wait unknown command 'frobnicate'
key :quit<Enter>
expect-exit 0
EOF
screen_has "matrix, by health, 1/$(live --segment smb)" "$WORK/smb"
screen_has "matrix, by health, 1/$(live --segment smb --renewing-within 30)" "$WORK/within"
check "Down past the newest line does not give an empty line: '$(screen_row 24 "$WORK/empty")'" test "$(screen_row 24 "$WORK/empty")" = ":"

case_ ": Tab completes commands, values and account names"
screen <<EOF
wait 1/546
key :se<Tab>
wait search segment
dump $WORK/ambiguous
key g<Tab>
wait :segment
key sm<Tab>
wait :segment smb
key <Enter>
wait filter: segment=smb
key :ba<Tab>r<Tab>
wait :band red
key <Enter>
wait band=red
key :cl<Tab><Enter>
wait-gone filter:
key :account abern<Tab>
wait accounts start so
dump $WORK/names
key H<Tab>
wait :account Abernathy Health
key <Enter>
wait L log  T task
dump $WORK/account
key :account zzz<Tab>
wait no account name starts with 'zzz'
key <Esc>
settle
key Q
expect-exit 0
EOF
check "an ambiguous Tab does not list the commands: '$(screen_row 24 "$WORK/ambiguous")'" test "$(screen_row 24 "$WORK/ambiguous")" = ":se  search segment"
check "Tab does not extend the name as far as the names agree: '$(screen_row 24 "$WORK/names")'" row_greps 24 "$WORK/names" '^:account Abernathy  *[0-9]* accounts start so; type more$'
check "the completed name does not open its account:
$(cat "$WORK/account")" row_greps 3 "$WORK/account" '^▶ Abernathy Health '

finish
