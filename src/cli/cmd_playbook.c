/*
 * cmd_playbook.c -- `tend playbook` (check, run, list, sql) and `tend inbox`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/json.h"
#include "app/actions.h"
#include "app/playbook_set.h"
#include "domain/playbook.h"
#include "app/playbook_run.h"
#include "store/account_facts.h"
#include "store/playbook_store.h"
#include "store/rule_sql.h"
#include "store/store.h"

struct pb_opts {
	bool dry_run, summary, all, done, live, undelivered;
	const char *rule, *dir;
};

static enum status
pb_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct pb_opts *o = ctx;

	(void)c;
	switch (opt) {
	case 'n': o->dry_run = true; break;
	case 's': o->summary = true; break;
	case 'r': o->rule = arg; break;
	case 'P': o->dir = arg; break;
	case 'a': o->all = true; break;
	case 'D': o->done = true; break;
	case 'L': o->live = true; break;
	case 'U': o->undelivered = true; break;
	}
	return ST_OK;
}


/* The set in force; its problems are printed and make it ST_DATA. */
static enum status
load(struct cli *c, const struct pb_opts *o, struct playbook_set *set)
{
	playbook_set_init(set);
	if (playbook_set_load(set, o->dir, c->err, cli_report_diag, NULL)) {
		playbook_set_free(set);
		if (c->err->status == ST_DATA)
			err_wrap(c->err, "nothing was run");
		return c->err->status;
	}
	return ST_OK;
}

/* -- check ------------------------------------------------------------------ */

static enum status
pb_check(struct cli *c, const struct pb_opts *o, int n, char **files)
{
	struct playbook_set set;
	size_t bad;

	if (n == 0) {
		if (load(c, o, &set))
			return c->err->status;
		printf("%zu rules and %zu templates ok (%s)\n", set.nrules, set.ntemplates, set.source);
		playbook_set_free(&set);
		return ST_OK;
	}
	bad = playbook_check_files((const char *const *)files, n, c->err, cli_report_diag, NULL);
	if (c->err->status)
		return c->err->status;
	if (bad)
		return err_set(c->err, ST_DATA, "%zu problem%s in %d file%s", bad, bad == 1 ? "" : "s", n,
			       n == 1 ? "" : "s");
	for (int i = 0; i < n; i++)
		printf("%s: ok\n", files[i]);
	return ST_OK;
}

/* -- run -------------------------------------------------------------------- */

#define PB_NOTE_ACCOUNTS 20000   /* a book this big is worth a note on slow facts */

static void
say(const char *s)
{
	out_text(stdout, s ? s : "", false);
}

/* One action's line: its name, what it does laid out as its report's form
 * says, then whom it is for and when it is due. */
static void
print_act(const struct pb_act_report *a)
{
	printf("    %-11s ", a->action);
	switch (a->form) {
	case PB_FORM_MESSAGE:
		say(a->who);
		printf(": \"");
		say(a->what);
		printf("\"");
		break;
	case PB_FORM_CHANGE:
		say(a->what);
		if (a->unchanged)
			printf(" (already)");
		else if (a->detail) {
			printf(" (was ");
			say(a->detail);
			printf(")");
		}
		break;
	case PB_FORM_ITEM:
		printf("\"");
		say(a->what);
		printf("\"");
		if (a->detail) {
			printf("  ");
			say(a->detail);
		}
		if (a->items)
			printf(", %zu items", a->items);
		break;
	}
	if (a->who && a->form != PB_FORM_MESSAGE) {
		printf("  -> ");
		say(a->who);
	}
	if (a->due)
		printf("  due %s", a->due);
	printf("\n");
}

/* On a big book, say why an evaluation on live facts was slow and how to
 * make the next one fast (a small book evaluates live in a blink). */
static void
facts_note(const struct pb_report *r, bool live)
{
	if (r->facts_stored || live || r->accounts < PB_NOTE_ACCOUNTS)
		return;
	if (r->facts_as_of[0])
		printf("facts computed from the book: those stored are as of %s; ", r->facts_as_of);
	else
		printf("facts computed from the book: those stored are out of date; ");
	printf("'tend health recompute' first stores them for a faster run\n");
}

