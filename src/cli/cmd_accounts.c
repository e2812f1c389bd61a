/*
 * cmd_accounts.c -- `tend accounts` (the portfolio list) and
 * `tend account show` (one account's 360 view); `tend account set` is
 * cmd_account_set.c's.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/account_cmd.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/json.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "domain/account_view.h"
#include "store/store.h"

/* -- accounts -------------------------------------------------------------- */

static const struct out_col account_cols[] = {
	{ "id", "ID", COL_INT },
	{ "external_id", "EXTERNAL ID", COL_TEXT },
	{ "name", "NAME", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "segment", "SEGMENT", COL_TEXT },
	{ "stage", "STAGE", COL_TEXT },
	{ "arr", "ARR", COL_MONEY },
	{ "renewal", "RENEWAL", COL_DATE },
	{ "renewal_days", "DAYS", COL_INT },
	{ "tags", "TAGS", COL_LIST },
};
#define N_ACCOUNT_COLS ((int)(sizeof(account_cols) / sizeof(account_cols[0])))

static int
account_row_out(void *ctx, const struct account_row *a)
{
	struct value v[N_ACCOUNT_COLS] = {
		{ V_INT, a->id, 0, NULL },
		{ V_TEXT, 0, 0, a->external_id },
		{ V_TEXT, 0, 0, a->name },
		{ a->owner ? V_TEXT : V_NULL, 0, 0, a->owner },
		{ V_TEXT, 0, 0, a->segment },
		{ V_TEXT, 0, 0, a->stage },
		{ V_INT, a->arr_cents, 0, NULL },
		{ a->renewal_due ? V_TEXT : V_NULL, 0, 0, a->renewal_due },
		{ a->renewal_due ? V_INT : V_NULL, a->renewal_days, 0, NULL },
		{ a->tags ? V_TEXT : V_NULL, 0, 0, a->tags },
	};

	out_row(ctx, v);
	return 0;
}

static enum status
accounts_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct account_query *q = ctx;
	long v;

	switch (opt) {
	case 'o': cli_owner(c, arg, &q->filter); return ST_OK;
	case 'g': q->filter.segment = arg; return cli_choice(c, "segment", arg, segment_names);
	case 's': q->filter.stage = arg; return cli_choice(c, "stage", arg, stage_names);
	case 't': q->filter.tag = arg; return ST_OK;
	case 'w':
		if (cli_int(c, "renewing-within", arg, 0, 100000, &v))
			return c->err->status;
		q->filter.renewing_within = (int)v;
		return ST_OK;
	case 'S': q->sort = arg; return cli_choice(c, "sort", arg, account_sort_keys);
	case 'r': q->descending = true; return ST_OK;
	case 'l':
		if (cli_int(c, "limit", arg, 1, 100000000, &v))
			return c->err->status;
		q->limit = v;
		return ST_OK;
	}
	return ST_SOFTWARE;
}

static enum status
cmd_accounts(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "owner", required_argument, NULL, 'o' },
		{ "segment", required_argument, NULL, 'g' },
		{ "stage", required_argument, NULL, 's' },
		{ "tag", required_argument, NULL, 't' },
		{ "renewing-within", required_argument, NULL, 'w' },
		{ "sort", required_argument, NULL, 'S' },
		{ "reverse", no_argument, NULL, 'r' },
		{ "limit", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct account_query q = { .filter = ACCOUNT_FILTER_ANY };
	struct store *s;
	struct out o;
	enum status st;
	int first;

	if (cli_getopt(c, cli_find("accounts"), argc, argv, "", opts, accounts_opt, &q, &first) ||
	    first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cli_find("accounts"), "unexpected argument '%s'", argv[first]);
	if (cli_store(c, false, &s) || cli_known_owner(c, s, "owner", &q.filter))
		return c->err->status;
	out_begin(&o, stdout, cli_format(c, OUT_TABLE), account_cols, N_ACCOUNT_COLS);
	out_drop(&o, (const char *const[]){ "renewal_days", "stage", "segment", "tags", NULL });
	st = store_accounts_each(s, &q, account_row_out, &o, c->err);
	out_end(&o);
	return st;
}

