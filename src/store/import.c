/*
 * import.c -- CSV records to entity rows (see import.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/import.h"
#include "store/row.h"
#include "store/store_int.h"
#include "store/wtx.h"

struct importer {
	struct store *s;
	struct wtx *t;
	const struct entity *ent;
	struct diag *d;
	int ncols;
	int *field;          /* column -> field index, -1 = ignored (bad header) */
	int *order;          /* columns in parse order: the account column first */
	struct row row;
	int64_t count;
	bool has_source;     /* the file gives `source` itself */
	bool given[ENTITY_MAX_FIELDS];
	char today[DATE_STRLEN];
};

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

struct importer *
importer_new(struct store *s, struct wtx *t, const struct entity *ent,
	     const struct csv_record *h, struct diag *d)
{
	struct importer *im = xcalloc(1, sizeof(*im));
	int n = 0, f;
	size_t before = d->n;

	im->s = s;
	im->t = t;
	im->ent = ent;
	im->d = d;
	im->ncols = h->n;
	im->field = xcalloc((size_t)h->n + 1, sizeof(int));
	im->order = xcalloc((size_t)h->n + 1, sizeof(int));
	row_init(&im->row, ent);
	date_format(s->clock.today, im->today);
	for (int c = 0; c < h->n; c++) {
		const char *name = h->fields[c];
		const char *hint;

		f = entity_field(ent, name);
		im->field[c] = f;
		if (f < 0) {
			hint = suggest_field(ent, name);
			if (hint)
				diag_add(d, h->line[c], h->col[c],
					 "unknown column '%s' for %s; did you mean '%s'?", name, ent->name, hint);
			else
				diag_add(d, h->line[c], h->col[c],
					 "unknown column '%s' for %s (see 'tend help import')", name, ent->name);
			continue;
		}
		if (im->given[f]) {
			diag_add(d, h->line[c], h->col[c], "column '%s' appears twice", name);
			im->field[c] = -1;
			continue;
		}
		im->given[f] = true;
	}
	for (f = 0; f < ent->nfields; f++)
		if ((ent->fields[f].flags & F_REQUIRED) && !im->given[f])
			diag_add(d, h->first_line, 0, "missing required column '%s' for %s",
				 ent->fields[f].name, ent->name);
	im->has_source = entity_field(ent, "source") >= 0 && im->given[entity_field(ent, "source")];
	/* References to contacts need the row's account: parse it first. */
	for (int c = 0; c < h->n; c++)
		if (im->field[c] >= 0 && !strcmp(ent->fields[im->field[c]].name, "account"))
			im->order[n++] = c;
	for (int c = 0; c < h->n; c++)
		if (im->field[c] < 0 || strcmp(ent->fields[im->field[c]].name, "account"))
			im->order[n++] = c;
	if (d->n > before) {
		importer_free(im);
		return NULL;
	}
	return im;
}

/* Values the file leaves out but the book needs: today for F_TODAY dates,
 * "import" as the source of tasks and risks, and an account's touch model
 * from its segment (doc/model.md section 7). */
static void
fill_defaults(struct importer *im)
{
	for (int f = 0; f < im->ent->nfields; f++) {
		const struct field *fd = &im->ent->fields[f];
		bool have = im->row.set & (1u << f);

		if ((fd->flags & F_TODAY) && (!have || im->row.v[f].kind == V_NULL))
			row_text(&im->row, fd->name, im->today);
	}
	if (!im->has_source && entity_field(im->ent, "source") >= 0)
		row_text(&im->row, "source", "import");
	const struct value *touch = row_get(&im->row, "touch_model");

	if (im->ent == &entity_account && (!touch || touch->kind == V_NULL)) {
		const struct value *seg = row_get(&im->row, "segment");

		if (seg && seg->kind == V_TEXT)
			row_text(&im->row, "touch_model", segment_touch_model(seg->s));
	}
}

void
importer_row(struct importer *im, const struct csv_record *rec)
{
	struct err e = { ST_OK, "" };
	size_t before = im->d->n + im->d->dropped;

	if (rec->n != im->ncols) {
		diag_add(im->d, rec->first_line, 0, "expected %d fields (as in the header), found %d",
			 im->ncols, rec->n);
		return;
	}
	row_reset(&im->row);
	for (int k = 0; k < im->ncols; k++) {
		int c = im->order[k], f = im->field[c];

		if (row_parse(im->s, &im->row, f, rec->fields[c], &e))
			diag_add(im->d, rec->line[c], rec->col[c], "%s: %s", im->ent->fields[f].name, e.msg);
	}
	if (im->d->n + im->d->dropped > before)
		return;
	fill_defaults(im);
	if (wtx_insert(im->t, &im->row, NULL, &e)) {
		diag_add(im->d, rec->first_line, 0, "%s", e.msg);
		return;
	}
	im->count++;
}

int64_t
importer_count(const struct importer *im)
{
	return im->count;
}

void
importer_free(struct importer *im)
{
	if (!im)
		return;
	row_done(&im->row);
	free(im->field);
	free(im->order);
	free(im);
}
