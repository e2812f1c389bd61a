#!/bin/sh
# import_maps.sh -- exports as CRMs, help desks, survey tools and telemetry
# write them go in through the shipped mappings (man tend-import(5)); a
# second import of the same files changes nothing; a changed file updates
# only what changed, audited field by field; a dry run shows what would
# happen; --skip-bad keeps the good rows.
. "$TEST_SRCDIR/tests/cli/lib.sh"
S="$TEST_SRCDIR/maps/samples"

printf 'login,name,email,role\namara,Amara Okafor,amara@co.test,csm\nben,Ben Hale,ben@co.test,csm\npat,Pat Reyes,pat@co.test,csm\n' >"$WORK/users.csv"
"$TEND" --db "$DB" import user "$WORK/users.csv" >/dev/null || fail "cannot import users"

case_ "--maps lists the shipped mappings"
run import --maps
expect_rc 0
cat <<'OUT' | expect_out
salesforce-accounts       account      Salesforce accounts report (Details Only CSV) or Data Loader extract
salesforce-opportunities  opportunity  Salesforce opportunities report (Details Only CSV)
hubspot-companies         account      HubSpot companies export (English or German column labels)
zendesk-tickets           ticket       Zendesk ticket export (CSV)
qualtrics-nps             survey       Qualtrics NPS survey export (CSV, three header rows)
usage                     usage        usage export (account id, date, active users, seats, features)
OUT

case_ "a dry run of a Salesforce report counts and shows the rows, and writes nothing"
run --db "$DB" import --map salesforce-accounts account "$S/salesforce-accounts.csv" --dry-run
expect_rc 0
cat <<OUT | expect_out
$S/salesforce-accounts.csv: dry run, nothing was written: 4 to insert, 0 to update, 0 unchanged, 0 rejected (account)
to insert (first 4):
  line 2: 0015g00000AcMeA
  line 3: 0015g00000BeTaB
  line 4: 0015g00000GaMmC
  line 5: 0015g00000DeLtD
OUT
run --db "$DB" export account
printf 'id,external_id,name,owner,am,rm,segment,touch_model,service_package,stage,stage_since,industry,region,partner,partner_role,licensed_seats,initial_contract_date,currency,notes,tags\n' | expect_out

case_ "the Salesforce accounts report: quoted fields, display-name owners, US dates, 1,200 seats, footer"
run --db "$DB" import --map salesforce-accounts account "$S/salesforce-accounts.csv"
expect_rc 0
printf '%s: 4 inserted, 0 updated, 0 unchanged (account)\n' "$S/salesforce-accounts.csv" | expect_out
run --db "$DB" export account
cat <<'OUT' | expect_out
id,external_id,name,owner,am,rm,segment,touch_model,service_package,stage,stage_since,industry,region,partner,partner_role,licensed_seats,initial_contract_date,currency,notes,tags
1,0015g00000AcMeA,Acme Corporation,amara,,,enterprise,high,premium,adopt,,Manufacturing,Germany,,,1200,2022-03-01,USD,,
2,0015g00000BeTaB,Beta Logistics,ben,,,mid_market,low,premium,onboard,,Logistics,United States,,,350,2023-11-15,USD,,
3,0015g00000GaMmC,Gamma Health,,,,smb,tech,premium,land,,Healthcare,France,,,40,2024-01-09,USD,,
4,0015g00000DeLtD,Delta Foods,amara,,,mid_market,low,premium,renew,,Food & Beverage,Canada,,,,2021-06-30,USD,,
OUT

case_ "the same file again changes nothing, and says so"
before=$("$TEND" --db "$DB" export audit | wc -l)
run --db "$DB" import --map salesforce-accounts account "$S/salesforce-accounts.csv"
expect_rc 0
printf '%s: nothing changed: 4 account rows, all already in the book\n' "$S/salesforce-accounts.csv" | expect_out
after=$("$TEND" --db "$DB" export audit | wc -l)
check "an import that changed nothing was audited" test "$before" = "$after"

case_ "the Data Loader's 18-character ids and a BOM match the report's 15-character ones"
printf '\357\273\277"Id","Name","Segment","Licensed Seats"\n"0015g00000AcMeAQAB","Acme Corporation","Enterprise","1,250"\n' >"$WORK/dl.csv"
run --db "$DB" import --map salesforce-accounts account "$WORK/dl.csv"
expect_rc 0
printf '%s: 0 inserted, 1 updated, 0 unchanged (account)\n' "$WORK/dl.csv" | expect_out

