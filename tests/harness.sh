#!/bin/sh
# harness.sh -- the test harness's own test: a check that is wrong must fail
# its script, whatever its style.  Each case below is a throwaway script with
# one deliberately wrong check (piped, in a heredoc, in a subshell, on a
# missing file...); every one must exit non-zero, and the same checks written
# right must exit 0, so the harness is not failing everything either.
#
# The throwaway scripts use the real libraries (tests/cli/lib.sh and
# tests/ui/lib.sh) on the real binary; the screen checks read hand-written
# dumps, since what is under test is the checks, not the interface.
set -u
: "${TEND:?}" "${TEST_SRCDIR:?}" "${VTRUN:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/tend-harness-XXXXXX")
trap 'rm -rf "$T"' EXIT
status=0

# throwaway NAME BODY: a script that sources the screen library (which
# sources the CLI one), runs `tend version`, writes a dump, then BODY.
throwaway() {
	cat >"$T/$1.sh" <<EOF
. "\$TEST_SRCDIR/tests/ui/lib.sh"
run version
printf 'tend \$\n' >"\$WORK/v.expected"
printf ' tend  book.db\n  1 Heatmap\n' >"\$SCREEN"
$2
finish
EOF
}

# must_fail NAME BODY / must_pass NAME BODY
must_fail() {
	throwaway "$1" "$2"
	if sh "$T/$1.sh" >"$T/$1.out" 2>&1; then
		echo "FAIL: a wrong check passed its script: $1" >&2
		sed 's/^/    /' "$T/$1.sh" >&2
		status=1
	elif ! grep -q '^FAIL \[' "$T/$1.out"; then
		echo "FAIL: $1 failed without saying which check: $(cat "$T/$1.out")" >&2
		status=1
	else
		echo "ok: $1 fails"
	fi
}

must_pass() {
	throwaway "$1" "$2"
	if ! sh "$T/$1.sh" >"$T/$1.out" 2>&1; then
		echo "FAIL: right checks failed their script: $1" >&2
		sed 's/^/    /' "$T/$1.out" >&2
		status=1
	else
		echo "ok: $1 passes"
	fi
}

V=$("$TEND" version | head -n 1)

# -- every style, written right -------------------------------------------
must_pass right "$(cat <<EOF
case_ "right"
expect_rc 0
expect_out_has "$V"
expect_out_lacks "no such text"
expect_err_lacks "no such text"
: | expect_err
printf '' | expect_err
head -n 1 "\$WORK/out" >"\$WORK/v1"
printf '%s\n' "$V" >"\$WORK/v2"
expect_same "the version" "\$WORK/v2" "\$WORK/v1"
check "grep" grep -q tend "\$WORK/out"
check_not "grep" grep -q "no such text" "\$WORK/out"
screen_has "1 Heatmap"
screen_lacks "2 Account"
check "row 2" row_greps 2 "\$SCREEN" -F "1 Heatmap"
check_not "row 1" row_greps 1 "\$SCREEN" Heatmap
expect_screen <<'S'
 tend  book.db
  1 Heatmap
S
(check "in a subshell" test 1 = 1)
EOF
)"

# -- each style, wrong ----------------------------------------------------
must_fail expect_rc 'expect_rc 1'
must_fail expect_out-heredoc "expect_out <<'O'
not the version
O"
must_fail expect_out-piped "printf 'not the version\n' | expect_out"
must_fail expect_err-heredoc "expect_err <<'O'
an error that did not happen
O"
must_fail expect_err-piped "printf 'an error that did not happen\n' | expect_err"
must_fail expect_out_has 'expect_out_has "no such text"'
must_fail expect_err_has 'expect_err_has "no such text"'
must_fail expect_out_lacks 'expect_out_lacks "tend"'
must_fail expect_out_lacks-missing 'rm "$WORK/out"; expect_out_lacks "tend"'
must_fail expect_err_lacks-missing 'rm "$WORK/err"; expect_err_lacks "tend"'
must_fail expect_same 'expect_same "the version" "$WORK/v.expected" "$WORK/out"'
must_fail expect_same-missing 'expect_same "the version" "$WORK/nothing" "$WORK/nothing"'
must_fail check 'check "grep" grep -q "no such text" "$WORK/out"'
must_fail check_not 'check_not "grep" grep -q tend "$WORK/out"'
must_fail check_not-missing 'check_not "grep" grep -q tend "$WORK/nothing"'
must_fail screen_has 'screen_has "2 Account"'
must_fail screen_has-missing 'screen_has "1 Heatmap" "$WORK/nothing"'
must_fail screen_lacks 'screen_lacks "1 Heatmap"'
must_fail screen_lacks-missing 'screen_lacks "2 Account" "$WORK/nothing"'
must_fail expect_screen "expect_screen <<'S'
 tend  other.db
  1 Heatmap
S"
must_fail expect_screen-piped "printf ' tend  other.db\n' | expect_screen"
must_fail row_greps-missing 'check_not "row 1" row_greps 1 "$WORK/nothing" Heatmap'
must_fail in-a-subshell '(expect_rc 3)'
must_fail in-a-command-substitution 'x=$(expect_out_has "no such text")'
must_fail plain-fail-in-a-pipeline 'echo | fail "a failure in a pipeline"'
must_fail without-finish 'fail "a failure, then exit 0"; exit 0'

# -- break mode: every check fails, and a check that could not is caught --
TEND_TEST_BREAK=all must_pass break-mode-all-fail "$(cat <<'EOF'
case_ "break"
expect_rc 0
expect_out_has tend
screen_has "1 Heatmap"
check_not "grep" grep -q "no such text" "$WORK/out"
EOF
)"
TEND_TEST_BREAK=all must_fail break-mode-setup-failure 'expect_rc 0; fail "a setup step failed"'

exit "$status"
