/*
 * cmd_audit_list.c -- `tend audit [--account A] [--since D] [--user U]`:
 * the audit log, newest first, as a table, CSV or JSON (store/audit_log.h).
 * `tend audit verify` is cmd_audit_verify.c's; cmd_audit.c picks one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/audit_cmd.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/output.h"
#include "store/audit_log.h"
#include "store/store.h"

#define NULLV ((struct value){ V_NULL, 0, 0, NULL })
#define INTV(x) ((struct value){ V_INT, (x), 0, NULL })
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : NULLV)

/* Tables show what changed; CSV and JSON the rows before and after too. */
static const struct out_col audit_cols[] = {
	{ "id", "ID", COL_INT },
	{ "at", "AT", COL_TEXT },
	{ "user", "USER", COL_TEXT },
	{ "action", "ACTION", COL_TEXT },
	{ "table", "TABLE", COL_TEXT },
	{ "row_id", "ROW", COL_INT },
	{ "op", "OP", COL_TEXT },
	{ "changes", "CHANGES", COL_FREETEXT },
	{ "old", "OLD", COL_FREETEXT },
	{ "new", "NEW", COL_FREETEXT },
};
#define AUDIT_TABLE_COLS 8   /* old and new are for files */

static int
print_entry(void *ctx, const struct audit_entry *a)
{
	struct out *o = ctx;
	const struct value v[] = {
		INTV(a->id), TEXTV(a->at), TEXTV(a->actor), TEXTV(a->action), TEXTV(a->table),
		a->row_id ? INTV(a->row_id) : NULLV, TEXTV(a->op),
		/* a bulk action's summary is its per-table counts */
		TEXTV(a->changes ? a->changes : !strcmp(a->op, "bulk") ? a->new : NULL),
		TEXTV(a->old), TEXTV(a->new),
	};

	out_row(o, v);
	return 0;
}

struct audit_opts {
	const char *account, *user;
	int32_t since;
	bool since_set;
	long limit;
};

static enum status
audit_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct audit_opts *o = ctx;

	switch (opt) {
	case 'a': o->account = arg; return ST_OK;
	case 'u': o->user = arg; return ST_OK;
	case 's': o->since_set = true; return cli_date(c, "since", arg, &o->since);
	case 'n': return cli_int(c, "limit", arg, 1, 1000000000L, &o->limit);
	}
	return ST_SOFTWARE;
}

static enum status
audit_list(struct cli *c, struct store *s, const struct audit_opts *o)
{
	enum out_format fmt = cli_format(c, OUT_TABLE);
	struct audit_query q = { .user = o->user, .limit = o->limit };
	char since[DATE_STRLEN];
	struct out out;
	enum status st;

	if (o->account && store_account_resolve(s, o->account, &q.account_id, c->err))
		return c->err->status;
	if (o->since_set)   /* timestamps are ISO-8601: a day compares as their start */
		q.since = date_format(o->since, since);
	out_begin(&out, stdout, fmt, audit_cols, fmt == OUT_TABLE ? AUDIT_TABLE_COLS : 10);
	st = store_audit_each(s, &q, print_entry, &out, c->err);
	out_end(&out);
	return st;
}

enum status
cmd_audit_run(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "account", required_argument, NULL, 'a' },
		{ "user", required_argument, NULL, 'u' },
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct audit_opts o = { 0 };
	struct store *s;
	int first;

	if (cli_getopt(c, &cmd_audit_entry, argc, argv, "", opts, audit_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc && strcmp(argv[first], "verify"))
		return cli_usage(c, &cmd_audit_entry, "unknown subcommand '%s' (allowed: verify)", argv[first]);
	if (first < argc && (o.account || o.user || o.since_set || o.limit))
		return cli_usage(c, &cmd_audit_entry, "verify checks the whole log: it takes no option");
	if (first + 1 < argc)
		return cli_usage(c, &cmd_audit_entry, "unexpected argument '%s'", argv[first + 1]);
	if (cli_store(c, false, &s))
		return c->err->status;
	return first < argc ? cmd_audit_verify(c, s) : audit_list(c, s, &o);
}
