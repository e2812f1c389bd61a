/*
 * health_run.c -- recomputing the book's health (see health_run.h).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/json.h"
#include "core/xalloc.h"
#include "app/health_run.h"
#include "app/health_view.h"
#include "domain/model.h"
#include "domain/score.h"
#include "store/account_facts.h"
#include "store/entity.h"
#include "store/facts.h"
#include "store/health.h"
#include "store/row.h"
#include "store/wtx.h"

struct run {
	struct store *s;
	struct wtx *t;
	const struct scorecard_set *set;
	struct health_run *out;
	struct err *e;
	struct row snap, cur;
	struct buf json, trend, ratings, vals;
	char date[DATE_STRLEN];
	struct override_row *ov;     /* overrides in force, by account id */
	char **ov_band;
	size_t nov, cap, next;
	bool replacing;              /* the day may already have snapshots */
	bool keep_facts;             /* store each account's facts (health_run.h) */
	long facts_put;              /* accounts whose facts were stored */
	enum status st;
};

static int
keep_override(void *ctx, const struct override_row *o)
{
	struct run *r = ctx;

	/* In account order, newest first: the first of each account wins. */
	if (r->nov && r->ov[r->nov - 1].account_id == o->account_id)
		return 0;
	if (r->nov == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->ov = xreallocarray(r->ov, r->cap, sizeof(*r->ov));
		r->ov_band = xreallocarray(r->ov_band, r->cap, sizeof(*r->ov_band));
	}
	r->ov[r->nov].account_id = o->account_id;
	r->ov_band[r->nov] = xstrdup(o->band);
	r->nov++;
	return 0;
}

/* The override in force for id; facts arrive in id order. */
static const char *
override_for(struct run *r, int64_t id)
{
	while (r->next < r->nov && r->ov[r->next].account_id < id)
		r->next++;
	return r->next < r->nov && r->ov[r->next].account_id == id ? r->ov_band[r->next] : NULL;
}

/* A measure's value in at most 5 characters, for a heatmap cell. */
static void
cell_value(struct buf *b, const struct fact_def *d, const struct fact_value *v)
{
	double x;

	if (!d || !v || !v->known) {
		buf_adds(b, "-");
		return;
	}
	x = v->num;
	switch (d->kind) {
	case FK_RATIO: buf_addf(b, "%.0f%%", fabs(x) < 99.995 ? x * 100 : x > 0 ? 9999 : -999); break;
	case FK_DAYS: buf_addf(b, "%.0fd", fabs(x) < 9999 ? x : x > 0 ? 9999 : -999); break;
	case FK_COUNT: buf_addf(b, "%.0f", fabs(x) < 99999 ? x : 99999); break;
	case FK_FLAG: buf_adds(b, x != 0 ? "yes" : "no"); break;
	case FK_LABEL: buf_addf(b, "%.5s", v->label); break;
	case FK_MONEY: buf_addf(b, "%.0fk", x / 100000); break;
	case FK_NUMBER:
		if (fabs(x) >= 100)
			buf_addf(b, "%.0f", fabs(x) < 99999 ? x : 99999);
		else
			buf_addf(b, "%.1f", x);
		break;
	}
}

