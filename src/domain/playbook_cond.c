/*
 * playbook_cond.c -- a rule's condition (`when:`) from YAML to the
 * struct pb_cond tree of playbook.h, checked against the fact catalog.
 *
 * A mapping is an `all` of its entries: `all:`, `any:` and `not:` nest;
 * any other key is a subject (a catalog fact, or the pseudo-facts owner
 * and tag) with a value (eq), a list (in) or a mapping of operators, each
 * operator one comparison.  An operand is read by the subject fact's kind
 * (ratios 0.25 or "25%", days 30 or "30d", money in major units stored as
 * cents, flags 0/1/true/false, labels from the fact's value list), or is
 * another fact ({ fact: NAME, times: X }) of a compatible kind.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/names.h"
#include "domain/facts.h"
#include "domain/model.h"
#include "domain/playbook_int.h"

/* The operators, for messages. */
#define OPS "eq, ne, lt, lte, gt, gte, in, between, known"

/* What one comparison is about, while its operands are read. */
struct subject {
	enum pb_subject subject;
	int fact;                    /* PB_SUBJ_FACT */
	enum pb_op op;
	const char *name;            /* as written: "owner", "tag", a fact's name */
};

static struct pb_cond *
new_cond(struct pb_parse *p, enum pb_cond_kind kind, const yaml_node_t *at)
{
	struct pb_cond *c = pool_alloc(&p->set->pool, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->fact = -1;
	c->line = (long)at->start_mark.line + 1;
	c->col = (long)at->start_mark.column + 1;
	return c;
}

/* Kinds that may be compared: the same, count with number, and labels
 * with the same value list (health_band with health_band_30d). */
static bool
compatible(int a, int b)
{
	enum fact_kind ka = fact_defs[a].kind, kb = fact_defs[b].kind;

	if (ka == FK_LABEL || kb == FK_LABEL)
		return ka == kb && fact_label_values(a) == fact_label_values(b);
	if (ka == kb)
		return true;
	return (ka == FK_COUNT || ka == FK_NUMBER) && (kb == FK_COUNT || kb == FK_NUMBER);
}

/* { fact: NAME, times: X } */
static bool
fact_ref(struct pb_parse *p, yaml_node_t *n, const struct subject *s, struct pb_operand *o)
{
	static const char *const keys[] = { "fact", "times", NULL };
	yaml_node_t *fn, *tn;
	enum fact_kind kind;
	const char *t;
	int f;

	if (s->subject != PB_SUBJ_FACT) {
		ydoc_problem(&p->y, n, "%s compares with values, not with a fact", s->name);
		return false;
	}
	kind = fact_defs[s->fact].kind;
	pb_check_keys(p, n, keys, "a fact reference");
	if (!(fn = ydoc_get(&p->y, n, "fact"))) {
		ydoc_problem(&p->y, n, "missing key 'fact' in a fact reference");
		return false;
	}
	if ((f = pb_fact_named(p, fn)) < 0)
		return false;
	if (!compatible(s->fact, f)) {
		ydoc_problem(&p->y, fn, "%s is a %s fact; it cannot be compared with %s, a %s fact",
			     s->name, fact_kind_name(kind), fact_defs[f].name,
			     fact_kind_name(fact_defs[f].kind));
		return false;
	}
	if (kind == FK_LABEL && s->op != PB_EQ && s->op != PB_NE) {
		ydoc_problem(&p->y, n,
			     "a label fact compares with another fact only with eq or ne");
		return false;
	}
	o->kind = PB_VAL_FACT;
	o->fact = f;
	o->times = 1;
	if (!(tn = ydoc_get(&p->y, n, "times")))
		return true;
	if (kind == FK_LABEL || kind == FK_FLAG) {
		ydoc_problem(&p->y, tn, "times needs a numeric fact; %s is a %s fact", s->name,
			     fact_kind_name(kind));
		return false;
	}
	if (!pb_scalar(p, tn, "times", &t))
		return false;
	if (!pb_number(t, &o->times)) {
		ydoc_problem(&p->y, tn, "times: '%s' is not a number", t);
		return false;
	}
	return true;
}

/* A constant for a catalog fact, by its kind. */
static bool
fact_value(struct pb_parse *p, yaml_node_t *n, const char *t, const struct subject *s,
	   struct pb_operand *o)
{
	const struct fact_def *d = &fact_defs[s->fact];
	const char *const *values, *hint;
	char tmp[64];
	int64_t cents;
	size_t len = strlen(t);
	int i;

	o->kind = PB_VAL_NUM;
	switch (d->kind) {
	case FK_RATIO:
		if (len > 1 && t[len - 1] == '%' && len < sizeof(tmp)) {
			snprintf(tmp, sizeof(tmp), "%.*s", (int)len - 1, t);
			if (pb_number(tmp, &o->num)) {
				o->num /= 100;
				return true;
			}
		} else if (pb_number(t, &o->num)) {
			return true;
		}
		ydoc_problem(&p->y, n, "%s is a ratio fact: '%s' is not a number or a percentage "
			     "(like 0.25 or 25%%)", d->name, t);
		return false;
	case FK_DAYS:
		snprintf(tmp, sizeof(tmp), "%.*s", (int)(len && t[len - 1] == 'd' ? len - 1 : len),
			 t);
		if (pb_number(tmp, &o->num) && o->num == floor(o->num))
			return true;
		ydoc_problem(&p->y, n,
			     "%s is a days fact: '%s' is not a whole number of days (like 30 or 30d)",
			     d->name, t);
		return false;
	case FK_COUNT:
	case FK_NUMBER:
		if (pb_number(t, &o->num))
			return true;
		ydoc_problem(&p->y, n, "%s is a %s fact: '%s' is not a number", d->name,
			     fact_kind_name(d->kind), t);
		return false;
	case FK_MONEY:
		if (pb_money(t, &cents)) {
			o->num = (double)cents;
			return true;
		}
		ydoc_problem(&p->y, n,
			     "%s is a money fact: '%s' is not an amount (like 50000 or 50,000.00)",
			     d->name, t);
		return false;
	case FK_FLAG:
		if (!strcmp(t, "1") || !strcmp(t, "true") || !strcmp(t, "0") ||
		    !strcmp(t, "false")) {
			o->num = !strcmp(t, "1") || !strcmp(t, "true");
			return true;
		}
		ydoc_problem(&p->y, n, "%s is a flag fact: '%s' is not 0, 1, true or false",
			     d->name, t);
		return false;
	case FK_LABEL:
		break;
	}
	values = fact_label_values(s->fact);
	o->kind = PB_VAL_TEXT;
	if (values && (i = names_lookup(values, t)) >= 0) {
		o->text = values[i];
		return true;
	}
	if (values && (hint = names_suggest(values, t))) {
		ydoc_problem(&p->y, n, "%s has no value '%s'; did you mean '%s'?", d->name, t,
			     hint);
	} else {
		struct buf all;

		buf_init(&all);
		for (i = 0; values && values[i]; i++)
			buf_addf(&all, "%s%s", i ? ", " : "", values[i]);
		ydoc_problem(&p->y, n, "%s has no value '%s' (%s)", d->name, t,
			     all.data ? all.data : "");
		buf_done(&all);
	}
	return false;
}

/* One operand at n. */
static bool
operand(struct pb_parse *p, yaml_node_t *n, const struct subject *s, struct pb_operand *o)
{
	const char *t;

	memset(o, 0, sizeof(*o));
	o->fact = -1;
	if (n->type == YAML_MAPPING_NODE)
		return fact_ref(p, n, s, o);
	if (n->type != YAML_SCALAR_NODE) {
		ydoc_problem(&p->y, n, "%s needs a single value, not a list", pb_op_names[s->op]);
		return false;
	}
	t = ydoc_text(n);
	if (s->subject == PB_SUBJ_FACT)
		return fact_value(p, n, t, s, o);
	if (!*t) {
		ydoc_problem(&p->y, n, "%s must not be empty",
			     s->subject == PB_SUBJ_TAG ? "a tag" : "a login");
		return false;
	}
	if (s->subject == PB_SUBJ_TAG && strchr(t, ';')) {
		ydoc_problem(&p->y, n, "a tag must not contain ';'");
		return false;
	}
	o->kind = PB_VAL_TEXT;
	o->text = pool_strdup(&p->set->pool, t);
	return true;
}

/* The operands of in and between: a list. */
static bool
operand_list(struct pb_parse *p, yaml_node_t *n, const struct subject *s, struct pb_cond *c)
{
	bool ok = true;
	size_t k = 0;

	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, n,
			     s->op == PB_BETWEEN ? "between needs a list of two values [low, high]"
						 : "in needs a list of values [a, b, ...]");
		return false;
	}
	if (s->op == PB_IN && !pb_nitems(n)) {
		ydoc_problem(&p->y, n, "in needs at least one value");
		return false;
	}
	if (s->op == PB_BETWEEN && pb_nitems(n) != 2) {
		ydoc_problem(&p->y, n, "between needs exactly two values [low, high], not %zu",
			     pb_nitems(n));
		return false;
	}
	c->args = pool_alloc(&p->set->pool, pb_nitems(n) * sizeof(*c->args));
	PB_EACH_ITEM(it, n)
		ok &= operand(p, ydoc_node(&p->y, *it), s, &c->args[k++]);
	c->nargs = k;
	if (ok && s->op == PB_BETWEEN && c->args[0].kind == PB_VAL_NUM &&
	    c->args[1].kind == PB_VAL_NUM && c->args[0].num > c->args[1].num)
		ydoc_problem(&p->y, n, "between: the low value '%s' is above the high value '%s'",
			     ydoc_text(ydoc_node(&p->y, n->data.sequence.items.start[0])),
			     ydoc_text(ydoc_node(&p->y, n->data.sequence.items.start[1])));
	return ok;
}

