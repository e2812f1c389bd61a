/*
 * playbook_parse.c -- reading one playbook file into a set (see
 * playbook.h, tend-playbook(5)): templates, rules, the texts' placeholders
 * and the helpers the other parsing files share (playbook_int.h, and those
 * of playbook_action.h an action's parse uses).  Actions and escalation
 * ladders are in playbook_action.c, conditions in playbook_cond.c.
 *
 * Every problem is reported at the node it is about (ydoc keeps libyaml's
 * start marks) and parsing goes on, so one run lists them all.  Keys are
 * checked in a fixed order (a rule: id, description, enabled, when, once,
 * actions, escalate; a step: after, unless, to, request), which is the
 * order people write them in; the fields of one action are checked in file
 * order.
 *
 * A placeholder problem points into the text when the scalar is on one
 * line: its column is the scalar's plus the placeholder's offset in the
 * value (in characters), plus one for the opening quote of a quoted
 * scalar.  Escapes before the placeholder are not counted back, and a
 * text over several lines (block or folded) points at its start.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "domain/facts.h"
#include "domain/model.h"
#include "domain/playbook_int.h"

/* -- helpers shared with playbook_action.c and playbook_cond.c ---------------- */

void
pb_problem_at(struct pb_parse *p, long line, long col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(p->y.d, line, col, "%s", msg);
	p->y.problems++;
}

bool
pb_scalar(struct pb_parse *p, yaml_node_t *n, const char *what, const char **out)
{
	if (!n || n->type != YAML_SCALAR_NODE) {
		ydoc_problem(&p->y, n, "%s must be a single value, not a %s", what,
			     n && n->type == YAML_SEQUENCE_NODE ? "list" : "mapping");
		return false;
	}
	*out = ydoc_text(n);
	return true;
}

void
pb_check_keys(struct pb_parse *p, yaml_node_t *map, const char *const *allowed, const char *where)
{
	PB_EACH_PAIR(pair, map) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key);
		const char *name = ydoc_text(k), *hint;

		if (!name) {
			ydoc_problem(&p->y, k, "keys must be plain words");
			continue;
		}
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < pair; q++) {
			yaml_node_t *qk = ydoc_node(&p->y, q->key);
			const char *qn = ydoc_text(qk);

			if (qn && !strcmp(qn, name)) {
				ydoc_problem(&p->y, k, "key '%s' is given twice in %s (first at line %ld)",
					     name, where, (long)qk->start_mark.line + 1);
				break;
			}
		}
		if (names_lookup(allowed, name) >= 0)
			continue;
		if ((hint = names_suggest(allowed, name)))
			ydoc_problem(&p->y, k, "unknown key '%s' in %s; did you mean '%s'?", name,
				     where, hint);
		else
			ydoc_problem(&p->y, k, "unknown key '%s' in %s", name, where);
	}
}

int
pb_enum(struct pb_parse *p, yaml_node_t *n, const char *const *names, const char *what)
{
	const char *t, *hint;
	struct buf all;
	int i;

	if (!pb_scalar(p, n, what, &t))
		return -1;
	if ((i = names_lookup(names, t)) >= 0)
		return i;
	if ((hint = names_suggest(names, t))) {
		ydoc_problem(&p->y, n, "unknown %s '%s'; did you mean '%s'?", what, t, hint);
		return -1;
	}
	buf_init(&all);
	for (i = 0; names[i]; i++)
		buf_addf(&all, "%s%s", i ? ", " : "", names[i]);
	ydoc_problem(&p->y, n, "unknown %s '%s' (%s)", what, t, all.data);
	buf_done(&all);
	return -1;
}

int
pb_fact_named(struct pb_parse *p, yaml_node_t *n)
{
	static const char *const keywords[] = { "all", "any", "not", "owner", "tag", NULL };
	const char *name = ydoc_text(n), *hint, *kw;
	int f;

	if (!name) {
		ydoc_problem(&p->y, n, "a fact name must be a single word");
		return -1;
	}
	if ((f = fact_lookup(name)) >= 0)
		return f;
	/* "tags" is closer to the pseudo-fact tag than to the fact stage. */
	hint = fact_suggest(name);
	kw = names_suggest(keywords, name);
	if (kw && (!hint || names_distance(name, kw, 3) <= names_distance(name, hint, 3)))
		hint = kw;
	if (hint)
		ydoc_problem(&p->y, n, "unknown fact '%s'; did you mean '%s'? (see 'tend facts')",
			     name, hint);
	else
		ydoc_problem(&p->y, n, "unknown fact '%s' (see 'tend facts')", name);
	return -1;
}