static void
print_text(const struct pb_report *r, bool summary, bool live)
{
	char day[DATE_STRLEN];
	int64_t fired = 0;
	size_t f = 0;

	printf("playbook run as of %s%s\n", date_format(r->day, day),
	       r->dry_run ? " (dry run: nothing written)" : "");
	for (size_t i = 0; i < r->nrules; i++) {
		const struct pb_rule_report *rr = &r->rules[i];

		printf("%s: %lld matched, %lld %s, %lld already fired\n", rr->rule_id,
		       (long long)rr->matched, (long long)rr->fired, r->dry_run ? "would fire" : "fired",
		       (long long)rr->already);
		fired += rr->fired;
		for (; f < r->nfires && !strcmp(r->fires[f].rule_id, rr->rule_id); f++) {
			const struct pb_fire_report *fr = &r->fires[f];

			if (summary)
				continue;
			printf("  ");
			say(fr->account);
			printf(" ");
			say(fr->account_name);
			printf(" [%s]\n", fr->scope_key);
			for (size_t k = 0; k < fr->nacts; k++)
				print_act(&fr->acts[k]);
		}
	}
	if (r->nsteps)
		printf("escalations:\n");
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct pb_step_report *s = &r->steps[i];

		printf("  %s ", s->rule_id);
		say(s->account);
		printf(" ");
		say(s->account_name);
		if (!s->level) {
			printf(": stopped (%s)\n", s->resolution);
			continue;
		}
		printf(": L%d -> ", s->level);
		say(s->to);
		printf(" \"");
		say(s->request);
		printf("\"");
		if (s->due)
			printf(" (act by %s)", s->due);
		printf("\n");
	}
	if (r->orphans)
		printf("%zu open escalation%s belong to rules no longer in the playbooks; left as they are\n",
		       r->orphans, r->orphans == 1 ? "" : "s");
	for (size_t i = 0; i < r->nnotices; i++) {
		printf("note: ");
		say(r->notices[i]);
		printf("\n");
	}
	printf("%zu rule%s, %lld firing%s, %zu escalation change%s%s\n", r->nrules,
	       r->nrules == 1 ? "" : "s", (long long)fired, fired == 1 ? "" : "s", r->nsteps,
	       r->nsteps == 1 ? "" : "s", r->dry_run ? " (dry run)" : "");
	facts_note(r, live);
}

static void
json_strkey(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	json_str(j, v);
}

static void
print_json(const struct pb_report *r)
{
	struct json j;
	char day[DATE_STRLEN];

	json_init(&j, stdout);
	json_obj_begin(&j);
	json_strkey(&j, "as_of", date_format(r->day, day));
	json_key(&j, "dry_run");
	json_bool(&j, r->dry_run);
	json_key(&j, "run_id");
	if (r->run_id)
		json_int(&j, r->run_id);
	else
		json_str(&j, NULL);
	json_key(&j, "eval_ms");
	json_real(&j, r->eval_ms);
	json_strkey(&j, "facts", r->facts_stored ? "stored" : "live");
	json_strkey(&j, "facts_as_of", r->facts_as_of[0] ? r->facts_as_of : NULL);
	json_key(&j, "rules");
	json_arr_begin(&j);
	for (size_t i = 0; i < r->nrules; i++) {
		json_obj_begin(&j);
		json_strkey(&j, "rule", r->rules[i].rule_id);
		json_key(&j, "matched");
		json_int(&j, r->rules[i].matched);
		json_key(&j, "fired");
		json_int(&j, r->rules[i].fired);
		json_key(&j, "already");
		json_int(&j, r->rules[i].already);
		json_key(&j, "ms");
		json_real(&j, r->rules[i].ms);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "firings");
	json_arr_begin(&j);
	for (size_t i = 0; i < r->nfires; i++) {
		const struct pb_fire_report *f = &r->fires[i];

		json_obj_begin(&j);
		json_strkey(&j, "rule", f->rule_id);
		json_strkey(&j, "account", f->account);
		json_strkey(&j, "account_name", f->account_name);
		json_strkey(&j, "scope", f->scope_key);
		json_key(&j, "actions");
		json_arr_begin(&j);
		for (size_t k = 0; k < f->nacts; k++) {
			const struct pb_act_report *a = &f->acts[k];

			json_obj_begin(&j);
			json_strkey(&j, "action", a->action);
			json_strkey(&j, "what", a->what);
			json_strkey(&j, "detail", a->detail);
			json_strkey(&j, "who", a->who);
			json_strkey(&j, "due", a->due);
			if (a->items) {
				json_key(&j, "items");
				json_int(&j, (int64_t)a->items);
			}
			json_obj_end(&j);
		}
		json_arr_end(&j);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "escalations");
	json_arr_begin(&j);
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct pb_step_report *s = &r->steps[i];

		json_obj_begin(&j);
		json_strkey(&j, "rule", s->rule_id);
		json_strkey(&j, "account", s->account);
		json_key(&j, "level");
		json_int(&j, s->level);
		json_strkey(&j, "to", s->to);
		json_strkey(&j, "request", s->request);
		json_strkey(&j, "due", s->due);
		json_strkey(&j, "resolution", s->resolution);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "notices");
	json_arr_begin(&j);
	for (size_t i = 0; i < r->nnotices; i++)
		json_str(&j, r->notices[i]);
	json_arr_end(&j);
	json_obj_end(&j);
	fputc('\n', stdout);
}

