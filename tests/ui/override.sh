#!/bin/sh
# override.sh -- a band override made from the command line shows in the
# heatmap at once, with no recompute: its band, its '*' marker and its
# place (worst first by the band in force), in the matrix and the tiles;
# and one made while the interface is open shows after r.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

# worst: the heatmap's first row -- the red account with the lowest score,
# the lowest id among equals -- as "id,name".
worst() {
	"$TEND" --db "$DB" $NOW health --band red --format csv | tail -n +2 |
		sort -t, -k6,6g -k1,1n | head -n 1 | cut -d, -f1,2
}

# waitfile FILE: until vtrun has written FILE (it has reached that dump).
waitfile() {
	local i=0
	while [ ! -s "$1" ] && [ "$i" -lt 300 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

first=$(worst)
ID=${first%%,*} NAME=${first#*,}
[ -n "$ID" ] && [ -n "$NAME" ] || { fail "the demo book has no red account"; finish; }

case_ "the worst account comes first before the override"
screen -s 100x30 <<EOF
wait 1/546
dump $WORK/before
key q
expect-exit 0
EOF
check "row 4 is not $NAME, red:
$(cat "$WORK/before")" row_greps 4 "$WORK/before" -F "$NAME"
check "row 4 does not show R and its score" row_greps 4 "$WORK/before" '  R [0-9]\.[0-9][0-9] '

case_ "an override from the CLI shows in the heatmap at once, marked, in its band's place"
run --db "$DB" $NOW health override "$ID" --band green --reason "the sponsor is back" --until +30d
expect_rc 0
screen -s 100x30 <<EOF
wait 1/546
dump $WORK/start
key /$NAME
wait search="$NAME"
key <Enter>
wait (c clears)
dump $WORK/found
key m
wait tiles
dump $WORK/tiles
key q
expect-exit 0
EOF
check_not "$NAME is still first, though green now:
$(cat "$WORK/start")" row_greps 4 "$WORK/start" -F "$NAME"
check "row 4 is not a red account" row_greps 4 "$WORK/start" '  R [0-9]\.[0-9][0-9] '
check "$NAME does not show G* and its computed score:
$(cat "$WORK/found")" grep -q "$NAME.*  G\*[0-9]\.[0-9][0-9] " "$WORK/found"
screen_has "(v: values)  * override" "$WORK/start"
screen_has "$NAME: green by override," "$WORK/tiles"
# Its place: after every red, orange and yellow account.
run --db "$DB" $NOW health --format csv
n=$(tail -n +2 "$WORK/out" | cut -d, -f8 | grep -cE '^(red|orange|yellow)$')
pos=$(tail -n +2 "$WORK/out" | cut -d, -f1 | grep -nx "$ID" | cut -d: -f1)
check "tend health lists it at $pos, not after the $n red to yellow accounts" test "${pos:-0}" -gt "$n"

case_ "r shows an override made while the interface is open"
second=$(worst)
ID2=${second%%,*} NAME2=${second#*,}
rm -f "$WORK/open"
{
	cat <<EOF
wait 1/546
dump $WORK/open
EOF
	waitfile "$WORK/open"
	"$TEND" --db "$DB" $NOW health override "$ID2" --band yellow --reason "renewal signed" \
		--until +30d >"$WORK/ov" 2>&1 || fail "the override failed: $(cat "$WORK/ov")"
	cat <<EOF
key r
settle 300
dump $WORK/reloaded
key /$NAME2
wait search="$NAME2"
key <Enter>
wait (c clears)
dump $WORK/found2
key q
expect-exit 0
EOF
} | screen -s 100x30
check "row 4 is not $NAME2 before r:
$(cat "$WORK/open")" row_greps 4 "$WORK/open" -F "$NAME2"
check_not "$NAME2 is still first after r:
$(cat "$WORK/reloaded")" row_greps 4 "$WORK/reloaded" -F "$NAME2"
check "$NAME2 does not show Y* after r:
$(cat "$WORK/found2")" grep -q "$NAME2.*  Y\*[0-9]\.[0-9][0-9] " "$WORK/found2"

case_ "clearing it from the CLI takes the marker away"
run --db "$DB" $NOW health override "$ID" --clear
expect_rc 0
screen -s 100x30 <<EOF
wait 1/546
dump $WORK/cleared
key q
expect-exit 0
EOF
check "$NAME is not first again once cleared:
$(cat "$WORK/cleared")" row_greps 4 "$WORK/cleared" -F "$NAME"
check_not "$NAME still has a marker" grep -q "$NAME.*\*[0-9]" "$WORK/cleared"

finish
