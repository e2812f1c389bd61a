/*
 * cmd_contact.c -- `tend contact add|edit|left|list`: an account's
 * stakeholders, each change one audited action (app/contact.h) that says
 * which account and contact it wrote to.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/contact.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "domain/model.h"
#include "store/records.h"
#include "store/store.h"

/* The options, as bits, so each subcommand refuses the ones not its own. */
enum {
	CO_EMAIL = 1 << 0, CO_TITLE = 1 << 1, CO_ROLE = 1 << 2, CO_EXEC = 1 << 3,
	CO_NOEXEC = 1 << 4, CO_PHONE = 1 << 5, CO_NAME = 1 << 6, CO_DATE = 1 << 7,
	CO_ACCOUNT = 1 << 8,
};

static const struct option contact_options[] = {
	{ "email", required_argument, NULL, 'e' },
	{ "title", required_argument, NULL, 't' },
	{ "role", required_argument, NULL, 'r' },
	{ "executive", no_argument, NULL, 'x' },
	{ "no-executive", no_argument, NULL, 'X' },
	{ "phone", required_argument, NULL, 'p' },
	{ "name", required_argument, NULL, 'n' },
	{ "date", required_argument, NULL, 'd' },
	{ "account", required_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 },
};

struct contact_opts {
	struct contact_input in;
	const char *date, *account;  /* parsed once the whole line is read (--now may follow) */
	unsigned given;              /* CO_* */
};