static enum status
pb_run(struct cli *c, const struct pb_opts *o)
{
	struct pb_run_opts ro = { .day = c->clock.today, .dry_run = o->dry_run, .only_rule = o->rule,
				  .live_facts = o->live, .notify = c->conf.notify };
	struct playbook_set set;
	struct pb_report rep;
	struct store *s;
	enum status st;

	if (load(c, o, &set))
		return c->err->status;
	if (cli_store(c, false, &s)) {
		playbook_set_free(&set);
		return c->err->status;
	}
	st = playbook_run(s, &set, &ro, &rep, c->err);
	if (cli_format(c, OUT_TABLE) == OUT_JSON)
		print_json(&rep);
	else
		print_text(&rep, o->summary, o->live);
	pb_report_free(&rep);
	playbook_set_free(&set);
	return st;
}

/* -- list and sql ------------------------------------------------------------- */

static const struct out_col list_cols[] = {
	{ "rule", "RULE", COL_TEXT },
	{ "enabled", "ON", COL_BOOL },
	{ "once", "ONCE", COL_TEXT },
	{ "last_run", "LAST RUN", COL_DATE },
	{ "matched", "MATCHED", COL_INT },
	{ "fired", "FIRED", COL_INT },
	{ "firings", "FIRINGS", COL_INT },
	{ "open_escalations", "ESCALATING", COL_INT },
	{ "file", "FILE", COL_TEXT },
	{ "description", "DESCRIPTION", COL_FREETEXT },
};

static enum status
pb_list(struct cli *c, const struct pb_opts *o)
{
	struct playbook_set set;
	struct store *s;
	struct out out;
	enum status st = ST_OK;
	char once[32];

	if (load(c, o, &set))
		return c->err->status;
	if (cli_store(c, false, &s)) {
		playbook_set_free(&set);
		return c->err->status;
	}
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), list_cols, 10);
	for (size_t i = 0; !st && i < set.nrules; i++) {
		const struct pb_rule *r = set.rules[i];
		struct pb_rule_stats ps;

		if ((st = store_pb_rule_stats(s, r->id, &ps, c->err)))
			break;
		if (r->once == PB_ONCE_PERIOD)
			snprintf(once, sizeof(once), "%dd", r->period_days);
		else
			snprintf(once, sizeof(once), "%s", r->once == PB_ONCE_RENEWAL ? "renewal" : "account");
		struct value v[10] = {
			{ V_TEXT, 0, 0, r->id },
			{ V_INT, r->enabled, 0, NULL },
			{ V_TEXT, 0, 0, once },
			{ ps.last_run[0] ? V_TEXT : V_NULL, 0, 0, ps.last_run },
			{ ps.last_run[0] ? V_INT : V_NULL, ps.last_matched, 0, NULL },
			{ ps.last_run[0] ? V_INT : V_NULL, ps.last_fired, 0, NULL },
			{ V_INT, ps.firings, 0, NULL },
			{ V_INT, ps.open_escalations, 0, NULL },
			{ V_TEXT, 0, 0, r->file },
			{ V_TEXT, 0, 0, r->description },
		};
		out_row(&out, v);
	}
	out_end(&out);
	playbook_set_free(&set);
	return st;
}

static enum status
pb_sql(struct cli *c, const struct pb_opts *o, const char *id)
{
	struct playbook_set set;
	const struct pb_rule *r;
	struct rule_sql q;
	struct stored_facts sf = { 0 };
	struct store *s;
	struct buf b;
	char day[DATE_STRLEN];

	if (load(c, o, &set))
		return c->err->status;
	if (!(r = playbook_find(&set, id))) {
		playbook_set_free(&set);
		return err_set(c->err, ST_USAGE, "no rule '%s' in the playbooks in force", id);
	}
	/* The statement a run would execute now: on stored facts or not.
	 * Without a book there are none, and the rule still compiles. */
	if (!o->live && !cli_store(c, false, &s) && store_account_facts_state(s, c->clock.today, &sf, c->err)) {
		playbook_set_free(&set);
		return c->err->status;
	}
	if (c->err->status == ST_NOINPUT)
		*c->err = (struct err){ 0 };
	else if (c->err->status) {
		playbook_set_free(&set);
		return c->err->status;
	}
	rule_sql_compile(r, sf.fresh, &q);
	printf("-- ");
	say(r->id);
	printf(": %s\n", sf.fresh ? "reads the facts stored by 'tend health recompute'"
	       : "computes its facts from the book");
	buf_init(&b);
	rule_sql_inline(&q, date_format(c->clock.today, day), r->id, &b);
	out_text(stdout, b.data, true);
	printf(";\n");
	buf_done(&b);
	rule_sql_done(&q);
	playbook_set_free(&set);
	return ST_OK;
}

