/*
 * scorecard.c -- loading and validating scorecard YAML (see scorecard.h).
 *
 * libyaml's document API gives a node tree where every node keeps its start
 * mark, so each problem can point at the exact key or value.  Validation
 * goes on after a problem so one run reports them all.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "core/ydoc.h"
#include "domain/model.h"
#include "domain/scorecard.h"

const char *const sc_op_names[] = { "eq", "ne", "lt", "lte", "gt", "gte", "in", "between", NULL };

static const char *const band3[] = { "green", "yellow", "red", NULL };
static const char *const band5[] = { "green", "lightgreen", "yellow", "orange", "red", NULL };
static const double band3_default[] = { 2.5, 1.75 };
static const double band5_default[] = { 4.5, 3.5, 2.5, 1.5 };

struct parse {
	const char *file;
	struct diag *d;
	struct ydoc y;
	struct scorecard *sc;
	size_t problems;
};

static bool
scalar(struct parse *p, yaml_node_t *n, const char *what, const char **out)
{
	if (!n || n->type != YAML_SCALAR_NODE) {
		ydoc_problem(&p->y, n, "%s must be a single value", what);
		return false;
	}
	*out = ydoc_text(n);
	return true;
}

static bool
number(struct parse *p, yaml_node_t *n, const char *what, double *out)
{
	const char *t;
	char *end;

	if (!scalar(p, n, what, &t))
		return false;
	errno = 0;
	*out = strtod(t, &end);
	if (!*t || *end || errno || !isfinite(*out)) {
		ydoc_problem(&p->y, n, "%s: '%s' is not a number", what, t);
		return false;
	}
	return true;
}

static bool
boolean(struct parse *p, yaml_node_t *n, const char *what, bool *out)
{
	const char *t;

	if (!scalar(p, n, what, &t))
		return false;
	if (!strcmp(t, "true") || !strcmp(t, "yes")) {
		*out = true;
		return true;
	}
	if (!strcmp(t, "false") || !strcmp(t, "no")) {
		*out = false;
		return true;
	}
	ydoc_problem(&p->y, n, "%s: '%s' is not true or false", what, t);
	return false;
}

/* Report keys of map that are not in allowed, with a suggestion. */
static void
check_keys(struct parse *p, yaml_node_t *map, const char *const *allowed, const char *where)
{
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key);
		const char *name = ydoc_text(k), *hint;

		if (!name) {
			ydoc_problem(&p->y, k, "keys must be plain words");
			continue;
		}
		if (names_lookup(allowed, name) >= 0)
			continue;
		hint = names_suggest(allowed, name);
		if (hint)
			ydoc_problem(&p->y, k, "unknown key '%s' in %s; did you mean '%s'?", name, where, hint);
		else
			ydoc_problem(&p->y, k, "unknown key '%s' in %s", name, where);
	}
}

/* A fact name, with "did you mean" when it is unknown. */
static int
fact_named(struct parse *p, yaml_node_t *n)
{
	const char *name = ydoc_text(n), *hint;
	int f;

	if (!name) {
		ydoc_problem(&p->y, n, "a fact name must be a single word");
		return -1;
	}
	if ((f = fact_lookup(name)) >= 0)
		return f;
	hint = fact_suggest(name);
	if (hint)
		ydoc_problem(&p->y, n, "unknown fact '%s'; did you mean '%s'? (see 'tend facts')", name, hint);
	else
		ydoc_problem(&p->y, n, "unknown fact '%s' (see 'tend facts')", name);
	return -1;
}

