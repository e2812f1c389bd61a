#!/bin/sh
# qbr.sh -- tend qbr: the pack for a business review.  Its numbers are the
# ones tend health explain and tend metrics give for the same account and
# period; its Markdown and its HTML (cmark, with two inline SVG charts)
# keep hostile text from every field inert; bad options are refused.
. "$TEST_SRCDIR/tests/cli/lib.sh"

# One account, so tend metrics over the book is tend metrics of the
# account.  Its name, contacts, risk, opportunity and plan carry markup.
HOSTILE='<script>alert(1)</script> *x* [l](javascript:alert(1)) <img src=x onerror=y>'
mkdir -p "$WORK/in"
cat >"$WORK/in/users.csv" <<'CSV'
login,name,role
amara,Amara Okafor,csm
CSV
cat >"$WORK/in/accounts.csv" <<CSV
external_id,name,owner,segment,stage,licensed_seats,initial_contract_date
CRM-9,"Evil <b>Corp</b> & Co",amara,enterprise,adopt,100,2025-01-01
CSV
cat >"$WORK/in/contacts.csv" <<CSV
account,name,title,email,is_executive,status,roles
CRM-9,"Dana $HOSTILE",CFO <i>,dana@evil.test,true,active,executive_sponsor
CRM-9,Chris Obi,Ops,chris@evil.test,false,active,champion
CSV
cat >"$WORK/in/arr_events.csv" <<'CSV'
account,date,kind,arr_delta,reason
CRM-9,2025-01-01,new,100000,new logo
CRM-9,2026-10-01,expansion,20000,more seats
CSV
cat >"$WORK/in/renewals.csv" <<'CSV'
account,due_date,target_arr,forecast_category,stage
CRM-9,2027-01-01,120000,likely,in_progress
CSV
cat >"$WORK/in/usages.csv" <<'CSV'
account,date,period,active_users,licensed_seats,assigned_seats,activated_seats,basic_features_used,basic_features_entitled,advanced_features_used,advanced_features_entitled
CRM-9,2026-11-20,week,60,100,90,70,8,10,2,10
CSV
cat >"$WORK/in/touchpoints.csv" <<CSV
account,date,kind,summary,author,attendees
CRM-9,2026-10-15,qbr,"$HOSTILE",amara,dana@evil.test
CRM-9,2026-11-10,call,Weekly sync,amara,
CSV
cat >"$WORK/in/risks.csv" <<CSV
account,category,severity,status,opened_on,description,mitigation
CRM-9,adoption,high,open,2026-11-01,"Rollout stalled $HOSTILE","Pilot ![i](http://evil.example/t.png)"
CSV
cat >"$WORK/in/opportunitys.csv" <<CSV
account,title,kind,arr,stage,expected_close
CRM-9,"More <seats>",upsell,15000,propose,2027-02-01
CSV
for e in user account contact arr_event renewal usage touchpoint risk opportunity; do
	run --db "$DB" import "$e" "$WORK/in/${e}s.csv"
	[ "$rc" -eq 0 ] || fail "cannot import $e: $(cat "$WORK/err")"
done
# Scores on two days: the start of the period and today.
run --db "$DB" --now 2026-08-26 health recompute
run --db "$DB" health recompute
# A plan with hostile text in its fields.
run --db "$DB" plan new CRM-9
run --db "$DB" plan edit CRM-9 --section risks --text "- Funding: $HOSTILE"
run --db "$DB" objective add CRM-9 "Adopt $HOSTILE" --beneficiary dana@evil.test
run --db "$DB" milestone add 1 "Train <u>admins</u>" --owner amara --due 2026-11-01
run --db "$DB" kpi add 1 "Active <em>users</em>" --baseline 20 --target 80 --unit "<%>" --by 2027-03-01
run --db "$DB" kpi record 1 60
[ "$rc" -eq 0 ] || fail "cannot build the plan: $(cat "$WORK/err")"

case_ "the pack's health is tend health explain's"
run --db "$DB" qbr CRM-9 --period 90d
expect_rc 0
cp "$WORK/out" "$WORK/qbr.md"
run --db "$DB" health explain CRM-9
cp "$WORK/out" "$WORK/explain"
overall=$(sed -n 's/^  overall     \([0-9.]* of [0-9]* ([0-9]*% of full score)\)  \([a-z]*\).*/\1, \2/p' "$WORK/explain")
check "explain has no overall line" test -n "$overall"
check "the pack's overall differs from explain's ($overall)" grep -qxF -- "- Overall: $overall" "$WORK/qbr.md"
# Each measure: its rating and points as explain shows them.
sed -n 's/^  \([A-Z][a-z]* [a-z][a-z]*\|[A-Z][a-z]*\) \{2,\}\(outcomes\|experience\) .* \([0-9]\)  *\([0-9.]*\)  .*/\1|\3|\4/p' \
	"$WORK/explain" >"$WORK/measures"
check "explain lists no rated measure" test "$(wc -l <"$WORK/measures")" -ge 3
while IFS='|' read -r name rating points; do
	check "the pack lacks $name with rating $rating, $points points" \
		grep -q "^- $name: .*, rating $rating, $points points" "$WORK/qbr.md"
done <"$WORK/measures"
ago=$(sed -n 's/^  trend .* \(2026-08-2[0-9]\) \([0-9.]*\) (\([a-z]*\)).*/\2 (\3) on \1/p' "$WORK/explain")
check "the pack's start of the period differs from explain's 90-day point ($ago)" \
	grep -q "^- At the start of the period: $ago, " "$WORK/qbr.md"

