/*
 * cmd_sync.c -- `tend sync`: field copies of the team book and the
 * changes that go back and forth (app/sync.h, doc/sync.md).
 *
 * The book --db names is the copy; the team book is the path the copy
 * remembers, opened as the same person.  Conflicts live on the team book:
 * `conflicts` and `resolve` read and write it, from a copy or on it.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/sync.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/sync_ssh.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/sync.h"

struct sync_opts {
	bool all, team, mine;
	const char *value;
	char **accounts;            /* --accounts, split at the commas */
	size_t naccounts;
};

static void
add_accounts(struct sync_opts *o, const char *list)
{
	const char *p = list;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		while (len && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		o->accounts = xreallocarray(o->accounts, o->naccounts + 1, sizeof(*o->accounts));
		o->accounts[o->naccounts++] = xstrndup(p, len);
		if (!comma)
			break;
		p = comma + 1;
	}
}

static enum status
sync_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct sync_opts *o = ctx;

	(void)c;
	switch (opt) {
	case 'a': o->all = true; return ST_OK;
	case 'T': o->team = true; return ST_OK;
	case 'm': o->mine = true; return ST_OK;
	case 'A': add_accounts(o, arg); return ST_OK;
	case 'v': o->value = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static enum status
open_copy(void *ctx, const char *path, struct store **out, struct err *e)
{
	struct cli *c = ctx;

	(void)e;
	return cli_store_at(c, path, false, out);
}

/* The team book at source: a book on a path, or one over ssh. */
struct team_link {
	struct sync_remote r;
	struct store *store;       /* a path */
	struct sync_ssh *ssh;      /* ssh:// */
};

static enum status
link_open(struct cli *c, const char *source, struct team_link *l)
{
	enum status rs;

	memset(l, 0, sizeof(*l));
	if (sync_ssh_url(source))
		return sync_ssh_open(source, &l->r, &l->ssh, c->err);
	if ((rs = cli_store_at(c, source, false, &l->store)))
		return err_set(c->err, rs, "the team book %s cannot be opened: %s", source, c->err->msg);
	sync_remote_local(&l->r, l->store);
	return ST_OK;
}

static void
link_close(struct team_link *l)
{
	if (l->store)
		store_close(l->store);
	sync_ssh_close(l->ssh);
	memset(l, 0, sizeof(*l));
}

/* The copy (the --db book) and its team book. */
static enum status
open_both(struct cli *c, struct store **copy, struct team_link *team, struct sync_state *st)
{
	memset(team, 0, sizeof(*team));
	if (cli_store(c, false, copy) || store_sync_state(*copy, st, c->err))
		return c->err->status;
	if (!st->found)
		return err_set(c->err, ST_USAGE, "%s is not a field copy (make one with tend sync clone "
			       "TEAM-BOOK)", c->db_path);
	return link_open(c, st->source, team);
}

static enum status
sync_clone_cmd(struct cli *c, int argc, char **argv, const struct sync_opts *o)
{
	char source[PATH_MAX];
	struct team_link team;
	struct sync_scope_req req = { 0 };
	struct stat sb;
	int64_t copy;
	enum status st;

	if (argc != 1)
		return cli_usage(c, cli_find("sync"), "sync clone takes the team book (a path or ssh://HOST/PATH)");
	if (o->team && (o->mine || o->naccounts))
		return cli_usage(c, cli_find("sync"), "--team copies the whole book: it goes with neither --mine "
				 "nor --accounts");
	for (size_t i = 0; i < o->naccounts; i++)
		if (!*o->accounts[i])
			return cli_usage(c, cli_find("sync"), "--accounts names accounts, separated by commas "
					 "(an id, an external id or a name)");
	req.team = o->team;
	req.mine = o->mine || (!o->team && !o->naccounts);   /* --mine is the default */
	req.accounts = (const char *const *)o->accounts;
	req.naccounts = o->naccounts;
	cli_resolve_db(c);
	if (stat(c->db_path, &sb) == 0)
		return err_set(c->err, ST_CANTCREAT, "%s exists: a field copy is made as a new book "
			       "(give another with --db)", c->db_path);
	if (sync_ssh_url(argv[0]))
		snprintf(source, sizeof(source), "%s", argv[0]);
	else if (!realpath(argv[0], source))
		return err_set(c->err, ST_NOINPUT, "%s: no such book", argv[0]);
	if ((st = link_open(c, source, &team)))
		return st;
	st = sync_clone(&team.r, source, c->db_path, c->login, &req, open_copy, c, &copy, c->err);
	link_close(&team);
	if (st)
		return st;
	printf("copy #%lld of ", (long long)copy);
	out_text(stdout, source, false);
	printf(" made in ");
	out_text(stdout, c->db_path, false);
	if (!req.team) {
		struct store *mine;
		struct sync_state ss;

		if (cli_store(c, false, &mine) || store_sync_state(mine, &ss, c->err))
			return c->err->status;
		printf(": %lld account%s (%s)", (long long)ss.accounts, ss.accounts == 1 ? "" : "s",
		       req.mine && req.naccounts ? "yours and those named" : req.mine ? "yours" : "those named");
	} else {
		printf(": the whole book");
	}
	printf("\nwork in it with --db; tend sync brings your changes back and the team's in\n");
	return ST_OK;
}

static void
print_report(const char *what, const struct sync_report *r)
{
	printf("%s: %lld change%s, %lld row%s", what, (long long)r->changes, r->changes == 1 ? "" : "s",
	       (long long)r->rows, r->rows == 1 ? "" : "s");
	if (r->conflicts)
		printf(", %lld conflict%s kept the team's value (tend sync conflicts)", (long long)r->conflicts,
		       r->conflicts == 1 ? "" : "s");
	if (r->skipped)
		printf(", %lld row%s already so", (long long)r->skipped, r->skipped == 1 ? "" : "s");
	printf("\n");
	for (int i = 0; i < r->nrefusals; i++) {
		printf("  refused: ");
		out_text(stdout, r->refusals[i], false);
		printf("\n");
	}
	if (r->refused > r->nrefusals)
		printf("  and %lld more refused\n", (long long)(r->refused - r->nrefusals));
}

static enum status
sync_move(struct cli *c, bool push, bool pull)
{
	struct store *copy;
	struct team_link team;
	struct sync_state st;
	struct sync_report r;
	enum status rs;

	if ((rs = open_both(c, &copy, &team, &st)))
		goto out;
	if (push) {
		if ((rs = sync_push(copy, &team.r, &r, c->err)))
			goto out;
		print_report("pushed", &r);
		if (r.refused) {
			rs = err_set(c->err, ST_NOPERM, "%lld change%s refused by the team book and taken back "
				     "here (above); the rest was pushed", (long long)r.refused,
				     r.refused == 1 ? "" : "s");
			goto out;
		}
	}
	if (pull) {
		if ((rs = sync_pull(copy, &team.r, &r, c->err)))
			goto out;
		print_report("pulled", &r);
		if (r.left_out)
			printf("%lld row%s of the team's left out: %s rows this copy does not hold (a new clone "
			       "has them)\n", (long long)r.left_out, r.left_out == 1 ? "" : "s",
			       r.left_out == 1 ? "it needs" : "they need");
		if (r.unheld)
			printf("%lld account%s yours on the team book and not in this copy (handed to you since "
			       "the clone): push, then clone again to take %s\n", (long long)r.unheld,
			       r.unheld == 1 ? " is" : "s are", r.unheld == 1 ? "it" : "them");
	}
out:
	link_close(&team);
	return rs;
}

static enum status
sync_status_cmd(struct cli *c)
{
	struct store *copy;
	struct team_link team;
	struct sync_state st;
	int64_t waiting, open = 0;
	enum status rs;

	if ((rs = open_both(c, &copy, &team, &st)))
		goto out;
	if ((rs = store_sync_count_after(copy, st.pushed_through, &waiting, c->err)))
		goto out;
	printf("field copy #%lld of ", (long long)st.copy);
	out_text(stdout, st.source, false);
	printf(", made %s by ", st.cloned_at);
	out_text(stdout, st.login, false);
	if (!strcmp(st.scope, "team"))
		printf("\nholds the whole team book");
	else
		printf("\nholds %lld account%s (%s) and what hangs off them; its history starts at the clone",
		       (long long)st.accounts, st.accounts == 1 ? "" : "s",
		       !strcmp(st.scope, "mine") ? "yours, as of the clone" : "those named at the clone");
	printf("\n%lld change%s not pushed; last push %s\n", (long long)waiting, waiting == 1 ? "" : "s",
	       *st.pushed_at ? st.pushed_at : "never");
	printf("last pull %s (the team book's change #%lld)\n", *st.pulled_at ? st.pulled_at : "never",
	       (long long)st.pulled_through);
	if ((rs = team.r.open_conflicts(team.r.ctx, st.copy, &open, c->err)))
		goto out;
	if (open)
		printf("%lld open conflict%s (tend sync conflicts)\n", (long long)open, open == 1 ? "" : "s");
out:
	link_close(&team);
	return rs;
}

/* The team book: the copy's source, or the book itself.  *remote: the
 * copy's source is over ssh (the command runs there instead). */
static enum status
open_team(struct cli *c, struct store **team, bool *own, char *remote, size_t size)
{
	struct store *s;
	struct sync_state st;

	*own = false;
	*remote = '\0';
	if (cli_store(c, false, &s) || store_sync_state(s, &st, c->err))
		return c->err->status;
	if (!st.found) {
		*team = s;
		return ST_OK;
	}
	if (sync_ssh_url(st.source)) {
		snprintf(remote, size, "%s", st.source);
		return ST_OK;
	}
	*own = true;
	return cli_store_at(c, st.source, false, team);
}

/* The same sync command on the host of an ssh:// team book. */
static enum status
run_there(struct cli *c, const char *url, const char *const *args, int n)
{
	int code;
	enum status rs = sync_ssh_run(url, args, n, &code, c->err);

	if (rs)
		return rs;
	return code ? err_set(c->err, code == 64 ? ST_USAGE : code == 66 ? ST_NOINPUT : code == 77 ? ST_NOPERM
			      : ST_SOFTWARE, "the command on the team book's host failed (its words are above)")
		    : ST_OK;
}

static const struct out_col conflict_cols[] = {
	{ "id", NULL, COL_INT }, { "kind", NULL, COL_TEXT }, { "copy", NULL, COL_INT },
	{ "table", NULL, COL_TEXT }, { "row", NULL, COL_INT }, { "column", NULL, COL_TEXT },
	{ "account", NULL, COL_FREETEXT }, { "field", NULL, COL_TEXT },
	{ "original", NULL, COL_FREETEXT }, { "mine", NULL, COL_FREETEXT },
	{ "theirs", NULL, COL_FREETEXT }, { "mine_by", NULL, COL_TEXT }, { "mine_at", NULL, COL_TEXT },
	{ "theirs_by", NULL, COL_TEXT }, { "theirs_at", NULL, COL_TEXT }, { "status", NULL, COL_TEXT },
};

static struct value
txt(const char *s)
{
	return (struct value){ .kind = s && *s ? V_TEXT : V_NULL, .s = s };
}

static int
print_conflict(void *ctx, const struct sync_conflict *k)
{
	struct value v[] = {
		{ .kind = V_INT, .i = k->id }, txt(k->kind), { .kind = V_INT, .i = k->copy }, txt(k->table),
		{ .kind = V_INT, .i = k->row_id }, txt(k->column), txt(k->account), txt(k->field),
		txt(k->original), txt(k->mine),
		txt(k->theirs), txt(k->mine_by), txt(k->mine_at), txt(k->theirs_by), txt(k->theirs_at),
		txt(k->status),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
sync_conflicts_cmd(struct cli *c, int argc, bool all)
{
	struct store *team;
	struct out o;
	bool own;
	enum status rs;

	char remote[1024];

	if (argc)
		return cli_usage(c, cli_find("sync"), "sync conflicts takes no arguments");
	if ((rs = open_team(c, &team, &own, remote, sizeof(remote))))
		return rs;
	if (*remote) {
		const char *args[] = { "sync", "conflicts", "--format", cli_format(c, OUT_TABLE) == OUT_CSV ? "csv"
				       : cli_format(c, OUT_TABLE) == OUT_JSON ? "json" : "table", all ? "--all" : NULL };

		return run_there(c, remote, args, all ? 5 : 4);
	}
	out_begin(&o, stdout, cli_format(c, OUT_TABLE), conflict_cols,
		  (int)(sizeof(conflict_cols) / sizeof(conflict_cols[0])));
	rs = store_sync_conflicts(team, !all, print_conflict, &o, c->err);
	out_end(&o);
	if (own)
		store_close(team);
	return rs;
}

static enum status
sync_resolve_cmd(struct cli *c, int argc, char **argv, const char *value)
{
	struct store *team;
	const char *how;
	bool own;
	long id;
	enum status rs;

	if (argc == 1 && value) {
		how = "edit";
	} else if (argc == 2 && !value && (!strcmp(argv[1], "mine") || !strcmp(argv[1], "theirs"))) {
		how = argv[1];
	} else {
		return cli_usage(c, cli_find("sync"), "sync resolve ID mine|theirs|--value V");
	}
	char remote[1024];

	if (cli_int(c, "ID", argv[0], 1, LONG_MAX, &id))
		return c->err->status;
	if ((rs = open_team(c, &team, &own, remote, sizeof(remote))))
		return rs;
	if (*remote) {
		const char *args[] = { "sync", "resolve", argv[0], value ? "--value" : how, value };

		return run_there(c, remote, args, value ? 5 : 4);
	}
	rs = sync_resolve(team, id, how, value, c->err);
	if (!rs)
		printf("sync conflict #%ld resolved: %s\n", id, !strcmp(how, "edit") ? "edited" : how);
	if (own)
		store_close(team);
	return rs;
}

static enum status
sync_sub(struct cli *c, const struct command *cmd, int argc, char **argv, int first, struct sync_opts *o)
{
	const char *sub;

	if (first < argc && strcmp(argv[first], "clone") && (o->mine || o->naccounts))
		return cli_usage(c, cmd, "--mine and --accounts say what sync clone copies");
	if (first >= argc)
		return sync_move(c, true, true);
	sub = argv[first++];
	argc -= first;
	argv += first;
	if (!strcmp(sub, "clone"))
		return sync_clone_cmd(c, argc, argv, o);
	if (!strcmp(sub, "push") || !strcmp(sub, "pull")) {
		bool push = !strcmp(sub, "push");

		if (argc)
			return cli_usage(c, cmd, "sync %s takes no arguments", sub);
		return sync_move(c, push, !push);
	}
	if (!strcmp(sub, "status")) {
		if (argc)
			return cli_usage(c, cmd, "sync status takes no arguments");
		return sync_status_cmd(c);
	}
	if (!strcmp(sub, "serve")) {
		struct store *team;

		if (argc)
			return cli_usage(c, cmd, "sync serve takes no arguments");
		if (cli_store(c, false, &team))
			return c->err->status;
		return sync_serve(team, c->login, stdin, stdout, c->err);
	}
	if (!strcmp(sub, "conflicts"))
		return sync_conflicts_cmd(c, argc, o->all);
	if (!strcmp(sub, "resolve"))
		return sync_resolve_cmd(c, argc, argv, o->value);
	return cli_usage(c, cmd, "'%s' is not clone, push, pull, status, conflicts or resolve", sub);
}

static enum status
cmd_sync(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "team", no_argument, NULL, 'T' },
		{ "mine", no_argument, NULL, 'm' },
		{ "accounts", required_argument, NULL, 'A' },
		{ "value", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("sync");
	struct sync_opts o = { 0 };
	int first;
	enum status rs;

	if (cli_getopt(c, cmd, argc, argv, "", opts, sync_opt, &o, &first) || first < 0) {
		rs = c->err->status;
		goto out;
	}
	rs = sync_sub(c, cmd, argc, argv, first, &o);
out:
	for (size_t i = 0; i < o.naccounts; i++)
		free(o.accounts[i]);
	free(o.accounts);
	return rs;
}

static const char cmd_sync_help[] =
	"A field copy is a copy of your accounts in the team book, on your laptop,\n"
	"to work in with no network; sync brings your changes back and the\n"
	"team's to those accounts in.\n\n"
	"tend --db COPY sync clone TEAM-BOOK [--mine] [--accounts LIST | --team]\n"
	"  Makes COPY (a new file) a copy of TEAM-BOOK, as one consistent read;\n"
	"  the copy remembers where it came from.  --mine (the default): the\n"
	"  accounts you own, with everything that hangs off them and the users,\n"
	"  teams and reference data; nothing of other accounts and no history\n"
	"  from before the clone.  --accounts LIST: those named (ids, external\n"
	"  ids or names, separated by commas), with yours too if --mine is given.\n"
	"  --team: the whole book, history and all.  Rows made in it get ids no\n"
	"  other copy or the team book uses.  TEAM-BOOK is a path,\n"
	"  ssh://HOST/PATH (runs 'ssh HOST tend --db PATH sync serve'; no daemon)\n"
	"  or ssh://tend@HOST (the service account's forced command names the\n"
	"  book); $TEND_SYNC_SSH names another program than ssh.\n"
	"tend --db COPY sync [push | pull]\n"
	"  push sends the changes made in the copy since the last push, applied\n"
	"  on the team book as you (a change you could not make there directly\n"
	"  is refused and said, the rest lands), once however often it is\n"
	"  retried; pull brings the team's changes since the last pull, to the\n"
	"  copy's accounts only (after a push: a copy with changes not pushed\n"
	"  refuses to pull).  With neither,\n"
	"  both.  The same field changed on both sides keeps the team book's\n"
	"  value and records both as a conflict; so does a row deleted on one\n"
	"  side and changed on the other.\n"
	"tend --db COPY sync status\n"
	"  What is waiting to go up, the last push and pull, open conflicts.\n"
	"tend sync conflicts [--all]\n"
	"  The open conflicts (all of them with --all), on the team book: from a\n"
	"  copy, of its source.\n"
	"tend sync resolve ID mine|theirs|--value V\n"
	"  Resolves one: theirs keeps the team's value, mine writes the copy's,\n"
	"  --value writes V, each as an ordinary audited change.\n"
	"tend sync serve\n"
	"  What the ssh side runs: answers a copy on standard input and output.\n";

const struct command cmd_sync_entry = {
	.name = "sync",
	.args = "[clone TEAM-BOOK [--mine] [--accounts LIST | --team] | push | pull | status | conflicts [--all] | resolve ID mine|theirs|--value V | serve]",
	.summary = "field copies of the team book: clone one, push its changes, pull the team's",
	.help = cmd_sync_help,
	.run = cmd_sync,
};