/* One operand of a comparison, checked against the fact's kind. */
static bool
operand(struct parse *p, yaml_node_t *n, int fact, struct sc_cond *c, int slot)
{
	const struct fact_def *d = &fact_defs[fact];
	const char *t;

	if (!scalar(p, n, d->name, &t))
		return false;
	if (d->kind == FK_LABEL) {
		if (slot >= SC_MAX_LABELS) {
			ydoc_problem(&p->y, n, "at most %d values", SC_MAX_LABELS);
			return false;
		}
		c->labels[slot] = pool_strdup(&p->sc->pool, t);
		return true;
	}
	if (d->kind == FK_FLAG && (!strcmp(t, "true") || !strcmp(t, "false"))) {
		c->num[slot < 2 ? slot : 1] = !strcmp(t, "true");
		return true;
	}
	{
		char *end;
		double v;

		errno = 0;
		v = strtod(t, &end);
		if (!*t || *end || errno) {
			ydoc_problem(&p->y, n, "%s is a %s fact: '%s' is not a number", d->name,
				fact_kind_name(d->kind), t);
			return false;
		}
		if (slot < 2)
			c->num[slot] = v;
	}
	return true;
}

static bool
list_operands(struct parse *p, yaml_node_t *n, int fact, struct sc_cond *c, int want)
{
	int i = 0;

	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, n, "%s needs a list like [a, b]", sc_op_names[c->op]);
		return false;
	}
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
		if (!operand(p, ydoc_node(&p->y, *it), fact, c, i++))
			return false;
	c->nvalues = i;
	if ((want && i != want) || i == 0) {
		ydoc_problem(&p->y, n, want ? "%s needs exactly %d values" : "%s needs at least one value",
			sc_op_names[c->op], want);
		return false;
	}
	if (c->op == OP_IN && fact_defs[fact].kind != FK_LABEL && i > 2) {
		ydoc_problem(&p->y, n, "in: at most 2 numbers for a number fact (use between)");
		return false;
	}
	if (c->op == OP_BETWEEN && c->num[0] > c->num[1]) {
		ydoc_problem(&p->y, n, "between: the low value comes first");
		return false;
	}
	return true;
}

/* `fact: value` or `fact: {op: value, ...}` -> one or more conditions. */
static void
conditions(struct parse *p, yaml_node_t *when, struct sc_rule *r)
{
	size_t n = 0;

	if (!when || when->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, when, "when: must be a mapping of fact: condition");
		return;
	}
	for (yaml_node_pair_t *pair = when->data.mapping.pairs.start;
	     pair < when->data.mapping.pairs.top; pair++) {
		yaml_node_t *v = ydoc_node(&p->y, pair->value);

		n += v->type == YAML_MAPPING_NODE ? (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start) : 1;
	}
	r->conds = pool_alloc(&p->sc->pool, (n ? n : 1) * sizeof(*r->conds));
	memset(r->conds, 0, (n ? n : 1) * sizeof(*r->conds));
	for (yaml_node_pair_t *pair = when->data.mapping.pairs.start;
	     pair < when->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		int fact = fact_named(p, k);

		if (fact < 0)
			continue;
		if (v->type != YAML_MAPPING_NODE) {
			struct sc_cond *c = &r->conds[r->nconds];

			c->fact = fact;
			c->op = OP_EQ;
			c->nvalues = 1;
			if (operand(p, v, fact, c, 0))
				r->nconds++;
			continue;
		}
		for (yaml_node_pair_t *op = v->data.mapping.pairs.start; op < v->data.mapping.pairs.top; op++) {
			yaml_node_t *ok = ydoc_node(&p->y, op->key), *ov = ydoc_node(&p->y, op->value);
			struct sc_cond *c = &r->conds[r->nconds];
			const char *name = ydoc_text(ok), *hint;
			int o = names_lookup(sc_op_names, name);

			if (o < 0) {
				hint = names_suggest(sc_op_names, name);
				ydoc_problem(&p->y, ok, "unknown comparison '%s'%s%s%s (eq, ne, lt, lte, gt, gte, in, between)",
					name ? name : "?", hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
				continue;
			}
			c->fact = fact;
			c->op = (enum sc_op)o;
			if (fact_defs[fact].kind == FK_LABEL && c->op != OP_EQ && c->op != OP_NE && c->op != OP_IN) {
				ydoc_problem(&p->y, ok, "%s is a label: compare it with eq, ne or in, not %s",
					fact_defs[fact].name, name);
				continue;
			}
			if (c->op == OP_IN || c->op == OP_BETWEEN) {
				if (list_operands(p, ov, fact, c, c->op == OP_BETWEEN ? 2 : 0))
					r->nconds++;
			} else {
				c->nvalues = 1;
				if (operand(p, ov, fact, c, 0))
					r->nconds++;
			}
		}
	}
}

