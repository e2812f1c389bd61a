#!/bin/sh
# team.sh -- the Team pane (issue 16): a lead opens on it; its figures are
# `tend team`'s; Enter on a CSM filters every pane to their book, which
# the header and the pane show, and c (or Enter again) lets go; Back from
# the heatmap comes home to it and quits there; a CSM opens on the heatmap
# and reaches it with 7 or :team.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

# The dashboard as tend team prints it, for the same book and day.
"$TEND" --db "$DB" $NOW team --format csv >"$WORK/team.csv"
row_of() { awk -F, -v c="$1" '$1 == c' "$WORK/team.csv"; }
priya=$(row_of priya.raman)
[ -n "$priya" ] || { fail "no priya.raman in tend team"; finish; }
accts=$(echo "$priya" | cut -d, -f3) r90=$(echo "$priya" | cut -d, -f12)
late=$(echo "$priya" | cut -d, -f15) plans=$(echo "$priya" | cut -d, -f19)
touch=$(echo "$priya" | cut -d, -f18 | awk '{ printf "%.0fd", $1 }')
red=$(echo "$priya" | cut -d, -f6) yellow=$(echo "$priya" | cut -d, -f7) green=$(echo "$priya" | cut -d, -f8)

case_ "a lead opens on the Team pane, with tend team's figures"
screen -e TEND_USER=ingrid.halvorsen <<EOF
wait CSM
dump $WORK/lead
key q
expect-exit 0
EOF
screen_has "ingrid.halvorsen (lead)" "$WORK/lead"
screen_has "12 months, 1/9" "$WORK/lead"
screen_has "NRR " "$WORK/lead"
screen_has "OPEN RISKS" "$WORK/lead"
screen_has "stuck in a stage too long:" "$WORK/lead"
# priya's row: accounts, renewals in 90 days, tasks late, median touch, plans.
check "priya's row is not tend team's ($accts $r90 $late $touch $plans): $(grep 'priya.raman ' "$WORK/lead")" \
	grep -Eq "priya\.raman +$accts .* $r90 +[0-9]+% +$late +[0-9]+ +$touch +$plans\$" "$WORK/lead"

case_ "Enter on a CSM shows their book everywhere; the Team pane marks them; c lets go"
screen -e TEND_USER=ingrid.halvorsen <<EOF
wait CSM
key G
wait 9/9
key k
wait 8/9
key <Enter>
wait filter: owner=priya.raman
dump $WORK/heat
key 7
wait book of priya.raman
dump $WORK/marked
key j
wait 9/9
key k
wait 8/9
dump $WORK/detail
key c
wait-gone filter:
dump $WORK/cleared
key <Enter>
wait filter: owner=priya.raman
key q
wait book of priya
dump $WORK/home_team
key <Enter>
wait showing every CSM
key q
expect-exit 0
EOF
screen_has "matrix, by health, 1/$accts" "$WORK/heat"
screen_has "priya.raman *" "$WORK/marked"
screen_has "priya.raman (" "$WORK/detail"
screen_has "red $red, yellow $yellow, green $green" "$WORK/detail"
screen_lacks "priya.raman *" "$WORK/cleared"
check "the heatmap's Back did not come home to Team: $(screen_row 2 "$WORK/home_team")" \
	row_greps 2 "$WORK/home_team" '8/9, book of priya.raman'

case_ "a CSM opens on the heatmap and reaches Team with 7 and :team"
screen <<EOF
wait 1/546
key 7
wait 12 months
key 1
wait 1/546
key :team<Enter>
wait 12 months
dump $WORK/csm
key q
wait 1/546
key q
expect-exit 0
EOF
screen_has "priya.raman (csm)" "$WORK/csm"
screen_has "OPEN RISKS" "$WORK/csm"

case_ "a lead drills into a CSM, then an account: its 360 view ends with its history"
acct=$("$TEND" --db "$DB" $NOW accounts --owner priya.raman --format csv | sed -n '2s/^[0-9]*,\([^,]*\),.*/\1/p')
TEND_USER=priya.raman "$TEND" --db "$DB" $NOW account set "$acct" --notes "Audited note" >/dev/null ||
	fail "account set"
screen -e TEND_USER=ingrid.halvorsen <<EOF
wait CSM
key :account $acct<Enter>
wait Health
key G
wait History
dump $WORK/history
key Q
expect-exit 0
EOF
screen_has "priya.raman  account set: notes: null -> Audited note" "$WORK/history"

case_ "a CSM on another CSM's account sees no edit keys; one pressed names the owner"
other=$(sqlite3 "$DB" "SELECT a.id FROM accounts a JOIN users u ON u.id = a.owner_id WHERE u.login = 'chloe.martin' ORDER BY a.id LIMIT 1")
mine=$(sqlite3 "$DB" "SELECT a.id FROM accounts a JOIN users u ON u.id = a.owner_id WHERE u.login = 'priya.raman' ORDER BY a.id LIMIT 1")
TEND_DB=$DB "$VTRUN" -l "$RAW" - -- "$TEND" --ssh-user priya.raman >"$SCREEN" 2>"$WORK/screen.err" <<EOF
wait 1/546
key :account #$other<Enter>
wait Health
dump $WORK/other
key e
wait this account is chloe.martin
dump $WORK/other_refused
key :account #$mine<Enter>
wait Health
dump $WORK/mine
key Q
expect-exit 0
EOF
check "vtrun failed: $(cat "$WORK/screen.err")" test $? -eq 0
screen_lacks "e edit" "$WORK/other"
screen_lacks "L log" "$WORK/other"
screen_has "/ search" "$WORK/other"
screen_has "read only: this account is chloe.martin's; chloe.martin, a lead of" "$WORK/other_refused"
screen_has "e edit" "$WORK/mine"
screen_has "L log" "$WORK/mine"

case_ "a viewer (here through an SSH key's forced command) sees no edit keys; one pressed says why"
"$TEND" --db "$DB" $NOW user add zed --role viewer >/dev/null || fail "user add"
TEND_DB=$DB "$VTRUN" -l "$RAW" - -- "$TEND" --ssh-user zed >"$SCREEN" 2>"$WORK/screen.err" <<EOF
wait 1/546
dump $WORK/viewer
key e
wait zed is a viewer
dump $WORK/refused
key 7
wait 12 months
key Q
expect-exit 0
EOF
check "vtrun failed: $(cat "$WORK/screen.err")" test $? -eq 0
screen_has "zed (viewer)" "$WORK/viewer"
screen_lacks "e edit" "$WORK/viewer"
screen_lacks "undo" "$WORK/viewer"
screen_has "/ search" "$WORK/viewer"
screen_has "read only: zed is a viewer (an admin runs 'tend user set zed --role csm')" "$WORK/refused"
# The same keys for the CSM who may write.
screen <<EOF
wait 1/546
dump $WORK/csm_hints
key Q
expect-exit 0
EOF
screen_has "e edit" "$WORK/csm_hints"

case_ "monochrome and ASCII: the bar reads by its letters"
screen -e TEND_USER=ingrid.halvorsen -e LC_ALL=C -- --no-color <<EOF
wait CSM
dump $WORK/ascii
key q
expect-exit 0
EOF
check "no R/Y/G bar in ASCII: $(grep 'priya.raman ' "$WORK/ascii")" \
	grep -Eq 'priya\.raman +[0-9]+ +[0-9.]+[kM]? +R*Y*G* ' "$WORK/ascii"
finish
