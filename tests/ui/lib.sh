# lib.sh -- helpers for the screen tests: each test script runs the real
# interface in a pseudo-terminal under tests/ui/vtrun, types scripted keys
# and checks the screens it dumps.  Builds on tests/cli/lib.sh (temporary
# HOME, fixed clock, case_/fail/finish, make_book); sourced by tests/ui/*.sh.
#
#   . "$TEST_SRCDIR/tests/ui/lib.sh"
#   demo_book
#   case_ "start-up"
#   screen <<EOF
#   wait 1/546
#   dump $WORK/start
#   key q
#   expect-exit 0
#   EOF
#   screen_has "priya.raman" "$WORK/start"
#   finish
#
# The script language is described at the top of tests/ui/vtrun.c.  Start
# with a wait (keys typed before the program sets up its terminal are
# echoed, not read); after a key, wait for text the key brings (not text
# already on the screen) or settle; send <Esc> alone, then settle, or curses
# reads it and the next key as one Alt-key.  Quote the heredoc ('EOF') when
# the script has a backslash or $; leave it bare to use $WORK in dump paths.
. "$TEST_SRCDIR/tests/cli/lib.sh"
: "${VTRUN:?set VTRUN to tests/ui/vtrun (make check does)}"

# Everything the screen depends on is pinned; vtrun drops COLUMNS and LINES.
export TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC TEND_USER=priya.raman
export XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
unset LANG LANGUAGE COLORTERM
cd "$WORK" || exit 99
DB=book.db          # relative, so headers that show the book's path are short
SCREEN="$WORK/screen"  # the last run's stdout: plain "dump"s, "bytes" lines
RAW="$WORK/raw"        # the last run's terminal output, byte for byte

# demo_book: the 600-account demo book in $DB (the lead and 8 CSMs; the
# tests run as the CSM priya.raman).
demo_book() {
	"$TEND" --db "$DB" $NOW demo >/dev/null 2>"$WORK/err" ||
		{ fail "cannot make the demo book: $(cat "$WORK/err")"; finish; }
}

# screen [VTRUN OPTIONS] [-- TEND ARGS]: run `tend --db $DB --now ... [TEND
# ARGS]` under vtrun with the script on stdin (a heredoc).  Options go to
# vtrun: -s 200x60, -t MS, -e LC_ALL=C (the program's environment).  A failed
# run is a failed check that shows vtrun's message and the screen.
screen() {
	local found=0 a
	for a do
		shift
		if [ "$found" = 0 ] && [ "$a" = -- ]; then
			set -- "$@" - -- "$TEND" --db "$DB" $NOW
			found=1
		else
			set -- "$@" "$a"
		fi
	done
	[ "$found" = 1 ] || set -- "$@" - -- "$TEND" --db "$DB" $NOW
	"$VTRUN" -l "$RAW" "$@" >"$SCREEN" 2>"$WORK/screen.err"
	rc=$?
	[ "$rc" -eq 0 ] || fail "the screen script failed (vtrun status $rc):
$(cat "$WORK/screen.err")"
	return "$rc"
}

# Drop trailing blank lines (dumps always have one line per row).
_untail() {
	awk '{ line[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print line[i] }' "$@"
}

# expect_screen [DUMP]: DUMP (default $SCREEN) equals this function's stdin,
# trailing blank lines aside.
expect_screen() {
	_untail >"$WORK/expected"
	_exists "${1:-$SCREEN}" || return 1
	_untail "${1:-$SCREEN}" >"$WORK/actual"
	diff -u "$WORK/expected" "$WORK/actual" >"$WORK/diff"
	_check $? "the screen differs:
$(cat "$WORK/diff")"
}

# screen_has TEXT [DUMP], screen_lacks TEXT [DUMP]: a dump that is not
# there fails both.
screen_has() {
	_exists "${2:-$SCREEN}" || return 1
	grep -qF -- "$1" "${2:-$SCREEN}"
	_check $? "the screen lacks '$1':
$(cat "${2:-$SCREEN}")"
}

screen_lacks() {
	_exists "${2:-$SCREEN}" || return 1
	! grep -qF -- "$1" "${2:-$SCREEN}"
	_check $? "the screen has '$1':
$(cat "${2:-$SCREEN}")"
}

# screen_row N [DUMP]: row N (from 1) of a dump.
screen_row() {
	sed -n "${1}p" "${2:-$SCREEN}"
}

# row_greps N DUMP [-F] PATTERN: does row N of DUMP match PATTERN (a grep
# regex, or fixed text with -F)?  Exit 0 yes, 1 no, 2 when DUMP is not
# there (so neither check nor check_not can pass on it).
row_greps() {
	local n=$1 dump=$2
	shift 2
	[ -f "$dump" ] || return 2
	screen_row "$n" "$dump" | grep -q "$@"
}

# screen_bytes: "N C" from the last "bytes N clears C" line of $SCREEN.
screen_bytes() {
	sed -n 's/^bytes \([0-9]*\) clears \([0-9]*\)$/\1 \2/p' "$SCREEN" | tail -n 1
}
