/*
 * check_schema.c -- the schema and the entity catalog agree.
 *
 * Every descriptor field is a column of the right storage class; every
 * enumeration lists exactly the values of the column's CHECK constraint;
 * every table is STRICT; money is in *_cents INTEGER columns; connections
 * have foreign keys, WAL and the tend application id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "store/entity.h"
#include "store/migrate.h"
#include "store/store_int.h"
#include "testutil.h"

static struct store *book;

static void
setup(void)
{
	book = tu_open(NULL, "2026-11-23");
}

static void
teardown(void)
{
	store_close(book);
}

/* Declared type of table.column, or NULL if there is no such column. */
static char *
column_type(const char *table, const char *column)
{
	char *sql = xasprintf("SELECT type FROM pragma_table_info('%s') WHERE name = '%s'", table, column);
	char *t = tu_text(book, sql);

	free(sql);
	return t;
}

static const char *
expected_type(const struct field *f)
{
	switch (f->type) {
	case FT_TEXT: case FT_DATE: case FT_ENUM: return "TEXT";
	case FT_REAL: return "REAL";
	default: return "INTEGER";
	}
}

START_TEST(test_fields_are_columns)
{
	for (size_t i = 0; i < entity_catalog_count; i++) {
		const struct entity *e = entity_catalog[i];

		ck_assert_int_le(e->nfields, ENTITY_MAX_FIELDS);
		for (int k = 0; k < e->nfields; k++) {
			const struct field *f = &e->fields[k];
			char *t;

			if (f->type == FT_LIST) {
				t = column_type(f->list->table, f->list->value);
				ck_assert_msg(t, "%s.%s: no %s.%s", e->name, f->name, f->list->table, f->list->value);
				free(t);
				t = column_type(f->list->table, f->list->parent);
				ck_assert_msg(t && !strcmp(t, "INTEGER"), "%s.%s parent", e->name, f->name);
				free(t);
				continue;
			}
			t = column_type(e->table, f->column);
			ck_assert_msg(t, "%s.%s: no column %s.%s", e->name, f->name, e->table, f->column);
			ck_assert_msg(!strcmp(t, expected_type(f)), "%s.%s is %s, expected %s", e->table,
				      f->column, t, expected_type(f));
			free(t);
			if (f->type == FT_MONEY)
				ck_assert_msg(strstr(f->column, "_cents"), "%s: money not in cents", f->column);
			if (f->type == FT_REF) {
				char *sql = xasprintf("SELECT count(*) FROM pragma_foreign_key_list('%s') "
						      "WHERE \"from\" = '%s' AND \"table\" = '%s'",
						      e->table, f->column, f->ref->table);

				ck_assert_msg(tu_int(book, sql) == 1, "%s.%s has no foreign key to %s",
					      e->table, f->column, f->ref->table);
				free(sql);
			}
		}
	}
}
END_TEST

/* The values a column's CHECK allows, as "a,b", whichever way it is written:
 * "CHECK (col IN ('a', 'b'))" or "CHECK (col = 'a' OR col = 'b' OR ...)". */
static char *
check_values(const char *sql, const char *column)
{
	char *in = xasprintf("CHECK (%s IN (", column), *eq = xasprintf("CHECK (%s = '", column);
	char *each = xasprintf("%s = '", column);
	const char *p, *end, *q;
	struct buf b;
	int depth = 0;

	buf_init(&b);
	if ((p = strstr(sql, in))) {
		p += strlen(in);
		end = strchr(p, ')');
		for (; p < end; p++) {
			if (*p != '\'')
				continue;
			q = strchr(p + 1, '\'');
			buf_addf(&b, "%s%.*s", b.len ? "," : "", (int)(q - p - 1), p + 1);
			p = q;
		}
	} else if ((p = strstr(sql, eq))) {
		/* The end of this CHECK's parentheses. */
		for (end = p + strlen("CHECK "); *end; end++) {
			depth += *end == '(';
			depth -= *end == ')';
			if (depth == 0)
				break;
		}
		while ((p = strstr(p, each)) && p < end) {
			p += strlen(each);
			q = strchr(p, '\'');
			buf_addf(&b, "%s%.*s", b.len ? "," : "", (int)(q - p), p);
			p = q;
		}
	}
	free(in);
	free(eq);
	free(each);
	if (!b.len) {
		buf_done(&b);
		return NULL;
	}
	return buf_detach(&b);
}