/* Labels, owner and tag take only some operators. */
static bool
op_allowed(struct pb_parse *p, yaml_node_t *k, const struct subject *s)
{
	enum pb_op op = s->op;
	bool eq_ne_in = op == PB_EQ || op == PB_NE || op == PB_IN;

	if (s->subject == PB_SUBJ_OWNER && !eq_ne_in)
		ydoc_problem(&p->y, k, "owner compares with eq, ne or in, not %s", pb_op_names[op]);
	else if (s->subject == PB_SUBJ_TAG && !eq_ne_in && op != PB_KNOWN)
		ydoc_problem(&p->y, k, "tag compares with eq, ne, in or known, not %s",
			     pb_op_names[op]);
	else if (s->subject == PB_SUBJ_FACT && fact_defs[s->fact].kind == FK_LABEL && !eq_ne_in &&
		 op != PB_KNOWN)
		ydoc_problem(&p->y, k, "%s is a label fact: compare it with eq, ne, in or known, not %s",
			     s->name, pb_op_names[op]);
	else
		return true;
	return false;
}

/* One comparison: operator op at key k with its value v. */
static struct pb_cond *
compare(struct pb_parse *p, yaml_node_t *k, yaml_node_t *v, struct subject *s)
{
	struct pb_cond *c;
	const char *t;

	if (!op_allowed(p, k, s))
		return NULL;
	c = new_cond(p, PB_COND_CMP, k);
	c->subject = s->subject;
	c->fact = s->fact;
	c->op = s->op;
	if (s->op == PB_IN || s->op == PB_BETWEEN)
		return operand_list(p, v, s, c) ? c : NULL;
	c->args = pool_alloc(&p->set->pool, sizeof(*c->args));
	c->nargs = 1;
	if (s->op != PB_KNOWN)
		return operand(p, v, s, &c->args[0]) ? c : NULL;
	memset(c->args, 0, sizeof(*c->args));
	c->args[0].kind = PB_VAL_NUM;
	if (!pb_scalar(p, v, "known", &t))
		return NULL;
	if (strcmp(t, "true") && strcmp(t, "false")) {
		ydoc_problem(&p->y, v, "known must be true or false, not '%s'", t);
		return NULL;
	}
	c->args[0].num = !strcmp(t, "true");
	return c;
}

