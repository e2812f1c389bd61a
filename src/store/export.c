/*
 * export.c -- generic export of an entity, its SQL built from the descriptor.
 */
#include "config.h"

#include <string.h>

#include "core/buf.h"
#include "store/export.h"
#include "store/store_int.h"

static void
select_expr(struct buf *sql, const struct field *f)
{
	const struct list_def *l = f->list;

	switch (f->type) {
	case FT_REF:
		if (!strcmp(f->ref->key, "id"))
			buf_addf(sql, "t.%s", f->column);
		else
			buf_addf(sql, "(SELECT %s FROM %s WHERE id = t.%s)", f->ref->key, f->ref->table,
				 f->column);
		break;
	case FT_LIST:
		/* Sorted so that exports are stable whatever the insert order. */
		if (l->ref)
			buf_addf(sql, "(SELECT group_concat(k, ';') FROM (SELECT r.%s AS k FROM %s x "
				 "JOIN %s r ON r.id = x.%s WHERE x.%s = t.id ORDER BY 1))",
				 l->ref->key, l->table, l->ref->table, l->value, l->parent);
		else
			buf_addf(sql, "(SELECT group_concat(k, ';') FROM (SELECT %s AS k FROM %s "
				 "WHERE %s = t.id ORDER BY 1))", l->value, l->table, l->parent);
		break;
	default:
		buf_addf(sql, "t.%s", f->column);
		break;
	}
}

enum status
store_export(struct store *s, const struct entity *ent, export_cb cb, void *ctx, struct err *e)
{
	struct value vals[ENTITY_MAX_FIELDS];
	struct buf sql;
	sqlite3_stmt *st;
	int rc;

	buf_init(&sql);
	buf_adds(&sql, "SELECT ");
	for (int i = 0; i < ent->nfields; i++) {
		if (i)
			buf_adds(&sql, ", ");
		select_expr(&sql, &ent->fields[i]);
	}
	buf_addf(&sql, " FROM %s t ORDER BY t.id", ent->table);
	st = store_stmt(s, sql.data, e);
	buf_done(&sql);
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ent->nfields; i++) {
			struct value *v = &vals[i];

			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL: *v = (struct value){ .kind = V_NULL }; break;
			case SQLITE_INTEGER: *v = (struct value){ .kind = V_INT, .i = sqlite3_column_int64(st, i) }; break;
			case SQLITE_FLOAT: *v = (struct value){ .kind = V_REAL, .r = sqlite3_column_double(st, i) }; break;
			default: *v = (struct value){ .kind = V_TEXT, .s = (const char *)sqlite3_column_text(st, i) }; break;
			}
		}
		if (cb(ctx, vals, ent->nfields)) {
			sqlite3_reset(st);
			return ST_OK;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "exporting");
	return ST_OK;
}