case_ "a changed file updates only the changed fields, each audited with old and new values"
sed -e 's/"Mid-Market","Logistics"/"Enterprise","Logistics"/' -e 's/"Gamma Health","",/"Gamma Health","Ben Hale",/' \
	"$S/salesforce-accounts.csv" >"$WORK/changed.csv"
run --db "$DB" import --map salesforce-accounts account "$WORK/changed.csv" --dry-run
expect_rc 0
cat <<OUT | expect_out
$WORK/changed.csv: dry run, nothing was written: 0 to insert, 3 to update, 1 unchanged, 0 rejected (account)
to update (first 3):
  line 2: 0015g00000AcMeA: licensed_seats 1250 -> 1200
  line 3: 0015g00000BeTaB: segment mid_market -> enterprise
  line 4: 0015g00000GaMmC: owner (empty) -> 2
unchanged (first 1):
  line 5: 0015g00000DeLtD
OUT
run --db "$DB" import --map salesforce-accounts account "$WORK/changed.csv"
expect_rc 0
printf '%s: 0 inserted, 3 updated, 1 unchanged (account)\n' "$WORK/changed.csv" | expect_out
run --db "$DB" export audit
expect_out_has ',tester,import account,accounts,2,update,"{""segment"": ""mid_market""}","{""segment"": ""enterprise""}"'
expect_out_has ',tester,import account,accounts,3,update,"{""owner_id"": null}","{""owner_id"": 2}"'
expect_out_lacks 'import account,,,bulk'

case_ "an update by import is taken back by undo"
run --db "$DB" undo
expect_rc 0
run --db "$DB" accounts --format csv
expect_out_has "2,0015g00000BeTaB,Beta Logistics,ben,mid_market,onboard"

case_ "Salesforce opportunities: \$36,000.00, value maps for type and stage"
run --db "$DB" import --map salesforce-opportunities opportunity "$S/salesforce-opportunities.csv"
expect_rc 0
run --db "$DB" export opportunity
cat <<'OUT' | expect_out
id,account,title,kind,arr,stage,forecast_category,am,sourced_by,handshake_status,created_on,closed_on,expected_close,close_reason,external_id
1,0015g00000AcMeA,Acme - 300 more seats,upsell,36000.00,propose,pipeline,Pat Reyes,,none,2026-10-01,,2027-01-31,,0065g00000XyZ1A
2,0015g00000BeTaB,Beta - Analytics add-on,cross_sell,12500.50,commit,pipeline,Pat Reyes,,none,2026-09-20,,2026-12-15,,0065g00000XyZ2B
3,0015g00000GaMmC,Gamma - EU team,whitespace,4800.00,won,pipeline,Lee Chen,,none,2026-08-01,,2026-11-02,,0065g00000XyZ3C
OUT
run --db "$DB" import --map salesforce-opportunities opportunity "$S/salesforce-opportunities.csv"
expect_out_has "nothing changed: 3 opportunity rows"

case_ "HubSpot companies: a BOM, ISO times, labels mapped, an unmapped column ignored"
run --db "$DB" import --map hubspot-companies account "$S/hubspot-companies.csv"
expect_rc 0
run --db "$DB" export account
expect_out_has '5,9876543210,Epsilon Media,ben,,,mid_market,low,premium,adopt,,Media,Spain,,,,2024-03-01,USD,,'
expect_out_has '6,9876543211,Zeta Robotics,amara,,,enterprise,high,premium,expand,,Robotics,Japan,,,,2023-07-15,USD,,'
expect_out_has '7,9876543212,Eta Studios,,,,smb,tech,premium,land,,Media,Italy,,,,2025-01-20,USD,,'

case_ "a HubSpot export in German, UTF-16 with tabs, is read by its BOM and sniffed delimiter"
printf 'Datensatz-ID\tName des Unternehmens\tKundensegment\tErstellungsdatum\n9876543213\tMüller GmbH\tMittelstand\t15.03.2024\n' |
	iconv -f UTF-8 -t UTF-16 >"$WORK/de.csv"
