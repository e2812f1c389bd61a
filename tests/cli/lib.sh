# lib.sh -- helpers for the CLI tests: each test script runs the real binary
# ($TEND) on temporary books with a fixed clock and checks exit codes and
# output exactly.  Sourced by tests/cli/*.sh; automake's driver reads the
# exit status (0 pass, 1 fail, 77 skip).
#
# Failures cannot be lost.  fail() appends to a file under $WORK, not to a
# shell variable, so a check run in a subshell (the last command of a
# pipeline, `$( )`, a `( )` group) counts like any other, and the EXIT trap
# fails the script when that file is not empty, whether or not the script
# reached finish.
#
# The clock is pinned.  TEND_NOW fixes "today" for every run of tend in the
# script (--now still wins where a test passes it) and TEND_CLOCK fixes the
# wall clock that audit rows record, so no test depends on the day it runs.
#
# TEND_TEST_BREAK=all turns every check helper upside down: each one that
# would pass fails instead.  A script run that way must fail exactly as many
# checks as it makes; tests/harness.sh and .ci/run use it to prove that
# every check can fail.
set -u
: "${TEND:?set TEND to the tend binary}"
: "${TEST_SRCDIR:?set TEST_SRCDIR to the source tree}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tend-cli-XXXXXX")
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export TEND_USER=tester TZ=UTC LC_ALL=C.UTF-8 COLUMNS=200
export TEND_NOW=2026-11-23 TEND_CLOCK=2026-11-23T09:30:00Z
unset TEND_DB NO_COLOR
mkdir -p "$HOME"
DATA="$TEST_SRCDIR/tests/data"
NOW="--now $TEND_NOW"
DB="$WORK/book.db"
CASE="?"
FAILS="$WORK/.fails"    # one line per failed check
CHECKS="$WORK/.checks"  # one line per check helper called
: >"$FAILS"
: >"$CHECKS"
rc=0

# The verdict of the script: the number of failures recorded, whoever
# recorded them.  In break mode, the script passes only when every check
# it made failed.
_verdict() {
	local n c
	n=$(wc -l <"$FAILS")
	if [ -n "${TEND_TEST_BREAK:-}" ]; then
		c=$(wc -l <"$CHECKS")
		if [ "$c" -gt 0 ] && [ "$n" -eq "$c" ]; then
			echo "break mode: all $c checks failed, as they should" >&2
			return 0
		fi
		echo "break mode: $n of $c checks failed; these did not:" >&2
		sort "$CHECKS" | uniq >"$WORK/.c"
		sed -n 's/^FAIL \[\([^]]*\)\].*/\1/p' "$FAILS" | sort | uniq >"$WORK/.f"
		comm -23 "$WORK/.c" "$WORK/.f" >&2
		return 1
	fi
	[ "$n" -eq 0 ] && return 0
	echo "$n check(s) failed" >&2
	return 1
}

