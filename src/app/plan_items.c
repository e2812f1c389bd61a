/*
 * plan_items.c -- adding, changing, ordering and deleting a success plan's
 * objectives, milestones and KPIs, and recording KPI readings, through the
 * write path (the rules are in plan_items.h).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/plan_items.h"
#include "core/date.h"
#include "domain/model.h"
#include "domain/plan.h"
#include "store/entity.h"
#include "store/plan.h"
#include "store/records.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

/* -- checks ---------------------------------------------------------------- */

static enum status
check_title(const char *field, const char *text, bool add, struct err *e)
{
	if (!text && !add)
		return ST_OK;
	return work_text(field, text, "say what it is", e);
}

static enum status
number(const char *field, const char *text, double *out, struct err *e)
{
	char *end;

	if (!text || !*text)
		return err_set(e, ST_USAGE, "%s: give a number", field);
	*out = strtod(text, &end);
	if (*end || end == text || !isfinite(*out))
		return err_set(e, ST_USAGE, "%s: '%s' is not a number", field, text);
	return ST_OK;
}

/* A contact of the plan's account, by id or email, into *id. */
static enum status
account_contact(struct store *s, const struct plan *p, const char *field, const char *key,
		int64_t *id, struct err *e)
{
	enum status st = store_contact_resolve(s, key, p->account_id, id, e);

	if (st == ST_NOINPUT)
		return err_set(e, ST_DATA, "%s: '%s' is not a contact of %s", field, key, p->account);
	return st;
}

static enum status
check_owner(struct store *s, const struct plan *p, const char *owner, struct err *e)
{
	int64_t id;
	struct err ignored;

	if (!owner || !*owner)
		return ST_OK;
	if (!store_user_id(s, owner, &id, &ignored))
		return ST_OK;
	if (strchr(owner, '@') && !store_contact_resolve(s, owner, p->account_id, &id, &ignored))
		return ST_OK;
	return err_set(e, ST_DATA, "owner: '%s' is neither a user of the book (a login) nor a "
		       "contact of %s (an email)", owner, p->account);
}

/* A date field into the row: NULL leaves it, "" clears it.  The row
 * borrows its text, so the day is kept in the caller's day[]. */
static enum status
row_date(struct store *s, struct row *r, const char *field, const char *column, const char *text,
	 char *day, struct err *e)
{
	enum status st;

	if (!text)
		return ST_OK;
	if (!*text) {
		row_null(r, column);
		return ST_OK;
	}
	if ((st = plan_date(s, field, text, false, day, e)))
		return st;
	row_text(r, column, day);
	return ST_OK;
}

/* Optional text: NULL leaves it, "" clears it. */
static void
row_opt_text(struct row *r, const char *column, const char *text)
{
	if (text)
		row_text(r, column, *text ? text : NULL);
}

static struct plan_objective *
find_objective(struct plan *p, int64_t id)
{
	for (int i = 0; i < p->nobjectives; i++)
		if (p->objectives[i].id == id)
			return &p->objectives[i];
	return NULL;
}

/* Begin an action on item id of ent: its plan loaded, its objective found. */
static enum status
item_begin(struct store *s, const char *action, const struct entity *ent, int64_t id,
	   struct wtx **t, struct plan **p, struct plan_objective **o, struct err *e)
{
	int64_t plan_id, objective_id;
	enum status st;

	if ((st = store_plan_item(s, ent, id, &plan_id, &objective_id, e)) ||
	    (st = plan_begin(s, action, plan_id, false, t, p, e)))
		return st;
	*o = find_objective(*p, objective_id);
	return ST_OK;
}

/* Insert r, of ent under parent, at the end of its siblings. */
static enum status
insert_last(struct store *s, struct wtx *t, struct row *r, const struct entity *ent,
	    int64_t parent, int64_t *id, struct err *e)
{
	int pos;
	enum status st;

	if ((st = store_plan_next_position(s, ent, parent, &pos, e)))
		return st;
	row_int(r, "position", pos);
	return wtx_insert(t, r, id, e);
}

/* -- objectives ------------------------------------------------------------- */

static enum status
objective_row(struct store *s, const struct plan *p, const struct objective_input *in, bool add,
	      struct row *r, char days[2][DATE_STRLEN], struct err *e)
{
	int64_t contact;
	enum status st;

