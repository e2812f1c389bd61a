/*
 * import.c -- CSV records to entity rows, inserted or updated by their key
 * (see import.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/json.h"
#include "core/names.h"
#include "core/strmap.h"
#include "core/xalloc.h"
#include "domain/import_fmt.h"
#include "domain/model.h"
#include "store/import.h"
#include "store/import_int.h"
#include "store/row.h"
#include "store/store_int.h"
#include "store/wtx.h"

/* -- keys ------------------------------------------------------------------- */

static const char *const key_account[] = { "external_id", NULL };
static const char *const key_user[] = { "login", NULL };
static const char *const key_team[] = { "name", NULL };
static const char *const key_ticket[] = { "external_id", NULL };
static const char *const key_invoice[] = { "number", NULL };
static const char *const key_contact[] = { "account", "email", NULL };
static const char *const key_opportunity[] = { "external_id", NULL };
static const char *const key_survey[] = { "external_id", NULL };
/* '?': a part the file may leave out, and may leave empty. */
static const char *const key_usage[] = { "account", "date", "?period", "?metric_name", NULL };
static const char *const key_none[] = { NULL };

const char *const *
import_default_key(const struct entity *ent)
{
	static const struct { const struct entity *ent; const char *const *key; } keys[] = {
		{ &entity_account, key_account }, { &entity_user, key_user },
		{ &entity_team, key_team }, { &entity_ticket, key_ticket },
		{ &entity_invoice, key_invoice }, { &entity_contact, key_contact },
		{ &entity_opportunity, key_opportunity }, { &entity_survey, key_survey },
		{ &entity_usage, key_usage },
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].ent == ent)
			return keys[i].key;
	return key_none;
}

const char *
import_ref_key(const struct ref_def *ref, const char *by)
{
	if (!by || !strcmp(by, ref->key))
		return ref->key;
	if (!strcmp(ref->table, "accounts") && !strcmp(by, "name"))
		return "name";
	if (!strcmp(ref->table, "users") && (!strcmp(by, "email") || !strcmp(by, "name") ||
					    !strcmp(by, "display_name")))
		return !strcmp(by, "email") ? "email" : "name";
	if (!strcmp(by, "id"))
		return "id";
	return NULL;
}

/* -- the header ----------------------------------------------------------- */

static const char *
suggest_field(const struct entity *ent, const char *name)
{
	const char *names[ENTITY_MAX_FIELDS + 1];
	char lower[64];
	size_t i;

	for (int k = 0; k < ent->nfields; k++)
		names[k] = ent->fields[k].name;
	names[ent->nfields] = NULL;
	for (i = 0; name[i] && i < sizeof(lower) - 1; i++)
		lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
	lower[i] = '\0';
	return names_suggest(names, lower);
}

/* The canonical header: each column names a field. */
static void
canonical_cols(struct importer *im, const struct csv_record *h, struct diag *d)
{
	const struct entity *ent = im->ent;

	for (int c = 0; c < h->n; c++) {
		const char *name = h->fields[c], *hint;
		int f = entity_field(ent, name);

		if (f < 0) {
			if ((hint = suggest_field(ent, name)))
				diag_add(d, h->line[c], h->col[c],
					 "unknown column '%s' for %s; did you mean '%s'?", name, ent->name, hint);
			else
				diag_add(d, h->line[c], h->col[c],
					 "unknown column '%s' for %s (see 'tend help import')", name, ent->name);
			continue;
		}
		if (im->given & (1u << f)) {
			diag_add(d, h->line[c], h->col[c], "column '%s' appears twice", name);
			continue;
		}
		im->given |= 1u << f;
		im->cols[im->n++] = (struct col){ f, c, NULL };
	}
}

static int
header_find(const struct csv_record *h, const char *name)
{
	for (int c = 0; c < h->n; c++) {
		const char *s = h->fields[c];
		size_t n = strlen(name);

		while (*s == ' ')
			s++;
		if (!strncasecmp(s, name, n) && strspn(s + n, " ") == strlen(s + n))
			return c;
	}
	return -1;
}

