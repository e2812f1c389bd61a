/*
 * check_store.c -- opening and migrating books, the write path and its audit
 * log, and a round trip of every entity through import and export.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "domain/account_view.h"
#include "store/audit.h"
#include "store/entity.h"
#include "store/migrate.h"
#include "store/row.h"
#include "store/wtx.h"
#include "store/portfolio.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static struct store_opts
opts(const char *path)
{
	struct store_opts o = { .path = path, .create = true, .actor = "tester" };

	tu_clock(&o.clock, TODAY);
	return o;
}

static size_t
import_text(struct store *s, const struct entity *ent, const char *csv, int64_t *rows)
{
	char *report = NULL;
	size_t n = tu_import(s, ent, csv, rows, &report);

	if (n)
		fprintf(stderr, "%s", report);
	free(report);
	return n;
}

static char *
export_text(struct store *s, const struct entity *ent)
{
	return tu_export(s, ent);
}

/* One fixture per entity, every column in canonical order, in the form the
 * exporter writes: importing it and exporting again must give it back. */
static const struct { const struct entity *ent; const char *csv; } fixtures[] = {
	{ &entity_team, "id,name\n1,CS East\n" },
	{ &entity_user, "id,login,name,email,role,team,segment,capacity_accounts,capacity_arr,active\n"
	  "1,amara,Amara Okafor,amara@x.test,lead,CS East,enterprise,40,4000000.00,true\n"
	  "2,bo,Bo Li,,csm,,,,,false\n" },
	{ &entity_account, "id,external_id,name,owner,am,rm,segment,touch_model,service_package,stage,"
	  "stage_since,industry,region,partner,partner_role,licensed_seats,initial_contract_date,currency,"
	  "notes,tags\n"
	  "1,CRM-1,\"Acme, Inc.\",amara,Pat AM,Rey RM,enterprise,high,premium,adopt,2025-01-01,Software,"
	  "EMEA,Channel Co,csm,500,2024-01-15,EUR,\"two\nlines\",reference;strategic\n"
	  "2,CRM-2,株式会社 山田,,,,smb,tech,free,land,,,,,,,,USD,,\n" },
	{ &entity_contact, "id,account,name,title,email,phone,is_executive,status,left_on,sentiment,"
	  "advocate_reference,advocate_case_study,advocate_speaker,roles\n"
	  "1,CRM-1,Dana Chief,CEO,dana@acme.test,+1 555 0100,true,active,,5,true,false,true,"
	  "economic_buyer;executive_sponsor\n"
	  "2,CRM-1,Chris Champ,Ops,chris@acme.test,,false,left,2026-01-10,2,false,false,false,champion\n" },
	{ &entity_contract, "id,account,start_date,end_date,arr,auto_renew,channel\n"
	  "1,CRM-1,2024-01-15,2025-01-14,120000.00,true,partner\n" },
	{ &entity_arr_event, "id,account,date,kind,arr_delta,reason\n"
	  "1,CRM-1,2024-01-15,new,120000.00,signed\n"
	  "2,CRM-1,2025-01-15,contraction,-20000.50,downsell\n" },
	{ &entity_renewal, "id,account,contract,due_date,target_arr,forecast_arr,final_arr,"
	  "forecast_category,stage,churn_reason,closed_date,owner\n"
	  "1,CRM-1,1,2025-01-15,120000.00,100000.00,99999.50,commit,won,budget,2025-01-20,amara\n"
	  "2,CRM-1,,2026-01-15,99999.50,,,at_risk,negotiating,,,\n" },
	{ &entity_invoice, "id,account,number,issued_date,due_date,paid_date,amount\n"
	  "1,CRM-1,INV-1,2025-01-01,2025-01-31,2025-02-15,30000.00\n" },
	{ &entity_opportunity, "id,account,title,kind,arr,stage,forecast_category,am,sourced_by,"
	  "handshake_status,created_on,closed_on,expected_close,close_reason,external_id\n"
	  "1,CRM-1,More seats,upsell,15000.00,propose,best_case,Pat AM,amara,accepted,2026-10-01,,"
	  "2027-01-31,,006A000001\n"
	  "2,CRM-1,Analytics,cross_sell,5000.00,lost,closed,,,none,2026-09-01,2026-10-15,,no budget,\n" },
	{ &entity_usage, "id,account,date,period,active_users,licensed_seats,assigned_seats,"
	  "activated_seats,basic_features_used,basic_features_entitled,advanced_features_used,"
	  "advanced_features_entitled,metric_name,metric_value\n"
	  "1,CRM-1,2026-11-16,week,420,500,480,450,12,15,3,10,api_calls,12345.5\n"
	  "2,CRM-1,2026-11-09,week,,,,,,,,,,0.1\n" },
	{ &entity_ticket, "id,account,external_id,subject,opened_date,closed_date,priority,status,csat\n"
	  "1,CRM-1,ZD-1,Login fails,2026-11-01,2026-11-03,p1,solved,4\n" },
	{ &entity_survey, "id,account,contact,ticket,date,kind,score,comment,external_id\n"
	  "1,CRM-1,dana@acme.test,,2026-06-01,nps,9,Great,R_1a2B3c\n"
	  "2,CRM-1,,1,2026-11-04,csat,4,,\n" },
	{ &entity_touchpoint, "id,account,date,kind,duration_min,sentiment,proactive,summary,follow_ups,"
	  "situation,pain,impact,critical_event,decision,author,attendees\n"
	  "1,CRM-1,2026-11-10,qbr,60,4,true,Q3 review,Send deck,Growing,Slow onboarding,Cost,"
	  "Board meeting,CFO,amara,chris@acme.test;dana@acme.test\n" },
	{ &entity_advocacy, "id,account,contact,date,kind,credited_to,note\n"
	  "1,CRM-1,dana@acme.test,2026-09-01,case_study,amara,Published\n" },
	{ &entity_task, "id,account,title,kind,priority,owner,due_date,status,snoozed_until,source,"
	  "escalation_level,created_on,done_on,notes,cancel_reason\n"
	  "1,CRM-1,Prepare QBR,cadence,high,amara,2026-12-01,snoozed,2026-11-25,playbook:qbr-cadence,1,"
	  "2026-11-01,,Bring numbers,\n"
	  "2,,Internal sync,activity,low,,,done,,manual,0,2026-11-02,2026-11-03,,\n"
	  "3,,Old survey,activity,low,,,cancelled,,manual,0,2026-11-02,,,Replaced by the QBR\n" },
	{ &entity_task_item, "id,task,position,text,done\n1,1,1,Book room,true\n" },
	{ &entity_risk, "id,account,category,severity,status,opened_on,closed_on,owner,description,"
	  "mitigation,source,resolution\n"
	  "1,CRM-1,engagement,high,mitigating,2026-10-01,,amara,No exec touch,EBR booked,manual,\n"
	  "2,CRM-1,support,low,closed,2026-09-01,2026-10-01,,P1 open,,import,Fixed in 4.2\n" },
	{ &entity_success_plan, "id,account,status,start_date,signed_by,signed_date,executive_summary,"
	  "adoption_objectives,adoption_activities,finances_timescales,measurement_reporting,key_risks,"
	  "appendices,validated_on,template\n"
	  "1,CRM-1,signed,2026-01-01,dana@acme.test,2026-02-01,Summary,Objectives,Activities,Finances,"
	  "Measures,Risks,Appendix,2026-10-01,default\n" },
	{ &entity_objective, "id,plan,title,type,priority,beneficiary,last_validated,achieved_on,"
	  "confirmed_in_writing,position\n"
	  "1,1,Cut onboarding time,quantitative,high,1,2026-10-01,,false,1\n" },
	{ &entity_milestone, "id,objective,title,owner,due_date,status,done_on,position\n"
	  "1,1,Training done,Customer PM,2026-03-01,done,2026-02-25,1\n" },
	{ &entity_kpi, "id,objective,name,baseline,target,current,unit,target_date,position\n"
	  "1,1,Days to onboard,30,10,14.5,days,2026-12-31,1\n" },
	{ &entity_kpi_reading, "id,kpi,date,value,author\n"
	  "1,1,2026-11-01,14.5,amara\n" },
	{ &entity_health_snapshot, "id,account,date,scorecard,scale,score,band,outcomes,experience,"
	  "false_positive,override_band,measures\n"
	  "1,CRM-1,2026-11-22,default,3,1.99,yellow,1.5,2.75,true,green,\"{\"\"license\"\": 2}\"\n" },
	{ &entity_health_override, "id,account,band,reason,starts_on,until,author\n"
	  "1,CRM-1,green,Exec sponsor re-engaged,2026-11-20,2026-12-20,amara\n" },
	{ &entity_health_input, "id,account,fact,value,date,note,author\n"
	  "1,CRM-1,financial_rating,2,2026-11-21,Late Q3 payment,amara\n" },
	{ &entity_calibration, "id,scorecard,measure,cut_points,accounts,calibrated_on\n"
	  "1,default,growth,\"[1.0, 1.2]\",600,2026-11-01\n" },
};

