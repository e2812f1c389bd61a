#!/bin/sh
# sessions.sh -- two sessions on one book (issue 16): an edit form whose
# record another session changed while it was open says so when saved and
# overwrites nothing; the other session's change stays.  (The interface
# reloading on another session's commit is tests/ui/watch.sh.)
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

acct=$("$TEND" --db "$DB" $NOW accounts --owner priya.raman --format csv | sed -n '2s/^[0-9]*,\([^,]*\),.*/\1/p')
[ -n "$acct" ] || { fail "priya.raman has no account"; finish; }

case_ "a form on a record someone changed meanwhile refuses to save, and changes nothing"
# The other session writes while the form is open (it opens within 2 s).
( sleep 3; TEND_USER=priya.raman "$TEND" --db "$DB" $NOW account set "$acct" --notes "From the other session" \
	>"$WORK/other.out" 2>&1 ) &
other=$!
screen <<EOF
wait 1/546
key :account $acct<Enter>
wait Health
key e
wait Enter saves
sleep 4500
key <Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>
key From the form<Enter>
wait was changed meanwhile
dump $WORK/refused
key <Esc>
settle
key Q
expect-exit 0
EOF
wait "$other"
check "the other session failed: $(cat "$WORK/other.out")" grep -q "notes" "$WORK/other.out"
screen_has "was changed meanwhile: nothing saved; reopen the form" "$WORK/refused"
"$TEND" --db "$DB" $NOW export account --format csv | grep "^[0-9]*,$acct," >"$WORK/row"
check "the other session's notes were overwritten: $(cat "$WORK/row")" grep -q "From the other session" "$WORK/row"
check "the form saved: $(cat "$WORK/row")" test -z "$(grep 'From the form' "$WORK/row")"

case_ "with nobody else writing, the same form saves"
screen <<EOF
wait 1/546
key :account $acct<Enter>
wait Health
key e
wait Enter saves
key <Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>
key <C-u>From the form<Enter>
wait notes
dump $WORK/saved
key Q
expect-exit 0
EOF
"$TEND" --db "$DB" $NOW export account --format csv | grep "^[0-9]*,$acct," >"$WORK/row"
check "the form did not save: $(cat "$WORK/row")" grep -q "From the form" "$WORK/row"
finish
