/*
 * cmd_plan.c -- `tend plan show|new|edit|sign|status|validate|export`: an
 * account's joint success plan, from the command line.  Each verb works
 * on the account's current plan (store/plan.h); the rules are app/plan.h's,
 * the Markdown domain/plan_md.h's; this file parses, calls and prints.
 * The plan's objectives, milestones and KPIs have their own commands
 * (cmd_plan_items.c).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/plan_template.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/plan_cmd.h"
#include "cli/work_cmd.h"
#include "core/buf.h"
#include "core/editor.h"
#include "domain/model.h"
#include "domain/plan.h"
#include "domain/plan_md.h"
#include "store/plan.h"
#include "store/store.h"

struct plan_opts {
	const char *start, *template_name, *section, *text, *file, *by, *on;
	unsigned given;            /* bits of plan_options, by index */
};

enum { PO_START = 1 << 0, PO_TEMPLATE = 1 << 1, PO_SECTION = 1 << 2, PO_TEXT = 1 << 3,
	PO_FILE = 1 << 4, PO_BY = 1 << 5, PO_ON = 1 << 6 };

/* In the order of the PO_ bits. */
static const struct option plan_options[] = {
	{ "start", required_argument, NULL, 's' },
	{ "template", required_argument, NULL, 't' },
	{ "section", required_argument, NULL, 'S' },
	{ "text", required_argument, NULL, 'x' },
	{ "file", required_argument, NULL, 'f' },
	{ "by", required_argument, NULL, 'b' },
	{ "on", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

static enum status
plan_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct plan_opts *o = ctx;

	switch (opt) {
	case 's': o->given |= PO_START; o->start = arg; return ST_OK;
	case 't': o->given |= PO_TEMPLATE; o->template_name = arg; return ST_OK;
	case 'S':
		o->given |= PO_SECTION;
		o->section = arg;
		return cli_choice(c, "section", arg, plan_section_names);
	case 'x': o->given |= PO_TEXT; o->text = arg; return ST_OK;
	case 'f': o->given |= PO_FILE; o->file = arg; return ST_OK;
	case 'b': o->given |= PO_BY; o->by = arg; return ST_OK;
	case 'o': o->given |= PO_ON; o->on = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static const struct command *
plan_cmd(void)
{
	return cli_find("plan");
}

static enum status
app_error(struct cli *c)
{
	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, plan_cmd(), plan_options);
	return cli_option_error(c, plan_options);
}

enum status
plan_cmd_current(struct cli *c, struct store *s, const char *account, int64_t *plan_id)
{
	int64_t id;

	if (store_account_resolve(s, account, &id, c->err) ||
	    store_plan_current(s, id, plan_id, c->err))
		return c->err->status;
	return ST_OK;
}

enum status
plan_cmd_load(struct cli *c, struct store *s, const char *account, struct plan **p)
{
	int64_t id;

	*p = NULL;
	if (plan_cmd_current(c, s, account, &id))
		return c->err->status;
	return store_plan_load(s, id, p, c->err);
}

/* -- show -------------------------------------------------------------------- */

static void
print_num(double v)
{
	struct buf b;

	buf_init(&b);
	plan_number(&b, v);
	fputs(b.data, stdout);
	buf_done(&b);
}

static void
show_head(const struct plan *p, int32_t today)
{
	int64_t days;
	const char *last = plan_last_validated(p, today, &days);
	int done, all;

	printf("plan #%lld ", (long long)p->id);
	out_text(stdout, p->account, false);
	printf(" (");
	out_text(stdout, p->external_id, false);
	printf(")\n  status      %s\n  started     %s", p->status, p->start_date);
	if (p->template) {
		printf(" (template ");
		out_text(stdout, p->template, false);
		printf(")");
	}
	printf("\n  signed      ");
	if (p->signed_by) {
		out_text(stdout, p->signed_by, false);
		printf(" on %s\n", p->signed_date ? p->signed_date : "?");
	} else {
		printf("not yet\n");
	}
	printf("  validated   %s (%lld days ago)%s\n", last, (long long)days,
	       days > PLAN_UNVALIDATED_DAYS ? ", unvalidated for more than 90 days" : "");
	plan_milestone_counts(p, &done, &all);
	printf("  progress    %d objective%s, milestones %d/%d done\nsections\n", p->nobjectives,
	       p->nobjectives == 1 ? "" : "s", done, all);
	for (int i = 0; i < PLAN_NSECTIONS; i++) {
		const char *t = p->section[i];
		int lines = 0;

		for (const char *q = t; q && *q; q++)
			lines += *q == '\n';
		if (t && *t)
			lines++;
		printf("  %-12s %d line%s\n", plan_section_names[i], lines, lines == 1 ? "" : "s");
	}
}

static void
show_kpi(const struct plan *p, const struct plan_kpi *k, int32_t today)
{
	double progress;

	printf("  kpi #%lld ", (long long)k->id);
	out_text(stdout, k->name, false);
	printf(": ");
	if (k->has_baseline)
		print_num(k->baseline);
	printf(" -> ");
	if (k->has_target)
		print_num(k->target);
	if (k->unit) {
		putchar(' ');
		out_text(stdout, k->unit, false);
	}
	if (k->target_date)
		printf(" by %s", k->target_date);
	printf(", now ");
	if (k->has_current)
		print_num(k->current);
	else
		printf("-");
	if (k->read_on)
		printf(" (read %s)", k->read_on);
	if (plan_kpi_progress(k, &progress))
		printf("  %d%%", (int)floor(progress * 100 + 1e-9));
	printf("%s\n", plan_kpi_off_track(p, k, today) ? "  OFF TRACK" : "");
}

static void
show_objective(const struct plan *p, const struct plan_objective *o, int32_t today)
{
	double progress;
	struct buf b;

	printf("objective #%lld ", (long long)o->id);
	out_text(stdout, o->title, false);
	printf(" (%s, %s)", o->type, o->priority);
	if (plan_objective_progress(o, &progress)) {
		buf_init(&b);
		plan_bar(&b, progress, 10);
		printf("  %d%% %s", (int)floor(progress * 100 + 1e-9), b.data);
		buf_done(&b);
	}
	printf("\n  beneficiary ");
	if (o->beneficiary)
		out_text(stdout, o->beneficiary, false);
	else
		printf("-");
	printf("; validated %s\n", o->last_validated ? o->last_validated : "never");
	for (int i = 0; i < o->nmilestones; i++) {
		const struct plan_milestone *m = &o->milestones[i];

		printf("  milestone #%lld [%c] ", (long long)m->id,
		       !strcmp(m->status, "done") ? 'x' : ' ');
		out_text(stdout, m->title, false);
		printf("  %s", m->status);
		if (m->owner) {
			printf("  owner ");
			out_text(stdout, m->owner, false);
		}
		if (m->due_date)
			printf("  due %s", m->due_date);
		printf("%s\n", plan_milestone_overdue(m, today) ? "  OVERDUE" : "");
	}
	for (int i = 0; i < o->nkpis; i++)
		show_kpi(p, &o->kpis[i], today);
}

static enum status
plan_show(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	int32_t today = store_clock(s)->today;
	struct plan *p;

	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan show takes one ACCOUNT");
	if (plan_cmd_load(c, s, args[0], &p))
		return c->err->status;
	if (o->section) {
		const char *t = p->section[plan_section_find(o->section)];

		if (t && *t) {
			out_text(stdout, t, true);
			putchar('\n');
		}
	} else {
		show_head(p, today);
		for (int i = 0; i < p->nobjectives; i++)
			show_objective(p, &p->objectives[i], today);
	}
	plan_free(p);
	return ST_OK;
}

/* -- new, edit ------------------------------------------------------------------ */

static void
print_done(const char *what, const struct work_done *d)
{
	printf("plan #%lld %s", (long long)d->id, what);
	work_print_account(d);
}

static enum status
plan_new_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct plan_new_input in = { .start = o->start };
	struct plan_template *tpl = NULL;
	struct work_done d;
	enum status st;

	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan new takes one ACCOUNT");
	if (store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	if (!o->template_name || strcmp(o->template_name, "none")) {
		if (plan_template_load(&c->conf, o->template_name, cli_report_diag, NULL, &tpl,
				       c->err))
			return cli_option_error(c, plan_options);
		in.template_name = tpl->name;
		in.sections = (const char *const *)tpl->sections;
	}
	st = plan_new(s, &in, &d, c->err);
	plan_template_free(tpl);
	if (st)
		return app_error(c);
	print_done("started", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* The section's new text: --text, --file, or the editor on what it has. */
static enum status
section_text(struct cli *c, struct store *s, const struct plan_opts *o, int64_t plan_id,
	     int section, char **text)
{
	struct plan *p;
	struct buf b;
	int rc;

	*text = NULL;
	if (o->text) {
		*text = strdup(o->text);
		return ST_OK;
	}
	if (o->file) {
		buf_init(&b);
		if ((rc = buf_read_file(&b, o->file))) {
			buf_done(&b);
			return err_set(c->err, rc == ENOENT ? ST_NOINPUT : ST_IOERR,
				       "--file: cannot read %s: %s", o->file, strerror(rc));
		}
		*text = buf_detach(&b);
		return ST_OK;
	}
	if (store_read_only(s))
		return err_set(c->err, ST_NOPERM, "the book is read-only: nothing was changed");
	if (store_plan_load(s, plan_id, &p, c->err))
		return c->err->status;
	rc = editor_edit(p->section[section], plan_section_names[section], text, c->err);
	plan_free(p);
	return rc ? c->err->status : ST_OK;
}

static enum status
plan_edit_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct work_done d;
	int64_t plan_id;
	char *text;
	int section;
	enum status st;

	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan edit takes one ACCOUNT");
	if (!o->section)
		return cli_usage(c, plan_cmd(), "plan edit needs --section NAME (%s)",
				 "summary, objectives, activities, finances, measurement, risks, "
				 "appendices");
	if (o->text && o->file)
		return cli_usage(c, plan_cmd(), "plan edit takes --text or --file, not both");
	section = plan_section_find(o->section);
	if (plan_cmd_current(c, s, args[0], &plan_id) ||
	    section_text(c, s, o, plan_id, section, &text))
		return c->err->status;
	st = plan_section_set(s, plan_id, section, text, &d, c->err);
	free(text);
	if (st)
		return app_error(c);
	printf("%splan #%lld %s %s", d.skipped ? "nothing saved: " : "", (long long)d.id,
	       plan_section_names[section], d.skipped ? "unchanged" : "saved");
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- the status flow ------------------------------------------------------------ */

static enum status
plan_sign_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct work_done d;
	int64_t plan_id;

	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan sign takes one ACCOUNT");
	if (!o->by)
		return cli_usage(c, plan_cmd(), "plan sign needs --by CONTACT (who signed it)");
	if (plan_cmd_current(c, s, args[0], &plan_id))
		return c->err->status;
	if (plan_sign(s, plan_id, o->by, o->on, &d, c->err))
		return app_error(c);
	print_done("signed", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
plan_status_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct work_done d;
	int64_t plan_id;

	(void)o;
	if (n != 2)
		return cli_usage(c, plan_cmd(), "plan status takes an ACCOUNT and a STATUS");
	if (cli_choice(c, "status", args[1], plan_status_names))
		return c->err->status;
	if (plan_cmd_current(c, s, args[0], &plan_id))
		return c->err->status;
	if (plan_status_set(s, plan_id, args[1], &d, c->err))
		return app_error(c);
	print_done(args[1], &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
plan_validate_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct work_done d;
	int64_t plan_id;

	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan validate takes one ACCOUNT");
	if (plan_cmd_current(c, s, args[0], &plan_id))
		return c->err->status;
	if (plan_validate(s, plan_id, o->on, &d, c->err))
		return app_error(c);
	print_done(d.skipped ? "was validated that day already" : "validated", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- export --------------------------------------------------------------------- */

static enum status
plan_export_cmd(struct cli *c, struct store *s, const struct plan_opts *o, int n, char **args)
{
	struct plan *p;
	struct buf b;

	(void)o;
	if (n != 1)
		return cli_usage(c, plan_cmd(), "plan export takes one ACCOUNT");
	if (plan_cmd_load(c, s, args[0], &p))
		return c->err->status;
	buf_init(&b);
	plan_markdown(p, store_clock(s)->today, &b);
	fputs(b.data, stdout);
	buf_done(&b);
	plan_free(p);
	return ST_OK;
}

static const struct plan_sub {
	const char *name;
	unsigned opts;             /* the PO_ bits it takes */
	enum status (*run)(struct cli *c, struct store *s, const struct plan_opts *o, int n,
			   char **args);
} plan_subs[] = {
	{ "show", PO_SECTION, plan_show },
	{ "new", PO_START | PO_TEMPLATE, plan_new_cmd },
	{ "edit", PO_SECTION | PO_TEXT | PO_FILE, plan_edit_cmd },
	{ "sign", PO_BY | PO_ON, plan_sign_cmd },
	{ "status", 0, plan_status_cmd },
	{ "validate", PO_ON, plan_validate_cmd },
	{ "export", 0, plan_export_cmd },
};

static enum status
cmd_plan(struct cli *c, int argc, char **argv)
{
	const struct plan_sub *sub = NULL;
	struct plan_opts o = { 0 };
	struct store *s;
	int first;

	if (cli_getopt(c, plan_cmd(), argc, argv, "", plan_options, plan_opt, &o, &first) ||
	    first < 0)
		return c->err->status;
	for (size_t i = 0; first < argc && i < sizeof(plan_subs) / sizeof(plan_subs[0]); i++)
		if (!strcmp(argv[first], plan_subs[i].name))
			sub = &plan_subs[i];
	if (!sub)
		return cli_usage(c, plan_cmd(), "expected show, new, edit, sign, status, validate "
				 "or export");
	first++;
	for (int i = 0; plan_options[i].name; i++)
		if ((o.given & ~sub->opts) & (1u << i))
			return cli_usage(c, plan_cmd(), "plan %s does not take --%s", sub->name,
					 plan_options[i].name);
	if (cli_store(c, false, &s))
		return c->err->status;
	return sub->run(c, s, &o, argc - first, argv + first);
}

static const char cmd_plan_help[] =
	"tend plan show ACCOUNT [--section NAME]\n"
	"  The account's current success plan: status, signature, last validated,\n"
	"  its sections, and each objective with its progress, milestones and KPIs\n"
	"  (OVERDUE and OFF TRACK marked); --section prints one section's text.\n"
	"tend plan new ACCOUNT [--start DATE] [--template NAME|none]\n"
	"  Starts a draft plan from a template (default: the sections' prompts and\n"
	"  the adoption barriers with their mitigations); refused while the\n"
	"  account has a plan that is not done.\n"
	"tend plan edit ACCOUNT --section NAME [--text TEXT | --file PATH]\n"
	"  Writes one section: summary, objectives, activities, finances,\n"
	"  measurement, risks or appendices.  Without --text or --file, the\n"
	"  section opens in $VISUAL or $EDITOR; an empty or unchanged text saves\n"
	"  nothing.\n"
	"tend plan sign ACCOUNT --by CONTACT [--on DATE]\n"
	"  A shared plan with objectives, signed by a contact of the account.\n"
	"tend plan status ACCOUNT STATUS\n"
	"  One step of draft -> shared -> signed -> active -> done (a shared plan\n"
	"  may go back to draft).\n"
	"tend plan validate ACCOUNT [--on DATE]\n"
	"  Records the day the plan was last validated with the customer.\n"
	"tend plan export ACCOUNT\n"
	"  The plan as Markdown on standard output.\n"
	"Objectives, milestones and KPIs: tend objective, tend milestone, tend kpi.\n";

const struct command cmd_plan_entry = {
	.name = "plan",
	.args = "show|new|edit|sign|status|validate|export ACCOUNT ...",
	.summary = "an account's joint success plan: start, write, sign and export it",
	.help = cmd_plan_help,
	.run = cmd_plan,
};
