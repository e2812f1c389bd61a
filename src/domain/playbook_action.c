/*
 * playbook_action.c -- a rule's actions and its escalation ladder, from
 * YAML to the struct pb_action and struct pb_step arrays of playbook.h.
 *
 * Each action is a one-key mapping, TYPE: BODY.  A body's fields are
 * checked in file order against the table of keys its type takes; the
 * enumerated values (task kinds, priorities, risk categories, stages,
 * opportunity kinds, roles) are stored as the canonical names of
 * domain/model.h.  A checklist's template is only recorded here and
 * resolved once the whole set is loaded (playbook_int.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "domain/playbook_int.h"

#define NAME(id, name) name,
/* Index i is the bit 1 << i of enum pb_unless. */
static const char *const unless_names[] = { PB_UNLESS_LIST(NAME) NULL };
#undef NAME

/* Money in major units; "50,000.00" may group thousands. */
static bool
amount(struct pb_parse *p, yaml_node_t *n, const char *what, int64_t *cents)
{
	const char *t;

	if (!pb_scalar(p, n, what, &t))
		return false;
	if (!pb_money(t, cents)) {
		ydoc_problem(&p->y, n, "%s: '%s' is not an amount (like 50000 or 50,000.00)",
			     what, t);
		return false;
	}
	if (*cents < 0) {
		ydoc_problem(&p->y, n, "%s must not be negative", what);
		return false;
	}
	return true;
}

/* -- actions ----------------------------------------------------------------- */

/* The keys of each action's mapping, and the required ones. */
static const struct {
	const char *const keys[8];
	const char *const required[3];
} shapes[PB_ACT_COUNT_] = {
	[PB_ACT_TASK] = { { "title", "kind", "priority", "due", "owner", "notes", NULL },
			  { "title", NULL } },
	[PB_ACT_CHECKLIST] = { { "template", "title", "kind", "priority", "due", "owner", NULL },
			       { "template", NULL } },
	[PB_ACT_RISK] = { { "category", "severity", "description", "owner", NULL },
			  { "category", NULL } },
	[PB_ACT_NOTIFY] = { { "to", "message", NULL }, { "to", "message", NULL } },
	[PB_ACT_OPPORTUNITY] = { { "kind", "title", "arr", NULL }, { "kind", NULL } },
};

static void
template_ref(struct pb_parse *p, yaml_node_t *n, struct pb_action *a)
{
	struct pb_load *l = p->l;
	struct pb_tref *ref;
	const char *t;

	if (!pb_scalar(p, n, "template", &t))
		return;
	if (l->nrefs == l->caprefs) {
		l->caprefs = l->caprefs ? l->caprefs * 2 : 16;
		l->refs = xreallocarray(l->refs, l->caprefs, sizeof(*l->refs));
	}
	ref = &l->refs[l->nrefs++];
	ref->action = a;
	ref->id = pool_strdup(&p->set->pool, t);
	ref->line = (long)n->start_mark.line + 1;
	ref->col = (long)n->start_mark.column + 1;
	ref->d = p->y.d;
	ref->problems = p->problems;
}

/* One field of a mapping action, by name. */
static void
field(struct pb_parse *p, struct pb_action *a, const char *key, yaml_node_t *v)
{
	int i;

	if (!strcmp(key, "title")) {
		a->title = pb_parse_text(p, v, "title");
	} else if (!strcmp(key, "notes") || !strcmp(key, "description") ||
		   !strcmp(key, "message")) {
		a->text = pb_parse_text(p, v, key);
	} else if (!strcmp(key, "kind")) {
		bool opp = a->kind == PB_ACT_OPPORTUNITY;
		const char *const *names = opp ? opp_kind_names : task_kind_names;

		if ((i = pb_enum(p, v, names, opp ? "opportunity kind" : "task kind")) >= 0)
			a->value = names[i];
	} else if (!strcmp(key, "priority") || !strcmp(key, "severity")) {
		if ((i = pb_enum(p, v, priority_names, key)) >= 0)
			a->priority = priority_names[i];
	} else if (!strcmp(key, "category")) {
		if ((i = pb_enum(p, v, risk_category_names, "risk category")) >= 0)
			a->value = risk_category_names[i];
	} else if (!strcmp(key, "due")) {
		pb_parse_days(p, v, "due", 0, &a->due_days);
	} else if (!strcmp(key, "owner") || !strcmp(key, "to")) {
		if ((i = pb_enum(p, v, pb_role_names, "role")) >= 0)
			a->role = (enum pb_role)i;
	} else if (!strcmp(key, "template")) {
		template_ref(p, v, a);
	} else if (!strcmp(key, "arr")) {
		amount(p, v, "arr", &a->arr_cents);
	}
}

