/*
 * pba_tag.c -- the `tag` action: adds a tag to the account.
 *
 *   - tag: at-risk
 *
 * Fields (struct pb_action): value (the tag: not empty, no ';', the
 * separator of an account's tags).  An account that has the tag is left
 * as it is (the report says "already"); otherwise a run appends it to the
 * account's tags.
 */
#include "config.h"

#include <string.h>

#include "core/buf.h"
#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/wtx.h"

/* The body is the tag itself. */
static void
tag_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	const char *t;

	if (!pb_scalar(p, body, "tag", &t))
		return;
	if (!*t || strchr(t, ';'))
		pb_problem(p, body, "%s",
			   *t ? "a tag must not contain ';'" : "a tag must not be empty");
	else
		a->value = pb_parse_keep(p, t);
}

/* Does the ';'-separated list tags hold tag? */
static bool
has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);

	for (const char *p = tags; *p; p = strchr(p, ';') ? strchr(p, ';') + 1 : p + strlen(p))
		if (!strncmp(p, tag, n) && (p[n] == ';' || !p[n]))
			return true;
	return false;
}

static void
tag_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	out->form = PB_FORM_CHANGE;
	out->what = a->value;
	if (has_tag(f->account->tags, a->value)) {
		out->unchanged = true;
		out->detail = "unchanged";
	}
}

static enum status
tag_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	    struct err *e)
{
	const struct pb_account *acct = f->account;
	struct row row;
	struct buf tags;
	enum status st;

	(void)r;
	row_init(&row, &entity_account);
	buf_init(&tags);
	buf_addf(&tags, "%s%s%s", acct->tags, *acct->tags ? ";" : "", a->value);
	st = row_parse(f->x->s, &row, entity_field(&entity_account, "tags"), tags.data, e);
	if (!st)
		st = wtx_update(f->t, &row, acct->id, e);
	buf_done(&tags);
	row_done(&row);
	return st;
}

const struct pb_action_ops pba_tag = {
	.name = "tag",                   /* - tag: TAG */
	.unless = 0,                     /* nothing an escalation can wait for */
	.parse = tag_parse,              /* the tag */
	.execute = tag_execute,          /* the account's tags, with it */
	.describe = tag_describe,        /* TAG, TAG (already) */
};
