#!/bin/sh
# fit.sh -- tables fit the terminal: on a terminal (a pseudo-terminal under
# tests/ui/vtrun, 80 columns unless said) only the free-text columns --
# names, titles, messages, tags -- are shortened, by display width and with
# an ellipsis, never an id, an external id, a date, an amount or a login;
# when that is not enough, the details each command names give way (a
# task's kind and source, an account's segment and stage...); a table too
# wide even then is left long; COLUMNS, when set, wins over the terminal's
# size.  To a file every value and column stays, whatever COLUMNS says.
. "$TEST_SRCDIR/tests/cli/lib.sh"
: "${VTRUN:?set VTRUN to tests/ui/vtrun (make check does)}"
export TERM=xterm-256color
make_book

# on_tty SIZE [-e NAME=VALUE]... ARGS...: run `tend ARGS` on a terminal of
# SIZE (COLSxROWS) under vtrun, which drops COLUMNS (-e sets a variable);
# what tend wrote goes to $WORK/out with the terminal's CR LF made LF, and
# the status to rc.
on_tty() {
	local opts="-s $1"
	shift
	while [ "$1" = -e ]; do
		opts="$opts -e $2"
		shift 2
	done
	echo "expect-exit 0" | "$VTRUN" -l "$WORK/raw" $opts - -- "$TEND" "$@" >"$WORK/vt.out" 2>"$WORK/err"
	rc=$?
	tr -d '\r' <"$WORK/raw" >"$WORK/out"
}

# A login, an external id and an amount longer than any free-text minimum,
# and a name and tags to cut.
printf 'login,name,role\nalexandra.konstantinou,Alexandra Konstantinou,csm\n' >"$WORK/u.csv"
printf 'external_id,name,owner,segment,stage,tags\n%s\n' \
	'CRM-2026-000006,Konstantinou Maritime & Offshore Engineering Holdings,alexandra.konstantinou,mid_market,expand,expansion;multi-product;strategic' \
	>"$WORK/a.csv"
printf 'account,date,kind,arr_delta\nCRM-2026-000006,2026-01-01,new,1234567.89\n' >"$WORK/e.csv"
for e in u:user a:account e:arr_event; do
	"$TEND" --db "$DB" $NOW import "${e#*:}" "$WORK/${e%%:*}.csv" >/dev/null ||
		fail "cannot import ${e#*:}"
done

case_ "80 columns: names cut by display width, details and tags left out; ids, dates, amounts, logins whole"
on_tty 80x24 --db "$DB" accounts
expect_rc 0
expect_out <<'OUT'
ID  EXTERNAL ID      NAME          OWNER                            ARR  RENEWAL
 1  CRM-001          Acme Corpor…  amara                     300,000.50  2027-01-15
 4  CRM-004          Borealis Lo…  bo                              0.00
 6  CRM-2026-000006  Konstantino…  alexandra.konstantinou  1,234,567.89
 2  CRM-002          Société Gén…  amara                     380,000.00  2026-12-10
 5  CRM-005          Tiny Pooled…                              3,000.00  2026-11-01
 3  CRM-003          山田製作所…   bo                          9,000.00  2027-09-01
OUT

case_ "140 columns: the free-text columns share what the others leave"
on_tty 140x24 --db "$DB" accounts
expect_out <<'OUT'
ID  EXTERNAL ID      NAME                  OWNER                   SEGMENT     STAGE             ARR  RENEWAL     DAYS  TAGS
 1  CRM-001          Acme Corporation      amara                   enterprise  adopt      300,000.50  2027-01-15    53  reference;strategic
 4  CRM-004          Borealis Logistics,…  bo                      smb         churned          0.00
 6  CRM-2026-000006  Konstantinou Mariti…  alexandra.konstantinou  mid_market  expand   1,234,567.89                    expansion;multi-pro…
 2  CRM-002          Société Générale de…  amara                   enterprise  renew      380,000.00  2026-12-10    17  strategic
 5  CRM-005          Tiny Pooled Co                                smb         adopt        3,000.00  2026-11-01   -22
 3  CRM-003          山田製作所株式会社    bo                      smb         onboard      9,000.00  2027-09-01   282
OUT

case_ "a terminal wide enough shows the table a file gets"
run --db "$DB" accounts
cp "$WORK/out" "$WORK/file"
on_tty 200x24 --db "$DB" accounts
expect_same "a 200-column terminal cut something" "$WORK/file" "$WORK/out"

