/*
 * cmd_plan_items.c -- `tend objective`, `tend milestone` and `tend kpi`:
 * a success plan's objectives and, under each, its milestones and KPIs,
 * added, changed, ordered and deleted, and KPI readings recorded.  The
 * rules are app/plan_items.h's; this file parses, calls and prints.  The
 * three commands share one option table; each subcommand says which
 * options it takes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/plan_items.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/plan_cmd.h"
#include "cli/work_cmd.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/store.h"

enum item_opt {
	IO_TITLE, IO_TYPE, IO_PRIORITY, IO_BENEFICIARY, IO_VALIDATED, IO_ACHIEVED, IO_CONFIRMED,
	IO_OWNER, IO_DUE, IO_STATUS, IO_BASELINE, IO_TARGET, IO_CURRENT, IO_UNIT, IO_BY, IO_TO,
	IO_ON, IO_COUNT
};

/* In the order of enum item_opt; the value is the index + 1. */
static const struct option item_options[] = {
	{ "title", required_argument, NULL, 1 + IO_TITLE },
	{ "type", required_argument, NULL, 1 + IO_TYPE },
	{ "priority", required_argument, NULL, 1 + IO_PRIORITY },
	{ "beneficiary", required_argument, NULL, 1 + IO_BENEFICIARY },
	{ "validated", required_argument, NULL, 1 + IO_VALIDATED },
	{ "achieved", required_argument, NULL, 1 + IO_ACHIEVED },
	{ "confirmed", required_argument, NULL, 1 + IO_CONFIRMED },
	{ "owner", required_argument, NULL, 1 + IO_OWNER },
	{ "due", required_argument, NULL, 1 + IO_DUE },
	{ "status", required_argument, NULL, 1 + IO_STATUS },
	{ "baseline", required_argument, NULL, 1 + IO_BASELINE },
	{ "target", required_argument, NULL, 1 + IO_TARGET },
	{ "current", required_argument, NULL, 1 + IO_CURRENT },
	{ "unit", required_argument, NULL, 1 + IO_UNIT },
	{ "by", required_argument, NULL, 1 + IO_BY },
	{ "to", required_argument, NULL, 1 + IO_TO },
	{ "on", required_argument, NULL, 1 + IO_ON },
	{ NULL, 0, NULL, 0 },
};

struct item_opts {
	const char *v[IO_COUNT];
	unsigned given;            /* 1 << enum item_opt */
};

#define B(x) (1u << IO_##x)

static enum status
item_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct item_opts *o = ctx;

	(void)c;
	if (opt < 1 || opt > IO_COUNT)
		return ST_SOFTWARE;
	o->v[opt - 1] = arg;
	o->given |= 1u << (opt - 1);
	return ST_OK;
}

/* One of the three commands. */
struct item_family {
	const char *name;          /* "objective" */
	const struct entity *ent;
	const struct item_sub *subs;
	size_t nsubs;
};

struct item_sub {
	const char *name;
	unsigned opts;
	int args;                  /* positional arguments it takes */
	const char *usage;         /* what they are */
	enum status (*run)(struct cli *c, struct store *s, const struct item_family *f,
			   const struct item_opts *o, char **args);
};

static const struct command *
fam_cmd(const struct item_family *f)
{
	return cli_find(f->name);
}

static enum status
app_error(struct cli *c, const struct item_family *f)
{
	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, fam_cmd(f), item_options);
	return cli_option_error(c, item_options);
}

static void
confirm(const struct item_family *f, const char *what, const struct work_done *d)
{
	printf("%s #%lld %s", f->ent == &entity_kpi ? "KPI" : f->name, (long long)d->id, what);
	work_print_account(d);
}

static enum status
item_id(struct cli *c, const struct item_family *f, const char *what, const char *arg,
	int64_t *id)
{
	return work_ids(c, fam_cmd(f), what, 1, (char **)&arg, id);
}

/* -- objectives ----------------------------------------------------------------- */

