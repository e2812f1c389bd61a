/*
 * import.c -- a CSV file in, as one all-or-nothing bulk action (see
 * import.h): the file is decoded, the reader feeds the header and then each
 * data record to the store's importer inside one write transaction.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/import.h"
#include "app/import_map.h"
#include "core/buf.h"
#include "core/csvread.h"
#include "store/import.h"
#include "store/wtx.h"

#define PROGRESS_EVERY 4096   /* records between progress calls */

struct import_run {
	struct store *s;
	struct wtx *t;
	const struct import_input *in;
	const struct import_map *map;
	struct diag *d;
	struct diag rowd;          /* a rejected row's problems, with skip_bad */
	struct importer *im;       /* made from the header */
	bool header_seen;
	int header_left;           /* extra header rows still to skip */
	long footer_line;          /* where the footer began, 0: not yet */
	int64_t data_rows;
	size_t total;
};

static bool
blank(const struct csv_record *rec)
{
	for (int i = 0; i < rec->n; i++)
		if (rec->fields[i][strspn(rec->fields[i], " \t")])
			return false;
	return true;
}

static bool
footer(const struct import_map *m, const struct csv_record *rec)
{
	const char *s = rec->fields[0];

	s += strspn(s, " \t");
	for (int i = 0; i < m->nfooter; i++)
		if (!strncasecmp(s, m->footer[i], strlen(m->footer[i])))
			return true;
	return false;
}

/* The header makes the importer; rows after it that are not data are
 * skipped; every other record is a row.  Reading stops when the header is
 * unusable or the diagnostics are full. */
static int
import_record(void *ctx, const struct csv_record *rec)
{
	struct import_run *r = ctx;
	enum import_outcome k;

	if (!r->header_seen) {
		r->header_seen = true;
		r->im = importer_new(r->s, r->t, r->map, rec, r->d);
		if (r->im && r->in->skip_bad && r->in->on_reject)
			r->in->on_reject(r->in->ctx, rec, NULL, true);
		return r->im == NULL;
	}
	if (r->header_left > 0) {
		r->header_left--;
		return 0;
	}
	if (blank(rec))
		return 0;
	if (r->map->nfooter && footer(r->map, rec)) {
		if (!r->footer_line)
			r->footer_line = rec->first_line;
		return 0;
	}
	if (r->footer_line) {
		diag_add(r->d, rec->first_line, 0, "a data row after the footer that begins on line %ld "
			 "(was the file cut and pasted together?)", r->footer_line);
		return diag_full(r->d);
	}
	r->data_rows++;
	if (r->in->progress && r->data_rows % PROGRESS_EVERY == 0)
		r->in->progress(r->in->ctx, rec->offset, r->total);
	if (!r->in->skip_bad) {
		importer_row(r->im, rec, r->d);
		return diag_full(r->d);
	}
	k = importer_row(r->im, rec, &r->rowd);
	if (k == IMP_REJECTED) {
		struct buf why;

		buf_init(&why);
		for (size_t i = 0; i < r->rowd.n; i++) {
			const char *t = r->rowd.items[i].text + strlen(r->d->file) + 1;

			buf_addf(&why, "%s%s", i ? "; " : "", t);
		}
		if (r->in->on_reject)
			r->in->on_reject(r->in->ctx, rec, why.data ? why.data : "", false);
		buf_done(&why);
		diag_done(&r->rowd);
		diag_init(&r->rowd, r->d->file);
	}
	return 0;
}

static void
take_counts(struct import_result *res, struct importer *im)
{
	const struct import_counts *c = importer_counts(im);

	for (int k = 0; k < IMP_NKINDS; k++) {
		res->counts.n[k] = c->n[k];
		res->counts.nsample[k] = c->nsample[k];
		buf_init(&res->counts.sample[k]);
		if (c->sample[k].len)
			buf_add(&res->counts.sample[k], c->sample[k].data, c->sample[k].len);
	}
}

enum status
import_csv_in(struct store *s, struct wtx *t, const struct import_input *in, struct diag *d,
	      struct import_result *res, struct err *e)
{
	struct import_run r = { .s = s, .t = t, .in = in, .d = d };
	struct import_map canonical;
	struct buf raw, decoded;
	const char *text;
	size_t len, n, problems;
	char chunk[65536], delim;
	enum textenc enc = in->enc;

	memset(res, 0, sizeof(*res));
	for (int k = 0; k < IMP_NKINDS; k++)
		buf_init(&res->counts.sample[k]);
	if (!in->ent->import)
		return err_set(e, ST_USAGE, "%s cannot be imported", in->ent->name);
	if (in->map) {
		r.map = in->map;
	} else {
		import_map_canonical(&canonical, in->ent);
		r.map = &canonical;
	}
	if (enc == ENC_AUTO && r.map->encoding)
		textenc_parse(r.map->encoding, &enc);
	r.header_left = r.map->header_rows;
	buf_init(&raw);
	buf_init(&decoded);
	while ((n = fread(chunk, 1, sizeof(chunk), in->fp)) > 0)
		buf_add(&raw, chunk, n);
	if (ferror(in->fp)) {
		buf_done(&raw);
		return err_set(e, ST_IOERR, "cannot read %s: %s", d->file, strerror(errno));
	}
	diag_init(&r.rowd, d->file);
	if (textconv(raw.data ? raw.data : "", raw.len, enc, &decoded, &text, &len, d)) {
		delim = in->delim ? in->delim : r.map->delimiter ? r.map->delimiter : csv_sniff(text, len);
		r.total = len;
		csv_read_mem(text, len, delim, d, import_record, &r);
	}
	if (!r.header_seen && d->n == 0)
		diag_add(d, 1, 0, "the file is empty (expected a header row; see 'tend export %s "
			 "--template')", in->ent->name);
	if (r.im) {
		take_counts(res, r.im);
		if (in->progress)
			in->progress(in->ctx, r.total, r.total);
	}
	res->empty = r.data_rows == 0;
	importer_free(r.im);
	diag_done(&r.rowd);
	buf_done(&raw);
	buf_done(&decoded);
	problems = d->n + d->dropped;
	if (problems)
		return err_set(e, ST_DATA, "nothing was imported: %zu problem%s in %s", problems,
			       problems == 1 ? "" : "s", d->file);
	return ST_OK;
}

enum status
import_csv(struct store *s, const struct import_input *in, struct diag *d,
	   struct import_result *res, struct err *e)
{
	char action[128];
	struct wtx *t;
	enum status st;

	memset(res, 0, sizeof(*res));
	if (!in->ent->import)
		return err_set(e, ST_USAGE, "%s cannot be imported", in->ent->name);
	snprintf(action, sizeof(action), "import %s", in->ent->name);
	if ((st = wtx_begin(s, action, WTX_BULK, &t, e)))
		return st;
	wtx_audit_each(t);
	st = import_csv_in(s, t, in, d, res, e);
	if (st || in->dry_run)
		wtx_abort(t);
	else
		st = wtx_commit(t, e);
	return st;
}

void
import_result_done(struct import_result *res)
{
	for (int k = 0; k < IMP_NKINDS; k++)
		buf_done(&res->counts.sample[k]);
}