bool
pb_number(const char *t, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(t, &end);
	return *t && !*end && !errno && isfinite(*out);
}

/* "50,000.00" -> "50000.00" when the commas group thousands; else as is. */
static void
ungroup(const char *t, char *out, size_t size)
{
	const char *s = t + (*t == '-'), *comma = strchr(s, ',');
	size_t j = 0;

	snprintf(out, size, "%s", t);
	if (!comma || comma == s || comma - s > 3)
		return;
	for (const char *q = comma; *q == ','; q += 4)
		if (strspn(q + 1, "0123456789") < 3 || (q[4] && q[4] != ',' && q[4] != '.'))
			return;
	for (; *t && j + 1 < size; t++)
		if (*t != ',')
			out[j++] = *t;
	out[j] = '\0';
}

bool
pb_money(const char *t, int64_t *cents)
{
	const char *why;
	char plain[64];

	ungroup(t, plain, sizeof(plain));
	return money_parse(plain, cents, &why);
}

/* -- small values ------------------------------------------------------------ */

static bool
boolean(struct pb_parse *p, yaml_node_t *n, const char *what, bool *out)
{
	const char *t;

	if (!pb_scalar(p, n, what, &t))
		return false;
	if (!strcmp(t, "true") || !strcmp(t, "false")) {
		*out = !strcmp(t, "true");
		return true;
	}
	ydoc_problem(&p->y, n, "%s must be true or false, not '%s'", what, t);
	return false;
}

bool
pb_parse_days(struct pb_parse *p, yaml_node_t *n, const char *what, int min, int *out)
{
	const char *t, *s;
	long v = 0;
	int digits = 0;

	if (!pb_scalar(p, n, what, &t))
		return false;
	s = t + (*t == '-');
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if (v <= PB_MAX_DAYS)
			v = v * 10 + (*s - '0');
	if (*s == 'd')
		s++;
	if (!digits || *s) {
		ydoc_problem(&p->y, n, "%s: '%s' is not a number of days (like 14d)", what, t);
		return false;
	}
	if (*t == '-')
		v = -v;
	if (v < min || v > PB_MAX_DAYS) {
		ydoc_problem(&p->y, n, "%s: '%s' is out of range (%dd to %dd)", what, t, min,
			     PB_MAX_DAYS);
		return false;
	}
	*out = (int)v;
	return true;
}

