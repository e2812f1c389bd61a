/*
 * account_edit.c -- changing an account, and recording stage changes
 * (see account_edit.h).
 *
 * The account is read inside the write transaction, each field given is
 * checked and compared with it, and one update writes the fields that
 * differ: the audit row then holds exactly the change, tags included.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/account_edit.h"
#include "core/date.h"
#include "core/names.h"
#include "core/pool.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/records.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

/* One edit in progress. */
struct edit {
	struct store *s;
	const struct account_edit_input *in;
	struct account_rec rec;      /* the account as the book has it */
	struct pool pool;            /* rec's strings and the logins */
	const char *const *logins;   /* every user's login, for "did you mean" */
	struct row row;              /* the fields that change */
	struct edit_report *out;
	char today[DATE_STRLEN];
	bool stage_changed;
};

static bool
same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* "" is no value. */
static const char *
or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* A login that must be a user: its id. */
static enum status
check_login(struct edit *ed, const char *field, const char *login, int64_t *id, struct err *e)
{
	const char *hint;

	if (names_lookup(ed->logins, login) >= 0)
		return store_user_id(ed->s, login, id, e);
	hint = names_suggest(ed->logins, login);
	if (hint)
		return err_set(e, ST_NOINPUT, "%s: '%s' is not a user of this book; did you mean '%s'?",
			       field, login, hint);
	return err_set(e, ST_NOINPUT, "%s: '%s' is not a user of this book", field, login);
}

static enum status
edit_owner(struct edit *ed, struct err *e)
{
	const char *owner = ed->in->owner;
	int64_t id = 0;

	if (!owner)
		return ST_OK;
	if (!strcmp(owner, "pooled"))
		owner = "";
	if (*owner && check_login(ed, "owner", owner, &id, e))
		return e->status;
	if (same(owner, ed->rec.owner))
		return ST_OK;
	if (id)
		row_int(&ed->row, "owner", id);
	else
		row_null(&ed->row, "owner");
	edit_report_change(ed->out, "owner", ed->rec.owner, owner, "pooled");
	return ST_OK;
}

/* The AM or the RM: a login kept as text. */
static enum status
edit_person(struct edit *ed, const char *field, const char *login, const char *old, struct err *e)
{
	int64_t id;

	if (!login)
		return ST_OK;
	if (*login && check_login(ed, field, login, &id, e))
		return e->status;
	if (same(login, old))
		return ST_OK;
	row_text(&ed->row, field, or_null(login));
	edit_report_change(ed->out, field, old, login, "-");
	return ST_OK;
}

/* An enumerated field: field is the account column, label the name the
 * user knows it by. */
static enum status
edit_choice(struct edit *ed, const char *field, const char *label, const char *value,
	    const char *old, const char *const *names, struct err *e)
{
	const char *v = NULL;

	if (!value)
		return ST_OK;
	if (edit_check_choice(label, value, names, &v, e))
		return e->status;
	if (same(v, old))
		return ST_OK;
	row_text(&ed->row, field, v);
	edit_report_change(ed->out, !strcmp(label, "touch") ? "touch model" : label, old, v, "-");
	return ST_OK;
}

static enum status
edit_stage(struct edit *ed, struct err *e)
{
	const char *v = NULL;

	if (!ed->in->stage)
		return ST_OK;
	if (edit_check_choice("stage", ed->in->stage, stage_names, &v, e))
		return e->status;
	if (same(v, ed->rec.stage))
		return ST_OK;
	row_text(&ed->row, "stage", v);
	row_text(&ed->row, "stage_since", ed->today);
	edit_report_change(ed->out, "stage", ed->rec.stage, v, "-");
	ed->stage_changed = true;
	return ST_OK;
}

/* Free text ("" clears it); notes are reported without their text. */
static void
edit_text(struct edit *ed, const char *field, const char *value, const char *old)
{
	if (!value || same(value, old))
		return;
	row_text(&ed->row, field, or_null(value));
	if (strcmp(field, "notes"))
		edit_report_change(ed->out, field, old, value, "-");
	else
		edit_report_changef(ed->out, "notes %s", !*value ? "cleared" : old ? "changed" : "added");
}