/* A map's fields: the first of each field's columns the header has. */
static void
mapped_cols(struct importer *im, const struct csv_record *h, struct diag *d)
{
	const struct import_map *m = im->map;

	for (int k = 0; k < m->nfields; k++) {
		const struct map_field *mf = &m->fields[k];
		int c = -1;

		for (int a = 0; a < mf->ncolumns && c < 0; a++)
			c = header_find(h, mf->columns[a]);
		if (c < 0 && !mf->def) {
			if (mf->ncolumns && (im->ent->fields[mf->field].flags & F_REQUIRED))
				diag_add(d, h->first_line, 0, "no column '%s'%s for %s, which %s requires "
					 "(map %s, line %ld)", mf->columns[0],
					 mf->ncolumns > 1 ? " (or its alternatives)" : "",
					 im->ent->fields[mf->field].name, im->ent->name, m->name, mf->line);
			continue;
		}
		im->given |= 1u << mf->field;
		im->cols[im->n++] = (struct col){ mf->field, c, mf };
	}
}

/* References to contacts need the row's account: parse it first. */
static void
order_cols(struct importer *im)
{
	int a = entity_field(im->ent, "account");

	for (int i = 0; i < im->n; i++)
		if (im->cols[i].field == a && i > 0) {
			struct col c = im->cols[i];

			memmove(&im->cols[1], &im->cols[0], (size_t)i * sizeof(c));
			im->cols[0] = c;
		}
}

/* The key fields the file gives, and the statement that finds a match. */
static enum status
prepare_key(struct importer *im, struct diag *d, struct err *e)
{
	const struct entity *ent = im->ent;
	const char *const *names = import_default_key(ent);
	int idf = entity_field(ent, "id");
	struct buf sql;
	int n = 0, rc;
	sqlite3_stmt *st;

	if (im->map && im->map->nmatch) {
		for (int i = 0; i < im->map->nmatch; i++)
			if (im->given & (1u << im->map->match[i]))
				im->key[im->nkey++] = im->map->match[i];
			else
				diag_add(d, 0, 0, "the match key %s is not in the file (map %s)",
					 ent->fields[im->map->match[i]].name, im->map->name);
	} else if (idf >= 0 && (im->given & (1u << idf))) {
		im->key[im->nkey++] = idf;
	} else {
		for (int i = 0; names[i] && im->nkey < MAP_MATCH; i++) {
			bool opt = names[i][0] == '?';
			int f = entity_field(ent, names[i] + opt);

			if (f >= 0 && (im->given & (1u << f))) {
				im->key_opt[im->nkey] = opt;
				im->key[im->nkey++] = f;
			} else if (!opt) {
				im->nkey = 0;   /* a partial key is no key */
				break;
			}
		}
	}
	for (int f = 0; f < ENTITY_MAX_FIELDS; f++)
		im->find_col[f] = -1;
	if (!im->nkey)
		return ST_OK;
	buf_init(&sql);
	buf_addf(&sql, "SELECT NOT EXISTS (SELECT 1 FROM %s)", ent->table);
	st = store_stmt(im->s, sql.data, e);
	if (!st) {
		buf_done(&sql);
		return e->status;
	}
	rc = sqlite3_step(st);
	im->table_empty = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	buf_reset(&sql);
	buf_adds(&sql, "SELECT id");
	for (int f = 0; f < ent->nfields; f++)
		if ((im->given & (1u << f)) && ent->fields[f].column) {
			buf_addf(&sql, ", %s", ent->fields[f].column);
			im->find_col[f] = ++n;
		}
	buf_addf(&sql, " FROM %s WHERE ", ent->table);
	for (int i = 0; i < im->nkey; i++) {
		const struct field *fd = &ent->fields[im->key[i]];

		buf_addf(&sql, "%s%s IS ?%d%s", i ? " AND " : "", fd->column, i + 1,
			 fd->ref && fd->ref->nocase ? " COLLATE NOCASE" : "");
	}
	buf_adds(&sql, " ORDER BY id LIMIT 1");
	im->find = store_stmt(im->s, sql.data, e);
	buf_done(&sql);
	return im->find ? ST_OK : e->status;
}

