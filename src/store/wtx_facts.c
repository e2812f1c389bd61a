/*
 * wtx_facts.c -- what a write changes beyond its rows: which stored facts
 * it makes stale (so the next playbook run computes them afresh), and which
 * accounts' health it may change (handed to the accounts hook at commit,
 * which rescores them at once).  The write path (wtx.c) counts each row
 * written here and collects its account.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/store_int.h"
#include "store/wtx.h"
#include "store/wtx_int.h"

/* What each table is to the fact catalog (domain/facts.h).  Writes to
 * tables no fact is computed from change no account's facts; a write to
 * any other table marks the stored facts (store/account_facts.h) stale at
 * commit -- so a new table counts as a source of facts until it is listed
 * here -- except to tables only the facts never stored read: tasks and
 * risks, counted by overdue_tasks and open_risks, which are always
 * computed, so that a playbook run, which writes tasks, risks,
 * opportunities, the inbox and its own records, keeps the day's facts
 * fresh for the next run.  Writes to both of those sources change an
 * account's facts, and so may change its health (the accounts hook).  An
 * override is not a fact: it is the band itself (collect()). */
static const struct entity *const facts_free[] = {
	&entity_team, &entity_user, &entity_opportunity, &entity_task_item, &entity_kpi,
	&entity_kpi_reading,
	&entity_health_override, &entity_calibration, &entity_account_health,
	&entity_playbook_run, &entity_playbook_rule_run, &entity_playbook_firing,
	&entity_escalation, &entity_inbox,
};
static const struct entity *const facts_unstored[] = { &entity_task, &entity_risk };
/* The account fields stored facts read; an update of the others (name,
 * owner, notes, tags...) leaves them fresh. */
static const char *const account_fact_fields[] = {
	"segment", "touch_model", "stage", "stage_since", "licensed_seats", "initial_contract_date",
};

static int
catalog_index(const struct entity *ent)
{
	for (size_t i = 0; i < entity_catalog_count; i++)
		if (entity_catalog[i] == ent)
			return (int)i;
	return 0;
}

enum fact_source { FACTS_NONE, FACTS_UNSTORED, FACTS_STORED };

static bool
listed(const struct entity *const *list, size_t n, const struct entity *ent)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == ent)
			return true;
	return false;
}

/* Which facts writing fields `set` (a mask of ent's fields) of a row may
 * change: none, only facts never stored, or stored ones. */
static enum fact_source
fact_source(const struct entity *ent, uint32_t set)
{
	if (listed(facts_free, sizeof(facts_free) / sizeof(facts_free[0]), ent))
		return FACTS_NONE;
	if (listed(facts_unstored, sizeof(facts_unstored) / sizeof(facts_unstored[0]), ent))
		return FACTS_UNSTORED;
	if (ent != &entity_account)
		return FACTS_STORED;
	for (size_t i = 0; i < sizeof(account_fact_fields) / sizeof(account_fact_fields[0]); i++) {
		int f = entity_field(ent, account_fact_fields[i]);

		if (f >= 0 && (set & (1u << f)))
			return FACTS_STORED;
	}
	return FACTS_NONE;
}

/* A row written: fields `set` of it (all of them for an insert or delete).
 * What the accounts hook writes is its own business (wtx.h). */
void
wtx_count(struct wtx *t, const struct entity *ent, uint32_t set)
{
	t->rows++;
	t->per_entity[catalog_index(ent) & 63]++;
	if (!t->in_hook && !t->changes_facts && fact_source(ent, set) == FACTS_STORED)
		t->changes_facts = true;
}

/* -- the accounts whose health changed ------------------------------------ */

/* The field of ent naming its account; else its required reference to a
 * parent row (a milestone's objective), whose entity goes to *up.  -1:
 * neither. */
static int
owner_field(const struct entity *ent, const struct entity **up)
{
	int parent = -1;

	*up = NULL;
	for (int i = 0; i < ent->nfields; i++) {
		const struct field *f = &ent->fields[i];

		if (f->type != FT_REF || !f->ref)
			continue;
		if (!strcmp(f->ref->table, entity_account.table)) {
			*up = &entity_account;
			return i;
		}
		if (parent < 0 && (f->flags & F_REQUIRED))
			parent = i;
	}
	if (parent >= 0)
		*up = entity_find(ent->fields[parent].ref->table);
	return *up ? parent : -1;
}