static const char cmd_accounts_help[] =
	"Lists the book's accounts.  ARR is the ledger's ARR at the end of today; the\n"
	"renewal is the earliest one not yet won or lost (overdue ones included).\n\n"
	"  --owner LOGIN          owner's login, 'me' or 'pooled'\n"
	"  --segment S            enterprise, mid_market or smb\n"
	"  --stage S              land, onboard, adopt, expand, renew or churned\n"
	"  --tag T                accounts with this tag\n"
	"  --renewing-within N    open renewal due within N days (or overdue)\n"
	"  --sort KEY             name, arr, renewal, owner, segment, stage, id or\n"
	"                         external_id (default name)\n"
	"  --reverse              reverse the order\n"
	"  --limit N              at most N accounts\n";

const struct command cmd_accounts_entry = {
	.name = "accounts",
	.args = "[--owner LOGIN] [--segment S] [--stage S] [--tag T] [--renewing-within DAYS] "
		"[--sort KEY] [--reverse] [--limit N]",
	.summary = "list accounts with ARR and next renewal",
	.help = cmd_accounts_help,
	.run = cmd_accounts,
};

/* -- account show: text ------------------------------------------------------ */

static const char *
or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void
field(const char *label, const char *value)
{
	printf("  %-16s ", label);
	out_text(stdout, or_dash(value), false);
	putchar('\n');
}

/* The stage and the ones before it: "onboard since 2026-08-01 (114 days),
 * land 2026-07-02 .. 2026-08-01 (30 days)". */
static void
show_stages(const struct account_view *v)
{
	printf("  %-16s ", "stage");
	for (int i = 0; i < v->nstages; i++) {
		const struct av_stage *g = &v->stages[i];

		printf("%s%s", i ? ", " : "", g->stage);
		if (!g->to_date && g->from_date)
			printf(" since %s", g->from_date);
		else if (g->to_date && g->from_date)
			printf(" %s .. %s", g->from_date, g->to_date);
		else if (g->to_date)
			printf(" until %s", g->to_date);
		if (g->days >= 0)
			printf(" (%lld day%s)", (long long)g->days, g->days == 1 ? "" : "s");
	}
	putchar('\n');
}

static void
show_header(const struct account_view *v)
{
	char m1[MONEY_STRLEN], m2[MONEY_STRLEN], tmp[64];

	out_text(stdout, v->name, false);
	printf("  (#%lld, ", (long long)v->id);
	out_text(stdout, v->external_id, false);
	printf(")\n");
	field("owner", v->owner ? v->owner : "pooled");
	field("segment", v->segment);
	show_stages(v);
	printf("  %-16s %s %s", "ARR", out_money(v->arr_cents, m1), v->currency);
	if (v->initial_arr_cents > 0)
		printf(" (initial %s)", out_money(v->initial_arr_cents, m2));
	putchar('\n');
	if (v->next_renewal)
		printf("  %-16s %s (in %lld days)\n", "next renewal", v->next_renewal,
		       (long long)v->next_renewal_days);
	else
		field("next renewal", NULL);
	field("touch model", v->touch_model);
	field("package", v->service_package);
	field("industry", v->industry);
	field("region", v->region);
	if (v->partner) {
		snprintf(tmp, sizeof(tmp), "%s", or_dash(v->partner_role));
		printf("  %-16s ", "partner");
		out_text(stdout, v->partner, false);
		printf(" (%s)\n", tmp);
	}
	field("AM", v->am);
	field("RM", v->rm);
	field("tags", v->tags);
}

static void
show_signals(const struct account_view *v)
{
	char tmp[64];

	printf("\nSignals\n");
	if (v->active_users >= 0)
		printf("  %-16s %lld active users, %lld of %lld seats activated (week of %s)\n", "usage",
		       (long long)v->active_users, (long long)v->activated_seats,
		       (long long)v->usage_licensed, or_dash(v->usage_date));
	else
		field("usage", "no data");
	printf("  %-16s %lld open (%lld P1), %lld in the last 90 days\n", "support",
	       (long long)v->open_tickets, (long long)v->open_p1, (long long)v->tickets_90d);
	if (v->nps_responses_12m)
		printf("  %-16s %+.0f from %lld responses in 12 months\n", "NPS", v->nps_12m,
		       (long long)v->nps_responses_12m);
	else
		field("NPS", "no responses in 12 months");
	if (!isnan(v->csat_90d))
		printf("  %-16s %.1f average over 90 days\n", "CSAT", v->csat_90d);
	else
		field("CSAT", "no responses in 90 days");
	field("last touch", date_ago(v->last_touch_days, tmp, sizeof(tmp)));
	field("exec touch", date_ago(v->last_exec_touch_days, tmp, sizeof(tmp)));
	field("champion", v->champion_present ? "yes" : "NONE: no active champion");
}