START_TEST(test_roundtrip_every_entity)
{
	struct store *s = tu_open(NULL, TODAY);
	size_t covered = 0;
	int64_t rows;

	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		char *back;

		ck_assert_msg(import_text(s, fixtures[i].ent, fixtures[i].csv, &rows) == 0,
			      "%s did not import", fixtures[i].ent->name);
		ck_assert_int_gt(rows, 0);
		back = export_text(s, fixtures[i].ent);
		ck_assert_msg(!strcmp(back, fixtures[i].csv), "%s round trip:\n%s\n---\n%s",
			      fixtures[i].ent->name, fixtures[i].csv, back);
		free(back);
		covered++;
	}
	/* Every importable entity has a fixture. */
	for (size_t i = 0; i < entity_catalog_count; i++)
		if (entity_catalog[i]->import)
			covered--;
	ck_assert_uint_eq(covered, 0);
	/* The ledger sums to the ARR the portfolio shows. */
	ck_assert_int_eq(tu_int(s, "SELECT sum(arr_delta_cents) FROM arr_events"), 9999950);
	store_close(s);
}
END_TEST

/* -- migrations ---------------------------------------------------------------- */

START_TEST(test_new_book_permissions)
{
	char *dir = tu_path("fresh"), *path = xasprintf("%s/nested/book.db", dir);
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s;
	struct stat st;

	ck_assert_int_eq(store_open(&s, &o, &e), ST_OK);
	ck_assert_int_eq(store_version(s), migrate_latest());
	ck_assert_ptr_null(store_backup_path(s));   /* nothing to keep for a new book */
	store_close(s);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_missing_book)
{
	struct store_opts o = opts("/nonexistent-dir/book.db");
	struct err e = { ST_OK, "" };
	struct store *s;

	o.create = false;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "tend init"));
}
END_TEST

