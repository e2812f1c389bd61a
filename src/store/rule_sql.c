/*
 * rule_sql.c -- compiling playbook conditions to SQL (see rule_sql.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/fact_sql.h"
#include "store/rule_sql.h"

static const char *const op_sql[PB_OP_COUNT_] = {
	[PB_EQ] = "=", [PB_NE] = "<>", [PB_LT] = "<", [PB_LTE] = "<=", [PB_GT] = ">", [PB_GTE] = ">=",
};

/* Bind the next parameter and write its ?N. */
static void
param(struct rule_sql *q, const struct pb_operand *o)
{
	struct rule_param *p;

	if (q->nparams == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 8;
		q->params = xreallocarray(q->params, q->cap, sizeof(*q->params));
	}
	p = &q->params[q->nparams++];
	p->is_text = o->kind == PB_VAL_TEXT;
	p->num = o->num;
	p->text = o->text;
	buf_addf(&q->sql, "?%zu", q->nparams + RULE_SQL_FIRST_PARAM - 1);
}

/* The account id column of the statement's rows. */
static const char *
acct(const struct rule_sql *q)
{
	return q->stored ? "af.account_id" : "a.id";
}

/* A fact: its column of account_facts (aliased af) when the statement
 * reads stored facts and it is one, else its expression. */
static bool
from_store(const struct rule_sql *q, int fact)
{
	return q->stored && fact_sql_stored(fact);
}

static void
fact_expr(struct rule_sql *q, int fact)
{
	if (from_store(q, fact))
		buf_addf(&q->sql, "af.%s", fact_defs[fact].name);
	else
		buf_addf(&q->sql, "(%s)", fact_sql_expr(fact));
}

static int
fact_cost(const struct rule_sql *q, int fact)
{
	return from_store(q, fact) ? 0 : fact_sql_cost(fact);
}

/* An operand: a constant, or another fact times a factor. */
static void
operand(struct rule_sql *q, const struct pb_operand *o)
{
	struct pb_operand factor = { .kind = PB_VAL_NUM };

	if (o->kind != PB_VAL_FACT) {
		param(q, o);
		return;
	}
	fact_expr(q, o->fact);
	if (o->times != 1) {
		factor.num = o->times;
		buf_adds(&q->sql, " * ");
		param(q, &factor);
	}
}

static void
operand_list(struct rule_sql *q, const struct pb_cond *c)
{
	buf_adds(&q->sql, "(");
	for (size_t i = 0; i < c->nargs; i++) {
		if (i)
			buf_adds(&q->sql, ", ");
		operand(q, &c->args[i]);
	}
	buf_adds(&q->sql, ")");
}

/* subject OP args, for a subject already written as an expression. */
static void
compare(struct rule_sql *q, const struct pb_cond *c)
{
	switch (c->op) {
	case PB_IN:
		buf_adds(&q->sql, " IN ");
		operand_list(q, c);
		break;
	case PB_BETWEEN:
		buf_adds(&q->sql, " BETWEEN ");
		operand(q, &c->args[0]);
		buf_adds(&q->sql, " AND ");
		operand(q, &c->args[1]);
		break;
	case PB_KNOWN:
		buf_adds(&q->sql, c->args[0].num != 0 ? " IS NOT NULL" : " IS NULL");
		break;
	default:
		buf_addf(&q->sql, " %s ", op_sql[c->op]);
		operand(q, &c->args[0]);
		break;
	}
}

/* tag: eq/in -- the account has the tag (one of them); ne -- it has not. */
static void
tag_cmp(struct rule_sql *q, const struct pb_cond *c)
{
	if (c->op == PB_KNOWN) {
		buf_addf(&q->sql, "%sEXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = %s)",
			 c->args[0].num != 0 ? "" : "NOT ", acct(q));
		return;
	}
	buf_addf(&q->sql, "%sEXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = %s AND t.tag",
		 c->op == PB_NE ? "NOT " : "", acct(q));
	if (c->op == PB_IN) {
		buf_adds(&q->sql, " IN ");
		operand_list(q, c);
	} else {
		buf_adds(&q->sql, " = ");
		operand(q, &c->args[0]);
	}
	buf_adds(&q->sql, ")");
}