static void
show_contacts(const struct account_view *v)
{
	char tmp[64];
	bool sponsor = false;

	printf("\nContacts (%d)\n", v->ncontacts);
	for (int i = 0; i < v->ncontacts; i++) {
		const struct av_contact *k = &v->contacts[i];

		if (k->roles && strstr(k->roles, "executive_sponsor") && !strcmp(k->status, "active"))
			sponsor = true;
		printf("  ");
		out_text(stdout, k->name, false);
		printf("%s", k->is_executive ? " [exec]" : "");
		if (!strcmp(k->status, "left"))
			printf(" [LEFT]");
		printf(" -- ");
		out_text(stdout, or_dash(k->title), false);
		printf("; roles ");
		out_text(stdout, or_dash(k->roles), false);
		printf("; last touch %s\n", date_ago(k->last_touch_days, tmp, sizeof(tmp)));
	}
	if (!sponsor)
		printf("  ! no active executive sponsor\n");
}

static void
show_revenue(const struct account_view *v)
{
	char m[MONEY_STRLEN], m2[MONEY_STRLEN];

	printf("\nContracts (%d)\n", v->ncontracts);
	for (int i = 0; i < v->ncontracts; i++)
		printf("  #%lld %s .. %s  %s ARR%s, %s\n", (long long)v->contracts[i].id,
		       v->contracts[i].start_date, v->contracts[i].end_date,
		       out_money(v->contracts[i].arr_cents, m),
		       v->contracts[i].auto_renew ? ", auto-renew" : "", v->contracts[i].channel);
	printf("\nARR ledger (%d)\n", v->nledger);
	for (int i = 0; i < v->nledger; i++) {
		const struct av_arr_event *a = &v->ledger[i];

		printf("  %s  %-12s %s", a->date, a->kind,
		       money_format_grouped(a->delta_cents, a->delta_cents % 100 == 0, m));
		if (a->reason) {
			printf("  ");
			out_text(stdout, a->reason, false);
		}
		if (a->scheduled)
			printf("  (scheduled)");
		putchar('\n');
	}
	printf("\nRenewals (%d)\n", v->nrenewals);
	for (int i = 0; i < v->nrenewals; i++) {
		const struct av_renewal *r = &v->renewals[i];

		printf("  #%lld due %s  %-11s %-8s target %s", (long long)r->id, r->due_date, r->stage,
		       r->forecast_category, out_money(r->target_cents, m));
		if (r->final_cents >= 0)
			printf(", final %s (%s)", out_money(r->final_cents, m2), or_dash(r->booking_type));
		if (r->churn_reason) {
			printf(", reason ");
			out_text(stdout, r->churn_reason, false);
		}
		putchar('\n');
	}
}