/* SUBJECT: VALUE | [V, ...] | { OP: OPERAND, ... } -> kids. */
static void
comparisons(struct pb_parse *p, yaml_node_t *k, yaml_node_t *v, struct subject *s,
	    struct pb_cond **kids, size_t *nk)
{
	struct pb_cond *c;

	if (v->type != YAML_MAPPING_NODE) {
		s->op = v->type == YAML_SEQUENCE_NODE ? PB_IN : PB_EQ;
		if ((c = compare(p, k, v, s)))
			kids[(*nk)++] = c;
		return;
	}
	if (!pb_npairs(v)) {
		ydoc_problem(&p->y, v, "%s needs at least one operator (%s)", s->name, OPS);
		return;
	}
	PB_EACH_PAIR(pair, v) {
		yaml_node_t *ok = ydoc_node(&p->y, pair->key), *ov = ydoc_node(&p->y, pair->value);
		const char *name = ydoc_text(ok), *hint;
		int op = names_lookup(pb_op_names, name);

		if (op < 0) {
			hint = names_suggest(pb_op_names, name);
			ydoc_problem(&p->y, ok, "unknown operator '%s'%s%s%s (%s)",
				     name ? name : "?", hint ? "; did you mean '" : "",
				     hint ? hint : "", hint ? "'?" : "", OPS);
			continue;
		}
		s->op = (enum pb_op)op;
		if ((c = compare(p, ok, ov, s)))
			kids[(*nk)++] = c;
	}
}