static void
action_body(struct pb_parse *p, yaml_node_t *v, struct pb_action *a)
{
	const char *name = pb_action_names[a->kind], *t;
	int i;

	if (a->kind == PB_ACT_STAGE) {
		if ((i = pb_enum(p, v, stage_names, "stage")) >= 0)
			a->value = stage_names[i];
		return;
	}
	if (a->kind == PB_ACT_TAG) {
		if (!pb_scalar(p, v, "tag", &t))
			return;
		if (!*t || strchr(t, ';'))
			ydoc_problem(&p->y, v, "%s",
				     *t ? "a tag must not contain ';'" : "a tag must not be empty");
		else
			a->value = pool_strdup(&p->set->pool, t);
		return;
	}
	if (v->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, v, "%s must be a mapping ({ %s: ... })", name,
			     shapes[a->kind].keys[0]);
		return;
	}
	pb_check_keys(p, v, shapes[a->kind].keys, name);
	for (i = 0; shapes[a->kind].required[i]; i++)
		if (!ydoc_get(&p->y, v, shapes[a->kind].required[i]))
			ydoc_problem(&p->y, v, "missing key '%s' in %s",
				     shapes[a->kind].required[i], name);
	PB_EACH_PAIR(pair, v) {
		const char *key = ydoc_text(ydoc_node(&p->y, pair->key));

		if (key && names_lookup(shapes[a->kind].keys, key) >= 0)
			field(p, a, key, ydoc_node(&p->y, pair->value));
	}
}

void
pb_parse_actions(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, bool has[])
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
		int kind;

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
		if ((kind = pb_enum(p, k, pb_action_names, "action")) < 0)
			continue;
		has[kind] = true;
		a = &r->actions[r->nactions++];
		memset(a, 0, sizeof(*a));
		a->kind = (enum pb_action_kind)kind;
		a->due_days = -1;
		a->role = PB_ROLE_CSM;
		a->line = (long)k->start_mark.line + 1;
		a->col = (long)k->start_mark.column + 1;
		action_body(p, ydoc_node(&p->y, an->data.mapping.pairs.start->value), a);
	}
}

/* -- escalation -------------------------------------------------------------- */

static unsigned
unless_one(struct pb_parse *p, yaml_node_t *n, const bool has[])
{
	int i = pb_enum(p, n, unless_names, "unless");

	if (i < 0)
		return 0;
	if (1u << i == PB_UNLESS_TASK_DONE && !has[PB_ACT_TASK] && !has[PB_ACT_CHECKLIST])
		ydoc_problem(&p->y, n,
			     "unless task_done needs a task or checklist action in the rule");
	else if (1u << i == PB_UNLESS_RISK_MITIGATED && !has[PB_ACT_RISK])
		ydoc_problem(&p->y, n, "unless risk_mitigated needs a risk action in the rule");
	return 1u << i;
}

static unsigned
unless(struct pb_parse *p, yaml_node_t *n, const bool has[])
{
	unsigned bits = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return unless_one(p, n, has);
	if (!pb_nitems(n))
		ydoc_problem(&p->y, n, "unless must not be empty");
	PB_EACH_ITEM(it, n)
		bits |= unless_one(p, ydoc_node(&p->y, *it), has);
	return bits;
}

void
pb_parse_steps(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, const bool has[])
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
			s->unless = unless(p, v, has);
		v = ydoc_get(&p->y, sn, "to");
		if (v && (k = pb_enum(p, v, pb_role_names, "role")) >= 0)
			s->to = (enum pb_role)k;
		if ((v = ydoc_get(&p->y, sn, "request")))
			s->request = pb_parse_text(p, v, "request");
	}
}