static void
show_work(const struct account_view *v)
{
	printf("\nOpen tasks (%d)\n", v->ntasks);
	for (int i = 0; i < v->ntasks; i++) {
		const struct av_task *t = &v->tasks[i];

		printf("  #%lld [%s] due %s%s ", (long long)t->id, t->priority, or_dash(t->due_date),
		       t->due_date && t->days_left < 0 ? " (OVERDUE)" : "");
		out_text(stdout, t->title, false);
		if (t->items)
			printf(" [%d/%d]", t->items_done, t->items);
		printf(" -- ");
		out_text(stdout, or_dash(t->owner), false);
		printf("%s%s\n", strcmp(t->status, "open") ? ", " : "", strcmp(t->status, "open") ? t->status : "");
	}
	printf("\nOpen risks (%d)\n", v->nrisks);
	for (int i = 0; i < v->nrisks; i++) {
		const struct av_risk *r = &v->risks[i];

		printf("  #%lld %s (%s, %s since %s) ", (long long)r->id, r->category, r->severity,
		       r->status, r->opened_on);
		out_text(stdout, or_dash(r->description), false);
		putchar('\n');
	}
	printf("\nOpen opportunities (%d)\n", v->nopportunities);
	for (int i = 0; i < v->nopportunities; i++) {
		const struct av_opportunity *o = &v->opportunities[i];
		char m[MONEY_STRLEN];

		printf("  #%lld %s %s ARR %s, closes %s ", (long long)o->id, o->kind, o->stage,
		       money_format_grouped(o->arr_cents, o->arr_cents % 100 == 0, m),
		       or_dash(o->expected_close));
		out_text(stdout, or_dash(o->title), false);
		putchar('\n');
	}
	printf("\nSuccess plans (%d)\n", v->nplans);
	for (int i = 0; i < v->nplans; i++) {
		const struct av_plan *p = &v->plans[i];

		printf("  #%lld %s since %s, %d objectives, milestones %d/%d done (%d on track, %d at risk)",
		       (long long)p->id, p->status, p->start_date, p->objectives, p->milestones_done,
		       p->milestones, p->milestones_on_track, p->milestones_at_risk);
		if (p->signed_date) {
			printf(", signed %s by ", p->signed_date);
			out_text(stdout, or_dash(p->signed_by), false);
		}
		putchar('\n');
	}
	printf("\nTimeline (latest %d)\n", v->ntouchpoints);
	for (int i = 0; i < v->ntouchpoints; i++) {
		const struct av_touchpoint *t = &v->touchpoints[i];

		printf("  %s  %-15s %s %s", t->date, t->kind, t->proactive ? " " : "R",
		       t->planned ? "planned: " : "");
		out_text(stdout, or_dash(t->summary), false);
		printf(" -- ");
		out_text(stdout, or_dash(t->author), false);
		putchar('\n');
	}
	if (v->notes) {
		printf("\nNotes\n");
		out_text(stdout, v->notes, true);
		putchar('\n');
	}
}

/* -- account show: json ------------------------------------------------------ */

static void
jkv(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	json_str(j, v);
}

static void
jki(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	json_int(j, v);
}

static void
jkopt(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	if (v < 0)
		json_null(j);
	else
		json_int(j, v);
}

/* A "a;b" list (tags, roles) as an array of strings: [] when there are none. */
static void
jklist(struct json *j, const char *k, const char *list)
{
	const char *p = list, *end;
	char *item;

	json_key(j, k);
	json_arr_begin(j);
	while (p && *p) {
		end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		item = xstrndup(p, (size_t)(end - p));
		json_str(j, item);
		free(item);
		p = *end ? end + 1 : end;
	}
	json_arr_end(j);
}

