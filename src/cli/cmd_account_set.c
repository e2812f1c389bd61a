/*
 * cmd_account_set.c -- `tend account set`: change an account's owner, AM,
 * RM, segment, touch model, package, stage, partner, seats, tags and notes
 * in one audited change (app/account_edit.h), and say what changed; or the
 * same change to many accounts at once, named or chosen by --where with
 * the filters of `tend accounts`, after saying how many and asking.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/account_cmd.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/store.h"

const struct option account_set_options[] = {
	{ "owner", required_argument, NULL, 'o' },
	{ "am", required_argument, NULL, 'A' },
	{ "rm", required_argument, NULL, 'R' },
	{ "segment", required_argument, NULL, 'g' },
	{ "touch", required_argument, NULL, 'T' },
	{ "package", required_argument, NULL, 'P' },
	{ "stage", required_argument, NULL, 's' },
	{ "partner", required_argument, NULL, 'p' },
	{ "seats", required_argument, NULL, 'S' },
	{ "tag", required_argument, NULL, 't' },
	{ "notes", required_argument, NULL, 'n' },
	{ "where", required_argument, NULL, 'W' },
	{ "yes", no_argument, NULL, 'y' },
	{ NULL, 0, NULL, 0 },
};

enum status
account_set_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct account_set_opts *o = ctx;
	struct account_edit_input *in = &o->in;
	long v;

	switch (opt) {
	case 'W': o->where = arg; return ST_OK;
	case 'y': o->yes = true; return ST_OK;
	}
	o->given++;
	switch (opt) {
	case 'o': in->owner = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'A': in->am = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'R': in->rm = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'g': in->segment = arg; return cli_choice(c, "segment", arg, segment_names);
	case 'T': in->touch_model = arg; return cli_choice(c, "touch", arg, touch_model_names);
	case 'P': in->package = arg; return cli_choice(c, "package", arg, package_names);
	case 's': in->stage = arg; return cli_choice(c, "stage", arg, stage_names);
	case 'p': in->partner = arg; return ST_OK;
	case 'S':
		if (cli_int(c, "seats", arg, 1, 100000000, &v))
			return c->err->status;
		in->seats = v;
		in->has_seats = true;
		return ST_OK;
	case 't':
		if (in->ntags >= ACCOUNT_EDIT_MAX_TAGS)
			return err_set(c->err, ST_USAGE, "--tag: at most %d at once", ACCOUNT_EDIT_MAX_TAGS);
		in->tags[in->ntags++] = arg;
		return ST_OK;
	case 'n': in->notes = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

/* -- the selection -------------------------------------------------------------- */

struct ids {
	int64_t *v;
	size_t n, cap;
};

static void
add_id(struct ids *ids, int64_t id)
{
	for (size_t i = 0; i < ids->n; i++)
		if (ids->v[i] == id)
			return;   /* named twice: changed once */
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 64;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof(*ids->v));
	}
	ids->v[ids->n++] = id;
}

static int
collect(void *ctx, const struct account_row *a)
{
	struct ids *ids = ctx;

	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 1024;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof(*ids->v));
	}
	ids->v[ids->n++] = a->id;
	return 0;
}

/* --where "owner=amara segment=smb": the filters of `tend accounts`, as
 * KEY=VALUE words separated by blanks or commas. */
static enum status
parse_where(struct cli *c, char *text, struct account_filter *f)
{
	static const char *const keys[] = { "owner", "segment", "stage", "tag", "renewing-within", NULL };
	long days;

	for (char *w = strtok(text, " ,"); w; w = strtok(NULL, " ,")) {
		char *eq = strchr(w, '=');
		const char *hint;

		if (!eq || eq == w || !eq[1])
			return err_set(c->err, ST_USAGE, "--where: '%s' is not KEY=VALUE (owner=, segment=, "
				       "stage=, tag=, renewing-within=)", w);
		*eq = '\0';
		switch (names_lookup(keys, w)) {
		case 0: cli_owner(c, eq + 1, f); break;
		case 1: f->segment = eq + 1; if (cli_choice(c, "where: segment", eq + 1, segment_names)) return ST_USAGE; break;
		case 2: f->stage = eq + 1; if (cli_choice(c, "where: stage", eq + 1, stage_names)) return ST_USAGE; break;
		case 3: f->tag = eq + 1; break;
		case 4:
			if (cli_int(c, "where: renewing-within", eq + 1, 0, 100000, &days))
				return c->err->status;
			f->renewing_within = (int)days;
			break;
		default:
			hint = names_suggest(keys, w);
			return hint ? err_set(c->err, ST_USAGE, "--where: no filter '%s'; did you mean '%s'?", w, hint)
				    : err_set(c->err, ST_USAGE, "--where: no filter '%s' (owner, segment, stage, tag, "
					      "renewing-within)", w);
		}
	}
	return ST_OK;
}

