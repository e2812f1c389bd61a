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
#include <yaml.h>

#include "core/xalloc.h"
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
	yaml_document_t doc;
	struct scorecard *sc;
	size_t problems;
};

static yaml_node_t *
node(struct parse *p, int i)
{
	return yaml_document_get_node(&p->doc, i);
}

static void
problem(struct parse *p, const yaml_node_t *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
problem(struct parse *p, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(p->d, n ? (long)n->start_mark.line + 1 : 0, n ? (long)n->start_mark.column + 1 : 0,
		 "%s", msg);
	p->problems++;
}

static const char *
text_of(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static bool
scalar(struct parse *p, yaml_node_t *n, const char *what, const char **out)
{
	if (!n || n->type != YAML_SCALAR_NODE) {
		problem(p, n, "%s must be a single value", what);
		return false;
	}
	*out = text_of(n);
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
		problem(p, n, "%s: '%s' is not a number", what, t);
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
	problem(p, n, "%s: '%s' is not true or false", what, t);
	return false;
}

/* Report keys of map that are not in allowed, with a suggestion. */
static void
check_keys(struct parse *p, yaml_node_t *map, const char *const *allowed, const char *where)
{
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = node(p, pair->key);
		const char *name = text_of(k), *hint;

		if (!name) {
			problem(p, k, "keys must be plain words");
			continue;
		}
		if (model_lookup(allowed, name) >= 0)
			continue;
		hint = model_suggest(allowed, name);
		if (hint)
			problem(p, k, "unknown key '%s' in %s; did you mean '%s'?", name, where, hint);
		else
			problem(p, k, "unknown key '%s' in %s", name, where);
	}
}

static yaml_node_t *
get(struct parse *p, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		const char *name = text_of(node(p, pair->key));

		if (name && !strcmp(name, key))
			return node(p, pair->value);
	}
	return NULL;
}

