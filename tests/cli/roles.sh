#!/bin/sh
# roles.sh -- who you are and what you may change (issue 16): users managed
# by `tend user`, roles enforced by the write path for every write verb,
# refusals that name the account, its owner and who may (exit 77) and
# change nothing, $TEND_USER honoured only on a book you own, and the
# service-account deployment's forced command (--ssh-user) driven by a fake
# SSH_ORIGINAL_COMMAND, no sshd.
. "$TEST_SRCDIR/tests/cli/lib.sh"
make_book

# The team: amara (csm, East) owns Acme (#1) and Société (#2); bo (csm,
# West) owns #3 and #4; #5 is pooled; lea leads East, wes leads West; ada
# is an admin, zed a viewer.  The file's owner (this test) sets them up.
case_ "user add, set and list: roles and teams"
run --db "$DB" user add lea --role lead --team East --name "Lea Park"
expect_rc 0
expect_out <<'OUT'
added lea (lead, team East)
OUT
run --db "$DB" user add wes --role lead --team West
run --db "$DB" user add ada --role admin
run --db "$DB" user add zed --role viewer --email zed@example.test
expect_out <<'OUT'
added zed (viewer)
OUT
run --db "$DB" user set amara --team East
expect_out <<'OUT'
changed amara (csm, team East)
OUT
run --db "$DB" user set bo --team West
run --db "$DB" user list --format csv
expect_rc 0
expect_out <<'OUT'
login,name,role,team,active,accounts,email
ada,ada,admin,,true,0,
amara,Amara Okafor,csm,East,true,2,
bo,Bo Lindqvist,csm,West,true,2,
lea,Lea Park,lead,East,true,0,
tester,Terry Tester,lead,,true,0,
wes,wes,lead,West,true,0,
zed,zed,viewer,,true,0,zed@example.test
OUT

case_ "user: mistakes are usage or data errors and change nothing"
run --db "$DB" user add amara
expect_rc 65
expect_err <<'ERR'
tend: login: amara is a user already (change them with 'tend user set amara')
ERR
run --db "$DB" user add 'bad login'
expect_rc 64
expect_err_has "login: 'bad login' is not a login"
run --db "$DB" user add kim --role boss
expect_rc 64
expect_err_has "--role: 'boss' is not"
run --db "$DB" user set nobody-here --role csm
expect_rc 66
expect_err <<'ERR'
tend: no user 'nobody-here' in this book (see 'tend user list')
ERR
run --db "$DB" user set amara
expect_rc 64
run --db "$DB" user
expect_rc 64
run --db "$DB" --read-only user add kim
expect_rc 77
run --db "$DB" user list --format csv
expect_out_has "zed,zed,viewer"
check_not "no kim" grep -q '^kim' "$WORK/out"

cp "$DB" "$WORK/base.db"
# One write as LOGIN through the forced command, on a fresh copy of the
# base book: the book is chosen by the server (TEND_DB), never the client.
as() {
	login=$1
	shift
	cp "$WORK/base.db" "$WORK/try.db"
	rm -f "$WORK/try.db-wal" "$WORK/try.db-shm"
	SSH_ORIGINAL_COMMAND="$*" TEND_DB="$WORK/try.db" run --ssh-user "$login"
}
audit_rows() {
	"$TEND" --db "$WORK/try.db" export audit --format csv | wc -l
}
BASE_AUDIT=$("$TEND" --db "$WORK/base.db" export audit --format csv | wc -l)

# Every write verb, on amara's account Acme (task #1, risk #1, opportunity
# #1, touchpoint #1, renewal #1 and contact dana@acme.test are Acme's).
"$TEND" --db "$WORK/base.db" $NOW task add acme "Call the CFO" --owner amara >/dev/null
"$TEND" --db "$WORK/base.db" $NOW risk open acme --category adoption "Low use" >/dev/null
"$TEND" --db "$WORK/base.db" $NOW opportunity add acme --kind upsell --amount 1000 "More" >/dev/null
TEND_USER=amara "$TEND" --db "$WORK/base.db" $NOW log acme "Kickoff" >/dev/null
BASE_AUDIT=$("$TEND" --db "$WORK/base.db" export audit --format csv | wc -l)
VERBS='log acme "QBR call" --kind qbr
task add acme "Send the deck"
task done 1
task edit 1 --priority high
task snooze 1 --until +1w
task cancel 1 --reason duplicate
task reassign 1 --owner lea
risk open acme --category value "No ROI"
risk mitigate 1 --note "Plan agreed"
risk close 1 --note "Resolved"
opportunity add acme --kind upsell --amount 500 "Seats"
opportunity stage 1 propose
opportunity amount 1 2000
opportunity close 1 --won
account set acme --notes "Key account"
contact add acme "Pat Lee" --email pat@acme.test
contact edit dana@acme.test --title CEO
contact left dana@acme.test
health override acme --band red --reason "Exec left" --until +30d
health rate acme csm_sentiment 2
renewal close 1 --final 300000.50
log edit 1 --summary "Kickoff call"'

