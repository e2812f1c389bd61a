#!/bin/sh
# edit_accounts.sh -- changing accounts and contacts: `tend account set`
# with every option, the stage history it keeps, `tend contact
# add|edit|left|list`; each change one audited action that names the
# account, every refusal naming its option and changing nothing.
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
refused 64 "--package: 'gold' is not allowed (one of: free, premium)" account set acme --package gold
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
refused 64 "account set: this changes 2 accounts; add --yes to change them" account set acme soc --stage renew
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

# -- contacts ----------------------------------------------------------------

case_ "contact add: every option, the confirmation names the account"
run --db "$DB" $NOW contact add acme "Pat Lee" --email Pat.Lee@Acme.test --title CTO \
	--role champion --role decision_maker --executive --phone "+1 555 0100"
expect_rc 0
printf 'Acme Corporation (CRM-001): added contact #4 Pat Lee <Pat.Lee@Acme.test>\n' | expect_out
run --db "$DB" $NOW contact add soc "Jean Dupont" --email jean@sge.test
printf 'Société Générale des Eaux (CRM-002): added contact #5 Jean Dupont <jean@sge.test>\n' | expect_out
run --db "$DB" $NOW contact list acme --format csv
expect_out <<'OUT'
id,name,title,email,phone,is_executive,roles,status,left_on
1,Dana Whitfield,CFO,dana@acme.test,,true,economic_buyer;executive_sponsor,active,
4,Pat Lee,CTO,Pat.Lee@Acme.test,+1 555 0100,true,champion;decision_maker,active,
2,Chris Obi,Head of Ops,chris@acme.test,,false,champion,left,
OUT
run --db "$DB" $NOW contact list acme
expect_out <<'OUT'
ID  NAME            TITLE        EMAIL              PHONE        EXEC  ROLES                             STATUS  LEFT
 1  Dana Whitfield  CFO          dana@acme.test                  yes   economic_buyer;executive_sponsor  active
 4  Pat Lee         CTO          Pat.Lee@Acme.test  +1 555 0100  yes   champion;decision_maker           active
 2  Chris Obi       Head of Ops  chris@acme.test                 no    champion                          left
OUT
run --db "$DB" $NOW contact list acme --format json
expect_out_has '{"id": 4, "name": "Pat Lee", "title": "CTO", "email": "Pat.Lee@Acme.test", "phone": "+1 555 0100", "is_executive": true, "roles": ["champion", "decision_maker"], "status": "active", "left_on": null}'
run --db "$DB" export audit --format csv
expect_out_has 'tester,contact add,contacts,4,insert,,"{""id"":4,""account_id"":1,""name"":""Pat Lee"",""title"":""CTO"",""email"":""Pat.Lee@Acme.test"",""phone"":""+1 555 0100"",""is_executive"":1,""status"":""active"",""left_on"":null'
expect_out_has '""roles"":[""champion"",""decision_maker""]}"'

case_ "contact add: refusals name the option and change nothing"
refused 65 "--email: contact #4 Pat Lee at this account has 'Pat.Lee@Acme.test' already" contact add acme "Pat Again" --email pat.lee@acme.TEST
refused 64 "--email: 'pat.acme.test' is not an email address" contact add acme "Pat Again" --email pat.acme.test
refused 64 "--email: 'a b@acme.test' is not an email address" contact add acme "Pat Again" --email "a b@acme.test"
refused 64 "--role: 'champoin' is not allowed; did you mean 'champion'?" contact add acme "Pat Again" --email p2@acme.test --role champoin
refused 64 "--role: '-champion': a new contact has no roles to remove" contact add acme "Pat Again" --email p2@acme.test --role -champion
refused 64 "contact: contact add: the NAME is empty (see 'tend help contact')" contact add acme " " --email p2@acme.test
refused 64 "contact: contact add needs --email (see 'tend help contact')" contact add acme "Pat Again"
refused 64 "contact: contact add takes an ACCOUNT and a NAME (see 'tend help contact')" contact add acme --email p2@acme.test
refused 64 "contact: contact add does not take --date (see 'tend help contact')" contact add acme "Pat Again" --email p2@acme.test --date today
no_account contact add nosuch "Pat Again" --email p2@acme.test
refused 77 "cannot contact add: the book is open read-only" --read-only contact add acme "Pat Again" --email p2@acme.test

