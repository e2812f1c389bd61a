/*
 * import_map.c -- mapping files: how an export's columns and values become
 * an entity's fields (see import_map.h and man tend-import(5)).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/import_map.h"
#include "core/embedded.h"
#include "core/names.h"
#include "core/ydoc.h"

#define MAP_DIR "maps/"

struct loader {
	struct ydoc y;
	struct import_mapfile *mf;
};

static const char *
keep(struct loader *lo, const char *s)
{
	return pool_strdup(&lo->mf->pool, s);
}

/* A scalar or a list of scalars into out[MAP_ALTS]. */
static int
scalars(struct loader *lo, yaml_node_t *n, const char **out, const char *what)
{
	int k = 0;

	if (!n)
		return 0;
	if (n->type == YAML_SCALAR_NODE) {
		out[0] = keep(lo, ydoc_text(n));
		return 1;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&lo->y, n, "%s: expected a name or a list of names", what);
		return 0;
	}
	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
		yaml_node_t *item = ydoc_node(&lo->y, *i);

		if (!ydoc_text(item)) {
			ydoc_problem(&lo->y, item, "%s: expected a name", what);
			continue;
		}
		if (k == MAP_ALTS) {
			ydoc_problem(&lo->y, item, "%s: at most %d", what, MAP_ALTS);
			break;
		}
		out[k++] = keep(lo, ydoc_text(item));
	}
	return k;
}

static int
field_of(struct loader *lo, yaml_node_t *n, const char *name)
{
	const struct entity *ent = lo->mf->map.ent;
	const char *names[ENTITY_MAX_FIELDS + 1], *hint;
	int f = entity_field(ent, name);

	if (f >= 0)
		return f;
	for (int k = 0; k < ent->nfields; k++)
		names[k] = ent->fields[k].name;
	names[ent->nfields] = NULL;
	hint = names_suggest(names, name);
	if (hint)
		ydoc_problem(&lo->y, n, "%s has no field '%s'; did you mean '%s'?", ent->name, name, hint);
	else
		ydoc_problem(&lo->y, n, "%s has no field '%s' (see 'tend help import')", ent->name, name);
	return -1;
}

static bool
valid_date_format(const char *f)
{
	if (!strcmp(f, "iso"))
		return true;
	/* A '%' needs a conversion after it: strchr() finds the NUL too, so a
	 * format ending in '%' would walk past its end. */
	for (; *f; f++)
		if (*f == '%' && (!*++f || !strchr("YymdebHMSz%", *f)))
			return false;
	return true;
}

static void
value_map(struct loader *lo, yaml_node_t *n, struct map_field *mf, const struct field *fd)
{
	struct map_value *v;
	int k = 0;

	if (n->type != YAML_MAPPING_NODE) {
		ydoc_problem(&lo->y, n, "values: expected 'what the file says: what tend calls it' pairs");
		return;
	}
	mf->nvalues = (int)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	v = pool_alloc(&lo->mf->pool, (size_t)(mf->nvalues ? mf->nvalues : 1) * sizeof(*v));
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = ydoc_node(&lo->y, p->key), *vn = ydoc_node(&lo->y, p->value);
		const char *to = ydoc_text(vn);

		if (!ydoc_text(kn) || !to) {
			ydoc_problem(&lo->y, kn, "values: expected text on both sides");
			continue;
		}
		if (fd->type == FT_ENUM && names_lookup(fd->values, to) < 0) {
			char list[512];

			names_join(fd->values, list, sizeof(list));
			ydoc_problem(&lo->y, vn, "values: '%s' is not a %s (expected one of: %s)", to,
				     fd->name, list);
			continue;
		}
		v[k++] = (struct map_value){ keep(lo, ydoc_text(kn)), keep(lo, to) };
	}
	mf->values = v;
	mf->nvalues = k;
}

