/*
 * wtx_newrow.c -- a row just inserted, as its audit JSON, from the values
 * the insert wrote (see wtx_int.h): no read of the row back.
 *
 * A mapped import audits every row it inserts, and reading each one back
 * to write its JSON was a tenth of the import.  What the table holds after
 * the insert follows from what was bound, when the table lets it be known:
 * a STRICT table (a value is stored as bound, or the insert fails), columns
 * typed INTEGER, REAL or TEXT, defaults that are literals, no triggers (but
 * the team dashboard's dash_* ones, which only note the account in
 * dash_dirty: schema/0016) and no generated columns.  The table is
 * checked once per action; a table, or a value, outside that is read back
 * as before (wtx_row_json), so the JSON is always what json_object() gives
 * for the stored row.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/row.h"
#include "store/store_int.h"
#include "store/wtx_int.h"

static bool
integer_literal(const char *d)
{
	const char *digits = d + (*d == '-');

	return *digits && strspn(digits, "0123456789") == strlen(digits) &&
	       (digits[0] != '0' || !digits[1]);
}

/* A literal default: 'text' (quotes doubled inside) for a TEXT column, an
 * integer for an INTEGER one, NULL, or none; false for anything else (an
 * expression, a conversion the table would make). */
static bool
parse_default(const char *d, char type, struct wtx_coldef *c)
{
	size_t n = 0;

	c->has_default = false;
	if (!d || !strcmp(d, "NULL"))
		return true;
	if (type == 'i' && integer_literal(d) && strlen(d) < sizeof(c->dflt)) {
		snprintf(c->dflt, sizeof(c->dflt), "%s", d);
		c->has_default = true;
		return true;
	}
	if (type != 't' || d[0] != '\'')
		return false;
	for (const char *p = d + 1; *p; p++) {
		if (*p == '\'' && p[1] != '\'') {
			if (p[1])
				return false;   /* 'a' || 'b' */
			c->dflt[n] = '\0';
			c->has_default = true;
			return true;
		}
		if (*p == '\'')
			p++;   /* '' is one quote */
		if (n + 1 >= sizeof(c->dflt))
			return false;
		c->dflt[n++] = *p;
	}
	return false;
}

static char
column_type(const char *t)
{
	if (!strcmp(t, "INTEGER") || !strcmp(t, "INT"))
		return 'i';
	if (!strcmp(t, "REAL"))
		return 'r';
	if (!strcmp(t, "TEXT"))
		return 't';
	return 0;
}

/* Can ent's new rows be written from their values, and how? */
static enum status
describe(struct wtx *t, const struct entity *ent, struct wtx_cols *c, struct err *e)
{
	sqlite3_stmt *st;
	int found = 0, columns = 0, rc;

	struct err ignored = { ST_OK, "" };

	memset(c, 0, sizeof(*c));
	c->ent = ent;
	/* An SQLite without pragma_table_list (before 3.37): read rows back. */
	if (!(st = store_stmt(t->s, "SELECT (SELECT strict FROM pragma_table_list WHERE schema = 'main' "
			      "AND name = ?1), (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
			      "AND tbl_name = ?1 AND name NOT LIKE 'dash\\_%' ESCAPE '\\')", &ignored)))
		return ST_OK;
	sqlite3_bind_text(st, 1, ent->table, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	c->usable = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1 && sqlite3_column_int(st, 1) == 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(t->s, e, "recording the audit log");
	if (!c->usable)
		return ST_OK;
	if (!(st = store_stmt(t->s, "SELECT name, type, dflt_value, hidden FROM pragma_table_xinfo(?1)", e)))
		return e->status;
	sqlite3_bind_text(st, 1, ent->table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->usable) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *dflt = (const char *)sqlite3_column_text(st, 2);

		columns++;
		if (sqlite3_column_int(st, 3) != 0)
			c->usable = false;   /* a generated column */
		for (int i = 0; i < ent->nfields && c->usable; i++) {
			struct wtx_coldef *d = &c->col[i];

			if (!ent->fields[i].column || strcmp(ent->fields[i].column, name))
				continue;
			found++;
			d->type = column_type(type ? type : "");
			c->usable = d->type && parse_default(dflt, d->type, d);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(t->s, e, "recording the audit log");
	/* Every field's column must be there (a test's older book may lack
	 * one: the read back says what it says). */
	for (int i = 0; i < ent->nfields; i++)
		if (ent->fields[i].column)
			found--;
	if (found != 0 || !columns)
		c->usable = false;
	return ST_OK;
}

static enum status
cols_of(struct wtx *t, const struct entity *ent, struct wtx_cols **out, struct err *e)
{
	*out = NULL;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].ent == ent) {
			*out = &t->cols[i];
			return ST_OK;
		}
	if (t->ncols >= WTX_READS)
		return ST_OK;
	if (describe(t, ent, &t->cols[t->ncols], e))
		return e->status;
	*out = &t->cols[t->ncols++];
	return ST_OK;
}