case_ "COLUMNS on a terminal wins over its size"
on_tty 200x24 -e COLUMNS=80 --db "$DB" accounts
expect_out_has " 6  CRM-2026-000006  Konstantino…  alexandra.konstantinou  1,234,567.89"

case_ "not a terminal: nothing is cut, whatever COLUMNS says"
for cols in 80 20 1; do
	COLUMNS=$cols run --db "$DB" accounts
	expect_same "COLUMNS=$cols changed a table written to a file" "$WORK/file" "$WORK/out"
done
expect_out_has "Konstantinou Maritime & Offshore Engineering Holdings  alexandra.konstantinou"
expect_out_lacks "…"

case_ "not a terminal: one very long name is written whole, without padding every row to it"
awk 'BEGIN { printf "external_id,name,segment\nLONG-1,"; for (i = 0; i < 1000; i++) printf "Longname "; print ",smb" }' >"$WORK/long.csv"
cp "$DB" "$WORK/long.db"
"$TEND" --db "$WORK/long.db" $NOW import account "$WORK/long.csv" >/dev/null || fail "cannot import the long name"
run --db "$WORK/long.db" accounts
expect_rc 0
check "the long name is whole" grep -q "LONG-1 *\(Longname \)\{999\}Longname  " "$WORK/out"
check "under 20 kB for 7 rows, not $(wc -c <"$WORK/out") bytes" test "$(wc -c <"$WORK/out")" -lt 20000
check "another row stays short: $(grep CRM-001 "$WORK/out")" test "$(grep CRM-001 "$WORK/out" | wc -c)" -lt 200

case_ "tasks at 80 columns: titles and accounts cut, a short title kept whole"
run --db "$DB" $NOW task add konst "Prepare the executive business review deck with the offshore numbers" \
	--due 2026-12-01 --owner alexandra.konstantinou --priority critical
run --db "$DB" $NOW task add acme "Call" --due 2026-11-30 --owner amara
on_tty 80x24 --db "$DB" task list --owner all
expect_out <<'OUT'
ID  DUE         PRIORITY  TITLE           ACCOUNT         OWNER
 2  2026-11-30  medium    Call            Acme Corporat…  amara
 1  2026-12-01  critical  Prepare the e…  Konstantinou …  alexandra.konstantinou
OUT

case_ "health at 80 columns: only the names give way"
run --db "$DB" $NOW health recompute
on_tty 80x24 --db "$DB" health
expect_out <<'OUT'
ID  NAME               OWNER                            ARR  SCORE  BAND     30D
 2  Société Générale…  amara                     380,000.00  1.667  unknown
 6  Konstantinou Mar…  alexandra.konstantinou  1,234,567.89  2.000  unknown
 5  Tiny Pooled Co                                 3,000.00  2.000  unknown
 3  山田製作所株式会…  bo                          9,000.00  2.000  unknown
 1  Acme Corporation   amara                     300,000.50  2.333  unknown
OUT

# -- the demo book at 80x24 --------------------------------------------------

DB="$WORK/demo.db"
"$TEND" --db "$DB" $NOW demo >/dev/null 2>"$WORK/err" || fail "cannot make the demo book: $(cat "$WORK/err")"
TEND_USER=priya.raman "$TEND" --db "$DB" $NOW playbook run >/dev/null 2>"$WORK/err" ||
	fail "the playbooks did not run: $(cat "$WORK/err")"

