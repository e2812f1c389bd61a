#!/bin/sh
# playbook_route.sh -- who gets an inbox item (app/playbook_route.c): each
# role resolved for the account (its owner, its team's lead, its AM and RM
# by login, e-mail or name, the admins), support and marketing from the
# config's notify: to users and to addresses, a role nobody holds
# redirected to the owner, a lead or an admin and marked so, nothing at all
# undelivered and listed by `tend inbox --undelivered`; escalation steps
# resolved the same way; the config key itself; and the demo book, where a
# CSM's own inbox is no longer empty after a run.
. "$TEST_SRCDIR/tests/cli/lib.sh"
FIX="$DATA/playbooks/route"
PB="--playbooks $FIX"
CONF="$XDG_CONFIG_HOME/tend/config.yaml"
mkdir -p "$XDG_CONFIG_HOME/tend"

for f in team:teams user:users account:accounts; do
	run --db "$DB" $NOW import "${f%%:*}" "$FIX/${f#*:}.csv"
	check "import ${f%%:*}: exit $rc: $(cat "$WORK/err")" test "$rc" -eq 0
done

dump() { sqlite3 "$DB" .dump | sha256sum; }

# item TO REDIRECTED MESSAGE [FILE]: the inbox listing (CSV) has an unread
# notification with that message, to TO, redirected from REDIRECTED ("" for
# none).
item() {
	check "no item '$3' to '$1' redirected from '$2':
$(cat "${4:-$WORK/out}")" grep -qE "^[0-9]+,2026-11-23,notification,0,[^,]*,$1,$2,,unread,$3,playbook:tell\$" "${4:-$WORK/out}"
}

case_ "the config's notify: is shown by tend config, mistakes as file:line:column"
cat >"$CONF" <<'EOF'
notify:
  support: [sam.support, help@vendor.example, "two words", x@, sam.support]
  marketing: [Ann@Corp.Example, mia@example.com, nobody.here]
  marketting: [x]
EOF
run config
expect_rc 0
expect_out_has "notify           support: sam.support, help@vendor.example; marketing: Ann@Corp.Example, mia@example.com, nobody.here  # who support and marketing are"
expect_err_has "tend: warning: $CONF:2:47: notify: support: 'two words' is neither a login nor an e-mail address (using the default)"
expect_err_has "tend: warning: $CONF:2:60: notify: support: 'x@' is not an e-mail address (LOCAL@DOMAIN) (using the default)"
expect_err_has "tend: warning: $CONF:2:64: notify: support: 'sam.support' is listed twice (using the default)"
expect_err_has "tend: warning: $CONF:4:3: notify: unknown role 'marketting'; did you mean 'marketing'? (using the default)"
printf 'notify: sam.support\ntheme: mono\n' >"$CONF"
run config
expect_err_has "tend: warning: $CONF:1:9: notify takes a mapping (key: value lines) (using the default)"
expect_out_has "notify           -  # who support and marketing are"
expect_out_has "theme            mono"
printf 'notify:\n  support: { a: b }\n  marketing: [mia@example.com, [x]]\n' >"$CONF"
run config
expect_err_has "tend: warning: $CONF:2:12: notify: support takes a login, an e-mail address or a list of them (using the default)"
expect_err_has "tend: warning: $CONF:3:32: notify: marketing: each entry is a login or an e-mail address (using the default)"
expect_out_has "notify           marketing: mia@example.com  # who support and marketing are"
printf 'notify:\n  support: [sam.support, help@vendor.example]\n  marketing: [Ann@Corp.Example, mia@example.com, nobody.here]\n' >"$CONF"
run config
expect_rc 0
expect_err <<'EOF'
EOF

