/*
 * check_work_edit.c -- the edit verbs of tasks, risks, touchpoints and
 * opportunities called as the interface calls them (app/task_edit.h,
 * app/risk.h, app/touchpoint.h, app/opportunity.h): what each writes, what
 * it hands back for the confirmation, and refusals that change nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/opportunity.h"
#include "app/risk.h"
#include "app/task_edit.h"
#include "app/touchpoint.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "store/work.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static const char users_csv[] =
	"login,name,role\nlee,Lee Lead,lead\namara,Amara Okafor,csm\nbo,Bo Lindqvist,csm\n";
static const char accounts_csv[] =
	"external_id,name,owner,segment\nA-1,Acme,amara,enterprise\nP-1,Pooled,,smb\n";
/* #1 open with a checklist, #2 done, #3 an internal task of bo's. */
static const char tasks_csv[] =
	"account,title,owner,due_date,status,done_on\n"
	"A-1,Get-well plan,amara,2026-11-30,open,\n"
	"A-1,Kickoff,amara,2026-11-01,done,2026-11-02\n"
	",Team sync,bo,,open,\n";
/* Items 1-3 are #1's, 4-5 #3's. */
static const char items_csv[] =
	"task,position,text,done\n1,1,Root cause,false\n1,2,Plan agreed,false\n1,3,Owners,true\n"
	"3,1,Agenda,false\n3,2,Minutes,false\n";
static const char touch_csv[] =
	"account,date,kind,summary,author\nA-1,2026-11-20,call,First call,amara\n"
	"A-1,2026-11-21,note,Imported note,\n";

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
	load(&entity_user, users_csv);
	load(&entity_account, accounts_csv);
	load(&entity_task, tasks_csv);
	load(&entity_task_item, items_csv);
	load(&entity_touchpoint, touch_csv);
}

static void
teardown(void)
{
	store_close(book);
}

static int32_t
day(const char *ymd)
{
	int32_t d;

	ck_assert_msg(date_parse(ymd, &d), "bad date %s", ymd);
	return d;
}

static void
expect_text(const char *sql, const char *want)
{
	char *got = tu_text(book, sql);

	ck_assert_msg(got && !strcmp(got, want), "%s: '%s', expected '%s'", sql, got ? got : "(null)",
		      want);
	free(got);
}

/* The call st came back from must have refused with want (a prefix of the
 * message) and left the book as before. */
static void
expect_unchanged(enum status st, enum status want_st, const struct err *e, const char *want,
		 char *before)
{
	char *after = tu_dump(book);

	ck_assert_int_eq(st, want_st);
	ck_assert_msg(!strncmp(e->msg, want, strlen(want)), "message '%s', expected '%s...'", e->msg,
		      want);
	ck_assert_msg(!strcmp(before, after), "a refusal changed the book");
	free(before);
	free(after);
}

START_TEST(test_task_edit_changes_what_is_given)
{
	struct task_edit_input in = { .task_id = 1, .title = "Get well", .priority = "high",
		.notes = "Call Dana", .set_due = true, .due = day("2026-12-04") };
	struct err e = { ST_OK, "" };
	struct work_done d;

	ck_assert_int_eq(task_edit(book, &in, &d, &e), ST_OK);
	ck_assert_int_eq(d.id, 1);
	ck_assert_str_eq(d.account, "Acme");
	ck_assert_str_eq(d.external_id, "A-1");
	work_done_clear(&d, 1);
	expect_text("SELECT title || ' ' || priority || ' ' || kind || ' ' || due_date || ' ' || notes"
		    " FROM tasks WHERE id = 1", "Get well high activity 2026-12-04 Call Dana");
	in = (struct task_edit_input){ .task_id = 1, .clear_due = true, .notes = "" };
	ck_assert_int_eq(task_edit(book, &in, &d, &e), ST_OK);
	work_done_clear(&d, 1);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM tasks WHERE id = 1 AND due_date IS NULL"
				      " AND notes IS NULL"), 1);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'task edit'"), 2);

	in = (struct task_edit_input){ .task_id = 1 };
	expect_unchanged(task_edit(book, &in, &d, &e), ST_USAGE, &e, "edit: nothing to change",
			 tu_dump(book));
	in.kind = "chore";
	expect_unchanged(task_edit(book, &in, &d, &e), ST_USAGE, &e,
			 "kind: 'chore' is not a task kind", tu_dump(book));
	in = (struct task_edit_input){ .task_id = 1, .title = " " };
	expect_unchanged(task_edit(book, &in, &d, &e), ST_USAGE, &e, "title: ", tu_dump(book));
	in = (struct task_edit_input){ .task_id = 9, .title = "x" };
	expect_unchanged(task_edit(book, &in, &d, &e), ST_NOINPUT, &e, "no task with id 9",
			 tu_dump(book));
}
END_TEST