/* Field i's value as the STRICT table stores it; false: not known here. */
static bool
add_value(struct buf *out, const struct wtx_coldef *d, const struct value *v, bool set, int64_t id,
	  bool is_id, bool compact, const char *key, int *n)
{
	char num[40];
	const char *text = NULL;
	size_t len = 0;
	bool quote = false;

	if (!set && is_id) {
		len = wtx_int_text(id, num);
		text = num;
	} else if (!set) {
		if (d->has_default) {
			text = d->dflt;
			len = strlen(text);
			quote = d->type == 't';
		}
	} else if (v->kind == V_NULL || (v->kind == V_TEXT && !v->s)) {
		text = NULL;
	} else if (d->type == 'i' && v->kind == V_INT) {
		if (is_id && v->i != id)
			return false;
		len = wtx_int_text(v->i, num);
		text = num;
	} else if (d->type == 't' && v->kind == V_TEXT) {
		text = v->s;
		len = strlen(v->s);
		quote = true;
	} else if (d->type == 'r' && (v->kind == V_INT || (v->kind == V_REAL && isfinite(v->r)))) {
		/* As SQLite renders a real (vdbeMemRenderNum): %!.15g. */
		sqlite3_snprintf(sizeof(num), num, "%!.15g", v->kind == V_REAL ? v->r : (double)v->i);
		text = num;
		len = strlen(num);
	} else {
		return false;   /* a conversion the table would make: read it back */
	}
	if (!text && compact)
		return true;
	buf_addc(out, (*n)++ ? ',' : '{');
	wtx_json_string(out, key, strlen(key));
	buf_addc(out, ':');
	if (!text)
		buf_adds(out, "null");
	else if (quote)
		wtx_json_string(out, text, len);
	else
		buf_add(out, text, len);
	return true;
}

enum status
wtx_inserted_json(struct wtx *t, const struct row *r, int64_t id, bool compact, char **json,
		 struct err *e)
{
	const struct entity *ent = r->ent;
	struct wtx_cols *c;
	struct buf out;
	bool ok = true;
	int n = 0;

	*json = NULL;
	for (int k = 0; k < r->nitems; k++)
		if (ent->fields[r->item_field[k]].type == FT_LIST && (r->set & (1u << r->item_field[k])))
			return wtx_row_json_new(t, r, id, compact, json, e);
	if (cols_of(t, ent, &c, e))
		return e->status;
	if (!c || !c->usable)
		return wtx_row_json_new(t, r, id, compact, json, e);
	buf_init(&out);
	for (int i = 0; i < ent->nfields && ok; i++) {
		const struct field *f = &ent->fields[i];

		if (f->list) {
			/* No elements given: json_group_array() of none. */
			buf_addc(&out, n++ ? ',' : '{');
			wtx_json_string(&out, f->name, strlen(f->name));
			buf_adds(&out, ":[]");
		}
		if (f->column)
			ok = add_value(&out, &c->col[i], &r->v[i], (r->set & (1u << i)) != 0, id,
				       !strcmp(f->column, "id"), compact, f->column, &n);
	}
	if (!ok) {
		buf_done(&out);
		return wtx_row_json_new(t, r, id, compact, json, e);
	}
	buf_adds(&out, n ? "}" : "{}");
	*json = buf_detach(&out);
	return ST_OK;
}
