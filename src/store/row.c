/*
 * row.c -- typed entity rows and the text-to-value conversion of import.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/money.h"
#include "core/names.h"
#include "domain/model.h"
#include "store/row.h"
#include "store/store_int.h"

void
row_init(struct row *r, const struct entity *ent)
{
	r->ent = ent;
	r->hint = 0;
	buf_init(&r->scratch);
	row_reset(r);
}

void
row_reset(struct row *r)
{
	r->set = 0;
	r->nitems = 0;
	buf_reset(&r->scratch);
}

void
row_done(struct row *r)
{
	buf_done(&r->scratch);
}

/* Setters name fields in the same order row after row, so the search
 * starts where the last one matched: bulk writers hit at once. */
static int
field_index(struct row *r, const char *field)
{
	int n = r->ent->nfields, i = -1;

	for (int k = 0; k < n; k++) {
		int j = (r->hint + k) % n;

		if (!strcmp(r->ent->fields[j].name, field)) {
			i = j;
			r->hint = (j + 1) % n;
			break;
		}
	}
	if (i < 0) {
		fprintf(stderr, "tend: internal error: %s has no field %s\n", r->ent->name, field);
		abort();
	}
	return i;
}

static void
put(struct row *r, const char *field, struct value v)
{
	int i = field_index(r, field);

	r->v[i] = v;
	r->set |= 1u << i;
}

void
row_int(struct row *r, const char *field, int64_t v)
{
	put(r, field, (struct value){ .kind = V_INT, .i = v });
}

void
row_real(struct row *r, const char *field, double v)
{
	put(r, field, (struct value){ .kind = V_REAL, .r = v });
}

void
row_text(struct row *r, const char *field, const char *s)
{
	put(r, field, s ? (struct value){ .kind = V_TEXT, .s = s } : (struct value){ .kind = V_NULL });
}

void
row_null(struct row *r, const char *field)
{
	put(r, field, (struct value){ .kind = V_NULL });
}

static void
add_item(struct row *r, int i, struct value v)
{
	if (r->nitems >= ROW_MAX_ITEMS)
		return;   /* callers check the count first (row_parse does) */
	r->item[r->nitems] = v;
	r->item_field[r->nitems++] = i;
	r->set |= 1u << i;
}

void
row_item_text(struct row *r, const char *field, const char *s)
{
	add_item(r, field_index(r, field), (struct value){ .kind = V_TEXT, .s = s });
}

void
row_item_int(struct row *r, const char *field, int64_t id)
{
	add_item(r, field_index(r, field), (struct value){ .kind = V_INT, .i = id });
}

const struct value *
row_get(const struct row *r, const char *field)
{
	int i = entity_field(r->ent, field);

	return i >= 0 && (r->set & (1u << i)) ? &r->v[i] : NULL;
}

/* -- parsing ---------------------------------------------------------- */

static bool
parse_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || errno)
		return false;
	*out = v;
	return true;
}

static bool
parse_bool(const char *s, int64_t *out)
{
	static const char *const yes[] = { "true", "yes", "y", "1", NULL };
	static const char *const no[] = { "false", "no", "n", "0", NULL };

	for (int i = 0; yes[i]; i++) {
		if (!strcasecmp(s, yes[i]))
			return *out = 1, true;
		if (!strcasecmp(s, no[i]))
			return *out = 0, true;
	}
	return false;
}

static enum status
enum_error(const char *const *values, const char *text, struct err *e)
{
	char list[512];
	const char *hint = names_suggest(values, text);

	names_join(values, list, sizeof(list));
	if (hint)
		return err_set(e, ST_DATA, "'%s' is not allowed; did you mean '%s'?", text, hint);
	return err_set(e, ST_DATA, "'%s' is not allowed (expected one of: %s)", text, list);
}

/* The account id of a row, needed to resolve contacts by email. */
static bool
row_account(const struct row *r, int64_t *id)
{
	int i = entity_field(r->ent, "account");

	if (i < 0 || !(r->set & (1u << i)) || r->v[i].kind != V_INT)
		return false;
	*id = r->v[i].i;
	return true;
}

static enum status
resolve(struct store *s, const struct row *r, const struct ref_def *ref, const char *key,
	int64_t *id, struct err *e)
{
	char sql[256];
	sqlite3_stmt *st;
	int64_t account = 0, n = 0;
	int rc;

	if (!strcmp(ref->key, "id")) {
		if (!parse_int(key, &n) || n <= 0)
			return err_set(e, ST_DATA, "'%s' is not a %s id (a positive number)", key, ref->what);
	}
	if (ref->per_account && !row_account(r, &account))
		return err_set(e, ST_DATA, "a %s needs the row's account to be known", ref->what);
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE %s = ?1%s%s ORDER BY id LIMIT 1",
		 ref->table, ref->key, ref->nocase ? " COLLATE NOCASE" : "",
		 ref->per_account ? " AND account_id = ?2" : "");
	if (!(st = store_stmt(s, sql, e)))
		return e->status;
	if (!strcmp(ref->key, "id"))
		sqlite3_bind_int64(st, 1, n);
	else
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (ref->per_account)
		sqlite3_bind_int64(st, 2, account);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "looking up a reference");
	return err_set(e, ST_DATA, "unknown %s '%s'%s", ref->what, key,
		       ref->per_account ? " in this account" : "");
}

