#!/bin/sh
# edit_accounts.sh -- changing accounts: `tend account set` with every
# option and the stage history it keeps; each change one audited action
# that names the account, every refusal naming its option and changing
# nothing.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

# snapshot FILE: what a refused command must leave as it was.
snapshot() {
	for e in account contact stage_history audit; do
		echo "== $e"
		"$TEND" --db "$DB" export "$e" || echo "export $e failed"
	done >"$1" 2>&1
}

# refused RC MESSAGE ARGS...: tend ARGS exits with RC, says MESSAGE on
# stderr, and the book is as it was.
refused() {
	want_rc=$1 want_err=$2
	shift 2
	snapshot "$WORK/before"
	run --db "$DB" $NOW "$@"
	expect_rc "$want_rc"
	printf 'tend: %s\n' "$want_err" | expect_err
	snapshot "$WORK/after"
	expect_same "tend $* changed the book" "$WORK/before" "$WORK/after"
}

# no_account ARGS...: ARGS name an account the book does not have: refused
# with 66 (the resolver's own words follow the name), nothing changed.
no_account() {
	snapshot "$WORK/before"
	run --db "$DB" $NOW "$@"
	expect_rc 66
	expect_err_has "tend: no account matches 'nosuch'"
	snapshot "$WORK/after"
	expect_same "tend $* changed the book" "$WORK/before" "$WORK/after"
}

case_ "stage history: a playbook's stage action records its rule and its day"
mkdir -p "$WORK/pb"
cat >"$WORK/pb/stage.yaml" <<'YAML'
rules:
  - id: to-adopt
    description: onboarding is over
    when: { stage: onboard }
    actions: [ { stage: adopt } ]
  - id: to-renew
    description: a month in adoption
    when: { stage: adopt, days_in_stage: { gte: 30 } }
    actions: [ { stage: renew } ]
YAML
run --db "$DB" --now 2026-07-02 playbook run --playbooks "$WORK/pb" --rule to-adopt --summary
expect_rc 0
run --db "$DB" --now 2026-08-01 playbook run --playbooks "$WORK/pb" --rule to-renew --summary
expect_rc 0
run --db "$DB" export stage_history
expect_out <<'OUT'
id,account,stage,from_date,to_date,author,source
1,CRM-003,onboard,,2026-07-02,,
2,CRM-003,adopt,2026-07-02,2026-08-01,,playbook:to-adopt
3,CRM-003,renew,2026-08-01,,,playbook:to-renew
OUT
run --db "$DB" export audit --format csv
expect_out_has 'tester,playbook:to-renew,account_stage_history,2,update,"{""id"":2,""account_id"":3,""stage"":""adopt"",""from_date"":""2026-07-02"",""to_date"":null,""author_id"":null,""source"":""playbook:to-adopt""}","{""id"":2,""account_id"":3,""stage"":""adopt"",""from_date"":""2026-07-02"",""to_date"":""2026-08-01"",""author_id"":null,""source"":""playbook:to-adopt""}"'
expect_out_has 'tester,playbook:to-renew,account_stage_history,3,insert,,'

case_ "stage history: account show lists every period with its days"
run --db "$DB" $NOW account show CRM-003
expect_out_has "  stage            renew since 2026-08-01 (114 days), adopt 2026-07-02 .. 2026-08-01 (30 days), onboard until 2026-07-02"
run --db "$DB" $NOW account show CRM-003 --format json
tr -d ' \n' <"$WORK/out" >"$WORK/json"
check "account show --format json lacks the stages:
$(cat "$WORK/out")" grep -qF '"stages":[{"stage":"renew","from_date":"2026-08-01","to_date":null,"days":114},{"stage":"adopt","from_date":"2026-07-02","to_date":"2026-08-01","days":30},{"stage":"onboard","from_date":null,"to_date":"2026-07-02","days":null}]' "$WORK/json"
# An account whose history has not started shows its stage alone.
run --db "$DB" $NOW account show acme
check "acme's stage line is not its stage alone:
$(cat "$WORK/out")" grep -qx "  stage            adopt" "$WORK/out"

case_ "stage history: days_in_stage agrees with the stage's date"
run --db "$DB" $NOW facts CRM-003 --format csv
expect_out_has "days_in_stage,114,"
run --db "$DB" --now 2026-08-11 facts CRM-003 --format csv
expect_out_has "days_in_stage,10,"

