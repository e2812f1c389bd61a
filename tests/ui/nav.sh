#!/bin/sh
# nav.sh -- getting around: the heatmap on start-up, the account 360 view
# and back (the heatmap keeps its cursor), pane keys, cursor keys, sort
# orders, the three heatmap modes and values, the help screen generated
# from the keymap (with a rebinding from config.yaml), and the mouse.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

# cursor_name DUMP: the name on the heatmap row with the cursor, less the
# ellipsis of a name cut to fit (the band column follows after 2+ blanks).
cursor_name() {
	sed -n 's/^▶ //; T; s/   *[RYGOL?-] .*//; s/…$//; p' "$1"
}

# cursor_row DUMP: the number of the row with the cursor marker.
cursor_row() {
	grep -n '^▶' "$1" | cut -d: -f1
}

# arr_column DUMP: the ARR of each heatmap row (80x24) that has a renewal.
arr_column() {
	sed -n '4,22p' "$1" | grep -o '[0-9][0-9,]* 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' | sed 's/ .*//; s/,//g'
}

case_ "start-up shows the heatmap: titles, band letters, legend, tabs"
screen <<EOF
wait 1/546
dump $WORK/start
dumpattr $WORK/start.attr
key q
expect-exit 0
EOF
screen_has "1 Heatmap" "$WORK/start"
# Six tabs and the description do not fit 80 columns: the last ones shrink to their keys.
check "the tab line lacks the other tabs' keys: $(screen_row 2 "$WORK/start")" row_greps 2 "$WORK/start" -F ' 1 Heatmap   2 Account   3 Inbox   5 Plan   6   7 '

screen_has "matrix, by health, 1/546" "$WORK/start"
check "row 3 is not the title row: $(screen_row 3 "$WORK/start")" row_greps 3 "$WORK/start" '^  ACCOUNT  *HEALTH'
# Every row of the first page has a band letter and score, worst first.
rows=$(sed -n '4,22p' "$WORK/start" | grep -c '  [RYGOL] [0-9]\.[0-9][0-9] ')
check "$rows of 19 rows have a band letter and score:
$(cat "$WORK/start")" test "$rows" -eq 19
check "the worst account is not first and red" row_greps 4 "$WORK/start" '  R [0-9]\.[0-9][0-9] '
screen_has "cells: 1 red  2 yellow  3 green" "$WORK/start"
check "the cursor is not on the first row" test "$(cursor_row "$WORK/start")" = 4
# The active tab is highlighted (default theme: white on blue).
check "the tab line does not show Heatmap as the active tab: $(screen_row 2 "$WORK/start.attr")" row_greps 2 "$WORK/start.attr" '^.BBBBBBBBBBB.KKK.KKK'

case_ "Enter opens the selected account; q and Esc come back to the same row"
screen -s 100x60 <<EOF
wait 1/546
key jjj
wait 4/546
dump $WORK/before
key <Enter>
wait L log  T task
dump $WORK/account
key q
wait matrix, by health, 4/546
dump $WORK/after-q
key j
wait 5/546
key <Enter>
wait L log  T task
dump $WORK/account2
key <Esc>
settle
wait matrix, by health, 5/546
dump $WORK/after-esc
key q
expect-exit 0
EOF
name=$(cursor_name "$WORK/before")
check "no cursor row in the heatmap:
$(cat "$WORK/before")" test -n "$name"
check "the tab line does not name '$name': $(screen_row 2 "$WORK/account")" row_greps 2 "$WORK/account" -F "$name"
check "the page does not start with '$name': $(screen_row 3 "$WORK/account")" row_greps 3 "$WORK/account" -F "▶ $name"
for section in Health Signals "Contacts by role" "Open tasks" "Open risks" "Timeline" "Renewals"; do
	check "the account page lacks the section '$section':
$(cat "$WORK/account")" grep -q "^  $section" "$WORK/account"
done
screen_has "e edit  L log  T task  D done" "$WORK/account"
check "after q the cursor is not on row 4 of the heatmap:
$(cat "$WORK/after-q")" test "$(cursor_row "$WORK/after-q")" = 7
check "after q the cursor is not on '$name'" test "$(cursor_name "$WORK/after-q")" = "$name"
check "after Esc the cursor is not on row 5:
$(cat "$WORK/after-esc")" test "$(cursor_row "$WORK/after-esc")" = 8