# verdict LOGIN EXPECTED-RC: every verb as LOGIN.
verdict() {
	login=$1 want=$2
	printf '%s\n' "$VERBS" | while IFS= read -r verb; do
		case_ "$verb: as $login ($want)"
		as "$login" $NOW "$verb"
		expect_rc "$want"
		if [ "$want" -eq 0 ]; then
			check "$verb as $login is audited" [ "$(audit_rows)" -gt "$BASE_AUDIT" ]
		else
			check "$verb as $login changes nothing" [ "$(audit_rows)" -eq "$BASE_AUDIT" ]
		fi
	done
}
verdict amara 0       # the owner
verdict lea 0         # a lead of the owner's team
verdict ada 0         # an admin
verdict bo 77         # another team's csm
verdict wes 77        # another team's lead
verdict zed 77        # a viewer
verdict eve 77        # no user of the book

case_ "a csm's refusal names the account, its owner and who may"
as bo $NOW account set acme --notes mine
expect_rc 77
expect_err <<'ERR'
tend: cannot account set on Acme Corporation (CRM-001): it belongs to amara; you are bo (csm), and only its owner amara, a lead of team East, or an admin may
ERR
as bo $NOW log 'Tiny' '"Pooled check-in"'
expect_rc 0
expect_out_has "Tiny Pooled Co (CRM-005)"

case_ "a viewer reads and writes nothing"
as zed accounts --format csv
expect_rc 0
expect_out_has "1,CRM-001,Acme Corporation,amara"
as zed $NOW log acme hello
expect_rc 77
expect_err <<'ERR'
tend: cannot log: zed is a viewer, who only reads; a csm, lead or admin may (an admin changes your role with 'tend user set zed --role csm')
ERR

case_ "an unknown login is told the admin command that adds it"
as eve $NOW log acme hello
expect_rc 77
expect_err <<'ERR'
tend: cannot log: eve is not a user of this book; an admin adds you with 'tend user add eve --role csm|lead|admin|viewer --team TEAM'
ERR
as eve $NOW init --role admin
expect_rc 77
expect_err_has "eve is not a user of this book"

case_ "reassigning is a lead's, within the team"
as amara $NOW account set acme --owner bo
expect_rc 77
expect_err <<'ERR'
tend: cannot account set on Acme Corporation (CRM-001): reassigning an account needs a lead of its team or an admin; you are amara (csm)
ERR
as lea $NOW account set acme --owner lea
expect_rc 0
expect_out_has "owner amara -> lea"
as lea $NOW account set acme --owner bo
expect_rc 77
expect_err_has "it belongs to bo; you are lea (lead), and only its owner bo, a lead of team West, or an admin may"
as ada $NOW account set acme --owner bo
expect_rc 0

case_ "users and teams are an admin's"
as lea user add kim --role csm
expect_rc 77
expect_err <<'ERR'
tend: cannot user add: managing users and teams needs an admin; you are lea (lead)
ERR
as ada user add kim --role csm --team East
expect_rc 0
expect_out <<'OUT'
added kim (csm, team East)
OUT

case_ "user remove: access gone, history kept"
as ada user remove amara
expect_rc 0
expect_out_has "removed amara: inactive"
SSH_ORIGINAL_COMMAND="$NOW log acme late" TEND_DB="$WORK/try.db" run --ssh-user amara
expect_rc 77
expect_err_has "amara is no longer an active user of this book"
SSH_ORIGINAL_COMMAND="user list --format csv" TEND_DB="$WORK/try.db" run --ssh-user zed
expect_out_has "amara,Amara Okafor,csm,East,false,2,"

