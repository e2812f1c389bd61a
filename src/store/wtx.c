/*
 * wtx.c -- the write path (see wtx.h).
 *
 * Statements are built from the entity descriptors -- table and column names
 * are schema metadata, never data -- and cached per (entity, set of fields),
 * so a bulk load pays for SQL text once, not per row.  Beside it: roles
 * (wtx_perm.c), the search indexes (wtx_fts.c), stale facts and the
 * accounts whose health a write changes (wtx_facts.c), and the audit
 * log's hash (audit_chain.c).
 * The audit records -- a row's JSON, its place in the chain -- are
 * wtx_audit.c's and wtx_newrow.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/journal.h"
#include "store/store_int.h"
#include "store/dash.h"
#include "store/wtx.h"
#include "store/wtx_int.h"

#define WTX_BULK_CACHE_KB 65536   /* page cache during bulk actions */
#define WTX_CACHE_KB 2000         /* SQLite's default, restored afterwards */
#define WTX_BULK_MMAP 2147483648  /* bytes of the book mapped during bulk actions */
#define STR_(x) #x
#define STR(x) STR_(x)

/* When the busy timeout (5 s, store.c) has run out once, BEGIN IMMEDIATE
 * is tried this many times more, after WTX_RETRY_MS, then twice that and
 * so on (0.25 + 0.5 + 1 + 2 s), without waiting on the lock in between: a
 * recompute, an import or a playbook run on a big shared book may hold the
 * write lock for longer than one timeout, and a CSM's save should wait for
 * it rather than fail; past that it fails with "the book is busy" (75). */
#define WTX_RETRIES 4
#define WTX_RETRY_MS 250

static int
begin_immediate(struct store *s)
{
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL), wait = WTX_RETRY_MS;

	if ((rc & 0xff) != SQLITE_BUSY)
		return rc;
	sqlite3_busy_timeout(s->db, 0);
	for (int i = 0; i < WTX_RETRIES && (rc & 0xff) == SQLITE_BUSY; i++) {
		sqlite3_sleep(wait);
		wait *= 2;
		rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	return rc;
}

enum status
wtx_begin(struct store *s, const char *action, enum wtx_mode mode, struct wtx **out, struct err *e)
{
	struct wtx *t;

	*out = NULL;
	if (s->read_only && s->read_only_why)
		return err_set(e, s->read_only_status, "cannot %s: %s is open read-only because %s "
			       "(nothing was changed)", action, s->path, s->read_only_why);
	if (s->read_only)
		return err_set(e, ST_NOPERM, "cannot %s: the book is open read-only", action);
	if (s->tx)
		return err_set(e, ST_SOFTWARE, "internal: nested write transaction (%s)", action);
	if (begin_immediate(s) != SQLITE_OK)
		return store_sql_error(s, e, action);
	/* A bulk action (demo, import, recompute) touches pages all over; with
	 * the default 2 MB cache it rereads them constantly (40% of demo
	 * time), and reading through a memory map saves a copy per page. */
	if (mode == WTX_BULK)
		sqlite3_exec(s->db, "PRAGMA cache_size = -" STR(WTX_BULK_CACHE_KB) ";"
			     "PRAGMA mmap_size = " STR(WTX_BULK_MMAP), NULL, NULL, NULL);
	/* A bulk action is the whole book's business: the dashboard's summary
	 * is built again after it rather than kept by a trigger per row. */
	if (mode == WTX_BULK && store_dash_forget(s, e)) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return e->status;
	}
	t = xcalloc(1, sizeof(*t));
	t->s = s;
	t->action = xstrdup(action);
	t->mode = mode;
	clock_stamp(&s->clock, t->stamp, sizeof(t->stamp));
	/* Every action is journaled (books older than schema 6 have no journal). */
	if (s->has_journal && journal_open(s, &t->journal, e)) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		free(t->action);
		free(t);
		return e->status;
	}
	s->tx = t;
	if (wtx_perm_begin(t, e)) {
		wtx_abort(t);
		return e->status;
	}
	*out = t;
	return ST_OK;
}