	if ((st = check_title("title", in->title, add, e)))
		return st;
	if (in->type && work_choice("type", in->type, objective_type_names, "objective type", e))
		return e->status;
	if (in->priority &&
	    work_choice("priority", in->priority, objective_priority_names, "priority", e))
		return e->status;
	if (in->confirmed && strcmp(in->confirmed, "yes") && strcmp(in->confirmed, "no"))
		return err_set(e, ST_USAGE, "confirmed: say yes or no");
	if (in->title)
		row_text(r, "title", in->title);
	if (in->type)
		row_text(r, "type", in->type);
	if (in->priority)
		row_text(r, "priority", in->priority);
	if (in->beneficiary && !*in->beneficiary)
		row_null(r, "beneficiary");
	else if (in->beneficiary) {
		if ((st = account_contact(s, p, "beneficiary", in->beneficiary, &contact, e)))
			return st;
		row_int(r, "beneficiary", contact);
	}
	if ((st = row_date(s, r, "validated", "last_validated", in->validated, days[0], e)) ||
	    (st = row_date(s, r, "achieved", "achieved_on", in->achieved, days[1], e)))
		return st;
	if (in->confirmed)
		row_int(r, "confirmed_in_writing", !strcmp(in->confirmed, "yes"));
	return ST_OK;
}

enum status
objective_add(struct store *s, int64_t plan_id, const struct objective_input *in,
	      struct work_done *out, struct err *e)
{
	char days[2][DATE_STRLEN];
	struct plan *p;
	struct wtx *t;
	struct row r;
	int64_t id = 0;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_title("title", in->title, true, e)) ||
	    (st = plan_begin(s, "objective add", plan_id, false, &t, &p, e)))
		return st;
	row_init(&r, &entity_objective);
	row_int(&r, "plan", plan_id);
	if (!(st = objective_row(s, p, in, true, &r, days, e)))
		st = insert_last(s, t, &r, &entity_objective, plan_id, &id, e);
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

enum status
objective_edit(struct store *s, int64_t id, const struct objective_input *in,
	       struct work_done *out, struct err *e)
{
	char days[2][DATE_STRLEN];
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = item_begin(s, "objective edit", &entity_objective, id, &t, &p, &o, e)))
		return st;
	row_init(&r, &entity_objective);
	if (!(st = objective_row(s, p, in, false, &r, days, e))) {
		if (r.set)
			st = wtx_update(t, &r, id, e);
		else
			st = err_set(e, ST_USAGE, "nothing to change: say what (title, type, "
				     "priority, beneficiary, validated, achieved, confirmed)");
	}
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

/* -- milestones ------------------------------------------------------------- */

static enum status
milestone_row(struct store *s, const struct plan *p, const struct milestone_input *in, bool add,
	      struct row *r, char *day, char *done, struct err *e)
{
	enum status st;

	if ((st = check_title("title", in->title, add, e)))
		return st;
	if (in->status &&
	    work_choice("status", in->status, milestone_status_names, "milestone status", e))
		return e->status;
	if ((st = check_owner(s, p, in->owner, e)))
		return st;
	if (in->title)
		row_text(r, "title", in->title);
	row_opt_text(r, "owner", in->owner);
	if ((st = row_date(s, r, "due", "due_date", in->due, day, e)))
		return st;
	if (in->status) {
		row_text(r, "status", in->status);
		/* done_on follows the status: set the day it is done, cleared
		 * when it is not. */
		if (!strcmp(in->status, "done"))
			row_text(r, "done_on", date_format(store_clock(s)->today, done));
		else
			row_null(r, "done_on");
	}
	return ST_OK;
}

enum status
milestone_add(struct store *s, int64_t objective_id, const struct milestone_input *in,
	      struct work_done *out, struct err *e)
{
	char day[DATE_STRLEN], done[DATE_STRLEN];
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	int64_t id = 0;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_title("title", in->title, true, e)) ||
	    (st = item_begin(s, "milestone add", &entity_objective, objective_id, &t, &p, &o, e)))
		return st;
	row_init(&r, &entity_milestone);
	row_int(&r, "objective", objective_id);
	if (!(st = milestone_row(s, p, in, true, &r, day, done, e)))
		st = insert_last(s, t, &r, &entity_milestone, objective_id, &id, e);
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

