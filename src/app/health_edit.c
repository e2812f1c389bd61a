/*
 * health_edit.c -- overrides, manual ratings and calibration of health
 * scoring, each one action through the write path (see health_edit.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/health_edit.h"
#include "core/date.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "domain/score.h"
#include "store/entity.h"
#include "store/facts.h"
#include "store/health.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

/* The user id of login, or 0 when login is not a user of the book. */
static int64_t
author_id(struct store *s, const char *login)
{
	struct err ignore = { ST_OK, "" };
	int64_t id = 0;

	if (!login || store_user_id(s, login, &id, &ignore))
		return 0;
	return id;
}

/* -- override --------------------------------------------------------------- */

static enum status
check_override(const struct health_override_input *in, int32_t from, struct err *e)
{
	if (!in->band)
		return err_set(e, ST_USAGE, "band: an override names the band to show");
	if (!strcmp(in->band, "unknown"))
		return err_set(e, ST_USAGE, "band: an override names a real band, not unknown");
	if (names_lookup(override_band_names, in->band) < 0)
		return err_set(e, ST_USAGE, "band: '%s' is not red, orange, yellow, lightgreen "
			       "or green", in->band);
	if (!in->reason || !*in->reason)
		return err_set(e, ST_USAGE, "reason: say why the computed band is wrong");
	if (in->until < from)
		return err_set(e, ST_USAGE, "until is before the override starts");
	return ST_OK;
}

/* The account's override in force on a day, if any. */
struct in_force {
	bool found;
	int64_t id;
	int32_t start;
};

static int
keep_in_force(void *ctx, const struct override_row *o)
{
	struct in_force *x = ctx;

	x->found = true;
	x->id = o->id;
	if (!date_parse(o->starts_on, &x->start))
		x->start = INT32_MIN;
	return 1;   /* one per account */
}

enum status
health_edit_override(struct store *s, const char *login, const struct health_override_input *in,
		     bool *replaced, struct err *e)
{
	int32_t from_day = in->from_set ? in->from : store_clock(s)->today;
	char from[DATE_STRLEN], until[DATE_STRLEN];
	struct in_force now = { .found = false };
	int64_t author, id;
	struct wtx *t;
	struct row r;
	bool found;
	enum status st;

	if (replaced)
		*replaced = false;
	if ((st = check_override(in, from_day, e)))
		return st;
	author = author_id(s, login);
	row_init(&r, &entity_health_override);
	row_int(&r, "account", in->account_id);
	row_text(&r, "band", in->band);
	row_text(&r, "reason", in->reason);
	row_text(&r, "starts_on", date_format(from_day, from));
	row_text(&r, "until", date_format(in->until, until));
	if (author)
		row_int(&r, "author", author);
	else
		row_null(&r, "author");
	/* One override per account (a unique index says so): a new one
	 * replaces the account's row, whatever it held, as an update. */
	if (!(st = store_overrides_each(s, store_clock(s)->today, in->account_id, keep_in_force, &now,
					e)) &&
	    !(st = store_override_id(s, in->account_id, &found, &id, e)) &&
	    !(st = wtx_begin(s, "health override", WTX_AUDIT_ROWS, &t, e))) {
		st = found ? wtx_update(t, &r, id, e) : wtx_insert(t, &r, NULL, e);
		if (st)
			wtx_abort(t);
		else
			st = wtx_commit(t, e);
	}
	row_done(&r);
	if (!st && replaced)
		*replaced = now.found;
	return st;
}

/* -- clear ------------------------------------------------------------------ */

enum status
health_edit_clear(struct store *s, int64_t account_id, int *cleared, struct err *e)
{
	int32_t today = store_clock(s)->today;
	char yesterday[DATE_STRLEN];
	struct in_force x = { .found = false };
	struct wtx *t;
	struct row r;
	enum status st;

	*cleared = 0;
	if ((st = store_overrides_each(s, today, account_id, keep_in_force, &x, e)))
		return st;
	if (!x.found)
		return ST_OK;
	if ((st = wtx_begin(s, "health override clear", WTX_AUDIT_ROWS, &t, e)))
		return st;
	/* One that starts today never was; one in force since earlier ended
	 * yesterday, and stays as the record of it. */
	if (x.start >= today) {
		st = wtx_delete(t, &entity_health_override, x.id, e);
	} else {
		row_init(&r, &entity_health_override);
		row_text(&r, "until", date_format(today - 1, yesterday));
		st = wtx_update(t, &r, x.id, e);
		row_done(&r);
	}
	if (st) {
		wtx_abort(t);
		return st;
	}
	if ((st = wtx_commit(t, e)))
		return st;
	*cleared = 1;
	return ST_OK;
}

