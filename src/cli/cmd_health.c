/*
 * cmd_health.c -- `tend facts` (the fact catalog and its values).  The
 * health commands proper live in cmd_score.c.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/money.h"
#include "domain/facts.h"
#include "store/facts.h"
#include "store/store.h"

/* -- tend facts ------------------------------------------------------------- */

static const struct out_col catalog_cols[] = {
	{ "name", "FACT", COL_TEXT },
	{ "kind", "KIND", COL_TEXT },
	{ "unit", "UNIT", COL_TEXT },
	{ "description", "DESCRIPTION", COL_FREETEXT },
};

static void
print_catalog(struct cli *c)
{
	struct out o;

	out_begin(&o, stdout, cli_format(c, OUT_TABLE), catalog_cols, 4);
	for (int i = 0; i < FACT_COUNT_; i++) {
		struct value v[4] = {
			{ V_TEXT, 0, 0, fact_defs[i].name },
			{ V_TEXT, 0, 0, fact_kind_name(fact_defs[i].kind) },
			{ V_TEXT, 0, 0, fact_defs[i].unit },
			{ V_TEXT, 0, 0, fact_defs[i].description },
		};

		out_row(&o, v);
	}
	out_end(&o);
}

/* One account: fact, value, unit. */
static const struct out_col one_cols[] = {
	{ "fact", "FACT", COL_TEXT },
	{ "value", "VALUE", COL_TEXT },
	{ "unit", "UNIT", COL_TEXT },
};

static int
one_account(void *ctx, const struct fact_row *r)
{
	struct out *o = ctx;
	char text[64];

	for (int i = 0; i < FACT_COUNT_; i++) {
		struct value v[3] = {
			{ V_TEXT, 0, 0, fact_defs[i].name },
			{ V_TEXT, 0, 0, fact_text(&fact_defs[i], &r->v[i], text, sizeof(text)) },
			{ V_TEXT, 0, 0, fact_defs[i].unit },
		};

		out_row(o, v);
	}
	return 0;
}

/* Every account: one column per fact, raw values (ratios as fractions,
 * money in cents), for spreadsheets and scripts. */
struct all_ctx {
	struct out o;
	struct out_col cols[FACT_COUNT_ + 2];
};

static int
all_accounts(void *ctx, const struct fact_row *r)
{
	struct all_ctx *a = ctx;
	struct value v[FACT_COUNT_ + 2];

	v[0] = (struct value){ V_INT, r->account_id, 0, NULL };
	v[1] = (struct value){ V_TEXT, 0, 0, r->name };
	for (int i = 0; i < FACT_COUNT_; i++) {
		const struct fact_value *f = &r->v[i];

		if (!f->known)
			v[i + 2] = (struct value){ V_NULL, 0, 0, NULL };
		else if (fact_defs[i].kind == FK_LABEL)
			v[i + 2] = (struct value){ V_TEXT, 0, 0, f->label };
		else if (fact_defs[i].kind == FK_RATIO || fact_defs[i].kind == FK_NUMBER)
			v[i + 2] = (struct value){ V_REAL, 0, f->num, NULL };
		else
			v[i + 2] = (struct value){ V_INT, (int64_t)llround(f->num), 0, NULL };
	}
	out_row(&a->o, v);
	return 0;
}

static enum status
facts_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	(void)c;
	(void)arg;
	if (opt == 'a')
		*(bool *)ctx = true;
	return ST_OK;
}

static enum status
cmd_facts(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("facts");
	struct store *s;
	bool all = false;
	int64_t id;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, facts_opt, &all, &first) || first < 0)
		return c->err->status;
	if (argc - first > 1 || (all && argc - first == 1))
		return cli_usage(c, cmd, "give one ACCOUNT, or --all, or nothing");
	if (!all && argc == first) {
		print_catalog(c);
		return ST_OK;
	}
	if (cli_store(c, false, &s))
		return c->err->status;
	if (all) {
		struct all_ctx a;

		a.cols[0] = (struct out_col){ "account_id", "ID", COL_INT };
		a.cols[1] = (struct out_col){ "name", "NAME", COL_FREETEXT };
		for (int i = 0; i < FACT_COUNT_; i++)
			a.cols[i + 2] = (struct out_col){ fact_defs[i].name, NULL,
				fact_defs[i].kind == FK_LABEL ? COL_TEXT :
				fact_defs[i].kind == FK_RATIO || fact_defs[i].kind == FK_NUMBER ? COL_REAL : COL_INT };
		out_begin(&a.o, stdout, cli_format(c, OUT_CSV), a.cols, FACT_COUNT_ + 2);
		st = store_facts_each(s, c->clock.today, 0, all_accounts, &a, c->err);
		out_end(&a.o);
		return st;
	}
	if (store_account_resolve(s, argv[first], &id, c->err))
		return c->err->status;
	{
		struct out o;

		out_begin(&o, stdout, cli_format(c, OUT_TABLE), one_cols, 3);
		st = store_facts_each(s, c->clock.today, id, one_account, &o, c->err);
		out_end(&o);
	}
	return st;
}

static const char cmd_facts_help[] =
	"With no argument, lists every fact of the catalog with its kind, unit and\n"
	"formula.  With an ACCOUNT, shows that account's values as of today (--now).\n"
	"Scorecards rate accounts on these facts.\n\n"
	"  --all          every account's facts, one row each (CSV by default;\n"
	"                 ratios as fractions, money in cents, unknown values empty)\n";

const struct command cmd_facts_entry = {
	.name = "facts",
	.args = "[ACCOUNT | --all]",
	.summary = "list the facts tend computes, or their values for an account",
	.help = cmd_facts_help,
	.run = cmd_facts,
};