run --db "$DB" import --map hubspot-companies account "$WORK/de.csv"
expect_rc 0
run --db "$DB" export account
expect_out_has '8,9876543213,Müller GmbH,,,,mid_market,low,premium,land,,,,,,,2024-03-15,USD,,'
printf 'Datensatz-ID\tName des Unternehmens\tKundensegment\n9876543213\tMüller AG\tMittelstand\n' |
	iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } >"$WORK/de-be.csv"
run --db "$DB" import --map hubspot-companies account "$WORK/de-be.csv"
expect_rc 0
printf '%s: 0 inserted, 1 updated, 0 unchanged (account)\n' "$WORK/de-be.csv" | expect_out

case_ "Zendesk tickets: organisations by name, Urgent/High/Normal/Low, times with offsets, Good/Bad"
run --db "$DB" import --map zendesk-tickets ticket "$S/zendesk-tickets.csv"
expect_rc 0
run --db "$DB" export ticket
cat <<'OUT' | expect_out
id,account,external_id,subject,opened_date,closed_date,priority,status,csat
1,0015g00000AcMeA,1042,SSO login fails for EU users,2026-11-01,2026-11-02,p1,solved,5
2,0015g00000BeTaB,1043,"Export to CSV is slow, sometimes times out",2026-11-10,,p2,open,
3,0015g00000GaMmC,1044,Question about invoices,2026-11-12,,p3,pending,
4,0015g00000AcMeA,1045,Feature request: dark mode,2026-10-20,2026-10-21,p4,closed,1
OUT

case_ "Qualtrics NPS: three header rows, the account by external reference, the respondent by email"
printf 'account,name,email\n0015g00000AcMeA,Dana Doe,dana@acme.test\n0015g00000BeTaB,Eve Roe,eve@beta.test\n0015g00000GaMmC,Finn Poe,finn@gamma.test\n' >"$WORK/contacts.csv"
"$TEND" --db "$DB" import contact "$WORK/contacts.csv" >/dev/null
run --db "$DB" import --map qualtrics-nps survey "$S/qualtrics-nps.csv"
expect_rc 0
run --db "$DB" export survey
cat <<'OUT' | expect_out
id,account,contact,ticket,date,kind,score,comment,external_id
1,0015g00000AcMeA,dana@acme.test,,2026-11-03,nps,9,"Support is fast, the product just works.",R_1a2B3c4D5e6F7g8
2,0015g00000BeTaB,eve@beta.test,,2026-11-04,nps,4,Exports keep timing out.,R_9h8G7f6E5d4C3b2
3,0015g00000GaMmC,finn@gamma.test,,2026-11-05,nps,7,,R_5x4Y3z2W1v0U9t8
OUT

case_ "a usage export: ISO timestamps, matched by account, date and period"
run --db "$DB" import --map usage usage "$S/usage.csv"
expect_rc 0
printf '%s: 5 inserted, 0 updated, 0 unchanged (usage)\n' "$S/usage.csv" | expect_out
sed 's/^0015g00000GaMmC,2026-11-09T00:00:00Z,week,22,/0015g00000GaMmC,2026-11-09T00:00:00Z,week,25,/' "$S/usage.csv" >"$WORK/usage2.csv"
run --db "$DB" import --map usage usage "$WORK/usage2.csv"
printf '%s: 0 inserted, 1 updated, 4 unchanged (usage)\n' "$WORK/usage2.csv" | expect_out
run --db "$DB" export usage
expect_out_has '5,0015g00000GaMmC,2026-11-09,week,25,40,38,30,5,10,0,4,,'

case_ "semicolons and decimal commas, by a map of one's own; --delimiter overrides the sniff"
cat >"$WORK/eu.yaml" <<'YAML'
entity: opportunity
match: external_id
decimal: ","
fields:
  external_id: Nr
  account: {column: Kunde, by: name}
  kind: {default: upsell}
  arr: Betrag
  expected_close: {column: Abschluss, date: "%d.%m.%Y"}