case_ "account set: every field at once, one line naming the account"
run --db "$DB" $NOW account set acme --stage expand --owner bo --am amara --rm tester \
	--segment mid_market --touch low --package free --partner "Globex" --seats 900 \
	--tag +vip --tag -reference --notes "Renewal owner changed"
expect_rc 0
printf '%s\n' "Acme Corporation (CRM-001): stage adopt -> expand, owner amara -> bo, am - -> amara, rm - -> tester, segment enterprise -> mid_market, touch model high -> low, package premium -> free, partner - -> Globex, seats 800 -> 900, tags +vip -reference, notes changed" | expect_out
run --db "$DB" export account
expect_out_has "1,CRM-001,Acme Corporation,bo,amara,tester,mid_market,low,free,expand,2026-11-23,,,Globex,,900,2024-01-15,USD,Renewal owner changed,strategic;vip"

case_ "account set: the audit row holds the old and new values, tags included"
run --db "$DB" export audit --format csv
expect_out_has '2026-11-23T09:30:00Z,tester,account set,accounts,1,update,'
expect_out_has '""owner_id"":2,""am"":null,""rm"":null,""segment"":""enterprise"",""touch_model"":""high"",""service_package"":""premium"",""stage"":""adopt"",""stage_since"":null'
expect_out_has '""licensed_seats"":800,""initial_contract_date"":""2024-01-15"",""currency"":""USD"",""notes"":""Key logo in EMEA"",""tags"":[""reference"",""strategic""]}'
expect_out_has '""owner_id"":3,""am"":""amara"",""rm"":""tester"",""segment"":""mid_market"",""touch_model"":""low"",""service_package"":""free"",""stage"":""expand"",""stage_since"":""2026-11-23""'
expect_out_has '""partner"":""Globex"",""partner_role"":null,""licensed_seats"":900,""initial_contract_date"":""2024-01-15"",""currency"":""USD"",""notes"":""Renewal owner changed"",""tags"":[""strategic"",""vip""]}'
expect_out_has 'tester,account set,account_stage_history,4,insert,,'
expect_out_has 'tester,account set,account_stage_history,5,insert,,'

case_ "account set: values already so change nothing and say so"
snapshot "$WORK/before"
run --db "$DB" $NOW account set CRM-001 --stage expand --owner bo --seats 900 --tag +vip --tag -gone
expect_rc 0
printf "Acme Corporation (CRM-001): nothing to change (already has tag 'vip', has no tag 'gone')\n" | expect_out
snapshot "$WORK/after"
expect_same "an edit with nothing to change wrote" "$WORK/before" "$WORK/after"

case_ "account set: pooled, me, clearing the AM, RM, partner and notes"
run --db "$DB" $NOW account set acme --owner pooled --am '' --rm '' --partner '' --notes ''
printf '%s\n' "Acme Corporation (CRM-001): owner bo -> pooled, am amara -> -, rm tester -> -, partner Globex -> -, notes cleared" | expect_out
run --db "$DB" $NOW account set acme --owner me --notes "Back with tester"
printf '%s\n' "Acme Corporation (CRM-001): owner pooled -> tester, notes added" | expect_out
run --db "$DB" $NOW account set acme --notes "Now with tester" --tag +a --tag +b --tag -vip --tag +a
printf '%s\n' "Acme Corporation (CRM-001): tags +a +b -vip, notes changed" | expect_out
run --db "$DB" export account
expect_out_has "1,CRM-001,Acme Corporation,tester,,,mid_market,low,free,expand,2026-11-23,,,,,900,2024-01-15,USD,Now with tester,a;b;strategic"