case_ "contact edit: every option, by email in any case or by id"
run --db "$DB" $NOW contact edit PAT.LEE@acme.test --title "Chief Technology Officer" --phone '' \
	--role -decision_maker --role +power_user --role +champion --no-executive
printf '%s\n' "Acme Corporation (CRM-001), contact #4 Pat Lee: title CTO -> Chief Technology Officer, phone +1 555 0100 -> -, executive yes -> no, roles -decision_maker +power_user (already has role 'champion')" | expect_out
run --db "$DB" $NOW contact edit 4 --name "Patricia Lee" --email patricia@acme.test --executive --phone "+1 555 0199"
printf '%s\n' "Acme Corporation (CRM-001), contact #4 Pat Lee: name Pat Lee -> Patricia Lee, email Pat.Lee@Acme.test -> patricia@acme.test, phone - -> +1 555 0199, executive no -> yes" | expect_out
run --db "$DB" $NOW contact edit patricia@acme.test --account acme --title "Chief Technology Officer" --role -end_user
printf '%s\n' "Acme Corporation (CRM-001), contact #4 Patricia Lee: nothing to change (has no role 'end_user')" | expect_out
run --db "$DB" $NOW contact list acme --format csv
expect_out_has "4,Patricia Lee,Chief Technology Officer,patricia@acme.test,+1 555 0199,true,champion;power_user,active,"
run --db "$DB" export audit --format csv
expect_out_has 'tester,contact edit,contacts,4,update,'
expect_out_has '""roles"":[""champion"",""decision_maker""]}","{""id"":4'
expect_out_has '""roles"":[""champion"",""power_user""]}"'

case_ "contact edit: an email at two accounts needs an id or --account"
run --db "$DB" $NOW contact add soc "Dana W. (consultant)" --email DANA@acme.test
printf 'Société Générale des Eaux (CRM-002): added contact #6 Dana W. (consultant) <DANA@acme.test>\n' | expect_out
refused 64 "'dana@acme.test' is the email of several contacts: #1 dana@acme.test at Acme Corporation (CRM-001), #6 DANA@acme.test at Société Générale des Eaux (CRM-002); give an id or --account" contact edit dana@acme.test --title x
run --db "$DB" $NOW contact edit dana@acme.test --account soc --title Consultant
printf '%s\n' "Société Générale des Eaux (CRM-002), contact #6 Dana W. (consultant): title - -> Consultant" | expect_out

case_ "contact edit: refusals name the option and change nothing"
refused 65 "--email: contact #1 Dana Whitfield at this account has 'dana@acme.test' already" contact edit 4 --email Dana@Acme.test
refused 64 "--email: 'nope' is not an email address" contact edit 4 --email nope
refused 64 "--role: 'champion': say +champion to add it or -champion to remove it" contact edit 4 --role champion
refused 64 "--role: 'sponsor' is not allowed (one of: executive_sponsor, economic_buyer, champion, decision_maker, project_manager, admin, power_user, end_user)" contact edit 4 --role +sponsor
refused 64 "--role: 'admin' is both added and removed" contact edit 4 --role +admin --role -admin
refused 64 "--name: a contact needs a name" contact edit 4 --name ''
refused 64 "contact: --executive and --no-executive contradict (see 'tend help contact')" contact edit 4 --executive --no-executive
refused 64 "contact: contact edit: say what to change (--title, --role, ...) (see 'tend help contact')" contact edit 4
refused 64 "contact: contact edit does not take --date (see 'tend help contact')" contact edit 4 --date today
refused 66 "no contact with email 'nobody@acme.test'" contact edit nobody@acme.test --title x
refused 66 "no contact with id 99" contact edit 99 --title x
refused 66 "no contact with email 'zoe@sge.test' at that account" contact edit zoe@sge.test --account acme --title x
refused 77 "cannot contact edit: the book is open read-only" --read-only contact edit 4 --title x

