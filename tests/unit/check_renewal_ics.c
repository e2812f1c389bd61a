/*
 * check_renewal_ics.c -- `tend renewals --format ics` read back by libical:
 * every property of each event and its alarms, the escaping of hostile
 * account names (commas, semicolons, backslashes, control characters), the
 * folding of long lines, and the cadence rules of domain/cadence.h the
 * file and the pipeline share (on time, late, missing, pending; the
 * calendar's grid across a year boundary and 29 February).
 */
#include "config.h"

#include <check.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/renewals_cmd.h"
#include "core/date.h"
#include "domain/cadence.h"

static int32_t
day(const char *s)
{
	int32_t d = 0;

	ck_assert_msg(date_parse(s, &d), "bad date %s", s);
	return d;
}

/* Two renewals: one ordinary, one whose name is hostile. */
#define HOSTILE "Evil; Corp, \\ Ltd\x1b[31m\r\nBCC: x"

static char *
write_ics(struct renewal_lines *rs, struct cadence *cad)
{
	struct clock clk = { 0 };
	struct err e = { ST_OK, "" };
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	cadence_default(cad);
	ck_assert(clock_pin(&clk, "2026-11-23T09:30:00Z"));
	clock_fix(&clk, "2026-11-23");
	struct ics_todo todo = { 7, 1, (char *)"Ask for a case study, please", (char *)"Alpha", 3,
		CADENCE_NONE };
	struct ics_todos todos = { &todo, 1, 1 };

	todo.due = day("2026-12-01");
	ck_assert_int_eq(renewals_ics(fp, rs, &todos, cad, &clk, &e), ST_OK);
	fclose(fp);
	return text;
}

static void
fill(struct renewal_line *l, int64_t id, const char *name, const char *due, const char *cat)
{
	memset(l, 0, sizeof(*l));
	l->id = id;
	l->account_id = id * 10;
	l->external_id = "CRM-9";
	l->account = name;
	l->owner = "amy";
	l->category = cat;
	l->stage = "in_progress";
	l->due = day(due);
	l->target = 1234567;   /* 12,345.67 */
	l->forecast = -1;
	l->arr = 1234567;
	for (int k = 0; k < CADENCE_STEPS; k++)
		l->evidence[k] = CADENCE_NONE;
	l->changes = id == 1 ? 3 : 0;
}

static const char *
text_of(icalcomponent *c, icalproperty_kind k)
{
	icalproperty *p = icalcomponent_get_first_property(c, k);

	ck_assert_msg(p != NULL, "no %s", icalproperty_kind_to_string(k));
	return icalproperty_get_value_as_string(p);
}