case_ "a dry run shows whom each role reaches, and writes nothing"
before=$(dump)
run --db "$DB" $NOW playbook run --dry-run $PB
expect_rc 0
check "a dry run changed the book" test "$(dump)" = "$before"
cp "$WORK/out" "$WORK/dry"
expect_out <<'OUT'
playbook run as of 2026-11-23 (dry run: nothing written)
tell: 5 matched, 5 would fire, 0 already fired
  R-OWN Own Co [account]
    notify      amara: "csm: Own Co"
    notify      ella.lead: "lead: Own Co"
    notify      ann.am: "am: Own Co"
    notify      rob.rm: "rm: Own Co"
    notify      ella.lead (redirected from executive): "executive: Own Co"
    notify      sam.support, help@vendor.example: "support: Own Co"
    notify      ann.am, mia@example.com: "marketing: Own Co"
  R-NAMES Names Co [account]
    notify      amara: "csm: Names Co"
    notify      ella.lead: "lead: Names Co"
    notify      ann.am: "am: Names Co"
    notify      amara (redirected from rm): "rm: Names Co"
    notify      ella.lead (redirected from executive): "executive: Names Co"
    notify      sam.support, help@vendor.example: "support: Names Co"
    notify      ann.am, mia@example.com: "marketing: Names Co"
  R-WEST West Co [account]
    notify      wes: "csm: West Co"
    notify      will.lead: "lead: West Co"
    notify      wes (redirected from am): "am: West Co"
    notify      wes (redirected from rm): "rm: West Co"
    notify      will.lead (redirected from executive): "executive: West Co"
    notify      sam.support, help@vendor.example: "support: West Co"
    notify      ann.am, mia@example.com: "marketing: West Co"
  R-POOL Pool Co [account]
    notify      ella.lead (redirected from csm): "csm: Pool Co"
    notify      ella.lead: "lead: Pool Co"
    notify      ella.lead (redirected from am): "am: Pool Co"
    notify      ella.lead (redirected from rm): "rm: Pool Co"
    notify      ella.lead (redirected from executive): "executive: Pool Co"
    notify      sam.support, help@vendor.example: "support: Pool Co"
    notify      ann.am, mia@example.com: "marketing: Pool Co"
  R-GONE Gone Co [account]
    notify      ella.lead (redirected from csm): "csm: Gone Co"
    notify      ella.lead: "lead: Gone Co"
    notify      ella.lead (redirected from am): "am: Gone Co"
    notify      ella.lead (redirected from rm): "rm: Gone Co"
    notify      ella.lead (redirected from executive): "executive: Gone Co"
    notify      sam.support, help@vendor.example: "support: Gone Co"
    notify      ann.am, mia@example.com: "marketing: Gone Co"
note: notify: marketing: 'nobody.here' is no active user of this book; left out
1 rule, 5 firings, 0 escalation changes (dry run)
OUT

case_ "a run writes one item per person, as the dry run said"
run --db "$DB" $NOW playbook run $PB
expect_rc 0
sed 's/ (dry run: nothing written)//; s/would fire/fired/; s/ (dry run)$//' "$WORK/dry" >"$WORK/dry.cmp"
expect_same "the run's report differs from the dry run's" "$WORK/dry.cmp" "$WORK/out"
run --db "$DB" $NOW inbox --all --format csv
expect_rc 0
cp "$WORK/out" "$WORK/all"
# 7 roles x 5 accounts, support and marketing to two each: 45 items.
check "not 45 items: $(cat "$WORK/all")" test "$(grep -c '^[0-9]' "$WORK/all")" -eq 45
# am: by login, and by name; rm: by e-mail in another case.
item ann.am "" "am: Own Co"
item ann.am "" "am: Names Co"
item rob.rm "" "rm: Own Co"
# owner; lead of the owner's team (West's, not the lowest id).
item amara "" "csm: Own Co"
item will.lead "" "lead: West Co"
# A role nobody holds goes to the owner, marked.
item amara rm "rm: Names Co"
item wes am "am: West Co"
# A pooled account, and an owner who left: to the lead, marked.
item ella.lead csm "csm: Pool Co"
item ella.lead am "am: Pool Co"
item ella.lead csm "csm: Gone Co"
# No admin: executive requests climb to the lead.
item ella.lead executive "executive: Own Co"
# support and marketing: a user, an address kept, a user by e-mail.
item sam.support "" "support: Pool Co"
item help@vendor.example "" "support: Pool Co"
item ann.am "" "marketing: West Co"
item mia@example.com "" "marketing: West Co"
run --db "$DB" export inbox --format csv
expect_out_has ",R-POOL,,support,0,support: Pool Co,,unread,,playbook:tell,4,help@vendor.example,"
expect_out_has ",R-NAMES,amara,rm,0,rm: Names Co,,unread,,playbook:tell,2,,rm"