/* The embedded migrations plus `extra` ones numbered after them, as a future
 * release would bring.  *n gets the count; the caller frees. */
static struct migration *
future(const struct migration *extra, size_t n_extra, size_t *n)
{
	struct migration *list = xcalloc(schema_migrations_count + n_extra, sizeof(*list));

	memcpy(list, schema_migrations, schema_migrations_count * sizeof(*list));
	for (size_t i = 0; i < n_extra; i++) {
		list[schema_migrations_count + i] = extra[i];
		list[schema_migrations_count + i].version = migrate_latest() + 1 + (int)i;
	}
	*n = schema_migrations_count + n_extra;
	return list;
}

START_TEST(test_migrate_old_book)
{
	static const struct migration next[] = {
		{ 0, "account_score", "ALTER TABLE accounts ADD COLUMN score REAL;"
				      "UPDATE accounts SET score = 2.5;" },
	};
	char *path = tu_path("old.db"), *backup, *want;
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s, *bak;
	size_t n;
	struct migration *list = future(next, 1, &n);

	/* A book as this release leaves it, with data in it. */
	s = tu_open(path, TODAY);
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nCRM-7,Old Co,smb\n",
				      NULL), 0);
	store_close(s);
	o.migrations = list;
	o.n_migrations = n;
	ck_assert_msg(store_open(&s, &o, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(store_version(s), migrate_latest() + 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE score = 2.5 AND name = 'Old Co'"), 1);
	ck_assert_ptr_nonnull(store_backup_path(s));
	backup = xstrdup(store_backup_path(s));
	want = xasprintf("old.db.v%d.bak", migrate_latest());
	ck_assert_msg(strstr(backup, want), "%s", backup);
	store_close(s);
	/* The copy is the book as it was: the old version, same data, private. */
	{
		struct stat st;

		ck_assert_int_eq(stat(backup, &st), 0);
		ck_assert_int_eq(st.st_mode & 0777, 0600);
	}
	bak = tu_open(backup, TODAY);
	ck_assert_int_eq(store_version(bak), migrate_latest());
	ck_assert_int_eq(tu_int(bak, "SELECT count(*) FROM accounts WHERE name = 'Old Co'"), 1);
	store_close(bak);
	free(want);
	free(backup);
	free(path);
	free(list);
}
END_TEST

START_TEST(test_migrate_from_first_version)
{
	/* A book made by the first release (schema 1) comes up to date with its
	 * rows intact. */
	char *path = tu_path("v1.db");
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s;

	o.target_version = 1;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_OK);
	ck_assert_int_eq(store_version(s), 1);
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nCRM-1,One,smb\n",
				      NULL), 0);
	store_close(s);
	s = tu_open(path, TODAY);
	ck_assert_int_eq(store_version(s), migrate_latest());
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts"), 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM health_overrides"), 0);
	store_close(s);
	free(path);
}
END_TEST

/* Schema 13 chains the audit rows an older book already has, oldest
 * first, so the chain holds from the first row on, and writes after it
 * extend it. */
START_TEST(test_audit_chained_by_migration)
{
	char *path = tu_path("v12.db");
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct audit_verdict v;
	struct store *s;

	o.target_version = 12;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_OK);
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nCRM-1,One,smb\n", NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nCRM-2,Two,smb\n", NULL), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log"), 2);
	store_close(s);
	s = tu_open(path, TODAY);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log WHERE hash IS NULL"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT hash) FROM audit_log"), 2);
	ck_assert_int_eq(store_audit_verify(s, false, &v, &e), ST_OK);
	ck_assert(audit_verdict_ok(&v));
	ck_assert_int_eq(v.rows, 2);
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nCRM-3,Three,smb\n", NULL), 0);
	ck_assert_int_eq(store_audit_verify(s, false, &v, &e), ST_OK);
	ck_assert(audit_verdict_ok(&v));
	ck_assert_int_eq(v.rows, 3);
	store_close(s);
	free(path);
}
END_TEST

/* Schema 12 rebuilds users (a new role in its CHECK) with foreign keys
 * off: every reference to a user survives, and a viewer can be added. */
START_TEST(test_users_rebuilt_keep_their_references)
{
	char *path = tu_path("v11.db");
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s;

	o.target_version = 11;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_OK);
	ck_assert_uint_eq(import_text(s, &entity_user, "login,name,role\namara,Amara,csm\n", NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_user, "login,name,role\nzed,Zed,viewer\n", NULL), 1);
	ck_assert_uint_eq(import_text(s, &entity_account,
				      "external_id,name,segment,owner\nCRM-1,One,smb,amara\n", NULL), 0);
	store_close(s);
	s = tu_open(path, TODAY);
	ck_assert_int_eq(store_version(s), migrate_latest());
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a JOIN users u ON u.id = a.owner_id"
				" WHERE u.login = 'amara'"), 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM pragma_foreign_keys WHERE foreign_keys = 1"), 1);
	ck_assert_uint_eq(import_text(s, &entity_user, "login,name,role\nzed,Zed,viewer\n", NULL), 0);
	store_close(s);
	free(path);
}
END_TEST