struct importer *
importer_new(struct store *s, struct wtx *t, const struct import_map *map,
	     const struct csv_record *h, struct diag *d)
{
	struct importer *im = xcalloc(1, sizeof(*im));
	const struct entity *ent = map->ent;
	struct err e = { ST_OK, "" };
	size_t before = d->n;

	im->s = s;
	im->t = t;
	im->ent = ent;
	im->map = map->canonical ? NULL : map;
	im->ncols = h->n;
	im->hdr = xcalloc((size_t)h->n + 1, sizeof(char *));
	for (int c = 0; c < h->n; c++)
		im->hdr[c] = xstrdup(h->fields[c]);
	im->header = (const char *const *)im->hdr;
	row_init(&im->row, ent);
	for (int f = 0; f < ENTITY_MAX_FIELDS; f++)
		buf_init(&im->tmp[f]);
	buf_init(&im->why);
	buf_init(&im->json_old);
	buf_init(&im->json_new);
	buf_init(&im->json_msg);
	buf_init(&im->scratch);
	for (int k = 0; k < IMP_NKINDS; k++)
		buf_init(&im->counts.sample[k]);
	hashset_init(&im->seen);
	date_format(s->clock.today, im->today);
	if (im->map)
		mapped_cols(im, h, d);
	else
		canonical_cols(im, h, d);
	for (int f = 0; f < ent->nfields; f++)
		if ((ent->fields[f].flags & F_REQUIRED) && !(im->given & (1u << f)) &&
		    (!im->map || d->n == before))
			diag_add(d, h->first_line, 0, im->map ?
				 "the map %s gives no %s, which %s requires" :
				 "missing required column '%s' for %s",
				 im->map ? im->map->name : ent->fields[f].name,
				 im->map ? ent->fields[f].name : ent->name, ent->name);
	order_cols(im);
	for (int i = 0; i < im->n; i++) {
		const struct field *fd = &ent->fields[im->cols[i].field];
		const struct map_field *mf = im->cols[i].mf;

		if (fd->type == FT_REF && !fd->ref->per_account) {
			struct refcache *rc = &im->refs[im->cols[i].field];

			rc->column = import_ref_key(fd->ref, mf ? mf->by : NULL);
			rc->nocase = fd->ref->nocase || strcmp(rc->column, fd->ref->key) != 0;
			rc->sfid = mf && mf->salesforce_id;
			strmap_init(&rc->map, rc->nocase);
		}
	}
	if (d->n == before && prepare_key(im, d, &e))
		diag_add(d, 0, 0, "%s", e.msg);
	if (d->n > before) {
		importer_free(im);
		return NULL;
	}
	return im;
}

/* -- one cell --------------------------------------------------------------- */

static enum status
load_refs(struct importer *im, const struct ref_def *ref, struct refcache *rc, struct err *e)
{
	char sql[160];
	sqlite3_stmt *st;
	int rc_;

	snprintf(sql, sizeof(sql), "SELECT %s, id FROM %s WHERE %s IS NOT NULL", rc->column,
		 ref->table, rc->column);
	if (!(st = store_stmt(im->s, sql, e)))
		return e->status;
	while ((rc_ = sqlite3_step(st)) == SQLITE_ROW) {
		char key[512];
		int64_t id = sqlite3_column_int64(st, 1);

		snprintf(key, sizeof(key), "%s", (const char *)sqlite3_column_text(st, 0));
		if (rc->sfid)
			fmt_salesforce_id(key);
		if (!strmap_put(&rc->map, key, id, NULL))
			strmap_set(&rc->map, key, -1);
	}
	sqlite3_reset(st);
	if (rc_ != SQLITE_DONE)
		return store_sql_error(im->s, e, "reading references");
	rc->loaded = true;
	return ST_OK;
}

