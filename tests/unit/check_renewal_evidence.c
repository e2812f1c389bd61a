/*
 * check_renewal_evidence.c -- the evidence table (store/wtx_evidence.c)
 * against the book: after each kind of write through the write path, and
 * after undoing it, the pipeline read from the table is the pipeline
 * computed from the book (renewals_query.computed), field by field; and
 * a read inside a write transaction sees that transaction's writes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/undo.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "domain/cadence.h"
#include "store/renewals.h"
#include "store/row.h"
#include "store/wtx.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static const char accounts_csv[] =
	"external_id,name,segment\n"
	"A,Alpha,smb\nB,Bravo,enterprise\nC,Charlie,mid_market\n";
static const char ledger_csv[] =
	"account,date,kind,arr_delta\n"
	"A,2025-01-01,new,10000\nB,2025-01-01,new,8000\nC,2025-01-01,new,500\n";
/* B has one renewal closed (not in the table) and one open. */
static const char renewals_csv[] =
	"account,due_date,target_arr,stage,closed_date,final_arr\n"
	"A,2027-01-15,10000,not_started,,\n"
	"B,2025-12-01,8000,won,2025-11-20,8000\n"
	"B,2026-12-20,8000,in_progress,,\n"
	"C,2027-02-10,500,negotiating,,\n";
static const char touchpoints_csv[] =
	"account,date,kind,summary\n"
	"A,2026-08-01,qbr,QBR\nA,2025-08-01,ebr,last year's\nC,2026-11-01,call,call\n";
static const char tasks_csv[] =
	"account,title,status,source,created_on\n"
	"A,Handshake,open,playbook:renewal-t90,2026-10-01\n";

static struct store *book;

static void
load(const struct entity *ent, const char *csv)
{
	char *report = NULL;

	ck_assert_msg(tu_import(book, ent, csv, NULL, &report) == 0, "%s: %s", ent->name, report);
	free(report);
}

static void
setup(void)
{
	book = tu_open(NULL, TODAY);
	load(&entity_account, accounts_csv);
	load(&entity_arr_event, ledger_csv);
	load(&entity_renewal, renewals_csv);
	load(&entity_touchpoint, touchpoints_csv);
	load(&entity_task, tasks_csv);
}

static void
teardown(void)
{
	store_close(book);
}

/* The pipeline of every open renewal, one line of text each. */
static int
keep(void *ctx, const struct renewal_line *l)
{
	struct buf *b = ctx;

	buf_addf(b, "%lld %lld %s %s %s %s %s %s %s %s %d %d %lld %lld %lld %lld %d %d %d %d %lld\n",
		 (long long)l->id, (long long)l->account_id, l->external_id, l->account,
		 l->owner ? l->owner : "-", l->team ? l->team : "-", l->segment,
		 l->band ? l->band : "-", l->category, l->stage, l->due, l->closed,
		 (long long)l->target, (long long)l->forecast, (long long)l->final,
		 (long long)l->arr, l->evidence[0], l->evidence[1], l->evidence[2], l->evidence[3],
		 (long long)l->changes);
	return 0;
}

static char *
pipeline(bool computed, const struct cadence *c)
{
	struct renewals_query q = { 0 };
	struct err e = { ST_OK, "" };
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	q.from = date_from_ymd(DATE_YEAR_MIN, 1, 1);
	q.to = date_from_ymd(2099, 12, 31);
	q.open_only = true;
	q.cadence = c;
	q.computed = computed;
	ck_assert_msg(store_renewals(book, &q, keep, &b, &e) == ST_OK, "%s", e.msg);
	return buf_detach(&b);
}

/* The table's pipeline is the book's, under the default cadence and
 * another; it lists n renewals. */
static void
expect_fresh(const char *after, int n)
{
	struct cadence c;
	const char *why;

	cadence_default(&c);
	for (int k = 0; k < 2; k++) {
		char *kept = pipeline(false, &c), *computed = pipeline(true, &c);
		int lines = 0;

		ck_assert_msg(!strcmp(kept, computed), "after %s, the table says\n%s\nthe book\n%s",
			      after, kept, computed);
		for (const char *p = kept; *p; p++)
			lines += *p == '\n';
		ck_assert_msg(lines == n, "after %s: %d renewals, expected %d", after, lines, n);
		free(kept);
		free(computed);
		ck_assert(cadence_parse("100,75,50,25", &c, &why));
	}
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM renewal_evidence"),
			 tu_int(book, "SELECT count(*) FROM renewals WHERE stage NOT IN ('won', 'lost')"));
}

static int64_t
insert(struct row *r)
{
	struct err e = { ST_OK, "" };
	int64_t id = 0;

	ck_assert_msg(wtx_insert_one(book, "test", r, &id, &e) == ST_OK, "%s", e.msg);
	row_done(r);
	return id;
}

static void
update(struct row *r, int64_t id)
{
	struct err e = { ST_OK, "" };
	struct wtx *t;

	ck_assert_msg(wtx_begin(book, "test", WTX_AUDIT_ROWS, &t, &e) == ST_OK, "%s", e.msg);
	ck_assert_msg(wtx_update(t, r, id, &e) == ST_OK, "%s", e.msg);
	ck_assert_msg(wtx_commit(t, &e) == ST_OK, "%s: %s", r->ent->name, e.msg);
	row_done(r);
}