START_TEST(test_events_read_back)
{
	struct renewal_line v[2];
	struct renewal_lines rs = { .v = v, .n = 2, .cap = 2 };
	struct cadence cad;
	char *text, *line;
	icalcomponent *cal, *ev;
	int events = 0;

	fill(&v[0], 1, "Alpha", "2028-02-29", "commit");
	v[0].evidence[CAD_T120] = day("2027-10-01");   /* on time: deadline 2027-11-01 */
	fill(&v[1], 2, HOSTILE, "2026-12-31", "lost");
	text = write_ics(&rs, &cad);
	/* RFC 5545 lines: CRLF, at most 75 octets, continuation lines fold. */
	for (line = text; *line; ) {
		char *end = strstr(line, "\r\n");

		ck_assert_msg(end != NULL, "a line without CRLF");
		ck_assert_msg(end - line <= 75, "a line of %d octets", (int)(end - line));
		line = end + 2;
	}
	ck_assert_ptr_null(strchr(text, '\x1b'));
	ck_assert_ptr_nonnull(strstr(text, "Evil\\; Corp\\, \\\\ Ltd"));
	cal = icalparser_parse_string(text);
	ck_assert_ptr_nonnull(cal);
	ck_assert_str_eq(text_of(cal, ICAL_VERSION_PROPERTY), "2.0");
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype s = icalcomponent_get_dtstart(ev), e = icalcomponent_get_dtend(ev);
		struct icaltimetype st = icalcomponent_get_dtstamp(ev);
		icalcomponent *al;
		int alarms = 0;
		const int offsets[] = { 120, 90, 60, 30 };

		ck_assert(s.is_date && e.is_date);
		ck_assert_int_eq(st.year, 2026);
		ck_assert_int_eq(st.hour, 9);
		ck_assert_int_eq(st.minute, 30);
		ck_assert(icaltime_is_utc(st));
		if (events == 0) {
			ck_assert_str_eq(icalcomponent_get_uid(ev), "renewal-1@tend");
			ck_assert_int_eq(s.year, 2028);
			ck_assert_int_eq(s.month, 2);
			ck_assert_int_eq(s.day, 29);
			ck_assert_int_eq(e.month, 3);   /* all-day: ends the next day */
			ck_assert_int_eq(e.day, 1);
			ck_assert_int_eq(icalcomponent_get_sequence(ev), 3);
			ck_assert_str_eq(icalcomponent_get_summary(ev),
					 "Renewal: Alpha (CRM-9) 12,345.67");
			ck_assert_str_eq(text_of(ev, ICAL_CATEGORIES_PROPERTY), "commit");
			ck_assert_int_eq(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
			ck_assert_str_eq(icalcomponent_get_description(ev),
					 "Owner: amy\nTarget ARR: 12,345.67\n"
					 "Forecast: commit; stage: in_progress\n"
					 "Account ARR: 12,345.67\n"
					 "T-120 renewal list validated, EBR held: on_time\n"
					 "T-90 handshake #3 to the RM, discussion started: pending\n"
					 "T-60 price negotiation started: pending\n"
					 "T-30 scope and price agreed: pending\n");
		} else {
			ck_assert_str_eq(icalcomponent_get_uid(ev), "renewal-2@tend");
			ck_assert_int_eq(s.year, 2026);
			ck_assert_int_eq(e.year, 2027);   /* the year boundary */
			ck_assert_int_eq(e.month, 1);
			ck_assert_int_eq(e.day, 1);
			ck_assert_int_eq(icalcomponent_get_sequence(ev), 0);
			/* Control characters shown as visible escapes, the rest
			 * read back as written. */
			ck_assert_str_eq(icalcomponent_get_summary(ev),
					 "Renewal: Evil; Corp, \\ Ltd\\x1b[31m\\r\\nBCC: x (CRM-9) 12,345.67");
			ck_assert_int_eq(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
		}
		for (al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT); al;
		     al = icalcomponent_get_next_component(ev, ICAL_VALARM_COMPONENT)) {
			icalproperty *tp = icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY);
			struct icaltriggertype t = icalproperty_get_trigger(tp);
			char want[32];

			ck_assert_int_lt(alarms, 4);
			ck_assert_int_eq(icaldurationtype_as_int(t.duration), -offsets[alarms] * 86400);
			ck_assert_int_eq(icalproperty_get_action(
				icalcomponent_get_first_property(al, ICAL_ACTION_PROPERTY)),
				ICAL_ACTION_DISPLAY);
			snprintf(want, sizeof(want), "T-%d: ", offsets[alarms]);
			ck_assert_msg(!strncmp(text_of(al, ICAL_DESCRIPTION_PROPERTY), want,
					       strlen(want)), "alarm %d: %s", alarms,
				      text_of(al, ICAL_DESCRIPTION_PROPERTY));
			alarms++;
		}
		ck_assert_int_eq(alarms, 4);
		events++;
	}
	ck_assert_int_eq(events, 2);
	ev = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	ck_assert_ptr_nonnull(ev);
	ck_assert_str_eq(icalcomponent_get_uid(ev), "task-7@tend");
	ck_assert_str_eq(icalcomponent_get_summary(ev), "Ask for a case study, please (Alpha)");
	ck_assert_int_eq(icalcomponent_get_due(ev).day, 1);
	ck_assert_int_eq(icalcomponent_get_due(ev).month, 12);
	ck_assert_int_eq(icalcomponent_get_status(ev), ICAL_STATUS_NEEDSACTION);
	ck_assert_int_eq(icalproperty_get_priority(
		icalcomponent_get_first_property(ev, ICAL_PRIORITY_PROPERTY)), 3);
	ck_assert_str_eq(text_of(ev, ICAL_RELATEDTO_PROPERTY), "renewal-1@tend");
	ck_assert_ptr_null(icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT));
	icalcomponent_free(cal);
	free(text);
}
END_TEST

