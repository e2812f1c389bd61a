/*
 * changeset.c -- writing back the rows of a changeset that a filter keeps
 * (see changeset.h).
 *
 * The format, as the session extension defines it: a table's changes
 * follow its header ('T', the column count as a varint, one byte per
 * column saying whether it is in the primary key, the table's name and a
 * NUL); each change is its operation, its indirect flag, then the old
 * record (DELETE, UPDATE) and the new one (INSERT, UPDATE).  A record is
 * one value per column: a type byte (0 undefined, 1 integer, 2 real,
 * 3 text, 4 blob, 5 NULL), then 8 big-endian bytes for a number, or a
 * varint length and the bytes.  The iterator gives an UPDATE's unchanged
 * columns as no value at all, which is what "undefined" writes back.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "store/changeset.h"

/* SQLite's varint: 7 bits a byte, most significant first, the high bit
 * on every byte but the last (lengths never need the 9-byte form). */
static void
put_varint(struct buf *b, uint64_t v)
{
	unsigned char tmp[10];
	int n = 0;

	do {
		tmp[n++] = (unsigned char)(v & 0x7f);
		v >>= 7;
	} while (v);
	while (n-- > 0)
		buf_addc(b, (char)(tmp[n] | (n ? 0x80 : 0)));
}

static void
put_be64(struct buf *b, uint64_t v)
{
	for (int i = 7; i >= 0; i--)
		buf_addc(b, (char)((v >> (i * 8)) & 0xff));
}

static void
put_value(struct buf *b, sqlite3_value *v)
{
	if (!v) {
		buf_addc(b, 0);
		return;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		buf_addc(b, 1);
		put_be64(b, (uint64_t)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT: {
		double d = sqlite3_value_double(v);
		uint64_t bits;

		memcpy(&bits, &d, sizeof(bits));
		buf_addc(b, 2);
		put_be64(b, bits);
		break;
	}
	case SQLITE_TEXT: {
		const unsigned char *t = sqlite3_value_text(v);
		int n = sqlite3_value_bytes(v);

		buf_addc(b, 3);
		put_varint(b, (uint64_t)n);
		if (n)
			buf_add(b, t, (size_t)n);
		break;
	}
	case SQLITE_BLOB: {
		const void *p = sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);

		buf_addc(b, 4);
		put_varint(b, (uint64_t)n);
		if (n)
			buf_add(b, p, (size_t)n);
		break;
	}
	default:
		buf_addc(b, 5);
		break;
	}
}

static void
put_record(struct buf *b, sqlite3_changeset_iter *it, int ncol, bool old)
{
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *v = NULL;

		if (old)
			sqlite3changeset_old(it, i, &v);
		else
			sqlite3changeset_new(it, i, &v);
		put_value(b, v);
	}
}

static void
put_header(struct buf *b, sqlite3_changeset_iter *it, const char *table, int ncol)
{
	unsigned char *pk = NULL;
	int npk = 0;

	sqlite3changeset_pk(it, &pk, &npk);
	buf_addc(b, 'T');
	put_varint(b, (uint64_t)ncol);
	if (npk)
		buf_add(b, pk, (size_t)npk);
	buf_add(b, table, strlen(table) + 1);
}

enum status
changeset_filter(const void *cs, int n, changeset_keep_fn keep, void *ctx, struct buf *out,
		 struct err *e)
{
	sqlite3_changeset_iter *it;
	const char *in_header = NULL;   /* the table the last header written named */
	char last[128] = "";
	int rc;

	buf_reset(out);
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return err_set(e, ST_DATA, "a change in the journal is not a changeset");
	while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect, k;

		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		if ((k = keep(ctx, it, table, op, e)) < 0) {
			sqlite3changeset_finalize(it);
			return e->status;
		}
		if (!k)
			continue;
		if (!in_header || strcmp(last, table)) {
			snprintf(last, sizeof(last), "%s", table);
			in_header = last;
			put_header(out, it, table, ncol);
		}
		buf_addc(out, (char)op);
		buf_addc(out, (char)(indirect ? 1 : 0));
		if (op != SQLITE_INSERT)
			put_record(out, it, ncol, true);
		if (op != SQLITE_DELETE)
			put_record(out, it, ncol, false);
	}
	rc = sqlite3changeset_finalize(it);
	if (rc != SQLITE_OK)
		return err_set(e, ST_DATA, "a change in the journal is not a whole changeset");
	return ST_OK;
}
