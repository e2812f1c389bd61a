/*
 * plan.c -- starting a success plan, writing its sections, and moving it
 * through its status flow, through the write path (the rules are in
 * plan.h; objectives, milestones and KPIs are in plan_items.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "domain/plan.h"
#include "store/entity.h"
#include "store/plan.h"
#include "store/records.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

enum status
plan_date(struct store *s, const char *field, const char *text, bool optional, char *out,
	  struct err *e)
{
	int32_t day;

	out[0] = '\0';
	if (!text || !*text) {
		if (optional)
			return ST_OK;
		return err_set(e, ST_USAGE, "%s: give a date (YYYY-MM-DD, today, +2w...)", field);
	}
	if (!date_parse_relative(text, store_clock(s)->today, &day))
		return err_set(e, ST_USAGE, "%s: '%s' is not a date (expected YYYY-MM-DD, today, "
			       "+3d, -1w...)", field, text);
	date_format(day, out);
	return ST_OK;
}

enum status
plan_begin(struct store *s, const char *action, int64_t plan_id, bool any_status, struct wtx **t,
	   struct plan **p, struct err *e)
{
	enum status st;

	*p = NULL;
	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, t, e)))
		return st;
	if ((st = store_plan_load(s, plan_id, p, e)))
		goto fail;
	if (!any_status && !strcmp((*p)->status, "done")) {
		st = err_set(e, ST_DATA, "plan #%lld is done: it takes no more changes",
			     (long long)plan_id);
		goto fail;
	}
	return ST_OK;
fail:
	wtx_abort(*t);
	*t = NULL;
	plan_free(*p);
	*p = NULL;
	return st;
}

enum status
plan_end(struct wtx *t, struct plan *p, int64_t id, enum status st, struct work_done *out,
	 struct err *e)
{
	if (st)
		wtx_abort(t);
	else
		st = wtx_commit(t, e);
	if (!st && p) {
		out->id = id;
		out->account = p->account ? xstrdup(p->account) : NULL;
		out->external_id = p->external_id ? xstrdup(p->external_id) : NULL;
	}
	plan_free(p);
	return st;
}

enum status
plan_new(struct store *s, const struct plan_new_input *in, struct work_done *out, struct err *e)
{
	char start[DATE_STRLEN];
	struct buf text[PLAN_NSECTIONS];
	int64_t open, id = 0;
	struct wtx *t;
	struct row r;
	struct plan *p = NULL;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = plan_date(s, "start", in->start ? in->start : "today", false, start, e)))
		return st;
	for (int i = 0; i < PLAN_NSECTIONS; i++)
		buf_init(&text[i]);
	for (int i = 0; !st && in->sections && i < PLAN_NSECTIONS; i++)
		if (in->sections[i])
			st = plan_text_clean(plan_section_names[i], in->sections[i], &text[i], e);
	if (!st)
		st = wtx_begin(s, "plan new", WTX_AUDIT_ROWS, &t, e);
	if (st)
		goto out;
	if ((st = store_plan_open(s, in->account_id, &open, e)))
		goto abort;
	if (open) {
		char *label = store_account_label(s, in->account_id);

		st = err_set(e, ST_DATA, "%s has a plan in progress already (#%lld): finish it "
			     "('tend plan status ... done') before starting another",
			     label ? label : "the account", (long long)open);
		free(label);
		goto abort;
	}
	row_init(&r, &entity_success_plan);
	row_int(&r, "account", in->account_id);
	row_text(&r, "status", "draft");
	row_text(&r, "start_date", start);
	if (in->template_name)
		row_text(&r, "template", in->template_name);
	for (int i = 0; i < PLAN_NSECTIONS; i++)
		if (text[i].len)
			row_text(&r, plan_section_columns[i], text[i].data);
	st = wtx_insert(t, &r, &id, e);
	row_done(&r);
	if (!st)
		st = store_plan_load(s, id, &p, e);
	st = plan_end(t, p, id, st, out, e);
	goto out;
abort:
	wtx_abort(t);
out:
	for (int i = 0; i < PLAN_NSECTIONS; i++)
		buf_done(&text[i]);
	return st;
}

enum status
plan_section_set(struct store *s, int64_t plan_id, int section, const char *text,
		 struct work_done *out, struct err *e)
{
	struct buf clean;
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (section < 0 || section >= PLAN_NSECTIONS)
		return err_set(e, ST_SOFTWARE, "internal: no plan section %d", section);
	buf_init(&clean);
	if ((st = plan_text_clean(plan_section_names[section], text ? text : "", &clean, e)) ||
	    (st = plan_begin(s, "plan edit", plan_id, false, &t, &p, e))) {
		buf_done(&clean);
		return st;
	}
	/* An empty or unchanged text is nothing to save, as git commit says
	 * of an empty message: the section keeps what it had. */
	if (!clean.len || (p->section[section] && !strcmp(p->section[section], clean.data))) {
		out->skipped = true;
		st = plan_end(t, p, plan_id, ST_OK, out, e);
		buf_done(&clean);
		return st;
	}
	row_init(&r, &entity_success_plan);
	row_text(&r, plan_section_columns[section], clean.data);
	st = wtx_update(t, &r, plan_id, e);
	row_done(&r);
	buf_done(&clean);
	return plan_end(t, p, plan_id, st, out, e);
}