static void
field_spec(struct loader *lo, yaml_node_t *kn, yaml_node_t *vn)
{
	struct import_map *m = &lo->mf->map;
	static const char *const keys[] = { "column", "date", "values", "case", "default", "by",
					    "salesforce_id", "skip", NULL };
	const char *text = ydoc_text(vn);
	struct map_field *mf;
	const struct field *fd;
	int f = field_of(lo, kn, ydoc_text(kn));

	if (f < 0)
		return;
	if (text && !strcmp(text, "skip"))
		return;   /* listed to say it is left out */
	if (m->nfields == ENTITY_MAX_FIELDS)
		return;
	mf = &m->fields[m->nfields];
	memset(mf, 0, sizeof(*mf));
	mf->field = f;
	mf->line = (long)kn->start_mark.line + 1;
	fd = &m->ent->fields[f];
	for (int i = 0; i < m->nfields; i++)
		if (m->fields[i].field == f) {
			ydoc_problem(&lo->y, kn, "%s is mapped twice", fd->name);
			return;
		}
	if (text) {
		mf->columns[0] = keep(lo, text);
		mf->ncolumns = 1;
		m->nfields++;
		return;
	}
	if (vn->type != YAML_MAPPING_NODE) {
		ydoc_problem(&lo->y, vn, "%s: expected a column name or a mapping (column:, date:, "
			     "values:, ...)", fd->name);
		return;
	}
	for (yaml_node_pair_t *p = vn->data.mapping.pairs.start; p < vn->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(&lo->y, p->key), *v = ydoc_node(&lo->y, p->value);
		const char *key = ydoc_text(k), *val = ydoc_text(v);

		if (!key || names_lookup(keys, key) < 0) {
			ydoc_problem(&lo->y, k, "%s: unknown key '%s' (expected column, date, values, "
				     "case, default, by, salesforce_id or skip)", fd->name, key ? key : "?");
			continue;
		}
		if (!strcmp(key, "column")) {
			mf->ncolumns = scalars(lo, v, mf->columns, "column");
		} else if (!strcmp(key, "date")) {
			if (fd->type != FT_DATE)
				ydoc_problem(&lo->y, k, "%s is not a date", fd->name);
			mf->ndates = scalars(lo, v, mf->dates, "date");
			for (int i = 0; i < mf->ndates; i++)
				if (!valid_date_format(mf->dates[i]))
					ydoc_problem(&lo->y, v, "date: '%s' is not a format (use %%Y %%m %%d "
						     "%%b %%H %%M %%S %%z, or iso)", mf->dates[i]);
		} else if (!strcmp(key, "values")) {
			value_map(lo, v, mf, fd);
		} else if (!strcmp(key, "case")) {
			if (val && !strcmp(val, "lower"))
				mf->fold = MAP_CASE_LOWER;
			else if (val && !strcmp(val, "upper"))
				mf->fold = MAP_CASE_UPPER;
			else if (val && (!strcmp(val, "none") || !strcmp(val, "keep")))
				mf->fold = MAP_CASE_NONE;
			else
				ydoc_problem(&lo->y, v, "case: expected lower, upper or keep");
		} else if (!strcmp(key, "default")) {
			mf->def = val ? keep(lo, val) : NULL;
			if (!val)
				ydoc_problem(&lo->y, v, "default: expected a value");
		} else if (!strcmp(key, "by")) {
			if (fd->type != FT_REF)
				ydoc_problem(&lo->y, k, "by: %s is not a reference", fd->name);
			else if (!val || !import_ref_key(fd->ref, val))
				ydoc_problem(&lo->y, v, "by: a %s is found by %s", fd->ref->what,
					     !strcmp(fd->ref->table, "users") ?
					     "login, email or display_name" :
					     !strcmp(fd->ref->table, "accounts") ? "external_id or name" :
					     fd->ref->key);
			else
				mf->by = keep(lo, val);
		} else if (!strcmp(key, "salesforce_id")) {
			mf->salesforce_id = val && !strcmp(val, "true");
		} else if (!strcmp(key, "skip")) {
			if (val && !strcmp(val, "true"))
				return;
		}
	}
	m->nfields++;
}

static void
skip_spec(struct loader *lo, yaml_node_t *n)
{
	struct import_map *m = &lo->mf->map;
	yaml_node_t *h, *f;

	if (n->type != YAML_MAPPING_NODE) {
		ydoc_problem(&lo->y, n, "skip: expected header_rows: and footer:");
		return;
	}
	if ((h = ydoc_get(&lo->y, n, "header_rows"))) {
		const char *t = ydoc_text(h);

		m->header_rows = t ? atoi(t) : -1;
		if (m->header_rows < 0 || m->header_rows > 20)
			ydoc_problem(&lo->y, h, "header_rows: expected 0 to 20");
	}
	if ((f = ydoc_get(&lo->y, n, "footer")))
		m->nfooter = scalars(lo, f, m->footer, "footer");
}

