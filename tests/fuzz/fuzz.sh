#!/bin/sh
# fuzz.sh -- build the fuzz harnesses with clang and libFuzzer and run them
# (`make fuzz`; see tests/fuzz/README.md).
#
#   fuzz.sh SRCDIR BUILDDIR
#
# From the environment (make passes them): FUZZ_SECONDS (per target,
# default 60), FUZZ_TARGETS (default all), FUZZ_MERGE=1 to add the new
# inputs that reach new code to tests/fuzz/corpus/TARGET (minimised by
# libFuzzer's merge); FUZZ_CC (default clang); FUZZ_LIB_SOURCES (libtend's
# .c files, relative to SRCDIR, or BUILDDIR for generated ones);
# FUZZ_CPPFLAGS, FUZZ_CFLAGS, FUZZ_LIBS as configure found them.
#
# The library is compiled again with clang into BUILDDIR/fuzz-build (the
# tree's objects are gcc's and carry no coverage), with
# -fsanitize=fuzzer-no-link,address,undefined.  Without clang or its
# libFuzzer runtime it says so and exits 0: nothing else needs it.
set -eu
srcdir=$(cd "$1" && pwd)
builddir=$(cd "$2" && pwd)
cc=${FUZZ_CC:-clang}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"csv import mapping playbook scorecard theme conf cmdline date money frame"}
out=$builddir/fuzz-build

mkdir -p "$out"
# Is libFuzzer there?  A harness of one line must link.
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
	>"$out/probe.c"
if ! command -v "$cc" >/dev/null 2>&1 ||
   ! "$cc" -fsanitize=fuzzer,address,undefined "$out/probe.c" -o "$out/probe" >/dev/null 2>&1; then
	echo "fuzz: skipped: $cc with libFuzzer (-fsanitize=fuzzer) is not available"
	echo "fuzz: the corpora are still replayed by 'make check' (tests/fuzz/replay.sh)"
	exit 0
fi

san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-g -O1 $san -fsanitize=fuzzer-no-link ${FUZZ_CPPFLAGS:-} ${FUZZ_CFLAGS:-}"
cflags="$cflags -I$srcdir/src -I$builddir -I$srcdir/tests/fuzz"

# A makefile of our own: objects rebuilt when a source or header changes.
{
	echo "CC = $cc"
	echo "CFLAGS = $cflags -MMD -MP"
	objs=
	for f in ${FUZZ_LIB_SOURCES:-}; do
		if [ -f "$srcdir/$f" ]; then src=$srcdir/$f; else src=$builddir/$f; fi
		o=lib/$(echo "$f" | sed 's|/|_|g; s|\.c$|.o|')
		objs="$objs $o"
		printf '%s: %s\n\t@mkdir -p lib\n\t$(CC) $(CFLAGS) -c %s -o $@\n' "$o" "$src" "$src"
	done
	echo "libtend.a:$objs"
	printf '\trm -f $@ && ar cr $@ $^\n'
	for t in $targets; do
		printf 'fuzz_%s: %s/tests/fuzz/fuzz_%s.c %s/tests/fuzz/fuzz_util.c %s/tests/fuzz/fuzz_book.c libtend.a\n' "$t" "$srcdir" "$t" "$srcdir" "$srcdir"
		printf '\t$(CC) $(CFLAGS) -fsanitize=fuzzer $(filter %%.c,$^) libtend.a %s -o $@\n' "${FUZZ_LIBS:-}"
	done
	echo "all:$(for t in $targets; do printf ' fuzz_%s' "$t"; done)"
	echo "-include lib/*.d *.d"
} >"$out/Makefile"
echo "fuzz: building the harnesses with $cc in $out"
make -s -C "$out" -j2 all >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log"; exit 1; }

status=0
for t in $targets; do
	corpus=$srcdir/tests/fuzz/corpus/$t
	new=$out/new/$t
	mkdir -p "$new" "$out/crashes"
	echo "fuzz: $t for ${seconds}s (corpus $(ls "$corpus" | wc -l) inputs)"
	# New inputs go to the scratch directory (the first one named); the
	# corpus is read only.  One job: the machine is shared.
	if ! (cd "$out" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"./fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
		-print_final_stats=1 -artifact_prefix="$out/crashes/$t-" "$new" "$corpus" \
		>"$out/$t.log" 2>&1); then
		echo "fuzz: $t FOUND A PROBLEM; the input is in $out/crashes/ (log $out/$t.log):"
		grep -E 'ERROR|SUMMARY|fuzz_assert|runtime error|Test unit written' "$out/$t.log" | head -n 10
		status=1
		continue
	fi
	grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$out/$t.log" | tr '\n' ' '
	echo
	if [ "${FUZZ_MERGE:-0}" = 1 ]; then
		(cd "$out" && "./fuzz_$t" -merge=1 "$corpus" "$new" >"$out/$t.merge.log" 2>&1)
		echo "fuzz: $t corpus now $(ls "$corpus" | wc -l) inputs"
	fi
done
exit $status
