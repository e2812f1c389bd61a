/*
 * contact.c -- adding, changing and marking contacts as left (see
 * contact.h).
 *
 * Like an account edit, each reads the record inside its write
 * transaction, checks every field given, and writes only what differs.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/contact.h"
#include "core/date.h"
#include "core/pool.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/records.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

#define EMAIL_MAX 254   /* the longest address SMTP carries (RFC 5321) */

static const struct edit_list contact_roles = {
	.field = "role", .noun = "role", .allowed = contact_role_names, .max = CONTACT_MAX_ROLES,
};

static bool
same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

static const char *
or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* An address with one '@' between a local part and a domain, and nothing
 * that would split it in a list (';', ','), blanks or control characters. */
static enum status
check_email(const char *email, struct err *e)
{
	const char *at = strchr(email, '@');
	size_t n = strlen(email);

	for (const char *p = email; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == ';' || *p == ',')
			return err_set(e, ST_USAGE, "email: '%s' is not an email address", email);
	if (!at || at == email || !at[1] || strchr(at + 1, '@') || n > EMAIL_MAX)
		return err_set(e, ST_USAGE, "email: '%s' is not an email address", email);
	return ST_OK;
}

/* No other contact of the account has the email, in any case. */
static enum status
check_email_free(struct store *s, int64_t account_id, const char *email, int64_t self,
		 struct err *e)
{
	struct contact_rec other;
	struct pool pool;
	int64_t id;

	if (store_contact_email_taken(s, account_id, email, self, &id, e))
		return e->status;
	if (!id)
		return ST_OK;
	pool_init(&pool);
	if (!store_contact_rec(s, id, &pool, &other, e))
		err_set(e, ST_DATA, "email: contact #%lld %s at this account has '%s' already",
			(long long)id, other.name, other.email);
	pool_done(&pool);
	return e->status;
}

static enum status
check_name(const char *name, struct err *e)
{
	const char *p = name;

	while (p && (*p == ' ' || *p == '\t'))
		p++;
	if (!p || !*p)
		return err_set(e, ST_USAGE, "name: a contact needs a name");
	return ST_OK;
}

/* -- add --------------------------------------------------------------------- */

/* The roles of a new contact into r: plain names or "+name". */
static enum status
add_roles(struct row *r, const struct contact_input *in, struct err *e)
{
	const char *role;

	if (in->nroles > CONTACT_MAX_ROLES)
		return err_set(e, ST_USAGE, "role: at most %d", CONTACT_MAX_ROLES);
	for (int i = 0; i < in->nroles; i++) {
		const char *name = in->roles[i];

		if (*name == '-')
			return err_set(e, ST_USAGE, "role: '%s': a new contact has no roles to remove",
				       name);
		if (edit_check_choice("role", name + (*name == '+'), contact_role_names, &role, e))
			return e->status;
		row_item_text(r, "roles", role);   /* repeated: one row (the write ignores it) */
	}
	return ST_OK;
}

static enum status
add_checked(struct store *s, struct wtx *t, int64_t account_id, const struct contact_input *in,
	    int64_t *id, struct edit_report *out, struct err *e)
{
	struct account_rec a;
	struct pool pool;
	struct row r;
	enum status st;

	pool_init(&pool);
	row_init(&r, &entity_contact);
	if ((st = store_account_rec(s, account_id, &pool, &a, e)))
		goto done;
	edit_report_who(out, "%s (%s)", a.name, a.external_id);
	if ((st = check_name(in->name, e)))
		goto done;
	if (!in->email || !*in->email) {
		st = err_set(e, ST_USAGE, "email: a contact needs an email address");
		goto done;
	}
	if ((st = check_email(in->email, e)) || (st = check_email_free(s, account_id, in->email, 0, e)))
		goto done;
	row_int(&r, "account", account_id);
	row_text(&r, "name", in->name);
	row_text(&r, "email", in->email);
	row_text(&r, "title", or_null(in->title));
	row_text(&r, "phone", or_null(in->phone));
	row_int(&r, "is_executive", in->executive == 1);
	if ((st = add_roles(&r, in, e)) || (st = wtx_insert(t, &r, id, e)))
		goto done;
	edit_report_changef(out, "added contact #%lld %s <%s>", (long long)*id, in->name, in->email);
done:
	row_done(&r);
	pool_done(&pool);
	return st;
}

enum status
contact_add(struct store *s, int64_t account_id, const struct contact_input *in, int64_t *id,
	    struct edit_report *out, struct err *e)
{
	struct wtx *t;
	int64_t new_id = 0;
	enum status st;