case_ "contact left: the champion and sponsor facts see it"
run --db "$DB" $NOW facts acme --format csv
expect_out_has "champion_present,yes,"
expect_out_has "sponsor_present,yes,"
run --db "$DB" $NOW contact left dana@acme.test --account acme --date -3d
printf 'Acme Corporation (CRM-001), contact #1 Dana Whitfield: left on 2026-11-20\n' | expect_out
run --db "$DB" $NOW facts acme --format csv
expect_out_has "sponsor_present,no,"
expect_out_has "days_since_champion_left,3,"
run --db "$DB" $NOW contact left patricia@acme.test
printf 'Acme Corporation (CRM-001), contact #4 Patricia Lee: left on 2026-11-23\n' | expect_out
run --db "$DB" $NOW facts acme --format csv
expect_out_has "champion_present,no,"
expect_out_has "days_since_champion_left,0,"
run --db "$DB" $NOW account show acme
expect_out_has "  champion         NONE: no active champion"
expect_out_has "  Patricia Lee [exec] [LEFT] -- Chief Technology Officer; roles champion;power_user;"

case_ "contact left: again keeps the date, --date corrects it"
snapshot "$WORK/before"
run --db "$DB" --now 2026-11-30 contact left 4
printf 'Acme Corporation (CRM-001), contact #4 Patricia Lee: nothing to change (left on 2026-11-23 already)\n' | expect_out
snapshot "$WORK/after"
expect_same "leaving again wrote" "$WORK/before" "$WORK/after"
run --db "$DB" $NOW contact left 4 --date 2026-11-21
printf 'Acme Corporation (CRM-001), contact #4 Patricia Lee: left on 2026-11-23 -> 2026-11-21\n' | expect_out
# A contact imported as left with no date gets one.
run --db "$DB" $NOW contact left chris@acme.test --date 2026-09-30
printf 'Acme Corporation (CRM-001), contact #2 Chris Obi: left on 2026-09-30\n' | expect_out
run --db "$DB" $NOW contact list acme --format csv
expect_out <<'OUT'
id,name,title,email,phone,is_executive,roles,status,left_on
1,Dana Whitfield,CFO,dana@acme.test,,true,economic_buyer;executive_sponsor,left,2026-11-20
4,Patricia Lee,Chief Technology Officer,patricia@acme.test,+1 555 0199,true,champion;power_user,left,2026-11-21
2,Chris Obi,Head of Ops,chris@acme.test,,false,champion,left,2026-09-30
OUT
run --db "$DB" export audit --format csv
expect_out_has 'tester,contact left,contacts,4,update,'
expect_out_has '""status"":""left"",""left_on"":""2026-11-21""'

case_ "contact left: refusals name the option and change nothing"
refused 64 "--date: 2026-11-24 is after today (2026-11-23): mark a contact as left once they have" contact left zoe@sge.test --date tomorrow
refused 64 "--date: 'someday' is not a date between 1900 and 2999 (YYYY-MM-DD, today, tomorrow, +3d, -2w, +1m)" contact left zoe@sge.test --date someday
refused 64 "contact: contact left does not take --title (see 'tend help contact')" contact left zoe@sge.test --title x
refused 64 "contact: contact left takes one EMAIL or ID (see 'tend help contact')" contact left
refused 66 "no contact with email 'zoe@acme.test'" contact left zoe@acme.test
refused 77 "cannot contact left: the book is open read-only" --read-only contact left zoe@sge.test

case_ "contact list and the command itself: refusals"
refused 64 "contact: contact list takes one ACCOUNT (see 'tend help contact')" contact list
refused 64 "contact: contact list does not take --email (see 'tend help contact')" contact list acme --email x@y.z
no_account contact list nosuch
refused 64 "contact: 'remove' is not add, edit, left or list (see 'tend help contact')" contact remove 4
refused 64 "contact: expected add, edit, left or list (see 'tend help contact')" contact

case_ "tend undo takes account and contact changes back exactly"
# rows: the records these commands change (the audit log keeps growing).
rows() {
	for e in account contact stage_history; do
		"$TEND" --db "$DB" export "$e" || echo "export $e failed"
	done >"$1" 2>&1
}
rows "$WORK/before"
run --db "$DB" $NOW account set soc --stage adopt --owner bo --tag +vip --tag -strategic --seats 1300
expect_rc 0
run --db "$DB" $NOW contact add soc "Luc Martin" --email luc@sge.test --role champion
expect_rc 0
run --db "$DB" $NOW contact edit zoe@sge.test --role -champion --title "CIO"
expect_rc 0
for i in 1 2 3; do
	run --db "$DB" $NOW undo
	expect_rc 0
done
rows "$WORK/after"
expect_same "undo did not restore the accounts, contacts and stage history" "$WORK/before" "$WORK/after"

finish