START_TEST(test_snooze_wakes_up_on_its_day)
{
	struct err e = { ST_OK, "" };
	char *path = xstrdup(store_path(book));
	struct work_done d;
	struct store *later;

	ck_assert_int_eq(task_snooze(book, 1, day("2026-11-26"), &d, &e), ST_OK);
	ck_assert_str_eq(d.external_id, "A-1");
	work_done_clear(&d, 1);
	expect_text("SELECT status || ' ' || snoozed_until FROM tasks WHERE id = 1",
		    "snoozed 2026-11-26");
	store_close(book);
	/* Nothing is written on the day: the task reads as open from it on. */
	later = tu_open(path, "2026-11-25");
	{
		struct work_head h;

		ck_assert_int_eq(store_work_head(later, &entity_task, 1, &h, &e), ST_OK);
		ck_assert_str_eq(h.status, "snoozed");
		work_head_done(&h);
	}
	store_close(later);
	book = tu_open(path, "2026-11-26");
	{
		struct task_detail *t;

		ck_assert_int_eq(store_task_detail(book, 1, &t, &e), ST_OK);
		ck_assert_str_eq(t->status, "open");
		ck_assert_int_eq(t->nitems, 3);
		ck_assert_int_eq(t->nitems_done, 1);
		task_detail_free(t);
	}
	expect_text("SELECT status FROM tasks WHERE id = 1", "snoozed");
	free(path);

	expect_unchanged(task_snooze(book, 1, day("2026-11-26"), &d, &e), ST_USAGE, &e,
			 "until: snooze until a day after today (2026-11-26)", tu_dump(book));
	expect_unchanged(task_snooze(book, 2, day("2026-12-26"), &d, &e), ST_DATA, &e,
			 "task #2 is done: only open and snoozed tasks can be snoozed", tu_dump(book));
}
END_TEST

START_TEST(test_cancel_and_reassign_all_or_nothing)
{
	int64_t ids[] = { 1, 3 }, with_done[] = { 3, 2 };
	struct err e = { ST_OK, "" };
	struct work_done d[2];

	ck_assert_int_eq(tasks_reassign(book, ids, 2, "bo", d, &e), ST_OK);
	ck_assert(!d[0].skipped && d[1].skipped);   /* #3 is bo's already */
	ck_assert_str_eq(d[0].account, "Acme");
	ck_assert_ptr_null(d[1].account);           /* an internal task */
	work_done_clear(d, 2);
	expect_text("SELECT group_concat(u.login) FROM tasks k JOIN users u ON u.id = k.owner_id"
		    " WHERE k.id IN (1, 3)", "bo,bo");
	expect_unchanged(tasks_reassign(book, ids, 2, "amra", d, &e), ST_NOUSER, &e,
			 "owner: no user with login 'amra'; did you mean 'amara'?", tu_dump(book));

	expect_unchanged(tasks_cancel(book, with_done, 2, "dup", d, &e), ST_DATA, &e,
			 "nothing was changed: task #2 is done (on 2026-11-02)", tu_dump(book));
	ck_assert_int_eq(tasks_cancel(book, ids, 2, "Not needed", d, &e), ST_OK);
	work_done_clear(d, 2);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM tasks WHERE status = 'cancelled'"
				      " AND cancel_reason = 'Not needed'"), 2);
	ck_assert_int_eq(tasks_cancel(book, ids, 1, NULL, d, &e), ST_OK);
	ck_assert(d[0].skipped);
	work_done_clear(d, 1);
	expect_unchanged(tasks_reassign(book, ids, 1, "amara", d, &e), ST_DATA, &e,
			 "nothing was changed: task #1 is cancelled", tu_dump(book));
}
END_TEST

