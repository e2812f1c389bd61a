#!/bin/sh
# replay.sh -- every fuzz corpus replayed through its harness, built with
# the ordinary compiler (`make check`; also under the sanitizer build and so
# in .ci/run).  Each input of tests/fuzz/corpus/TARGET, hand-written seeds
# and past findings alike, must run without a crash, a sanitizer report or
# a failed property (fuzz_assert).
set -u
: "${TEST_SRCDIR:?}" "${FUZZ_BIN:?}" "${FUZZ_TARGETS:?}"
pass=0
fail=0
for t in $FUZZ_TARGETS; do
	corpus=$TEST_SRCDIR/tests/fuzz/corpus/$t
	n=$(ls "$corpus" 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then
		echo "FAIL: $t: no corpus in $corpus"
		fail=$((fail + 1))
		continue
	fi
	if "$FUZZ_BIN/replay_$t" "$corpus" >"$FUZZ_BIN/replay_$t.out" 2>&1; then
		echo "PASS: $t: $(tail -n 1 "$FUZZ_BIN/replay_$t.out")"
		pass=$((pass + 1))
	else
		echo "FAIL: $t (the last input named is the one that failed):"
		grep -v '^replay: /' "$FUZZ_BIN/replay_$t.out" | tail -n 30
		grep '^replay: /' "$FUZZ_BIN/replay_$t.out" | tail -n 1
		fail=$((fail + 1))
	fi
done
# The driver itself can fail: a corpus that cannot be read is an error.
if "$FUZZ_BIN/replay_date" "$TEST_SRCDIR/tests/fuzz/corpus/no-such-target" >/dev/null 2>&1; then
	echo "FAIL: the replay driver accepted a missing corpus"
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
