/*
 * plan.c -- the success plan's status flow and progress arithmetic (the
 * rules are in plan.h).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "domain/model.h"
#include "domain/plan.h"

#define COL(id, col, name, title) col,
#define NAME(id, col, name, title) name,
#define TITLE(id, col, name, title) title,
const char *const plan_section_columns[] = { PLAN_SECTION_LIST(COL) NULL };
const char *const plan_section_names[] = { PLAN_SECTION_LIST(NAME) NULL };
const char *const plan_section_titles[] = { PLAN_SECTION_LIST(TITLE) NULL };
#undef COL
#undef NAME
#undef TITLE

int
plan_section_find(const char *name)
{
	for (int i = 0; name && i < PLAN_NSECTIONS; i++)
		if (!strcmp(name, plan_section_names[i]) || !strcmp(name, plan_section_columns[i]))
			return i;
	return -1;
}

void
plan_free(struct plan *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->nobjectives; i++) {
		free(p->objectives[i].milestones);
		free(p->objectives[i].kpis);
	}
	free(p->objectives);
	pool_done(&p->pool);
	free(p);
}

static int
status_rank(const char *status)
{
	for (int i = 0; plan_status_names[i]; i++)
		if (!strcmp(status, plan_status_names[i]))
			return i;
	return -1;
}

enum status
plan_status_check(const struct plan *p, const char *to, struct err *e)
{
	int from = status_rank(p->status), next = status_rank(to);

	if (next < 0)
		return err_set(e, ST_USAGE, "status: '%s' is not a plan status (draft, shared, signed, "
			       "active or done)", to);
	if (next == from)
		return err_set(e, ST_DATA, "plan #%lld is %s already; nothing was changed",
			       (long long)p->id, p->status);
	if (!strcmp(to, "signed") && p->nobjectives == 0)
		return err_set(e, ST_DATA, "plan #%lld has no objectives: a plan is signed on what "
			       "it sets out to achieve; add one first", (long long)p->id);
	if (next == from + 1 || (from == 1 && next == 0))
		return ST_OK;
	if (next > from)
		return err_set(e, ST_DATA, "plan #%lld is %s: it must be %s before it is %s",
			       (long long)p->id, p->status, plan_status_names[next - 1], to);
	return err_set(e, ST_DATA, "plan #%lld is %s: it cannot go back to %s (only a shared plan "
		       "goes back to draft)", (long long)p->id, p->status, to);
}

bool
plan_kpi_progress(const struct plan_kpi *k, double *out)
{
	double span, v;

	if (!k->has_current || !k->has_baseline || !k->has_target)
		return false;
	span = k->target - k->baseline;
	if (span == 0)
		return false;
	v = (k->current - k->baseline) / span;
	*out = v < 0 ? 0 : v > 1 ? 1 : v;
	return true;
}

static int32_t
day_of(const char *s)
{
	int32_t d;

	return s && date_parse(s, &d) ? d : INT32_MIN;
}

bool
plan_kpi_off_track(const struct plan *p, const struct plan_kpi *k, int32_t today)
{
	int32_t start = day_of(p->start_date), due = day_of(k->target_date);
	double progress, gone;

	if (!plan_kpi_progress(k, &progress))
		return false;
	if (due == INT32_MIN)
		return false;
	if (today > due)
		return progress < 1;
	if (start == INT32_MIN || due <= start || today <= start)
		return false;
	gone = (double)(today - start) / (double)(due - start);
	return progress + 0.25 < gone;
}

bool
plan_milestone_overdue(const struct plan_milestone *m, int32_t today)
{
	int32_t due = day_of(m->due_date);

	if (due == INT32_MIN || !m->status)
		return false;
	return today > due && strcmp(m->status, "done") && strcmp(m->status, "missed");
}

bool
plan_objective_progress(const struct plan_objective *o, double *out)
{
	double sum = 0, v;
	int n = 0;

	for (int i = 0; i < o->nmilestones; i++, n++)
		sum += o->milestones[i].status && !strcmp(o->milestones[i].status, "done");
	for (int i = 0; i < o->nkpis; i++)
		if (plan_kpi_progress(&o->kpis[i], &v)) {
			sum += v;
			n++;
		}
	if (!n)
		return false;
	*out = sum / n;
	return true;
}

void
plan_milestone_counts(const struct plan *p, int *done, int *all)
{
	*done = *all = 0;
	for (int i = 0; i < p->nobjectives; i++)
		for (int j = 0; j < p->objectives[i].nmilestones; j++) {
			const char *st = p->objectives[i].milestones[j].status;

			(*all)++;
			*done += st && !strcmp(st, "done");
		}
}

const char *
plan_last_validated(const struct plan *p, int32_t today, int64_t *days)
{
	const char *best = p->validated_on;

	if (!best)
		for (int i = 0; i < p->nobjectives; i++) {
			const char *v = p->objectives[i].last_validated;

			if (v && (!best || strcmp(v, best) > 0))
				best = v;
		}
	if (!best)
		best = p->start_date;
	*days = day_of(best) == INT32_MIN ? 0 : (int64_t)today - day_of(best);
	return best;
}

enum status
plan_text_clean(const char *field, const char *text, struct buf *out, struct err *e)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t len = strlen(text), line = 1;

	buf_reset(out);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, len - i, &cp);

		if (!n)
			return err_set(e, ST_USAGE, "%s: line %zu is not valid UTF-8", field, line);
		if (cp == '\r' && i + 1 < len && u[i + 1] == '\n') {
			i++;
			continue;
		}
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return err_set(e, ST_USAGE, "%s: line %zu holds a control character (U+%04X)",
				       field, line, (unsigned)cp);
		if (cp == '\n') {
			while (out->len && (out->data[out->len - 1] == ' ' ||
					    out->data[out->len - 1] == '\t'))
				out->data[--out->len] = '\0';
			line++;
		}
		buf_add(out, text + i, n);
		i += n;
	}
	while (out->len && strchr(" \t\n", out->data[out->len - 1]))
		out->data[--out->len] = '\0';
	return ST_OK;
}

void
plan_number(struct buf *out, double v)
{
	char tmp[64];
	size_t n;

	if (v == floor(v) && fabs(v) < 1e15) {
		buf_addf(out, "%.0f", v);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.4f", v);
	n = strlen(tmp);
	while (n > 0 && tmp[n - 1] == '0')
		tmp[--n] = '\0';
	if (n > 0 && tmp[n - 1] == '.')
		tmp[--n] = '\0';
	buf_adds(out, tmp);
}

void
plan_bar(struct buf *out, double progress, int width)
{
	int full = (int)lround(progress * width);

	buf_addc(out, '[');
	buf_addpad(out, '#', (size_t)full);
	buf_addpad(out, '-', (size_t)(width - full));
	buf_addc(out, ']');
}