static void
bind_value(sqlite3_stmt *st, int i, const struct value *v)
{
	switch (v->kind) {
	case V_NULL: sqlite3_bind_null(st, i); break;
	case V_INT: sqlite3_bind_int64(st, i, v->i); break;
	case V_REAL: sqlite3_bind_double(st, i, v->r); break;
	case V_TEXT: sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC); break;
	}
}

/* Scalar fields of the row, as a bit mask (lists live in child tables). */
static uint32_t
scalar_mask(const struct row *r)
{
	uint32_t m = 0;

	for (int i = 0; i < r->ent->nfields; i++)
		if ((r->set & (1u << i)) && r->ent->fields[i].type != FT_LIST)
			m |= 1u << i;
	return m;
}

static sqlite3_stmt *
shape_stmt(struct wtx *t, const struct entity *ent, uint32_t mask, char op, struct err *e)
{
	struct buf sql;
	sqlite3_stmt *st;
	int n = 0;

	for (int i = 0; i < t->nshapes; i++) {
		struct shape *sh = &t->shapes[i];

		if (sh->ent == ent && sh->mask == mask && sh->op == op) {
			sqlite3_reset(sh->st);
			sqlite3_clear_bindings(sh->st);
			return sh->st;
		}
	}
	buf_init(&sql);
	if (op == 'i' || op == 'I') {
		/* 'I': the id is given, last (store/sync.c's range). */
		buf_addf(&sql, "INSERT INTO %s (", ent->table);
		for (int i = 0; i < ent->nfields; i++)
			if (mask & (1u << i))
				buf_addf(&sql, "%s%s", n++ ? ", " : "", ent->fields[i].column);
		if (op == 'I')
			buf_addf(&sql, "%sid", n++ ? ", " : "");
		if (n == 0)
			buf_adds(&sql, "id) VALUES (NULL)");
		else
			buf_adds(&sql, ") VALUES (");
		for (int i = 0; i < n; i++)
			buf_addf(&sql, "%s?%d", i ? ", " : "", i + 1);
		if (n)
			buf_adds(&sql, ")");
	} else {
		buf_addf(&sql, "UPDATE %s SET ", ent->table);
		for (int i = 0; i < ent->nfields; i++)
			if (mask & (1u << i)) {
				buf_addf(&sql, "%s%s = ?%d", n ? ", " : "", ent->fields[i].column, n + 1);
				n++;
			}
		buf_addf(&sql, " WHERE id = ?%d", n + 1);
	}
	st = store_stmt(t->s, sql.data, e);
	buf_done(&sql);
	if (st && t->nshapes < WTX_CACHE)
		t->shapes[t->nshapes++] = (struct shape){ ent, mask, op, st };
	return st;
}

/* The row as JSON, from the table itself, for the audit record.  List
 * fields (an account's tags, a contact's roles) follow the columns as
 * sorted arrays, so a change to a list shows in the old and new values
 * like a change to a column. */
static enum status
row_json_as(struct wtx *t, const struct entity *ent, int64_t id, bool compact, char **json, struct err *e)
{
	/* Built in C from a statement prepared once (wtx_audit.c). */
	return wtx_row_json(t, ent, id, compact, json, e);
}

static enum status
row_json(struct wtx *t, const struct entity *ent, int64_t id, char **json, struct err *e)
{
	return row_json_as(t, ent, id, false, json, e);
}

static enum status
audit(struct wtx *t, const char *table, int64_t row_id, const char *op,
      const char *old, const char *new, struct err *e)
{
	/* Each row takes the next id and its place in the hash chain
	 * (audit_chain.c), the head kept for the action (wtx_audit.c). */
	return wtx_audit_insert(t, table, row_id, op, old, new, e);
}

enum status
wtx_step_write(struct wtx *t, sqlite3_stmt *st, const struct entity *ent, struct err *e)
{
	int code;

	if (sqlite3_step(st) == SQLITE_DONE)
		return ST_OK;
	code = sqlite3_extended_errcode(t->s->db);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		store_constraint_error(code, sqlite3_errmsg(t->s->db), e, ent->name, ent->rule);
	else
		store_sql_error(t->s, e, ent->name);
	sqlite3_reset(st);
	return e->status;
}