/* The accounts named (ACCOUNT words, each possibly "a,b,c") or chosen by
 * --where. */
static enum status
select_accounts(struct cli *c, struct store *s, struct account_set_opts *o, int n, char **args,
		struct ids *ids)
{
	if (o->where) {
		struct account_query q = { .filter = ACCOUNT_FILTER_ANY, .sort = "id" };
		char *text = xstrdup(o->where);
		enum status st = parse_where(c, text, &q.filter);

		if (!st)
			st = cli_known_owner(c, s, "where: owner", &q.filter);
		if (!st)
			st = store_accounts_each(s, &q, collect, ids, c->err);
		free(text);
		return st;
	}
	for (int i = 0; i < n; i++) {
		char *list = xstrdup(args[i]), *save = NULL;

		for (char *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
			int64_t id;

			if (store_account_resolve(s, name, &id, c->err)) {
				free(list);
				return c->err->status;
			}
			add_id(ids, id);
		}
		free(list);
	}
	return ST_OK;
}

/* Many accounts change only when the user says so: --yes, or y at the
 * prompt on a terminal. */
static enum status
confirm(struct cli *c, const struct account_set_opts *o, size_t n)
{
	char answer[16];

	if (o->yes || n <= 1)
		return ST_OK;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(c->err, ST_USAGE, "account set: this changes %zu accounts; add --yes to change them",
			       n);
	printf("Change %zu accounts? [y/N] ", n);
	fflush(stdout);
	if (!fgets(answer, sizeof(answer), stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
		return err_set(c->err, ST_USAGE, "account set: nothing was changed");
	return ST_OK;
}

/* Each account's line, for a selection small enough to read. */
#define BULK_LINES 20

struct printing {
	size_t n;
	struct buf line;
};

static void
print_each(void *ctx, const struct edit_report *r)
{
	struct printing *p = ctx;

	if (!r->changes || p->n++ >= BULK_LINES)
		return;
	out_text(stdout, edit_report_line(r, &p->line), false);
	putchar('\n');
}

static enum status
account_set_many(struct cli *c, struct store *s, struct account_set_opts *o, const struct ids *ids)
{
	struct printing p = { 0 };
	struct account_bulk res;
	enum status st;

	if (!ids->n) {
		printf("account set: no account matches\n");
		return ST_OK;
	}
	if ((st = confirm(c, o, ids->n)))
		return st;
	buf_init(&p.line);
	st = account_edit_many(s, c->login, ids->v, ids->n, &o->in, &res, print_each, &p, c->err);
	buf_done(&p.line);
	if (st)
		return cli_option_error(c, account_set_options);
	if (p.n > BULK_LINES)
		printf("... and %zu more\n", p.n - BULK_LINES);
	printf("account set: %zu account%s changed, %zu already so\n", res.changed, res.changed == 1 ? "" : "s",
	       res.unchanged);
	return ST_OK;
}

enum status
account_set(struct cli *c, struct account_set_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("account");
	struct edit_report rep;
	struct buf line;
	struct store *s;
	enum status st;

	if (!n && !o->where)
		return cli_usage(c, cmd, "account set takes an ACCOUNT, several, or --where FILTER");
	if (n && o->where)
		return cli_usage(c, cmd, "account set: name the accounts or give --where, not both");
	if (!o->given)
		return cli_usage(c, cmd, "account set: say what to change (--stage, --owner, ...)");
	if (cli_store(c, false, &s))
		return c->err->status;
	if (o->where || n > 1 || strchr(args[0], ',')) {
		struct ids ids = { 0 };

		st = select_accounts(c, s, o, n, args, &ids);
		if (!st)
			st = account_set_many(c, s, o, &ids);
		free(ids.v);
		return st;
	}
	if (store_account_resolve(s, args[0], &o->in.account_id, c->err))
		return c->err->status;
	edit_report_init(&rep);
	st = account_edit(s, c->login, &o->in, &rep, c->err);
	if (st) {
		edit_report_done(&rep);
		return cli_option_error(c, account_set_options);
	}
	buf_init(&line);
	out_text(stdout, edit_report_line(&rep, &line), false);
	putchar('\n');
	buf_done(&line);
	edit_report_done(&rep);
	return ST_OK;
}