START_TEST(test_failed_migration_changes_nothing)
{
	static const struct migration next[] = {
		{ 0, "good", "CREATE TABLE extra (x INTEGER) STRICT;" },
		{ 0, "broken", "ALTER TABLE no_such_table ADD COLUMN y INTEGER;" },
	};
	char *path = tu_path("fail.db"), *want;
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s;
	size_t n;
	struct migration *list = future(next, 2, &n);

	s = tu_open(path, TODAY);
	store_close(s);
	o.migrations = list;
	o.n_migrations = n;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_SOFTWARE);
	want = xasprintf("migration %04d_broken failed, nothing was changed", migrate_latest() + 2);
	ck_assert_msg(strstr(e.msg, want), "%s", e.msg);
	/* Look with plain SQLite: opening it as a book would migrate it. */
	{
		sqlite3 *db;
		sqlite3_stmt *st;

		ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
		ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
			"(SELECT count(*) FROM sqlite_schema WHERE name = 'extra')", -1, &st, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(st, 0), migrate_latest());
		ck_assert_int_eq(sqlite3_column_int(st, 1), 0);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	free(want);
	free(list);
	free(path);
}
END_TEST

START_TEST(test_refuses_foreign_and_newer_files)
{
	char *other = tu_path("other.db"), *newer = tu_path("newer.db");
	struct store_opts o = opts(other);
	struct err e = { ST_OK, "" };
	struct store *s;
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(other, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE notes (x TEXT)", NULL, NULL, NULL);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(&s, &o, &e), ST_DATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a tend book"));

	s = tu_open(newer, TODAY);
	sqlite3_exec(tu_db(s), "PRAGMA user_version = 999", NULL, NULL, NULL);
	store_close(s);
	o = opts(newer);
	ck_assert_int_eq(store_open(&s, &o, &e), ST_CONFIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "upgrade tend"));
	free(other);
	free(newer);
}
END_TEST

START_TEST(test_read_only)
{
	char *path = tu_path("ro.db");
	struct store_opts o = opts(path);
	struct err e = { ST_OK, "" };
	struct store *s;
	struct wtx *t;

	store_close(tu_open(path, TODAY));
	o.read_only = true;
	ck_assert_int_eq(store_open(&s, &o, &e), ST_OK);
	ck_assert_int_eq(wtx_begin(s, "task add", WTX_AUDIT_ROWS, &t, &e), ST_NOPERM);
	ck_assert_str_eq(e.msg, "cannot task add: the book is open read-only");
	store_close(s);
	free(path);
}
END_TEST

/* -- the write path -------------------------------------------------------------- */