# whole_cells CSV SPEC: every row of the table in $WORK/out has, whole and
# in order, the values of the columns SPEC names (CSV keys, KEY:money,
# KEY:score, KEY:bool for the way a table shows them) in the same row of
# CSV; what is cut or missing goes to $WORK/cut, one line each.  Values are
# found as text between blanks, so no display width is needed.
whole_cells() {
	awk -v spec="$2" '
	function csv(s, f,    n, i, c, q, cur) {
		n = 0; cur = ""; q = 0
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (q && c == "\"" && substr(s, i + 1, 1) == "\"") { cur = cur c; i++ }
			else if (c == "\"") q = !q
			else if (!q && c == ",") { f[++n] = cur; cur = "" }
			else cur = cur c
		}
		f[++n] = cur
		return n
	}
	function money(v, cents,    sign, i, f, g) {
		sign = ""
		if (substr(v, 1, 1) == "-") { sign = "-"; v = substr(v, 2) }
		i = v; f = ""
		if (index(v, ".")) { i = substr(v, 1, index(v, ".") - 1); f = substr(v, index(v, ".")) }
		g = ""
		while (length(i) > 3) { g = "," substr(i, length(i) - 2) g; i = substr(i, 1, length(i) - 3) }
		return sign i g (cents ? f : "")
	}
	function show(k, v) {
		if (v == "") return ""
		if (kind[k] == "money") return money(v, cents[k])
		if (kind[k] == "score") return sprintf("%.3f", v)
		if (kind[k] == "bool") return v == "true" ? "yes" : "no"
		return v
	}
	function blank(c) { return c == "" || c == " " }
	NR == 1 {
		nk = split(spec, want, " ")
		csv($0, h)
		for (j in h) col[h[j]] = j
		for (k = 1; k <= nk; k++) {
			kind[k] = want[k]; sub(/^[^:]*:?/, "", kind[k]); sub(/:.*/, "", want[k])
			if (!(want[k] in col)) print "no column " want[k] " in the CSV"
		}
		next
	}
	NR == FNR {
		rows++
		n = csv($0, f)
		for (k = 1; k <= nk; k++) {
			v[rows, k] = f[col[want[k]]]
			if (kind[k] == "money" && v[rows, k] ~ /\.[0-9][1-9]$|\.[1-9]/) cents[k] = 1
		}
		next
	}
	FNR == 1 { next }
	{
		r = FNR - 1; line = $0; p = 1
		for (k = 1; k <= nk; k++) {
			e = show(k, v[r, k])
			if (e == "") continue
			found = 0
			for (q = p; (i = index(substr(line, q), e)) > 0; q += i) {
				at = q + i - 1
				if ((at == 1 || blank(substr(line, at - 1, 1))) && blank(substr(line, at + length(e), 1))) {
					found = 1; p = at + length(e); break
				}
			}
			if (!found) print "row " r ": " want[k] " \"" e "\" is not whole in: " line
		}
	}
	END { if (FNR - 1 != rows) print "the table has " FNR - 1 " rows, the CSV " rows }
	' "$1" "$WORK/out" >"$WORK/cut"
}

# demo_fits NAME SPEC ARGS...: `tend ARGS` on an 80x24 terminal keeps the
# SPEC columns whole in every row and cuts some free text; to a file with
# COLUMNS=80, it cuts nothing and shows LONG (a name longer than 80) whole.
demo_fits() {
	local spec=$1 long
	shift
	long="Compañía Española de Distribución y Almacenamiento Logístico Integral, Sociedad Anónima Unipersonal"
	TEND_USER=priya.raman run --db "$DB" $NOW "$@" --format csv
	cp "$WORK/out" "$WORK/full.csv"
	on_tty 80x24 -e TEND_USER=priya.raman --db "$DB" $NOW "$@"
	expect_rc 0
	whole_cells "$WORK/full.csv" "$spec"
	check "cut on a terminal:
$(head -n 20 "$WORK/cut")" test ! -s "$WORK/cut"
	check "wider than the 80-column terminal: $(wc -L <"$WORK/out") columns" test "$(wc -L <"$WORK/out")" -le 80
	expect_out_has "…"
	expect_out_lacks "$long"
	TEND_USER=priya.raman COLUMNS=80 run --db "$DB" $NOW "$@"
	expect_out_lacks "…"
	expect_out_has "$long"
}

case_ "demo: tend accounts at 80x24"
demo_fits "id external_id owner arr:money renewal" accounts

case_ "demo: tend health at 80x24"
demo_fits "account_id owner arr:money score:score band change_30d:score" health

case_ "demo: tend task list --owner all at 80x24"
demo_fits "id due_date priority owner" task list --owner all

case_ "demo: tend inbox --all at 80x24"
demo_fits "id to due_date" inbox --all

case_ "demo: tend risk list at 80x24"
demo_fits "id severity category owner" risk list

# No open opportunity is on the account with the long name, so this one
# checks the fit without it.
case_ "demo: tend opportunity list at 80x24"
TEND_USER=priya.raman run --db "$DB" $NOW opportunity list --format csv
cp "$WORK/out" "$WORK/full.csv"
on_tty 80x24 -e TEND_USER=priya.raman --db "$DB" $NOW opportunity list
expect_rc 0
whole_cells "$WORK/full.csv" "id stage kind arr:money expected_close"
check "cut on a terminal:
$(head -n 20 "$WORK/cut")" test ! -s "$WORK/cut"
check "wider than the 80-column terminal: $(wc -L <"$WORK/out") columns" test "$(wc -L <"$WORK/out")" -le 80
expect_out_has "…"
TEND_USER=priya.raman COLUMNS=80 run --db "$DB" $NOW opportunity list
expect_out_lacks "…"

finish