static void
rules(struct parse *p, yaml_node_t *list, struct sc_measure *m)
{
	static const char *const keys[] = { "rating", "when", NULL };
	bool catch_all = false;
	int n = 0;

	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "rules: must be a list of {rating: N, when: {...}}");
		return;
	}
	n = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
	m->rules = pool_alloc(&p->sc->pool, (size_t)(n ? n : 1) * sizeof(*m->rules));
	memset(m->rules, 0, (size_t)(n ? n : 1) * sizeof(*m->rules));
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *rn = ydoc_node(&p->y, *it), *rating, *when;
		struct sc_rule *r = &m->rules[m->nrules];
		double v;

		if (rn->type != YAML_MAPPING_NODE) {
			ydoc_problem(&p->y, rn, "a rule is a mapping {rating: N, when: {...}}");
			continue;
		}
		check_keys(p, rn, keys, "a rule");
		r->line = (long)rn->start_mark.line + 1;
		rating = ydoc_get(&p->y, rn, "rating");
		when = ydoc_get(&p->y, rn, "when");
		if (catch_all)
			ydoc_problem(&p->y, rn, "this rule can never apply: an earlier rule has no 'when' and always matches");
		if (!rating) {
			ydoc_problem(&p->y, rn, "a rule needs a rating");
			continue;
		}
		if (!number(p, rating, "rating", &v))
			continue;
		if (v != floor(v) || v < 1 || v > p->sc->scale) {
			ydoc_problem(&p->y, rating, "rating must be a whole number from 1 to %d", p->sc->scale);
			continue;
		}
		r->rating = (int)v;
		if (when)
			conditions(p, when, r);
		else
			catch_all = true;
		m->nrules++;
	}
}

static void
thresholds(struct parse *p, yaml_node_t *list, struct sc_measure *m)
{
	int want = p->sc->scale - 1, n = 0;

	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "thresholds: must be a list of %d numbers, best first", want);
		return;
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		double v;

		if (!number(p, ydoc_node(&p->y, *it), "threshold", &v))
			return;
		if (n < 4)
			m->thresholds[n] = v;
		n++;
	}
	if (n != want) {
		ydoc_problem(&p->y, list, "a %d-band scorecard needs %d thresholds, not %d", p->sc->scale, want, n);
		return;
	}
	for (int i = 1; i < n; i++) {
		bool ok = m->lower_is_better ? m->thresholds[i] > m->thresholds[i - 1]
					     : m->thresholds[i] < m->thresholds[i - 1];

		if (!ok) {
			ydoc_problem(&p->y, list, "thresholds overlap: list them best first, each %s than the one before "
				"(%s is better)", m->lower_is_better ? "higher" : "lower",
				m->lower_is_better ? "lower" : "higher");
			return;
		}
	}
	m->nthresholds = n;
}