	if ((st = wtx_begin(s, "contact add", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = add_checked(s, t, account_id, in, &new_id, out, e))) {
		wtx_abort(t);
		edit_report_clear(out);
		return st;
	}
	if ((st = wtx_commit(t, e))) {
		edit_report_clear(out);
		return st;
	}
	if (id)
		*id = new_id;
	return ST_OK;
}

/* -- edit and left ---------------------------------------------------------- */

/* A contact being changed: the record as the book has it and the row of
 * fields that differ. */
struct cedit {
	struct store *s;
	struct contact_rec rec;
	struct pool pool;
	struct row row;
	struct edit_report *out;
	struct buf roles;            /* the new roles, when they change */
};

/* Begin a change of contact id: read it and name it in out. */
static enum status
cedit_begin(struct cedit *c, struct store *s, int64_t id, struct edit_report *out, struct err *e)
{
	c->s = s;
	c->out = out;
	pool_init(&c->pool);
	row_init(&c->row, &entity_contact);
	buf_init(&c->roles);
	if (store_contact_rec(s, id, &c->pool, &c->rec, e))
		return e->status;
	edit_report_who(out, "%s (%s), contact #%lld %s", c->rec.account_name,
			c->rec.account_external_id, (long long)id, c->rec.name);
	return ST_OK;
}

static void
cedit_done(struct cedit *c)
{
	row_done(&c->row);
	pool_done(&c->pool);
	buf_done(&c->roles);
}

/* Write the row when something changed, and end the transaction. */
static enum status
cedit_write(struct cedit *c, struct wtx *t, enum status st, struct err *e)
{
	if (!st && c->out->changes)
		st = wtx_update(t, &c->row, c->rec.id, e);
	if (st || !c->out->changes)
		wtx_abort(t);   /* an error, or nothing to write: no audit row either */
	else
		st = wtx_commit(t, e);
	if (st)
		edit_report_clear(c->out);
	cedit_done(c);
	return st;
}

/* A text field: "" clears it (name and email cannot be cleared). */
static void
edit_text(struct cedit *c, const char *field, const char *value, const char *old)
{
	if (!value || same(value, old))
		return;
	row_text(&c->row, field, or_null(value));
	edit_report_change(c->out, field, old, value, "-");
}

static enum status
edit_fields(struct cedit *c, const struct contact_input *in, struct err *e)
{
	bool changed;

	if (in->name && check_name(in->name, e))
		return e->status;
	if (in->email && (check_email(in->email, e) ||
			  check_email_free(c->s, c->rec.account_id, in->email, c->rec.id, e)))
		return e->status;
	edit_text(c, "name", in->name, c->rec.name);
	edit_text(c, "email", in->email, c->rec.email);
	edit_text(c, "title", in->title, c->rec.title);
	edit_text(c, "phone", in->phone, c->rec.phone);
	if (in->executive >= 0 && in->executive != (int)c->rec.is_executive) {
		row_int(&c->row, "is_executive", in->executive);
		edit_report_change(c->out, "executive", c->rec.is_executive ? "yes" : "no",
				   in->executive ? "yes" : "no", "-");
	}
	if (in->nroles > CONTACT_MAX_ROLES)
		return err_set(e, ST_USAGE, "role: at most %d at once", CONTACT_MAX_ROLES);
	if (in->nroles &&
	    edit_list_apply(&contact_roles, c->rec.roles, in->roles, in->nroles, c->out, &changed,
			    &c->roles, e))
		return e->status;
	if (in->nroles && changed &&
	    row_parse(c->s, &c->row, entity_field(&entity_contact, "roles"), c->roles.data, e))
		return err_wrap(e, "role");
	return ST_OK;
}

enum status
contact_edit(struct store *s, int64_t id, const struct contact_input *in, struct edit_report *out,
	     struct err *e)
{
	struct cedit c;
	struct wtx *t;
	enum status st;

	if ((st = wtx_begin(s, "contact edit", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if (!(st = cedit_begin(&c, s, id, out, e)))
		st = edit_fields(&c, in, e);
	return cedit_write(&c, t, st, e);
}

enum status
contact_left(struct store *s, int64_t id, int32_t date, bool date_given, struct edit_report *out,
	     struct err *e)
{
	char day[DATE_STRLEN], today[DATE_STRLEN];
	struct cedit c;
	struct wtx *t;
	enum status st;

	date_format(date, day);
	date_format(store_clock(s)->today, today);
	if ((st = wtx_begin(s, "contact left", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = cedit_begin(&c, s, id, out, e)))
		return cedit_write(&c, t, st, e);
	if (date > store_clock(s)->today) {
		st = err_set(e, ST_USAGE, "date: %s is after today (%s): mark a contact as left once "
			     "they have", day, today);
		return cedit_write(&c, t, st, e);
	}
	if (!strcmp(c.rec.status, "left") && c.rec.left_on && (!date_given || same(day, c.rec.left_on))) {
		edit_report_note(out, "left on %s already", c.rec.left_on);
	} else if (!strcmp(c.rec.status, "left") && c.rec.left_on) {
		row_text(&c.row, "left_on", day);
		edit_report_change(out, "left on", c.rec.left_on, day, "-");
	} else {
		row_text(&c.row, "status", "left");
		row_text(&c.row, "left_on", day);
		edit_report_changef(out, "left on %s", day);
	}
	return cedit_write(&c, t, ST_OK, e);
}