/* Write the elements of the row's list fields for parent id (after
 * clearing the old ones when replace is set). */
static enum status
write_lists(struct wtx *t, const struct row *r, int64_t id, bool replace, struct err *e)
{
	char sql[256];
	sqlite3_stmt *st;

	for (int i = 0; i < r->ent->nfields; i++) {
		const struct list_def *l = r->ent->fields[i].list;

		if (r->ent->fields[i].type != FT_LIST || !(r->set & (1u << i)))
			continue;
		if (replace) {
			snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE %s = ?1", l->table, l->parent);
			if (!(st = store_stmt(t->s, sql, e)))
				return e->status;
			sqlite3_bind_int64(st, 1, id);
			if (wtx_step_write(t, st, r->ent, e))
				return e->status;
		}
		/* OR IGNORE: "a;a" in a file is one tag, not an error. */
		snprintf(sql, sizeof(sql), "INSERT OR IGNORE INTO %s (%s, %s) VALUES (?1, ?2)",
			 l->table, l->parent, l->value);
		for (int k = 0; k < r->nitems; k++) {
			if (r->item_field[k] != i)
				continue;
			if (!(st = store_stmt(t->s, sql, e)))
				return e->status;
			sqlite3_bind_int64(st, 1, id);
			bind_value(st, 2, &r->item[k]);
			if (wtx_step_write(t, st, r->ent, e))
				return e->status;
		}
	}
	return ST_OK;
}


enum status
wtx_insert_one(struct store *s, const char *action, const struct row *r, int64_t *id, struct err *e)
{
	struct wtx *t;
	enum status st;

	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = wtx_insert(t, r, id, e))) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

/* Text reaches the book valid UTF-8 or not at all, from every entry (the
 * command line, a form, an import, a sync), so whatever is written can be
 * exported and imported again. */
static enum status
valid_text(const struct row *r, struct err *e)
{
	for (int i = 0; i < r->ent->nfields; i++)
		/* A list field's values are its items (below), not v[i]. */
		if ((r->set & (1u << i)) && r->ent->fields[i].type != FT_LIST && r->v[i].kind == V_TEXT &&
		    !text_is_utf8(r->v[i].s))
			return err_set(e, ST_DATA, "%s: not valid UTF-8 text", r->ent->fields[i].name);
	for (int k = 0; k < r->nitems; k++)
		if (r->item[k].kind == V_TEXT && !text_is_utf8(r->item[k].s))
			return err_set(e, ST_DATA, "%s: not valid UTF-8 text",
				       r->ent->fields[r->item_field[k]].name);
	return ST_OK;
}

enum status
wtx_insert(struct wtx *t, const struct row *r, int64_t *id_out, struct err *e)
{
	uint32_t mask = scalar_mask(r);
	sqlite3_stmt *st;
	char *json = NULL;
	int64_t id, given = 0;
	int n = 0;

	/* A book that syncs gives each new row an id from its own range. */
	if (t->s->id_hi && journal_table_synced(r->ent->table) &&
	    store_sync_next_id(t->s, r->ent->table, &given, e))
		return e->status;
	if (!(st = shape_stmt(t, r->ent, mask, given ? 'I' : 'i', e)) || valid_text(r, e))
		return e->status;
	/* Decide before the first row lands: is the table empty? */
	if (wtx_fts_before_insert(t, r->ent, e))
		return e->status;
	for (int i = 0; i < r->ent->nfields; i++)
		if (mask & (1u << i))
			bind_value(st, ++n, &r->v[i]);
	if (given)
		sqlite3_bind_int64(st, ++n, given);
	if (wtx_step_write(t, st, r->ent, e))
		return e->status;
	id = sqlite3_last_insert_rowid(t->s->db);
	if (wtx_perm_row(t, r->ent, id, NULL, e) ||
	    write_lists(t, r, id, false, e) || wtx_fts_sync(t, r->ent, id, true, e) ||
	    wtx_collect(t, r->ent, id, ~0u, e))
		return e->status;
	wtx_count(t, r->ent, ~0u);
	if (t->mode == WTX_AUDIT_ROWS || t->audit_each) {
		if (wtx_inserted_json(t, r, id, t->audit_each, &json, e) ||
		    audit(t, r->ent->table, id, "insert", NULL, json, e)) {
			free(json);
			return e->status;
		}
		free(json);
	}
	if (id_out)
		*id_out = id;
	return ST_OK;
}