static enum status
resolve(struct importer *im, int f, const char *text, int64_t *id, struct err *e)
{
	const struct ref_def *ref = im->ent->fields[f].ref;
	struct refcache *rc = &im->refs[f];

	if (!strcmp(rc->column, "id")) {
		char *end;
		long long n = strtoll(text, &end, 10);

		if (*end || n <= 0)
			return err_set(e, ST_DATA, "'%s' is not a %s id (a positive number)", text, ref->what);
	}
	if (!rc->loaded && load_refs(im, ref, rc, e))
		return e->status;
	if (!strmap_get(&rc->map, text, id))
		return err_set(e, ST_DATA, "unknown %s '%s'%s%s", ref->what, text,
			       strcmp(rc->column, ref->key) ? " (by " : "",
			       strcmp(rc->column, ref->key) ? (strcmp(rc->column, "name") ? "email)" : "name)") : "");
	if (*id < 0)
		return err_set(e, ST_DATA, "several %ss are called '%s'; map their %s instead", ref->what,
			       text, ref->key);
	return ST_OK;
}

/* A mapped cell to canonical text; NULL with e set when it cannot be. */
static const char *
transform(struct importer *im, const struct col *c, const char *cell, struct err *e)
{
	const struct map_field *mf = c->mf;
	const struct field *fd = &im->ent->fields[c->field];
	struct buf *b = &im->tmp[c->field];
	const char *why;
	char *s;

	buf_reset(b);
	buf_adds(b, cell ? cell : "");
	buf_addc(b, '\0');
	s = fmt_trim(b->data);
	if (!*s && mf->def)
		s = (char *)mf->def;
	for (int i = 0; i < mf->nvalues; i++)
		if (!strcasecmp(s, mf->values[i].from))
			return mf->values[i].to;
	if (!*s || s == mf->def)
		return s;
	if (mf->salesforce_id)
		fmt_salesforce_id(s);
	if (mf->fold == MAP_CASE_LOWER || (mf->fold == MAP_CASE_AUTO && fd->type == FT_ENUM))
		fd->type == FT_ENUM ? fmt_enum_fold(s) : fmt_lower(s);
	else if (mf->fold == MAP_CASE_UPPER)
		fmt_upper(s);
	if (fd->type == FT_DATE) {
		char out[DATE_STRLEN];

		for (int i = 0; i < mf->ndates; i++)
			if (fmt_date(s, mf->dates[i], out))
				return strcpy(s, out);
		if (!mf->ndates && fmt_date(s, "iso", out))
			return strcpy(s, out);
		err_set(e, ST_DATA, "'%s' is not a date%s%s", s, mf->ndates ? " like " : " (expected ISO: YYYY-MM-DD, with or without a time)",
			mf->ndates ? mf->dates[0] : "");
		return NULL;
	}
	if (fd->type == FT_REAL && im->map->decimal == ',') {
		char *w = s;

		/* 1.234,5 -> 1234.5 */
		for (char *r = s; *r; r++)
			if (*r != im->map->thousands)
				*w++ = *r == ',' ? '.' : *r;
		*w = '\0';
		return s;
	}
	if (fd->type == FT_MONEY || fd->type == FT_INT) {
		char out[SHORT];
		bool ok = fd->type == FT_MONEY ?
			fmt_money(s, im->map->decimal, im->map->thousands, out, sizeof(out), &why) :
			fmt_number(s, im->map->thousands, out, sizeof(out), &why);

		if (!ok) {
			err_set(e, ST_DATA, "'%s' is not %s: %s", s,
				fd->type == FT_MONEY ? "an amount" : "a whole number", why);
			return NULL;
		}
		return strcpy(s, out);
	}
	return s;
}

/* Problem at the cell of column c (or the record when it has none). */
static void
problem(struct importer *im, struct diag *d, const struct csv_record *rec, const struct col *c,
	const char *msg)
{
	const char *name = im->ent->fields[c->field].name;

	if (c->src < 0)
		diag_add(d, rec->first_line, 0, "%s: %s", name, msg);
	else if (c->mf)
		diag_add(d, rec->line[c->src], rec->col[c->src], "%s ('%s'): %s", name,
			 im->header[c->src], msg);
	else
		diag_add(d, rec->line[c->src], rec->col[c->src], "%s: %s", name, msg);
	if (im->why.len)
		buf_adds(&im->why, "; ");
	buf_addf(&im->why, "%s: %s", name, msg);
}