case_ "a second account opens at its top even after scrolling the first"
screen <<EOF
wait 1/546
key <Enter>
wait L log  T task
key jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj
settle
key q
wait matrix
key j
wait 2/546
dump $WORK/list
key <Enter>
wait L log  T task
dump $WORK/second
key q
settle
key q
expect-exit 0
EOF
name=$(cursor_name "$WORK/list")
check "the second account opens scrolled down:
$(cat "$WORK/second")" row_greps 3 "$WORK/second" -F "▶ $name"

case_ "Tab (heatmap, account, inbox, team), BackTab, 1 and 2 switch panes; each pane keeps its cursor"
screen <<EOF
wait 1/546
key 2
wait no account selected yet
key jj
wait 3/546
key <Enter>
wait L log  T task
key jjjjj
key 1
wait matrix, by health, 3/546
key 2
wait L log
dumpattr $WORK/account.attr
key <Tab>
wait mine, 0/0
key <Tab>
wait month, 2026-11-23
key <Tab>
wait 12 months, 1/9
key <Tab>
wait matrix, by health, 3/546
dumpattr $WORK/heatmap.attr
key <Tab>
wait L log
dump $WORK/account-again
key <BackTab>
wait matrix, by health, 3/546
dump $WORK/back
key q
expect-exit 0
EOF
check "back in the account pane, the cursor is not where five j put it:
$(cat "$WORK/account-again")" test "$(cursor_row "$WORK/account-again")" = 8
check "Account is not the active tab: $(screen_row 2 "$WORK/account.attr")" row_greps 2 "$WORK/account.attr" '^.KKKKKKKKKKK.BBBBBBBBBBB'
check "Heatmap is not the active tab: $(screen_row 2 "$WORK/heatmap.attr")" row_greps 2 "$WORK/heatmap.attr" '^.BBBBBBBBBBB.KKK.KKK'
check "back in the heatmap, the cursor is not on row 3" test "$(cursor_row "$WORK/back")" = 6

case_ "j, k, G, g, PgDn, PgUp and Space move the cursor"
screen <<'EOF'
wait 1/546
key j
wait 2/546
key k
wait 1/546
key G
wait 546/546
dump
key g
wait 1/546
key <PgDn>
wait 20/546
key <Space>
wait 39/546
key <PgUp>
wait 20/546
key <Down><Down>
wait 22/546
key <Up>
wait 21/546
key <End>
wait 546/546
key <Home>
wait 1/546
key q
expect-exit 0
EOF
# The last row by health is among the best; the first page scrolled away.
grep '^▶' "$SCREEN" | grep -q '  G [0-9]\.[0-9][0-9] ' || fail "G did not reach a green account:
$(cat "$SCREEN")"
check "after G the cursor is not on the last row of the page" test "$(cursor_row "$SCREEN")" = 22

case_ "PgDn turns a whole page: the cursor keeps its screen row; at the end it goes to the last row"
screen <<'EOF'
wait 1/546
key j
wait 2/546
key <PgDn>
wait 21/546
dump
key <PgUp>
wait 2/546
key <PgUp>
wait 1/546
key q
expect-exit 0
EOF
# 19 rows a page at 80x24: row 2 of the first page is 21, on the same row.
check "after PgDn the cursor moved on the screen:
$(cat "$SCREEN")" test "$(cursor_row "$SCREEN")" = 5

case_ "PgDn in the account pane turns a page too, the cursor keeping its screen row"
screen <<EOF
wait 1/546
key <Enter>
wait Signals
key jj
settle
dump $WORK/acct-top
key <PgDn>
settle
dump $WORK/acct-page
key <PgUp>
settle
dump $WORK/acct-back
key Q
expect-exit 0
EOF
check "j j did not put the cursor on row 3:
$(cat "$WORK/acct-top")" test "$(cursor_row "$WORK/acct-top")" = 5
check "after PgDn the account cursor moved on the screen:
$(cat "$WORK/acct-page")" test "$(cursor_row "$WORK/acct-page")" = 5
check_not "PgDn did not turn the account page" cmp -s "$WORK/acct-top" "$WORK/acct-page"
expect_same "PgUp did not come back to the first page" "$WORK/acct-top" "$WORK/acct-back"

case_ "Tab does not open an empty account pane: it goes on to the next pane with something to show"
screen <<'EOF'
wait 1/546
key <Tab>
wait ACT BY
reject no account selected yet
key 2
wait no account selected yet
expect ACT BY
key q
wait 1/546
key q
expect-exit 0
EOF