enum status
wtx_expect(struct store *s, const struct entity *ent, int64_t id, struct err *e)
{
	/* row_json reads through a transaction's store only. */
	struct wtx *t = xcalloc(1, sizeof(*t));
	char *json = NULL;
	enum status st;

	wtx_expect_end(s);
	t->s = s;
	st = row_json(t, ent, id, &json, e);
	free(t);
	if (st)
		return st;
	if (!json)
		return err_set(e, ST_NOINPUT, "no %s with id %lld", ent->name, (long long)id);
	s->expect.ent = ent;
	s->expect.id = id;
	s->expect.json = json;
	return ST_OK;
}

void
wtx_expect_end(struct store *s)
{
	free(s->expect.json);
	memset(&s->expect, 0, sizeof(s->expect));
}

/* Is this the row a form opened on, and no longer as the form saw it?
 * Asked at the action's first update of it only: a second one finds the
 * action's own change. */
static bool
changed_meanwhile(struct wtx *t, const struct entity *ent, int64_t id, const char *now)
{
	const struct store *s = t->s;

	if (!s->expect.json || s->expect.ent != ent || s->expect.id != id || t->expect_seen)
		return false;
	t->expect_seen = true;
	return strcmp(s->expect.json, now) != 0;
}

enum status
wtx_update(struct wtx *t, const struct row *r, int64_t id, struct err *e)
{
	uint32_t mask = scalar_mask(r);
	char *old = NULL, *new = NULL;
	struct wtx_perm perm = { false, 0 };
	sqlite3_stmt *st;
	int n = 0;

	if (valid_text(r, e) || row_json(t, r->ent, id, &old, e))
		return e->status;
	if (!old)
		return err_set(e, ST_NOINPUT, "no %s with id %lld", r->ent->name, (long long)id);
	if (changed_meanwhile(t, r->ent, id, old)) {
		free(old);
		return err_set(e, ST_DATA, "%s #%lld was changed meanwhile: nothing saved; reopen the form",
			       r->ent->name, (long long)id);
	}
	/* Its account before and after: a row can move to another account. */
	if (wtx_perm_row(t, r->ent, id, &perm, e) ||
	    (wtx_touches_index(r->ent, r->set) && wtx_fts_sync(t, r->ent, id, false, e)) ||
	    wtx_collect(t, r->ent, id, r->set, e))
		goto fail;
	if (mask) {
		if (!(st = shape_stmt(t, r->ent, mask, 'u', e)))
			goto fail;
		for (int i = 0; i < r->ent->nfields; i++)
			if (mask & (1u << i))
				bind_value(st, ++n, &r->v[i]);
		sqlite3_bind_int64(st, n + 1, id);
		if (wtx_step_write(t, st, r->ent, e))
			goto fail;
	}
	if (write_lists(t, r, id, true, e) || wtx_perm_row(t, r->ent, id, &perm, e) ||
	    (wtx_touches_index(r->ent, r->set) && wtx_fts_sync(t, r->ent, id, true, e)) ||
	    wtx_collect(t, r->ent, id, r->set, e))
		goto fail;
	wtx_count(t, r->ent, r->set);
	if ((t->mode == WTX_AUDIT_ROWS || t->audit_each) &&
	    (row_json(t, r->ent, id, &new, e) || audit(t, r->ent->table, id, "update", old, new, e)))
		goto fail;
	free(old);
	free(new);
	return ST_OK;
fail:
	free(old);
	free(new);
	return e->status;
}

