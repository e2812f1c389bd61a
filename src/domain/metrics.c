/*
 * metrics.c -- from additive sums to the metrics of doc/model.md sections 4 and
 * 7 (see metrics.h), and the grouping of a book's cells per CSM, segment or
 * team.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/metrics.h"

#define USD(n) ((int64_t)(n) * 100)

/* doc/model.md section 7.  Review windows: a quarter is 92 days (the longest
 * calendar quarter), a half-year 184 days (July to December), so a review
 * held on the same date every quarter or half-year is never counted late. */
const struct metrics_band metrics_bands[SEGMENT_COUNT_] = {
	[SEGMENT_ENTERPRISE] = { 11, 50, USD(2000000), USD(5000000), 92 },
	[SEGMENT_MID_MARKET] = { 100, 250, USD(2000000), USD(5000000), 184 },
	[SEGMENT_SMB] = { 100, 250, USD(1000000), USD(2000000), 92 },
};

const char *const metrics_by_names[] = { "csm", "segment", "team", NULL };

_Static_assert(sizeof(struct metrics_sums) % sizeof(int64_t) == 0,
	       "struct metrics_sums holds nothing but int64_t");

void
metrics_sums_add(struct metrics_sums *to, const struct metrics_sums *from)
{
	/* The struct is nothing but int64_t sums: add it member by member. */
	int64_t *t = (int64_t *)to;
	const int64_t *f = (const int64_t *)from;

	for (size_t i = 0; i < sizeof(*to) / sizeof(int64_t); i++)
		t[i] += f[i];
}

static bool
sums_empty(const struct metrics_sums *s)
{
	static const struct metrics_sums zero;

	return !memcmp(s, &zero, sizeof(zero));
}

static struct metrics_num
ratio(int64_t num, int64_t den)
{
	struct metrics_num r = { false, 0 };

	if (den != 0) {
		r.set = true;
		r.v = (double)num / (double)den;
	}
	return r;
}

void
metrics_not_happened(struct metrics *m)
{
	struct metrics_num none = { 0 };

	m->nrr = m->grr = m->logo_churn = m->revenue_churn = none;
	m->gross_renewal_rate = m->net_renewal_rate = m->on_time_renewal_rate = none;
	m->review_coverage = none;   /* reviews in a window that has not come */
}

void
metrics_compute(const struct metrics_sums *in, struct metrics *out)
{
	const struct metrics_sums *s = in;

	memset(out, 0, sizeof(*out));
	out->sums = *in;
	out->nrr = ratio(s->starting_arr + s->expansion - s->contraction - s->churned_arr,
			 s->starting_arr);
	out->grr = ratio(s->starting_arr - s->contraction - s->churned_arr, s->starting_arr);
	out->logo_churn = ratio(s->churned_accounts, s->cohort_accounts);
	out->revenue_churn = ratio(s->churned_arr, s->starting_arr);
	out->gross_renewal_rate = ratio(s->renewals_gross, s->renewals_due);
	out->net_renewal_rate = ratio(s->renewals_net, s->renewals_due);
	out->on_time_renewal_rate = ratio(s->renewals_on_time, s->renewals);
	out->nps = ratio(100 * (s->nps_promoters - s->nps_detractors), s->nps_responses);
	out->csat = ratio(s->csat_total, s->csat_responses);
	out->csat_satisfied = ratio(s->csat_satisfied, s->csat_responses);
	out->accounts_per_csm = ratio(s->csm_accounts, s->csms);
	if (s->csms > 0) {
		/* Rounded half away from zero, to the cent. */
		int64_t half = s->csms / 2;

		out->arr_per_csm.set = true;
		out->arr_per_csm.v = s->csm_arr >= 0 ? (s->csm_arr + half) / s->csms
						     : -((-s->csm_arr + half) / s->csms);
	}
	out->review_coverage = ratio(s->reviews_current, s->review_accounts);
	out->reviews_overdue = s->review_accounts - s->reviews_current;
	out->proactive_share = ratio(s->proactive, s->touchpoints);
}

bool
metrics_outside_band(enum segment seg, int64_t accounts, int64_t arr)
{
	const struct metrics_band *b = &metrics_bands[seg];

	return accounts < b->accounts_min || accounts > b->accounts_max || arr < b->arr_min ||
	       arr > b->arr_max;
}

void
metrics_book_init(struct metrics_book *b, int32_t t0, int32_t t1, bool grouped,
		  struct metrics_user *users, size_t nusers)
{
	memset(b, 0, sizeof(*b));
	b->t0 = t0;
	b->t1 = t1;
	b->grouped = grouped;
	b->users = users;
	b->nusers = nusers;
	b->cells = xcalloc((nusers + 1) * SEGMENT_COUNT_, sizeof(*b->cells));
}

void
metrics_book_done(struct metrics_book *b)
{
	for (size_t i = 0; i < b->nusers; i++) {
		free(b->users[i].login);
		free(b->users[i].team);
	}
	free(b->users);
	free(b->cells);
	memset(b, 0, sizeof(*b));
}

struct metrics_sums *
metrics_book_cell(struct metrics_book *b, int64_t owner_id, int segment)
{
	size_t lo = 0, hi = b->nusers, row = 0;

	if (segment < 0 || segment >= SEGMENT_COUNT_)
		return NULL;
	if (owner_id) {
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (b->users[mid].id < owner_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == b->nusers || b->users[lo].id != owner_id)
			return NULL;
		row = lo + 1;
	}
	return &b->cells[row * SEGMENT_COUNT_ + (size_t)segment];
}