case_ "each inbox has its own items; an address is nobody's"
TEND_USER=amara run --db "$DB" $NOW inbox --format csv
expect_rc 0
expect_out <<'OUT'
id,created_on,kind,level,account,to,redirected_from,due_date,status,message,source
1,2026-11-23,notification,0,Own Co,amara,,,unread,csm: Own Co,playbook:tell
10,2026-11-23,notification,0,Names Co,amara,,,unread,csm: Names Co,playbook:tell
13,2026-11-23,notification,0,Names Co,amara,rm,,unread,rm: Names Co,playbook:tell
OUT
TEND_USER=sam.support run --db "$DB" $NOW inbox --format csv
check "sam.support does not have 5 items: $(cat "$WORK/out")" test "$(grep -c '^[0-9]' "$WORK/out")" -eq 5
expect_out_lacks "help@vendor.example"
TEND_USER=amara run --db "$DB" $NOW inbox
expect_rc 0
expect_out_has "REDIRECTED FROM"
check "the table does not show the redirect: $(cat "$WORK/out")" grep -qE '^ *13 +2026-11-23 +notification +0 +Names Co +amara +rm +unread +rm: Names Co' "$WORK/out"
run --db "$DB" $NOW inbox --undelivered --format csv
expect_out <<'OUT'
id,created_on,kind,level,account,to,redirected_from,due_date,status,message,source
OUT

case_ "escalation steps resolve the same way"
run --db "$DB" --now 2026-11-30 playbook run $PB
expect_rc 0
expect_out_has "  tell R-WEST West Co: L1 -> will.lead \"L1 lead: West Co\" (act by 2026-12-07)"
expect_out_has "  tell R-POOL Pool Co: L1 -> ella.lead \"L1 lead: Pool Co\" (act by 2026-12-07)"
run --db "$DB" --now 2026-12-07 playbook run $PB
expect_out_has "  tell R-WEST West Co: L2 -> sam.support, help@vendor.example \"L2 support: West Co\" (act by 2026-12-14)"
# One of a step's recipients acknowledging it is enough.
id=$(sqlite3 "$DB" "SELECT i.id FROM inbox i JOIN users u ON u.id = i.recipient_id JOIN accounts a ON a.id = i.account_id WHERE a.external_id = 'R-WEST' AND i.level = 2 AND u.login = 'sam.support'")
TEND_USER=sam.support run --db "$DB" --now 2026-12-10 inbox done "$id"
expect_rc 0
run --db "$DB" --now 2026-12-14 playbook run $PB
expect_out_has "  tell R-WEST West Co: stopped (acknowledged)"
expect_out_has "  tell R-NAMES Names Co: L3 -> ann.am \"L3 am: Names Co\""
expect_out_has "  tell R-POOL Pool Co: L3 -> ella.lead (redirected from am) \"L3 am: Pool Co\""
run --db "$DB" export inbox --format csv
expect_out_has ",escalation,R-POOL,ella.lead,am,3,L3 am: Pool Co,,unread,,playbook:tell,4,,am"

case_ "--all and --undelivered together are refused"
run --db "$DB" $NOW inbox --all --undelivered
expect_rc 64
expect_err_has "--all and --undelivered: choose one"

# A second book: one CSM, no lead, no admin, no config.
rm -f "$CONF"
DB="$WORK/bare.db"
printf 'login,name,role\ncara,Cara Csm,csm\n' >"$WORK/u.csv"
printf 'external_id,name,owner,segment,stage,tags\nB-OWN,Owned Co,cara,smb,adopt,route\nB-POOL,Pooled Co,,smb,adopt,route\n' >"$WORK/a.csv"
run --db "$DB" $NOW import user "$WORK/u.csv"
run --db "$DB" $NOW import account "$WORK/a.csv"
printf 'rules:\n  - id: tell\n    when: { tag: route }\n    actions:\n      - notify: { to: csm, message: "csm: {account.name}" }\n      - notify: { to: lead, message: "lead: {account.name}" }\n      - notify: { to: support, message: "support: {account.name}" }\n    escalate:\n      - { after: 7d, to: csm, request: "L1 csm: {account.name}" }\n' >"$WORK/bare.yaml"
mkdir -p "$WORK/bare"
mv "$WORK/bare.yaml" "$WORK/bare/"

