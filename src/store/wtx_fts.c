/*
 * wtx_fts.c -- the full-text indexes the write path keeps in step with
 * their tables (see wtx_int.h).
 *
 * There are no triggers: a row's text leaves its index before a change and
 * comes back after it, only when the change touches an indexed column (so
 * reassigning ten thousand accounts does not reindex their names), and a
 * bulk load into an empty table builds its index in one pass at commit.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"
#include "store/wtx_int.h"

/* Full-text indexes the write path keeps in step with their tables (there
 * are no triggers: a bulk load into an empty table builds its index in one
 * pass at commit instead of row by row). */
static const struct fts_mirror {
	const struct entity *ent;
	const char *fts;             /* the FTS5 table (external content) */
	const char *cols;            /* its columns, the same names in the base table */
} fts_mirrors[] = {
	{ &entity_account, "accounts_fts", "name, external_id, industry, region, notes" },
	{ &entity_touchpoint, "touchpoints_fts", "summary, follow_ups" },
};
#define N_MIRRORS (sizeof(fts_mirrors) / sizeof(fts_mirrors[0]))
_Static_assert(N_MIRRORS == WTX_MIRRORS, "WTX_MIRRORS counts fts_mirrors");


static const struct fts_mirror *
mirror_of(struct wtx *t, const struct entity *ent, enum fts_state **state)
{
	for (size_t i = 0; i < N_MIRRORS; i++)
		if (fts_mirrors[i].ent == ent) {
			*state = &t->fts[i];
			return &fts_mirrors[i];
		}
	return NULL;
}

/* Before the first write of a bulk action to a mirrored table: an empty
 * table is indexed in one pass at commit, otherwise row by row. */
static enum status
fts_decide(struct wtx *t, const struct fts_mirror *m, enum fts_state *state, struct err *e)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	if (*state != FTS_UNKNOWN)
		return ST_OK;
	/* A book held at an older schema (tests do that) has no index. */
	if (!(st = store_stmt(t->s, "SELECT count(*) FROM sqlite_schema WHERE name = ?1", e)))
		return e->status;
	sqlite3_bind_text(st, 1, m->fts, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*state = rc == SQLITE_ROW && sqlite3_column_int(st, 0) ? FTS_ROWS : FTS_NONE;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(t->s, e, "full-text index");
	if (*state == FTS_NONE || t->mode != WTX_BULK)
		return ST_OK;
	snprintf(sql, sizeof(sql), "SELECT NOT EXISTS (SELECT 1 FROM %s)", m->ent->table);
	if (!(st = store_stmt(t->s, sql, e)))
		return e->status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0))
		*state = FTS_REBUILD;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sql_error(t->s, e, "full-text index");
}

enum status
wtx_fts_sync(struct wtx *t, const struct entity *ent, int64_t id, bool add, struct err *e)
{
	enum fts_state *state;
	const struct fts_mirror *m = mirror_of(t, ent, &state);
	char sql[512];
	sqlite3_stmt *st;

	if (!m)
		return ST_OK;
	if (fts_decide(t, m, state, e))
		return e->status;
	if (*state == FTS_REBUILD || *state == FTS_NONE)
		return ST_OK;
	if (add)
		snprintf(sql, sizeof(sql), "INSERT INTO %s (rowid, %s) SELECT id, %s FROM %s WHERE id = ?1",
			 m->fts, m->cols, m->cols, ent->table);
	else
		snprintf(sql, sizeof(sql), "INSERT INTO %s (%s, rowid, %s) SELECT 'delete', id, %s FROM %s "
			 "WHERE id = ?1", m->fts, m->fts, m->cols, m->cols, ent->table);
	if (!(st = store_stmt(t->s, sql, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	return wtx_step_write(t, st, ent, e);
}

/* Is column one of the columns ent's full-text index holds? */
static bool
mirrors_column(const struct entity *ent, const char *column)
{
	const struct fts_mirror *m = NULL;
	size_t len = strlen(column);

	for (size_t i = 0; i < N_MIRRORS && !m; i++)
		if (fts_mirrors[i].ent == ent)
			m = &fts_mirrors[i];
	for (const char *c = m ? m->cols : NULL; c && *c; c += strspn(c, ", ")) {
		size_t n = strcspn(c, ", ");

		if (n == len && !strncmp(c, column, len))
			return true;
		c += n;
	}
	return false;
}

/* Does an update of fields `set` change what ent's full-text index holds?
 * Reassigning ten thousand accounts must not reindex their names. */
bool
wtx_touches_index(const struct entity *ent, uint32_t set)
{
	for (int i = 0; i < ent->nfields; i++)
		if ((set & (1u << i)) && ent->fields[i].column &&
		    mirrors_column(ent, ent->fields[i].column))
			return true;
	return false;
}

bool
wtx_indexed_column(const char *table, const char *column)
{
	const struct entity *ent = NULL;

	for (size_t i = 0; i < entity_catalog_count && !ent; i++)
		if (!strcmp(entity_catalog[i]->table, table))
			ent = entity_catalog[i];
	return ent && mirrors_column(ent, column);
}

enum status
wtx_fts_rebuild(struct wtx *t, struct err *e)
{
	char sql[128];

	for (size_t i = 0; i < N_MIRRORS; i++) {
		if (t->fts[i] != FTS_REBUILD)
			continue;
		snprintf(sql, sizeof(sql), "INSERT INTO %s (%s) VALUES ('rebuild')", fts_mirrors[i].fts,
			 fts_mirrors[i].fts);
		if (sqlite3_exec(t->s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return store_sql_error(t->s, e, "building the search index");
	}
	return ST_OK;
}

enum status
wtx_fts_before_insert(struct wtx *t, const struct entity *ent, struct err *e)
{
	enum fts_state *state;
	const struct fts_mirror *m = mirror_of(t, ent, &state);

	return m ? fts_decide(t, m, state, e) : ST_OK;
}