START_TEST(test_checklist_items_by_number_or_id)
{
	const char *two[] = { "1", "3" }, *number[] = { "2" }, *by_id[] = { "5" },
		*bad[] = { "1", "9" };
	struct task_items_result r;
	struct err e = { ST_OK, "" };

	ck_assert_int_eq(task_items_set(book, 1, two, 2, true, &r, &e), ST_OK);
	ck_assert_int_eq(r.changed, 1);
	ck_assert(!r.skipped[0] && r.skipped[1]);   /* "Owners" was ticked */
	ck_assert_int_eq(r.ndone, 2);
	ck_assert_int_eq(r.nitems, 3);
	ck_assert_str_eq(r.task.external_id, "A-1");
	task_items_result_done(&r);
	ck_assert_int_eq(task_items_set(book, 1, number, 1, false, &r, &e), ST_OK);
	ck_assert_int_eq(r.changed, 0);             /* item 2 was not ticked */
	ck_assert(r.skipped[0]);
	task_items_result_done(&r);
	ck_assert_int_eq(task_items_set(book, 3, by_id, 1, true, &r, &e), ST_OK);
	ck_assert_int_eq(r.number[0], 2);           /* id 5 is #3's second item */
	ck_assert_int_eq(r.ndone, 1);
	ck_assert_ptr_null(r.task.account);
	task_items_result_done(&r);
	expect_text("SELECT group_concat(done, '') FROM"
		    " (SELECT done FROM task_items ORDER BY task_id, position)", "10101");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'task tick'"), 2);

	expect_unchanged(task_items_set(book, 1, bad, 2, true, &r, &e), ST_NOINPUT, &e,
			 "item: task #1 has no item 9 (its items are 1 to 3, or their ids)",
			 tu_dump(book));
	expect_unchanged(task_items_set(book, 2, two, 1, true, &r, &e), ST_NOINPUT, &e,
			 "item: task #2 has no checklist", tu_dump(book));
}
END_TEST

START_TEST(test_risk_open_mitigate_close)
{
	struct risk_open_input in = { .account_id = 1, .category = "engagement",
		.severity = "high", .description = "No exec touch" };
	struct err e = { ST_OK, "" };
	struct work_done d;

	ck_assert_int_eq(risk_open(book, "lee", &in, &d, &e), ST_OK);
	ck_assert_int_eq(d.id, 1);
	ck_assert_str_eq(d.account, "Acme");
	work_done_clear(&d, 1);
	in.account_id = 2;   /* pooled: owned by who opens it */
	ck_assert_int_eq(risk_open(book, "lee", &in, &d, &e), ST_OK);
	work_done_clear(&d, 1);
	expect_text("SELECT group_concat(u.login || ' ' || r.status || ' ' || r.source || ' ' ||"
		    " r.opened_on, '; ') FROM risks r JOIN users u ON u.id = r.owner_id",
		    "amara open manual 2026-11-23; lee open manual 2026-11-23");

	ck_assert_int_eq(risk_mitigate(book, 1, "EBR booked", &d, &e), ST_OK);
	work_done_clear(&d, 1);
	ck_assert_int_eq(risk_mitigate(book, 1, "EBR booked for the 30th", &d, &e), ST_OK);
	work_done_clear(&d, 1);
	expect_text("SELECT status || ' ' || mitigation FROM risks WHERE id = 1",
		    "mitigating EBR booked for the 30th");
	ck_assert_int_eq(risk_close(book, 1, "Sponsor back", &d, &e), ST_OK);
	ck_assert_str_eq(d.external_id, "A-1");
	work_done_clear(&d, 1);
	expect_text("SELECT status || ' ' || closed_on || ' ' || mitigation || ' / ' || resolution"
		    " FROM risks WHERE id = 1",
		    "closed 2026-11-23 EBR booked for the 30th / Sponsor back");

	expect_unchanged(risk_close(book, 1, "again", &d, &e), ST_DATA, &e,
			 "risk #1 is closed already (on 2026-11-23)", tu_dump(book));
	expect_unchanged(risk_mitigate(book, 1, "again", &d, &e), ST_DATA, &e,
			 "risk #1 is closed already", tu_dump(book));
	expect_unchanged(risk_close(book, 2, "", &d, &e), ST_USAGE, &e, "note: ", tu_dump(book));
	expect_unchanged(risk_close(book, 7, "x", &d, &e), ST_NOINPUT, &e, "no risk with id 7",
			 tu_dump(book));
	in.category = "morale";
	expect_unchanged(risk_open(book, "lee", &in, &d, &e), ST_USAGE, &e,
			 "category: 'morale' is not a risk category", tu_dump(book));
	in.category = "value";
	in.description = NULL;
	expect_unchanged(risk_open(book, "lee", &in, &d, &e), ST_USAGE, &e, "description: ",
			 tu_dump(book));
}
END_TEST

