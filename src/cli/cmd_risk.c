/*
 * cmd_risk.c -- `tend risk list|open|mitigate|close`: the risks playbooks
 * and CSMs open on accounts, listed, and moved to mitigating and closed
 * with a note.  The rules are app/risk.h's; this file parses, calls and
 * prints.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/risk.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/work_cmd.h"
#include "domain/model.h"
#include "store/store.h"
#include "store/work.h"

struct risk_opts {
	const char *account, *status, *category, *severity, *note;
	unsigned given;            /* bits of risk_options, by index */
};

enum { RO_ACCOUNT = 1 << 0, RO_STATUS = 1 << 1, RO_CATEGORY = 1 << 2, RO_SEVERITY = 1 << 3,
	RO_NOTE = 1 << 4 };

/* In the order of the RO_ bits. */
static const struct option risk_options[] = {
	{ "account", required_argument, NULL, 'a' },
	{ "status", required_argument, NULL, 's' },
	{ "category", required_argument, NULL, 'c' },
	{ "severity", required_argument, NULL, 'S' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

static enum status
risk_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct risk_opts *o = ctx;

	switch (opt) {
	case 'a': o->given |= RO_ACCOUNT; o->account = arg; return ST_OK;
	case 's':
		o->given |= RO_STATUS;
		o->status = arg;
		return strcmp(arg, "all") ? cli_choice(c, "status", arg, risk_status_names) : ST_OK;
	case 'c':
		o->given |= RO_CATEGORY;
		o->category = arg;
		return cli_choice(c, "category", arg, risk_category_names);
	case 'S':
		o->given |= RO_SEVERITY;
		o->severity = arg;
		return cli_choice(c, "severity", arg, priority_names);
	case 'n': o->given |= RO_NOTE; o->note = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static const struct command *
risk_cmd(void)
{
	return cli_find("risk");
}

static enum status
app_error(struct cli *c)
{
	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, risk_cmd(), risk_options);
	return cli_option_error(c, risk_options);
}

/* -- list ------------------------------------------------------------------- */

static const struct out_col risk_cols[] = {
	{ "id", "ID", COL_INT },
	{ "opened_on", "OPENED", COL_DATE },
	{ "severity", "SEVERITY", COL_TEXT },
	{ "category", "CATEGORY", COL_TEXT },
	{ "status", "STATUS", COL_TEXT },
	{ "account", "ACCOUNT", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "description", "DESCRIPTION", COL_FREETEXT },
	{ "mitigation", "MITIGATION", COL_FREETEXT },
	{ "closed_on", "CLOSED", COL_DATE },
	{ "resolution", "RESOLUTION", COL_FREETEXT },
	{ "source", "SOURCE", COL_TEXT },
};
#define N_RISK_COLS ((int)(sizeof(risk_cols) / sizeof(risk_cols[0])))

#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

static int
risk_row_out(void *ctx, const struct risk_row *r)
{
	struct value v[N_RISK_COLS] = {
		{ V_INT, r->id, 0, NULL },
		TEXTV(r->opened_on), TEXTV(r->severity), TEXTV(r->category), TEXTV(r->status),
		TEXTV(r->account), TEXTV(r->owner), TEXTV(r->description), TEXTV(r->mitigation),
		TEXTV(r->closed_on), TEXTV(r->resolution), TEXTV(r->source),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
risk_list(struct cli *c, struct store *s, const struct risk_opts *o, int n, char **args)
{
	struct risk_filter f = { .status = o->status, .category = o->category };
	struct out out;
	enum status st;

	(void)args;
	if (n != 0)
		return cli_usage(c, risk_cmd(), "risk list takes no arguments");
	if (o->account && store_account_resolve(s, o->account, &f.account_id, c->err))
		return c->err->status;
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), risk_cols, N_RISK_COLS);
	/* On a narrow terminal, what a risk was and who owns it stay. */
	out_drop(&out, (const char *const[]){ "source", "closed_on", "resolution", "mitigation",
					      "opened_on", "status", NULL });
	st = store_risks_each(s, &f, risk_row_out, &out, c->err);
	out_end(&out);
	return st;
}

/* -- open, mitigate, close ---------------------------------------------------- */

static enum status
risk_open_cmd(struct cli *c, struct store *s, const struct risk_opts *o, int n, char **args)
{
	struct risk_open_input in = { .category = o->category, .severity = o->severity };
	struct work_done d;

	if (n != 2)
		return cli_usage(c, risk_cmd(), "risk open takes an ACCOUNT and a DESCRIPTION");
	if (!o->category)
		return cli_usage(c, risk_cmd(), "risk open needs --category C");
	if (store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	in.description = args[1];
	if (risk_open(s, c->login, &in, &d, c->err))
		return app_error(c);
	printf("risk #%lld opened", (long long)d.id);
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* mitigate and close: one risk ID and --note. */
static enum status
risk_note_cmd(struct cli *c, struct store *s, const struct risk_opts *o, int n, char **args,
	      bool close)
{
	const char *sub = close ? "close" : "mitigate";
	struct work_done d;
	int64_t id;

	if (n != 1)
		return cli_usage(c, risk_cmd(), "risk %s takes one risk ID", sub);
	if (work_ids(c, risk_cmd(), "risk", 1, args, &id))
		return c->err->status;
	if (!o->note)
		return cli_usage(c, risk_cmd(), "risk %s needs --note TEXT (%s)", sub,
				 close ? "how it was resolved" : "the plan");
	if ((close ? risk_close : risk_mitigate)(s, id, o->note, &d, c->err))
		return app_error(c);
	printf("risk #%lld %s", (long long)d.id, close ? "closed" : "mitigating");
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
risk_mitigate_cmd(struct cli *c, struct store *s, const struct risk_opts *o, int n, char **args)
{
	return risk_note_cmd(c, s, o, n, args, false);
}

static enum status
risk_close_cmd(struct cli *c, struct store *s, const struct risk_opts *o, int n, char **args)
{
	return risk_note_cmd(c, s, o, n, args, true);
}

static const struct risk_sub {
	const char *name;
	unsigned opts;             /* the RO_ bits it takes */
	enum status (*run)(struct cli *c, struct store *s, const struct risk_opts *o, int n,
			   char **args);
} risk_subs[] = {
	{ "list", RO_ACCOUNT | RO_STATUS | RO_CATEGORY, risk_list },
	{ "open", RO_CATEGORY | RO_SEVERITY, risk_open_cmd },
	{ "mitigate", RO_NOTE, risk_mitigate_cmd },
	{ "close", RO_NOTE, risk_close_cmd },
};

static enum status
cmd_risk(struct cli *c, int argc, char **argv)
{
	const struct risk_sub *sub = NULL;
	struct risk_opts o = { 0 };
	struct store *s;
	int first;

	if (cli_getopt(c, risk_cmd(), argc, argv, "", risk_options, risk_opt, &o, &first) ||
	    first < 0)
		return c->err->status;
	for (size_t i = 0; first < argc && i < sizeof(risk_subs) / sizeof(risk_subs[0]); i++)
		if (!strcmp(argv[first], risk_subs[i].name))
			sub = &risk_subs[i];
	if (!sub)
		return cli_usage(c, risk_cmd(), "expected list, open, mitigate or close");
	first++;
	for (int i = 0; risk_options[i].name; i++)
		if ((o.given & ~sub->opts) & (1u << i))
			return cli_usage(c, risk_cmd(), "risk %s does not take --%s", sub->name,
					 risk_options[i].name);
	if (cli_store(c, false, &s))
		return c->err->status;
	return sub->run(c, s, &o, argc - first, argv + first);
}

static const char cmd_risk_help[] =
	"tend risk list [--account A] [--status open|mitigating|closed|all] [--category C]\n"
	"  Risks, worst first (severity, then the oldest); by default the open and\n"
	"  mitigating ones of every account.\n"
	"tend risk open ACCOUNT --category C [--severity S] DESCRIPTION\n"
	"  Opens a risk owned by the account's owner (you, when it is pooled).\n"
	"  Categories: deployment, engagement, adoption, value, satisfaction, support,\n"
	"  sentiment, external, product, renewal; severity low, medium (default),\n"
	"  high or critical.\n"
	"tend risk mitigate ID --note TEXT\n"
	"  The risk is being mitigated: TEXT is the plan (a new plan replaces it).\n"
	"tend risk close ID --note TEXT\n"
	"  Closes the risk today; TEXT says how it was resolved.\n";

const struct command cmd_risk_entry = {
	.name = "risk",
	.args = "list | open ACCOUNT --category C DESCRIPTION | mitigate ID --note TEXT | "
		"close ID --note TEXT",
	.summary = "list, open, mitigate and close risks",
	.help = cmd_risk_help,
	.run = cmd_risk,
};