static void cond(struct rule_sql *q, const struct pb_cond *c);

/* What a term costs to evaluate for one account (store/fact_sql.h scale). */
static int
cost(const struct rule_sql *q, const struct pb_cond *c)
{
	int worst = 0;

	if (c->kind == PB_COND_CMP) {
		if (c->subject != PB_SUBJ_FACT)
			return 1;
		worst = fact_cost(q, c->fact);
		for (size_t i = 0; i < c->nargs; i++)
			if (c->args[i].kind == PB_VAL_FACT && fact_cost(q, c->args[i].fact) > worst)
				worst = fact_cost(q, c->args[i].fact);
		return worst;
	}
	for (size_t i = 0; i < c->nkids; i++) {
		int k = cost(q, c->kids[i]);

		worst = k > worst ? k : worst;
	}
	return worst;
}

/* Children of an all/any, cheapest first (stable): SQLite evaluates AND
 * and OR left to right and stops at the first term that decides. */
static void
junction(struct rule_sql *q, const struct pb_cond *c, const char *op)
{
	const struct pb_cond **order = xcalloc(c->nkids, sizeof(*order));
	size_t n = 0;

	for (int level = 0; level <= 3; level++)
		for (size_t i = 0; i < c->nkids; i++) {
			int k = cost(q, c->kids[i]);

			if (k == level || (level == 3 && k > 3))
				order[n++] = c->kids[i];
		}
	buf_adds(&q->sql, "(");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addf(&q->sql, " %s ", op);
		cond(q, order[i]);
	}
	buf_adds(&q->sql, ")");
	free(order);
}

static void
cond(struct rule_sql *q, const struct pb_cond *c)
{
	switch (c->kind) {
	case PB_COND_ALL:
		junction(q, c, "AND");
		return;
	case PB_COND_ANY:
		junction(q, c, "OR");
		return;
	case PB_COND_NOT:
		buf_adds(&q->sql, "(NOT ");
		cond(q, c->kids[0]);
		buf_adds(&q->sql, ")");
		return;
	case PB_COND_CMP:
		break;
	}
	buf_adds(&q->sql, "(");
	switch (c->subject) {
	case PB_SUBJ_FACT:
		fact_expr(q, c->fact);
		compare(q, c);
		break;
	case PB_SUBJ_OWNER:
		buf_adds(&q->sql, "coalesce((SELECT u.login FROM users u WHERE u.id = a.owner_id), 'pooled')");
		compare(q, c);
		break;
	case PB_SUBJ_TAG:
		tag_cmp(q, c);
		break;
	}
	buf_adds(&q->sql, ")");
}

/* The scope key of a firing and the probe for an earlier one. */
static void
scope(struct rule_sql *q, const struct pb_rule *r, bool probe)
{
	switch (r->once) {
	case PB_ONCE_ACCOUNT:
		if (probe)
			buf_addf(&q->sql, "EXISTS (SELECT 1 FROM playbook_firings f WHERE f.rule_id = ?2"
				 " AND f.account_id = %s AND f.scope_key = 'account')", acct(q));
		else
			buf_adds(&q->sql, "'account'");
		break;
	case PB_ONCE_RENEWAL:
		if (probe)
			buf_addf(&q->sql, "EXISTS (SELECT 1 FROM playbook_firings f WHERE f.rule_id = ?2"
				 " AND f.account_id = %s AND f.scope_key = 'renewal:' || rn.id)", acct(q));
		else
			buf_adds(&q->sql, "CASE WHEN rn.id IS NOT NULL THEN 'renewal:' || rn.id END");
		break;
	case PB_ONCE_PERIOD:
		/* At most once in any period_days days: no firing in the
		 * period_days - 1 days before the date, nor on it. */
		if (probe)
			buf_addf(&q->sql, "EXISTS (SELECT 1 FROM playbook_firings f WHERE f.rule_id = ?2"
				 " AND f.account_id = %s AND f.fired_on > date(?1, '-%d days')"
				 " AND f.fired_on <= ?1)", acct(q), r->period_days);
		else
			buf_adds(&q->sql, "?1");
		break;
	}
}