static bool
parse_cells(struct importer *im, const struct csv_record *rec, struct diag *d)
{
	struct err e = { ST_OK, "" };
	bool ok = true;

	for (int i = 0; i < im->n; i++) {
		const struct col *c = &im->cols[i];
		const struct field *fd = &im->ent->fields[c->field];
		const char *text = c->src >= 0 ? rec->fields[c->src] : "";

		if (c->mf && !(text = transform(im, c, text, &e))) {
			problem(im, d, rec, c, e.msg);
			ok = false;
			continue;
		}
		if (fd->type == FT_REF && im->refs[c->field].column && *text) {
			int64_t id;

			if (resolve(im, c->field, text, &id, &e)) {
				problem(im, d, rec, c, e.msg);
				ok = false;
				continue;
			}
			im->row.v[c->field] = (struct value){ .kind = V_INT, .i = id };
			im->row.set |= 1u << c->field;
			continue;
		}
		if (fd->type == FT_REF && !*text && (fd->flags & F_REQUIRED)) {
			problem(im, d, rec, c, "a value is required");
			ok = false;
			continue;
		}
		if (row_parse(im->s, &im->row, c->field, text, &e)) {
			problem(im, d, rec, c, e.msg);
			ok = false;
		}
	}
	return ok;
}

/* -- one record ------------------------------------------------------------ */

/* Values the file leaves out but the book needs, on insert: today for
 * F_TODAY dates, "import" as the source of tasks and risks, and an
 * account's touch model from its segment (doc/model.md section 7). */
static void
fill_defaults(struct importer *im)
{
	int src = entity_field(im->ent, "source");

	for (int f = 0; f < im->ent->nfields; f++) {
		const struct field *fd = &im->ent->fields[f];
		bool have = im->row.set & (1u << f);

		if ((fd->flags & F_TODAY) && (!have || im->row.v[f].kind == V_NULL))
			row_text(&im->row, fd->name, im->today);
	}
	if (src >= 0 && !(im->given & (1u << src)))
		row_text(&im->row, "source", "import");
	const struct value *touch = row_get(&im->row, "touch_model");

	if (im->ent == &entity_account && (!touch || touch->kind == V_NULL)) {
		const struct value *seg = row_get(&im->row, "segment");

		if (seg && seg->kind == V_TEXT)
			row_text(&im->row, "touch_model", segment_touch_model(seg->s));
	}
}

/* Is a sample of outcome k still wanted (the first few of each)? */
static bool
wants(const struct importer *im, enum import_outcome k)
{
	return im->counts.nsample[k] < SAMPLES;
}

static void
sample(struct importer *im, enum import_outcome k, const struct csv_record *rec,
       const char *text)
{
	struct import_counts *c = &im->counts;

	c->n[k]++;
	if (c->nsample[k] >= SAMPLES)
		return;
	c->nsample[k]++;
	buf_addf(&c->sample[k], "  line %ld: %s\n", rec->first_line, text);
}

static enum import_outcome
reject(struct importer *im, const struct csv_record *rec)
{
	sample(im, IMP_REJECTED, rec, im->why.data ? im->why.data : "");
	return IMP_REJECTED;
}

