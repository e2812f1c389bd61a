/*
 * records.c -- single records read for editing (see records.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "store/records.h"
#include "store/store_int.h"

static const char *
col(struct pool *p, sqlite3_stmt *st, int i)
{
	return pool_strdup(p, store_col_text(st, i));
}

/* Step st once: ST_OK with *found set, or the SQL error as "reading what". */
static enum status
step_one(struct store *s, sqlite3_stmt *st, bool *found, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return ST_OK;
	sqlite3_reset(st);
	return store_sql_error(s, e, what);
}

enum status
store_account_rec(struct store *s, int64_t id, struct pool *p, struct account_rec *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT a.external_id, a.name, u.login, a.am, a.rm, a.segment, a.touch_model,"
		" a.service_package, a.stage, a.stage_since, a.partner, a.notes, a.licensed_seats,"
		" (SELECT group_concat(tag, ';') FROM (SELECT tag FROM account_tags"
		"   WHERE account_id = a.id ORDER BY tag))"
		" FROM accounts a LEFT JOIN users u ON u.id = a.owner_id WHERE a.id = ?1", e);
	bool found;
	int i = 0;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if (step_one(s, st, &found, "reading the account", e))
		return e->status;
	if (!found) {
		sqlite3_reset(st);
		return err_set(e, ST_NOINPUT, "no account with id %lld", (long long)id);
	}
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->external_id = col(p, st, i++);
	out->name = col(p, st, i++);
	out->owner = col(p, st, i++);
	out->am = col(p, st, i++);
	out->rm = col(p, st, i++);
	out->segment = col(p, st, i++);
	out->touch_model = col(p, st, i++);
	out->package = col(p, st, i++);
	out->stage = col(p, st, i++);
	out->stage_since = col(p, st, i++);
	out->partner = col(p, st, i++);
	out->notes = col(p, st, i++);
	out->seats = sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
	i++;
	out->tags = col(p, st, i++);
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_user_logins(struct store *s, struct pool *p, const char *const **out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT login FROM users ORDER BY login", e);
	const char **names = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		names = xreallocarray(names, n + 2, sizeof(*names));
		names[n++] = col(p, st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(names);
		return store_sql_error(s, e, "reading users");
	}
	/* The array itself lives in the pool too, so the caller frees nothing. */
	{
		const char **kept = pool_alloc(p, (n + 1) * sizeof(*kept));

		for (size_t k = 0; k < n; k++)
			kept[k] = names[k];
		kept[n] = NULL;
		*out = kept;
	}
	free(names);
	return ST_OK;
}

/* -- Contacts -------------------------------------------------------------- */

#define CONTACT_SELECT \
	"SELECT c.id, c.account_id, a.name, a.external_id, c.name, c.title, c.email, c.phone," \
	" c.status, c.left_on, c.is_executive," \
	" (SELECT group_concat(role, ';') FROM (SELECT role FROM contact_roles" \
	"   WHERE contact_id = c.id ORDER BY role))" \
	" FROM contacts c JOIN accounts a ON a.id = c.account_id"

/* Column i as text: copied into p, or borrowed from st when p is NULL. */
static const char *
text_in(struct pool *p, sqlite3_stmt *st, int i)
{
	return p ? col(p, st, i) : store_col_text(st, i);
}

/* Fill c from a CONTACT_SELECT row. */
static void
contact_fill(sqlite3_stmt *st, struct pool *p, struct contact_rec *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->account_id = sqlite3_column_int64(st, 1);
	c->account_name = text_in(p, st, 2);
	c->account_external_id = text_in(p, st, 3);
	c->name = text_in(p, st, 4);
	c->title = text_in(p, st, 5);
	c->email = text_in(p, st, 6);
	c->phone = text_in(p, st, 7);
	c->status = text_in(p, st, 8);
	c->left_on = text_in(p, st, 9);
	c->is_executive = sqlite3_column_int(st, 10);
	c->roles = text_in(p, st, 11);
}

