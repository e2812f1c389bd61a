#!/usr/bin/env bash
# bench/run.sh -- tend's performance targets, as ratios against the raw
# sqlite3 CLI doing the same work on the same book (run by `make bench`).
#
#   bench/run.sh PATH/TO/tend [CACHE_DIR]
#
# The 100k-account demo book is built once and cached (its build time is the
# `tend demo` target: under 60 s).  Each timing is the median of RUNS runs
# after a warm-up.  BENCH_REBUILD=1 rebuilds the cached book.
set -euo pipefail

TEND=${1:?usage: bench/run.sh TEND [CACHE_DIR]}
CACHE=${2:-$(dirname "$TEND")/../bench/cache}
RUNS=${RUNS:-7}
NOW=2026-11-23
ACCOUNTS=100000
SQLITE3=${SQLITE3:-sqlite3}
mkdir -p "$CACHE"
schema=$("$TEND" version | sed 's/.*schema \([0-9]*\).*/\1/')
BOOK="$CACHE/demo-$ACCOUNTS-s$schema.db"

command -v "$SQLITE3" >/dev/null || { echo "bench: needs the sqlite3 CLI" >&2; exit 1; }

now_ns() { date +%s%N; }

# median_ms CMD...: median wall time of RUNS runs (after one warm-up), in ms.
median_ms() {
	local t0 t1 i times=()
	"$@" >/dev/null
	for ((i = 0; i < RUNS; i++)); do
		t0=$(now_ns)
		"$@" >/dev/null
		t1=$(now_ns)
		times+=($(( (t1 - t0) / 1000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{ printf "%.1f", $1 / 1000 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

report() {   # name tend_ms raw_ms target
	local r
	r=$(ratio "$2" "$3")
	printf '%-34s tend %8s ms   sqlite3 %8s ms   ratio %5sx   (target <= %sx)%s\n' \
		"$1" "$2" "$3" "$r" "$4" "$(awk -v r="$r" -v t="$4" 'BEGIN { if (r > t) print "  OVER" }')"
}

if [ ! -f "$BOOK" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
	rm -f "$BOOK" "$BOOK-wal" "$BOOK-shm"
	echo "building the $ACCOUNTS-account demo book (cached in $BOOK) ..."
	t0=$(now_ns)
	"$TEND" --db "$BOOK" --now "$NOW" demo --accounts "$ACCOUNTS" >/dev/null
	t1=$(now_ns)
	secs=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", ns / 1e9 }')
	printf '%-34s %s s (target < 60 s)%s\n' "tend demo --accounts $ACCOUNTS" "$secs" \
		"$(awk -v s="$secs" 'BEGIN { if (s >= 60) print "  OVER" }')"
fi

# The same rows `tend accounts --format csv` prints, by the sqlite3 CLI.
RAW_ACCOUNTS="
SELECT a.id, a.external_id, a.name, u.login AS owner, a.segment, a.stage,
  printf('%d.%02d', arr / 100, arr % 100) AS arr, due AS renewal,
  CAST(julianday(due) - julianday('$NOW') AS INTEGER) AS renewal_days, tags
FROM (SELECT a.*,
  coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e
            WHERE e.account_id = a.id AND e.date <= '$NOW'), 0) AS arr,
  (SELECT min(r.due_date) FROM renewals r
    WHERE r.account_id = a.id AND r.stage NOT IN ('won', 'lost')) AS due,
  (SELECT group_concat(tag, ';') FROM (SELECT tag FROM account_tags t
    WHERE t.account_id = a.id ORDER BY tag)) AS tags
  FROM accounts a NOT INDEXED) a
LEFT JOIN users u ON u.id = a.owner_id
ORDER BY a.name COLLATE NOCASE, a.id;"

"$TEND" --db "$BOOK" --now "$NOW" accounts --format csv >"$CACHE/tend.csv"
"$SQLITE3" -csv -header "$BOOK" "$RAW_ACCOUNTS" >"$CACHE/raw.csv"
# Same data?  (sqlite3 quotes more eagerly, so compare as CSV, not bytes.)
differ=$("$SQLITE3" :memory: ".import --csv $CACHE/tend.csv t" ".import --csv $CACHE/raw.csv r" \
	"SELECT (SELECT count(*) FROM t) - (SELECT count(*) FROM r)
	      + (SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM r));")
if [ "$differ" != 0 ]; then
	echo "bench: tend and sqlite3 disagree on the accounts list (see $CACHE/*.csv)" >&2
	exit 1
fi

tend_ms=$(median_ms "$TEND" --db "$BOOK" --now "$NOW" accounts --format csv)
raw_ms=$(median_ms "$SQLITE3" -csv -header "$BOOK" "$RAW_ACCOUNTS")
report "accounts --format csv ($ACCOUNTS)" "$tend_ms" "$raw_ms" 1.5