static void
measure(struct parse *p, yaml_node_t *mn, struct sc_measure *m)
{
	static const char *const keys[] = { "id", "name", "group", "weight", "fact", "lower_is_better",
		"thresholds", "quantile", "rules", NULL };
	static const char *const groups[] = { "outcomes", "experience", NULL };
	yaml_node_t *v;
	const char *t;
	double q;

	m->fact = -1;
	m->line = (long)mn->start_mark.line + 1;
	check_keys(p, mn, keys, "a measure");
	if (!(v = ydoc_get(&p->y, mn, "id")))
		ydoc_problem(&p->y, mn, "a measure needs an id");
	else if (scalar(p, v, "id", &t))
		m->id = pool_strdup(&p->sc->pool, t);
	m->name = m->id;
	if ((v = ydoc_get(&p->y, mn, "name")) && scalar(p, v, "name", &t))
		m->name = pool_strdup(&p->sc->pool, t);
	if (!(v = ydoc_get(&p->y, mn, "group")))
		ydoc_problem(&p->y, mn, "measure %s needs a group (outcomes or experience)", m->id ? m->id : "?");
	else if (scalar(p, v, "group", &t)) {
		if (names_lookup(groups, t) < 0)
			ydoc_problem(&p->y, v, "group must be outcomes or experience, not '%s'", t);
		else
			m->group = !strcmp(t, "outcomes") ? GROUP_OUTCOMES : GROUP_EXPERIENCE;
	}
	if (!(v = ydoc_get(&p->y, mn, "weight")))
		ydoc_problem(&p->y, mn, "measure %s needs a weight", m->id ? m->id : "?");
	else if (number(p, v, "weight", &m->weight) && m->weight <= 0)
		ydoc_problem(&p->y, v, "weight must be more than 0");
	if ((v = ydoc_get(&p->y, mn, "fact")))
		m->fact = fact_named(p, v);
	if ((v = ydoc_get(&p->y, mn, "lower_is_better")))
		boolean(p, v, "lower_is_better", &m->lower_is_better);
	if ((v = ydoc_get(&p->y, mn, "rules")))
		rules(p, v, m);
	if ((v = ydoc_get(&p->y, mn, "thresholds"))) {
		if (ydoc_get(&p->y, mn, "quantile"))
			ydoc_problem(&p->y, v, "give thresholds or quantile, not both");
		thresholds(p, v, m);
	}
	if ((v = ydoc_get(&p->y, mn, "quantile")) && number(p, v, "quantile", &q)) {
		if (q != p->sc->scale)
			ydoc_problem(&p->y, v, "quantile must be %d, the number of bands of this scorecard", p->sc->scale);
		else
			m->quantile = (int)q;
	}
	if ((m->nthresholds || m->quantile || ydoc_get(&p->y, mn, "thresholds") || ydoc_get(&p->y, mn, "quantile")) &&
	    !ydoc_get(&p->y, mn, "fact"))
		ydoc_problem(&p->y, mn, "measure %s has thresholds but no fact to apply them to", m->id ? m->id : "?");
	if (m->fact >= 0 && (m->nthresholds || m->quantile) && fact_defs[m->fact].kind == FK_LABEL)
		ydoc_problem(&p->y, ydoc_get(&p->y, mn, "fact"), "%s is a label; thresholds need a number fact", fact_defs[m->fact].name);
	if (!ydoc_get(&p->y, mn, "rules") && !ydoc_get(&p->y, mn, "thresholds") && !ydoc_get(&p->y, mn, "quantile"))
		ydoc_problem(&p->y, mn, "measure %s needs rules, thresholds or quantile to rate it", m->id ? m->id : "?");
}

static void
bands(struct parse *p, yaml_node_t *map)
{
	const char *const *names = p->sc->scale == 3 ? band3 : band5;
	int n = p->sc->scale - 1;

	if (map->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, map, "bands: must map band names to the lowest score of each");
		return;
	}
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		const char *name = ydoc_text(k);
		int i = names_lookup(names, name);
		double x;

		if (i == n) {
			ydoc_problem(&p->y, k, "%s takes every score below %s; it has no cut-off", name, names[n - 1]);
			continue;
		}
		if (i < 0) {
			const char *hint = names_suggest(names, name);

			ydoc_problem(&p->y, k, "unknown band '%s' for a %d-band scorecard%s%s%s", name ? name : "?",
				p->sc->scale, hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
			continue;
		}
		if (number(p, v, name, &x))
			p->sc->bands[i] = x;
	}
	for (int i = 1; i < n; i++)
		if (p->sc->bands[i] >= p->sc->bands[i - 1])
			ydoc_problem(&p->y, map, "bands overlap: %s must start below %s", names[i], names[i - 1]);
	for (int i = 0; i < n; i++)
		if (p->sc->bands[i] < 1 || p->sc->bands[i] > p->sc->scale)
			ydoc_problem(&p->y, map, "band %s must start between 1 and %d", names[i], p->sc->scale);
}