case_ "a resize while the command line is open is caught up when it closes"
screen <<'EOF'
wait 1/546
key :
settle
resize 120x30
key <Esc>
settle
dump
key q
expect-exit 0
EOF
[ "$(awk 'length($0) > 100' "$SCREEN" | wc -l)" -gt 0 ] || fail "the layout stayed at 80 columns:
$(cat "$SCREEN")"
screen_has "q quit"
check "two status lines after the resize" test "$(grep -c 'q quit' "$SCREEN")" = 1

case_ "s cycles the sort orders and the rows follow"
first=$("$TEND" --db "$DB" $NOW accounts --sort name --format csv | grep -v ',churned,' | sed -n 2p |
	cut -d, -f3)
screen <<EOF
wait 1/546
dump $WORK/health
key s
wait by name
dump $WORK/name
key s
wait by ARR
dump $WORK/arr
key s
wait by renewal
dump $WORK/renewal
key s
wait by owner
dump $WORK/owner
key s
wait by health
dump $WORK/health2
key q
expect-exit 0
EOF
check "sorted by name, the first row is not '$first': $(screen_row 4 "$WORK/name")" row_greps 4 "$WORK/name" -F "${first%"${first#???????????????}"}"
check_not "sorting by name changed nothing" cmp -s "$WORK/health" "$WORK/name"
arr_column "$WORK/arr" >"$WORK/arrs"
sort -rn "$WORK/arrs" | cmp -s - "$WORK/arrs" || fail "sorted by ARR, the ARR column is not descending:
$(cat "$WORK/arr")"
top=$("$TEND" --db "$DB" $NOW accounts --sort arr --reverse --limit 1 --format csv | sed -n 2p | cut -d, -f7)
check "the biggest ARR ($top) is not on top:
$(cat "$WORK/arr")" test "$(head -n 1 "$WORK/arrs")" = "${top%.00}"
sed -n '4,22p' "$WORK/renewal" | grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' >"$WORK/dates"
sort "$WORK/dates" | cmp -s - "$WORK/dates" || fail "sorted by renewal, the dates are not ascending:
$(cat "$WORK/renewal")"
check "five presses of s do not come back to the health order:
$(diff "$WORK/health" "$WORK/health2")" cmp -s "$WORK/health" "$WORK/health2"

case_ "m cycles matrix, tiles and quadrant; the selection and sort order survive"
screen <<EOF
wait 1/546
key jjj
wait 4/546
dump $WORK/matrix
key m
wait tiles by CSM
dump $WORK/tiles
key b
wait tiles by segment
dump $WORK/segments
key b
wait tiles by CSM
key m
wait quadrant
dump $WORK/quadrant
key m
wait matrix, by health, 4/546
dump $WORK/matrix2
key q
expect-exit 0
EOF
name=$(cursor_name "$WORK/matrix")
check "tiles have no per-CSM group titles:
$(cat "$WORK/tiles")" grep -q '^[a-z.]*: [0-9]* accounts, [0-9,]* ARR; [0-9]* red, [0-9,]* of it$' "$WORK/tiles"
check "no rows of band tiles:
$(cat "$WORK/tiles")" grep -q '^ [RYG]  *[RYG]' "$WORK/tiles"
check "the tiles do not keep '$name' selected:
$(cat "$WORK/tiles")" grep -qF "▶ $name" "$WORK/tiles"
screen_has "(tile width: ARR tier" "$WORK/tiles"
check "b does not group the tiles by segment:
$(cat "$WORK/segments")" grep -q '^smb: [0-9]* accounts' "$WORK/segments"
for corner in "HEALTHY: good outcomes" "FALSE-POSITIVE HEALTHY" "AT RISK" "POOR EXPERIENCE"; do
	screen_has "$corner" "$WORK/quadrant"
done
# The four corners and the unplaced accounts are the whole book.
sum=$(grep -v without "$WORK/quadrant" | grep -o '[0-9][0-9]* accounts' | awk '{ s += $1 } END { print s }')
unplaced=$(sed -n 's/^\([0-9]*\) accounts without both group scores.*/\1/p' "$WORK/quadrant")
check "the quadrant places $sum + $unplaced accounts, not 546:
$(cat "$WORK/quadrant")" test $((sum + unplaced)) -eq 546
check "back in the matrix, the rows or cursor differ:
$(diff "$WORK/matrix" "$WORK/matrix2")" cmp -s "$WORK/matrix" "$WORK/matrix2"

case_ "Enter on a quadrant lists its accounts; Esc lifts that filter"
# 100 columns: at 80 the tab line cuts the description short of "healthy".
screen -s 100x24 <<EOF
wait 1/546
key mm
wait quadrant
dump $WORK/quadrant
key <Enter>
wait healthy
dump $WORK/healthy
key <Esc>
settle
wait-gone healthy
dump $WORK/all
key q
expect-exit 0
EOF
# HEALTHY is the top right corner: its count is the last on the next row.
n=$(awk '/HEALTHY: good outcomes/ { getline; print $(NF - 1); exit }' "$WORK/quadrant")
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "no count of healthy accounts:
$(cat "$WORK/quadrant")"
screen_has "matrix, by health, 1/$n, healthy" "$WORK/healthy"
screen_has "1/546" "$WORK/all"

case_ "v shows the measures' values and back"
screen <<EOF
wait 1/546
key v
wait matrix values
dump $WORK/values
key v
wait-gone matrix values
dump $WORK/ratings
key q
expect-exit 0
EOF
screen_has "cells: each measure's value (v: ratings)" "$WORK/values"
check "the value columns are not titled: $(screen_row 3 "$WORK/values")" row_greps 3 "$WORK/values" 'licen featu'
check "no percentages among the values:
$(cat "$WORK/values")" grep -q '[0-9]%  ' "$WORK/values"
screen_has "cells: 1 red  2 yellow  3 green" "$WORK/ratings"

case_ "? lists every request of the pane with its keys"
screen -s 100x60 <<EOF
wait 1/546
key ?
wait Keys --
dump $WORK/help
key q
wait-gone Keys --
key <Enter>
wait L log  T task
key <F1>
wait Keys --
dump $WORK/help2
key <Esc>
settle
wait-gone Keys --
key Q
expect-exit 0
EOF
sed -n 's/^\t_([A-Z_]*, "\([a-z_]*\)", "\(all\|heatmap\)".*/\1/p' "$TEST_SRCDIR/src/ui/req.h" >"$WORK/names"
check "cannot read the requests from req.h" test "$(wc -l <"$WORK/names")" -ge 20
while read -r req; do
	check "the help lacks '$req'" grep -q "^  .\{16\} $req " "$WORK/help"
done <"$WORK/names"
for req in log task_add task_done note; do
	check_not "the heatmap's help lists the account's '$req'" grep -q "^  .\{16\} $req " "$WORK/help"
	check "the account's help lacks '$req'" grep -q "^  .\{16\} $req " "$WORK/help2"
done
check "no 'j, Down' for move_down:
$(cat "$WORK/help")" grep -q '^  j, Down  *move_down  *next row' "$WORK/help"
check "no '?, F1' for help" grep -q '^  ?, F1  *help ' "$WORK/help"
check "no 'q, Esc' for back" grep -q '^  q, Esc  *back ' "$WORK/help"
check "no 'L' for log" grep -q '^  L  *log  *log a touchpoint' "$WORK/help2"

case_ "keys: in config.yaml rebinds keys; the help shows them; a bad one is reported"
mkdir -p "$XDG_CONFIG_HOME/tend"
cat >"$XDG_CONFIG_HOME/tend/config.yaml" <<'EOF'
keys:
  x: quit
  n: move_down
  ctrl-d: page_down
  f5: help
  zz: quit
EOF
screen -s 100x60 <<'EOF'
wait 1/546
dump
key ?
wait Keys --
dump
key q
wait-gone Keys --
key n
wait 2/546
key <C-d>
wait 57/546
key <F5>
wait Keys --
key q
wait-gone Keys --
key x
expect-exit 0
EOF
screen_has "config.yaml:6:3: keys: zz: unknown key name"
check "the help does not show x for quit:
$(cat "$SCREEN")" grep -q '^  Q, x  *quit ' "$SCREEN"
check "the help does not show n for move_down" grep -q '^  j, Down, n  *move_down ' "$SCREEN"
check "the help does not show ^D for page_down" grep -q '^  Pgdn, Space, ^F, ^D  *page_down ' "$SCREEN"
check "the help does not show F5 for help" grep -q '^  ?, F1, F5  *help ' "$SCREEN"
# keys: is a setting of the config file, not a mistake in it.
run --db "$DB" config
check "tend config warns about keys: $(cat "$WORK/err")" test ! -s "$WORK/err"
expect_out_has "keys             (in the file)"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "default_view: opens the pane it names; the tab line shows the view keys as bound"
mkdir -p "$XDG_CONFIG_HOME/tend"
cat >"$XDG_CONFIG_HOME/tend/config.yaml" <<'EOF'
default_view: inbox
keys:
  i: view_inbox
  3: quit
EOF
screen <<'EOF'
wait Inbox empty
dump
key 1
wait 1/546
key i
wait Inbox empty
key 3
expect-exit 0
EOF
check "the tab line does not show the inbox on i:
$(cat "$SCREEN")" row_greps 2 "$SCREEN" -F ' 1 Heatmap   2 Account   i Inbox '
check "the interface did not open on the inbox" row_greps 2 "$SCREEN" 'mine, 0/0'
printf 'default_view: account\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
screen <<'EOF'
wait 1/546
dump
key q
expect-exit 0
EOF
screen_has "default_view: no account selected yet: press Enter on one in the heatmap"
printf 'default_view: agenda\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run --db "$DB" config
expect_err_has "config.yaml:1:15: 'agenda' is not a valid default_view (using the default)"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "the bottom line's hints follow the key map"
screen <<EOF
wait 1/546
dump $WORK/hints-default
key <Enter>
wait Signals
dump $WORK/hints-account
key Q
expect-exit 0
EOF
check "the heatmap's hints: $(screen_row 24 "$WORK/hints-default")" row_greps 24 "$WORK/hints-default" \
	-x ' ? help  / search  f filter  s sort  m mode  Enter open  e edit  : cmd  q quit *'
check "the account's hints: $(screen_row 24 "$WORK/hints-account")" row_greps 24 "$WORK/hints-account" \
	-x ' ? help  / search  f filter  e edit  L log  T task  D done  : cmd  q back *'
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'keys:\n  s: mode\n  S: sort\n  ctrl-g: search\n  "/": quit\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
screen <<'EOF'
wait 1/546
dump
key Q
expect-exit 0
EOF
check "rebound keys, hints: $(screen_row 24 "$SCREEN")" row_greps 24 "$SCREEN" \
	-x ' ? help  ^G search  f filter  S sort  s mode  Enter open  e edit  : cmd  q quit *'
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "a click selects a row, a double click opens it"
screen <<'EOF'
wait 1/546
key \e[\<0;10;9M\e[\<0;10;9m
wait 6/546
dump
key \e[\<0;10;5M\e[\<0;10;5m\e[\<0;10;5M\e[\<0;10;5m
wait L log  T task
key q
wait 2/546
key q
expect-exit 0
EOF
check "the click on row 9 did not move the cursor there:
$(cat "$SCREEN")" test "$(cursor_row "$SCREEN")" = 9

case_ "in tiles, a click selects a tile, a double click opens it"
# 120 columns, so the tab line has room for the tile's position (and the
# last line for the long name of the tile clicked).
screen -s 120x24 <<EOF
wait 1/546
key m
wait tiles by CSM
dump $WORK/tiles
key q
expect-exit 0
EOF
# Row 4 is the first run of tiles; a click on the first tile of row 5
# selects the tile after all of row 4's.
n=$(screen_row 4 "$WORK/tiles" | tr -cd 'RYGOL?' | wc -c)
check "row 4 is not a run of tiles:
$(cat "$WORK/tiles")" test "$n" -gt 10
screen -s 120x24 <<EOF
wait 1/546
key m
wait tiles by CSM
key \\e[\\<0;2;5M\\e[\\<0;2;5m
wait tiles by CSM, by health, $((n + 1))/546
dump $WORK/clicked
key \\e[\\<0;2;5M\\e[\\<0;2;5m\\e[\\<0;2;5M\\e[\\<0;2;5m
wait L log  T task
dump $WORK/opened
key Q
expect-exit 0
EOF
name=$(sed -n 's/^▶ \(.*\): [a-z]*, [0-9,]* ARR, .*/\1/p' "$WORK/clicked")
[ -n "$name" ] && screen_row 3 "$WORK/opened" | grep -qF "▶ $name" || fail "the double click did not open '$name':
$(cat "$WORK/opened")"

case_ "t marks rows for one action on all; back lets go of the marks first"
# 100 columns: at 80 the tab line cuts the description short of "2 marked".
screen -s 100x24 <<EOF
wait 1/546
key tt
wait 2 marked
dump $WORK/marked
key q
wait marks cleared
dump $WORK/unmarked
key q
expect-exit 0
EOF
check "the first two rows are not marked:
$(cat "$WORK/marked")" test "$(sed -n '4,5p' "$WORK/marked" | grep -c '^ \*')" = 2
check "t did not move the cursor to the third row" test "$(cursor_row "$WORK/marked")" = 6
screen_has "matrix, by health, 3/546, 2 marked" "$WORK/marked"
check_not "rows are still marked after q" grep -q '^ \*' "$WORK/unmarked"
screen_lacks "marked" "$WORK/unmarked"

finish