/* An id: [a-z0-9][a-z0-9_-]*. */
static bool
good_id(struct pb_parse *p, yaml_node_t *n, const char *what, const char *id)
{
	bool ok = (*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9');

	for (const char *s = id; ok && *s; s++)
		ok = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_';
	if (!ok)
		ydoc_problem(&p->y, n,
			     "bad %s id '%s': use lower-case letters, digits, '-' and '_', "
			     "starting with a letter or a digit", what, id);
	return ok;
}

/* Column of the character at byte off of n's value (see the top comment). */
static void
text_position(const yaml_node_t *n, const char *s, size_t off, long *line, long *col)
{
	yaml_scalar_style_t st = n->data.scalar.style;

	*line = (long)n->start_mark.line + 1;
	*col = (long)n->start_mark.column + 1;
	if (n->start_mark.line != n->end_mark.line ||
	    (st != YAML_PLAIN_SCALAR_STYLE && st != YAML_SINGLE_QUOTED_SCALAR_STYLE &&
	     st != YAML_DOUBLE_QUOTED_SCALAR_STYLE))
		return;
	*col += st != YAML_PLAIN_SCALAR_STYLE;
	for (size_t i = 0; i < off; i++)
		*col += ((unsigned char)s[i] & 0xc0) != 0x80;   /* UTF-8 lead bytes */
}

/* Every placeholder of the text at n must be known and closed. */
static void
placeholders(struct pb_parse *p, const yaml_node_t *n, const char *s)
{
	const char *name, *hint;
	size_t pos = 0, at, len;
	char ph[128];
	long line, col;
	int f;

	while ((at = pb_placeholder_next(s, &pos, &name, &len)) != (size_t)-1) {
		text_position(n, s, at, &line, &col);
		if (!name) {
			pb_problem_at(p, line, col,
				      "unclosed '{' (write '{{' for a literal brace)");
			return;
		}
		snprintf(ph, sizeof(ph), "%.*s", (int)len, name);
		if (names_lookup(pb_placeholder_names, ph) >= 0)
			continue;
		if (!strncmp(ph, "fact.", 5)) {
			if (fact_lookup(ph + 5) >= 0)
				continue;
			if ((hint = fact_suggest(ph + 5)))
				pb_problem_at(p, line, col,
					      "unknown placeholder '{%s}'; did you mean '{fact.%s}'?", ph, hint);
			else
				pb_problem_at(p, line, col,
					      "unknown placeholder '{%s}': no such fact "
					      "(see 'tend facts')", ph);
			continue;
		}
		if ((hint = names_suggest(pb_placeholder_names, ph)))
			pb_problem_at(p, line, col,
				      "unknown placeholder '{%s}'; did you mean '{%s}'?", ph, hint);
		else if ((f = fact_lookup(ph)) >= 0)
			pb_problem_at(p, line, col,
				      "unknown placeholder '{%s}'; did you mean '{fact.%s}'?", ph,
				      fact_defs[f].name);
		else
			pb_problem_at(p, line, col,
				      "unknown placeholder '{%s}' (see tend-playbook(5))", ph);
	}
}

const char *
pb_parse_text(struct pb_parse *p, yaml_node_t *n, const char *what)
{
	const char *t;

	if (!pb_scalar(p, n, what, &t))
		return NULL;
	if (!*t) {
		ydoc_problem(&p->y, n, "%s must not be empty", what);
		return NULL;
	}
	placeholders(p, n, t);
	return pool_strdup(&p->set->pool, t);
}

/* -- templates --------------------------------------------------------------- */

static void
add_template(struct pb_parse *p, struct pb_template *t, yaml_node_t *k)
{
	struct playbook_set *set = p->set;

	for (size_t i = 0; i < set->ntemplates; i++) {
		const struct pb_template *old = set->templates[i];

		if (strcmp(old->id, t->id))
			continue;
		if (old->file == p->file || !p->l->override || !pb_shipped(old->file))
			ydoc_problem(&p->y, k, "duplicate template id '%s' (first defined at %s:%ld:%ld)",
				     t->id, old->file, old->line, old->col);
		else
			set->templates[i] = t;
		return;
	}
	if (set->ntemplates == set->captemplates) {
		set->captemplates = set->captemplates ? set->captemplates * 2 : 16;
		set->templates = xreallocarray(set->templates, set->captemplates,
					       sizeof(*set->templates));
	}
	set->templates[set->ntemplates++] = t;
}

static void
template_body(struct pb_parse *p, yaml_node_t *v, struct pb_template *t, const char *where)
{
	static const char *const keys[] = { "title", "items", NULL };
	yaml_node_t *title, *items;

	if (v->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, v, "%s must be a mapping (title:, items:)", where);
		return;
	}
	pb_check_keys(p, v, keys, where);
	if (!(title = ydoc_get(&p->y, v, "title")))
		ydoc_problem(&p->y, v, "missing key 'title' in %s", where);
	else
		t->title = pb_parse_text(p, title, "title");
	if (!(items = ydoc_get(&p->y, v, "items"))) {
		ydoc_problem(&p->y, v, "missing key 'items' in %s", where);
		return;
	}
	if (items->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, items, "items must be a list of texts");
		return;
	}
	if (!pb_nitems(items)) {
		ydoc_problem(&p->y, items, "items must not be empty");
		return;
	}
	t->items = pool_alloc(&p->set->pool, pb_nitems(items) * sizeof(*t->items));
	PB_EACH_ITEM(it, items) {
		const char *s = pb_parse_text(p, ydoc_node(&p->y, *it), "an item");

		if (s)
			t->items[t->nitems++] = s;
	}
}

static void
templates(struct pb_parse *p, yaml_node_t *map)
{
	if (map->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, map, "templates must be a mapping of id: { title:, items: }");
		return;
	}
	PB_EACH_PAIR(pair, map) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		struct pb_template *t;
		const char *id = ydoc_text(k);
		char where[96];
		bool ok;

		if (!id) {
			ydoc_problem(&p->y, k, "a template id must be a single word");
			continue;
		}
		ok = good_id(p, k, "template", id);
		t = pool_alloc(&p->set->pool, sizeof(*t));
		memset(t, 0, sizeof(*t));
		t->id = pool_strdup(&p->set->pool, id);
		t->file = p->file;
		t->line = (long)k->start_mark.line + 1;
		t->col = (long)k->start_mark.column + 1;
		snprintf(where, sizeof(where), "template '%s'", id);
		template_body(p, v, t, where);
		if (ok)
			add_template(p, t, k);
	}
}