enum status
milestone_edit(struct store *s, int64_t id, const struct milestone_input *in,
	       struct work_done *out, struct err *e)
{
	char day[DATE_STRLEN], done[DATE_STRLEN];
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = item_begin(s, "milestone edit", &entity_milestone, id, &t, &p, &o, e)))
		return st;
	row_init(&r, &entity_milestone);
	if (!(st = milestone_row(s, p, in, false, &r, day, done, e))) {
		if (r.set)
			st = wtx_update(t, &r, id, e);
		else
			st = err_set(e, ST_USAGE, "nothing to change: say what (title, owner, due, "
				     "status)");
	}
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

/* -- KPIs ---------------------------------------------------------------------- */

static const struct plan_kpi *
find_kpi(const struct plan_objective *o, int64_t id)
{
	for (int i = 0; o && i < o->nkpis; i++)
		if (o->kpis[i].id == id)
			return &o->kpis[i];
	return NULL;
}

/* old: the KPI as it is (NULL on add), for the baseline/target check. */
static enum status
kpi_row(struct store *s, const struct plan_kpi *old, const struct kpi_input *in, struct row *r,
	char *day, struct err *e)
{
	bool add = !old, has_base = old && old->has_baseline, has_target = old && old->has_target;
	double base = old ? old->baseline : 0, target = old ? old->target : 0, cur;
	enum status st;

	if ((st = check_title("name", in->name, add, e)))
		return st;
	if ((add || in->baseline) && (st = number("baseline", in->baseline, &base, e)))
		return st;
	if ((add || in->target) && (st = number("target", in->target, &target, e)))
		return st;
	has_base |= add || in->baseline;
	has_target |= add || in->target;
	if (has_base && has_target && base == target) {
		struct buf b;

		buf_init(&b);
		plan_number(&b, target);
		st = err_set(e, ST_USAGE, "target: %s is the baseline too: a KPI measures a change "
			     "from its baseline", b.data);
		buf_done(&b);
		return st;
	}
	if (in->current && *in->current && (st = number("current", in->current, &cur, e)))
		return st;
	if (in->name)
		row_text(r, "name", in->name);
	if (add || in->baseline)
		row_real(r, "baseline", base);
	if (add || in->target)
		row_real(r, "target", target);
	if (in->current && !*in->current)
		row_null(r, "current");
	else if (in->current)
		row_real(r, "current", cur);
	row_opt_text(r, "unit", in->unit);
	return row_date(s, r, "by", "target_date", in->target_date, day, e);
}

enum status
kpi_add(struct store *s, int64_t objective_id, const struct kpi_input *in, struct work_done *out,
	struct err *e)
{
	char day[DATE_STRLEN];
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	int64_t id = 0;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_title("name", in->name, true, e)) ||
	    (st = item_begin(s, "kpi add", &entity_objective, objective_id, &t, &p, &o, e)))
		return st;
	row_init(&r, &entity_kpi);
	row_int(&r, "objective", objective_id);
	if (!(st = kpi_row(s, NULL, in, &r, day, e)))
		st = insert_last(s, t, &r, &entity_kpi, objective_id, &id, e);
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

enum status
kpi_edit(struct store *s, int64_t id, const struct kpi_input *in, struct work_done *out,
	 struct err *e)
{
	char day[DATE_STRLEN];
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = item_begin(s, "kpi edit", &entity_kpi, id, &t, &p, &o, e)))
		return st;
	row_init(&r, &entity_kpi);
	if (!(st = kpi_row(s, find_kpi(o, id), in, &r, day, e))) {
		if (r.set)
			st = wtx_update(t, &r, id, e);
		else
			st = err_set(e, ST_USAGE, "nothing to change: say what (name, baseline, "
				     "target, current, unit, by)");
	}
	row_done(&r);
	return plan_end(t, p, id, st, out, e);
}