enum status
plan_status_set(struct store *s, int64_t plan_id, const char *status, struct work_done *out,
		struct err *e)
{
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (status && !strcmp(status, "signed"))
		return err_set(e, ST_USAGE, "status: a plan is signed by a contact on a day: use "
			       "sign, which records both");
	if ((st = plan_begin(s, "plan status", plan_id, false, &t, &p, e)))
		return st;
	if ((st = plan_status_check(p, status ? status : "", e)))
		return plan_end(t, p, plan_id, st, out, e);
	row_init(&r, &entity_success_plan);
	row_text(&r, "status", status);
	/* Back to draft: the signature, if any, was for another text. */
	if (!strcmp(status, "draft")) {
		row_null(&r, "signed_by");
		row_null(&r, "signed_date");
	}
	st = wtx_update(t, &r, plan_id, e);
	row_done(&r);
	return plan_end(t, p, plan_id, st, out, e);
}

/* The signer: a contact of the plan's account who has not left. */
static enum status
signer_id(struct store *s, const struct plan *p, const char *key, int64_t *id, struct err *e)
{
	struct contact_rec c;
	struct pool pool;
	enum status st;

	if (!key || !*key)
		return err_set(e, ST_USAGE, "by: say which contact of the customer signed it "
			       "(an email or a contact id)");
	if ((st = store_contact_resolve(s, key, p->account_id, id, e))) {
		if (st == ST_NOINPUT)
			return err_set(e, ST_DATA, "by: '%s' is not a contact of %s: a plan is "
				       "signed by someone at the account", key, p->account);
		return st;
	}
	pool_init(&pool);
	st = store_contact_rec(s, *id, &pool, &c, e);
	if (!st && c.status && !strcmp(c.status, "left"))
		st = err_set(e, ST_DATA, "by: %s left %s%s%s: a plan is signed by someone still "
			     "there", c.name, p->account, c.left_on ? " on " : "",
			     c.left_on ? c.left_on : "");
	pool_done(&pool);
	return st;
}

enum status
plan_sign(struct store *s, int64_t plan_id, const char *signer, const char *on,
	  struct work_done *out, struct err *e)
{
	char day[DATE_STRLEN], today[DATE_STRLEN];
	struct plan *p;
	struct wtx *t;
	struct row r;
	int64_t contact;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = plan_date(s, "on", on ? on : "today", false, day, e)))
		return st;
	if (strcmp(day, date_format(store_clock(s)->today, today)) > 0)
		return err_set(e, ST_USAGE, "on: %s is in the future: record a signature once it "
			       "is given", day);
	if ((st = plan_begin(s, "plan sign", plan_id, false, &t, &p, e)))
		return st;
	if ((st = plan_status_check(p, "signed", e)) || (st = signer_id(s, p, signer, &contact, e)))
		return plan_end(t, p, plan_id, st, out, e);
	if (strcmp(day, p->start_date) < 0) {
		st = err_set(e, ST_USAGE, "on: %s is before the plan started (%s)", day,
			     p->start_date);
		return plan_end(t, p, plan_id, st, out, e);
	}
	row_init(&r, &entity_success_plan);
	row_text(&r, "status", "signed");
	row_int(&r, "signed_by", contact);
	row_text(&r, "signed_date", day);
	st = wtx_update(t, &r, plan_id, e);
	row_done(&r);
	return plan_end(t, p, plan_id, st, out, e);
}

enum status
plan_validate(struct store *s, int64_t plan_id, const char *on, struct work_done *out,
	      struct err *e)
{
	char day[DATE_STRLEN], today[DATE_STRLEN];
	struct plan *p;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = plan_date(s, "validated", on ? on : "today", false, day, e)))
		return st;
	if (strcmp(day, date_format(store_clock(s)->today, today)) > 0)
		return err_set(e, ST_USAGE, "validated: %s is in the future", day);
	if ((st = plan_begin(s, "plan validate", plan_id, false, &t, &p, e)))
		return st;
	if (p->validated_on && !strcmp(p->validated_on, day)) {
		out->skipped = true;
		return plan_end(t, p, plan_id, ST_OK, out, e);
	}
	row_init(&r, &entity_success_plan);
	row_text(&r, "validated_on", day);
	st = wtx_update(t, &r, plan_id, e);
	row_done(&r);
	return plan_end(t, p, plan_id, st, out, e);
}