/* The account row id of ent belongs to, climbing its parents (a milestone,
 * its objective, their plan); 0 when it has none. */
enum status
row_account(struct wtx *t, const struct entity *ent, int64_t id, int64_t *account, struct err *e)
{
	*account = 0;
	for (int depth = 0; depth < 5 && id > 0; depth++) {
		const struct entity *up;
		char sql[160];
		sqlite3_stmt *st;
		int f, rc;

		if (ent == &entity_account) {
			*account = id;
			return ST_OK;
		}
		if ((f = owner_field(ent, &up)) < 0)
			return ST_OK;
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?1", ent->fields[f].column,
			 ent->table);
		if (!(st = store_stmt(t->s, sql, e)))
			return e->status;
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;   /* NULL reads 0 */
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_sql_error(t->s, e, "finding the account of a change");
		ent = up;
	}
	return ST_OK;
}

/* Row id of ent, fields `set` of it written: note its account when that
 * may change the account's health -- when the row is a source of its
 * facts (fact_source), or its override. */
enum status
wtx_collect(struct wtx *t, const struct entity *ent, int64_t id, uint32_t set, struct err *e)
{
	enum fact_source src;
	struct wtx_account *last = t->naccounts ? &t->accounts[t->naccounts - 1] : NULL;
	unsigned what;
	int64_t account;

	/* The pipeline's rows, whatever the mode (wtx_evidence.c). */
	if (wtx_evidence_collect(t, ent, id, set, e))
		return e->status;
	if (t->mode != WTX_AUDIT_ROWS || !t->s->accounts_hook || t->in_hook)
		return ST_OK;
	src = fact_source(ent, set);
	what = ent == &entity_health_override ? WTX_OVERRIDE : src == FACTS_STORED ? WTX_FACTS :
	       src == FACTS_UNSTORED ? WTX_UNSTORED_FACTS : 0;
	if (!what)
		return ST_OK;
	if (row_account(t, ent, id, &account, e))
		return e->status;
	if (!account)
		return ST_OK;
	if (last && last->id == account) {    /* the common case: one account */
		last->what |= what;
		return ST_OK;
	}
	if (t->naccounts == t->cap_accounts) {
		t->cap_accounts = t->cap_accounts ? t->cap_accounts * 2 : 16;
		t->accounts = xreallocarray(t->accounts, t->cap_accounts, sizeof(*t->accounts));
	}
	t->accounts[t->naccounts++] = (struct wtx_account){ account, what };
	return ST_OK;
}

static int
cmp_account(const void *a, const void *b)
{
	int64_t x = ((const struct wtx_account *)a)->id, y = ((const struct wtx_account *)b)->id;

	return (x > y) - (x < y);
}

/* At commit: hand the accounts collected, sorted and each once, to the hook. */
enum status
wtx_run_accounts_hook(struct wtx *t, struct err *e)
{
	struct store *s = t->s;
	size_t n = 0;
	enum status st;

	if (!t->naccounts || !s->accounts_hook)
		return ST_OK;
	qsort(t->accounts, t->naccounts, sizeof(*t->accounts), cmp_account);
	for (size_t i = 0; i < t->naccounts; i++) {
		if (n && t->accounts[n - 1].id == t->accounts[i].id)
			t->accounts[n - 1].what |= t->accounts[i].what;
		else
			t->accounts[n++] = t->accounts[i];
	}
	t->in_hook = true;
	st = s->accounts_hook(s->hook_ctx, s, t, t->accounts, n, e);
	t->in_hook = false;
	return st;
}

void
wtx_set_accounts_hook(struct store *s, wtx_accounts_fn fn, void *ctx, void (*release)(void *ctx))
{
	if (s->hook_release)
		s->hook_release(s->hook_ctx);
	s->accounts_hook = fn;
	s->hook_ctx = ctx;
	s->hook_release = release;
}