START_TEST(test_touchpoints_by_their_author_or_a_lead)
{
	struct touch_edit_input in = { .id = 1, .summary = "First call with Dana", .duration = -1,
		.sentiment = 4 };
	struct err e = { ST_OK, "" };
	struct work_done d;

	expect_unchanged(touchpoint_edit(book, "bo", &in, &d, &e), ST_NOPERM, &e,
			 "touchpoint #1 was logged by amara: only amara or a lead can edit it",
			 tu_dump(book));
	ck_assert_int_eq(touchpoint_edit(book, "amara", &in, &d, &e), ST_OK);
	work_done_clear(&d, 1);
	expect_text("SELECT summary || ' ' || sentiment FROM touchpoints WHERE id = 1",
		    "First call with Dana 4");
	expect_unchanged(touchpoint_delete(book, "amara", 2, &d, &e), ST_NOPERM, &e,
			 "touchpoint #2 has no author: only a lead can delete it", tu_dump(book));
	ck_assert_int_eq(touchpoint_delete(book, "lee", 2, &d, &e), ST_OK);
	ck_assert_str_eq(d.account, "Acme");
	work_done_clear(&d, 1);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM touchpoints"), 1);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'log delete'"
				      " AND op = 'delete'"), 1);
}
END_TEST

START_TEST(test_opportunity_stages_to_a_close)
{
	struct opportunity_input in = { .account_id = 1, .kind = "upsell", .title = "More seats",
		.arr_cents = 1500050, .has_close = true, .expected_close = day("2027-01-31") };
	struct err e = { ST_OK, "" };
	struct work_done d;

	ck_assert_int_eq(opportunity_add(book, "amara", &in, &d, &e), ST_OK);
	ck_assert_int_eq(d.id, 1);
	work_done_clear(&d, 1);
	ck_assert_int_eq(opportunity_stage(book, 1, "propose", &d, &e), ST_OK);
	ck_assert(!d.skipped);
	work_done_clear(&d, 1);
	ck_assert_int_eq(opportunity_stage(book, 1, "propose", &d, &e), ST_OK);
	ck_assert(d.skipped);
	work_done_clear(&d, 1);
	ck_assert_int_eq(opportunity_amount(book, 1, 2000000, &d, &e), ST_OK);
	work_done_clear(&d, 1);
	ck_assert_int_eq(opportunity_close(book, 1, false, "budget", &d, &e), ST_OK);
	work_done_clear(&d, 1);
	expect_text("SELECT o.stage || ' ' || o.forecast_category || ' ' || o.arr_cents || ' ' ||"
		    " o.expected_close || ' ' || o.closed_on || ' ' || o.close_reason || ' ' || u.login"
		    " FROM opportunities o JOIN users u ON u.id = o.sourced_by_id",
		    "lost closed 2000000 2027-01-31 2026-11-23 budget amara");
	expect_unchanged(opportunity_stage(book, 1, "commit", &d, &e), ST_DATA, &e,
			 "opportunity #1 is closed already (lost on 2026-11-23)", tu_dump(book));
	expect_unchanged(opportunity_stage(book, 1, "won", &d, &e), ST_USAGE, &e, "stage: ",
			 tu_dump(book));
	in.arr_cents = -1;
	expect_unchanged(opportunity_add(book, "amara", &in, &d, &e), ST_USAGE, &e, "amount: ",
			 tu_dump(book));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("work_edit");
	TCase *tc = tcase_create("verbs");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_task_edit_changes_what_is_given);
	tcase_add_test(tc, test_snooze_wakes_up_on_its_day);
	tcase_add_test(tc, test_cancel_and_reassign_all_or_nothing);
	tcase_add_test(tc, test_checklist_items_by_number_or_id);
	tcase_add_test(tc, test_risk_open_mitigate_close);
	tcase_add_test(tc, test_touchpoints_by_their_author_or_a_lead);
	tcase_add_test(tc, test_opportunity_stages_to_a_close);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
