/*
 * playbook.c -- the playbook model's names, the set and placeholders (see
 * playbook.h).  Parsing is in playbook_parse.c, playbook_action.c and
 * playbook_cond.c, finding the files in app/playbook_set.c, the actions
 * themselves in app/pba_*.c.
 *
 * A set owns one pool holding every rule, template, condition and string;
 * only its two pointer arrays (rules, templates) are on the heap, so they
 * can grow and be replaced in place when a file overrides a rule.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/facts.h"
#include "domain/playbook.h"
#include "domain/playbook_int.h"

#define NAME(id, name) name,
const char *const pb_op_names[] = { PB_OP_LIST(NAME) NULL };
const char *const pb_role_names[] = { PB_ROLE_LIST(NAME) NULL };
#undef NAME

const char *const pb_placeholder_names[] = {
	"account.name", "account.external_id", "account.owner", "account.segment",
	"account.stage", "account.arr", "renewal.due", "renewal.days", "renewal.arr", "rule.id",
	"today", "due", NULL,
};

void
playbook_set_init(struct playbook_set *set)
{
	memset(set, 0, sizeof(*set));
	pool_init(&set->pool);
}

void
playbook_set_free(struct playbook_set *set)
{
	free(set->rules);
	free(set->templates);
	pool_done(&set->pool);
	playbook_set_init(set);
}

const struct pb_rule *
playbook_find(const struct playbook_set *set, const char *id)
{
	for (size_t i = 0; id && i < set->nrules; i++)
		if (!strcmp(set->rules[i]->id, id))
			return set->rules[i];
	return NULL;
}

size_t
pb_placeholder_next(const char *s, size_t *pos, const char **name, size_t *len)
{
	size_t i = *pos;

	for (; s[i]; i++) {
		const char *end;

		if ((s[i] == '{' && s[i + 1] == '{') || (s[i] == '}' && s[i + 1] == '}')) {
			i++;
			continue;
		}
		if (s[i] != '{')
			continue;
		if (!(end = strchr(s + i + 1, '}'))) {
			*name = NULL;
			*len = 0;
			*pos = strlen(s);
			return i;
		}
		*name = s + i + 1;
		*len = (size_t)(end - *name);
		*pos = (size_t)(end - s) + 1;
		return i;
	}
	*pos = i;
	return (size_t)-1;
}

/* Mark the facts a text names as {fact.NAME}. */
static void
text_facts(const char *s, bool used[])
{
	const char *name;
	size_t pos = 0, len;

	while (s && pb_placeholder_next(s, &pos, &name, &len) != (size_t)-1) {
		char buf[64];
		int f;

		if (!name || len <= 5 || strncmp(name, "fact.", 5) || len - 5 >= sizeof(buf))
			continue;
		memcpy(buf, name + 5, len - 5);
		buf[len - 5] = '\0';
		if ((f = fact_lookup(buf)) >= 0)
			used[f] = true;
	}
}

static void
cond_facts(const struct pb_cond *c, bool used[])
{
	if (!c)
		return;
	if (c->kind != PB_COND_CMP) {
		for (size_t i = 0; i < c->nkids; i++)
			cond_facts(c->kids[i], used);
		return;
	}
	if (c->subject == PB_SUBJ_FACT && c->fact >= 0)
		used[c->fact] = true;
	for (size_t i = 0; i < c->nargs; i++)
		if (c->args[i].kind == PB_VAL_FACT && c->args[i].fact >= 0)
			used[c->args[i].fact] = true;
}

void
pb_rule_facts(const struct pb_rule *r, bool used[])
{
	cond_facts(r->when, used);
	pb_text_facts(r, used);
}

void
pb_text_facts(const struct pb_rule *r, bool used[])
{
	for (size_t i = 0; i < r->nactions; i++) {
		const struct pb_action *a = &r->actions[i];

		text_facts(a->title, used);
		text_facts(a->text, used);
		if (a->checklist)
			text_facts(a->checklist->title, used);
	}
	for (size_t i = 0; i < r->nsteps; i++)
		text_facts(r->steps[i].request, used);
}

void
pb_expand(struct buf *out, const char *tmpl, const char *(*lookup)(void *ctx, const char *name),
	  void *ctx)
{
	const char *s = tmpl;

	while (s && *s) {
		const char *end;

		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			buf_addc(out, s[0]);
			s += 2;
			continue;
		}
		if (s[0] != '{' || !(end = strchr(s + 1, '}'))) {
			/* Plain text, a lone '}', or an unclosed '{' (validation
			 * refuses those; copied as written). */
			buf_addc(out, *s++);
			continue;
		}
		{
			char *name = xstrndup(s + 1, (size_t)(end - s - 1));
			const char *v = lookup(ctx, name);

			buf_adds(out, v ? v : "n/a");
			free(name);
		}
		s = end + 1;
	}
}