YAML
printf 'Nr;Kunde;Betrag;Abschluss\nDE-1;Acme Corporation;12.000,50 €;01.03.2027\n' >"$WORK/eu.csv"
run --db "$DB" import --map "$WORK/eu.yaml" opportunity "$WORK/eu.csv"
expect_rc 0
run --db "$DB" export opportunity
expect_out_has '4,0015g00000AcMeA,,upsell,12000.50,qualify,pipeline,,,none,2026-11-23,,2027-03-01,,DE-1'
run --db "$DB" import --map "$WORK/eu.yaml" opportunity "$WORK/eu.csv" --delimiter ,
expect_rc 65
expect_err_has "eu.csv:1: no column 'Kunde' for account, which opportunity requires (map $WORK/eu.yaml, line 6)"

case_ "CRLF line ends, tabs by --delimiter, case folding, defaults and skipped fields"
cat >"$WORK/fold.yaml" <<'YAML'
entity: account
fields:
  external_id: Code
  name: Name
  segment: {column: Size, default: smb}
  region: {column: Region, case: upper}
  industry: skip
  notes: {column: Notes, skip: true}
YAML
printf 'Code\tName\tSize\tRegion\tIndustry\tNotes\r\nF-1\tFold One\t\temea\tToys\tnot wanted\r\nF-2\tFold Two\tEnterprise\tapac\tToys\t\r\n' >"$WORK/fold.tsv"
run --db "$DB" import --map "$WORK/fold.yaml" account "$WORK/fold.tsv" --delimiter tab
expect_rc 0
run --db "$DB" export account
expect_out_has ',F-1,Fold One,,,,smb,tech,premium,land,,,EMEA,,,,,USD,,'
expect_out_has ',F-2,Fold Two,,,,enterprise,high,premium,land,,,APAC,,,,,USD,,'
run --db "$DB" import --map "$WORK/fold.yaml" account "$WORK/fold.tsv"
expect_rc 0
expect_out_has "nothing changed: 2 account rows"

case_ "Latin-1 and Windows-1252 with --encoding; a wrong guess names the line and byte"
printf 'external_id,name,segment\nL-1,Caf\351 Fran\347ais,smb\nL-2,Na\357ve \200 Co,smb\n' >"$WORK/latin.csv"
run --db "$DB" import account "$WORK/latin.csv"
expect_rc 65
cat <<ERR | expect_err
$WORK/latin.csv:2:8: byte 0xE9 is not valid UTF-8 (if the file is Latin-1 or Windows-1252, say --encoding windows-1252)
tend: nothing was imported: 1 problem in $WORK/latin.csv
ERR
run --db "$DB" import account "$WORK/latin.csv" --encoding windows-1252
expect_rc 0
run --db "$DB" accounts --format csv
expect_out_has ',L-1,Café Français,'
expect_out_has ',L-2,Naïve € Co,'
printf 'external_id,name,segment\nL-3,Bad \201 byte,smb\n' >"$WORK/cp.csv"
run --db "$DB" import account "$WORK/cp.csv" --encoding windows-1252
expect_rc 65
expect_err_has "cp.csv:2: byte 33: 0x81 is not a Windows-1252 character; try --encoding latin-1"
printf 'external_id,name,segment\nL-4,Déjà UTF-8,smb\n' >"$WORK/utf.csv"
run --db "$DB" import account "$WORK/utf.csv" --encoding latin-1
expect_rc 65
expect_err_has "utf.csv:2: byte 30: 0xC3 0xA9 is UTF-8, not Latin-1; leave out --encoding"
run --db "$DB" import account "$WORK/utf.csv" --encoding ebcdic
expect_rc 64
expect_err_has "--encoding: 'ebcdic' is not one of utf-8, utf-16, utf-16le, utf-16be, latin-1, windows-1252"

case_ "--skip-bad imports the good rows and writes the bad ones with their reasons beside the file"
printf '"Account ID","Account Name","Segment","Licensed Seats"\n"SB-1","Good One","SMB","10"\n"SB-2","","SMB","10"\n"SB-3","Bad Seats","SMB","-5"\n"SB-4","Good Two","Tier 9","7"\n' >"$WORK/mixed.csv"
run --db "$DB" import --map salesforce-accounts account "$WORK/mixed.csv" --skip-bad
expect_rc 0
cat <<OUT | expect_out
$WORK/mixed.csv: 1 inserted, 0 updated, 0 unchanged (account)
3 rows rejected, written with the reasons to $WORK/mixed.rejects.csv
OUT
cat <<'CSV' | diff -u - "$WORK/mixed.rejects.csv" >"$WORK/diff"
line,reason,Account ID,Account Name,Segment,Licensed Seats
3,3:8: name ('Account Name'): a value is required,SB-2,,SMB,10
4,4:26: licensed_seats ('Licensed Seats'): '-5' is negative (a count of 0 or more),SB-3,Bad Seats,SMB,-5
5,"5:19: segment ('Segment'): 'tier_9' is not allowed (expected one of: enterprise, mid_market, smb)",SB-4,Good Two,Tier 9,7
CSV
check "the rejects file differs: $(cat "$WORK/diff")" test ! -s "$WORK/diff"