/* -- grouping ------------------------------------------------------------- */

struct slot {
	const char *name;
	int rank;                   /* 0 named groups, 1 pooled, 2 no_team; segments: their index */
	struct metrics_sums sums;
	bool keep;
};

static int
slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The slot index of a name, added when new. */
static size_t
slot_of(struct slot *slots, size_t *n, const char *name, int rank)
{
	for (size_t i = 0; i < *n; i++)
		if (slots[i].rank == rank && !strcmp(slots[i].name, name))
			return i;
	slots[*n].name = name;
	slots[*n].rank = rank;
	return (*n)++;
}

/* One CSM's book for coverage: accounts and ARR at t1 over every segment. */
struct csm_book {
	bool csm;
	int segment;                /* the CSM's segment, -1 when unknown */
	int64_t accounts, arr;
	bool outside;
};

static struct csm_book
csm_book(const struct metrics_book *b, size_t row)
{
	const struct metrics_user *u = &b->users[row - 1];
	struct csm_book c = { .segment = u->segment };
	int64_t most = 0;

	for (int g = 0; g < SEGMENT_COUNT_; g++) {
		const struct metrics_sums *cell = &b->cells[row * SEGMENT_COUNT_ + (size_t)g];

		c.accounts += cell->active_accounts;
		c.arr += cell->ending_arr;
		/* No segment of their own: the one most of their accounts are in. */
		if (u->segment < 0 && cell->active_accounts > most) {
			most = cell->active_accounts;
			c.segment = g;
		}
	}
	c.csm = u->csm || c.accounts > 0;
	c.outside = c.csm && c.segment >= 0 &&
		    metrics_outside_band((enum segment)c.segment, c.accounts, c.arr);
	return c;
}

struct metrics_group *
metrics_groups(const struct metrics_book *b, enum metrics_by by, size_t *n)
{
	size_t rows = b->nusers + 1, nslots = 0, *row_slot, out_n = 1;
	struct slot *slots = xcalloc(rows + SEGMENT_COUNT_ + 2, sizeof(*slots));
	struct metrics_sums book = b->rest;
	struct metrics_group *out;

	/* Which slot each owner row's accounts go to (segments: by cell). */
	row_slot = xcalloc(rows, sizeof(*row_slot));
	if (by == METRICS_BY_SEGMENT)
		for (int g = 0; g < SEGMENT_COUNT_; g++) {
			slot_of(slots, &nslots, segment_names[g], g);
			slots[g].keep = true;   /* every segment is always listed */
		}
	for (size_t r = 0; r < rows && (by == METRICS_BY_CSM || by == METRICS_BY_TEAM); r++) {
		const struct metrics_user *u = r ? &b->users[r - 1] : NULL;

		if (!u)
			row_slot[r] = slot_of(slots, &nslots, METRICS_POOLED, 1);
		else if (by == METRICS_BY_CSM)
			row_slot[r] = slot_of(slots, &nslots, u->login, 0);
		else if (u->team)
			row_slot[r] = slot_of(slots, &nslots, u->team, 0);
		else
			row_slot[r] = slot_of(slots, &nslots, METRICS_NO_TEAM, 2);
	}

	for (size_t r = 0; r < rows; r++) {
		for (int g = 0; g < SEGMENT_COUNT_; g++) {
			const struct metrics_sums *cell = &b->cells[r * SEGMENT_COUNT_ + (size_t)g];

			metrics_sums_add(&book, cell);
			if (by == METRICS_BY_SEGMENT)
				metrics_sums_add(&slots[g].sums, cell);
			else if (by != METRICS_BOOK)
				metrics_sums_add(&slots[row_slot[r]].sums, cell);
		}
		if (r > 0) {
			struct csm_book c = csm_book(b, r);
			struct metrics_sums cov = { 0 };
			long slot = -1;

			if (!c.csm)
				continue;
			cov.csms = 1;
			cov.csm_accounts = c.accounts;
			cov.csm_arr = c.arr;
			cov.csms_outside_band = c.outside;
			metrics_sums_add(&book, &cov);
			if (by == METRICS_BY_SEGMENT)
				slot = c.segment;
			else if (by != METRICS_BOOK)
				slot = (long)row_slot[r];
			if (slot >= 0) {
				metrics_sums_add(&slots[slot].sums, &cov);
				/* A CSM is listed even with an empty book. */
				slots[slot].keep = true;
			}
		}
	}
	for (size_t i = 0; i < nslots; i++) {
		slots[i].keep = slots[i].keep || !sums_empty(&slots[i].sums);
		out_n += slots[i].keep;
	}
	qsort(slots, nslots, sizeof(*slots), slot_cmp);

	out = xcalloc(out_n, sizeof(*out));
	metrics_compute(&book, &out[0].m);
	for (size_t i = 0, k = 1; i < nslots; i++) {
		if (!slots[i].keep)
			continue;
		out[k].name = slots[i].name;
		metrics_compute(&slots[i].sums, &out[k].m);
		k++;
	}
	free(slots);
	free(row_slot);
	*n = out_n;
	return out;
}