START_TEST(test_enums_match_checks)
{
	for (size_t i = 0; i < entity_catalog_count; i++) {
		const struct entity *e = entity_catalog[i];
		char *q = xasprintf("SELECT sql FROM sqlite_schema WHERE name = '%s'", e->table);
		char *sql = tu_text(book, q);

		free(q);
		for (int k = 0; k < e->nfields; k++) {
			const struct field *f = &e->fields[k];
			const char *const *values = f->type == FT_ENUM ? f->values
						  : f->type == FT_LIST && f->list->values ? f->list->values : NULL;
			const char *table_sql = sql;
			char *have, *lsql = NULL;
			struct buf want;

			if (!values)
				continue;
			if (f->type == FT_LIST) {
				q = xasprintf("SELECT sql FROM sqlite_schema WHERE name = '%s'", f->list->table);
				lsql = tu_text(book, q);
				free(q);
				table_sql = lsql;
			}
			buf_init(&want);
			for (int v = 0; values[v]; v++)
				buf_addf(&want, "%s%s", v ? "," : "", values[v]);
			have = check_values(table_sql, f->type == FT_LIST ? f->list->value : f->column);
			ck_assert_msg(have, "%s.%s has no CHECK IN list", e->table, f->name);
			ck_assert_msg(!strcmp(have, want.data), "%s.%s: schema allows %s, catalog %s",
				      e->table, f->name, have, want.data);
			free(have);
			free(lsql);
			buf_done(&want);
		}
		free(sql);
	}
}
END_TEST

START_TEST(test_tables_strict)
{
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' "
				      "AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0"), 0);
	/* Money lives only in *_cents columns, and those are integers. */
	ck_assert_int_eq(tu_int(book,
		"SELECT count(*) FROM pragma_table_list t, pragma_table_info(t.name) c "
		"WHERE t.schema = 'main' AND t.type = 'table' AND c.name LIKE '%_cents' "
		"AND c.type <> 'INTEGER'"), 0);
}
END_TEST

/* The session extension records only tables with a primary key and no NULL
 * in it; a journaled table without one would be missing from undo and
 * from what sync sends (doc/sync.md). */
START_TEST(test_journaled_tables_have_keys)
{
	sqlite3_stmt *st;
	int n = 0;

	ck_assert(sqlite3_prepare_v2(book->db, "SELECT name FROM pragma_table_list WHERE schema = 'main'"
				     " AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st,
				     NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char *q;

		if (!journal_table_synced(t))
			continue;
		n++;
		q = xasprintf("SELECT count(*) FROM pragma_table_info('%s') WHERE pk > 0", t);
		ck_assert_msg(tu_int(book, q) > 0, "journaled table %s has no primary key", t);
		free(q);
		/* Every key column NOT NULL, but a lone INTEGER key (the rowid). */
		q = xasprintf("SELECT count(*) FROM pragma_table_info('%s') WHERE pk > 0 AND \"notnull\" = 0"
			      " AND NOT (type = 'INTEGER' AND (SELECT count(*) FROM pragma_table_info('%s')"
			      " WHERE pk > 0) = 1)", t, t);
		ck_assert_msg(tu_int(book, q) == 0, "journaled table %s has a key column that may be NULL", t);
		free(q);
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(n, 30);
	ck_assert(!journal_table_synced("dash_cell") && !journal_table_synced("sync_state") &&
		  !journal_table_synced("audit_log") && journal_table_synced("touchpoints"));
}
END_TEST

START_TEST(test_connection_settings)
{
	char *mode = tu_text(book, "PRAGMA journal_mode");

	ck_assert_str_eq(mode, "wal");
	free(mode);
	ck_assert_int_eq(tu_int(book, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(tu_int(book, "PRAGMA application_id"), TEND_APPLICATION_ID);
	ck_assert_int_eq(tu_int(book, "PRAGMA user_version"), migrate_latest());
	ck_assert_int_gt(tu_int(book, "PRAGMA busy_timeout"), 0);
	ck_assert_int_eq(tu_int(book, "PRAGMA trusted_schema"), 0);
}
END_TEST

START_TEST(test_every_entity_table_exists)
{
	/* doc/model.md section 2: the full entity set is in the schema. */
	static const char *const tables[] = {
		"teams", "users", "accounts", "contacts", "contracts", "arr_events", "renewals",
		"usage", "invoices", "tickets", "surveys", "touchpoints", "tasks", "risks",
		"success_plans", "objectives", "milestones", "kpis", "opportunities",
		"advocacy_events", "health_snapshots", "audit_log", NULL,
	};

	for (int i = 0; tables[i]; i++) {
		char *q = xasprintf("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
				    tables[i]);

		ck_assert_msg(tu_int(book, q) == 1, "missing table %s", tables[i]);
		free(q);
		ck_assert_msg(entity_find(tables[i]) != NULL, "no entity for %s", tables[i]);
	}
	ck_assert_ptr_eq(entity_find("accounts"), entity_find("account"));
	ck_assert_ptr_eq(entity_find("usage"), &entity_usage);
	ck_assert_ptr_null(entity_find("acount"));
	ck_assert_str_eq(entity_suggest("acount"), "account");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("schema");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fields_are_columns);
	tcase_add_test(tc, test_enums_match_checks);
	tcase_add_test(tc, test_tables_strict);
	tcase_add_test(tc, test_journaled_tables_have_keys);
	tcase_add_test(tc, test_connection_settings);
	tcase_add_test(tc, test_every_entity_table_exists);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
