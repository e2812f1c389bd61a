/*
 * renewals_ics.c -- the pipeline as an iCalendar file (RFC 5545), built
 * with libical so the folding of long lines, the escaping of text (commas,
 * semicolons, backslashes, newlines) and the property syntax are the
 * library's, not ours.
 *
 * One all-day VEVENT per renewal on its due date:
 *   UID       renewal-ID@tend: the renewal's id, which never changes, so a
 *             calendar that imports the file again updates the event;
 *   SEQUENCE  the renewal's audited changes and logged steps: it grows
 *             with every change made through tend, so calendars take the
 *             newer copy;
 *   SUMMARY   "Renewal: NAME (EXTERNAL_ID) TARGET";
 *   DESCRIPTION  owner, forecast, stage, ARR and each cadence step's state;
 *   CATEGORIES   the forecast category; STATUS CONFIRMED (commit),
 *             TENTATIVE, or CANCELLED (lost);
 *   VALARM    one DISPLAY alarm per cadence step, triggered its offset
 *             before the start (TRIGGER:-P120D).
 * DTSTAMP is the wall clock (pinned by TEND_CLOCK in tests).
 * With --todos, each open task of those accounts is a VTODO (UID
 * task-ID@tend, DUE its due date, PRIORITY from its priority, RELATED-TO
 * the account's renewal).
 * Text from the book is shown as the screen shows it (controls, bidi and
 * invisible characters as visible escapes: RFC 5545 allows no controls but
 * tab in TEXT) before libical escapes it.
 */
#include "config.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/output.h"
#include "cli/renewals_cmd.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/text.h"

/* s as the screen shows it, into b: controls, bidi and invisible
 * characters become visible escapes (core/text.c), so a calendar
 * application shows a hostile name inert, and the file is safe to cat. */
static const char *
ics_clean(struct buf *b, const char *s)
{
	buf_reset(b);
	text_sanitize(b, s ? s : "", s ? strlen(s) : 0, TEXT_ONE_LINE);
	return b->data ? b->data : "";
}

static struct icaltimetype
ics_date(int32_t day)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	t.is_date = 1;
	return t;
}

static void
ics_alarms(icalcomponent *ev, const struct cadence *cad, const char *name)
{
	for (int k = 0; k < CADENCE_STEPS; k++) {
		icalcomponent *al = icalcomponent_new_valarm();
		struct icaltriggertype trig = { 0 };
		char text[800];

		trig.time = icaltime_null_time();
		trig.duration = icaldurationtype_from_int(-cad->offset[k] * 86400);
		snprintf(text, sizeof(text), "T-%d: %s -- %s", cad->offset[k], cadence_step_help[k],
			 name);
		icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(al, icalproperty_new_trigger(trig));
		icalcomponent_add_property(al, icalproperty_new_description(text));
		icalcomponent_add_component(ev, al);
	}
}

static void
ics_description(struct buf *d, const struct renewal_line *l, const struct cadence *cad,
		int32_t today)
{
	struct buf owner;
	char m[32];

	buf_init(&owner);
	buf_addf(d, "Owner: %s\n", l->owner ? ics_clean(&owner, l->owner) : "pooled");
	buf_done(&owner);
	buf_addf(d, "Target ARR: %s\n", out_money(l->target, m));
	if (l->forecast >= 0)
		buf_addf(d, "Forecast ARR: %s\n", out_money(l->forecast, m));
	buf_addf(d, "Forecast: %s; stage: %s\n", l->category, l->stage);
	buf_addf(d, "Account ARR: %s\n", out_money(l->arr, m));
	for (int k = 0; k < CADENCE_STEPS; k++)
		buf_addf(d, "T-%d %s: %s\n", cad->offset[k], cadence_step_help[k],
			   cadence_state_names[cadence_judge(cad, (enum cadence_step)k, l->due,
							     l->evidence[k], today)]);
}

static icalcomponent *
ics_event(const struct renewal_line *l, const struct cadence *cad, int32_t today,
	  struct icaltimetype stamp)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	struct buf b, d;
	char uid[64], summary[600], m[32];
	const char *name;

	buf_init(&b);
	buf_init(&d);
	snprintf(uid, sizeof(uid), "renewal-%lld@tend", (long long)l->id);
	name = ics_clean(&b, l->account);
	snprintf(summary, sizeof(summary), "Renewal: %s (%s) %s", name, l->external_id ? l->external_id : "",
		 out_money(l->target, m));
	ics_description(&d, l, cad, today);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(ics_date(l->due)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ics_date(l->due + 1)));
	icalcomponent_add_property(ev, icalproperty_new_sequence((int)l->changes));
	icalcomponent_add_property(ev, icalproperty_new_summary(ics_clean(&b, summary)));
	icalcomponent_add_property(ev, icalproperty_new_description(d.data ? d.data : ""));
	icalcomponent_add_property(ev, icalproperty_new_categories(l->category));
	icalcomponent_add_property(ev, icalproperty_new_status(
		!strcmp(l->category, "lost") ? ICAL_STATUS_CANCELLED
		: !strcmp(l->category, "commit") ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	ics_alarms(ev, cad, summary);
	buf_done(&b);
	buf_done(&d);
	return ev;
}

static icalcomponent *
ics_todo(const struct ics_todo *t, struct icaltimetype stamp)
{
	icalcomponent *td = icalcomponent_new_vtodo();
	char uid[64], related[64], summary[800];
	struct buf b;

	buf_init(&b);
	snprintf(uid, sizeof(uid), "task-%lld@tend", (long long)t->id);
	snprintf(related, sizeof(related), "renewal-%lld@tend", (long long)t->renewal_id);
	snprintf(summary, sizeof(summary), "%s (%s)", t->title, t->account);
	icalcomponent_add_property(td, icalproperty_new_uid(uid));
	icalcomponent_add_property(td, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(td, icalproperty_new_summary(ics_clean(&b, summary)));
	if (t->due != CADENCE_NONE)
		icalcomponent_add_property(td, icalproperty_new_due(ics_date(t->due)));
	icalcomponent_add_property(td, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	icalcomponent_add_property(td, icalproperty_new_priority(t->priority));
	icalcomponent_add_property(td, icalproperty_new_relatedto(related));
	buf_done(&b);
	return td;
}

enum status
renewals_ics(FILE *fp, const struct renewal_lines *rs, const struct ics_todos *todos,
	     const struct cadence *cad, const struct clock *clock, struct err *e)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	struct icaltimetype stamp;
	char iso[32], basic[32], *text;
	size_t n = 0;

	/* DTSTAMP is the wall clock (TEND_CLOCK in tests), in the basic form. */
	clock_stamp(clock, iso, sizeof(iso));
	for (const char *p = iso; *p && n < sizeof(basic) - 1; p++)
		if (*p != '-' && *p != ':')
			basic[n++] = *p;
	basic[n] = '\0';
	stamp = icaltime_from_string(basic);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//tend//renewals " VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	for (size_t i = 0; i < rs->n; i++)
		icalcomponent_add_component(cal, ics_event(&rs->v[i], cad, clock->today, stamp));
	for (size_t i = 0; todos && i < todos->n; i++)
		icalcomponent_add_component(cal, ics_todo(&todos->v[i], stamp));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text)
		return err_set(e, ST_SOFTWARE, "writing the calendar: %s",
			       icalerror_strerror(icalerrno));
	fputs(text, fp);
	free(text);
	if (fflush(fp) || ferror(fp))
		return err_set(e, ST_IOERR, "writing the calendar failed");
	return ST_OK;
}