enum status
store_contact_rec(struct store *s, int64_t id, struct pool *p, struct contact_rec *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, CONTACT_SELECT " WHERE c.id = ?1", e);
	bool found;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if (step_one(s, st, &found, "reading the contact", e))
		return e->status;
	if (found)
		contact_fill(st, p, out);
	sqlite3_reset(st);
	if (!found)
		return err_set(e, ST_NOINPUT, "no contact with id %lld", (long long)id);
	return ST_OK;
}

enum status
store_contacts_each(struct store *s, int64_t account_id, contact_rec_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, CONTACT_SELECT " WHERE c.account_id = ?1"
		" ORDER BY c.status = 'left', c.is_executive DESC, c.name COLLATE NOCASE, c.id", e);
	struct contact_rec c;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		contact_fill(st, NULL, &c);
		if (cb(ctx, &c))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing contacts");
	return ST_OK;
}

/* A contact id typed as digits only (an email always has an '@'). */
static bool
contact_id_of(const char *key, int64_t *id)
{
	char *end;
	long long n = strtoll(key, &end, 10);

	if (!*key || *end || n <= 0)
		return false;
	*id = n;
	return true;
}

enum status
store_contact_resolve(struct store *s, const char *key, int64_t account_id, int64_t *id,
		      struct err *e)
{
	sqlite3_stmt *st;
	struct buf list;
	int64_t n = 0;
	int count = 0, rc;

	if (contact_id_of(key, &n)) {
		st = store_stmt(s, "SELECT id FROM contacts WHERE id = ?1 AND (?2 = 0 OR account_id = ?2)", e);
		if (!st)
			return e->status;
		sqlite3_bind_int64(st, 1, n);
		sqlite3_bind_int64(st, 2, account_id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW) {
			*id = n;
			return ST_OK;
		}
		if (rc != SQLITE_DONE)
			return store_sql_error(s, e, "finding the contact");
		return err_set(e, ST_NOINPUT, "no contact with id %lld%s", (long long)n,
			       account_id ? " at that account" : "");
	}
	st = store_stmt(s,
		"SELECT c.id, c.email, a.name, a.external_id FROM contacts c"
		" JOIN accounts a ON a.id = c.account_id"
		" WHERE c.email = ?1 COLLATE NOCASE AND (?2 = 0 OR c.account_id = ?2)"
		" ORDER BY c.id LIMIT 6", e);
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, account_id);
	buf_init(&list);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!count++)
			*id = sqlite3_column_int64(st, 0);
		buf_addf(&list, "%s#%lld %s at %s (%s)", list.len ? ", " : "",
			 (long long)sqlite3_column_int64(st, 0), store_col_text(st, 1),
			 store_col_text(st, 2), store_col_text(st, 3));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		buf_done(&list);
		return store_sql_error(s, e, "finding the contact");
	}
	if (count == 1) {
		buf_done(&list);
		return ST_OK;
	}
	if (count == 0)
		err_set(e, ST_NOINPUT, "no contact with email '%s'%s", key,
			account_id ? " at that account" : "");
	else
		err_set(e, ST_USAGE, "'%s' is the email of several contacts: %s%s; give an id or "
			"--account", key, list.data, count > 5 ? ", ..." : "");
	buf_done(&list);
	return e->status;
}

enum status
store_contact_email_taken(struct store *s, int64_t account_id, const char *email, int64_t except,
			  int64_t *other, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id FROM contacts WHERE account_id = ?1 AND email = ?2 COLLATE NOCASE"
		" AND id <> ?3 ORDER BY id LIMIT 1", e);
	bool found;

	*other = 0;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, email, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, except);
	if (step_one(s, st, &found, "reading contacts", e))
		return e->status;
	if (found)
		*other = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return ST_OK;
}

/* -- Stage history ----------------------------------------------------------- */

enum status
store_stage_open(struct store *s, int64_t account_id, int64_t *id, char from[11], struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, coalesce(from_date, '') FROM account_stage_history"
		" WHERE account_id = ?1 AND to_date IS NULL ORDER BY id DESC LIMIT 1", e);
	bool found;

	*id = 0;
	from[0] = '\0';
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	if (step_one(s, st, &found, "reading the stage history", e))
		return e->status;
	if (found) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(from, 11, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return ST_OK;
}