static enum status
contact_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct contact_opts *o = ctx;

	switch (opt) {
	case 'e': o->given |= CO_EMAIL; o->in.email = arg; return ST_OK;
	case 't': o->given |= CO_TITLE; o->in.title = arg; return ST_OK;
	case 'r':
		o->given |= CO_ROLE;
		if (o->in.nroles >= CONTACT_MAX_ROLES)
			return err_set(c->err, ST_USAGE, "--role: at most %d at once", CONTACT_MAX_ROLES);
		o->in.roles[o->in.nroles++] = arg;
		return ST_OK;
	case 'x': o->given |= CO_EXEC; o->in.executive = 1; return ST_OK;
	case 'X': o->given |= CO_NOEXEC; o->in.executive = 0; return ST_OK;
	case 'p': o->given |= CO_PHONE; o->in.phone = arg; return ST_OK;
	case 'n': o->given |= CO_NAME; o->in.name = arg; return ST_OK;
	case 'd': o->given |= CO_DATE; o->date = arg; return ST_OK;
	case 'a': o->given |= CO_ACCOUNT; o->account = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

/* Refuse the options given that sub does not take (allowed: CO_* bits). */
static enum status
only(struct cli *c, const char *sub, const struct contact_opts *o, unsigned allowed)
{
	unsigned extra = o->given & ~allowed;

	for (int i = 0; contact_options[i].name; i++)
		if (extra & (1u << i))
			return cli_usage(c, cli_find("contact"), "contact %s does not take --%s", sub,
					 contact_options[i].name);
	if ((o->given & (CO_EXEC | CO_NOEXEC)) == (CO_EXEC | CO_NOEXEC))
		return cli_usage(c, cli_find("contact"), "--executive and --no-executive contradict");
	return ST_OK;
}

/* Print the report of a change: "Acme Corporation (CRM-001), contact #2
 * Chris Obi: left on 2026-11-23". */
static void
print_report(const struct edit_report *r)
{
	struct buf line;

	buf_init(&line);
	out_text(stdout, edit_report_line(r, &line), false);
	putchar('\n');
	buf_done(&line);
}

/* Run a use case's result through the CLI's error conventions. */
static enum status
finish_change(struct cli *c, enum status st, struct edit_report *r)
{
	if (!st)
		print_report(r);
	edit_report_done(r);
	return st ? cli_option_error(c, contact_options) : ST_OK;
}

static enum status
contact_add_cmd(struct cli *c, struct store *s, struct contact_opts *o, int n, char **args)
{
	struct edit_report rep;
	int64_t account, id;

	if (only(c, "add", o, CO_EMAIL | CO_TITLE | CO_ROLE | CO_EXEC | CO_PHONE))
		return c->err->status;
	if (n != 2)
		return cli_usage(c, cli_find("contact"), "contact add takes an ACCOUNT and a NAME");
	if (!o->in.email)
		return cli_usage(c, cli_find("contact"), "contact add needs --email");
	if (strspn(args[1], " \t") == strlen(args[1]))
		return cli_usage(c, cli_find("contact"), "contact add: the NAME is empty");
	if (store_account_resolve(s, args[0], &account, c->err))
		return c->err->status;
	o->in.name = args[1];
	edit_report_init(&rep);
	return finish_change(c, contact_add(s, account, &o->in, &id, &rep, c->err), &rep);
}

/* The contact an edit or left names, by id or email (--account narrows). */
static enum status
find_contact(struct cli *c, struct store *s, const struct contact_opts *o, const char *key,
	     int64_t *id)
{
	int64_t account = 0;

	if (o->account && store_account_resolve(s, o->account, &account, c->err))
		return c->err->status;
	return store_contact_resolve(s, key, account, id, c->err);
}

static enum status
contact_edit_cmd(struct cli *c, struct store *s, struct contact_opts *o, int n, char **args)
{
	struct edit_report rep;
	int64_t id;

	if (only(c, "edit", o, CO_EMAIL | CO_TITLE | CO_ROLE | CO_EXEC | CO_NOEXEC | CO_PHONE |
		 CO_NAME | CO_ACCOUNT))
		return c->err->status;
	if (n != 1)
		return cli_usage(c, cli_find("contact"), "contact edit takes one EMAIL or ID");
	if (!(o->given & ~CO_ACCOUNT))
		return cli_usage(c, cli_find("contact"), "contact edit: say what to change (--title, "
				 "--role, ...)");
	if (find_contact(c, s, o, args[0], &id))
		return c->err->status;
	edit_report_init(&rep);
	return finish_change(c, contact_edit(s, id, &o->in, &rep, c->err), &rep);
}

static enum status
contact_left_cmd(struct cli *c, struct store *s, struct contact_opts *o, int n, char **args)
{
	struct edit_report rep;
	int32_t date = c->clock.today;
	int64_t id;

	if (only(c, "left", o, CO_DATE | CO_ACCOUNT))
		return c->err->status;
	if (n != 1)
		return cli_usage(c, cli_find("contact"), "contact left takes one EMAIL or ID");
	if (o->date && cli_date(c, "date", o->date, &date))
		return c->err->status;
	if (find_contact(c, s, o, args[0], &id))
		return c->err->status;
	edit_report_init(&rep);
	return finish_change(c, contact_left(s, id, date, o->date != NULL, &rep, c->err), &rep);
}

static const struct out_col contact_cols[] = {
	{ "id", "ID", COL_INT },
	{ "name", "NAME", COL_FREETEXT },
	{ "title", "TITLE", COL_FREETEXT },
	{ "email", "EMAIL", COL_TEXT },
	{ "phone", "PHONE", COL_TEXT },
	{ "is_executive", "EXEC", COL_BOOL },
	{ "roles", "ROLES", COL_LIST },
	{ "status", "STATUS", COL_TEXT },
	{ "left_on", "LEFT", COL_DATE },
};
#define N_CONTACT_COLS ((int)(sizeof(contact_cols) / sizeof(contact_cols[0])))

#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

static int
contact_row_out(void *ctx, const struct contact_rec *k)
{
	struct value v[N_CONTACT_COLS] = {
		{ V_INT, k->id, 0, NULL },
		TEXTV(k->name),
		TEXTV(k->title),
		TEXTV(k->email),
		TEXTV(k->phone),
		{ V_INT, k->is_executive, 0, NULL },
		TEXTV(k->roles),
		TEXTV(k->status),
		TEXTV(k->left_on),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
contact_list_cmd(struct cli *c, struct store *s, struct contact_opts *o, int n, char **args)
{
	struct out out;
	int64_t account;
	enum status st;

	if (only(c, "list", o, 0))
		return c->err->status;
	if (n != 1)
		return cli_usage(c, cli_find("contact"), "contact list takes one ACCOUNT");
	if (store_account_resolve(s, args[0], &account, c->err))
		return c->err->status;
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), contact_cols, N_CONTACT_COLS);
	st = store_contacts_each(s, account, contact_row_out, &out, c->err);
	out_end(&out);
	return st;
}

static enum status
cmd_contact(struct cli *c, int argc, char **argv)
{
	static const struct {
		const char *name;
		enum status (*run)(struct cli *, struct store *, struct contact_opts *, int, char **);
	} subs[] = {
		{ "add", contact_add_cmd }, { "edit", contact_edit_cmd },
		{ "left", contact_left_cmd }, { "list", contact_list_cmd },
	};
	const struct command *cmd = cli_find("contact");
	struct contact_opts o = { .in = { .executive = -1 } };
	struct store *s;
	const char *sub;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", contact_options, contact_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first >= argc)
		return cli_usage(c, cmd, "expected add, edit, left or list");
	sub = argv[first++];
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (strcmp(sub, subs[i].name))
			continue;
		if (cli_store(c, false, &s))
			return c->err->status;
		return subs[i].run(c, s, &o, argc - first, argv + first);
	}
	return cli_usage(c, cmd, "'%s' is not add, edit, left or list", sub);
}

static const char cmd_contact_help[] =
	"tend contact add ACCOUNT NAME --email E [--title T] [--role R]... [--executive]\n"
	"                 [--phone P]\n"
	"  Adds a contact to the account.  Emails are unique within an account, in\n"
	"  any case.  Roles: executive_sponsor, economic_buyer, champion,\n"
	"  decision_maker, project_manager, admin, power_user or end_user.\n"
	"tend contact edit EMAIL|ID [--account A] [--name N] [--email E] [--title T]\n"
	"                  [--role +R|-R]... [--executive|--no-executive] [--phone P]\n"
	"  Changes a contact and says what changed; '' clears the title or phone.\n"
	"  --account A picks the contact when the email is at several accounts.\n"
	"tend contact left EMAIL|ID [--account A] [--date D]\n"
	"  Marks the contact as having left, today or on D (not later than today);\n"
	"  they keep their roles, so a champion or sponsor who left shows in the\n"
	"  account's facts.\n"
	"tend contact list ACCOUNT\n"
	"  The account's contacts, those still there first.\n";

const struct command cmd_contact_entry = {
	.name = "contact",
	.args = "add ACCOUNT NAME --email E | edit EMAIL|ID | left EMAIL|ID | list ACCOUNT",
	.summary = "add, change, list contacts and mark those who left",
	.help = cmd_contact_help,
	.run = cmd_contact,
};