START_TEST(test_audit_records_each_change)
{
	struct store *s = tu_open(NULL, TODAY);
	struct err e = { ST_OK, "" };
	struct wtx *t;
	struct row r;
	int64_t id;
	char *json;

	row_init(&r, &entity_team);
	ck_assert_int_eq(wtx_begin(s, "team add", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	row_text(&r, "name", "Alpha");
	ck_assert_int_eq(wtx_insert(t, &r, &id, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);

	ck_assert_int_eq(wtx_begin(s, "team rename", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	row_reset(&r);
	row_text(&r, "name", "Beta");
	ck_assert_int_eq(wtx_update(t, &r, id, &e), ST_OK);
	ck_assert_int_eq(wtx_update(t, &r, 999, &e), ST_NOINPUT);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);

	ck_assert_int_eq(wtx_begin(s, "team remove", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_delete(t, &entity_team, id, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	row_done(&r);

	json = tu_text(s, "SELECT group_concat(action || ':' || op || ':' || coalesce(old, '-') || ':' "
			  "|| coalesce(new, '-') || ':' || actor || ':' || at, '|') FROM audit_log");
	ck_assert_str_eq(json,
		"team add:insert:-:{\"id\":1,\"name\":\"Alpha\"}:tester:2026-11-23T09:30:00Z|"
		"team rename:update:{\"id\":1,\"name\":\"Alpha\"}:{\"id\":1,\"name\":\"Beta\"}:tester:2026-11-23T09:30:00Z|"
		"team remove:delete:{\"id\":1,\"name\":\"Beta\"}:-:tester:2026-11-23T09:30:00Z");
	free(json);
	/* Append-only. */
	ck_assert_int_ne(sqlite3_exec(tu_db(s), "UPDATE audit_log SET actor = 'x'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(tu_db(s), "DELETE FROM audit_log", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log"), 3);
	store_close(s);
}
END_TEST

START_TEST(test_bulk_audit_and_abort)
{
	struct store *s = tu_open(NULL, TODAY);
	struct err e = { ST_OK, "" };
	struct wtx *t, *t2;
	struct row r;
	char *json;

	row_init(&r, &entity_team);
	ck_assert_int_eq(wtx_begin(s, "bulk", WTX_BULK, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_begin(s, "nested", WTX_BULK, &t2, &e), ST_SOFTWARE);
	for (int i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof(name), "T%d", i);
		row_reset(&r);
		row_text(&r, "name", name);
		ck_assert_int_eq(wtx_insert(t, &r, NULL, &e), ST_OK);
	}
	ck_assert_int_eq(wtx_rows(t), 3);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	json = tu_text(s, "SELECT op || ' ' || new FROM audit_log");
	ck_assert_str_eq(json, "bulk {\"teams\": 3}");
	free(json);

	/* An aborted action leaves neither rows nor audit. */
	ck_assert_int_eq(wtx_begin(s, "doomed", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	row_reset(&r);
	row_text(&r, "name", "Ghost");
	ck_assert_int_eq(wtx_insert(t, &r, NULL, &e), ST_OK);
	row_reset(&r);
	row_text(&r, "name", "T0");   /* duplicate: the constraint fails */
	ck_assert_int_eq(wtx_insert(t, &r, NULL, &e), ST_DATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "one already exists with the same teams.name"));
	wtx_abort(t);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM teams"), 3);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log"), 1);
	row_done(&r);
	store_close(s);
}
END_TEST

START_TEST(test_foreign_keys_enforced)
{
	struct store *s = tu_open(NULL, TODAY);
	struct err e = { ST_OK, "" };
	struct wtx *t;
	struct row r;

	row_init(&r, &entity_contact);
	row_int(&r, "account", 42);
	row_text(&r, "name", "Nobody");
	ck_assert_int_eq(wtx_begin(s, "contact add", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_insert(t, &r, NULL, &e), ST_DATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "refers to a record that does not exist"));
	wtx_abort(t);
	row_done(&r);
	store_close(s);
}
END_TEST

/* -- reads ------------------------------------------------------------------------ */

static struct store *
sample_book(void)
{
	struct store *s = tu_open(NULL, TODAY);

	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
		ck_assert_uint_eq(import_text(s, fixtures[i].ent, fixtures[i].csv, NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_account,
		"external_id,name,owner,segment,stage,tags\n"
		"CRM-3,Acme Labs,bo,mid_market,renew,strategic\n"
		"CRM-4,Zeta,,smb,churned,\n", NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_arr_event,
		"account,date,kind,arr_delta\n"
		"CRM-3,2025-05-01,new,50000\nCRM-3,2026-11-24,expansion,1000\n"
		"CRM-4,2025-01-01,new,9000\nCRM-4,2026-01-01,churn,-9000\n", NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_renewal,
		"account,due_date,target_arr,stage\n"
		"CRM-3,2026-12-10,50000,in_progress\nCRM-3,2027-12-10,50000,not_started\n", NULL), 0);
	return s;
}

struct seen {
	char text[1024];
};

static int
collect_account(void *ctx, const struct account_row *a)
{
	struct seen *seen = ctx;
	size_t len = strlen(seen->text);

	snprintf(seen->text + len, sizeof(seen->text) - len, "%s:%lld:%s:%lld;", a->external_id,
		 (long long)a->arr_cents, a->renewal_due ? a->renewal_due : "-",
		 (long long)a->renewal_days);
	return 0;
}

static const char *
list(struct store *s, struct account_query q)
{
	static struct seen seen;
	struct err e = { ST_OK, "" };

	seen.text[0] = '\0';
	ck_assert_msg(store_accounts_each(s, &q, collect_account, &seen, &e) == ST_OK, "%s", e.msg);
	return seen.text;
}

#define ANY(...) ((struct account_filter){ .renewing_within = -1, __VA_ARGS__ })

START_TEST(test_accounts_filters_and_sorts)
{
	struct store *s = sample_book();
	struct err e = { ST_OK, "" };

	/* ARR is the ledger at the end of today: tomorrow's expansion is not in. */
	/* By name, case-insensitively: "Acme Labs" < "Acme, Inc." (' ' < ','). */
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY() }),
		"CRM-3:5000000:2026-12-10:17;CRM-1:9999950:2026-01-15:-312;CRM-4:0:-:0;CRM-2:0:-:0;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY(), .sort = "arr",
						       .descending = true, .limit = 2 }),
		"CRM-1:9999950:2026-01-15:-312;CRM-3:5000000:2026-12-10:17;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = { .renewing_within = 30, .owner = "bo" } }),
		"CRM-3:5000000:2026-12-10:17;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY(.pooled = true) }),
		"CRM-4:0:-:0;CRM-2:0:-:0;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY(.tag = "strategic") }),
		"CRM-3:5000000:2026-12-10:17;CRM-1:9999950:2026-01-15:-312;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY(.segment = "smb", .stage = "churned") }),
		"CRM-4:0:-:0;");
	ck_assert_str_eq(list(s, (struct account_query){ .filter = ANY(), .sort = "renewal" }),
		"CRM-1:9999950:2026-01-15:-312;CRM-3:5000000:2026-12-10:17;CRM-2:0:-:0;CRM-4:0:-:0;");
	{
		struct account_query q = { .filter = ANY(), .sort = "colour" };

		ck_assert_int_eq(store_accounts_each(s, &q, collect_account, NULL, &e), ST_USAGE);
	}
	{
		/* A list that has no band column refuses a band filter. */
		struct account_query q = { .filter = ANY(.band = "red") };

		ck_assert_int_eq(store_accounts_each(s, &q, collect_account, NULL, &e), ST_SOFTWARE);
	}
	store_close(s);
}
END_TEST

/* The heatmap filters in memory, the commands in SQL: the same filter
 * picks the same accounts either way (domain/filter.c, store/filter_sql.c). */
struct matched {
	const struct account_filter *f;
	struct seen seen;
};

static int
match_in_memory(void *ctx, const struct account_row *a)
{
	struct matched *m = ctx;
	struct account_match am = { .owner = a->owner, .segment = a->segment, .stage = a->stage,
				    .tags = a->tags, .has_renewal = a->renewal_due != NULL,
				    .renewal_days = a->renewal_days };

	return account_filter_match(m->f, &am) ? collect_account(&m->seen, a) : 0;
}

START_TEST(test_filter_memory_equals_sql)
{
	static const struct account_filter filters[] = {
		{ .renewing_within = -1 },
		{ .renewing_within = 30, .owner = "bo" },
		{ .renewing_within = 0 },
		{ .renewing_within = -1, .pooled = true },
		{ .renewing_within = -1, .tag = "strategic" },
		{ .renewing_within = -1, .tag = "strat" },
		{ .renewing_within = -1, .segment = "smb", .stage = "churned" },
		{ .renewing_within = 400, .segment = "enterprise" },
	};
	struct store *s = sample_book();
	struct err e = { ST_OK, "" };

	for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
		struct matched m = { .f = &filters[i] };
		struct account_query all = { .filter = ACCOUNT_FILTER_ANY };

		ck_assert_int_eq(store_accounts_each(s, &all, match_in_memory, &m, &e), ST_OK);
		ck_assert_str_eq(m.seen.text, list(s, (struct account_query){ .filter = filters[i] }));
	}
	store_close(s);
}
END_TEST