case_ "--guess proposes a mapping for a file's header"
run import --guess "$S/zendesk-tickets.csv"
expect_rc 0
cat <<'OUT' | expect_out
# A mapping proposed by 'tend import --guess': check every line, then
# 'tend import --map THIS-FILE ENTITY FILE --dry-run'.  See tend-import(5).
entity: ticket
match: external_id
fields:
  external_id: "Id"
  account: {column: "Organization", by: name}
  subject: "Subject"
  status: "Status"
  priority: "Priority"
  opened_date: "Created at"
  closed_date: "Solved at"
  csat: "Satisfaction Score"
  # not mapped: "Requester"
  # not mapped: "Requester email"
  # not mapped: "Assignee"
  # not mapped: "Group"
  # not mapped: "Updated at"
  # not mapped: "Tags"
OUT
run import --guess "$S/salesforce-accounts.csv"
expect_out_has 'initial_contract_date: {column: "Customer Since", date: "%m/%d/%Y"}'
expect_out_has 'owner: {column: "Account Owner", by: display_name}'
run import --guess "$S/qualtrics-nps.csv"
expect_out_has 'header_rows: 2'
printf 'Record ID;Company name;Segment;Create Date\n1;Acme;SMB;01.03.2024\n2;Beta;SMB;28.02.2024\n' >"$WORK/hs.csv"
run import --guess "$WORK/hs.csv"
expect_out_has 'delimiter: ";"'
expect_out_has 'initial_contract_date: {column: "Create Date", date: "%d.%m.%Y"}'
# The proposal is itself a mapping tend reads.
"$TEND" import --guess "$S/zendesk-tickets.csv" >"$WORK/guess.yaml"
run --db "$WORK/g.db" import --map "$WORK/guess.yaml" ticket "$S/zendesk-tickets.csv" --dry-run
expect_rc 65
expect_err_has "unknown account 'Acme Corporation' (by name)"

case_ "mapping files with mistakes are reported at their line and column"
cat >"$WORK/bad.yaml" <<'YAML'
entity: account
fields:
  name: {column: Name, colour: red}
  segmnt: Segment
  owner: {column: Owner, by: shoe_size}
  stage: {column: Stage, values: {Live: running}}
YAML
run --db "$DB" import --map "$WORK/bad.yaml" account "$WORK/mixed.csv"
expect_rc 78
cat <<ERR | expect_err
$WORK/bad.yaml:3:24: name: unknown key 'colour' (expected column, date, values, case, default, by, salesforce_id or skip)
$WORK/bad.yaml:4:3: account has no field 'segmnt'; did you mean 'segment'?
$WORK/bad.yaml:5:30: by: a user is found by login, email or display_name
$WORK/bad.yaml:6:41: values: 'running' is not a stage (expected one of: land, onboard, adopt, expand, renew, churned)
tend: the mapping $WORK/bad.yaml has 4 problems
ERR
# A format ending in '%' once read past its end (valgrind on the fuzz corpus).
printf 'entity: account\nfields:\n  initial_contract_date: {column: Since, date: "%%d.%%m.%%"}\n' >"$WORK/pct.yaml"
run --db "$DB" import --map "$WORK/pct.yaml" account "$WORK/mixed.csv"
expect_rc 78
expect_err_has "$WORK/pct.yaml:3:48: date: '%d.%m.%' is not a format"
run --db "$DB" import --map nosuch account "$WORK/mixed.csv"
expect_rc 64
expect_err_has "no shipped map 'nosuch' (see 'tend import --maps'"
run --db "$DB" import --map usage account "$WORK/mixed.csv"
expect_rc 64
expect_err_has "the map usage is for usage, not account"

finish
