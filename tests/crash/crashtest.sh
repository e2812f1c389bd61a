#!/usr/bin/env bash
# crashtest.sh -- crash safety as a test (`make crashtest`; README,
# Development).
#
#   crashtest.sh TEND [KILLS [SEED]]
#
# Kills tend with SIGKILL at random moments during six actions, KILLS times
# each (default 30): a large import, a health recompute, a playbook run,
# `tend demo`, a bulk edit (`tend account set --where ... --yes`) and a
# field copy's `tend sync push`.
# A playbook run is all or nothing per rule and is finished by running it
# again (see crash_playbook).  The
# delays are drawn from SEED (default: from the clock, printed, so a failing
# run can be replayed with `make crashtest CRASH_SEED=S`), uniformly between
# 0 and the time one uninterrupted run of the action takes.  After every
# kill the book must pass
#   - PRAGMA integrity_check and PRAGMA foreign_key_check (sqlite3), and
#     `tend check` (the same and the audit log's hash chain);
#   - all or nothing: its whole content (sqlite3 .dump, hashed) is exactly
#     the book before the action or the book after an uninterrupted run of
#     it.  The clock is pinned (TEND_NOW, TEND_CLOCK), so a complete run is
#     the same byte for byte every time.
# `tend demo` writes its accounts in one transaction and then scores each
# week in one, so it is allowed to stop between them: after a kill, `tend
# demo` run again must finish the book, and the finished book must be the
# uninterrupted run's.  Books are small enough for a few minutes on 2 cores.
set -u
TEND=${1:?usage: crashtest.sh TEND [KILLS [SEED]]}
KILLS=${2:-30}
SEED=${3:-}
[ -n "$SEED" ] || SEED=$(( $(date +%s) % 32768 ))
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "crashtest: skipped: the sqlite3 shell is needed to check the books"
	exit 0
fi
RANDOM=$SEED
echo "crashtest: $KILLS kills per action, seed $SEED (make crashtest CRASH_SEED=$SEED to replay)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tend-crash-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export TEND_USER=tester TZ=UTC LC_ALL=C.UTF-8
export TEND_NOW=2026-06-01 TEND_CLOCK=2026-06-01T09:00:00Z
unset TEND_DB
mkdir -p "$HOME"
failures=0
pass=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# The book's whole content, as one hash (a book that cannot be read has
# none).  sqlite3 opening it also recovers what the killed writer left.
content() {
	sqlite3 "$1" .dump 2>/dev/null | sha256sum | cut -c1-16
}

now_ms() {
	date +%s%3N
}

# A book checkpointed into one file, so a copy of that file is the book.
settle() {
	sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null && rm -f "$1-wal" "$1-shm"
}

fresh() {
	rm -f "$2" "$2-wal" "$2-shm" "$2-journal"
	[ -z "$1" ] || cp "$1" "$2"
}

# The checks every killed book passes.
sound() {
	local db=$1 what=$2 ic fk
	ic=$(sqlite3 "$db" "PRAGMA integrity_check;" 2>&1)
	[ "$ic" = ok ] || { fail "$what: integrity_check: $ic"; return 1; }
	fk=$(sqlite3 "$db" "PRAGMA foreign_key_check;" 2>&1)
	[ -z "$fk" ] || { fail "$what: foreign_key_check: $fk"; return 1; }
	"$TEND" --db "$db" check >"$WORK/check.out" 2>&1 ||
		{ fail "$what: tend check: $(head -n 3 "$WORK/check.out")"; return 1; }
	return 0
}

# Run `tend --db DB ARGS...` and SIGKILL it after ms milliseconds; says
# "killed" or "finished" (it was done before the signal).
run_killed() {
	local ms=$1 db=$2 pid
	shift 2
	"$TEND" --db "$db" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	if kill -KILL "$pid" 2>/dev/null; then
		wait "$pid" 2>/dev/null
		echo killed
	else
		wait "$pid" 2>/dev/null
		echo finished
	fi
}

delay() {   # uniform in 0..$1 ms, from the seeded stream
	echo $(( (RANDOM * 32768 + RANDOM) % ($1 + 1) ))
}

# One all-or-nothing action on a copy of base: NAME BASE ARGS...
crash_action() {
	local name=$1 base=$2 db="$WORK/work.db" before after t0 dur ms how h i
	local n_before=0 n_after=0 n_done=0
	shift 2
	before=$(content "$base")
	fresh "$base" "$db"
	t0=$(now_ms)
	"$TEND" --db "$db" "$@" >"$WORK/ref.out" 2>&1 || { fail "$name: the uninterrupted run failed: $(head -n 3 "$WORK/ref.out")"; return; }
	dur=$(( $(now_ms) - t0 ))
	after=$(content "$db")
	[ "$before" != "$after" ] || { fail "$name: the action changed nothing"; return; }
	for i in $(seq 1 "$KILLS"); do
		ms=$(delay "$dur")
		fresh "$base" "$db"
		how=$(run_killed "$ms" "$db" "$@")
		sound "$db" "$name kill $i at ${ms} ms" || continue
		h=$(content "$db")
		if [ "$h" = "$before" ]; then
			n_before=$((n_before + 1))
		elif [ "$h" = "$after" ]; then
			[ "$how" = killed ] && n_after=$((n_after + 1)) || n_done=$((n_done + 1))
		else
			fail "$name kill $i at ${ms} ms: the book is neither as before nor as after the action"
			cp "$db" "$WORK/../tend-crash-$name-$SEED-$i.db" 2>/dev/null
			continue
		fi
		pass=$((pass + 1))
	done
	echo "crashtest: $name (${dur} ms a run): $KILLS kills; book as before $n_before, as after $n_after, finished before the kill $n_done"
}

