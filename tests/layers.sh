#!/bin/sh
# layers.sh -- includes only point down the layers (README, Development):
#
#   core <- domain <- store <- app <- demo <- ui <- cli <- main.c
#
# core is text, dates, money, CSV, config; domain the pure model, facts,
# scores, metric arithmetic and rule trees (no SQL, no I/O); store all SQL;
# app the use cases; demo the sample-book generator; ui the interface; cli
# the commands.  A file may include headers of its own layer and of the
# layers below it, and nothing else.  Also: domain/ never names SQLite or
# stdio's file functions, and no header but the store's mentions sqlite3.
. "$TEST_SRCDIR/tests/cli/lib.sh"
SRC="$TEST_SRCDIR/src"

rank() {
	case "$1" in
	core) echo 0 ;; domain) echo 1 ;; store) echo 2 ;; app) echo 3 ;;
	demo) echo 4 ;; ui) echo 5 ;; cli) echo 6 ;; *) echo 9 ;;
	esac
}

case_ "every include points down a layer"
: >"$WORK/up"
for dir in "$SRC"/*/; do
	layer=$(basename "$dir")
	mine=$(rank "$layer")
	check "unknown layer src/$layer (add it to tests/layers.sh and the README)" test "$mine" -lt 9
	for f in "$dir"*.[ch]; do
		sed -n 's/^#include "\([a-z]*\)\/.*/\1/p' "$f" | sort -u | while read -r to; do
			[ "$(rank "$to")" -le "$mine" ] || echo "src/$layer/$(basename "$f") includes $to/" >>"$WORK/up"
		done
	done
done
check_not "includes that point up a layer:
$(cat "$WORK/up")" test -s "$WORK/up"

case_ "domain/ is pure: no SQL, no files, no curses"
grep -lE 'sqlite3|fopen|opendir|curses\.h|buf_read_file|getenv' "$SRC"/domain/*.[ch] >"$WORK/impure"
check_not "domain files with SQL or I/O:
$(cat "$WORK/impure")" test -s "$WORK/impure"

case_ "only store/ speaks SQL"
grep -l 'sqlite3' "$SRC"/core/*.[ch] "$SRC"/domain/*.[ch] "$SRC"/app/*.[ch] "$SRC"/demo/*.[ch] \
	"$SRC"/ui/*.[ch] "$SRC"/cli/*.[ch] >"$WORK/sql"
check_not "files outside store/ that use SQLite:
$(cat "$WORK/sql")" test -s "$WORK/sql"

finish