case_ "nobody at all: undelivered, listed by --undelivered"
run --db "$DB" $NOW playbook run --playbooks "$WORK/bare"
expect_rc 0
expect_out_has "    notify      cara (redirected from lead): \"lead: Owned Co\""
expect_out_has "    notify      cara (redirected from support): \"support: Owned Co\""
expect_out_has "    notify      undelivered (csm): \"csm: Pooled Co\""
expect_out_has "    notify      undelivered (support): \"support: Pooled Co\""
TEND_USER=cara run --db "$DB" $NOW inbox --undelivered --format csv
expect_rc 0
expect_out <<'OUT'
id,created_on,kind,level,account,to,redirected_from,due_date,status,message,source
4,2026-11-23,notification,0,Pooled Co,csm,,,unread,csm: Pooled Co,playbook:tell
5,2026-11-23,notification,0,Pooled Co,lead,,,unread,lead: Pooled Co,playbook:tell
6,2026-11-23,notification,0,Pooled Co,support,,,unread,support: Pooled Co,playbook:tell
OUT
TEND_USER=cara run --db "$DB" $NOW inbox --format csv
expect_out_has ",Owned Co,cara,lead,,unread,lead: Owned Co,"
expect_out_lacks "Pooled Co"
TEND_USER=cara run --db "$DB" $NOW --read-only inbox --undelivered
expect_rc 0
expect_out_has "csm: Pooled Co"

case_ "a pooled account with no lead: an admin"
printf 'login,name,role\ndora,Dora Admin,admin\n' >"$WORK/admin.csv"
run --db "$DB" $NOW import user "$WORK/admin.csv"
expect_rc 0
run --db "$DB" --now 2026-11-30 playbook run --playbooks "$WORK/bare"
expect_out_has "  tell B-POOL Pooled Co: L1 -> dora (redirected from csm) \"L1 csm: Pooled Co\""
expect_out_has "  tell B-OWN Owned Co: L1 -> cara \"L1 csm: Owned Co\""
run --db "$DB" export inbox --format csv
expect_out_has ",escalation,B-POOL,dora,csm,1,L1 csm: Pooled Co,,unread,,playbook:tell,2,,csm"
run --db "$DB" $NOW inbox --undelivered --format csv
check "the undelivered items changed: $(cat "$WORK/out")" test "$(grep -c '^[0-9]' "$WORK/out")" -eq 3
# An admin who joins later sees what had nowhere to go, and her request.
TEND_USER=dora run --db "$DB" --now 2026-11-30 inbox --format csv
check "dora does not have 4 items: $(cat "$WORK/out")" test "$(grep -c '^[0-9]' "$WORK/out")" -eq 4
expect_out_has ",Pooled Co,csm,,,unread,csm: Pooled Co,playbook:tell"
expect_out_has ",escalation,1,Pooled Co,dora,csm,,unread,L1 csm: Pooled Co,playbook:tell"

case_ "the demo book: a CSM's own inbox is not empty after recompute and run"
DB="$WORK/demo.db"
run --db "$DB" $NOW demo
expect_rc 0
run --db "$DB" $NOW health recompute
expect_rc 0
run --db "$DB" $NOW playbook run --summary
expect_rc 0
TEND_USER=priya.raman run --db "$DB" $NOW inbox --format csv
expect_rc 0
n=$(grep -c '^[0-9]' "$WORK/out")
check "priya.raman's inbox is empty after a run: $(cat "$WORK/out")" test "$n" -gt 0
# The demo's AMs and RMs are names no user has, and no notify: is set:
# their items reach the owner, marked.
expect_out_has ",priya.raman,am,,unread,"
expect_out_has ",priya.raman,marketing,,unread,"
run --db "$DB" $NOW inbox --undelivered --format csv
check "the demo book has undelivered items: $(cat "$WORK/out")" test "$(grep -c '^[0-9]' "$WORK/out")" -eq 0
# Four weeks on, the red accounts' ladders reach the lead; the executive
# step, with no admin in the demo book, climbs to the lead too.
run --db "$DB" --now 2026-12-21 playbook run
expect_rc 0
expect_out_has "L1 -> ingrid.halvorsen \""
expect_out_has "L2 -> ingrid.halvorsen (redirected from executive) \""
run --db "$DB" --now 2026-12-21 inbox --undelivered --format csv
check "escalations went undelivered: $(cat "$WORK/out")" test "$(grep -c '^[0-9]' "$WORK/out")" -eq 0

finish