static void
show_json(const struct account_view *v)
{
	struct json j;

	json_init(&j, stdout);
	json_obj_begin(&j);
	jki(&j, "id", v->id);
	jkv(&j, "external_id", v->external_id);
	jkv(&j, "name", v->name);
	jkv(&j, "owner", v->owner);
	jkv(&j, "segment", v->segment);
	jkv(&j, "touch_model", v->touch_model);
	jkv(&j, "service_package", v->service_package);
	jkv(&j, "stage", v->stage);
	jkv(&j, "stage_since", v->stage_since);
	json_key(&j, "stages");
	json_arr_begin(&j);
	for (int i = 0; i < v->nstages; i++) {
		json_obj_begin(&j);
		jkv(&j, "stage", v->stages[i].stage);
		jkv(&j, "from_date", v->stages[i].from_date);
		jkv(&j, "to_date", v->stages[i].to_date);
		jkopt(&j, "days", v->stages[i].days);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	jkv(&j, "industry", v->industry);
	jkv(&j, "region", v->region);
	jkv(&j, "partner", v->partner);
	jkv(&j, "currency", v->currency);
	jklist(&j, "tags", v->tags);
	jki(&j, "arr_cents", v->arr_cents);
	jki(&j, "initial_arr_cents", v->initial_arr_cents);
	jkv(&j, "next_renewal", v->next_renewal);
	json_key(&j, "signals");
	json_obj_begin(&j);
	jkopt(&j, "active_users", v->active_users);
	jkopt(&j, "activated_seats", v->activated_seats);
	jkopt(&j, "licensed_seats", v->usage_licensed);
	jki(&j, "open_tickets", v->open_tickets);
	jki(&j, "open_p1", v->open_p1);
	jki(&j, "tickets_90d", v->tickets_90d);
	json_key(&j, "nps_12m");
	json_real(&j, v->nps_12m);
	json_key(&j, "csat_90d");
	json_real(&j, v->csat_90d);
	jkopt(&j, "days_since_touch", v->last_touch_days);
	jkopt(&j, "days_since_exec_touch", v->last_exec_touch_days);
	json_key(&j, "champion_present");
	json_bool(&j, v->champion_present);
	json_obj_end(&j);
	json_key(&j, "contacts");
	json_arr_begin(&j);
	for (int i = 0; i < v->ncontacts; i++) {
		json_obj_begin(&j);
		jki(&j, "id", v->contacts[i].id);
		jkv(&j, "name", v->contacts[i].name);
		jkv(&j, "email", v->contacts[i].email);
		jkv(&j, "status", v->contacts[i].status);
		jklist(&j, "roles", v->contacts[i].roles);
		jkopt(&j, "days_since_touch", v->contacts[i].last_touch_days);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "renewals");
	json_arr_begin(&j);
	for (int i = 0; i < v->nrenewals; i++) {
		json_obj_begin(&j);
		jki(&j, "id", v->renewals[i].id);
		jkv(&j, "due_date", v->renewals[i].due_date);
		jkv(&j, "stage", v->renewals[i].stage);
		jkv(&j, "forecast_category", v->renewals[i].forecast_category);
		jkopt(&j, "target_arr_cents", v->renewals[i].target_cents);
		jkopt(&j, "final_arr_cents", v->renewals[i].final_cents);
		jkv(&j, "booking_type", v->renewals[i].booking_type);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "open_tasks");
	json_arr_begin(&j);
	for (int i = 0; i < v->ntasks; i++) {
		json_obj_begin(&j);
		jki(&j, "id", v->tasks[i].id);
		jkv(&j, "title", v->tasks[i].title);
		jkv(&j, "priority", v->tasks[i].priority);
		jkv(&j, "due_date", v->tasks[i].due_date);
		jkv(&j, "owner", v->tasks[i].owner);
		jki(&j, "checklist_items", v->tasks[i].items);
		jki(&j, "checklist_done", v->tasks[i].items_done);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "open_risks");
	json_arr_begin(&j);
	for (int i = 0; i < v->nrisks; i++) {
		json_obj_begin(&j);
		jki(&j, "id", v->risks[i].id);
		jkv(&j, "category", v->risks[i].category);
		jkv(&j, "severity", v->risks[i].severity);
		jkv(&j, "status", v->risks[i].status);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "history");
	json_arr_begin(&j);
	for (int i = 0; i < v->nhistory; i++) {
		json_obj_begin(&j);
		jki(&j, "audit_id", v->history[i].id);
		jkv(&j, "at", v->history[i].at);
		jkv(&j, "user", v->history[i].actor);
		jkv(&j, "action", v->history[i].action);
		jkv(&j, "table", v->history[i].table);
		jkv(&j, "op", v->history[i].op);
		jkv(&j, "changes", v->history[i].changes);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_key(&j, "touchpoints");
	json_arr_begin(&j);
	for (int i = 0; i < v->ntouchpoints; i++) {
		json_obj_begin(&j);
		jkv(&j, "date", v->touchpoints[i].date);
		jkv(&j, "kind", v->touchpoints[i].kind);
		jkv(&j, "summary", v->touchpoints[i].summary);
		json_key(&j, "planned");
		json_bool(&j, v->touchpoints[i].planned);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_end(&j);
}

/* The latest changes, as tend audit --account shows them all. */
static void
show_history(const struct account_view *v)
{
	printf("\nHistory (latest %d; tend audit --account for all)\n", AV_HISTORY);
	for (int i = 0; i < v->nhistory; i++) {
		const struct av_change *h = &v->history[i];

		printf("  ");
		out_text(stdout, h->at, false);
		printf("  ");
		out_text(stdout, h->actor, false);
		printf("  ");
		out_text(stdout, h->action, false);
		printf(": %s %s", h->op, h->table ? h->table : "");
		if (h->changes) {
			printf(" -- ");
			out_text(stdout, h->changes, false);
		}
		putchar('\n');
	}
	if (!v->nhistory)
		printf("  none\n");
}

static enum status
cmd_account(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("account");
	struct account_set_opts set = { .in = { .ntags = 0 } };
	struct account_view *v;
	struct store *s;
	enum out_format fmt;
	int64_t id;
	int first;

	/* One parse for both subcommands: set's options may come anywhere. */
	if (cli_getopt(c, cmd, argc, argv, "", account_set_options, account_set_opt, &set, &first) ||
	    first < 0)
		return c->err->status;
	if (first < argc && !strcmp(argv[first], "set"))
		return account_set(c, &set, argc - first - 1, argv + first + 1);
	if (argc - first != 2 || strcmp(argv[first], "show"))
		return cli_usage(c, cmd, "expected 'show' or 'set' and an account");
	if (set.given)
		return cli_usage(c, cmd, "account show takes no options of its own");
	if (cli_store(c, false, &s) || store_account_resolve(s, argv[first + 1], &id, c->err) ||
	    store_account_view(s, id, &v, c->err))
		return c->err->status;
	fmt = cli_format(c, OUT_TABLE);
	if (fmt == OUT_JSON) {
		show_json(v);
	} else if (fmt == OUT_CSV) {
		/* The same row `tend accounts --format csv` gives for it. */
		struct account_row r = { v->id, v->external_id, v->name, v->owner, v->segment, v->stage,
					 v->arr_cents, v->next_renewal, v->next_renewal_days, v->tags };
		struct out o;

		out_begin(&o, stdout, OUT_CSV, account_cols, N_ACCOUNT_COLS);
		account_row_out(&o, &r);
		out_end(&o);
	} else {
		show_header(v);
		show_signals(v);
		show_contacts(v);
		show_revenue(v);
		show_work(v);
		show_history(v);
	}
	account_view_free(v);
	return ST_OK;
}

static const char cmd_account_help[] =
	"tend account show ACCOUNT\n"
	"  Shows an account's identity, its stages with their dates, ARR and its\n"
	"  ledger, renewals, usage, support and survey signals, contacts by role with\n"
	"  their last touch, open tasks and risks, success plans, the latest\n"
	"  touchpoints and the latest changes from the audit log (who, when, what).\n"
	"tend account set ACCOUNT [options]\n"
	"  Changes the account in one audited change and says what changed; values\n"
	"  already so change nothing.\n"
	"  --owner LOGIN          the owning CSM; 'pooled' for none, 'me' for you\n"
	"  --am LOGIN, --rm LOGIN the account and renewal managers ('' for none)\n"
	"  --segment S            enterprise, mid_market or smb\n"
	"  --touch MODEL          high, low or tech\n"
	"  --package P            free or premium\n"
	"  --stage S              land, onboard, adopt, expand, renew or churned;\n"
	"                         recorded with today's date in the stage history\n"
	"  --partner NAME         the channel partner ('' for none)\n"
	"  --seats N              licensed seats, a positive number\n"
	"  --tag +T, --tag -T     add or remove a tag; may be repeated\n"
	"  --notes TEXT           replace the notes ('' to clear them)\n"
	"tend account set ACCOUNT... | --where FILTER [--yes] [options]\n"
	"  The same change to several accounts (named, or comma-separated) or to every\n"
	"  account FILTER picks ('owner=amara segment=smb': owner, segment, stage, tag,\n"
	"  renewing-within), as one change, all or nothing; says how many and asks\n"
	"  first, or refuses without a terminal unless --yes.\n"
	"An account is named by id, external id, name or an unambiguous start of its\n"
	"name.\n";

const struct command cmd_account_entry = {
	.name = "account",
	.args = "show ACCOUNT | set ACCOUNT...|--where FILTER [--yes] [--stage S] [--owner LOGIN|pooled] [--am LOGIN] "
		"[--rm LOGIN] [--segment S] [--touch MODEL] [--package P] [--partner NAME] "
		"[--seats N] [--tag +T|-T]... [--notes TEXT]",
	.summary = "show one account (the 360 view) or change it",
	.help = cmd_account_help,
	.run = cmd_account,
};
