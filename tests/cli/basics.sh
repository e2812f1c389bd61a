#!/bin/sh
# basics.sh -- help, usage errors and exit codes, init, book location,
# permissions, read-only, and the config file.
. "$TEST_SRCDIR/tests/cli/lib.sh"

case_ "help lists every command"
run help
expect_rc 0
for c in init demo import export accounts account log task config tui help version; do
	expect_out_has "  $c "
done
run --help
expect_rc 0
expect_out_has "usage: tend [OPTIONS] [COMMAND [ARGS]]"

case_ "help for each command"
for c in init demo import export accounts account log task config tui help version; do
	run help "$c"
	expect_rc 0
	expect_out_has "usage: tend $c"
	expect_out_has "--read-only"
	run "$c" --help
	expect_rc 0
	expect_out_has "usage: tend $c"
done
run help import
expect_out_has "  arr_event -- an entry in the ARR ledger"
expect_out_has "    arr_delta                  * change in ARR (negative for contraction and churn)"

case_ "unknown commands and options are usage errors (64)"
run acounts
expect_rc 64
printf "tend: 'acounts' is not a command; did you mean 'accounts'? (see 'tend help')\n" | expect_err
run accounts --colour
expect_rc 64
printf "tend: accounts: unknown option '--colour' (see 'tend help accounts')\n" | expect_err
run accounts --sort
expect_rc 64
printf "tend: accounts: option '--sort' needs a value (see 'tend help accounts')\n" | expect_err
run --now 2026-02-30 accounts
expect_rc 64
printf "tend: --now: '2026-02-30' is not a date (YYYY-MM-DD)\n" | expect_err
run accounts --format xml
expect_rc 64
run accounts --segment enterprize
expect_rc 64
printf "tend: --segment: 'enterprize' is not allowed; did you mean 'enterprise'?\n" | expect_err
run help nope
expect_rc 64

case_ "TEND_NOW and TEND_CLOCK pin the clock; --now wins; bad values are usage errors"
TEND_NOW=2027-13-01 run accounts
expect_rc 64
printf "tend: TEND_NOW: '2027-13-01' is not a date (YYYY-MM-DD)\n" | expect_err
TEND_CLOCK=2027-01-01 run accounts
expect_rc 64
printf "tend: TEND_CLOCK: '2027-01-01' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)\n" | expect_err
run --db "$WORK/clock.db" init
TEND_NOW=2028-02-29 run --db "$WORK/clock.db" task add - "leap" --due +1d
printf 'task #1 added, due 2028-03-01\n' | expect_out
TEND_NOW=2028-02-29 run --db "$WORK/clock.db" --now 2027-06-30 task add - "now wins" --due +1d
printf 'task #2 added, due 2027-07-01\n' | expect_out
# With TEND_NOW unset, today is the pinned wall clock's date.
(unset TEND_NOW; TEND_CLOCK=2031-07-04T23:00:00Z run --db "$WORK/clock.db" task add - "wall" --due +0d
 printf 'task #3 added, due 2031-07-04\n' | expect_out)

case_ "no book yet"
run accounts
expect_rc 66
expect_err_has "no book at $XDG_DATA_HOME/tend/tend.db (create one with 'tend init', or 'tend demo' for a sample)"

case_ "no terminal: the TUI says so instead of drawing"
run
expect_rc 64
expect_err_has "the interface needs a terminal"

case_ "init makes a private book in the XDG data directory"
run $NOW init --name "Terry Tester" --team "CS East"
expect_rc 0
printf 'book    %s (schema 13)\nyou     tester (admin), registered now\n' "$XDG_DATA_HOME/tend/tend.db" | expect_out
check "data directory is not 0700" test "$(stat -c %a "$XDG_DATA_HOME/tend")" = 700
check "book is not 0600" test "$(stat -c %a "$XDG_DATA_HOME/tend/tend.db")" = 600
run init
expect_rc 0
printf 'book    %s (schema 13)\nyou     tester (admin)\n' "$XDG_DATA_HOME/tend/tend.db" | expect_out
run export user
printf 'id,login,name,email,role,team,segment,capacity_accounts,capacity_arr,active\n1,tester,Terry Tester,,admin,CS East,,,,true\n' | expect_out

case_ "book location: --db, then TEND_DB, then the config file, then XDG"
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'db: %s/from-config.db\n' "$WORK" >"$XDG_CONFIG_HOME/tend/config.yaml"
run config
expect_out_has "book             $WORK/from-config.db  (config file)"
TEND_DB="$WORK/from-env.db" run config
expect_out_has "book             $WORK/from-env.db  (\$TEND_DB)"
TEND_DB="$WORK/from-env.db" run --db "$WORK/flag.db" config
expect_out_has "book             $WORK/flag.db  (--db)"
run config --demo
expect_out_has "book             $WORK/demo.db  (--demo)"
run --demo --db x.db accounts
expect_rc 64
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "a bad config file warns with its position and keeps the defaults"
printf 'theme: mono\ndefualt_view: team\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
run config
expect_rc 0
expect_err_has "tend: warning: $XDG_CONFIG_HOME/tend/config.yaml:2:1: unknown key 'defualt_view'; did you mean 'default_view'? (using the default)"
expect_out_has "theme            mono"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "global options go before or after the command"
run --db "$DB" $NOW init
expect_rc 0
run accounts --db "$DB" --format csv
expect_rc 0
printf 'id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags\n' | expect_out

case_ "--read-only refuses every change (77) and changes nothing"
run --db "$DB" --read-only $NOW task add - "Nope"
expect_rc 77
printf 'tend: cannot task add: the book is open read-only\n' | expect_err
run --db "$DB" --read-only import account "$DATA/book/accounts.csv"
expect_rc 77
run --db "$DB" task list --status all --owner all --format csv
expect_rc 0
printf 'id,due_date,days_left,priority,title,account,owner,status,kind,source\n' | expect_out

case_ "version"
run version
expect_rc 0
expect_out_has "tend 0.1.0 (schema 13, SQLite 3."

finish