_on_exit() {
	local status=$?
	if [ -d "$WORK" ]; then
		_verdict || status=1
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap _on_exit EXIT

# case NAME: name what the following checks are about.
case_() { CASE=$1; }

# fail MESSAGE: record a failure (safe in any subshell).
fail() {
	printf 'FAIL [%s] %s\n' "$CASE" "$1" >&2
	printf 'FAIL [%s] %s\n' "$CASE" "$(printf '%s' "$1" | head -n 1)" >>"$FAILS"
}

# _check OK MESSAGE: the one place a check helper's verdict is decided.
# OK is 0 when the expectation holds.  Returns 0 when the check passed.
_check() {
	printf '%s\n' "$CASE" >>"$CHECKS"
	if [ -n "${TEND_TEST_BREAK:-}" ]; then
		if [ "$1" -eq 0 ]; then
			fail "(broken on purpose) $2"
			return 1
		fi
		return 0
	fi
	[ "$1" -eq 0 ] && return 0
	fail "$2"
	return 1
}

# _read FILE: FILE's content, or a failure when it does not exist (a check
# of a file that is not there must never pass).
_exists() {
	[ -f "$1" ] && return 0
	fail "no such file to check: $1"
	return 1
}

# run ARGS...: run tend with stdin closed, keeping stdout, stderr and status.
run() {
	"$TEND" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

expect_rc() {
	[ "$rc" -eq "$1" ]
	_check $? "exit status $rc, expected $1; stderr: $(cat "$WORK/err")"
}

# expect_out: stdout must equal this function's stdin exactly (a heredoc or
# a pipe: both count).
expect_out() {
	diff -u - "$WORK/out" >"$WORK/diff"
	_check $? "stdout differs:
$(cat "$WORK/diff")"
}

expect_err() {
	diff -u - "$WORK/err" >"$WORK/diff"
	_check $? "stderr differs:
$(cat "$WORK/diff")"
}

expect_out_has() {
	_exists "$WORK/out" || return 1
	grep -qF -- "$1" "$WORK/out"
	_check $? "stdout lacks '$1':
$(cat "$WORK/out")"
}

expect_err_has() {
	_exists "$WORK/err" || return 1
	grep -qF -- "$1" "$WORK/err"
	_check $? "stderr lacks '$1':
$(cat "$WORK/err")"
}

expect_out_lacks() {
	_exists "$WORK/out" || return 1
	! grep -qF -- "$1" "$WORK/out"
	_check $? "stdout has '$1'"
}

expect_err_lacks() {
	_exists "$WORK/err" || return 1
	! grep -qF -- "$1" "$WORK/err"
	_check $? "stderr has '$1'"
}

# A small book from tests/data/book in $DB.
make_book() {
	local e
	for e in user account contact arr_event renewal; do
		"$TEND" --db "$DB" $NOW import "$e" "$DATA/book/${e}s.csv" >/dev/null ||
			{ fail "cannot import $e"; return 1; }
	done
}

# poison_book DB: append a hostile payload -- an escape sequence, BEL,
# U+202E and U+2066, a zero-width space, a C1 CSI, a carriage return -- to
# every free-text value of the book: not dates, JSON, or codes (a column
# whose values are a few [a-z_] words); priya.raman stays herself.  Sets
# poisoned to the number of columns changed.
PAYLOAD="char(27)||'[99mPWN'||char(7)||char(8238)||char(8294)||char(8203)||char(155)||char(13)||'~CRX'"
poison_book() {
	local db=$1 t c q col
	sqlite3 "$db" "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND m.name NOT LIKE 'sqlite_%'
		AND m.name NOT LIKE '%_fts_%' AND m.name NOT IN ('audit_log', 'changes', 'account_health')
		AND c.name NOT IN ('currency', 'priority') AND c.type = 'TEXT' AND c.pk = 0" >"$WORK/columns"
	poisoned=0
	while IFS='|' read -r t c; do
		q="\"$t\"" col="\"$c\""
		[ "$(sqlite3 "$db" "SELECT count(*) FROM $q WHERE $col GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' OR $col GLOB '[[{]*'")" = 0 ] || continue
		[ "$c" != login ] && [ "$(sqlite3 "$db" "SELECT count(DISTINCT $col) <= 12 AND count(*) = count(CASE WHEN $col NOT GLOB '*[^a-z_]*' THEN 1 END) FROM $q WHERE $col IS NOT NULL")" = 1 ] && continue
		sqlite3 "$db" "PRAGMA foreign_keys = OFF; UPDATE OR IGNORE $q SET $col = $col || $PAYLOAD WHERE $col IS NOT NULL AND $col <> '' AND $col <> 'priya.raman'" ||
			fail "cannot poison $t.$c"
		poisoned=$((poisoned + 1))
	done <"$WORK/columns"
}

# finish: end the script with its verdict (the EXIT trap gives it).
finish() {
	exit 0
}

# check MESSAGE CMD [ARGS...]: CMD must succeed (exit 0).
check() {
	local msg=$1
	shift
	"$@"
	_check $? "$msg"
}

# check_not MESSAGE CMD [ARGS...]: CMD must answer no: exit 1, as grep, cmp
# and test do.  Any other status fails too, so a grep or cmp of a file
# that is not there (status 2) can never pass as "absent" or "different".
check_not() {
	local msg=$1 st
	shift
	"$@"
	st=$?
	[ "$st" -eq 1 ]
	_check $? "$msg (status $st)"
}

# expect_same MESSAGE EXPECTED ACTUAL: the two files are equal; the failure
# shows MESSAGE and their diff.
expect_same() {
	_exists "$2" && _exists "$3" || return 1
	diff -u "$2" "$3" >"$WORK/diff"
	_check $? "$1:
$(head -n 60 "$WORK/diff")"
}
