/*
 * pane_calendar_work.c -- working the renewal selected in the calendar
 * (calendar_pane.h): its forecast category and stage from a menu, a
 * cadence step logged as done today, and closing it -- the final ARR on
 * the command line, a reason code from a menu for a loss or a downsell.
 * Each is one use case of app/renewal.h, one change that `u` takes back;
 * the status line says what it did (the next term's due date, or the
 * account churned with its tasks and risks).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/renewal.h"
#include "core/date.h"
#include "core/money.h"
#include "domain/cadence.h"
#include "domain/model.h"
#include "store/store.h"
#include "ui/calendar_pane.h"
#include "ui/ui.h"

static int
wrote(struct pane *p, struct err *e, enum status st, const char *what)
{
	if (st) {
		ui_message(p->ui, TH_ERROR, "%s", e->msg);
		return ACT_DRAW;
	}
	ui_message(p->ui, TH_OK, "%s", what);
	return ACT_RELOAD | ACT_WROTE | ACT_TABS;
}

static int
work_set(struct pane *p, const struct cal_item *it, const char *title,
	 const char *const *choices, bool stage)
{
	struct renewal_set_input in = { .forecast = -1 };
	struct err e = { ST_OK, "" };
	char what[120];
	bool changed = false;
	int pick;
	enum status st;

	if (!it)
		return ACT_DRAW;
	if ((pick = ui_menu(p->ui, title, choices)) < 0)
		return ACT_DRAW;
	in.renewal_id = it->id;
	in.login = p->ui->opts->login;
	if (stage)
		in.stage = choices[pick];
	else
		in.category = choices[pick];
	st = renewal_set(p->ui->store, &in, &changed, &e);
	snprintf(what, sizeof(what), "renewal #%lld: %s %s%s", (long long)it->id,
		 stage ? "stage" : "forecast", choices[pick], changed ? "" : " (unchanged)");
	return wrote(p, &e, st, what);
}

int
cal_work_forecast(struct pane *p, const struct cal_item *it)
{
	static const char *const cats[] = { "commit", "likely", "at_risk", NULL };

	return work_set(p, it, "Forecast category", cats, false);
}

int
cal_work_stage(struct pane *p, const struct cal_item *it)
{
	static const char *const stages[] = { "not_started", "in_progress", "negotiating", NULL };

	return work_set(p, it, "Renewal stage", stages, true);
}

int
cal_work_step(struct pane *p, const struct cal_item *it)
{
	static const char *const labels[] = { "t120: renewal list validated, EBR held",
		"t90: handshake #3 to the RM, discussion started", "t60: price negotiation started",
		"t30: scope and price agreed", NULL };
	struct err e = { ST_OK, "" };
	char what[120];
	int pick;
	enum status st;

	if (!it || (pick = ui_menu(p->ui, "Log a cadence step, done today", labels)) < 0)
		return ACT_DRAW;
	st = renewal_step(p->ui->store, it->id, cadence_step_names[pick],
			  store_clock(p->ui->store)->today, NULL, p->ui->opts->login, NULL, &e);
	snprintf(what, sizeof(what), "renewal #%lld: step %s logged", (long long)it->id,
		 cadence_step_names[pick]);
	return wrote(p, &e, st, what);
}

int
cal_work_close(struct pane *p, const struct cal_item *it)
{
	struct renewal_close_input in = { 0 };
	struct renewal_close_result r;
	struct err e = { ST_OK, "" };
	char initial[32], what[200], due[DATE_STRLEN], m[32];
	const char *why = NULL, *reasons[16];
	char *text;
	int64_t final;
	int pick, n = 0;
	enum status st;

	if (!it)
		return ACT_DRAW;
	money_format(it->forecast >= 0 ? it->forecast : it->target, initial);
	text = ui_read_line(p->ui, "Close: final ARR (0 = lost): ", initial, NULL, NULL, NULL);
	if (!text)
		return ACT_DRAW;
	if (!money_parse(text, &final, &why) || final < 0) {
		ui_message(p->ui, TH_ERROR, "'%s' is not an amount of zero or more", text);
		free(text);
		return ACT_DRAW;
	}
	free(text);
	in.renewal_id = it->id;
	in.final = final;
	in.closed = store_clock(p->ui->store)->today;
	in.login = p->ui->opts->login;
	if (final < it->target) {   /* lost or downsold: why (required when lost) */
		if (final > 0)
			reasons[n++] = "(no reason)";
		for (int i = 0; churn_reason_names[i] && n < 15; i++)
			reasons[n++] = churn_reason_names[i];
		reasons[n] = NULL;
		if ((pick = ui_menu(p->ui, final ? "Why the downsell" : "Why it was lost", reasons)) < 0)
			return ACT_DRAW;
		in.reason = final > 0 && pick == 0 ? NULL : reasons[pick];
	}
	st = renewal_close(p->ui->store, &in, &r, &e);
	if (!st) {
		if (r.next_id)
			snprintf(what, sizeof(what), "renewal #%lld won at %s; next term #%lld due %s",
				 (long long)it->id, money_format_grouped(final, true, m),
				 (long long)r.next_id, date_format(r.next_due, due));
		else
			snprintf(what, sizeof(what), "renewal #%lld lost%s; %zu task%s cancelled, %zu risk%s closed",
				 (long long)it->id, r.churned ? ", account churned" : "",
				 r.tasks_cancelled, r.tasks_cancelled == 1 ? "" : "s", r.risks_closed,
				 r.risks_closed == 1 ? "" : "s");
		renewal_close_result_done(&r);
	}
	return wrote(p, &e, st, what);
}