static void
objective_in(const struct item_opts *o, struct objective_input *in)
{
	in->title = o->v[IO_TITLE];
	in->type = o->v[IO_TYPE];
	in->priority = o->v[IO_PRIORITY];
	in->beneficiary = o->v[IO_BENEFICIARY];
	in->validated = o->v[IO_VALIDATED];
	in->achieved = o->v[IO_ACHIEVED];
	in->confirmed = o->v[IO_CONFIRMED];
}

static enum status
objective_add_cmd(struct cli *c, struct store *s, const struct item_family *f,
		  const struct item_opts *o, char **args)
{
	struct objective_input in = { 0 };
	struct work_done d;
	int64_t plan_id;

	if (plan_cmd_current(c, s, args[0], &plan_id))
		return c->err->status;
	objective_in(o, &in);
	in.title = args[1];
	if (objective_add(s, plan_id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "added", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
objective_edit_cmd(struct cli *c, struct store *s, const struct item_family *f,
		   const struct item_opts *o, char **args)
{
	struct objective_input in = { 0 };
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "objective", args[0], &id))
		return c->err->status;
	objective_in(o, &in);
	if (objective_edit(s, id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "changed", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- milestones ------------------------------------------------------------------ */

static void
milestone_in(const struct item_opts *o, struct milestone_input *in)
{
	in->title = o->v[IO_TITLE];
	in->owner = o->v[IO_OWNER];
	in->due = o->v[IO_DUE];
	in->status = o->v[IO_STATUS];
}

static enum status
milestone_add_cmd(struct cli *c, struct store *s, const struct item_family *f,
		  const struct item_opts *o, char **args)
{
	struct milestone_input in = { 0 };
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "objective", args[0], &id))
		return c->err->status;
	milestone_in(o, &in);
	in.title = args[1];
	if (milestone_add(s, id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "added", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
milestone_edit_cmd(struct cli *c, struct store *s, const struct item_family *f,
		   const struct item_opts *o, char **args)
{
	struct milestone_input in = { 0 };
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "milestone", args[0], &id))
		return c->err->status;
	milestone_in(o, &in);
	if (milestone_edit(s, id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "changed", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- KPIs ---------------------------------------------------------------------------- */

static void
kpi_in(const struct item_opts *o, struct kpi_input *in)
{
	in->name = o->v[IO_TITLE];
	in->baseline = o->v[IO_BASELINE];
	in->target = o->v[IO_TARGET];
	in->current = o->v[IO_CURRENT];
	in->unit = o->v[IO_UNIT];
	in->target_date = o->v[IO_BY];
}

static enum status
kpi_add_cmd(struct cli *c, struct store *s, const struct item_family *f,
	    const struct item_opts *o, char **args)
{
	struct kpi_input in = { 0 };
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "objective", args[0], &id))
		return c->err->status;
	if (!o->v[IO_BASELINE] || !o->v[IO_TARGET])
		return cli_usage(c, fam_cmd(f), "kpi add needs --baseline N and --target N");
	kpi_in(o, &in);
	in.name = args[1];
	if (kpi_add(s, id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "added", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
kpi_edit_cmd(struct cli *c, struct store *s, const struct item_family *f,
	     const struct item_opts *o, char **args)
{
	struct kpi_input in = { 0 };
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "KPI", args[0], &id))
		return c->err->status;
	kpi_in(o, &in);
	if (kpi_edit(s, id, &in, &d, c->err))
		return app_error(c, f);
	confirm(f, "changed", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
kpi_record_cmd(struct cli *c, struct store *s, const struct item_family *f,
	       const struct item_opts *o, char **args)
{
	struct work_done d;
	int64_t id;

	if (item_id(c, f, "KPI", args[0], &id))
		return c->err->status;
	if (kpi_record(s, id, args[1], o->v[IO_ON], c->login, &d, c->err))
		return app_error(c, f);
	confirm(f, "reading recorded", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- delete and move, for all three ---------------------------------------------- */

static enum status
delete_cmd(struct cli *c, struct store *s, const struct item_family *f, const struct item_opts *o,
	   char **args)
{
	struct work_done d;
	int64_t id;

	(void)o;
	if (item_id(c, f, f->ent == &entity_kpi ? "KPI" : f->name, args[0], &id))
		return c->err->status;
	if (plan_item_delete(s, f->ent, id, &d, c->err))
		return app_error(c, f);
	confirm(f, "deleted", &d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static enum status
move_cmd(struct cli *c, struct store *s, const struct item_family *f, const struct item_opts *o,
	 char **args)
{
	struct work_done d;
	int64_t id;
	long to;

	if (item_id(c, f, f->ent == &entity_kpi ? "KPI" : f->name, args[0], &id))
		return c->err->status;
	if (!o->v[IO_TO])
		return cli_usage(c, fam_cmd(f), "%s move needs --to N (its new place, from 1)",
				 f->name);
	if (cli_int(c, "to", o->v[IO_TO], 1, 10000, &to))
		return c->err->status;
	if (plan_item_move(s, f->ent, id, (int)to, &d, c->err))
		return app_error(c, f);
	printf("%s #%lld moved to %ld", f->ent == &entity_kpi ? "KPI" : f->name, (long long)d.id,
	       to);
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

static const struct item_sub objective_subs[] = {
	{ "add", B(TYPE) | B(PRIORITY) | B(BENEFICIARY) | B(VALIDATED), 2, "an ACCOUNT and a TITLE",
	  objective_add_cmd },
	{ "edit", B(TITLE) | B(TYPE) | B(PRIORITY) | B(BENEFICIARY) | B(VALIDATED) | B(ACHIEVED) |
	  B(CONFIRMED), 1, "one objective ID", objective_edit_cmd },
	{ "delete", 0, 1, "one objective ID", delete_cmd },
	{ "move", B(TO), 1, "one objective ID", move_cmd },
};

static const struct item_sub milestone_subs[] = {
	{ "add", B(OWNER) | B(DUE) | B(STATUS), 2, "an OBJECTIVE id and a TITLE",
	  milestone_add_cmd },
	{ "edit", B(TITLE) | B(OWNER) | B(DUE) | B(STATUS), 1, "one milestone ID",
	  milestone_edit_cmd },
	{ "delete", 0, 1, "one milestone ID", delete_cmd },
	{ "move", B(TO), 1, "one milestone ID", move_cmd },
};

static const struct item_sub kpi_subs[] = {
	{ "add", B(BASELINE) | B(TARGET) | B(CURRENT) | B(UNIT) | B(BY), 2,
	  "an OBJECTIVE id and a NAME", kpi_add_cmd },
	{ "edit", B(TITLE) | B(BASELINE) | B(TARGET) | B(CURRENT) | B(UNIT) | B(BY), 1,
	  "one KPI ID", kpi_edit_cmd },
	{ "record", B(ON), 2, "a KPI ID and a VALUE", kpi_record_cmd },
	{ "delete", 0, 1, "one KPI ID", delete_cmd },
	{ "move", B(TO), 1, "one KPI ID", move_cmd },
};

#define SUBS(a) a, sizeof(a) / sizeof(a[0])
static const struct item_family objective_family = { "objective", &entity_objective,
	SUBS(objective_subs) };
static const struct item_family milestone_family = { "milestone", &entity_milestone,
	SUBS(milestone_subs) };
static const struct item_family kpi_family = { "kpi", &entity_kpi, SUBS(kpi_subs) };

static enum status
run_family(const struct item_family *f, struct cli *c, int argc, char **argv)
{
	const struct item_sub *sub = NULL;
	struct item_opts o = { 0 };
	struct buf names;
	struct store *s;
	int first;

	if (cli_getopt(c, fam_cmd(f), argc, argv, "", item_options, item_opt, &o, &first) ||
	    first < 0)
		return c->err->status;
	for (size_t i = 0; first < argc && i < f->nsubs; i++)
		if (!strcmp(argv[first], f->subs[i].name))
			sub = &f->subs[i];
	if (!sub) {
		enum status st;

		buf_init(&names);
		for (size_t i = 0; i < f->nsubs; i++)
			buf_addf(&names, "%s%s", i ? ", " : "", f->subs[i].name);
		st = cli_usage(c, fam_cmd(f), "expected %s", names.data);
		buf_done(&names);
		return st;
	}
	first++;
	for (int i = 0; i < IO_COUNT; i++)
		if ((o.given & ~sub->opts) & (1u << i))
			return cli_usage(c, fam_cmd(f), "%s %s does not take --%s", f->name,
					 sub->name, item_options[i].name);
	if (argc - first != sub->args)
		return cli_usage(c, fam_cmd(f), "%s %s takes %s", f->name, sub->name, sub->usage);
	if (cli_store(c, false, &s))
		return c->err->status;
	return sub->run(c, s, f, &o, argv + first);
}

static enum status
cmd_objective(struct cli *c, int argc, char **argv)
{
	return run_family(&objective_family, c, argc, argv);
}

static enum status
cmd_milestone(struct cli *c, int argc, char **argv)
{
	return run_family(&milestone_family, c, argc, argv);
}

static enum status
cmd_kpi(struct cli *c, int argc, char **argv)
{
	return run_family(&kpi_family, c, argc, argv);
}

static const char cmd_objective_help[] =
	"tend objective add ACCOUNT TITLE [--type quantitative|qualitative]\n"
	"    [--priority low|medium|high] [--beneficiary CONTACT] [--validated DATE]\n"
	"  Adds an objective at the end of the account's current success plan.\n"
	"tend objective edit ID [--title T] [--type T] [--priority P] [--beneficiary C]\n"
	"    [--validated DATE] [--achieved DATE] [--confirmed yes|no]\n"
	"  Changes it; an empty value clears --beneficiary, --validated, --achieved.\n"
	"tend objective delete ID       with its milestones and KPIs\n"
	"tend objective move ID --to N  its place in the plan, from 1\n";

const struct command cmd_objective_entry = {
	.name = "objective",
	.args = "add ACCOUNT TITLE | edit ID | delete ID | move ID --to N",
	.summary = "a success plan's objectives",
	.help = cmd_objective_help,
	.run = cmd_objective,
};

static const char cmd_milestone_help[] =
	"tend milestone add OBJECTIVE TITLE [--owner LOGIN|EMAIL] [--due DATE]\n"
	"    [--status S]\n"
	"  Adds a milestone under objective OBJECTIVE (its id); the owner is a user\n"
	"  of the book or a contact of the account.  Statuses: not_started (default),\n"
	"  on_track, at_risk, done, missed.\n"
	"tend milestone edit ID [--title T] [--owner O] [--due DATE] [--status S]\n"
	"tend milestone delete ID\n"
	"tend milestone move ID --to N  its place under the objective, from 1\n";

const struct command cmd_milestone_entry = {
	.name = "milestone",
	.args = "add OBJECTIVE TITLE | edit ID | delete ID | move ID --to N",
	.summary = "the milestones of a success plan's objectives",
	.help = cmd_milestone_help,
	.run = cmd_milestone,
};

static const char cmd_kpi_help[] =
	"tend kpi add OBJECTIVE NAME --baseline N --target N [--unit U] [--by DATE]\n"
	"    [--current N]\n"
	"  Adds a KPI under objective OBJECTIVE; the target must differ from the\n"
	"  baseline, --by is the target date.\n"
	"tend kpi edit ID [--title NAME] [--baseline N] [--target N] [--current N]\n"
	"    [--unit U] [--by DATE]\n"
	"tend kpi record ID VALUE [--on DATE]\n"
	"  Records a reading (today by default; never in the future): it is kept in\n"
	"  the KPI's history and becomes its current value unless a later one exists.\n"
	"tend kpi delete ID\n"
	"tend kpi move ID --to N        its place under the objective, from 1\n";

const struct command cmd_kpi_entry = {
	.name = "kpi",
	.args = "add OBJECTIVE NAME --baseline N --target N | edit ID | record ID VALUE | "
		"delete ID | move ID --to N",
	.summary = "the KPIs of a success plan's objectives, and their readings",
	.help = cmd_kpi_help,
	.run = cmd_kpi,
};