enum status
kpi_record(struct store *s, int64_t id, const char *value, const char *on, const char *login,
	   struct work_done *out, struct err *e)
{
	char day[DATE_STRLEN], today[DATE_STRLEN];
	const struct plan_kpi *k;
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	struct row r;
	int64_t user, reading = 0;
	double v;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = number("value", value, &v, e)) ||
	    (st = plan_date(s, "on", on ? on : "today", false, day, e)))
		return st;
	if (strcmp(day, date_format(store_clock(s)->today, today)) > 0)
		return err_set(e, ST_USAGE, "on: %s is in the future: record a reading once it is "
			       "read", day);
	if ((st = item_begin(s, "kpi record", &entity_kpi, id, &t, &p, &o, e)))
		return st;
	k = find_kpi(o, id);
	row_init(&r, &entity_kpi_reading);
	row_int(&r, "kpi", id);
	row_text(&r, "date", day);
	row_real(&r, "value", v);
	if ((user = work_user_or_none(s, login)))
		row_int(&r, "author", user);
	st = wtx_insert(t, &r, &reading, e);
	row_done(&r);
	/* The latest reading is the KPI's current value; an older one only
	 * fills in the history. */
	if (!st && k && (!k->read_on || strcmp(day, k->read_on) >= 0)) {
		row_init(&r, &entity_kpi);
		row_real(&r, "current", v);
		st = wtx_update(t, &r, id, e);
		row_done(&r);
	}
	return plan_end(t, p, id, st, out, e);
}

/* -- delete and move ---------------------------------------------------------- */

/* Delete every row of ent under parent (children first for KPIs). */
static enum status
delete_children(struct store *s, struct wtx *t, const struct entity *ent, int64_t parent,
		struct err *e)
{
	int64_t *ids;
	int n;
	enum status st;

	if ((st = store_plan_siblings(s, ent, parent, &ids, &n, e)))
		return st;
	for (int i = 0; !st && i < n; i++) {
		if (ent == &entity_kpi)
			st = delete_children(s, t, &entity_kpi_reading, ids[i], e);
		if (!st)
			st = wtx_delete(t, ent, ids[i], e);
	}
	free(ids);
	return st;
}

enum status
plan_item_delete(struct store *s, const struct entity *ent, int64_t id, struct work_done *out,
		 struct err *e)
{
	const char *action = ent == &entity_objective ? "objective delete" :
			     ent == &entity_milestone ? "milestone delete" : "kpi delete";
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = item_begin(s, action, ent, id, &t, &p, &o, e)))
		return st;
	/* Children are deleted one by one, not by ON DELETE CASCADE, so the
	 * audit log and undo see every row that goes. */
	if (ent == &entity_objective) {
		st = delete_children(s, t, &entity_milestone, id, e);
		if (!st)
			st = delete_children(s, t, &entity_kpi, id, e);
	} else if (ent == &entity_kpi) {
		st = delete_children(s, t, &entity_kpi_reading, id, e);
	}
	if (!st)
		st = wtx_delete(t, ent, id, e);
	return plan_end(t, p, id, st, out, e);
}

enum status
plan_item_move(struct store *s, const struct entity *ent, int64_t id, int position,
	       struct work_done *out, struct err *e)
{
	const char *action = ent == &entity_objective ? "objective move" :
			     ent == &entity_milestone ? "milestone move" : "kpi move";
	struct plan_objective *o;
	struct plan *p;
	struct wtx *t;
	int64_t *ids;
	int n, at = 0;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = item_begin(s, action, ent, id, &t, &p, &o, e)))
		return st;
	if ((st = store_plan_siblings(s, ent, ent == &entity_objective ? p->id : o->id, &ids, &n, e)))
		return plan_end(t, p, id, st, out, e);
	if (position < 1 || position > n) {
		free(ids);
		st = err_set(e, ST_USAGE, "to: %d is not a position between 1 and %d", position, n);
		return plan_end(t, p, id, st, out, e);
	}
	while (ids[at] != id)
		at++;
	memmove(&ids[at], &ids[at + 1], (size_t)(n - at - 1) * sizeof(*ids));
	memmove(&ids[position], &ids[position - 1], (size_t)(n - position) * sizeof(*ids));
	ids[position - 1] = id;
	/* Every sibling gets its place, so rows imported with position 0 keep
	 * the order they were shown in. */
	for (int i = 0; !st && i < n; i++) {
		struct row r;

		row_init(&r, ent);
		row_int(&r, "position", i + 1);
		st = wtx_update(t, &r, ids[i], e);
		row_done(&r);
	}
	free(ids);
	return plan_end(t, p, id, st, out, e);
}