enum status
wtx_update_logged(struct wtx *t, const struct row *r, int64_t id, const char *old,
		  const char *new, struct err *e)
{
	uint32_t mask = scalar_mask(r);
	struct wtx_perm perm = { false, 0 };
	sqlite3_stmt *st;
	int n = 0;

	if (valid_text(r, e) || wtx_perm_row(t, r->ent, id, &perm, e) ||
	    (wtx_touches_index(r->ent, r->set) && wtx_fts_sync(t, r->ent, id, false, e)) ||
	    wtx_collect(t, r->ent, id, r->set, e))
		return e->status;
	if (mask) {
		if (!(st = shape_stmt(t, r->ent, mask, 'u', e)))
			return e->status;
		for (int i = 0; i < r->ent->nfields; i++)
			if (mask & (1u << i))
				bind_value(st, ++n, &r->v[i]);
		sqlite3_bind_int64(st, n + 1, id);
		if (wtx_step_write(t, st, r->ent, e))
			return e->status;
	}
	if (write_lists(t, r, id, true, e) || wtx_perm_row(t, r->ent, id, &perm, e) ||
	    (wtx_touches_index(r->ent, r->set) && wtx_fts_sync(t, r->ent, id, true, e)) ||
	    wtx_collect(t, r->ent, id, r->set, e))
		return e->status;
	wtx_count(t, r->ent, r->set);
	return audit(t, r->ent->table, id, "update", old, new, e);
}

