/*
 * import.c -- a CSV file in, as one all-or-nothing bulk action (see
 * import.h): the reader feeds the header and then each record to the
 * store's importer inside one write transaction.
 */
#include "config.h"

#include <stdio.h>

#include "app/import.h"
#include "core/csvread.h"
#include "store/import.h"
#include "store/wtx.h"

struct import_run {
	struct store *s;
	struct wtx *t;
	const struct entity *ent;
	struct diag *d;
	struct importer *im;       /* made from the header */
	bool header_seen;
};

/* The header makes the importer; every later record is a row.  Reading
 * stops when the header is unusable or the diagnostics are full. */
static int
import_record(void *ctx, const struct csv_record *rec)
{
	struct import_run *r = ctx;

	if (!r->header_seen) {
		r->header_seen = true;
		r->im = importer_new(r->s, r->t, r->ent, rec, r->d);
		return r->im == NULL;
	}
	importer_row(r->im, rec);
	return diag_full(r->d);
}

enum status
import_csv(struct store *s, const struct import_input *in, struct diag *d, int64_t *rows,
	   struct err *e)
{
	struct import_run r = { .s = s, .ent = in->ent, .d = d };
	char action[128];
	size_t problems;
	enum status st;

	*rows = 0;
	if (!in->ent->import)
		return err_set(e, ST_USAGE, "%s cannot be imported", in->ent->name);
	snprintf(action, sizeof(action), "import %s", in->ent->name);
	if ((st = wtx_begin(s, action, WTX_BULK, &r.t, e)))
		return st;
	csv_read(in->fp, d, import_record, &r);
	if (!r.header_seen && d->n == 0)
		diag_add(d, 1, 0, "the file is empty (expected a header row; see 'tend export %s "
			 "--template')", in->ent->name);
	*rows = r.im ? importer_count(r.im) : 0;
	problems = d->n + d->dropped;
	if (problems) {
		st = err_set(e, ST_DATA, "nothing was imported: %zu problem%s in %s", problems,
			     problems == 1 ? "" : "s", d->file);
		wtx_abort(r.t);
	} else if (in->dry_run) {
		wtx_abort(r.t);
	} else {
		st = wtx_commit(r.t, e);
	}
	importer_free(r.im);
	return st;
}