# A playbook run is one transaction per rule (app/playbook_run.h: a rule
# that fails changes nothing, and a rule fires once per account and
# scope), so its unit is the rule: per rule, the firings, the tasks it made
# and its run record are all there or none.  Run again, it adds what the
# killed run had not: the firings and tasks become the uninterrupted run's.
pb_rules() {   # rule|firings|tasks[|rule runs]
	sqlite3 "$1" "WITH r(rule) AS (SELECT rule_id FROM playbook_firings UNION
		SELECT rule_id FROM playbook_rule_runs)
		SELECT rule, (SELECT count(*) FROM playbook_firings f WHERE f.rule_id = rule),
		(SELECT count(*) FROM tasks WHERE source = 'playbook:' || rule)
		${2:+, (SELECT count(*) FROM playbook_rule_runs x WHERE x.rule_id = rule)}
		FROM r ORDER BY 1;"
}

crash_playbook() {
	local base=$1 db="$WORK/work.db" t0 dur ms how i n_rules n_none=0 n_part=0 n_all=0 ref
	fresh "$base" "$db"
	[ -z "$(pb_rules "$db" runs)" ] || { fail "playbook: the base book has firings"; return; }
	t0=$(now_ms)
	"$TEND" --db "$db" playbook run >"$WORK/ref.out" 2>&1 || { fail "playbook: the uninterrupted run failed"; return; }
	dur=$(( $(now_ms) - t0 ))
	pb_rules "$db" runs >"$WORK/pb.ref"
	pb_rules "$db" >"$WORK/pb.ref2"
	ref=$(wc -l <"$WORK/pb.ref")
	for i in $(seq 1 "$KILLS"); do
		ms=$(delay "$dur")
		fresh "$base" "$db"
		how=$(run_killed "$ms" "$db" playbook run)
		sound "$db" "playbook kill $i at ${ms} ms" || continue
		pb_rules "$db" runs >"$WORK/pb.now"
		if [ -n "$(sort "$WORK/pb.now" | comm -23 - <(sort "$WORK/pb.ref"))" ]; then
			fail "playbook kill $i at ${ms} ms: a rule is only partly applied: $(sort "$WORK/pb.now" | comm -23 - <(sort "$WORK/pb.ref") | head -n 3)"
			continue
		fi
		n_rules=$(wc -l <"$WORK/pb.now")
		if [ "$n_rules" -eq 0 ]; then n_none=$((n_none + 1));
		elif [ "$n_rules" -lt "$ref" ]; then n_part=$((n_part + 1));
		else n_all=$((n_all + 1)); fi
		"$TEND" --db "$db" playbook run >/dev/null 2>&1 || { fail "playbook kill $i: the run again failed"; continue; }
		if ! pb_rules "$db" | cmp -s - "$WORK/pb.ref2"; then
			fail "playbook kill $i at ${ms} ms: run again, the firings and tasks differ from an uninterrupted run's"
			continue
		fi
		sound "$db" "playbook kill $i, run again" || continue
		pass=$((pass + 1))
	done
	echo "crashtest: playbook (${dur} ms a run, $ref rules): $KILLS kills; no rule applied $n_none, some rules $n_part, all $n_all; each run again ended as an uninterrupted run"
}

# `tend demo`, killed, then run again: NAME ARGS...
crash_demo() {
	local db="$WORK/work.db" ref t0 dur ms how h i rc n_empty=0 n_resumed=0 n_done=0
	fresh "" "$db"
	t0=$(now_ms)
	"$TEND" --db "$db" demo "$@" >"$WORK/ref.out" 2>&1 || { fail "demo: the uninterrupted run failed"; return; }
	dur=$(( $(now_ms) - t0 ))
	ref=$(content "$db")
	for i in $(seq 1 "$KILLS"); do
		ms=$(delay "$dur")
		fresh "" "$db"
		how=$(run_killed "$ms" "$db" demo "$@")
		if [ -s "$db" ]; then
			sound "$db" "demo kill $i at ${ms} ms" || continue
		fi
		"$TEND" --db "$db" demo "$@" >"$WORK/again.out" 2>&1
		rc=$?
		h=$(content "$db")
		if [ "$h" != "$ref" ]; then
			fail "demo kill $i at ${ms} ms: tend demo again exited $rc and the book is not the uninterrupted run's: $(head -n 2 "$WORK/again.out")"
			continue
		fi
		if grep -q '^finishing' "$WORK/again.out"; then
			n_resumed=$((n_resumed + 1))
		elif [ $rc -eq 0 ]; then
			n_empty=$((n_empty + 1))
		else
			n_done=$((n_done + 1))
		fi
		pass=$((pass + 1))
	done
	echo "crashtest: demo (${dur} ms a run): $KILLS kills; made anew $n_empty, finished by tend demo again $n_resumed, complete already $n_done"
}

