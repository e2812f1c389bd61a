#!/bin/sh
# plan.sh -- the success-plan pane: :plan opens it, n starts a plan from
# the template, O, M and K add an objective, a milestone and a KPI, w
# records a reading, Enter on a section writes it in $EDITOR (a script
# standing in for the editor, on a 0600 file), S shares and signs it; the
# book and the exported Markdown are then checked exactly.  Each form
# refuses bad input with the use case's message and writes nothing; a
# read-only book refuses every change.
. "$TEST_SRCDIR/tests/ui/lib.sh"
make_book
export TEND_USER=tester
# The book's rows, but the team dashboard's summary: a lead's first pane
# is the dashboard, and opening it keeps its derived rows (store/dash.c).
dump() { sqlite3 "$DB" .dump | grep -v '^INSERT INTO dash_' | sha256sum; }

ED="$WORK/editor.sh"
cat >"$ED" <<SH
#!/bin/sh
stat -c %a "\$1" >"$WORK/mode"
printf 'Acme wants onboarding in 10 days, not 30.\nSponsor: Dana Whitfield (CFO).\n' >"\$1"
SH
chmod +x "$ED"

case_ "build a plan in the pane: template, objective, milestone, KPI, reading, section, sign"
screen -e EDITOR="$ED" <<EOF
wait tester (lead)
key :plan acme<Enter>
wait has no success plan yet
dump $WORK/empty
key n
wait Start a success plan
key <Enter>
wait plan #1 started
dump $WORK/new
key O
wait Add an objective
key Cut onboarding time<Tab><Tab><Right><Tab>dana@acme.test<Enter>
wait objective #1 added
key jjjjj
settle
key <Enter>
wait Executive summary saved
key G
settle
key M
wait Add a milestone
key Admins trained<Tab><Tab><BS><BS><BS>2026-12-01<Enter>
wait milestone #1 added
key K
wait Add a KPI
key Days to onboard<Tab>30<Tab>10<Tab>days<Tab>2026-12-31<Enter>
wait KPI #1 added
key G
settle
key w
wait Record a reading
key 14.5<Enter>
wait KPI #1 reading recorded
key S
wait Plan status: draft
key <Enter>
wait plan #1 shared
key S
wait Plan status: shared
key <Enter>
wait Record the customer's signature
key <Enter>
wait plan #1 signed
dump $WORK/signed
key Q
expect-exit 0
EOF
screen_has "Acme Corporation (CRM-001) has no success plan yet: n starts one from a tem" "$WORK/empty"
screen_has "  6 Key risks                 Adoption barriers and how we will mitigate them. " "$WORK/new"
check "the editor's file was not mode 0600" test "$(cat "$WORK/mode")" = 600
expect_screen "$WORK/signed" <<'OUT'
 tend  book.db  tester (lead)  2026-11-23
  1 Heatmap   2   3 Inbox   5 Plan   6   7   Acme Corporation (CRM-001), signed
  Plan #1  signed  since 2026-11-23, template default
  Signed by Dana Whitfield on 2026-11-23  last validated 2026-11-23 (0 days ago)
  1 objective, milestones 0/1 done

  Sections (Enter writes one in your editor)
  1 Executive summary         Acme wants onboarding in 10 days, not 30. ...
  2 Adoption objectives       The business outcomes the customer wants, most im…
  3 Adoption activities       What both teams will do to get there: onboarding,…
  4 Finances and timescales   Budget, contract dates, renewal, and the timescal…
  5 Measurement and reporting How progress is measured and reported: the KPIs, …
  6 Key risks                 Adoption barriers and how we will mitigate them. …
  7 Appendices                People (sponsor, champion, project manager), thir…

  Objectives
  1   Cut onboarding time                 high, quantitative   [####------]  38%
      for Dana Whitfield, validated never
      [ ] Admins trained            tester           2026-12-01  not_started
▶     KPI Days to onboard           30 -> 10 days by 2026-12-31, now 14.5 (77%)



 plan #1 signed
OUT
run --db "$DB" plan show acme --section summary
expect_out <<'OUT'
Acme wants onboarding in 10 days, not 30.
Sponsor: Dana Whitfield (CFO).
OUT
check "the reading is not in the book" \
	test "$(sqlite3 "$DB" 'SELECT date || "=" || value FROM kpi_readings')" = "2026-11-23=14.5"
run --db "$DB" plan export acme
expect_out <<'OUT'
# Success plan: Acme Corporation (CRM-001)

- Status: signed by Dana Whitfield on 2026-11-23
- Started: 2026-11-23 (template default)
- Last validated: 2026-11-23
- Objectives: 1; milestones done: 0 of 1

## 1. Executive summary

Acme wants onboarding in 10 days, not 30.\
Sponsor: Dana Whitfield (CFO).

## 2. Adoption objectives

The business outcomes the customer wants, most important first; each one is an objective below, with its milestones and KPIs.

## 3. Adoption activities

What both teams will do to get there: onboarding, training, rollout waves, enablement sessions, reviews.

## 4. Finances and timescales

Budget, contract dates, renewal, and the timescale of each phase.

## 5. Measurement and reporting

How progress is measured and reported: the KPIs, their baselines and targets, and the review cadence (QBR each quarter, EBR each year).

## 6. Key risks: adoption barriers and mitigations

Adoption barriers and how we will mitigate them.

- Political: a customer sponsor who owns the outcome
- Staff resistance: early communication and a change champion
- Funding: free training and train-the-trainer
- Unclear process change: a pilot group first
- Skills gap: training

## 7. Appendices: people, third parties, methods

People (sponsor, champion, project manager), third parties, methods.

## Objectives

### Objective 1: Cut onboarding time

- Type: quantitative; priority: high
- Beneficiary: Dana Whitfield
- Last validated: never
- Progress: 38% `[####------]`

Milestones:

- [ ] Admins trained: not\_started, owner tester, due 2026-12-01

KPIs:

- Days to onboard: baseline 30, target 10 days by 2026-12-31, current 14.5 (read 2026-11-23); 77% of the way

## Sign-off

Signed for the customer by Dana Whitfield on 2026-11-23.
OUT

case_ "every form refuses bad input with its message, keeps it open, and writes nothing"
before=$(dump)
screen <<EOF
wait tester (lead)
key :plan acme<Enter>
wait Plan #1
key G
settle
key K
wait Add a KPI
key Flat<Tab>30<Tab>30<Enter>
wait target: 30 is the baseline too
dump $WORK/kpi
key <Esc>
settle
key M
wait Add a milestone
key Later<Tab><BS><BS><BS><BS><BS><BS>ghost<Enter>
wait owner: 'ghost' is neither a user
dump $WORK/milestone
key <Esc>
settle
key M
wait Add a milestone
key Later<Tab><Tab><BS><BS><BS>someday<Enter>
wait due: 'someday' is not a date
key <Esc>
settle
key O
wait Add an objective
key Other<Tab><Tab><Tab>zoe@sge.test<Enter>
wait beneficiary: 'zoe@sge.test' is not a contact of Acme Corporation
key <Esc>
settle
key w
wait Record a reading
key many<Enter>
wait value: 'many' is not a number
key <Esc>
settle
key n
wait this account has a plan already
key Q
expect-exit 0
EOF
screen_has "target: 30 is the baseline too: a KPI measures a change from its basel" "$WORK/kpi"
screen_has "Later" "$WORK/milestone"
check "a refused form changed the book" test "$(dump)" = "$before"

case_ "a plan without objectives cannot be signed; Esc on a menu changes nothing"
run --db "$DB" plan new "Société" --template none
screen <<EOF
wait tester (lead)
key :plan Société<Enter>
wait Plan #2
key S
wait Plan status: draft
key <Esc>
settle
key S
wait Plan status: draft
key <Enter>
wait plan #2 shared
key S
wait Plan status: shared
key <Enter>
wait Record the customer's signature
key <Enter>
wait has no objectives
dump $WORK/unsigned
key <Esc>
settle
key Q
expect-exit 0
EOF
screen_has "plan #2 has no objectives: a plan is signed on what it sets out to …" "$WORK/unsigned"
run --db "$DB" plan show "Société"
expect_out_has "  status      shared"

case_ "--read-only: write keys say why instead of opening a form, the editor refuses, nothing changes"
before=$(dump)
screen -e EDITOR="$ED" -- --read-only <<EOF
wait tester (lead)
key :plan acme<Enter>
wait Plan #1
key jjjjj
settle
key <Enter>
wait the book is open read-only
key G
settle
key w
wait this book is open read-only (--read-only): nothing can be changed
reject Record a reading
key V
wait this book is open read-only
key Q
expect-exit 0
EOF
check "a read-only book changed" test "$(dump)" = "$before"
finish