case_ "the pack's ARR is tend metrics' for the same period"
run --db "$DB" metrics --from 2026-08-26 --to 2026-11-23
start=$(sed -n 's/^starting ARR *\([0-9,.]*\)$/\1/p' "$WORK/out")
end=$(sed -n 's/^ending ARR *\([0-9,.]*\)$/\1/p' "$WORK/out")
nrr=$(sed -n 's/^NRR *\([0-9.]*%\)$/\1/p' "$WORK/out")
check "metrics gave no starting ARR, ending ARR or NRR" test -n "$start" -a -n "$end" -a -n "$nrr"
check "the pack's ARR line differs from metrics ($end, $start, $nrr)" \
	grep -qxF -- "- ARR: $end USD ($start at the start of the period, NRR $nrr)" "$WORK/qbr.md"
check "the pack does not count the period's business review" \
	grep -qxF -- "- Touchpoints in the period: 2, of which business reviews: 1" "$WORK/qbr.md"

case_ "the pack's sections, value realised and agenda"
for h in "## Account summary" "## Health" "## Value realised" "## Success-plan progress" \
	"## Adoption barriers and mitigations" "## Open risks" "## Renewals and expansion" "## Agenda"; do
	check "the pack lacks '$h'" grep -qxF -- "$h" "$WORK/qbr.md"
done
grep -F -- '- Active \<em\>users\</em\> (Adopt' "$WORK/qbr.md" >"$WORK/kpi"
check "the KPI against baseline and target is wrong: $(cat "$WORK/kpi")" grep -qF -- \
	': 60 against a baseline of 20 and a target of 80 \<%\> by 2027-03-01: 66% of the way' "$WORK/kpi"
check "the renewal is missing" grep -qxF -- \
	"- Renewal due 2027-01-01 (in 39 days): 120,000 ARR, forecast likely, in\\_progress" "$WORK/qbr.md"
check "the opportunity is missing" grep -qxF -- \
	"- Expansion: More \\<seats\\> (upsell, 15,000 ARR, propose, expected 2027-02-01)" "$WORK/qbr.md"
check "the EBR shape is missing" grep -q "^As an executive business review: the executives for the first 30 minutes" "$WORK/qbr.md"

case_ "hostile text stays inert in the Markdown"
check_not "raw markup from the book reached the Markdown" \
	grep -nE '(^|[^\\])(<(script|img|b|i|u|em|seats)[ >]|\]\(javascript|\[i\]\(http)' "$WORK/qbr.md"
check "the account name is not escaped" grep -qF '# Business review: Evil \<b\>Corp\</b\> \& Co (CRM-9)' "$WORK/qbr.md"
check "the risk is not escaped" grep -qF 'Rollout stalled \<script\>alert(1)\</script\> \*x\* \[l\](javascript:alert(1))' "$WORK/qbr.md"
check "the mitigation is not escaped" grep -qF 'mitigation: Pilot !\[i\](http://evil.example/t.png)' "$WORK/qbr.md"
check "the barrier is not a list item with escaped text" grep -qxF -- '- Funding: \<script\>alert(1)\</script\> \*x\* \[l\](javascript:alert(1)) \<img src=x onerror=y\>' "$WORK/qbr.md"

case_ "the HTML: one self-contained file, two charts, nothing from the book as markup"
run --db "$DB" qbr CRM-9 --format html
expect_rc 0
cp "$WORK/out" "$WORK/qbr.html"
check "not an HTML document" grep -q '^<!DOCTYPE html>$' "$WORK/qbr.html"
check "the title is not escaped" grep -qF '<title>Business review: Evil &lt;b&gt;Corp&lt;/b&gt; &amp; Co</title>' "$WORK/qbr.html"
check "not two inline SVG charts" test "$(grep -o '<svg ' "$WORK/qbr.html" | wc -l)" -eq 2
check "the health trend has no points" grep -q 'stroke="#2a6" stroke-width="2" points="[0-9.]*,[0-9.]* [0-9.]*,[0-9.]*"' "$WORK/qbr.html"
check "the ARR history has no step" grep -q 'stroke="#36c" stroke-width="2" points="[0-9., ]*"' "$WORK/qbr.html"
check_not "the HTML has markup from the book, or loads something from elsewhere" \
	grep -nE '<(script|img|link|iframe|a|b|i|u|em|seats)[ >]| (src|href)="' "$WORK/qbr.html"
check "the risk is not escaped in the HTML" grep -qF 'Rollout stalled &lt;script&gt;alert(1)&lt;/script&gt; *x* [l](javascript:alert(1)) &lt;img src=x onerror=y&gt;' "$WORK/qbr.html"
check "the plan's objective is not escaped in the HTML" grep -qF '<h3>Objective 1: Adopt &lt;script&gt;alert(1)&lt;/script&gt; *x*' "$WORK/qbr.html"

case_ "refusals"
for args in "64|--period: '5y' is not a period|qbr CRM-9 --period 5y" \
	"64|--period: at most 120 days|qbr CRM-9 --period 6m" \
	"64|--format: 'pdf' is not|qbr CRM-9 --format pdf" \
	"64|qbr takes one ACCOUNT|qbr" \
	"66|no account|qbr nosuch"; do
	want=${args%%|*}
	rest=${args#*|}
	msg=${rest%%|*}
	# shellcheck disable=SC2086
	run --db "$DB" ${rest#*|}
	expect_rc "$want"
	expect_err_has "$msg"
done
run --db "$DB" qbr CRM-9 --period 4w
expect_rc 0
expect_out_has "Period: 2026-10-27 to 2026-11-23 (28 days)."
run --db "$DB" --read-only qbr CRM-9
expect_rc 0
finish