/* {"measure": {"value": v, "rating": r}, ...}, and the rating string. */
static void
measures(struct run *r, const struct scorecard *sc, const struct fact_row *f, const struct score_result *res)
{
	buf_reset(&r->json);
	buf_reset(&r->ratings);
	buf_reset(&r->vals);
	buf_addc(&r->json, '{');
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct fact_value *v = m->fact >= 0 ? &f->v[m->fact] : NULL;

		if (i)
			buf_addc(&r->json, ',');
		json_escape(&r->json, m->id);
		buf_adds(&r->json, ":{\"value\":");
		if (!v || !v->known)
			buf_adds(&r->json, "null");
		else if (v->label)
			json_escape(&r->json, v->label);
		else if (v->num == floor(v->num) && fabs(v->num) < 1e15)
			buf_addf(&r->json, "%lld", (long long)v->num);
		else
			buf_addf(&r->json, "%.4f", v->num);
		if (i)
			buf_addc(&r->vals, '|');
		cell_value(&r->vals, m->fact >= 0 ? &fact_defs[m->fact] : NULL, v);
		if (res->m[i].rated) {
			buf_addf(&r->json, ",\"rating\":%d}", res->m[i].rating);
			buf_addc(&r->ratings, (char)('0' + res->m[i].rating));
		} else {
			buf_adds(&r->json, ",\"rating\":null}");
			buf_addc(&r->ratings, '-');
		}
	}
	buf_addc(&r->json, '}');
}

/* The last HEALTH_TREND_POINTS scores: today's replaces a same-day one. */
static void
trend(struct run *r, const char *prev, bool same_day, bool known, double score)
{
	const char *p = prev;
	int n = 0, keep;

	for (const char *q = prev; *q; q++)
		n += *q == ',';
	n += *prev != '\0';
	if (same_day && n)
		n--;
	keep = n >= HEALTH_TREND_POINTS ? HEALTH_TREND_POINTS - 1 : n;
	for (int skip = n - keep; skip > 0 && p; skip--)
		p = (p = strchr(p, ',')) ? p + 1 : NULL;
	buf_reset(&r->trend);
	for (int i = 0; i < keep && p; i++) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		buf_add(&r->trend, p, len);
		buf_addc(&r->trend, ',');
		p = end ? end + 1 : NULL;
	}
	if (known)
		buf_addf(&r->trend, "%.3f", score);
	else
		buf_adds(&r->trend, "-");
}

static enum status
put_facts(struct run *r, const struct fact_row *f)
{
	if (!r->keep_facts)
		return ST_OK;
	r->facts_put++;
	return store_account_facts_put(r->t, f, r->e);
}

/* Store the facts a playbook will read once this run is committed: f, with
 * the health facts of the account's snapshot as this run leaves it (score
 * and band shown; none when it has none) and the manual ratings in force
 * under that band (fact_manual_fresh). */
static enum status
store_facts(struct run *r, const struct fact_row *f, bool has_band, bool known, double score,
	    const char *band)
{
	struct fact_row after = *f;
	struct fact_value *v = after.v;
	static const int manual[2] = { FACT_FINANCIAL_RATING, FACT_CSM_SENTIMENT };

	v[FACT_HEALTH_SCORE] = (struct fact_value){ .known = known, .num = known ? score : 0 };
	v[FACT_HEALTH_BAND] = (struct fact_value){ .known = has_band, .label = has_band ? band : NULL };
	v[FACT_HEALTH_CHANGE_30D] = (struct fact_value){ 0 };
	if (known && v[FACT_HEALTH_SCORE_30D].known)
		v[FACT_HEALTH_CHANGE_30D] = (struct fact_value){
			.known = true, .num = score - v[FACT_HEALTH_SCORE_30D].num };
	for (int k = 0; k < 2; k++) {
		bool fresh = fact_manual_fresh(f->manual_age[k], has_band ? band : NULL);

		v[manual[k]] = (struct fact_value){ .known = fresh, .num = fresh ? f->manual_value[k] : 0 };
	}
	return put_facts(r, &after);
}

/* Drop what an earlier run left today for an account no longer scored,
 * and store its facts. */