/* A fact name, with "did you mean" when it is unknown. */
static int
fact_named(struct parse *p, yaml_node_t *n)
{
	const char *name = text_of(n), *hint;
	int f;

	if (!name) {
		problem(p, n, "a fact name must be a single word");
		return -1;
	}
	if ((f = fact_lookup(name)) >= 0)
		return f;
	hint = fact_suggest(name);
	if (hint)
		problem(p, n, "unknown fact '%s'; did you mean '%s'? (see 'tend facts')", name, hint);
	else
		problem(p, n, "unknown fact '%s' (see 'tend facts')", name);
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
			problem(p, n, "at most %d values", SC_MAX_LABELS);
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
			problem(p, n, "%s is a %s fact: '%s' is not a number", d->name,
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
		problem(p, n, "%s needs a list like [a, b]", sc_op_names[c->op]);
		return false;
	}
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
		if (!operand(p, node(p, *it), fact, c, i++))
			return false;
	c->nvalues = i;
	if ((want && i != want) || i == 0) {
		problem(p, n, want ? "%s needs exactly %d values" : "%s needs at least one value",
			sc_op_names[c->op], want);
		return false;
	}
	if (c->op == OP_IN && fact_defs[fact].kind != FK_LABEL && i > 2) {
		problem(p, n, "in: at most 2 numbers for a number fact (use between)");
		return false;
	}
	if (c->op == OP_BETWEEN && c->num[0] > c->num[1]) {
		problem(p, n, "between: the low value comes first");
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
		problem(p, when, "when: must be a mapping of fact: condition");
		return;
	}
	for (yaml_node_pair_t *pair = when->data.mapping.pairs.start;
	     pair < when->data.mapping.pairs.top; pair++) {
		yaml_node_t *v = node(p, pair->value);

		n += v->type == YAML_MAPPING_NODE ? (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start) : 1;
	}
	r->conds = pool_alloc(&p->sc->pool, (n ? n : 1) * sizeof(*r->conds));
	memset(r->conds, 0, (n ? n : 1) * sizeof(*r->conds));
	for (yaml_node_pair_t *pair = when->data.mapping.pairs.start;
	     pair < when->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = node(p, pair->key), *v = node(p, pair->value);
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
			yaml_node_t *ok = node(p, op->key), *ov = node(p, op->value);
			struct sc_cond *c = &r->conds[r->nconds];
			const char *name = text_of(ok), *hint;
			int o = model_lookup(sc_op_names, name);

			if (o < 0) {
				hint = model_suggest(sc_op_names, name);
				problem(p, ok, "unknown comparison '%s'%s%s%s (eq, ne, lt, lte, gt, gte, in, between)",
					name ? name : "?", hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
				continue;
			}
			c->fact = fact;
			c->op = (enum sc_op)o;
			if (fact_defs[fact].kind == FK_LABEL && c->op != OP_EQ && c->op != OP_NE && c->op != OP_IN) {
				problem(p, ok, "%s is a label: compare it with eq, ne or in, not %s",
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
		problem(p, list, "rules: must be a list of {rating: N, when: {...}}");
		return;
	}
	n = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
	m->rules = pool_alloc(&p->sc->pool, (size_t)(n ? n : 1) * sizeof(*m->rules));
	memset(m->rules, 0, (size_t)(n ? n : 1) * sizeof(*m->rules));
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *rn = node(p, *it), *rating, *when;
		struct sc_rule *r = &m->rules[m->nrules];
		double v;

		if (rn->type != YAML_MAPPING_NODE) {
			problem(p, rn, "a rule is a mapping {rating: N, when: {...}}");
			continue;
		}
		check_keys(p, rn, keys, "a rule");
		r->line = (long)rn->start_mark.line + 1;
		rating = get(p, rn, "rating");
		when = get(p, rn, "when");
		if (catch_all)
			problem(p, rn, "this rule can never apply: an earlier rule has no 'when' and always matches");
		if (!rating) {
			problem(p, rn, "a rule needs a rating");
			continue;
		}
		if (!number(p, rating, "rating", &v))
			continue;
		if (v != floor(v) || v < 1 || v > p->sc->scale) {
			problem(p, rating, "rating must be a whole number from 1 to %d", p->sc->scale);
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
		problem(p, list, "thresholds: must be a list of %d numbers, best first", want);
		return;
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		double v;

		if (!number(p, node(p, *it), "threshold", &v))
			return;
		if (n < 4)
			m->thresholds[n] = v;
		n++;
	}
	if (n != want) {
		problem(p, list, "a %d-band scorecard needs %d thresholds, not %d", p->sc->scale, want, n);
		return;
	}
	for (int i = 1; i < n; i++) {
		bool ok = m->lower_is_better ? m->thresholds[i] > m->thresholds[i - 1]
					     : m->thresholds[i] < m->thresholds[i - 1];

		if (!ok) {
			problem(p, list, "thresholds overlap: list them best first, each %s than the one before "
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
	if (!(v = get(p, mn, "id")))
		problem(p, mn, "a measure needs an id");
	else if (scalar(p, v, "id", &t))
		m->id = pool_strdup(&p->sc->pool, t);
	m->name = m->id;
	if ((v = get(p, mn, "name")) && scalar(p, v, "name", &t))
		m->name = pool_strdup(&p->sc->pool, t);
	if (!(v = get(p, mn, "group")))
		problem(p, mn, "measure %s needs a group (outcomes or experience)", m->id ? m->id : "?");
	else if (scalar(p, v, "group", &t)) {
		if (model_lookup(groups, t) < 0)
			problem(p, v, "group must be outcomes or experience, not '%s'", t);
		else
			m->group = !strcmp(t, "outcomes") ? GROUP_OUTCOMES : GROUP_EXPERIENCE;
	}
	if (!(v = get(p, mn, "weight")))
		problem(p, mn, "measure %s needs a weight", m->id ? m->id : "?");
	else if (number(p, v, "weight", &m->weight) && m->weight <= 0)
		problem(p, v, "weight must be more than 0");
	if ((v = get(p, mn, "fact")))
		m->fact = fact_named(p, v);
	if ((v = get(p, mn, "lower_is_better")))
		boolean(p, v, "lower_is_better", &m->lower_is_better);
	if ((v = get(p, mn, "rules")))
		rules(p, v, m);
	if ((v = get(p, mn, "thresholds"))) {
		if (get(p, mn, "quantile"))
			problem(p, v, "give thresholds or quantile, not both");
		thresholds(p, v, m);
	}
	if ((v = get(p, mn, "quantile")) && number(p, v, "quantile", &q)) {
		if (q != p->sc->scale)
			problem(p, v, "quantile must be %d, the number of bands of this scorecard", p->sc->scale);
		else
			m->quantile = (int)q;
	}
	if ((m->nthresholds || m->quantile || get(p, mn, "thresholds") || get(p, mn, "quantile")) &&
	    !get(p, mn, "fact"))
		problem(p, mn, "measure %s has thresholds but no fact to apply them to", m->id ? m->id : "?");
	if (m->fact >= 0 && (m->nthresholds || m->quantile) && fact_defs[m->fact].kind == FK_LABEL)
		problem(p, get(p, mn, "fact"), "%s is a label; thresholds need a number fact", fact_defs[m->fact].name);
	if (!get(p, mn, "rules") && !get(p, mn, "thresholds") && !get(p, mn, "quantile"))
		problem(p, mn, "measure %s needs rules, thresholds or quantile to rate it", m->id ? m->id : "?");
}

static void
bands(struct parse *p, yaml_node_t *map)
{
	const char *const *names = p->sc->scale == 3 ? band3 : band5;
	int n = p->sc->scale - 1;

	if (map->type != YAML_MAPPING_NODE) {
		problem(p, map, "bands: must map band names to the lowest score of each");
		return;
	}
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = node(p, pair->key), *v = node(p, pair->value);
		const char *name = text_of(k);
		int i = model_lookup(names, name);
		double x;

		if (i == n) {
			problem(p, k, "%s takes every score below %s; it has no cut-off", name, names[n - 1]);
			continue;
		}
		if (i < 0) {
			const char *hint = model_suggest(names, name);

			problem(p, k, "unknown band '%s' for a %d-band scorecard%s%s%s", name ? name : "?",
				p->sc->scale, hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
			continue;
		}
		if (number(p, v, name, &x))
			p->sc->bands[i] = x;
	}
	for (int i = 1; i < n; i++)
		if (p->sc->bands[i] >= p->sc->bands[i - 1])
			problem(p, map, "bands overlap: %s must start below %s", names[i], names[i - 1]);
	for (int i = 0; i < n; i++)
		if (p->sc->bands[i] < 1 || p->sc->bands[i] > p->sc->scale)
			problem(p, map, "band %s must start between 1 and %d", names[i], p->sc->scale);
}

static void
segments(struct parse *p, yaml_node_t *list)
{
	if (list->type != YAML_SEQUENCE_NODE) {
		problem(p, list, "segments: must be a list, like [enterprise, mid_market]");
		return;
	}
	memset(p->sc->segments, 0, sizeof(p->sc->segments));
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *n = node(p, *it);
		const char *t = text_of(n);
		int i = model_lookup(segment_names, t);

		if (i < 0)
			problem(p, n, "unknown segment '%s' (enterprise, mid_market or smb)", t ? t : "?");
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
		problem(p, map, "false_positive: must be a mapping");
		return;
	}
	check_keys(p, map, keys, "false_positive");
	if ((v = get(p, map, "experience_at_least"))) {
		int i = model_lookup(names, text_of(v));

		if (i < 0 || i >= p->sc->scale - 1)
			problem(p, v, "experience_at_least must be a band above red");
		else
			p->sc->fp_experience = i;
	}
	if ((v = get(p, map, "outcomes_below"))) {
		int i = model_lookup(names, text_of(v));

		if (i < 0 || i >= p->sc->scale - 1)
			problem(p, v, "outcomes_below must be a band above red");
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
	if (!(v = get(p, root, "scorecard")))
		problem(p, root, "a scorecard needs a name (scorecard: NAME)");
	else if (scalar(p, v, "scorecard", &t))
		sc->name = pool_strdup(&sc->pool, t);
	if ((v = get(p, root, "description")) && scalar(p, v, "description", &t))
		sc->description = pool_strdup(&sc->pool, t);
	if ((v = get(p, root, "scale")) && number(p, v, "scale", &x)) {
		if (x != 3 && x != 5)
			problem(p, v, "scale must be 3 or 5");
		else
			sc->scale = (int)x;
	}
	memcpy(sc->bands, sc->scale == 3 ? band3_default : band5_default,
	       (size_t)(sc->scale - 1) * sizeof(double));
	/* Default false-positive rule: experience in the top band, outcomes
	 * below the middle one (red on 3 bands, orange or red on 5). */
	sc->fp_experience = 0;
	sc->fp_outcomes = sc->scale == 3 ? 1 : 2;
	if ((v = get(p, root, "bands")))
		bands(p, v);
	if ((v = get(p, root, "segments")))
		segments(p, v);
	if ((v = get(p, root, "missing_weight_max")) && number(p, v, "missing_weight_max", &x)) {
		if (x < 0 || x > 100)
			problem(p, v, "missing_weight_max is a percentage from 0 to 100");
		else
			sc->missing_max = x;
	}
	if ((v = get(p, root, "false_positive")))
		false_positive(p, v);
	if (!(list = get(p, root, "measures"))) {
		problem(p, root, "a scorecard needs measures");
		return;
	}
	if (list->type != YAML_SEQUENCE_NODE) {
		problem(p, list, "measures: must be a list");
		return;
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *mn = node(p, *it);
		struct sc_measure *m;

		if (mn->type != YAML_MAPPING_NODE) {
			problem(p, mn, "a measure is a mapping (id, group, weight, ...)");
			continue;
		}
		if (sc->nmeasures == SC_MAX_MEASURES) {
			problem(p, mn, "at most %d measures", SC_MAX_MEASURES);
			break;
		}
		m = &sc->measures[sc->nmeasures];
		measure(p, mn, m);
		for (int i = 0; i < sc->nmeasures && m->id; i++)
			if (sc->measures[i].id && !strcmp(sc->measures[i].id, m->id))
				problem(p, get(p, mn, "id"), "measure id '%s' is already used at line %ld",
					m->id, sc->measures[i].line);
		total += m->weight;
		sc->nmeasures++;
	}
	if (sc->nmeasures && fabs(total - 100) > 1e-6)
		problem(p, list, "the weights add up to %g, not 100", total);
}

struct scorecard *
scorecard_parse(const char *file, const char *text, size_t len, struct diag *d)
{
	struct parse p = { .file = file, .d = d };
	yaml_parser_t parser;
	yaml_node_t *root;

	p.sc = xcalloc(1, sizeof(*p.sc));
	pool_init(&p.sc->pool);
	p.sc->file = pool_strdup(&p.sc->pool, file);
	p.sc->scale = 3;
	p.sc->missing_max = 50;
	for (int i = 0; i < 3; i++)
		p.sc->segments[i] = true;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &p.doc)) {
		diag_add(d, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
			 "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
			 parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		scorecard_free(p.sc);
		return NULL;
	}
	root = yaml_document_get_root_node(&p.doc);
	if (!root)
		problem(&p, NULL, "the file is empty");
	else if (root->type != YAML_MAPPING_NODE)
		problem(&p, root, "a scorecard is a mapping (scorecard:, scale:, measures: ...)");
	else
		top(&p, root);
	yaml_document_delete(&p.doc);
	yaml_parser_delete(&parser);
	if (p.problems) {
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
	int i = model_lookup(segment_names, segment);

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