static enum status
parse_list(struct store *s, struct row *r, int i, const char *text, struct err *e)
{
	const struct list_def *l = r->ent->fields[i].list;
	size_t start = r->scratch.len;
	char *p, *tok, *save = NULL;
	int64_t id;
	int count = 0;

	/* Copy into the row's scratch so elements can be split in place.  If
	 * that moves the scratch, earlier elements are rebased onto it. */
	const char *old = r->scratch.data;
	size_t old_len = r->scratch.len;

	buf_grow(&r->scratch, strlen(text) + 1);
	if (r->scratch.data != old)
		for (int k = 0; k < r->nitems; k++)
			if (r->item[k].kind == V_TEXT && r->item[k].s >= old && r->item[k].s < old + old_len)
				r->item[k].s = r->scratch.data + (r->item[k].s - old);
	buf_adds(&r->scratch, text);
	buf_addc(&r->scratch, '\0');
	p = r->scratch.data + start;
	for (tok = strtok_r(p, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		while (isspace((unsigned char)*tok))
			tok++;
		for (char *end = tok + strlen(tok); end > tok && isspace((unsigned char)end[-1]);)
			*--end = '\0';
		if (!*tok)
			continue;
		if (r->nitems >= ROW_MAX_ITEMS || ++count > ROW_MAX_ITEMS)
			return err_set(e, ST_DATA, "too many elements (at most %d)", ROW_MAX_ITEMS);
		if (l->values && names_lookup(l->values, tok) < 0)
			return enum_error(l->values, tok, e);
		if (l->ref) {
			if (resolve(s, r, l->ref, tok, &id, e))
				return e->status;
			add_item(r, i, (struct value){ .kind = V_INT, .i = id });
		} else {
			add_item(r, i, (struct value){ .kind = V_TEXT, .s = tok });
		}
	}
	r->set |= 1u << i;
	return ST_OK;
}

enum status
row_parse(struct store *s, struct row *r, int i, const char *text, struct err *e)
{
	const struct field *f = &r->ent->fields[i];
	struct value v = { .kind = V_NULL };
	const char *why;
	int32_t day;
	int k;

	if (f->type == FT_LIST)
		return parse_list(s, r, i, text, e);
	if (!*text) {
		if (f->flags & F_REQUIRED)
			return err_set(e, ST_DATA, "a value is required");
		r->v[i] = v;
		r->set |= 1u << i;
		return ST_OK;
	}
	switch (f->type) {
	case FT_ID:
	case FT_INT:
		if (!parse_int(text, &v.i) || (f->type == FT_ID && v.i <= 0))
			return err_set(e, ST_DATA, "'%s' is not a whole number", text);
		if ((f->flags & F_NONNEG) && v.i < 0)
			return err_set(e, ST_DATA, "'%s' is negative (a count of 0 or more)", text);
		v.kind = V_INT;
		break;
	case FT_REAL: {
		char *end;

		errno = 0;
		v.r = strtod(text, &end);
		if (end == text || *end || errno || !isfinite(v.r))
			return err_set(e, ST_DATA, "'%s' is not a number", text);
		v.kind = V_REAL;
		break;
	}
	case FT_BOOL:
		if (!parse_bool(text, &v.i))
			return err_set(e, ST_DATA, "'%s' is not true or false", text);
		v.kind = V_INT;
		break;
	case FT_DATE:
		if (!date_parse(text, &day))
			return err_set(e, ST_DATA, "'%s' is not a date (expected YYYY-MM-DD)", text);
		v.kind = V_TEXT;
		v.s = text;
		break;
	case FT_MONEY:
		if (!money_parse(text, &v.i, &why))
			return err_set(e, ST_DATA, "'%s' is not an amount: %s", text, why);
		if ((f->flags & F_NONNEG) && v.i < 0)
			return err_set(e, ST_DATA, "'%s' is negative (an amount of 0 or more)", text);
		v.kind = V_INT;
		break;
	case FT_ENUM:
		if ((k = names_lookup(f->values, text)) < 0)
			return enum_error(f->values, text, e);
		v.kind = V_TEXT;
		v.s = f->values[k];
		break;
	case FT_REF:
		if (resolve(s, r, f->ref, text, &v.i, e))
			return e->status;
		v.kind = V_INT;
		break;
	case FT_TEXT:
	case FT_LIST:
		v.kind = V_TEXT;
		v.s = text;
		break;
	}
	r->v[i] = v;
	r->set |= 1u << i;
	return ST_OK;
}
