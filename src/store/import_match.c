/*
 * import_match.c -- an import's keys, and a record compared with the row
 * it matches, field by field, for the update and its audit record (see
 * import.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "store/import_int.h"
#include "store/store_int.h"

/* -- matching ------------------------------------------------------------- */

uint64_t
imp_key_hash(const struct importer *im)
{
	uint64_t h = 0;

	for (int i = 0; i < im->nkey; i++) {
		const struct value *v = &im->row.v[im->key[i]];

		h = hash_bytes(h, &v->kind, sizeof(v->kind));
		if (v->kind == V_INT)
			h = hash_bytes(h, &v->i, sizeof(v->i));
		else if (v->kind == V_REAL)
			h = hash_bytes(h, &v->r, sizeof(v->r));
		else if (v->kind == V_TEXT)
			h = hash_bytes(h, v->s, strlen(v->s) + 1);
	}
	return h;
}

static bool
buf_last_is(const struct buf *b, char c)
{
	return b->len && b->data[b->len - 1] == c;
}

static void
value_text(struct buf *b, const struct value *v)
{
	switch (v->kind) {
	case V_NULL: buf_adds(b, "(empty)"); break;
	case V_INT: buf_addf(b, "%lld", (long long)v->i); break;
	case V_REAL: buf_addf(b, "%.17g", v->r); break;
	case V_TEXT: buf_adds(b, v->s); break;
	}
}

/* The key as the file wrote it, for samples and messages. */
void
imp_key_text(struct importer *im, const struct csv_record *rec, struct buf *b)
{
	for (int i = 0; i < im->nkey; i++)
		for (int k = 0; k < im->n; k++)
			if (im->cols[k].field == im->key[i]) {
				buf_addf(b, "%s%s", i ? ", " : "",
					 im->cols[k].src >= 0 ? rec->fields[im->cols[k].src] : "");
				break;
			}
}

void
imp_bind(sqlite3_stmt *st, int i, const struct value *v)
{
	switch (v->kind) {
	case V_NULL: sqlite3_bind_null(st, i); break;
	case V_INT: sqlite3_bind_int64(st, i, v->i); break;
	case V_REAL: sqlite3_bind_double(st, i, v->r); break;
	case V_TEXT: sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC); break;
	}
}

static bool
same(sqlite3_stmt *st, int col, const struct value *v)
{
	int type = sqlite3_column_type(st, col);

	switch (v->kind) {
	case V_NULL: return type == SQLITE_NULL;
	case V_INT: return type == SQLITE_INTEGER && sqlite3_column_int64(st, col) == v->i;
	case V_REAL: return (type == SQLITE_FLOAT || type == SQLITE_INTEGER) &&
			    sqlite3_column_double(st, col) == v->r;
	case V_TEXT: return type == SQLITE_TEXT && !strcmp((const char *)sqlite3_column_text(st, col), v->s);
	}
	return false;
}

static void
json_column(struct buf *b, sqlite3_stmt *st, int col)
{
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL: buf_adds(b, "null"); break;
	case SQLITE_INTEGER: buf_addf(b, "%lld", (long long)sqlite3_column_int64(st, col)); break;
	case SQLITE_FLOAT: buf_addf(b, "%.17g", sqlite3_column_double(st, col)); break;
	default:
		json_escape(b, (const char *)sqlite3_column_text(st, col));
	}
}

static void
json_value(struct buf *b, const struct value *v)
{
	switch (v->kind) {
	case V_NULL: buf_adds(b, "null"); break;
	case V_INT: buf_addf(b, "%lld", (long long)v->i); break;
	case V_REAL: buf_addf(b, "%.17g", v->r); break;
	case V_TEXT:
		json_escape(b, v->s);
		break;
	}
}

/* A list field's elements, sorted and joined, as the book has them and as
 * the row gives them. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum status
list_differs(struct importer *im, int f, int64_t id, bool *differs, struct err *e)
{
	const struct list_def *l = im->ent->fields[f].list;
	char sql[256], *items[ROW_MAX_ITEMS], num[ROW_MAX_ITEMS][24];
	struct buf *mine = &im->scratch;
	sqlite3_stmt *st;
	int n = 0, rc;
	const char *book;

	buf_reset(mine);
	for (int k = 0; k < im->row.nitems; k++) {
		if (im->row.item_field[k] != f)
			continue;
		if (im->row.item[k].kind == V_INT) {
			snprintf(num[n], sizeof(num[n]), "%lld", (long long)im->row.item[k].i);
			items[n] = num[n];
			n++;
		} else {
			items[n++] = (char *)im->row.item[k].s;
		}
	}
	qsort(items, (size_t)n, sizeof(items[0]), cmp_str);
	for (int k = 0; k < n; k++)
		if (!k || strcmp(items[k], items[k - 1]))
			buf_addf(mine, "%s%s", mine->len ? "\x1f" : "", items[k]);
	snprintf(sql, sizeof(sql), "SELECT group_concat(v, char(31)) FROM (SELECT CAST(%s AS TEXT) "
		 "AS v FROM %s WHERE %s = ?1 ORDER BY 1)", l->value, l->table, l->parent);
	if (!(st = store_stmt(im->s, sql, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	book = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	*differs = strcmp(book ? book : "", mine->data ? mine->data : "") != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(im->s, e, "comparing a list");
	return ST_OK;
}

/* The fields of the matched row (im->find stepped on it) the file
 * changes, with their old and new values as JSON and for the sample. */
enum status
imp_changes(struct importer *im, int64_t id, uint32_t *changed, struct buf *sample, struct err *e)
{
	const struct entity *ent = im->ent;
	bool first = true;

	*changed = 0;
	buf_reset(&im->json_old);
	buf_reset(&im->json_new);
	buf_addc(&im->json_old, '{');
	buf_addc(&im->json_new, '{');
	for (int f = 0; f < ent->nfields; f++) {
		const struct field *fd = &ent->fields[f];
		const struct value *v = &im->row.v[f];
		bool differs = false;

		if (!(im->row.set & (1u << f)) || fd->type == FT_ID)
			continue;
		if (fd->type == FT_LIST) {
			if (list_differs(im, f, id, &differs, e))
				return e->status;
			if (differs) {
				*changed |= 1u << f;
				if (sample)
					buf_addf(sample, "%s%s", first ? "" : ", ", fd->name);
				first = false;
			}
			continue;
		}
		if (im->find_col[f] < 0 || same(im->find, im->find_col[f], v))
			continue;
		*changed |= 1u << f;
		buf_addf(&im->json_old, "%s\"%s\": ", im->json_old.len > 1 ? ", " : "", fd->column);
		json_column(&im->json_old, im->find, im->find_col[f]);
		buf_addf(&im->json_new, "%s\"%s\": ", im->json_new.len > 1 ? ", " : "", fd->column);
		json_value(&im->json_new, v);
		first = false;
		if (!sample)
			continue;
		buf_addf(sample, "%s%s ", buf_last_is(sample, ' ') ? "" : ", ", fd->name);
		if (sqlite3_column_type(im->find, im->find_col[f]) == SQLITE_NULL)
			buf_adds(sample, "(empty)");
		else
			buf_adds(sample, (const char *)sqlite3_column_text(im->find, im->find_col[f]));
		buf_adds(sample, " -> ");
		value_text(sample, v);
	}
	buf_addc(&im->json_old, '}');
	buf_addc(&im->json_new, '}');
	return ST_OK;
}

