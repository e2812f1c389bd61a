/*
 * playbook_action.c -- a rule's actions and its escalation ladder, from
 * YAML to the struct pb_action and struct pb_step arrays of playbook.h,
 * and the parsing helpers of playbook_action.h that actions share.
 *
 * Each action is a one-key mapping, TYPE: BODY.  TYPE is looked up in the
 * action types the load was given (struct pb_load, from app/pba_list.c)
 * and that type's parse reads BODY: most through pb_parse_body(), which
 * checks the body's keys against the action's table and reads each field
 * in file order with the readers below.  Enumerated values (priorities,
 * roles; an action's own: task kinds, stages...) are stored as the
 * canonical names of domain/model.h.  A checklist's template is only
 * recorded here and resolved once the whole set is loaded
 * (playbook_int.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "domain/playbook_int.h"

#define NAME(id, name) name,
/* Index i is the bit 1 << i of enum pb_unless. */
static const char *const unless_names[] = { PB_UNLESS_LIST(NAME) NULL };
#undef NAME

/* -- helpers for an action's parse ------------------------------------------- */

void
pb_problem(struct pb_parse *p, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ydoc_problem(&p->y, n, "%s", msg);
}

const char *
pb_parse_keep(struct pb_parse *p, const char *s)
{
	return pool_strdup(&p->set->pool, s);
}

const char *
pb_parse_name(struct pb_parse *p, yaml_node_t *n, const char *const *names, const char *what)
{
	int i = pb_enum(p, n, names, what);

	return i >= 0 ? names[i] : NULL;
}

void
pb_key_title(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	a->title = pb_parse_text(p, v, key);
}

void
pb_key_text(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	a->text = pb_parse_text(p, v, key);
}

void
pb_key_priority(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	const char *name = pb_parse_name(p, v, priority_names, key);

	if (name)
		a->priority = name;
}

void
pb_key_due(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	pb_parse_days(p, v, key, 0, &a->due_days);
}

void
pb_key_role(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	int i = pb_enum(p, v, pb_role_names, "role");

	(void)key;
	if (i >= 0)
		a->role = (enum pb_role)i;
}

void
pb_key_template(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	struct pb_load *l = p->l;
	struct pb_tref *ref;
	const char *t;

	if (!pb_scalar(p, v, key, &t))
		return;
	if (l->nrefs == l->caprefs) {
		l->caprefs = l->caprefs ? l->caprefs * 2 : 16;
		l->refs = xreallocarray(l->refs, l->caprefs, sizeof(*l->refs));
	}
	ref = &l->refs[l->nrefs++];
	ref->action = a;
	ref->id = pool_strdup(&p->set->pool, t);
	ref->line = (long)v->start_mark.line + 1;
	ref->col = (long)v->start_mark.column + 1;
	ref->d = p->y.d;
	ref->problems = p->problems;
}

void
pb_key_amount(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	const char *t;

	if (!pb_scalar(p, v, key, &t))
		return;
	if (!pb_money(t, &a->arr_cents)) {
		ydoc_problem(&p->y, v, "%s: '%s' is not an amount (like 50000 or 50,000.00)",
			     key, t);
		return;
	}
	if (a->arr_cents < 0)
		ydoc_problem(&p->y, v, "%s must not be negative", key);
}

void
pb_parse_body(struct pb_parse *p, yaml_node_t *body, struct pb_action *a,
	      const struct pb_key *keys)
{
	const char *name = a->ops->name, **names;
	size_t n = 0;
	int k;

	while (keys[n].name)
		n++;
	if (body->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, body, "%s must be a mapping ({ %s: ... })", name, keys[0].name);
		return;
	}
	names = xreallocarray(NULL, n + 1, sizeof(*names));
	for (size_t i = 0; i < n; i++)
		names[i] = keys[i].name;
	names[n] = NULL;
	pb_check_keys(p, body, names, name);
	for (size_t i = 0; i < n; i++)
		if (keys[i].required && !ydoc_get(&p->y, body, keys[i].name))
			ydoc_problem(&p->y, body, "missing key '%s' in %s", keys[i].name, name);
	PB_EACH_PAIR(pair, body) {
		const char *key = ydoc_text(ydoc_node(&p->y, pair->key));

		if (key && (k = names_lookup(names, key)) >= 0)
			keys[k].parse(p, ydoc_node(&p->y, pair->value), a, key);
	}
	free(names);
}

/* -- actions ----------------------------------------------------------------- */