static enum status
edit_seats(struct edit *ed, struct err *e)
{
	char old[24], new[24];

	if (!ed->in->has_seats)
		return ST_OK;
	if (ed->in->seats < 1)
		return err_set(e, ST_USAGE, "seats: %lld is not a positive number of seats",
			       (long long)ed->in->seats);
	if (ed->in->seats == ed->rec.seats)
		return ST_OK;
	row_int(&ed->row, "licensed_seats", ed->in->seats);
	snprintf(old, sizeof(old), "%lld", (long long)ed->rec.seats);
	snprintf(new, sizeof(new), "%lld", (long long)ed->in->seats);
	edit_report_change(ed->out, "seats", ed->rec.seats < 0 ? NULL : old, new, "-");
	return ST_OK;
}

static enum status
edit_tags(struct edit *ed, struct err *e)
{
	static const struct edit_list tags = { .field = "tag", .noun = "tag", .max = ROW_MAX_ITEMS };
	struct buf list;
	bool changed;
	enum status st;

	if (ed->in->ntags <= 0)
		return ST_OK;
	if (ed->in->ntags > ACCOUNT_EDIT_MAX_TAGS)
		return err_set(e, ST_USAGE, "tag: at most %d at once", ACCOUNT_EDIT_MAX_TAGS);
	buf_init(&list);
	st = edit_list_apply(&tags, ed->rec.tags, ed->in->tags, ed->in->ntags, ed->out, &changed,
			     &list, e);
	/* The row keeps its own copy of the elements. */
	if (!st && changed &&
	    row_parse(ed->s, &ed->row, entity_field(&entity_account, "tags"), list.data, e))
		st = err_wrap(e, "tag");
	buf_done(&list);
	return st;
}

/* -- the edit ---------------------------------------------------------------- */

/* Check every field given against the account, filling the row with the
 * ones that change; nothing is written here. */
static enum status
edit_fields(struct edit *ed, struct err *e)
{
	const struct account_edit_input *in = ed->in;
	const struct account_rec *r = &ed->rec;

	if (edit_stage(ed, e) || edit_owner(ed, e) || edit_person(ed, "am", in->am, r->am, e) ||
	    edit_person(ed, "rm", in->rm, r->rm, e) ||
	    edit_choice(ed, "segment", "segment", in->segment, r->segment, segment_names, e) ||
	    edit_choice(ed, "touch_model", "touch", in->touch_model, r->touch_model,
			touch_model_names, e) ||
	    edit_choice(ed, "service_package", "package", in->package, r->package, package_names, e))
		return e->status;
	edit_text(ed, "partner", in->partner, r->partner);
	if (edit_seats(ed, e) || edit_tags(ed, e))
		return e->status;
	edit_text(ed, "notes", in->notes, r->notes);
	return ST_OK;
}

static int64_t
author_id(struct store *s, const char *login)
{
	struct err ignore = { ST_OK, "" };
	int64_t id = 0;

	if (!login || store_user_id(s, login, &id, &ignore))
		return 0;
	return id;
}

/* Edit one account inside t, the caller's action: read it, check every
 * field, write what differs.  logins: every user's, for did-you-mean. */
static enum status
edit_in(struct wtx *t, struct store *s, const char *login, const char *const *logins,
	const struct account_edit_input *in, struct edit_report *out, struct err *e)
{
	struct edit ed = { .s = s, .in = in, .out = out, .logins = logins };
	enum status st;

	pool_init(&ed.pool);
	row_init(&ed.row, &entity_account);
	date_format(store_clock(s)->today, ed.today);
	if (!(st = store_account_rec(s, in->account_id, &ed.pool, &ed.rec, e))) {
		edit_report_who(out, "%s (%s)", ed.rec.name, ed.rec.external_id);
		st = edit_fields(&ed, e);
	}
	if (!st && ed.stage_changed)
		st = account_stage_write(t, s, in->account_id, row_get(&ed.row, "stage")->s,
					 store_clock(s)->today, author_id(s, login), "manual", e);
	if (!st && out->changes)
		st = wtx_update(t, &ed.row, in->account_id, e);
	row_done(&ed.row);
	pool_done(&ed.pool);
	return st;
}