# `tend sync push` of a day's changes from a field copy, killed, then run
# again: the team book must hold each change exactly once (the push moves
# the team's mark of what it applied in its own transaction, so a retry
# skips what landed), and both books stay sound.
crash_sync() {
	local team="$WORK/sync-team.db" copy="$WORK/sync-copy.db" t0 dur ms how i n acct
	local n_none=0 n_all=0 n_done=0 changes=100
	fresh "$base_small" "$team"
	rm -f "$copy"
	"$TEND" --db "$copy" sync clone "$team" --team >/dev/null 2>&1 || { fail "sync: clone failed"; return; }
	acct=$(sqlite3 "$team" "SELECT external_id FROM accounts WHERE stage <> 'churned' ORDER BY id LIMIT 1")
	for i in $(seq 1 "$changes"); do
		"$TEND" --db "$copy" log "$acct" "Crash sync $i" >/dev/null 2>&1 || { fail "sync: log $i failed"; return; }
	done
	settle "$team"
	settle "$copy"
	cp "$team" "$team.base"
	cp "$copy" "$copy.base"
	t0=$(now_ms)
	"$TEND" --db "$copy" sync push >"$WORK/ref.out" 2>&1 || { fail "sync: the uninterrupted push failed: $(head -n 2 "$WORK/ref.out")"; return; }
	dur=$(( $(now_ms) - t0 ))
	for i in $(seq 1 "$KILLS"); do
		ms=$(delay "$dur")
		fresh "$team.base" "$team"
		fresh "$copy.base" "$copy"
		how=$(run_killed "$ms" "$copy" sync push)
		sound "$team" "sync kill $i at ${ms} ms, team book" || continue
		sound "$copy" "sync kill $i at ${ms} ms, copy" || continue
		n=$(sqlite3 "$team" "SELECT count(*) FROM touchpoints WHERE summary LIKE 'Crash sync %'")
		if [ "$n" = 0 ]; then n_none=$((n_none + 1));
		elif [ "$n" = "$changes" ]; then [ "$how" = killed ] && n_all=$((n_all + 1)) || n_done=$((n_done + 1));
		else fail "sync kill $i at ${ms} ms: $n of $changes changes on the team book: a push is not all or nothing"; continue; fi
		"$TEND" --db "$copy" sync push >"$WORK/again.out" 2>&1 || { fail "sync kill $i: the retry failed: $(head -n 2 "$WORK/again.out")"; continue; }
		n=$(sqlite3 "$team" "SELECT count(*) || ' ' || count(DISTINCT summary) FROM touchpoints WHERE summary LIKE 'Crash sync %'")
		[ "$n" = "$changes $changes" ] || { fail "sync kill $i at ${ms} ms: after the retry the team book holds $n (count, distinct) of $changes"; continue; }
		sound "$team" "sync kill $i, retried" || continue
		pass=$((pass + 1))
	done
	echo "crashtest: sync push (${dur} ms a run, $changes changes): $KILLS kills; none landed $n_none, all landed $n_all, finished before the kill $n_done; each retry left exactly one of each"
}

echo "crashtest: making the books"
base_small="$WORK/small.db"
base_big="$WORK/big.db"
base_scored="$WORK/scored.db"
"$TEND" --db "$base_small" demo --accounts 100 --weeks 0 >/dev/null || exit 1
"$TEND" --db "$base_big" demo --accounts 1500 --weeks 0 >/dev/null || exit 1
cp "$base_big" "$base_scored"
"$TEND" --db "$base_scored" health recompute >/dev/null || exit 1
for b in "$base_small" "$base_big" "$base_scored"; do settle "$b"; done
# 20000 new accounts, all valid.
awk 'BEGIN { print "external_id,name,segment,stage,licensed_seats,tags";
	for (i = 1; i <= 20000; i++)
		printf "CRASH-%05d,Crash Test %05d,%s,adopt,%d,crash\n", i, i, (i % 3 ? "smb" : "mid_market"), 10 + i % 90 }' \
	>"$WORK/accounts.csv"

crash_action import "$base_small" import accounts "$WORK/accounts.csv"
crash_action recompute "$base_big" health recompute
crash_playbook "$base_scored"
crash_action bulk-edit "$base_big" account set --where segment=smb --yes --tag +crash --seats 7
crash_demo --accounts 600
crash_sync

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