static void
segments(struct parse *p, yaml_node_t *list)
{
	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "segments: must be a list, like [enterprise, mid_market]");
		return;
	}
	memset(p->sc->segments, 0, sizeof(p->sc->segments));
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *n = ydoc_node(&p->y, *it);
		const char *t = ydoc_text(n);
		int i = names_lookup(segment_names, t);

		if (i < 0)
			ydoc_problem(&p->y, n, "unknown segment '%s' (enterprise, mid_market or smb)", t ? t : "?");
		else
			p->sc->segments[i] = true;
	}
}

/* false_positive: {experience_at_least: green, outcomes_below: yellow} */
static void
false_positive(struct parse *p, yaml_node_t *map)
{
	static const char *const keys[] = { "experience_at_least", "outcomes_below", NULL };
	const char *const *names = p->sc->scale == 3 ? band3 : band5;
	yaml_node_t *v;

	if (map->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, map, "false_positive: must be a mapping");
		return;
	}
	check_keys(p, map, keys, "false_positive");
	if ((v = ydoc_get(&p->y, map, "experience_at_least"))) {
		int i = names_lookup(names, ydoc_text(v));

		if (i < 0 || i >= p->sc->scale - 1)
			ydoc_problem(&p->y, v, "experience_at_least must be a band above red");
		else
			p->sc->fp_experience = i;
	}
	if ((v = ydoc_get(&p->y, map, "outcomes_below"))) {
		int i = names_lookup(names, ydoc_text(v));

		if (i < 0 || i >= p->sc->scale - 1)
			ydoc_problem(&p->y, v, "outcomes_below must be a band above red");
		else
			p->sc->fp_outcomes = i;
	}
}