START_TEST(test_account_resolve)
{
	struct store *s = sample_book();
	struct err e = { ST_OK, "" };
	int64_t id;

	ck_assert_int_eq(store_account_resolve(s, "2", &id, &e), ST_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(store_account_resolve(s, "CRM-3", &id, &e), ST_OK);
	ck_assert_int_eq(id, 3);
	ck_assert_int_eq(store_account_resolve(s, "zeta", &id, &e), ST_OK);
	ck_assert_int_eq(id, 4);
	ck_assert_int_eq(store_account_resolve(s, "株式", &id, &e), ST_OK);
	ck_assert_int_eq(id, 2);
	/* A start several names share: refused, the candidates by id,
	 * external id, name and owner, and *id left alone. */
	id = -1;
	ck_assert_int_eq(store_account_resolve(s, "Acme", &id, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "'Acme' starts the names of 2 accounts: #3 CRM-3 Acme Labs (bo), "
			 "#1 CRM-1 Acme, Inc. (amara); be more precise, or give an id or external id");
	ck_assert_int_eq(id, -1);
	ck_assert_int_eq(store_account_resolve(s, "Acme L", &id, &e), ST_OK);
	ck_assert_int_eq(id, 3);
	ck_assert_int_eq(store_account_resolve(s, "%", &id, &e), ST_NOINPUT);
	ck_assert_int_eq(store_account_resolve(s, "99", &id, &e), ST_NOINPUT);
	ck_assert_int_eq(store_account_resolve(s, "", &id, &e), ST_USAGE);
	ck_assert_int_eq(store_account_resolve(s, "#", &id, &e), ST_USAGE);
	ck_assert_int_eq(store_account_resolve(s, "#CRM-3", &id, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "'#CRM-3' is not an account id (#42 is account 42)");
	ck_assert_int_eq(store_account_resolve(s, "#3", &id, &e), ST_OK);
	ck_assert_int_eq(id, 3);
	ck_assert_int_eq(store_account_resolve(s, "#99", &id, &e), ST_NOINPUT);
	store_close(s);
}
END_TEST

/* The defect of issue 13: two accounts of one name, and a CRM id that is
 * another account's row id, are refused instead of picking the lowest id. */
START_TEST(test_account_resolve_ambiguous)
{
	struct store *s = sample_book();
	struct err e = { ST_OK, "" };
	int64_t id = -1;

	ck_assert_uint_eq(import_text(s, &entity_account,
		"external_id,name,owner,segment\nCRM-5,zeta,amara,smb\n1,Uno,,smb\n", NULL), 0);
	ck_assert_int_eq(store_account_resolve(s, "Zeta", &id, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "'Zeta' names 2 accounts: #4 CRM-4 (pooled), #5 CRM-5 (amara); "
			 "give the id or external id of the one you mean");
	ck_assert_int_eq(id, -1);
	ck_assert_int_eq(store_account_resolve(s, "1", &id, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "'1' names 2 accounts: #1 CRM-1 Acme, Inc. (amara), #6 1 Uno (pooled); "
			 "write '#1' for the one with id 1");
	ck_assert_int_eq(store_account_resolve(s, "#1", &id, &e), ST_OK);
	ck_assert_int_eq(id, 1);
	/* The external id names one; so does the full name over a prefix. */
	ck_assert_int_eq(store_account_resolve(s, "CRM-5", &id, &e), ST_OK);
	ck_assert_int_eq(id, 5);
	ck_assert_int_eq(store_account_resolve(s, "uno", &id, &e), ST_OK);
	ck_assert_int_eq(id, 6);
	store_close(s);
}
END_TEST

START_TEST(test_account_view)
{
	struct store *s = sample_book();
	struct err e = { ST_OK, "" };
	struct account_view *v;

	ck_assert_int_eq(store_account_view(s, 1, &v, &e), ST_OK);
	ck_assert_str_eq(v->name, "Acme, Inc.");
	ck_assert_str_eq(v->owner, "amara");
	ck_assert_int_eq(v->arr_cents, 9999950);
	ck_assert_int_eq(v->initial_arr_cents, 12000000);
	ck_assert_int_eq(v->ncontacts, 2);
	ck_assert_str_eq(v->contacts[0].name, "Dana Chief");          /* executives first, leavers last */
	ck_assert_int_eq(v->contacts[0].last_touch_days, 13);
	ck_assert(!v->champion_present);                             /* the champion left */
	ck_assert_int_eq(v->last_exec_touch_days, 13);
	ck_assert_int_eq(v->active_users, 420);
	ck_assert_int_eq(v->nrenewals, 2);
	ck_assert_str_eq(v->renewals[1].booking_type, "renewal_downsell");
	ck_assert_int_eq(v->ntasks, 1);                               /* snoozed counts, done does not */
	ck_assert_int_eq(v->nrisks, 1);
	ck_assert_int_eq(v->nplans, 1);
	ck_assert_int_eq(v->plans[0].milestones_done, 1);
	ck_assert_int_eq(v->open_tickets, 0);
	ck_assert_int_eq(v->tickets_90d, 1);
	ck_assert_int_eq(v->nps_responses_12m, 1);
	ck_assert(v->nps_12m == 100.0);
	ck_assert(v->csat_90d == 4.0);
	account_view_free(v);
	ck_assert_int_eq(store_account_view(s, 77, &v, &e), ST_NOINPUT);
	store_close(s);
}
END_TEST

static int64_t
fts_hits(struct store *s, const char *table, const char *query)
{
	char *sql = xasprintf("SELECT count(*) FROM %s WHERE %s MATCH '%s'", table, table, query);
	int64_t n = tu_int(s, sql);

	free(sql);
	return n;
}

START_TEST(test_search_index_follows_writes)
{
	struct store *s = tu_open(NULL, TODAY);
	struct err e = { ST_OK, "" };
	struct wtx *t;
	struct row r;
	int64_t id;

	/* A bulk load into an empty table builds the index at commit. */
	ck_assert_uint_eq(import_text(s, &entity_account,
		"external_id,name,segment,notes\nA-1,Lumiere Analytics,smb,loves dashboards\n"
		"A-2,Borealis Freight,smb,\n", NULL), 0);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "lumi*"), 1);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "dashboards"), 1);
	/* Later bulk loads index row by row. */
	ck_assert_uint_eq(import_text(s, &entity_account, "external_id,name,segment\nA-3,Lumen Works,smb\n",
				      NULL), 0);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "lum*"), 2);
	/* A rename moves the account in the index; a delete removes it. */
	row_init(&r, &entity_account);
	row_text(&r, "name", "Polaris Freight");
	ck_assert_int_eq(wtx_begin(s, "rename", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_update(t, &r, 1, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "lumiere"), 0);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "polaris"), 1);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "dashboards"), 1);   /* notes unchanged */
	ck_assert_int_eq(wtx_begin(s, "remove", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_delete(t, &entity_account, 3, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	ck_assert_int_eq(fts_hits(s, "accounts_fts", "lumen"), 0);
	/* Touchpoints too, and an aborted action leaves the index untouched. */
	row_done(&r);
	row_init(&r, &entity_touchpoint);
	row_int(&r, "account", 2);
	row_text(&r, "date", "2026-11-20");
	row_text(&r, "kind", "call");
	row_text(&r, "summary", "Pricing objection about the renewal");
	ck_assert_int_eq(wtx_begin(s, "log", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_insert(t, &r, &id, &e), ST_OK);
	wtx_abort(t);
	ck_assert_int_eq(fts_hits(s, "touchpoints_fts", "pricing"), 0);
	ck_assert_int_eq(wtx_begin(s, "log", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_insert(t, &r, &id, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	ck_assert_int_eq(fts_hits(s, "touchpoints_fts", "pricing renewal"), 1);
	/* The index agrees with its table (FTS5's own consistency check). */
	ck_assert_int_eq(sqlite3_exec(tu_db(s), "INSERT INTO accounts_fts (accounts_fts) VALUES ('integrity-check');"
		"INSERT INTO touchpoints_fts (touchpoints_fts) VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	row_done(&r);
	store_close(s);
}
END_TEST

static int
collect_row(void *ctx, const struct portfolio_row *r)
{
	char *out = ctx;
	size_t len = strlen(out);

	snprintf(out + len, 256 - len, "%lld%s%s ", (long long)r->id, r->score_known ? "" : "?",
		 r->overridden ? "*" : "");
	return 0;
}

static int
collect_login(void *ctx, const char *login)
{
	strncat(ctx, login, 255 - strlen(ctx));
	strncat(ctx, " ", 255 - strlen(ctx));
	return 0;
}

static int
collect_id(void *ctx, int64_t id)
{
	char *out = ctx;
	size_t len = strlen(out);

	snprintf(out + len, 256 - len, "%lld ", (long long)id);
	return 0;
}

/* Does SQLite sort the rows of sql (a temporary B-tree) to order them? */
static bool
plan_sorts(struct store *s, const char *sql)
{
	char *plan = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	bool sorts = false;

	ck_assert_int_eq(sqlite3_prepare_v2(tu_db(s), plan, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		sorts |= strstr((const char *)sqlite3_column_text(st, 3), "TEMP B-TREE") != NULL;
	sqlite3_finalize(st);
	free(plan);
	return sorts;
}

START_TEST(test_portfolio)
{
	struct store *s = tu_open(NULL, TODAY);
	struct err e = { ST_OK, "" };
	char out[256] = "";
	int64_t last;

	ck_assert_uint_eq(import_text(s, &entity_user, "login,name,role\nzoe,Zoe,csm\nada,Ada,csm\nbo,Bo,csm\n",
				      NULL), 0);
	ck_assert_uint_eq(import_text(s, &entity_account,
		"external_id,name,segment,stage,owner\nA-1,Alpha,smb,adopt,zoe\nA-2,Beta,smb,adopt,ada\n"
		"A-3,Gamma,smb,churned,zoe\nA-4,Delta,smb,adopt,\nA-5,Epsilon,smb,adopt,ada\n", NULL), 0);
	ck_assert_int_eq(sqlite3_exec(tu_db(s),
		"INSERT INTO account_health (account_id, date, scorecard, scale, score, band, computed_band)"
		" VALUES (1, '2026-11-23', 'default', 3, 2.5, 'green', 'green'),"
		"        (2, '2026-11-23', 'default', 3, 1.2, 'red', 'red'),"
		"        (3, '2026-11-23', 'default', 3, 1.0, 'red', 'red'),"
		"        (4, '2026-11-23', 'default', 3, NULL, 'unknown', 'unknown'),"
		"        (5, '2026-11-23', 'default', 3, 1.2, 'red', 'red')", NULL, NULL, NULL), SQLITE_OK);
	/* The first page: with a current health, not churned, worst first,
	 * ties by id, unknown last. */
	ck_assert_int_eq(store_portfolio_first(s, 0, 10, collect_row, out, &e), ST_OK);
	ck_assert_str_eq(out, "2 5 1 4? ");
	out[0] = '\0';
	ck_assert_int_eq(store_portfolio_first(s, 0, 2, collect_row, out, &e), ST_OK);
	ck_assert_str_eq(out, "2 5 ");
	/* Worst first is by the band in force: green Alpha overridden to red
	 * comes before red Beta overridden to green, whatever their scores. */
	ck_assert_int_eq(sqlite3_exec(tu_db(s),
		"UPDATE account_health SET band = 'red', overridden = 1 WHERE account_id = 1;"
		"UPDATE account_health SET band = 'green', overridden = 1 WHERE account_id = 2",
		NULL, NULL, NULL), SQLITE_OK);
	out[0] = '\0';
	ck_assert_int_eq(store_portfolio_first(s, 0, 10, collect_row, out, &e), ST_OK);
	ck_assert_str_eq(out, "5 1* 2* 4? ");
	/* ...read in that order from the index (NNNN_one_override.sql). */
	ck_assert_msg(!plan_sorts(s, "SELECT h.id FROM account_health h JOIN accounts a ON a.id = h.account_id"
				  " WHERE a.stage <> 'churned' ORDER BY (CASE h.band WHEN 'red' THEN 0"
				  " WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 WHEN 'lightgreen' THEN 3"
				  " WHEN 'green' THEN 4 ELSE 5 END), h.score IS NULL, h.score, h.account_id"
				  " LIMIT 10"), "the first page sorts instead of reading the index");
	/* Chunks: every account not churned, by id, scored or not. */
	out[0] = '\0';
	ck_assert_int_eq(store_portfolio_chunk(s, 0, 1, 2, collect_row, out, &e), ST_OK);
	ck_assert_str_eq(out, "2* 4? ");
	ck_assert_int_eq(store_portfolio_last_id(s, &last, &e), ST_OK);
	ck_assert_int_eq(last, 5);
	/* Owners of accounts only (bo owns none), in order. */
	out[0] = '\0';
	ck_assert_int_eq(store_portfolio_owners(s, collect_login, out, &e), ST_OK);
	ck_assert_str_eq(out, "ada zoe ");
	/* Names by prefix for completion, case aside, from the name index. */
	out[0] = '\0';
	ck_assert_int_eq(store_account_names(s, "e", 10, collect_login, out, &e), ST_OK);
	ck_assert_str_eq(out, "Epsilon ");
	out[0] = '\0';
	ck_assert_int_eq(store_account_names(s, "", 2, collect_login, out, &e), ST_OK);
	ck_assert_str_eq(out, "Alpha Beta ");
	/* Search takes word prefixes; query syntax in the text is inert. */
	out[0] = '\0';
	ck_assert_int_eq(store_search_accounts(s, "EPS", collect_id, out, &e), ST_OK);
	ck_assert_str_eq(out, "5 ");
	out[0] = '\0';
	ck_assert_int_eq(store_search_accounts(s, "al* OR \"beta", collect_id, out, &e), ST_OK);
	ck_assert_str_eq(out, "");
	out[0] = '\0';
	ck_assert_int_eq(store_search_accounts(s, "  ", collect_id, out, &e), ST_OK);
	ck_assert_str_eq(out, "");
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_roundtrip_every_entity);
	tcase_add_test(tc, test_new_book_permissions);
	tcase_add_test(tc, test_missing_book);
	tcase_add_test(tc, test_migrate_old_book);
	tcase_add_test(tc, test_migrate_from_first_version);
	tcase_add_test(tc, test_users_rebuilt_keep_their_references);
	tcase_add_test(tc, test_audit_chained_by_migration);
	tcase_add_test(tc, test_failed_migration_changes_nothing);
	tcase_add_test(tc, test_refuses_foreign_and_newer_files);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_audit_records_each_change);
	tcase_add_test(tc, test_bulk_audit_and_abort);
	tcase_add_test(tc, test_foreign_keys_enforced);
	tcase_add_test(tc, test_accounts_filters_and_sorts);
	tcase_add_test(tc, test_filter_memory_equals_sql);
	tcase_add_test(tc, test_account_resolve);
	tcase_add_test(tc, test_account_resolve_ambiguous);
	tcase_add_test(tc, test_account_view);
	tcase_add_test(tc, test_search_index_follows_writes);
	tcase_add_test(tc, test_portfolio);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
