/*
 * account_facts.c -- storing the fact catalog per account (see
 * account_facts.h).
 *
 * The columns of account_facts are the stored facts in catalog order, so a
 * row is written with one positional INSERT bound fact by fact (SQLite
 * refuses it if the counts differ); tests/unit/check_account_facts.c holds
 * the table's columns (names, order and types) to the catalog.  No audit
 * record: like the full-text indexes, these rows derive from audited data.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/account_facts.h"
#include "store/fact_sql.h"
#include "store/store_int.h"
#include "store/wtx.h"

/* "INSERT OR REPLACE INTO account_facts VALUES (?, ?, ...)": the account
 * id, its renewal coming up, then one parameter per stored fact.  Replacing
 * in place costs half of emptying the table and filling it again; rows of
 * deleted accounts go with them (ON DELETE CASCADE), and the recompute
 * puts every account (health_run.c checks). */
static sqlite3_stmt *
insert_stmt(struct store *s, struct err *e)
{
	char sql[256];
	size_t n = (size_t)snprintf(sql, sizeof(sql), "INSERT OR REPLACE INTO account_facts VALUES (?, ?");

	for (int f = 0; f < FACT_COUNT_; f++)
		if (fact_sql_stored(f) && n + 4 < sizeof(sql)) {
			memcpy(sql + n, ", ?", 3);
			n += 3;
		}
	snprintf(sql + n, sizeof(sql) - n, ")");
	return store_stmt(s, sql, e);
}

enum status
store_account_facts_begin(struct wtx *t, int32_t day, struct err *e)
{
	struct store *s = wtx_store(t);
	char date[DATE_STRLEN];
	sqlite3_stmt *st;

	if (!s->has_stored_facts)
		return err_set(e, ST_SOFTWARE, "internal: this book has no account_facts table");
	/* Prepared now, it fails here (nothing written yet) if the table's
	 * columns are not the catalog's count. */
	if (!insert_stmt(s, e))
		return err_wrap(e, "storing facts");
	wtx_stores_facts(t);
	if (!(st = store_stmt(s, "INSERT OR REPLACE INTO account_facts_state (id, as_of, at)"
			      " VALUES (1, ?1, ?2)", e)))
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, wtx_stamp(t), -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_sql_error(s, e, "storing facts");
	return ST_OK;
}

static void
bind_fact(sqlite3_stmt *st, int i, int fact, const struct fact_value *v)
{
	if (!v->known) {
		sqlite3_bind_null(st, i);
		return;
	}
	switch (fact_defs[fact].kind) {
	case FK_LABEL:
		sqlite3_bind_text(st, i, v->label, -1, SQLITE_TRANSIENT);
		break;
	case FK_RATIO:
	case FK_NUMBER:
		sqlite3_bind_double(st, i, v->num);
		break;
	default:   /* whole quantities */
		sqlite3_bind_int64(st, i, llround(v->num));
		break;
	}
}

enum status
store_account_facts_put(struct wtx *t, const struct fact_row *r, struct err *e)
{
	struct store *s = wtx_store(t);
	sqlite3_stmt *st = insert_stmt(s, e);
	int i = 1;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, i++, r->account_id);
	if (r->renewal_id)
		sqlite3_bind_int64(st, i, r->renewal_id);
	else
		sqlite3_bind_null(st, i);
	i++;
	for (int f = 0; f < FACT_COUNT_; f++)
		if (fact_sql_stored(f))
			bind_fact(st, i++, f, &r->v[f]);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_sql_error(s, e, "storing facts");
	return ST_OK;
}

enum status
store_account_facts_state(struct store *s, int32_t day, struct stored_facts *out, struct err *e)
{
	char date[DATE_STRLEN];
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	/* Every account must have its row: a cheap guard against a set left
	 * half-written (any change of the accounts stales them anyway). */
	if (!(st = store_stmt(s, s->has_stored_facts
			      ? "SELECT (SELECT count(*) FROM accounts), (SELECT as_of FROM account_facts_state),"
				" (SELECT count(*) FROM account_facts)"
			      : "SELECT count(*), NULL, 0 FROM accounts", e)))
		return e->status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->accounts = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    sqlite3_column_int64(st, 2) == out->accounts) {
			snprintf(out->as_of, sizeof(out->as_of), "%s", (const char *)sqlite3_column_text(st, 1));
			out->fresh = !strcmp(out->as_of, date_format(day, date));
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the stored facts' state");
	return ST_OK;
}

enum status
store_account_facts_as_of(struct store *s, int32_t day, bool *as_of, struct err *e)
{
	char date[DATE_STRLEN];
	sqlite3_stmt *st;
	int rc;

	*as_of = false;
	if (!s->has_stored_facts)
		return ST_OK;
	if (!(st = store_stmt(s, "SELECT as_of = ?1 FROM account_facts_state", e)))
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*as_of = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the stored facts' state");
	return ST_OK;
}