case_ "the forced command refuses the client's --db, --demo and --ssh-user"
for bad in "--db /tmp/other.db accounts" "accounts --demo" "--ssh-user=ada accounts" \
	"accounts --db=/tmp/x"; do
	as amara "$bad"
	expect_rc 77
	expect_err_has "not accepted over SSH"
done
SSH_ORIGINAL_COMMAND="accounts" TEND_DB="$WORK/try.db" run --ssh-user amara accounts
expect_rc 64
expect_err_has "the forced command is 'tend --ssh-user LOGIN' and nothing more"
as amara "log acme 'unclosed"
expect_rc 64
expect_err_has "unclosed quote"
as amara tend accounts --format csv --owner me
expect_rc 0
expect_out_has "2,CRM-002,Société Générale des Eaux,amara"
check_not "only amara's" grep -q "CRM-003" "$WORK/out"

case_ "the forced command reads no file of the server's"
as ada import account /etc/passwd
expect_rc 77
expect_err_has "import: over SSH, send the file on standard input"
as ada import --map /etc/passwd account -
expect_rc 77
expect_err_has "import --map FILE: not over SSH"
as ada export --all /tmp/x
expect_rc 77
expect_err_has "export --all: not over SSH"
as ada health check /etc/passwd
expect_rc 77
expect_err_has "check FILE: not over SSH"
as ada playbook check "$WORK/x.yaml"
expect_rc 77
printf 'external_id,name,segment\nCRM-777,Stdin Co,smb\n' >"$WORK/in.csv"
cp "$WORK/base.db" "$WORK/try.db"
SSH_ORIGINAL_COMMAND="import account -" TEND_DB="$WORK/try.db" "$TEND" --ssh-user ada \
	<"$WORK/in.csv" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect_rc 0
expect_out_has "1 inserted, 0 updated, 0 unchanged (account)"

case_ "the forced command: \$TEND_USER from the client counts for nothing"
SSH_ORIGINAL_COMMAND="$NOW log acme sneaky" TEND_USER=ada TEND_DB="$WORK/try.db" run --ssh-user bo
expect_rc 77
expect_err_has "you are bo (csm)"

case_ "--ssh-user only for the account that owns the book"
if [ "$(id -u)" -eq 0 ]; then
	cp "$WORK/base.db" "$WORK/theirs.db"
	chown 65534 "$WORK/theirs.db"
	SSH_ORIGINAL_COMMAND="accounts" TEND_DB="$WORK/theirs.db" run --ssh-user ada
	expect_rc 77
	expect_err_has "--ssh-user is for the account that owns the book"
	case_ "TEND_USER is refused on a book another login owns"
	TEND_USER=ada run --db "$WORK/theirs.db" $NOW log acme "as ada"
	expect_rc 77
	expect_err_has "TEND_USER=ada is honoured only on a book you own"
	"$TEND" --db "$WORK/theirs.db" export audit --format csv >"$WORK/audit"
	check_not "nothing written as ada" grep -q "as ada" "$WORK/audit"
fi

case_ "the audit log records the key's login"
as lea $NOW log acme "'Lead check-in'"
expect_rc 0
"$TEND" --db "$WORK/try.db" export audit --format csv >"$WORK/audit"
check "audited as lea" grep -q ',lea,log,touchpoints,' "$WORK/audit"
case_ "user add-key writes the forced-command line, once"
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests amara@laptop\n' >"$WORK/amara.pub"
run --db "$DB" user add-key amara "$WORK/amara.pub"
expect_rc 0
expect_out <<OUT
added a key for amara to $HOME/.ssh/authorized_keys:
command="tend --ssh-user amara",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests amara@laptop
OUT
run --db "$DB" user add-key amara "$WORK/amara.pub"
expect_out_has "the key is already there for amara"
check "one line" [ "$(wc -l <"$HOME/.ssh/authorized_keys")" -eq 1 ]
check "authorized_keys is 0600" [ "$(stat -c %a "$HOME/.ssh/authorized_keys")" = 600 ]
run --db "$DB" user add-key nobody-here "$WORK/amara.pub"
expect_rc 66
expect_err_has "no user 'nobody-here' in this book"
printf 'not a key\n' >"$WORK/bad.pub"
run --db "$DB" user add-key amara "$WORK/bad.pub"
expect_rc 65
as ada user add-key amara "$WORK/amara.pub"
expect_rc 77
expect_err_has "not over SSH"
finish