enum import_outcome
importer_row(struct importer *im, const struct csv_record *rec, struct diag *d)
{
	struct err e = { ST_OK, "" };
	struct buf *line = &im->scratch;
	uint32_t changed;
	int64_t id = 0;
	long first;
	int rc = SQLITE_DONE;
	bool keyed;

	buf_reset(&im->why);
	if (rec->n != im->ncols) {
		diag_add(d, rec->first_line, 0, "expected %d fields (as in the header), found %d",
			 im->ncols, rec->n);
		buf_addf(&im->why, "expected %d fields (as in the header), found %d", im->ncols, rec->n);
		return reject(im, rec);
	}
	row_reset(&im->row);
	if (!parse_cells(im, rec, d))
		return reject(im, rec);
	keyed = im->nkey > 0;
	for (int i = 0; i < im->nkey; i++)
		if (!im->key_opt[i] && im->row.v[im->key[i]].kind == V_NULL)
			keyed = false;   /* an empty key matches nothing: a new row */
	if (keyed && !hashset_put(&im->seen, imp_key_hash(im), rec->first_line, &first)) {
		buf_reset(line);
		imp_key_text(im, rec, line);
		diag_add(d, rec->first_line, 0, "the key %s appears twice in the file (first on line %ld)",
			 line->data, first);
		buf_addf(&im->why, "the key %s appears twice in the file (first on line %ld)", line->data,
			 first);
		return reject(im, rec);
	}
	if (keyed && !im->table_empty) {
		sqlite3_reset(im->find);
		for (int i = 0; i < im->nkey; i++)
			imp_bind(im->find, i + 1, &im->row.v[im->key[i]]);
		rc = sqlite3_step(im->find);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			store_sql_error(im->s, &e, "matching a row");
			goto failed;
		}
	}
	if (rc == SQLITE_ROW) {
		/* Sample texts only for the first few rows of each outcome. */
		bool keep = wants(im, IMP_UNCHANGED) || wants(im, IMP_UPDATED);
		struct buf *msg = &im->json_msg;

		id = sqlite3_column_int64(im->find, 0);
		buf_reset(msg);
		if (keep) {
			imp_key_text(im, rec, msg);
			buf_adds(msg, ": ");
		}
		if (imp_changes(im, id, &changed, keep ? msg : NULL, &e))
			goto failed;
		sqlite3_reset(im->find);
		if (!changed) {
			if (keep) {
				msg->len -= 2;
				msg->data[msg->len] = '\0';
			}
			sample(im, IMP_UNCHANGED, rec, keep ? msg->data : "");
			return IMP_UNCHANGED;
		}
		im->row.set &= changed;
		if (wtx_update_logged(im->t, &im->row, id, im->json_old.data, im->json_new.data, &e))
			goto failed;
		sample(im, IMP_UPDATED, rec, keep ? msg->data : "");
		return IMP_UPDATED;
	}
	fill_defaults(im);
	if (wtx_insert(im->t, &im->row, NULL, &e))
		goto failed;
	if (wants(im, IMP_INSERTED)) {
		buf_reset(line);
		if (im->nkey)
			imp_key_text(im, rec, line);
		else
			buf_addf(line, "a new %s", im->ent->name);
		sample(im, IMP_INSERTED, rec, line->data);
	} else {
		im->counts.n[IMP_INSERTED]++;
	}
	return IMP_INSERTED;
failed:
	if (im->find)
		sqlite3_reset(im->find);
	diag_add(d, rec->first_line, 0, "%s", e.msg);
	buf_reset(&im->why);
	buf_adds(&im->why, e.msg);
	return reject(im, rec);
}

const struct import_counts *
importer_counts(const struct importer *im)
{
	return &im->counts;
}

void
importer_free(struct importer *im)
{
	if (!im)
		return;
	if (im->find)
		sqlite3_reset(im->find);
	row_done(&im->row);
	for (int f = 0; f < ENTITY_MAX_FIELDS; f++) {
		buf_done(&im->tmp[f]);
		if (im->refs[f].column)
			strmap_done(&im->refs[f].map);
	}
	for (int k = 0; k < IMP_NKINDS; k++)
		buf_done(&im->counts.sample[k]);
	for (int c = 0; c < im->ncols; c++)
		free(im->hdr[c]);
	free(im->hdr);
	buf_done(&im->why);
	buf_done(&im->json_old);
	buf_done(&im->json_new);
	buf_done(&im->json_msg);
	buf_done(&im->scratch);
	hashset_done(&im->seen);
	free(im);
}