/* -- rules ------------------------------------------------------------------- */

static void
once(struct pb_parse *p, yaml_node_t *v, struct pb_rule *r)
{
	static const char *const scopes[] = { "per_account", "per_renewal", "per_period", NULL };
	static const char *const keys[] = { "per_period", NULL };
	const char *t, *hint;
	yaml_node_t *pp;

	if (v->type == YAML_MAPPING_NODE) {
		pb_check_keys(p, v, keys, "once");
		if (!(pp = ydoc_get(&p->y, v, "per_period")))
			ydoc_problem(&p->y, v, "missing key 'per_period' in once");
		else if (pb_parse_days(p, pp, "per_period", 1, &r->period_days))
			r->once = PB_ONCE_PERIOD;
		return;
	}
	if (v->type != YAML_SCALAR_NODE) {
		ydoc_problem(&p->y, v,
			     "once must be per_account, per_renewal or { per_period: Nd }");
		return;
	}
	t = ydoc_text(v);
	if (!strcmp(t, "per_account"))
		r->once = PB_ONCE_ACCOUNT;
	else if (!strcmp(t, "per_renewal"))
		r->once = PB_ONCE_RENEWAL;
	else if (!strcmp(t, "per_period"))
		ydoc_problem(&p->y, v,
			     "per_period needs a number of days: once: { per_period: 30d }");
	else if ((hint = names_suggest(scopes, t)))
		ydoc_problem(&p->y, v, "unknown once '%s'; did you mean '%s'? "
			     "(per_account, per_renewal or { per_period: Nd })", t, hint);
	else
		ydoc_problem(&p->y, v, "unknown once '%s' (per_account, per_renewal or { per_period: Nd })",
			     t);
}

static void
add_rule(struct pb_parse *p, struct pb_rule *r, yaml_node_t *idn)
{
	struct playbook_set *set = p->set;

	for (size_t i = 0; i < set->nrules; i++) {
		const struct pb_rule *old = set->rules[i];

		if (strcmp(old->id, r->id))
			continue;
		if (old->file == p->file || !p->l->override || !pb_shipped(old->file))
			ydoc_problem(&p->y, idn,
				     "duplicate rule id '%s' (first defined at %s:%ld:%ld)", r->id,
				     old->file, old->line, old->col);
		else
			set->rules[i] = r;
		return;
	}
	if (set->nrules == set->caprules) {
		set->caprules = set->caprules ? set->caprules * 2 : 32;
		set->rules = xreallocarray(set->rules, set->caprules, sizeof(*set->rules));
	}
	set->rules[set->nrules++] = r;
}