enum status
account_edit(struct store *s, const char *login, const struct account_edit_input *in,
	     struct edit_report *out, struct err *e)
{
	const char *const *logins;
	struct pool pool;
	struct wtx *t;
	enum status st;

	if ((st = wtx_begin(s, "account set", WTX_AUDIT_ROWS, &t, e)))
		return st;
	pool_init(&pool);
	if (!(st = store_user_logins(s, &pool, &logins, e)))
		st = edit_in(t, s, login, logins, in, out, e);
	if (st || !out->changes)
		wtx_abort(t);   /* an error, or nothing to write: no audit row either */
	else
		st = wtx_commit(t, e);
	if (st)
		edit_report_clear(out);   /* of a change that did not happen */
	pool_done(&pool);
	return st;
}

enum status
account_edit_many(struct store *s, const char *login, const int64_t *ids, size_t n,
		  const struct account_edit_input *in, struct account_bulk *out,
		  void (*each)(void *ctx, const struct edit_report *r), void *ctx, struct err *e)
{
	struct account_edit_input one = *in;
	const char *const *logins;
	struct edit_report rep;
	struct pool pool;
	struct wtx *t;
	enum status st;

	out->changed = out->unchanged = 0;
	if ((st = wtx_begin(s, "account set", WTX_AUDIT_ROWS, &t, e)))
		return st;
	pool_init(&pool);
	st = store_user_logins(s, &pool, &logins, e);
	for (size_t i = 0; i < n && !st; i++) {
		edit_report_init(&rep);
		one.account_id = ids[i];
		if ((st = edit_in(t, s, login, logins, &one, &rep, e))) {
			/* A value refused is refused for all (it names its
			 * field); a change one account's dates contradict
			 * says which account. */
			if (rep.who.len && st == ST_DATA)
				err_wrap(e, "%s", rep.who.data);
		} else {
			if (rep.changes)
				out->changed++;
			else
				out->unchanged++;
			if (each)
				each(ctx, &rep);
		}
		edit_report_done(&rep);
	}
	if (st || !out->changed) {
		wtx_abort(t);   /* one transaction for the lot: all or nothing */
		if (st)
			out->changed = out->unchanged = 0;
	} else {
		st = wtx_commit(t, e);
	}
	pool_done(&pool);
	return st;
}

/* -- stage history ------------------------------------------------------------ */

static enum status
period_insert(struct wtx *t, int64_t account_id, const char *stage, const char *from,
	      const char *to, int64_t author, const char *source, struct err *e)
{
	struct row r;
	enum status st;

	row_init(&r, &entity_stage_history);
	row_int(&r, "account", account_id);
	row_text(&r, "stage", stage);
	row_text(&r, "from_date", from);
	row_text(&r, "to_date", to);
	if (author)
		row_int(&r, "author", author);
	if (source)
		row_text(&r, "source", source);
	st = wtx_insert(t, &r, NULL, e);
	row_done(&r);
	return st;
}

enum status
account_stage_write(struct wtx *t, struct store *s, int64_t account_id, const char *stage,
		    int32_t day, int64_t author, const char *source, struct err *e)
{
	char today[DATE_STRLEN], from[DATE_STRLEN];
	struct account_rec a;
	struct pool pool;
	int64_t open;
	struct row r;
	enum status st;

	date_format(day, today);
	pool_init(&pool);
	if ((st = store_account_rec(s, account_id, &pool, &a, e)) ||
	    (st = store_stage_open(s, account_id, &open, from, e)))
		goto done;
	if (!open && a.stage_since)
		snprintf(from, sizeof(from), "%s", a.stage_since);
	if (*from && strcmp(from, today) > 0) {
		st = err_set(e, ST_DATA, "stage: the account has been in %s since %s, after %s",
			     a.stage, from, today);
		goto done;
	}
	if (open) {
		row_init(&r, &entity_stage_history);
		row_text(&r, "to_date", today);
		st = wtx_update(t, &r, open, e);
		row_done(&r);
	} else {
		/* The history starts now: keep the period the account leaves,
		 * whose author and source nobody recorded. */
		st = period_insert(t, account_id, a.stage, *from ? from : NULL, today, 0, NULL, e);
	}
	if (!st)
		st = period_insert(t, account_id, stage, today, NULL, author, source, e);
done:
	pool_done(&pool);
	return st;
}
