#!/usr/bin/env bash
# bench/stress.sh -- many tend processes on one book at once (issue 16):
# 8 writers and 4 readers for SECONDS seconds, a playbook run and a health
# recompute in the middle.  Passes when no command failed (a locked book
# included: the write path waits and retries), every write that said it
# succeeded is in the book afterwards, and the book and its audit chain
# are sound.  Every exit status is counted and printed.
#
#   bench/stress.sh PATH/TO/tend [SECONDS]     (`make stress`: 60 s; CI: 10 s)
set -uo pipefail

TEND=${1:?usage: bench/stress.sh TEND [SECONDS]}
SECS=${2:-60}
WRITERS=8
READERS=4
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tend-stress-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TEND_NOW=2026-11-23 TEND_DB="$WORK/book.db" HOME="$WORK" XDG_CONFIG_HOME="$WORK/config"
unset TEND_USER

"$TEND" demo --accounts 600 --csms 8 --weeks 2 >/dev/null || { echo "stress: cannot make the book" >&2; exit 1; }
# The accounts the writers share out: every writer writes to all of them,
# so they meet on the same rows as well as on the same lock.
mapfile -t ACCTS < <("$TEND" accounts --format csv | sed -n '2,41s/^[0-9]*,\([^,]*\),.*/\1/p')
end=$(( $(date +%s) + SECS ))

# writer K: task add, touchpoint log and account notes, in turn, until the
# end; each success is remembered by what it wrote.
writer() {
	local k=$1 n=0 a rc
	while [ "$(date +%s)" -lt "$end" ]; do
		a=${ACCTS[$(( (k * 7 + n) % ${#ACCTS[@]} ))]}
		case $((n % 3)) in
		0) "$TEND" task add "$a" "stress w$k n$n" >/dev/null 2>>"$WORK/err.$k"; rc=$?
		   [ "$rc" = 0 ] && echo "task stress w$k n$n" >>"$WORK/ok.$k" ;;
		1) "$TEND" log "$a" "stress w$k n$n" >/dev/null 2>>"$WORK/err.$k"; rc=$?
		   [ "$rc" = 0 ] && echo "touchpoint stress w$k n$n" >>"$WORK/ok.$k" ;;
		2) "$TEND" account set "$a" --notes "stress w$k n$n" >/dev/null 2>>"$WORK/err.$k"; rc=$?
		   [ "$rc" = 0 ] && echo "audit stress w$k n$n" >>"$WORK/ok.$k" ;;
		esac
		echo "$rc" >>"$WORK/rc.w$k"
		n=$((n + 1))
	done
}

# reader K: the lists a lead looks at while the team works.
reader() {
	local k=$1 n=0 rc
	while [ "$(date +%s)" -lt "$end" ]; do
		case $((n % 4)) in
		0) "$TEND" accounts --format csv >/dev/null 2>>"$WORK/err.r$k" ;;
		1) "$TEND" team >/dev/null 2>>"$WORK/err.r$k" ;;
		2) "$TEND" metrics --by csm >/dev/null 2>>"$WORK/err.r$k" ;;
		3) "$TEND" account show "${ACCTS[$((n % ${#ACCTS[@]}))]}" >/dev/null 2>>"$WORK/err.r$k" ;;
		esac
		echo $? >>"$WORK/rc.r$k"
		n=$((n + 1))
	done
}

pids=()
for ((k = 0; k < WRITERS; k++)); do writer "$k" & pids+=($!); done
for ((k = 0; k < READERS; k++)); do reader "$k" & pids+=($!); done
# In the middle: the book's two long writers.
sleep $((SECS / 2))
"$TEND" playbook run >/dev/null 2>>"$WORK/err.pb"; echo $? >>"$WORK/rc.batch"
"$TEND" health recompute >/dev/null 2>>"$WORK/err.hr"; echo $? >>"$WORK/rc.batch"
for p in "${pids[@]}"; do wait "$p"; done

# Every exit status, counted.
echo "exit statuses (count status), writers:"
cat "$WORK"/rc.w* | sort | uniq -c
echo "readers:"
cat "$WORK"/rc.r* | sort | uniq -c
echo "playbook run and recompute:"
cat "$WORK/rc.batch" | sort | uniq -c
fails=$(cat "$WORK"/rc.* | grep -vc '^0$')
ok=$(cat "$WORK"/ok.* 2>/dev/null | wc -l)

# Every write that succeeded is there.
"$TEND" export task --format csv >"$WORK/tasks.csv"
"$TEND" export touchpoint --format csv >"$WORK/tps.csv"
"$TEND" audit --format csv >"$WORK/audit.csv"
missing=0
while read -r kind text; do
	case $kind in
	task) grep -qE ",$text," "$WORK/tasks.csv" ;;
	touchpoint) grep -qE "$text([^0-9]|\$)" "$WORK/tps.csv" ;;
	audit) grep -qE -- "-> $text([^0-9]|\$)" "$WORK/audit.csv" ;;
	esac || { echo "stress: missing after the run: $kind '$text'" >&2; missing=$((missing + 1)); }
done < <(cat "$WORK"/ok.*)

"$TEND" check >/dev/null 2>"$WORK/check.err"; checked=$?
echo "writes that succeeded: $ok, missing afterwards: $missing; failed commands: $fails; tend check: $checked"
if [ "$fails" != 0 ]; then
	echo "stress: some commands failed; their errors:" >&2
	cat "$WORK"/err.* | sort | uniq -c | sort -rn | head -20 >&2
fi
[ "$fails" = 0 ] && [ "$missing" = 0 ] && [ "$checked" = 0 ] && [ "$ok" -gt 0 ]
