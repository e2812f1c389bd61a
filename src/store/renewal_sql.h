/*
 * renewal_sql.h -- the SQL text of a renewal's cadence evidence, its
 * account's ARR and its review count (store/renewals.h says what counts as
 * evidence), shared by the two statements that compute them: the
 * pipeline's read when it cannot use the evidence table (renewals.c) and
 * the write path's refresh of that table (wtx_evidence.c), so both say the
 * same thing.  schema/0017_renewal_evidence.sql fills the table with the
 * same expressions written out.
 *
 * Each expects the renewal as r, with r.id, r.account_id and r.due_date,
 * and ?7 bound to the cycle's opening relative to the due date
 * ("-180 days": cadence_open).
 */
#ifndef TEND_STORE_RENEWAL_SQL_H
#define TEND_STORE_RENEWAL_SQL_H

/* The first evidence of a step: the least of several dates, NULL when none.
 * SQLite's min() of several arguments is NULL when any is, so each is
 * given a day after every book's first. */
#define EV_NONE_DAY "'9999-12-31'"
#define EV_(x) "coalesce((" x "), " EV_NONE_DAY ")"
#define EV_FIRST_(list) "nullif(min(" list "), " EV_NONE_DAY ")"
#define EV_OPENS_(col) col " >= date(r.due_date, ?7)"
#define EV_STEP_(k) \
	EV_("SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = '" k "'")
#define EV_TASK_(k) \
	EV_("SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id" \
	    " AND k.source = 'playbook:renewal-" k "' AND k.status = 'done' AND " EV_OPENS_("k.done_on"))
#define EV_REVIEW_ \
	EV_("SELECT min(p.date) FROM touchpoints p WHERE p.account_id = r.account_id" \
	    " AND " EV_OPENS_("p.date") " AND (p.kind = 'ebr' OR p.kind = 'qbr')")
#define EV_RENEW_STAGE_ \
	EV_("SELECT min(g.from_date) FROM account_stage_history g WHERE g.account_id = r.account_id" \
	    " AND g.stage = 'renew' AND " EV_OPENS_("g.from_date"))

/* The first evidence of each step, a date or NULL. */
#define EVIDENCE_T120 EV_FIRST_(EV_STEP_("t120") ", " EV_REVIEW_ ", " EV_TASK_("t120"))
#define EVIDENCE_T90 EV_FIRST_(EV_STEP_("t90") ", " EV_TASK_("t90") ", " EV_RENEW_STAGE_)
#define EVIDENCE_T60 EV_FIRST_(EV_STEP_("t60") ", " EV_TASK_("t60"))
#define EVIDENCE_T30 EV_FIRST_(EV_STEP_("t30") ", " EV_TASK_("t30"))

/* The renewal's audited changes: its updates and its steps logged. */
#define RENEWAL_REVIEWS \
	"(SELECT count(*) FROM audit_log l WHERE l.table_name = 'renewals' AND l.row_id = r.id" \
	"   AND l.op = 'update')" \
	"  + (SELECT count(*) FROM renewal_steps k WHERE k.renewal_id = r.id)"

/* The account's ARR on day DAY (SQL text: a parameter), in cents. */
#define ACCOUNT_ARR_ON(DAY) \
	"coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e" \
	"   WHERE e.account_id = r.account_id AND e.date <= " DAY "), 0)"

#endif