void
rule_sql_compile(const struct pb_rule *r, bool stored, struct rule_sql *q)
{
	bool used[FACT_COUNT_] = { 0 };

	memset(q, 0, sizeof(*q));
	q->stored = stored;
	buf_init(&q->sql);
	pb_text_facts(r, used);
	buf_addf(&q->sql, "SELECT %s, ", acct(q));
	scope(q, r, false);
	buf_adds(&q->sql, ", ");
	scope(q, r, true);
	buf_adds(&q->sql, ", rn.id, rn.due_date, rn.target_arr_cents");
	for (int f = 0; f < FACT_COUNT_; f++)
		if (used[f]) {
			q->facts[q->nfacts++] = f;
			buf_adds(&q->sql, ", ");
			fact_expr(q, f);
		}
	/* On stored facts the scan is of account_facts, narrow rows in id
	 * order; the accounts row is read only for what is not stored (and
	 * not at all when nothing is: SQLite omits an unused LEFT JOIN on a
	 * primary key).  Every account has its row of stored facts
	 * (store_account_facts_state). */
	if (stored)
		buf_adds(&q->sql, "\nFROM account_facts af LEFT JOIN accounts a ON a.id = af.account_id");
	else
		buf_adds(&q->sql, "\nFROM accounts a");
	/* The earliest open renewal: for per_renewal scopes and {renewal.*}. */
	if (stored)
		buf_adds(&q->sql, " LEFT JOIN renewals rn ON rn.id = af.renewal_id\nWHERE ");
	else
		buf_adds(&q->sql, " LEFT JOIN renewals rn ON rn.id = (SELECT id FROM renewals"
			 " WHERE account_id = a.id AND stage <> 'won' AND stage <> 'lost'"
			 " ORDER BY due_date, id LIMIT 1)\nWHERE ");
	cond(q, r->when);
	if (r->once == PB_ONCE_RENEWAL)
		buf_adds(&q->sql, "\n AND rn.id IS NOT NULL");
	buf_addf(&q->sql, "\nORDER BY %s", acct(q));
}

void
rule_sql_done(struct rule_sql *q)
{
	buf_done(&q->sql);
	free(q->params);
	memset(q, 0, sizeof(*q));
}

static void
literal_text(struct buf *out, const char *s)
{
	buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_addc(out, '\'');
		buf_addc(out, *s);
	}
	buf_addc(out, '\'');
}

void
rule_sql_inline(const struct rule_sql *q, const char *date, const char *rule_id, struct buf *out)
{
	const char *p = q->sql.data;
	bool quoted = false;

	while (*p) {
		char *end;
		unsigned long n;

		if (*p == '\'')
			quoted = !quoted;
		if (quoted || *p != '?' || p[1] < '0' || p[1] > '9') {
			buf_addc(out, *p++);
			continue;
		}
		n = strtoul(p + 1, &end, 10);
		p = end;
		if (n == 1)
			literal_text(out, date);
		else if (n == 2)
			literal_text(out, rule_id);
		else if (n - RULE_SQL_FIRST_PARAM < q->nparams) {
			const struct rule_param *v = &q->params[n - RULE_SQL_FIRST_PARAM];

			if (v->is_text)
				literal_text(out, v->text);
			else
				buf_addf(out, "%.17g", v->num);
		}
	}
}