/* all: [..] / any: [..] */
static struct pb_cond *
junction(struct pb_parse *p, yaml_node_t *k, yaml_node_t *v, const char *name)
{
	struct pb_cond *c;

	if (v->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, v, "%s must be a list of conditions", name);
		return NULL;
	}
	if (!pb_nitems(v)) {
		ydoc_problem(&p->y, v, "%s needs at least one condition", name);
		return NULL;
	}
	c = new_cond(p, !strcmp(name, "all") ? PB_COND_ALL : PB_COND_ANY, k);
	c->kids = pool_alloc(&p->set->pool, pb_nitems(v) * sizeof(*c->kids));
	PB_EACH_ITEM(it, v) {
		yaml_node_t *n = ydoc_node(&p->y, *it);
		struct pb_cond *kid;

		if (n->type != YAML_MAPPING_NODE)
			ydoc_problem(&p->y, n, "each item of %s must be a mapping (a condition)",
				     name);
		else if ((kid = pb_cond_parse(p, n)))
			c->kids[c->nkids++] = kid;
	}
	return c->nkids ? c : NULL;
}

static struct pb_cond *cond(struct pb_parse *p, yaml_node_t *n);

struct pb_cond *
pb_cond_parse(struct pb_parse *p, yaml_node_t *n)
{
	struct pb_cond *c;

	if (p->depth == PB_MAX_DEPTH) {
		ydoc_problem(&p->y, n, "conditions nest more than %d levels deep", PB_MAX_DEPTH);
		return NULL;
	}
	p->depth++;
	c = cond(p, n);
	p->depth--;
	return c;
}

static struct pb_cond *
cond(struct pb_parse *p, yaml_node_t *n)
{
	struct pb_cond **kids, *c;
	size_t cap = 0, nk = 0;

	if (n->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, n,
			     "a condition must be a mapping (FACT: VALUE, all:, any:, not:)");
		return NULL;
	}
	if (!pb_npairs(n)) {
		ydoc_problem(&p->y, n, "a condition must not be empty");
		return NULL;
	}
	PB_EACH_PAIR(pair, n) {
		yaml_node_t *v = ydoc_node(&p->y, pair->value);

		cap += v->type == YAML_MAPPING_NODE && pb_npairs(v) ? pb_npairs(v) : 1;
	}
	kids = pool_alloc(&p->set->pool, cap * sizeof(*kids));
	PB_EACH_PAIR(pair, n) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		const char *name = ydoc_text(k);
		struct subject s = { .fact = -1, .name = name };

		if (!name) {
			ydoc_problem(&p->y, k, "keys must be plain words");
		} else if (!strcmp(name, "all") || !strcmp(name, "any")) {
			if ((c = junction(p, k, v, name)))
				kids[nk++] = c;
		} else if (!strcmp(name, "not")) {
			if (v->type != YAML_MAPPING_NODE) {
				ydoc_problem(&p->y, v, "not must be a mapping (a condition)");
			} else if ((c = pb_cond_parse(p, v))) {
				struct pb_cond *no = new_cond(p, PB_COND_NOT, k);

				no->kids = pool_alloc(&p->set->pool, sizeof(*no->kids));
				no->kids[0] = c;
				no->nkids = 1;
				kids[nk++] = no;
			}
		} else if (!strcmp(name, "owner") || !strcmp(name, "tag")) {
			s.subject = !strcmp(name, "owner") ? PB_SUBJ_OWNER : PB_SUBJ_TAG;
			comparisons(p, k, v, &s, kids, &nk);
		} else if ((s.fact = pb_fact_named(p, k)) >= 0) {
			s.subject = PB_SUBJ_FACT;
			s.name = fact_defs[s.fact].name;
			comparisons(p, k, v, &s, kids, &nk);
		}
	}
	if (nk <= 1)
		return nk ? kids[0] : NULL;
	c = new_cond(p, PB_COND_ALL, n);
	c->kids = kids;
	c->nkids = nk;
	return c;
}
