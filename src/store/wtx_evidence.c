/*
 * wtx_evidence.c -- the evidence table (schema/0017_renewal_evidence.sql)
 * kept in step with the book by the write path: which writes make an
 * account's pipeline rows stale, and their refresh at commit.
 *
 * Why the table: the pipeline of a whole team (27,000 open renewals on a
 * 100k-account book) computed row by row is a dozen index lookups per
 * renewal for the cadence evidence (0.35 s) and three more random reads
 * of the renewal, its account and its ARR (0.15 s), where a list the CSM
 * waits for should take under 100 ms.  So the table holds each open
 * renewal's row as the pipeline shows it, but for the three small lookups
 * it still joins (the owner's login and team, the health band, which the
 * scoring rewrites for many accounts at once), keyed by (due_date, id): a
 * window of due dates is one range read of it, already in the pipeline's
 * order (store/renewals.c reads it).
 *
 * How it stays exact: every column is computed from the rows of one
 * account -- its renewals, renewal steps, touchpoints, tasks, stage
 * history, ARR events, the account row's name, external id, segment and
 * owner, and the renewals' audit records, which only their own writes add.
 * So a transaction notes the account of each such row it writes (the way
 * wtx_facts.c notes whose health may change: on both sides of an update,
 * before a delete, after an insert), and at commit deletes those accounts'
 * rows and writes them again from the book with the same expressions the
 * pipeline would compute (store/renewal_sql.h), in the same transaction.
 * An undo is a write like any other: the rows it restores are noted as
 * the rows it takes back.  A write of only the copied account fields (a
 * lead reassigning 10,000 accounts) updates those columns in place, no
 * evidence computed.  A bulk action (the demo, an import) or one that
 * touches more than EVIDENCE_MAX accounts rebuilds the whole table in one
 * statement instead, which is cheaper than account by account by then.
 * Derived data: not journaled for undo (journal.c), never audited.  Only
 * the write path keeps it: a book changed by hand with the sqlite3 shell
 * (or a migration that rewrites these tables' rows) must rebuild it, as
 * 0017 does.
 *
 * What the table cannot know ahead: the day.  Evidence does not depend on
 * it; the ARR does (events dated after today do not count yet), so the
 * row keeps the sum of all the account's events with the last one's date,
 * and the read sums them itself when that date is after its today.  And
 * the cadence (renewal_cadence, a setting): the rows count evidence from
 * the default cadence's opening (lead days before the due date); a read
 * under another cadence computes each row's evidence afresh, as before.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "domain/cadence.h"
#include "store/renewal_sql.h"
#include "store/store_int.h"
#include "store/wtx.h"
#include "store/wtx_int.h"

/* Past this many accounts in one action, one rebuild of the whole table
 * (about 1.5 s on a 100k-account book) costs less than the refreshes. */
#define EVIDENCE_MAX 20000

/* The tables a row reads but the account itself, any column of theirs. */
static const struct entity *const sources[] = {
	&entity_renewal, &entity_renewal_step, &entity_touchpoint, &entity_task,
	&entity_stage_history, &entity_arr_event,
};
/* The account fields a row copies (its owner: the renewal's, else this). */
static const char *const account_fields[] = { "external_id", "name", "segment", "owner" };

/* What a write makes stale in its account's rows. */
enum {
	EV_COPIED = 1 << 0,   /* only what they copy from the account row */
	EV_ALL = 1 << 1,      /* anything: every column is computed again */
};

static unsigned
stale_part(const struct entity *ent, uint32_t set)
{
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (sources[i] == ent)
			return EV_ALL;
	if (ent != &entity_account)
		return 0;
	if (set == ~0u)       /* an account inserted or deleted */
		return EV_ALL;
	for (size_t i = 0; i < sizeof(account_fields) / sizeof(account_fields[0]); i++) {
		int f = entity_field(ent, account_fields[i]);

		if (f >= 0 && (set & (1u << f)))
			return EV_COPIED;
	}
	return 0;
}

enum status
wtx_evidence_collect(struct wtx *t, const struct entity *ent, int64_t id, uint32_t set,
		     struct err *e)
{
	struct wtx_account *last = t->nevidence ? &t->evidence[t->nevidence - 1] : NULL;
	unsigned part;
	int64_t account;

	if (!t->s->has_renewal_evidence || t->evidence_all || !(part = stale_part(ent, set)))
		return ST_OK;
	/* A bulk action's rows are the whole book's business: no lookup each. */
	if (t->mode == WTX_BULK) {
		t->evidence_all = true;
		return ST_OK;
	}
	if (row_account(t, ent, id, &account, e))
		return e->status;
	if (!account)
		return ST_OK;
	if (last && last->id == account) {   /* the common case: one account */
		last->what |= part;
		return ST_OK;
	}
	if (t->nevidence == EVIDENCE_MAX) {
		t->evidence_all = true;
		return ST_OK;
	}
	if (t->nevidence == t->cap_evidence) {
		t->cap_evidence = t->cap_evidence ? t->cap_evidence * 2 : 8;
		t->evidence = xreallocarray(t->evidence, t->cap_evidence, sizeof(*t->evidence));
	}
	t->evidence[t->nevidence++] = (struct wtx_account){ account, part };
	return ST_OK;
}

