#!/usr/bin/env bash
# bench/sync.sh -- field copies of the 100k-account book (issue 17; run by
# bench/run.sh, or alone):
#
#   bench/sync.sh PATH/TO/tend BOOK [CACHE_DIR]
#
#   - tend sync clone --team (the whole book, by the backup API) against
#     the sqlite3 CLI's .backup of the same book: target <= 1.5x;
#   - tend sync clone of one CSM's accounts (built from their rows alone:
#     src/store/sync_clone.c) against the same .backup, and the sizes;
#   - a pull of 300 team changes spread over the book into each copy:
#     the copy of one CSM's accounts takes only theirs.
# Each timing is the median of SYNC_RUNS runs (default 3).
set -euo pipefail

TEND=${1:?usage: bench/sync.sh TEND BOOK [CACHE_DIR]}
BOOK=${2:?usage: bench/sync.sh TEND BOOK [CACHE_DIR]}
CACHE=${3:-$(dirname "$TEND")/../bench/cache}
RUNS=${SYNC_RUNS:-3}
SQLITE3=${SQLITE3:-sqlite3}
NOW=2026-11-23
TEAM="$CACHE/sync-team.db"
COPY="$CACHE/sync-copy.db"
WHOLE="$CACHE/sync-whole.db"
export TEND_USER=priya.raman TEND_CLOCK=2026-11-23T09:30:00Z

now_ns() { date +%s%N; }
median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
# ms CMD...: one run of CMD, its wall time in ms.
ms() {
	local t0 t1
	t0=$(now_ns)
	"$@" >/dev/null
	t1=$(now_ns)
	awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f\n", ns / 1e6 }'
}
clean() { rm -f "$1" "$1-wal" "$1-shm"; }
# runs OUT CMD...: RUNS timings of CMD, each after removing OUT.
runs() {
	local out=$1 i
	shift
	for ((i = 0; i < RUNS; i++)); do
		clean "$out"
		ms "$@"
	done | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { du -m "$1" | cut -f1; }

clean "$TEAM"
cp "$BOOK" "$TEAM"
raw_ms=$(runs "$COPY" "$SQLITE3" "$TEAM" ".backup $COPY")
team_ms=$(runs "$COPY" "$TEND" --db "$COPY" --now "$NOW" sync clone "$TEAM" --team)
whole_mb=$(mb "$COPY")
printf '%-34s tend %8s ms   sqlite3 %8s ms   ratio %5sx   (target <= 1.5x)\n' \
	"sync clone --team (${whole_mb} MB)" "$team_ms" "$raw_ms" "$(ratio "$team_ms" "$raw_ms")"
mine_ms=$(runs "$COPY" "$TEND" --db "$COPY" --now "$NOW" sync clone "$TEAM")
mine_n=$("$SQLITE3" "$COPY" "SELECT count(*) FROM accounts")
printf '%-34s tend %8s ms   sqlite3 %8s ms   ratio %5sx   (%s MB: %s of the book'"'"'s accounts)\n' \
	"sync clone (one CSM's accounts)" "$mine_ms" "$raw_ms" "$(ratio "$mine_ms" "$raw_ms")" "$(mb "$COPY")" "$mine_n"

# 300 changes on the team book, a third each of visits, tasks and notes,
# over accounts across the whole book; then a pull into each kind of copy.
clean "$WHOLE"
"$TEND" --db "$WHOLE" --now "$NOW" sync clone "$TEAM" --team >/dev/null
cp "$COPY" "$COPY.base"
cp "$WHOLE" "$WHOLE.base"
i=0
for a in $("$SQLITE3" "$TEAM" "SELECT external_id FROM accounts WHERE stage <> 'churned' AND id % 331 = 7 LIMIT 300"); do
	i=$((i + 1))
	case $((i % 3)) in
	0) "$TEND" --db "$TEAM" --now "$NOW" log "$a" "Bench call $i" ;;
	1) "$TEND" --db "$TEAM" --now "$NOW" task add "$a" "Bench task $i" --due 2026-11-30 ;;
	2) "$TEND" --db "$TEAM" --now "$NOW" account set "$a" --notes "bench note $i" ;;
	esac >/dev/null
done
pull() {   # BASE COPY: time a pull into a fresh copy of BASE
	local i
	for ((i = 0; i < RUNS; i++)); do
		cp "$1" "$2"
		rm -f "$2-wal" "$2-shm"
		ms "$TEND" --db "$2" --now "$NOW" sync pull
	done | median
}
kept=$("$TEND" --db "$COPY" --now "$NOW" sync pull | sed -n 's/^pulled: \([0-9]*\) change.*/\1/p')
pull_mine=$(pull "$COPY.base" "$COPY")
pull_whole=$(pull "$WHOLE.base" "$WHOLE")
printf '%-34s %8s ms for the %s of them on its accounts (the whole book'"'"'s copy: %s ms)\n' \
	"pull of 300 team changes" "$pull_mine" "$kept" "$pull_whole"
clean "$COPY"
clean "$WHOLE"
clean "$TEAM"
rm -f "$COPY.base" "$WHOLE.base"