static void
top(struct loader *lo, yaml_node_t *root)
{
	struct import_map *m = &lo->mf->map;
	static const char *const keys[] = { "entity", "description", "match", "encoding",
					    "delimiter", "decimal", "thousands", "skip", "fields", NULL };
	yaml_node_t *n;
	const char *t;

	if (!root || root->type != YAML_MAPPING_NODE) {
		ydoc_problem(&lo->y, root, "expected a mapping with entity: and fields:");
		return;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(&lo->y, p->key);

		if (!ydoc_text(k) || names_lookup(keys, ydoc_text(k)) < 0)
			ydoc_problem(&lo->y, k, "unknown key '%s' (expected entity, description, match, "
				     "encoding, delimiter, decimal, thousands, skip or fields)",
				     ydoc_text(k) ? ydoc_text(k) : "?");
	}
	n = ydoc_get(&lo->y, root, "entity");
	if (!(t = ydoc_text(n)) || !(m->ent = entity_find(t)) || !m->ent->import) {
		ydoc_problem(&lo->y, n ? n : root, "entity: expected an entity tend imports");
		return;
	}
	m->description = keep(lo, ydoc_text(ydoc_get(&lo->y, root, "description")) ?
			      ydoc_text(ydoc_get(&lo->y, root, "description")) : "");
	if ((n = ydoc_get(&lo->y, root, "encoding"))) {
		enum textenc enc;

		if (!ydoc_text(n) || !textenc_parse(ydoc_text(n), &enc))
			ydoc_problem(&lo->y, n, "encoding: expected one of %s", textenc_names);
		else
			m->encoding = keep(lo, ydoc_text(n));
	}
	if ((n = ydoc_get(&lo->y, root, "delimiter"))) {
		t = ydoc_text(n);
		if (t && !strcmp(t, "tab"))
			m->delimiter = '\t';
		else if (t && strlen(t) == 1 && strchr(",;\t|", t[0]))
			m->delimiter = t[0];
		else
			ydoc_problem(&lo->y, n, "delimiter: expected \",\", \";\", \"|\" or tab");
	}
	if ((n = ydoc_get(&lo->y, root, "decimal"))) {
		t = ydoc_text(n);
		if (!t || strlen(t) != 1 || !strchr(",.", t[0]))
			ydoc_problem(&lo->y, n, "decimal: expected \".\" or \",\"");
		else
			m->decimal = t[0];
	}
	m->thousands = m->decimal == ',' ? '.' : ',';
	if ((n = ydoc_get(&lo->y, root, "thousands"))) {
		t = ydoc_text(n);
		if (!t || strlen(t) > 1 || (*t && !strchr(",. '", t[0])) || (*t && t[0] == m->decimal))
			ydoc_problem(&lo->y, n, "thousands: expected \",\", \".\", \" \", \"'\" or \"\" "
				     "(not the decimal separator)");
		else
			m->thousands = t[0];
	}
	if ((n = ydoc_get(&lo->y, root, "skip")))
		skip_spec(lo, n);
	n = ydoc_get(&lo->y, root, "fields");
	if (!n || n->type != YAML_MAPPING_NODE) {
		ydoc_problem(&lo->y, n ? n : root, "fields: expected 'field: column' pairs");
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(&lo->y, p->key);

		if (!ydoc_text(k))
			ydoc_problem(&lo->y, k, "fields: expected a field name");
		else
			field_spec(lo, k, ydoc_node(&lo->y, p->value));
	}
	if ((n = ydoc_get(&lo->y, root, "match"))) {
		const char *names[MAP_ALTS];
		int k = scalars(lo, n, names, "match");

		for (int i = 0; i < k && m->nmatch < MAP_MATCH; i++) {
			int f = field_of(lo, n, names[i]);
			bool mapped = false;

			for (int j = 0; j < m->nfields; j++)
				mapped |= m->fields[j].field == f;
			if (f >= 0 && !mapped)
				ydoc_problem(&lo->y, n, "match: %s is not among the fields", names[i]);
			else if (f >= 0)
				m->match[m->nmatch++] = f;
		}
	}
}

enum status
import_map_parse(const char *name, const char *text, size_t len, struct import_mapfile *mf,
		 struct diag *d, struct err *e)
{
	struct loader lo = { .mf = mf };

	memset(mf, 0, sizeof(*mf));
	pool_init(&mf->pool);
	mf->map.name = pool_strdup(&mf->pool, name);
	mf->map.decimal = '.';
	mf->map.thousands = ',';
	if (ydoc_load(&lo.y, text, len, d))
		top(&lo, ydoc_root(&lo.y));
	ydoc_done(&lo.y);
	if (lo.y.problems || d->n)
		return err_set(e, ST_CONFIG, "the mapping %s has %zu problem%s", name,
			       d->n, d->n == 1 ? "" : "s");
	return ST_OK;
}

const struct embedded_file *
import_map_shipped(const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), MAP_DIR "%s.yaml", name);
	return embedded_find(path);
}

void
import_map_done(struct import_mapfile *mf)
{
	pool_done(&mf->pool);
	memset(mf, 0, sizeof(*mf));
}

void
import_map_canonical(struct import_map *m, const struct entity *ent)
{
	memset(m, 0, sizeof(*m));
	m->name = ent->name;
	m->ent = ent;
	m->canonical = true;
	m->decimal = '.';
}

size_t
import_maps_shipped(const char **names, size_t max)
{
	size_t n = 0, dl = strlen(MAP_DIR);

	for (size_t i = 0; i < embedded_file_count && n < max; i++)
		if (!strncmp(embedded_files[i].name, MAP_DIR, dl))
			names[n++] = embedded_files[i].name;
	return n;
}