case_ "account set: refusals name the option and change nothing"
refused 66 "--owner: 'bob' is not a user of this book; did you mean 'bo'?" account set acme --owner bob
refused 66 "--am: 'nobody' is not a user of this book" account set acme --am nobody
refused 66 "--rm: 'amra' is not a user of this book; did you mean 'amara'?" account set acme --rm amra
refused 64 "--segment: 'midmarket' is not allowed; did you mean 'mid_market'?" account set acme --segment midmarket
refused 64 "--touch: 'hi' is not allowed; did you mean 'high'?" account set acme --touch hi
refused 64 "--package: 'gold' is not allowed" account set acme --package gold
refused 64 "--stage: 'adoptt' is not allowed; did you mean 'adopt'?" account set acme --stage adoptt
refused 64 "--seats: '0' is not a number from 1 to 100000000" account set acme --seats 0
refused 64 "--seats: 'many' is not a number from 1 to 100000000" account set acme --seats many
refused 64 "--tag: 'vip': say +vip to add it or -vip to remove it" account set acme --tag vip
refused 64 "--tag: 'x' is both added and removed" account set acme --tag +x --tag -x
refused 64 "--tag: '+a;b': a tag cannot contain ';'" account set acme --tag '+a;b'
refused 64 "--tag: '+' names no tag" account set acme --tag +
# One bad field among good ones: none of them is written.
refused 66 "--owner: 'bob' is not a user of this book; did you mean 'bo'?" account set acme --stage renew --seats 5 --owner bob
refused 64 "account: account set: say what to change (--stage, --owner, ...) (see 'tend help account')" account set acme
refused 64 "account: account set takes one ACCOUNT (see 'tend help account')" account set acme soc --stage renew
refused 64 "account: account show takes no options of its own (see 'tend help account')" account show acme --stage renew
no_account account set nosuch --stage renew
# A stage entered after the day of the change cannot be left on it.
refused 65 "--stage: the account has been in expand since 2026-11-23, after 2026-11-01" account set acme --stage renew --now 2026-11-01

case_ "account set: a read-only book refuses and changes nothing"
refused 77 "cannot account set: the book is open read-only" --read-only account set acme --stage renew

case_ "stage history: two changes on two days, both periods with their days"
run --db "$DB" --now 2026-07-02 account set "Tiny Pooled" --stage expand
printf 'Tiny Pooled Co (CRM-005): stage adopt -> expand\n' | expect_out
run --db "$DB" --now 2026-08-01 account set CRM-005 --stage renew
printf 'Tiny Pooled Co (CRM-005): stage expand -> renew\n' | expect_out
run --db "$DB" $NOW account show CRM-005
expect_out_has "  stage            renew since 2026-08-01 (114 days), expand 2026-07-02 .. 2026-08-01 (30 days), adopt until 2026-07-02"
run --db "$DB" export stage_history
expect_out <<'OUT'
id,account,stage,from_date,to_date,author,source
1,CRM-003,onboard,,2026-07-02,,
2,CRM-003,adopt,2026-07-02,2026-08-01,,playbook:to-adopt
3,CRM-003,renew,2026-08-01,,,playbook:to-renew
4,CRM-001,adopt,,2026-11-23,,
5,CRM-001,expand,2026-11-23,,tester,manual
6,CRM-005,adopt,,2026-07-02,,
7,CRM-005,expand,2026-07-02,2026-08-01,tester,manual
8,CRM-005,renew,2026-08-01,,tester,manual
OUT
run --db "$DB" $NOW account show CRM-005 --format json
tr -d ' \n' <"$WORK/out" >"$WORK/json"
check "account show --format json lacks the stages:
$(cat "$WORK/out")" grep -qF '"stages":[{"stage":"renew","from_date":"2026-08-01","to_date":null,"days":114},{"stage":"expand","from_date":"2026-07-02","to_date":"2026-08-01","days":30},{"stage":"adopt","from_date":null,"to_date":"2026-07-02","days":null}]' "$WORK/json"
run --db "$DB" export audit --format csv
expect_out_has 'tester,account set,account_stage_history,7,update,"{""id"":7,""account_id"":5,""stage"":""expand"",""from_date"":""2026-07-02"",""to_date"":null,""author_id"":1,""source"":""manual""}","{""id"":7,""account_id"":5,""stage"":""expand"",""from_date"":""2026-07-02"",""to_date"":""2026-08-01"",""author_id"":1,""source"":""manual""}"'

case_ "stage history: days_in_stage follows account set"
run --db "$DB" $NOW facts CRM-005 --format csv
expect_out_has "days_in_stage,114,"
run --db "$DB" --now 2026-08-11 facts CRM-005 --format csv
expect_out_has "days_in_stage,10,"

finish