enum status
wtx_delete(struct wtx *t, const struct entity *ent, int64_t id, struct err *e)
{
	char sql[128], *old = NULL;
	sqlite3_stmt *st;

	if (row_json(t, ent, id, &old, e))
		return e->status;
	if (!old)
		return err_set(e, ST_NOINPUT, "no %s with id %lld", ent->name, (long long)id);
	if (wtx_perm_row(t, ent, id, NULL, e) ||
	    wtx_fts_sync(t, ent, id, false, e) || wtx_collect(t, ent, id, ~0u, e))
		goto fail;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1", ent->table);
	if (!(st = store_stmt(t->s, sql, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (wtx_step_write(t, st, ent, e))
		goto fail;
	wtx_count(t, ent, ~0u);
	if ((t->mode == WTX_AUDIT_ROWS || t->audit_each) && audit(t, ent->table, id, "delete", old, NULL, e))
		goto fail;
	free(old);
	return ST_OK;
fail:
	free(old);
	return e->status;
}

int64_t
wtx_rows(const struct wtx *t)
{
	return t->rows;
}

void
wtx_stores_facts(struct wtx *t)
{
	t->stores_facts = true;
}

struct store *
wtx_store(struct wtx *t)
{
	return t->s;
}

const char *
wtx_stamp(const struct wtx *t)
{
	return t->stamp;
}

const char *
wtx_action(const struct wtx *t)
{
	return t->action;
}

void
wtx_no_journal(struct wtx *t)
{
	journal_close(t->journal);
	t->journal = NULL;
}

void
wtx_set_origin(struct wtx *t, int64_t copy)
{
	t->origin = copy;
}

int64_t
wtx_origin(const struct wtx *t)
{
	return t->origin;
}

void
wtx_undoes(struct wtx *t, int64_t change)
{
	t->undo_of = change;
}

static enum status audit_bulk(struct wtx *t, struct err *e);

/* The catalog entity of a table, or NULL. */
static const struct entity *
entity_of(const char *table)
{
	for (size_t i = 0; i < entity_catalog_count; i++)
		if (!strcmp(entity_catalog[i]->table, table))
			return entity_catalog[i];
	return NULL;
}

void
wtx_wrote_table(struct wtx *t, const char *table)
{
	const struct entity *ent = entity_of(table);

	/* A table outside the catalog (a list's child table, say): count it
	 * as a source of facts, which is the safe side. */
	if (ent)
		wtx_count(t, ent, ~0u);
	else
		t->changes_facts = true;
}

enum status
wtx_collect_row(struct wtx *t, const char *table, int64_t id, const char *const *names,
		const bool *changed, int n, struct err *e)
{
	const struct entity *ent = entity_of(table);
	uint32_t set = names ? 0 : ~0u;

	if (ent) {
		/* The entity's fields whose columns the update changes. */
		for (int f = 0; names && f < ent->nfields; f++)
			for (int i = 0; ent->fields[f].column && i < n; i++)
				if (changed[i] && names[i] && !strcmp(names[i], ent->fields[f].column))
					set |= 1u << f;
		return wtx_collect(t, ent, id, set, e);
	}
	/* A list's child table (contact_roles...): its first column, id
	 * here, is the parent row's. */
	for (size_t i = 0; i < entity_catalog_count; i++)
		for (int f = 0; f < entity_catalog[i]->nfields; f++) {
			const struct list_def *l = entity_catalog[i]->fields[f].list;

			if (l && !strcmp(l->table, table))
				return wtx_collect(t, entity_catalog[i], id, ~0u, e);
		}
	return ST_OK;
}

enum status
wtx_fts_sync_table(struct wtx *t, const char *table, int64_t id, bool add, struct err *e)
{
	const struct entity *ent = entity_of(table);

	return ent ? wtx_fts_sync(t, ent, id, add, e) : ST_OK;
}

enum status
wtx_audit_row(struct wtx *t, const char *table, int64_t id, const char *op, const char *old,
	      const char *new, struct err *e)
{
	return audit(t, table, id, op, old, new, e);
}

enum status
wtx_audit_summary(struct wtx *t, struct err *e)
{
	return audit_bulk(t, e);
}

/* The transaction changed what stored facts (store/account_facts.h) are
 * computed from: forget the day they are as of.  One small write. */
static enum status
stale_facts(struct wtx *t, struct err *e)
{
	sqlite3_stmt *st;

	if (!t->changes_facts || t->stores_facts || !t->s->has_stored_facts)
		return ST_OK;
	if (!(st = store_stmt(t->s, "DELETE FROM account_facts_state", e)))
		return e->status;
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_sql_error(t->s, e, "marking the stored facts stale");
	return ST_OK;
}

/* One record for a bulk action: {"accounts": 600, "contacts": 2400, ...}. */
static enum status
audit_bulk(struct wtx *t, struct err *e)
{
	struct buf json;
	enum status st;
	int n = 0;

	buf_init(&json);
	buf_addc(&json, '{');
	for (size_t i = 0; i < entity_catalog_count && i < 64; i++)
		if (t->per_entity[i])
			buf_addf(&json, "%s\"%s\": %lld", n++ ? ", " : "", entity_catalog[i]->table,
				 (long long)t->per_entity[i]);
	buf_addc(&json, '}');
	st = audit(t, NULL, 0, "bulk", NULL, json.data, e);
	buf_done(&json);
	return st;
}

void
wtx_audit_each(struct wtx *t)
{
	t->audit_each = true;
}

static void
wtx_free(struct wtx *t)
{
	if (t->mode == WTX_BULK)
		sqlite3_exec(t->s->db, "PRAGMA cache_size = -" STR(WTX_CACHE_KB) "; PRAGMA mmap_size = 0",
			     NULL, NULL, NULL);
	t->s->tx = NULL;
	journal_close(t->journal);
	free(t->accounts);
	free(t->evidence);
	free(t->action);
	free(t);
}

enum status
wtx_commit(struct wtx *t, struct err *e)
{
	struct store *s = t->s;

	if (wtx_run_accounts_hook(t, e) || wtx_evidence_refresh(t, e) || wtx_fts_rebuild(t, e) ||
	    (t->mode == WTX_BULK && !t->audit_each && t->rows && audit_bulk(t, e)) || stale_facts(t, e) ||
	    (t->journal && journal_save(t->journal, t, t->undo_of, e))) {
		wtx_abort(t);
		return e->status;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_sql_error(s, e, t->action);
		wtx_abort(t);
		return e->status;
	}
	wtx_free(t);
	return ST_OK;
}

void
wtx_abort(struct wtx *t)
{
	if (!t)
		return;
	/* Reset cached statements first: a statement left mid-step would
	 * keep the rollback from releasing its locks. */
	for (int i = 0; i < t->nshapes; i++)
		sqlite3_reset(t->shapes[i].st);
	sqlite3_exec(t->s->db, "ROLLBACK", NULL, NULL, NULL);
	wtx_free(t);
}