/* -- rate ------------------------------------------------------------------- */

int
health_edit_rating_max(const char *fact)
{
	if (!fact || names_lookup(manual_fact_names, fact) < 0)
		return 0;
	return !strcmp(fact, "financial_rating") ? 3 : 5;
}

enum status
health_edit_rate(struct store *s, const char *login, const struct health_rating_input *in,
		 struct err *e)
{
	int max = health_edit_rating_max(in->fact);
	char today[DATE_STRLEN];
	int64_t author;
	struct row r;
	enum status st;

	if (!max)
		return err_set(e, ST_USAGE, "fact: '%s' is not a manual fact (financial_rating "
			       "or csm_sentiment)", in->fact ? in->fact : "");
	if (in->value < 1 || in->value > max)
		return err_set(e, ST_USAGE, "value: %s is rated from 1 to %d", in->fact, max);
	author = author_id(s, login);
	row_init(&r, &entity_health_input);
	row_int(&r, "account", in->account_id);
	row_text(&r, "fact", in->fact);
	row_real(&r, "value", (double)in->value);
	row_text(&r, "date", date_format(store_clock(s)->today, today));
	if (in->note)
		row_text(&r, "note", in->note);
	if (author)
		row_int(&r, "author", author);
	st = wtx_insert_one(s, "health rate", &r, NULL, e);
	row_done(&r);
	return st;
}

/* -- calibrate -------------------------------------------------------------- */

/* The values of one measure across the accounts its scorecard covers. */
struct calib {
	const struct scorecard *sc;
	int measure;
	double *values;
	int n, cap;
};

static int
collect_value(void *ctx, const struct fact_row *f)
{
	struct calib *k = ctx;
	const struct sc_measure *m = &k->sc->measures[k->measure];

	if (!scorecard_applies(k->sc, f->v[FACT_SEGMENT].label) || !f->v[m->fact].known)
		return 0;
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 1024;
		k->values = xreallocarray(k->values, (size_t)k->cap, sizeof(double));
	}
	k->values[k->n++] = f->v[m->fact].num;
	return 0;
}

/* Write measure i's cut points (replacing its calibration) within t. */
static enum status
calibrate_measure(struct store *s, struct wtx *t, const struct scorecard *sc, int i,
		  health_calibration_fn report, void *ctx, struct err *e)
{
	int32_t today = store_clock(s)->today;
	struct health_calibration out = { .sc = sc, .m = &sc->measures[i] };
	struct calib k = { .sc = sc, .measure = i };
	char day[DATE_STRLEN], json[256];
	double cuts[4];
	size_t used = 0;
	struct row r;
	bool found;
	int64_t id;
	enum status st;

	if ((st = store_facts_each(s, today, 0, collect_value, &k, e)))
		goto out;
	out.accounts = k.n;
	if (k.n < sc->scale) {
		if (report)
			report(ctx, &out);
		goto out;
	}
	score_quantiles(k.values, k.n, sc->scale, out.m->lower_is_better, cuts);
	used += (size_t)snprintf(json, sizeof(json), "[");
	for (int q = 0; q < sc->scale - 1; q++)
		used += (size_t)snprintf(json + used, sizeof(json) - used, "%s%.6g", q ? ", " : "",
					 cuts[q]);
	snprintf(json + used, sizeof(json) - used, "]");
	if ((st = store_calibration_id(s, sc->name, out.m->id, &found, &id, e)))
		goto out;
	row_init(&r, &entity_calibration);
	row_text(&r, "scorecard", sc->name);
	row_text(&r, "measure", out.m->id);
	row_text(&r, "cut_points", json);
	row_int(&r, "accounts", k.n);
	row_text(&r, "calibrated_on", date_format(today, day));
	st = found ? wtx_update(t, &r, id, e) : wtx_insert(t, &r, NULL, e);
	row_done(&r);
	if (!st && report) {
		out.calibrated = true;
		out.cut_points = json;
		out.ties = cuts[0] == cuts[sc->scale - 2];
		report(ctx, &out);
	}
out:
	free(k.values);
	return st;
}

enum status
health_edit_calibrate(struct store *s, const struct scorecard_set *set,
		      health_calibration_fn report, void *ctx, int *measures, struct err *e)
{
	struct wtx *t;
	enum status st;

	*measures = 0;
	if ((st = wtx_begin(s, "health calibrate", WTX_AUDIT_ROWS, &t, e)))
		return st;
	for (int i = 0; i < set->n && !st; i++)
		for (int k = 0; k < set->sc[i]->nmeasures && !st; k++)
			if (set->sc[i]->measures[k].quantile) {
				st = calibrate_measure(s, t, set->sc[i], k, report, ctx, e);
				(*measures)++;
			}
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}