/* One row per open renewal, computed from the book; ?1 the account (the
 * one-account text), ?7 the cycle's opening ("-180 days"), ?8 its days. */
#define EVIDENCE_FILL(WHERE) \
	"INSERT INTO renewal_evidence (due_date, id, account_id, owner_id, external_id, name," \
	" segment, forecast_category, stage, closed_date, target_arr_cents, forecast_arr_cents," \
	" final_arr_cents, arr_cents, arr_through, lead, t120, t90, t60, t30, reviews)" \
	" SELECT r.due_date, r.id, r.account_id, coalesce(r.owner_id, a.owner_id), a.external_id," \
	" a.name, a.segment, r.forecast_category, r.stage, r.closed_date, r.target_arr_cents," \
	" r.forecast_arr_cents, r.final_arr_cents," \
	" coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e WHERE e.account_id = r.account_id), 0)," \
	" (SELECT max(e.date) FROM arr_events e WHERE e.account_id = r.account_id)," \
	" ?8, " EVIDENCE_T120 ", " EVIDENCE_T90 ", " EVIDENCE_T60 ", " EVIDENCE_T30 "," \
	" " RENEWAL_REVIEWS \
	" FROM renewals r JOIN accounts a ON a.id = r.account_id" \
	" WHERE " WHERE "r.stage <> 'won' AND r.stage <> 'lost'"

static const char fill_one_sql[] = EVIDENCE_FILL("r.account_id = ?1 AND ");
static const char fill_all_sql[] = EVIDENCE_FILL("");
static const char clear_one_sql[] = "DELETE FROM renewal_evidence WHERE account_id = ?1";
static const char clear_all_sql[] = "DELETE FROM renewal_evidence";
/* A reassignment of 10,000 accounts (or its undo) rewrites no evidence. */
static const char copy_one_sql[] =
	"UPDATE renewal_evidence AS v SET (owner_id, external_id, name, segment) ="
	" (SELECT coalesce(r.owner_id, a.owner_id), a.external_id, a.name, a.segment"
	"  FROM renewals r JOIN accounts a ON a.id = r.account_id WHERE r.id = v.id)"
	" WHERE v.account_id = ?1";

/* The lead the rows are computed for: the default cadence's. */
static int
evidence_lead(void)
{
	struct cadence c;

	cadence_default(&c);
	return c.offset[0] + CADENCE_LEAD;
}

/* Run one of the statements above: for the account (0: it names none),
 * with the cycle's opening when it computes evidence (the fills). */
static enum status
run(struct store *s, const char *sql, int64_t account, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	char lead[32];
	int days = evidence_lead(), rc;

	if (!st)
		return e->status;
	if (account)
		sqlite3_bind_int64(st, 1, account);
	if (sqlite3_bind_parameter_count(st) == 8) {
		snprintf(lead, sizeof(lead), "-%d days", days);
		sqlite3_bind_text(st, 7, lead, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 8, days);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "refreshing the renewal pipeline");
	return ST_OK;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = ((const struct wtx_account *)a)->id, y = ((const struct wtx_account *)b)->id;

	return (x > y) - (x < y);
}

enum status
wtx_evidence_refresh(struct wtx *t, struct err *e)
{
	struct wtx_account *v = t->evidence;
	size_t n = 0;

	if (!t->s->has_renewal_evidence)
		return ST_OK;
	if (t->evidence_all)
		return run(t->s, clear_all_sql, 0, e) || run(t->s, fill_all_sql, 0, e) ? e->status
		       : ST_OK;
	if (!t->nevidence)
		return ST_OK;   /* nothing noted (and qsort may not take a NULL array) */
	qsort(v, t->nevidence, sizeof(*v), cmp_id);
	for (size_t i = 0; i < t->nevidence; i++) {   /* each account once */
		if (n && v[n - 1].id == v[i].id)
			v[n - 1].what |= v[i].what;
		else
			v[n++] = v[i];
	}
	/* Every stale row goes before any is written again: a renewal moved
	 * from one account to another is still the old account's row. */
	for (size_t i = 0; i < n; i++)
		if (run(t->s, v[i].what & EV_ALL ? clear_one_sql : copy_one_sql, v[i].id, e))
			return e->status;
	for (size_t i = 0; i < n; i++)
		if ((v[i].what & EV_ALL) && run(t->s, fill_one_sql, v[i].id, e))
			return e->status;
	return ST_OK;
}
