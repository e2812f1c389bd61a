# lib.sh -- helpers for the CLI tests: each test script runs the real binary
# ($TEND) on temporary books with a fixed clock and checks exit codes and
# output exactly.  Sourced by tests/cli/*.sh; automake's driver reads the
# exit status (0 pass, 1 fail, 77 skip).
set -u
: "${TEND:?set TEND to the tend binary}"
: "${TEST_SRCDIR:?set TEST_SRCDIR to the source tree}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tend-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export TEND_USER=tester TZ=UTC LC_ALL=C.UTF-8 COLUMNS=200
# Today and the wall clock (audit stamps), for every run of tend here.
export TEND_NOW=2026-11-23 TEND_CLOCK=2026-11-23T09:30:00Z
unset TEND_DB NO_COLOR
mkdir -p "$HOME"
DATA="$TEST_SRCDIR/tests/data"
NOW="--now 2026-11-23"
DB="$WORK/book.db"
CASE="?"
fails=0
rc=0

# case NAME: name what the following checks are about.
case_() { CASE=$1; }

fail() {
	printf 'FAIL [%s] %s\n' "$CASE" "$1" >&2
	fails=$((fails + 1))
}

# run ARGS...: run tend with stdin closed, keeping stdout, stderr and status.
run() {
	"$TEND" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1; stderr: $(cat "$WORK/err")"
}

# expect_out: stdout must equal this function's stdin exactly.
expect_out() {
	if ! diff -u - "$WORK/out" >"$WORK/diff"; then
		fail "stdout differs:
$(cat "$WORK/diff")"
	fi
}

expect_err() {
	if ! diff -u - "$WORK/err" >"$WORK/diff"; then
		fail "stderr differs:
$(cat "$WORK/diff")"
	fi
}

expect_out_has() {
	grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1':
$(cat "$WORK/out")"
}

expect_err_has() {
	grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1':
$(cat "$WORK/err")"
}

expect_out_lacks() {
	! grep -qF -- "$1" "$WORK/out" || fail "stdout has '$1'"
}

# A small book from tests/data/book in $DB.
make_book() {
	local e
	for e in user account contact arr_event renewal; do
		"$TEND" --db "$DB" $NOW import "$e" "$DATA/book/${e}s.csv" >/dev/null ||
			{ fail "cannot import $e"; return 1; }
	done
}

finish() {
	if [ "$fails" -ne 0 ]; then
		echo "$fails check(s) failed" >&2
		exit 1
	fi
	exit 0
}
