#!/bin/sh
# edit_accounts.sh -- changing accounts: the stage history every stage
# change keeps, with its dates.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

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

finish