static void
rule(struct pb_parse *p, yaml_node_t *rn)
{
	static const char *const keys[] = { "id", "description", "enabled", "when", "once",
		"actions", "escalate", NULL };
	unsigned unless = 0;
	struct pb_rule *r;
	yaml_node_t *idn, *v;
	char where[96] = "a rule";
	const char *t;

	r = pool_alloc(&p->set->pool, sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->file = p->file;
	r->line = (long)rn->start_mark.line + 1;
	r->col = (long)rn->start_mark.column + 1;
	r->enabled = true;
	r->once = PB_ONCE_ACCOUNT;
	pb_check_keys(p, rn, keys, "a rule");
	if (!(idn = ydoc_get(&p->y, rn, "id")))
		ydoc_problem(&p->y, rn, "missing key 'id' in a rule");
	else if (pb_scalar(p, idn, "id", &t) && good_id(p, idn, "rule", t)) {
		r->id = pool_strdup(&p->set->pool, t);
		snprintf(where, sizeof(where), "rule '%s'", t);
	}
	if ((v = ydoc_get(&p->y, rn, "description")) && pb_scalar(p, v, "description", &t))
		r->description = pool_strdup(&p->set->pool, t);
	if ((v = ydoc_get(&p->y, rn, "enabled")))
		boolean(p, v, "enabled", &r->enabled);
	if (!(v = ydoc_get(&p->y, rn, "when")))
		ydoc_problem(&p->y, rn, "missing key 'when' in %s", where);
	else if (v->type != YAML_MAPPING_NODE)
		ydoc_problem(&p->y, v,
			     "when must be a mapping of conditions (FACT: VALUE, all:, any:, not:)");
	else
		r->when = pb_cond_parse(p, v);
	if ((v = ydoc_get(&p->y, rn, "once")))
		once(p, v, r);
	if (!(v = ydoc_get(&p->y, rn, "actions")))
		ydoc_problem(&p->y, rn, "missing key 'actions' in %s", where);
	else
		pb_parse_actions(p, v, r, &unless);
	if ((v = ydoc_get(&p->y, rn, "escalate")))
		pb_parse_steps(p, v, r, unless);
	if (r->id)
		add_rule(p, r, idn);
}

static void
top(struct pb_parse *p, yaml_node_t *root)
{
	static const char *const keys[] = { "templates", "rules", NULL };
	yaml_node_t *v, *list = ydoc_get(&p->y, root, "rules");

	pb_check_keys(p, root, keys, "a playbook");
	if ((v = ydoc_get(&p->y, root, "templates")))
		templates(p, v);
	else if (!list)
		ydoc_problem(&p->y, root, "a playbook needs rules or templates");
	if (!list)
		return;
	if (list->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(&p->y, list, "rules must be a list");
		return;
	}
	PB_EACH_ITEM(it, list) {
		yaml_node_t *rn = ydoc_node(&p->y, *it);

		if (rn->type != YAML_MAPPING_NODE)
			ydoc_problem(&p->y, rn,
				     "a rule must be a mapping (id:, when:, actions: ...)");
		else
			rule(p, rn);
	}
}

/* -- loading ----------------------------------------------------------------- */

void
pb_load_init(struct pb_load *l, struct playbook_set *set,
	     const struct pb_action_ops *const *actions)
{
	size_t n = 0;

	memset(l, 0, sizeof(*l));
	l->set = set;
	l->actions = actions;
	while (actions[n])
		n++;
	l->action_names = xreallocarray(NULL, n + 1, sizeof(*l->action_names));
	for (size_t i = 0; i < n; i++)
		l->action_names[i] = actions[i]->name;
	l->action_names[n] = NULL;
}

void
pb_load_done(struct pb_load *l)
{
	free(l->refs);
	free(l->action_names);
	l->refs = NULL;
	l->action_names = NULL;
	l->nrefs = l->caprefs = 0;
}

bool
pb_shipped(const char *file)
{
	return file && !strncmp(file, "playbooks/pb-", strlen("playbooks/pb-"));
}

size_t
pb_load_file(struct pb_load *l, const char *text, size_t len, struct diag *d, bool override,
	     size_t *problems)
{
	struct pb_parse p = { .l = l, .set = l->set, .problems = problems };
	yaml_node_t *root;
	size_t n;

	l->override = override;
	p.file = pool_strdup(&l->set->pool, d->file ? d->file : "-");
	if (ydoc_load(&p.y, text, len, d)) {
		if (!(root = ydoc_root(&p.y)))
			ydoc_problem(&p.y, NULL, "the file is empty");
		else if (root->type != YAML_MAPPING_NODE)
			ydoc_problem(&p.y, root,
				     "a playbook must be a mapping (templates:, rules:)");
		else
			top(&p, root);
	}
	n = p.y.problems;
	ydoc_done(&p.y);
	if (problems)
		*problems += n;
	return n;
}

size_t
pb_load_resolve(struct pb_load *l)
{
	struct playbook_set *set = l->set;
	const char **names = xreallocarray(NULL, set->ntemplates + 1, sizeof(*names));
	size_t bad = 0;

	for (size_t i = 0; i < set->ntemplates; i++)
		names[i] = set->templates[i]->id;
	names[set->ntemplates] = NULL;
	for (size_t i = 0; i < l->nrefs; i++) {
		struct pb_tref *ref = &l->refs[i];
		int t = names_lookup(names, ref->id);
		const char *hint;

		if (t >= 0) {
			ref->action->checklist = set->templates[t];
			continue;
		}
		if ((hint = names_suggest(names, ref->id)))
			diag_add(ref->d, ref->line, ref->col,
				 "unknown template '%s'; did you mean '%s'?", ref->id, hint);
		else
			diag_add(ref->d, ref->line, ref->col, "unknown template '%s'", ref->id);
		if (ref->problems)
			(*ref->problems)++;
		bad++;
	}
	free(names);
	l->nrefs = 0;
	return bad;
}

size_t
playbook_parse(struct playbook_set *set, const struct pb_action_ops *const *actions,
	       const char *text, size_t len, struct diag *d, bool override)
{
	struct pb_load l;
	size_t n = 0;

	pb_load_init(&l, set, actions);
	pb_load_file(&l, text, len, d, override, &n);
	pb_load_resolve(&l);
	pb_load_done(&l);
	return n;
}