static enum status
forget(struct run *r, const struct fact_row *f)
{
	char date[DATE_STRLEN], prev[256];
	int64_t account = f->account_id, id;
	bool found, known;
	double score;

	if (!r->replacing)
		return put_facts(r, f);
	if (store_snapshot_id(r->s, account, r->date, &found, &id, r->e))
		return r->e->status;
	if (!found) {
		if (put_facts(r, f))
			return r->e->status;
	} else if (wtx_delete(r->t, &entity_health_snapshot, id, r->e) ||
		   store_snapshot_latest(r->s, account, r->date, &found, &known, &score, prev,
					 sizeof(prev), r->e) ||
		   store_facts(r, f, found, known, score, prev)) {
		return r->e->status;
	}
	if (store_account_health_prev(r->s, account, &found, &id, date, prev, sizeof(prev), r->e) ||
	    (found && !strcmp(date, r->date) && wtx_delete(r->t, &entity_account_health, id, r->e)))
		return r->e->status;
	return ST_OK;
}

static enum status
write_snapshot(struct run *r, const struct scorecard *sc, const struct fact_row *f,
	       const struct score_result *res, const char *ob)
{
	bool found = false;
	int64_t id;

	row_reset(&r->snap);
	row_int(&r->snap, "account", f->account_id);
	row_text(&r->snap, "date", r->date);
	row_text(&r->snap, "scorecard", sc->name);
	row_int(&r->snap, "scale", sc->scale);
	if (res->known)
		row_real(&r->snap, "score", res->score);
	else
		row_null(&r->snap, "score");
	row_text(&r->snap, "band", res->band);
	if (res->outcomes_known)
		row_real(&r->snap, "outcomes", res->outcomes);
	else
		row_null(&r->snap, "outcomes");
	if (res->experience_known)
		row_real(&r->snap, "experience", res->experience);
	else
		row_null(&r->snap, "experience");
	row_int(&r->snap, "false_positive", res->false_positive);
	row_text(&r->snap, "override_band", ob);
	row_text(&r->snap, "measures", r->json.data);
	if (r->replacing && store_snapshot_id(r->s, f->account_id, r->date, &found, &id, r->e))
		return r->e->status;
	return found ? wtx_update(r->t, &r->snap, id, r->e) : wtx_insert(r->t, &r->snap, NULL, r->e);
}

static enum status
write_current(struct run *r, const struct scorecard *sc, const struct fact_row *f,
	      const struct score_result *res, const char *ob)
{
	char date[DATE_STRLEN], prev[256];
	bool found;
	int64_t id;

	if (store_account_health_prev(r->s, f->account_id, &found, &id, date, prev, sizeof(prev), r->e))
		return r->e->status;
	/* A run for an earlier day fills in history; the current health stays. */
	if (found && strcmp(date, r->date) > 0)
		return ST_OK;
	trend(r, found ? prev : "", found && !strcmp(date, r->date), res->known, res->score);
	row_reset(&r->cur);
	row_int(&r->cur, "account", f->account_id);
	row_text(&r->cur, "date", r->date);
	row_text(&r->cur, "scorecard", sc->name);
	row_int(&r->cur, "scale", sc->scale);
	if (res->known)
		row_real(&r->cur, "score", res->score);
	else
		row_null(&r->cur, "score");
	row_text(&r->cur, "band", ob ? ob : res->band);
	row_text(&r->cur, "computed_band", res->band);
	row_int(&r->cur, "overridden", ob != NULL);
	if (res->outcomes_known)
		row_real(&r->cur, "outcomes", res->outcomes);
	else
		row_null(&r->cur, "outcomes");
	if (res->experience_known)
		row_real(&r->cur, "experience", res->experience);
	else
		row_null(&r->cur, "experience");
	row_int(&r->cur, "false_positive", res->false_positive);
	row_text(&r->cur, "ratings", r->ratings.data);
	row_text(&r->cur, "vals", r->vals.data);
	row_text(&r->cur, "trend", r->trend.data);
	return found ? wtx_update(r->t, &r->cur, id, r->e) : wtx_insert(r->t, &r->cur, NULL, r->e);
}