START_TEST(test_cadence_states)
{
	struct cadence c;
	int32_t due = day("2027-01-15"), today = day("2026-11-23");
	const char *why;

	cadence_default(&c);
	/* T-120 is 2026-09-17: on time on the day, late the day after. */
	ck_assert_int_eq(cadence_judge(&c, CAD_T120, due, day("2026-09-17"), today), CAD_ON_TIME);
	ck_assert_int_eq(cadence_judge(&c, CAD_T120, due, day("2026-09-18"), today), CAD_LATE);
	/* T-60 (2026-11-16) passed with nothing: missing; T-30 still ahead. */
	ck_assert_int_eq(cadence_judge(&c, CAD_T60, due, CADENCE_NONE, today), CAD_MISSING);
	ck_assert_int_eq(cadence_judge(&c, CAD_T30, due, CADENCE_NONE, today), CAD_PENDING);
	ck_assert_int_eq(cadence_judge(&c, CAD_T30, due, CADENCE_NONE, day("2026-12-16")), CAD_PENDING);
	ck_assert_int_eq(cadence_judge(&c, CAD_T30, due, CADENCE_NONE, day("2026-12-17")), CAD_MISSING);
	ck_assert_int_eq(cadence_open(&c, due), day("2026-07-19"));
	ck_assert(cadence_parse("180,120,60,14", &c, &why));
	ck_assert_int_eq(c.offset[0], 180);
	ck_assert(!cadence_parse("120,90,90,30", &c, &why));
	ck_assert(!cadence_parse("120,90,60", &c, &why));
	ck_assert(!cadence_parse("120,90,60,30,", &c, &why));
	ck_assert_int_eq(c.offset[0], 180);   /* unchanged by a refusal */
	ck_assert_int_eq(renewal_window_of(day("2026-11-22"), today), RW_OVERDUE);
	ck_assert_int_eq(renewal_window_of(day("2026-12-23"), today), RW_30);
	ck_assert_int_eq(renewal_window_of(day("2026-12-24"), today), RW_60);
	ck_assert_int_eq(renewal_window_of(day("2027-03-23"), today), RW_120);
}
END_TEST

START_TEST(test_calendar_grid)
{
	int32_t from, to;

	/* January 2027 starts on a Friday: Monday weeks open on 28 December. */
	ck_assert_int_eq(cal_grid_start(day("2027-01-20"), WEEK_MONDAY), day("2026-12-28"));
	ck_assert_int_eq(cal_grid_start(day("2027-01-20"), WEEK_SUNDAY), day("2026-12-27"));
	ck_assert_int_eq(cal_grid_weeks(day("2027-01-20"), WEEK_MONDAY), 5);
	/* February 2026 fills four Sunday-first weeks exactly; 2028 has a 29th. */
	ck_assert_int_eq(cal_grid_weeks(day("2026-02-10"), WEEK_SUNDAY), 4);
	ck_assert_int_eq(cal_grid_weeks(day("2028-02-10"), WEEK_MONDAY), 5);
	ck_assert_int_eq(cal_grid_start(day("2028-02-29"), WEEK_SATURDAY), day("2028-01-29"));
	ck_assert_int_eq(cal_quarter_start(day("2028-02-29")), day("2028-01-01"));
	ck_assert_int_eq(cal_quarter_of(day("2026-12-31")), 4);
	ck_assert(cal_parse_quarter("2026Q4", &from, &to));
	ck_assert_int_eq(from, day("2026-10-01"));
	ck_assert_int_eq(to, day("2027-01-01"));
	ck_assert(!cal_parse_quarter("2026Q5", &from, &to));
	ck_assert(!cal_parse_quarter("2026Q4x", &from, &to));
	ck_assert_int_eq(renewal_next_due(day("2028-02-29"), 12), day("2029-02-28"));
	ck_assert_int_eq(renewal_next_due(day("2027-12-31"), 12), day("2028-12-31"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("renewal_ics");
	TCase *tc = tcase_create("ics");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_events_read_back);
	tcase_add_test(tc, test_cadence_states);
	tcase_add_test(tc, test_calendar_grid);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