void
pb_parse_actions(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, unsigned *unless)
{
	size_t n;

	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "actions must be a list");
		return;
	}
	if (!(n = pb_nitems(list))) {
		ydoc_problem(&p->y, list, "actions must not be empty");
		return;
	}
	r->actions = pool_alloc(&p->set->pool, n * sizeof(*r->actions));
	PB_EACH_ITEM(it, list) {
		yaml_node_t *an = ydoc_node(&p->y, *it), *k;
		struct pb_action *a;
		size_t keys;
		int type;

		if (an->type != YAML_MAPPING_NODE) {
			ydoc_problem(&p->y, an, "an action must be a mapping (TYPE: ...)");
			continue;
		}
		keys = pb_npairs(an);
		if (keys != 1) {
			ydoc_problem(&p->y, an, "an action has one key, its type, not %zu%s", keys,
				     keys ? " (are its fields indented under the type?)" : "");
			continue;
		}
		k = ydoc_node(&p->y, an->data.mapping.pairs.start->key);
		if ((type = pb_enum(p, k, p->l->action_names, "action")) < 0)
			continue;
		a = &r->actions[r->nactions++];
		memset(a, 0, sizeof(*a));
		a->ops = p->l->actions[type];
		a->due_days = -1;
		a->role = PB_ROLE_CSM;
		a->line = (long)k->start_mark.line + 1;
		a->col = (long)k->start_mark.column + 1;
		*unless |= a->ops->unless;
		a->ops->parse(p, ydoc_node(&p->y, an->data.mapping.pairs.start->value), a);
	}
}

/* -- escalation -------------------------------------------------------------- */

/* One `unless` name; given: the bits the rule's actions give. */
static unsigned
unless_one(struct pb_parse *p, yaml_node_t *n, unsigned given)
{
	int i = pb_enum(p, n, unless_names, "unless");

	if (i < 0)
		return 0;
	if (1u << i == PB_UNLESS_TASK_DONE && !(given & PB_UNLESS_TASK_DONE))
		ydoc_problem(&p->y, n,
			     "unless task_done needs a task or checklist action in the rule");
	else if (1u << i == PB_UNLESS_RISK_MITIGATED && !(given & PB_UNLESS_RISK_MITIGATED))
		ydoc_problem(&p->y, n, "unless risk_mitigated needs a risk action in the rule");
	return 1u << i;
}

static unsigned
unless(struct pb_parse *p, yaml_node_t *n, unsigned given)
{
	unsigned bits = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return unless_one(p, n, given);
	if (!pb_nitems(n))
		ydoc_problem(&p->y, n, "unless must not be empty");
	PB_EACH_ITEM(it, n)
		bits |= unless_one(p, ydoc_node(&p->y, *it), given);
	return bits;
}

void
pb_parse_steps(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, unsigned given)
{
	static const char *const keys[] = { "after", "unless", "to", "request", NULL };
	static const char *const required[] = { "after", "to", "request", NULL };
	int prev = -1;
	size_t prev_step = 0, i = 0;

	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list,
			     "escalate must be a list of steps (after:, unless:, to:, request:)");
		return;
	}
	r->steps = pool_alloc(&p->set->pool, (pb_nitems(list) + 1) * sizeof(*r->steps));
	PB_EACH_ITEM(it, list) {
		yaml_node_t *sn = ydoc_node(&p->y, *it), *v;
		struct pb_step *s;
		char where[48];
		int k;

		if (i++ == PB_MAX_STEPS)
			ydoc_problem(&p->y, sn, "at most %d escalation steps (levels L1 to L%d)",
				     PB_MAX_STEPS, PB_MAX_STEPS);
		if (sn->type != YAML_MAPPING_NODE) {
			ydoc_problem(&p->y, sn, "an escalation step must be a mapping "
				     "(after:, unless:, to:, request:)");
			continue;
		}
		s = &r->steps[r->nsteps++];
		memset(s, 0, sizeof(*s));
		s->after_days = -1;
		s->line = (long)sn->start_mark.line + 1;
		s->col = (long)sn->start_mark.column + 1;
		snprintf(where, sizeof(where), "escalation step %zu", i);
		pb_check_keys(p, sn, keys, "an escalation step");
		for (k = 0; required[k]; k++)
			if (!ydoc_get(&p->y, sn, required[k]))
				ydoc_problem(&p->y, sn, "missing key '%s' in %s", required[k],
					     where);
		v = ydoc_get(&p->y, sn, "after");
		if (v && pb_parse_days(p, v, "after", 1, &s->after_days)) {
			if (prev >= 0 && s->after_days <= prev)
				ydoc_problem(&p->y, v,
					     "unreachable: after %dd is not later than step %zu's %dd",
					     s->after_days, prev_step, prev);
			prev = s->after_days;
			prev_step = i;
		}
		if ((v = ydoc_get(&p->y, sn, "unless")))
			s->unless = unless(p, v, given);
		v = ydoc_get(&p->y, sn, "to");
		if (v && (k = pb_enum(p, v, pb_role_names, "role")) >= 0)
			s->to = (enum pb_role)k;
		if ((v = ydoc_get(&p->y, sn, "request")))
			s->request = pb_parse_text(p, v, "request");
	}
}