static void
undo(void)
{
	struct err e = { ST_OK, "" };
	struct undo_result u;

	ck_assert_msg(undo_last(book, &u, &e) == ST_OK, "%s", e.msg);
}

static int64_t
id_of(const char *sql)
{
	int64_t id = tu_int(book, sql);

	ck_assert_msg(id > 0, "no row: %s", sql);
	return id;
}

START_TEST(test_every_write_and_its_undo_keeps_the_table)
{
	int64_t a = id_of("SELECT id FROM accounts WHERE external_id = 'A'");
	int64_t b = id_of("SELECT id FROM accounts WHERE external_id = 'B'");
	int64_t ra = id_of("SELECT id FROM renewals WHERE account_id = (SELECT id FROM accounts"
			   " WHERE external_id = 'A')");
	int64_t rc = id_of("SELECT id FROM renewals WHERE account_id = (SELECT id FROM accounts"
			   " WHERE external_id = 'C')");
	int64_t task = id_of("SELECT id FROM tasks");
	int64_t tp;
	struct row r;
	int undos = 0;

	expect_fresh("the imports", 3);

	row_init(&r, &entity_touchpoint);
	row_int(&r, "account", b);
	row_text(&r, "date", "2026-07-01");
	row_text(&r, "kind", "ebr");
	tp = insert(&r);
	undos++;
	expect_fresh("an EBR logged", 3);

	row_init(&r, &entity_touchpoint);
	row_text(&r, "date", "2026-06-01");
	update(&r, tp);
	undos++;
	expect_fresh("the EBR moved to another day", 3);

	row_init(&r, &entity_task);
	row_text(&r, "status", "done");
	row_text(&r, "done_on", "2026-10-20");
	update(&r, task);
	undos++;
	expect_fresh("the T-90 task done", 3);

	row_init(&r, &entity_renewal_step);
	row_int(&r, "renewal", rc);
	row_text(&r, "step", "t60");
	row_text(&r, "date", "2026-11-01");
	insert(&r);
	undos++;
	expect_fresh("a step logged", 3);

	row_init(&r, &entity_renewal);
	row_text(&r, "due_date", "2027-01-05");
	row_text(&r, "forecast_category", "commit");
	update(&r, ra);
	undos++;
	expect_fresh("a renewal's due date moved", 3);

	row_init(&r, &entity_arr_event);
	row_int(&r, "account", a);
	row_text(&r, "date", "2026-12-01");
	row_text(&r, "kind", "expansion");
	row_int(&r, "arr_delta", 250000);
	insert(&r);
	undos++;
	expect_fresh("an ARR event after today", 3);

	row_init(&r, &entity_account);
	row_text(&r, "name", "Alpha Renamed");
	row_text(&r, "segment", "enterprise");
	update(&r, a);
	undos++;
	expect_fresh("an account renamed", 3);

	row_init(&r, &entity_stage_history);
	row_int(&r, "account", b);
	row_text(&r, "stage", "renew");
	row_text(&r, "from_date", "2026-10-01");
	insert(&r);
	undos++;
	expect_fresh("the account entering renew", 3);

	row_init(&r, &entity_renewal);
	row_text(&r, "stage", "won");
	row_text(&r, "closed_date", TODAY);
	row_int(&r, "final_arr", 500);
	update(&r, rc);
	undos++;
	expect_fresh("a renewal won", 2);

	row_init(&r, &entity_renewal);
	row_int(&r, "account", a);
	row_text(&r, "due_date", "2028-01-15");
	row_int(&r, "target_arr", 1000000);
	insert(&r);
	undos++;
	expect_fresh("a renewal added", 3);

	row_init(&r, &entity_renewal);
	row_int(&r, "account", b);
	update(&r, ra);
	undos++;
	expect_fresh("a renewal moved to another account", 3);

	while (undos--) {
		undo();
		expect_fresh("an undo", undos == 9 ? 2 : 3);   /* back to before the win */
	}
}
END_TEST

START_TEST(test_a_read_inside_a_write_sees_its_writes)
{
	int64_t c = id_of("SELECT id FROM accounts WHERE external_id = 'C'");
	struct cadence cad;
	struct err e = { ST_OK, "" };
	struct wtx *t;
	struct row r;
	char *before, *inside;

	cadence_default(&cad);
	before = pipeline(false, &cad);
	ck_assert_msg(wtx_begin(book, "test", WTX_AUDIT_ROWS, &t, &e) == ST_OK, "%s", e.msg);
	row_init(&r, &entity_touchpoint);
	row_int(&r, "account", c);
	row_text(&r, "date", "2026-10-01");
	row_text(&r, "kind", "qbr");
	ck_assert_msg(wtx_insert(t, &r, NULL, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	inside = pipeline(false, &cad);
	ck_assert_msg(strcmp(before, inside), "the QBR of the transaction does not show in it");
	ck_assert_msg(wtx_commit(t, &e) == ST_OK, "%s", e.msg);
	expect_fresh("the commit", 3);
	free(before);
	free(inside);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("renewal_evidence");
	TCase *tc = tcase_create("table");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_every_write_and_its_undo_keeps_the_table);
	tcase_add_test(tc, test_a_read_inside_a_write_sees_its_writes);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
