/*
 * testutil.c -- shared helpers for the unit tests.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/import.h"
#include "cli/output.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "store/export.h"
#include "store/store_int.h"
#include "testutil.h"

static char tmpdir[256];
static int seq;

const char *
tu_tmpdir(void)
{
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof(tmpdir), "%s/tend-test-XXXXXX",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		/* Plain abort: this runs before the tests, outside check's reach. */
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			abort();
		}
	}
	return tmpdir;
}

char *
tu_path(const char *name)
{
	/* The pid keeps forked tests apart: each starts from the same seq. */
	return xasprintf("%s/%ld-%d-%s", tu_tmpdir(), (long)getpid(), seq++, name);
}

void
tu_clock(struct clock *c, const char *today)
{
	clock_init(c);
	ck_assert(clock_pin(c, TU_WALL_CLOCK));
	ck_assert_msg(clock_fix(c, today), "bad test date %s", today);
}

struct store *
tu_open(const char *path, const char *today)
{
	struct err e = { ST_OK, "" };
	struct store_opts o = { .create = true, .actor = "tester" };
	struct store *s = NULL;
	char *tmp = NULL;

	tu_clock(&o.clock, today);
	o.path = path ? path : (tmp = tu_path("book.db"));
	ck_assert_msg(store_open(&s, &o, &e) == ST_OK, "store_open: %s", e.msg);
	free(tmp);
	return s;
}

sqlite3 *
tu_db(struct store *s)
{
	return s->db;
}

int64_t
tu_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = 0;

	ck_assert_msg(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(s->db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *
tu_text(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;

	ck_assert_msg(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(s->db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

char *
tu_dump(struct store *s)
{
	sqlite3_stmt *tables, *rows;
	struct buf b;
	char *sql;

	buf_init(&b);
	ck_assert(sqlite3_prepare_v2(s->db,
		"SELECT name, (SELECT count(*) FROM pragma_table_info(name)) "
		"FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
		-1, &tables, NULL) == SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);

		/* WITHOUT ROWID tables are ordered by their primary key. */
		sql = xasprintf("SELECT * FROM \"%s\" ORDER BY 1%s", t,
				sqlite3_column_int(tables, 1) > 1 ? ", 2" : "");
		ck_assert(sqlite3_prepare_v2(s->db, sql, -1, &rows, NULL) == SQLITE_OK);
		buf_addf(&b, "== %s\n", t);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(rows); i++) {
				const char *v = (const char *)sqlite3_column_text(rows, i);

				buf_addf(&b, "%s%s", i ? "|" : "", v ? v : "NULL");
			}
			buf_addc(&b, '\n');
		}
		sqlite3_finalize(rows);
		free(sql);
	}
	sqlite3_finalize(tables);
	return buf_detach(&b);
}

size_t
tu_import(struct store *s, const struct entity *ent, const char *csv, int64_t *rows, char **report)
{
	struct import_input in = { .ent = ent, .fp = fmemopen((void *)csv, strlen(csv), "r") };
	struct err e = { ST_OK, "" };
	enum status st;
	struct diag d;
	struct buf b;
	int64_t n_rows;
	size_t n;

	ck_assert_ptr_nonnull(in.fp);
	diag_init(&d, "t.csv");
	struct import_result res;

	st = import_csv(s, &in, &d, &res, &e);
	n_rows = res.counts.n[IMP_INSERTED] + res.counts.n[IMP_UPDATED] + res.counts.n[IMP_UNCHANGED];
	import_result_done(&res);
	fclose(in.fp);
	n = d.n + d.dropped;
	/* Problems in the file are the result; any other failure fails the test. */
	ck_assert_msg(st == ST_OK || (st == ST_DATA && n), "import %s: %s", ent->name, e.msg);
	if (rows)
		*rows = n_rows;
	if (report) {
		buf_init(&b);
		for (size_t i = 0; i < d.n; i++)
			buf_addf(&b, "%s\n", d.items[i].text);
		*report = buf_detach(&b);
	}
	diag_done(&d);
	return n;
}

static int
export_row(void *ctx, const struct value *v, int n)
{
	(void)n;
	out_row(ctx, v);
	return 0;
}

char *
tu_export(struct store *s, const struct entity *ent)
{
	struct out_col cols[ENTITY_MAX_FIELDS];
	struct err e = { ST_OK, "" };
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct out o;

	for (int i = 0; i < ent->nfields; i++) {
		const struct field *f = &ent->fields[i];

		cols[i] = (struct out_col){ f->name, NULL,
			f->type == FT_MONEY ? COL_MONEY : f->type == FT_BOOL ? COL_BOOL :
			f->type == FT_REAL ? COL_REAL : COL_TEXT };
	}
	out_begin(&o, fp, OUT_CSV, cols, ent->nfields);
	ck_assert_msg(store_export(s, ent, export_row, &o, &e) == ST_OK, "%s", e.msg);
	out_end(&o);
	fclose(fp);
	return text;
}

void
tu_cleanup(void)
{
	char *cmd;

	if (!tmpdir[0])
		return;
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "warning: could not remove %s\n", tmpdir);
	free(cmd);
	tmpdir[0] = '\0';
}

int
tu_run(Suite *suite)
{
	SRunner *sr = srunner_create(suite);
	int failed;

	/* Made here, in the parent, so forked tests share it and it is removed. */
	tu_tmpdir();
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	tu_cleanup();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