static int
one(void *ctx, const struct fact_row *f)
{
	struct run *r = ctx;
	struct score_result res;
	const struct scorecard *sc = health_score(r->set, f, &res);
	const char *ob;

	r->out->total++;
	/* Churned customers have no health to manage; they keep their history. */
	if ((f->v[FACT_STAGE].label && !strcmp(f->v[FACT_STAGE].label, "churned")) || !sc) {
		if (sc)
			r->out->churned++;
		else
			r->out->unscored++;
		return (r->st = forget(r, f)) != ST_OK;
	}
	ob = override_for(r, f->account_id);
	measures(r, sc, f, &res);
	if ((r->st = write_snapshot(r, sc, f, &res, ob)) || (r->st = write_current(r, sc, f, &res, ob)) ||
	    (r->st = store_facts(r, f, true, res.known, res.score, ob ? ob : res.band)))
		return 1;
	r->out->scored++;
	for (int b = 0; b < 6; b++)
		if (!strcmp(band_names[b], ob ? ob : res.band))
			r->out->counts[b]++;
	r->out->false_positive += res.false_positive;
	r->out->overridden += ob != NULL;
	return 0;
}

static void
run_init(struct run *r, struct store *s, const struct scorecard_set *set, int32_t day,
	 struct health_run *out, struct err *e)
{
	*r = (struct run){ .s = s, .set = set, .out = out, .e = e };
	memset(out, 0, sizeof(*out));
	date_format(day, r->date);
	row_init(&r->snap, &entity_health_snapshot);
	row_init(&r->cur, &entity_account_health);
	buf_init(&r->json);
	buf_init(&r->trend);
	buf_init(&r->ratings);
	buf_init(&r->vals);
}

static void
forget_overrides(struct run *r)
{
	for (size_t i = 0; i < r->nov; i++)
		free(r->ov_band[i]);
	r->nov = r->next = 0;
}

static void
run_done(struct run *r)
{
	forget_overrides(r);
	free(r->ov_band);
	free(r->ov);
	row_done(&r->snap);
	row_done(&r->cur);
	buf_done(&r->json);
	buf_done(&r->trend);
	buf_done(&r->ratings);
	buf_done(&r->vals);
}

enum status
health_run_accounts(struct store *s, struct wtx *t, const struct scorecard_set *set, int32_t day,
		    const int64_t *ids, size_t n, struct err *e)
{
	struct health_run out;
	struct run r;
	enum status st;

	run_init(&r, s, set, day, &out, e);
	r.t = t;
	r.replacing = true;   /* each account's day is looked up */
	st = store_account_facts_as_of(s, day, &r.keep_facts, e);
	for (size_t i = 0; i < n && !st; i++) {
		forget_overrides(&r);
		if (!(st = store_overrides_each(s, day, ids[i], keep_override, &r, e)) &&
		    !(st = store_facts_each(s, day, ids[i], one, &r, e)))
			st = r.st;
	}
	run_done(&r);
	return st;
}

enum status
health_run_recompute(struct store *s, const struct scorecard_set *set, int32_t day,
		     struct health_run *out, struct err *e)
{
	struct run r;
	char latest[DATE_STRLEN];
	enum status st;

	run_init(&r, s, set, day, out, e);
	r.keep_facts = true;
	st = store_overrides_each(s, day, 0, keep_override, &r, e);
	if (!st && !(st = store_health_latest_date(s, day, latest, e)))
		r.replacing = !strcmp(latest, r.date);
	if (!st && !(st = wtx_begin(s, "health recompute", WTX_BULK, &r.t, e))) {
		wtx_no_journal(r.t);
		st = store_account_facts_begin(r.t, day, e);
		if (!st)
			st = store_facts_each(s, day, 0, one, &r, e);
		if (!st)
			st = r.st;
		/* Stored facts replace rows in place: every account needs its own. */
		if (!st && r.facts_put != out->total)
			st = err_set(e, ST_SOFTWARE, "internal: facts stored for %ld of %ld accounts",
				     r.facts_put, out->total);
		if (st)
			wtx_abort(r.t);
		else
			st = wtx_commit(r.t, e);
	}
	run_done(&r);
	return st;
}