static void
top(struct parse *p, yaml_node_t *root)
{
	static const char *const keys[] = { "scorecard", "description", "scale", "bands", "segments",
		"missing_weight_max", "false_positive", "measures", NULL };
	struct scorecard *sc = p->sc;
	yaml_node_t *v, *list;
	const char *t;
	double x, total = 0;

	check_keys(p, root, keys, "a scorecard");
	if (!(v = ydoc_get(&p->y, root, "scorecard")))
		ydoc_problem(&p->y, root, "a scorecard needs a name (scorecard: NAME)");
	else if (scalar(p, v, "scorecard", &t))
		sc->name = pool_strdup(&sc->pool, t);
	if ((v = ydoc_get(&p->y, root, "description")) && scalar(p, v, "description", &t))
		sc->description = pool_strdup(&sc->pool, t);
	if ((v = ydoc_get(&p->y, root, "scale")) && number(p, v, "scale", &x)) {
		if (x != 3 && x != 5)
			ydoc_problem(&p->y, v, "scale must be 3 or 5");
		else
			sc->scale = (int)x;
	}
	memcpy(sc->bands, sc->scale == 3 ? band3_default : band5_default,
	       (size_t)(sc->scale - 1) * sizeof(double));
	/* Default false-positive rule: experience in the top band, outcomes
	 * below the middle one (red on 3 bands, orange or red on 5). */
	sc->fp_experience = 0;
	sc->fp_outcomes = sc->scale == 3 ? 1 : 2;
	if ((v = ydoc_get(&p->y, root, "bands")))
		bands(p, v);
	if ((v = ydoc_get(&p->y, root, "segments")))
		segments(p, v);
	if ((v = ydoc_get(&p->y, root, "missing_weight_max")) && number(p, v, "missing_weight_max", &x)) {
		if (x < 0 || x > 100)
			ydoc_problem(&p->y, v, "missing_weight_max is a percentage from 0 to 100");
		else
			sc->missing_max = x;
	}
	if ((v = ydoc_get(&p->y, root, "false_positive")))
		false_positive(p, v);
	if (!(list = ydoc_get(&p->y, root, "measures"))) {
		ydoc_problem(&p->y, root, "a scorecard needs measures");
		return;
	}
	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "measures: must be a list");
		return;
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *mn = ydoc_node(&p->y, *it);
		struct sc_measure *m;

		if (mn->type != YAML_MAPPING_NODE) {
			ydoc_problem(&p->y, mn, "a measure is a mapping (id, group, weight, ...)");
			continue;
		}
		if (sc->nmeasures == SC_MAX_MEASURES) {
			ydoc_problem(&p->y, mn, "at most %d measures", SC_MAX_MEASURES);
			break;
		}
		m = &sc->measures[sc->nmeasures];
		measure(p, mn, m);
		for (int i = 0; i < sc->nmeasures && m->id; i++)
			if (sc->measures[i].id && !strcmp(sc->measures[i].id, m->id))
				ydoc_problem(&p->y, ydoc_get(&p->y, mn, "id"), "measure id '%s' is already used at line %ld",
					m->id, sc->measures[i].line);
		total += m->weight;
		sc->nmeasures++;
	}
	if (sc->nmeasures && fabs(total - 100) > 1e-6)
		ydoc_problem(&p->y, list, "the weights add up to %g, not 100", total);
}

struct scorecard *
scorecard_parse(const char *file, const char *text, size_t len, struct diag *d)
{
	struct parse p = { .file = file, .d = d };
	yaml_node_t *root;
	bool ok;

	p.sc = xcalloc(1, sizeof(*p.sc));
	pool_init(&p.sc->pool);
	p.sc->file = pool_strdup(&p.sc->pool, file);
	p.sc->scale = 3;
	p.sc->missing_max = 50;
	for (int i = 0; i < 3; i++)
		p.sc->segments[i] = true;
	if (ydoc_load(&p.y, text, len, d)) {
		root = ydoc_root(&p.y);
		if (!root)
			ydoc_problem(&p.y, NULL, "the file is empty");
		else if (root->type != YAML_MAPPING_NODE)
			ydoc_problem(&p.y, root, "a scorecard is a mapping (scorecard:, scale:, measures: ...)");
		else
			top(&p, root);
	}
	ok = !p.y.problems;
	ydoc_done(&p.y);
	if (!ok) {
		scorecard_free(p.sc);
		return NULL;
	}
	return p.sc;
}

void
scorecard_free(struct scorecard *sc)
{
	if (!sc)
		return;
	pool_done(&sc->pool);
	free(sc);
}

bool
scorecard_applies(const struct scorecard *sc, const char *segment)
{
	int i = names_lookup(segment_names, segment);

	return i >= 0 && sc->segments[i];
}

const char *
scorecard_band_name(const struct scorecard *sc, int index)
{
	const char *const *names = sc->scale == 3 ? band3 : band5;

	return index >= 0 && index < sc->scale ? names[index] : "unknown";
}

void
scorecard_set_cuts(struct scorecard *sc, int measure, const double *asc, int n, int32_t on)
{
	struct sc_measure *m = &sc->measures[measure];

	if (n != sc->scale - 1)
		return;
	/* Best first: descending when higher is better, ascending when lower is. */
	for (int i = 0; i < n; i++)
		m->thresholds[i] = m->lower_is_better ? asc[i] : asc[n - 1 - i];
	m->nthresholds = n;
	m->calibrated = true;
	m->calibrated_on = on;
}
