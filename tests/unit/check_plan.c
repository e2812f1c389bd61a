/*
 * check_plan.c -- the success plan's pure rules (domain/plan.h): the
 * status flow, KPI and objective progress, off track and overdue, the
 * last validation, section text checks; and Markdown escaping (core/md.h),
 * which must leave no markup in text from the book.
 */
#include "config.h"

#include <check.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/md.h"
#include "domain/plan.h"

static int32_t
day(const char *s)
{
	int32_t d = 0;

	ck_assert(date_parse(s, &d));
	return d;
}

START_TEST(test_status_flow_one_step_at_a_time)
{
	struct plan p = { .id = 7, .status = "draft" };
	struct plan_objective o = { .id = 1, .title = "x" };
	struct err e;

	ck_assert_int_eq(plan_status_check(&p, "shared", &e), ST_OK);
	ck_assert_int_eq(plan_status_check(&p, "active", &e), ST_DATA);
	ck_assert_str_eq(e.msg, "plan #7 is draft: it must be signed before it is active");
	ck_assert_int_eq(plan_status_check(&p, "draft", &e), ST_DATA);
	ck_assert_int_eq(plan_status_check(&p, "nope", &e), ST_USAGE);
	p.status = "shared";
	ck_assert_int_eq(plan_status_check(&p, "signed", &e), ST_DATA);
	ck_assert_str_eq(e.msg, "plan #7 has no objectives: a plan is signed on what it sets out "
			 "to achieve; add one first");
	p.objectives = &o;
	p.nobjectives = 1;
	ck_assert_int_eq(plan_status_check(&p, "signed", &e), ST_OK);
	ck_assert_int_eq(plan_status_check(&p, "draft", &e), ST_OK);
	p.status = "active";
	ck_assert_int_eq(plan_status_check(&p, "done", &e), ST_OK);
	ck_assert_int_eq(plan_status_check(&p, "shared", &e), ST_DATA);
}
END_TEST

START_TEST(test_progress_and_tracking)
{
	struct plan_kpi k = { .name = "Days", .has_baseline = true, .baseline = 30,
		.has_target = true, .target = 10, .has_current = true, .current = 20,
		.target_date = "2026-12-31" };
	struct plan_milestone m[2] = {
		{ .title = "a", .status = "done", .due_date = "2026-10-01" },
		{ .title = "b", .status = "at_risk", .due_date = "2026-11-01" },
	};
	struct plan_objective o = { .milestones = m, .nmilestones = 2, .kpis = &k, .nkpis = 1 };
	struct plan p = { .start_date = "2026-01-01", .objectives = &o, .nobjectives = 1 };
	double v;

	ck_assert(plan_kpi_progress(&k, &v));
	ck_assert_double_eq_tol(v, 0.5, 1e-9);
	/* Half way with 92% of the time gone: more than a quarter behind. */
	ck_assert(plan_kpi_off_track(&p, &k, day("2026-12-01")));
	ck_assert(!plan_kpi_off_track(&p, &k, day("2026-08-01")));
	k.current = 10;
	ck_assert(!plan_kpi_off_track(&p, &k, day("2027-01-15")));
	k.current = 35;     /* moved away from the target: 0, never negative */
	ck_assert(plan_kpi_progress(&k, &v));
	ck_assert_double_eq(v, 0);
	ck_assert(plan_kpi_off_track(&p, &k, day("2027-01-15")));
	k.target = 30;      /* a target equal to its baseline measures nothing */
	ck_assert(!plan_kpi_progress(&k, &v));
	k.target = 10;
	k.current = 20;
	ck_assert(plan_objective_progress(&o, &v));
	ck_assert_double_eq_tol(v, (1 + 0 + 0.5) / 3, 1e-9);
	ck_assert(!plan_milestone_overdue(&m[0], day("2026-11-23")));
	ck_assert(plan_milestone_overdue(&m[1], day("2026-11-23")));
	ck_assert(!plan_milestone_overdue(&m[1], day("2026-11-01")));
}
END_TEST

START_TEST(test_last_validated)
{
	struct plan_objective o[2] = { { .last_validated = "2026-07-01" },
				       { .last_validated = "2026-08-15" } };
	struct plan p = { .start_date = "2026-01-01", .objectives = o, .nobjectives = 2 };
	int64_t days;

	ck_assert_str_eq(plan_last_validated(&p, day("2026-11-23"), &days), "2026-08-15");
	ck_assert_int_eq(days, 100);
	p.validated_on = "2026-11-01";
	ck_assert_str_eq(plan_last_validated(&p, day("2026-11-23"), &days), "2026-11-01");
	ck_assert_int_eq(days, 22);
	p.validated_on = NULL;
	p.nobjectives = 0;
	ck_assert_str_eq(plan_last_validated(&p, day("2026-11-23"), &days), "2026-01-01");
}
END_TEST

START_TEST(test_section_text_is_checked)
{
	struct buf b;
	struct err e;

	buf_init(&b);
	ck_assert_int_eq(plan_text_clean("summary", "one  \r\ntwo\t\n\n\n", &b, &e), ST_OK);
	ck_assert_str_eq(b.data, "one\ntwo");
	ck_assert_int_eq(plan_text_clean("summary", "ok\nbad \x1b[31m", &b, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "summary: line 2 holds a control character (U+001B)");
	ck_assert_int_eq(plan_text_clean("summary", "caf\xc3", &b, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "summary: line 1 is not valid UTF-8");
	buf_done(&b);
}
END_TEST

START_TEST(test_markdown_leaves_no_markup)
{
	struct buf b;

	buf_init(&b);
	md_inline(&b, "<a href=x>*hi*</a> [l](u) `c` &lt; #1 a|b ~s~ _u_ \\");
	ck_assert_str_eq(b.data, "\\<a href=x\\>\\*hi\\*\\</a\\> \\[l\\](u) \\`c\\` \\&lt; \\#1 "
			 "a\\|b \\~s\\~ \\_u\\_ \\\\");
	buf_reset(&b);
	md_inline(&b, "two\nlines \x1b[2J");
	ck_assert_str_eq(b.data, "two\\\\nlines \\\\x1b\\[2J");
	buf_reset(&b);
	md_block(&b, "# h\n> q\n    code\n2. n\n+ p\n- item *x*\n\n===\npara");
	ck_assert_str_eq(b.data, "\\# h\\\n\\> q\\\ncode\\\n2\\. n\\\n\\+ p\n- item \\*x\\*\n\n"
			 "\\===\\\npara\n");
	buf_done(&b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("rules");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_status_flow_one_step_at_a_time);
	tcase_add_test(tc, test_progress_and_tracking);
	tcase_add_test(tc, test_last_validated);
	tcase_add_test(tc, test_section_text_is_checked);
	tcase_add_test(tc, test_markdown_leaves_no_markup);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
