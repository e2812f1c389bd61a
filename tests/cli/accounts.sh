#!/bin/sh
# accounts.sh -- `tend accounts` filters, sorts and formats, and
# `tend account show`, on the small book in tests/data/book.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

case_ "the portfolio as a table: ARR from the ledger, days to renewal, wide names aligned"
run --db "$DB" $NOW accounts
expect_rc 0
expect_out <<'OUT'
ID  EXTERNAL ID  NAME                       OWNER  SEGMENT     STAGE           ARR  RENEWAL     DAYS  TAGS
 1  CRM-001      Acme Corporation           amara  enterprise  adopt    300,000.50  2027-01-15    53  reference;strategic
 4  CRM-004      Borealis Logistics, Ltd    bo     smb         churned        0.00
 2  CRM-002      Société Générale des Eaux  amara  enterprise  renew    380,000.00  2026-12-10    17  strategic
 5  CRM-005      Tiny Pooled Co                    smb         adopt      3,000.00  2026-11-01   -22
 3  CRM-003      山田製作所株式会社         bo     smb         onboard    9,000.00  2027-09-01   282
OUT

case_ "sorted by ARR, largest first, as CSV"
run --db "$DB" $NOW accounts --sort arr --reverse --format csv
expect_out <<'OUT'
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
2,CRM-002,Société Générale des Eaux,amara,enterprise,renew,380000.00,2026-12-10,17,strategic
1,CRM-001,Acme Corporation,amara,enterprise,adopt,300000.50,2027-01-15,53,reference;strategic
3,CRM-003,山田製作所株式会社,bo,smb,onboard,9000.00,2027-09-01,282,
5,CRM-005,Tiny Pooled Co,,smb,adopt,3000.00,2026-11-01,-22,
4,CRM-004,"Borealis Logistics, Ltd",bo,smb,churned,0.00,,,
OUT

case_ "renewing within 30 days includes the overdue one; JSON money is in cents, tags a list"
run --db "$DB" $NOW accounts --renewing-within 30 --format json
expect_out <<'OUT'
[
  {"id": 2, "external_id": "CRM-002", "name": "Société Générale des Eaux", "owner": "amara", "segment": "enterprise", "stage": "renew", "arr_cents": 38000000, "renewal": "2026-12-10", "renewal_days": 17, "tags": ["strategic"]},
  {"id": 5, "external_id": "CRM-005", "name": "Tiny Pooled Co", "owner": null, "segment": "smb", "stage": "adopt", "arr_cents": 300000, "renewal": "2026-11-01", "renewal_days": -22, "tags": []}
]
OUT

case_ "the clock: a month later the renewal window moves"
run --db "$DB" --now 2026-12-23 accounts --renewing-within 30 --format csv
expect_out <<'OUT'
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
1,CRM-001,Acme Corporation,amara,enterprise,adopt,300000.50,2027-01-15,23,reference;strategic
2,CRM-002,Société Générale des Eaux,amara,enterprise,renew,380000.00,2026-12-10,-13,strategic
5,CRM-005,Tiny Pooled Co,,smb,adopt,3000.00,2026-11-01,-52,
OUT

case_ "ARR as of an earlier day"
run --db "$DB" --now 2025-01-14 accounts --owner amara --format csv
expect_out_has "1,CRM-001,Acme Corporation,amara,enterprise,adopt,240000.00,"

case_ "filters: owner, pooled, segment, stage, tag, limit"
run --db "$DB" $NOW accounts --owner bo --stage onboard --format csv
expect_out <<'OUT'
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
3,CRM-003,山田製作所株式会社,bo,smb,onboard,9000.00,2027-09-01,282,
OUT
run --db "$DB" $NOW accounts --owner pooled --format csv
expect_out_has "5,CRM-005,Tiny Pooled Co"
expect_out_lacks "CRM-001"
run --db "$DB" $NOW accounts --tag strategic --segment enterprise --limit 1 --format csv
expect_out <<'OUT'
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
1,CRM-001,Acme Corporation,amara,enterprise,adopt,300000.50,2027-01-15,53,reference;strategic
OUT
run --db "$DB" $NOW accounts --sort colour
expect_rc 64

case_ "account show: by name prefix, external id or id"
run --db "$DB" $NOW account show soc
expect_rc 0
expect_out_has "Société Générale des Eaux  (#2, CRM-002)"
expect_out_has "  ARR              380,000 USD (initial 410,000)"
expect_out_has "  next renewal     2026-12-10 (in 17 days)"
expect_out_has "  touch model      high"
expect_out_has "  Zoë Brontë [exec] -- DSI; roles champion;executive_sponsor; last touch never"
expect_out_has "  2025-03-01  contraction  -30,000  downsell"
run --db "$DB" $NOW account show CRM-001
expect_out_has "  Chris Obi [LEFT] -- Head of Ops; roles champion; last touch never"
expect_out_has "  champion         NONE: no active champion"
expect_out_has "Key logo in EMEA"
run --db "$DB" $NOW account show 1 --format json
expect_out_has '"arr_cents": 30000050,'
expect_out_has '"champion_present": false'
tr -d ' \n' <"$WORK/out" >"$WORK/json"
check "account show: tags are not a JSON list: $(cat "$WORK/json")" \
	grep -qF '"tags":["reference","strategic"],' "$WORK/json"
check "account show: roles are not a JSON list: $(cat "$WORK/json")" \
	grep -qF '"roles":["economic_buyer","executive_sponsor"],' "$WORK/json"
run --db "$DB" $NOW account show 5 --format json
tr -d ' \n' <"$WORK/out" >"$WORK/json"
check "account show: no tags is not an empty list: $(cat "$WORK/json")" grep -qF '"tags":[],' "$WORK/json"
run --db "$DB" $NOW account show 3 --format csv
expect_out <<'OUT'
id,external_id,name,owner,segment,stage,arr,renewal,renewal_days,tags
3,CRM-003,山田製作所株式会社,bo,smb,onboard,9000.00,2027-09-01,282,
OUT

case_ "account show: ambiguous (64) and unknown (66)"
printf 'external_id,name,segment\nCRM-006,Acme Labs,smb\n' >"$WORK/more.csv"
run --db "$DB" $NOW import account "$WORK/more.csv"
run --db "$DB" $NOW account show acme
expect_rc 64
printf "tend: 'acme' starts the names of 2 accounts: #1 CRM-001 Acme Corporation (amara), #6 CRM-006 Acme Labs (pooled); be more precise, or give an id or external id\n" | expect_err
run --db "$DB" $NOW account show "Nobody Inc"
expect_rc 66
printf "tend: no account matches 'Nobody Inc' (try an id, an external id or a name)\n" | expect_err
run --db "$DB" account frobnicate x
expect_rc 64

finish