static const struct option pb_options[] = {
	{ "dry-run", no_argument, NULL, 'n' },
	{ "summary", no_argument, NULL, 's' },
	{ "rule", required_argument, NULL, 'r' },
	{ "playbooks", required_argument, NULL, 'P' },
	{ "live-facts", no_argument, NULL, 'L' },
	{ NULL, 0, NULL, 0 },
};

static const struct option inbox_options[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "done", no_argument, NULL, 'D' },
	{ "undelivered", no_argument, NULL, 'U' },
	{ NULL, 0, NULL, 0 },
};

static enum status
cmd_playbook(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("playbook");
	struct pb_opts o = { 0 };
	const char *sub = "list";
	int first, n;

	if (cli_getopt(c, cmd, argc, argv, "", pb_options, pb_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		sub = argv[first++];
	n = argc - first;
	if (!strcmp(sub, "check"))
		return pb_check(c, &o, n, argv + first);
	if (!strcmp(sub, "run"))
		return n ? cli_usage(c, cmd, "playbook run takes no arguments") : pb_run(c, &o);
	if (!strcmp(sub, "list"))
		return n ? cli_usage(c, cmd, "playbook list takes no arguments") : pb_list(c, &o);
	if (!strcmp(sub, "sql"))
		return n != 1 ? cli_usage(c, cmd, "playbook sql takes one RULE") : pb_sql(c, &o, argv[first]);
	return cli_usage(c, cmd, "'%s' is not check, run, list or sql", sub);
}

static const char cmd_playbook_help[] =
	"tend playbook [list]\n"
	"  Each rule in force: enabled, idempotency scope, its last run (date, accounts\n"
	"  matched and fired), firings so far, open escalations, file and description.\n"
	"tend playbook run [--dry-run] [--rule ID] [--summary] [--live-facts]\n"
	"  Evaluates every enabled rule as of today (--now) over the whole book.  Accounts\n"
	"  whose condition holds and that the rule has not fired for in its scope (once\n"
	"  per account, per renewal or per period) fire: the rule's actions are written in\n"
	"  one transaction per rule, with source playbook:RULE, audited.  Then open\n"
	"  escalations climb when their next step is due and no 'unless' holds.  Prints\n"
	"  what it did; --dry-run prints the same report and writes nothing.  Running it\n"
	"  again the same day does nothing more: safe in cron.  --format json for scripts.\n"
	"  Rules read the facts today's 'tend health recompute' stored while nothing they\n"
	"  come from has changed since, else compute them from the book (slower); so the\n"
	"  cron line is 'tend health recompute && tend playbook run'.  --live-facts always\n"
	"  computes them.\n"
	"tend playbook check [FILE...]\n"
	"  Validates playbook files (default: the ones in force); every problem is shown as\n"
	"  FILE:LINE:COLUMN and makes it exit with 65.  Nothing runs while any file of the\n"
	"  set in force has a problem.\n"
	"tend playbook sql RULE [--live-facts]\n"
	"  The SQL statement the rule compiles to, with its parameters written in: the\n"
	"  one a run would use now (on stored facts or not, as its first line says).\n\n"
	"  --playbooks DIR   use only the *.yaml files in DIR (default: the shipped\n"
	"                    playbooks, then $XDG_CONFIG_HOME/tend/playbooks/*.yaml,\n"
	"                    whose rules replace shipped ones of the same id)\n\n"
	"man tend-playbook(5) documents the format.\n";

const struct command cmd_playbook_entry = {
	.name = "playbook",
	.args = "[list | run | check [FILE...] | sql RULE] [--dry-run] [--rule ID] "
		"[--playbooks DIR] [--summary] [--live-facts]",
	.summary = "run the playbooks: rules that create tasks, risks and escalations",
	.help = cmd_playbook_help,
	.run = cmd_playbook,
};

/* -- inbox ---------------------------------------------------------------------- */

static const struct out_col inbox_cols[] = {
	{ "id", "ID", COL_INT },
	{ "created_on", "DATE", COL_DATE },
	{ "kind", "KIND", COL_TEXT },
	{ "level", "L", COL_INT },
	{ "account", "ACCOUNT", COL_FREETEXT },
	{ "to", "TO", COL_TEXT },
	{ "redirected_from", "REDIRECTED FROM", COL_TEXT },
	{ "due_date", "ACT BY", COL_DATE },
	{ "status", "STATUS", COL_TEXT },
	{ "message", "MESSAGE", COL_FREETEXT },
	{ "source", "SOURCE", COL_TEXT },
};

/* TO is the user, else the address, else (undelivered) the role asked. */
static int
inbox_row(void *ctx, const struct inbox_item *it)
{
	struct value v[11] = {
		{ V_INT, it->id, 0, NULL },
		{ V_TEXT, 0, 0, it->created_on },
		{ V_TEXT, 0, 0, it->kind },
		{ V_INT, it->level, 0, NULL },
		{ it->account_name ? V_TEXT : V_NULL, 0, 0, it->account_name },
		{ V_TEXT, 0, 0, it->recipient ? it->recipient : it->address ? it->address : it->role },
		{ it->redirected_from ? V_TEXT : V_NULL, 0, 0, it->redirected_from },
		{ it->due_date ? V_TEXT : V_NULL, 0, 0, it->due_date },
		{ V_TEXT, 0, 0, it->status },
		{ V_TEXT, 0, 0, it->message },
		{ V_TEXT, 0, 0, it->source },
	};

	out_row(ctx, v);
	return 0;
}

static enum status
cmd_inbox(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("inbox");
	struct pb_opts o = { 0 };
	struct store *s;
	struct out out;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", inbox_options, pb_opt, &o, &first) || first < 0)
		return c->err->status;
	if (cli_store(c, false, &s))
		return c->err->status;
	if (first < argc && !strcmp(argv[first], "done")) {
		int n = argc - first - 1, done = 0, skipped = 0;
		int64_t *ids;

		if (n < 1)
			return cli_usage(c, cmd, "inbox done takes one or more item ids");
		ids = calloc((size_t)n, sizeof(*ids));
		for (int i = 0; i < n; i++) {
			long v;

			if (cli_int(c, "id", argv[first + 1 + i], 1, 1L << 62, &v)) {
				free(ids);
				return c->err->status;
			}
			ids[i] = v;
		}
		st = action_inbox_done(s, ids, n, &done, &skipped, c->err);
		free(ids);
		if (!st)
			printf("%d item%s marked done%s\n", done, done == 1 ? "" : "s",
			       skipped ? " (others were done already)" : "");
		return st;
	}
	if (first < argc)
		return cli_usage(c, cmd, "'%s' is not done", argv[first]);
	if (o.all && o.undelivered)
		return cli_usage(c, cmd, "--all and --undelivered: choose one");
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), inbox_cols, 11);
	/* The redirect marker goes last: it says why the item is yours. */
	out_drop(&out, (const char *const[]){ "source", "level", "created_on", "status", "kind",
					      "redirected_from", NULL });
	st = store_inbox_each(s, c->login,
			      o.undelivered ? INBOX_UNDELIVERED : o.all ? INBOX_ALL : INBOX_MINE, o.done, NULL,
			      inbox_row, &out, c->err);
	out_end(&out);
	return st;
}

static const char cmd_inbox_help[] =
	"Lists the inbox items addressed to you, escalations first by due date.  A\n"
	"playbook run sends each to whoever holds its role for the account (the owner,\n"
	"the team's lead, the AM or RM, the admins; for support and marketing, the\n"
	"people the config's notify: names); when nobody does, to the owner instead\n"
	"(pooled: the lead; with no lead, an admin), and REDIRECTED FROM names the role.\n"
	"TO is a login, an e-mail address (tend sends no mail), or the role when the\n"
	"item had nowhere to go; such items are listed for the users who take the role\n"
	"(a lead: lead requests and notes about pooled accounts; an admin: all).\n\n"
	"  --all          every item of the book\n"
	"  --undelivered  the items nobody at all could take\n"
	"  --done         include items already done\n"
	"tend inbox done ID...\n"
	"  Marks items done; an escalation request marked done is acknowledged, which\n"
	"  stops ladders whose next step says 'unless: acknowledged'.\n";

const struct command cmd_inbox_entry = {
	.name = "inbox",
	.args = "[--all | --undelivered] [--done] | done ID...",
	.summary = "notifications and escalation requests for you",
	.help = cmd_inbox_help,
	.run = cmd_inbox,
};
