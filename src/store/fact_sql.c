/*
 * fact_sql.c -- each fact of the catalog as one SQL expression (see fact_sql.h).
 *
 * The expressions restate, account by account, what the book-wide statement
 * of store/facts.c computes with GROUP BY and its C post-processing (fill()):
 * the same rows, the same filters, the same arithmetic, so that a playbook
 * rule over the SQL and a scorecard over store_facts_each never disagree
 * (tests/unit/check_fact_sql.c compares them fact by fact, account by
 * account).  Conventions, mirroring fill():
 *   - unknown is NULL; "none" facts (counts, flags, arr) are 0, not NULL;
 *   - ratios are REAL: the numerator is CAST to REAL and the division is
 *     guarded by the same `> 0` test as in C, so the doubles are identical;
 *   - days are INTEGER: julianday() of two YYYY-MM-DD dates differ by an
 *     exact whole number, cast to an integer;
 *   - money is INTEGER cents; labels are the same text.
 * "Latest row" facts are `ORDER BY date DESC LIMIT 1` seeks on the same
 * index, with the same order, as the seeks of store/facts.c, so that even
 * rows sharing a date resolve the same way.  Aggregates are range scans of
 * one account's entries in the (account_id, date) indexes.  Every
 * expression reads only the account row `a` and ?1, the date.
 */
#include "config.h"

#include <stddef.h>

#include "domain/facts.h"
#include "store/fact_sql.h"
#include "store/store_int.h"

/* Days from a date expression to ?1 (?1 - x), as an integer; NULL when x is. */
#define DAYS_SINCE(x) "CAST(julianday(?1) - julianday(" x ") AS INTEGER)"

/* num / den as REAL, NULL unless den > 0 (den must be a plain column). */
#define RATIO(num, den) "CAST(" num " AS REAL) / CASE WHEN " den " > 0 THEN " den " END"

/* cols of the latest usage row on or before day that recorded users or
 * seats: the seek store/facts.c joins as un, u30 and u90 (same index, same
 * order, so the same row even when two share a date). */
#define USAGE_AT(cols, day) \
	"(SELECT " cols " FROM usage WHERE account_id = a.id AND date <= " day \
	" AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1)"
#define USAGE_ID(day) USAGE_AT("id", day)
#define USAGE_NOW(cols) USAGE_AT(cols, "?1")
/* Relative change of active users since the latest usage on or before
 * ?1 + back: two seeks, each row read once. */
#define USERS_CHANGE(back) \
	"(SELECT (CAST(n.active_users AS REAL) - o.active_users) / o.active_users" \
	" FROM usage n, usage o WHERE n.id = " USAGE_ID("?1") \
	" AND o.id = " USAGE_ID("date(?1, '" back "')") " AND o.active_users > 0)"

/* Tickets opened on or before ?1 and not closed 30 days before it: all the
 * tickets open on some day of the 30-day window (a few more that count 0),
 * so all the tickets open on ?1 too. */
#define TICKETS_LATE_30D \
	" FROM tickets WHERE account_id = a.id AND opened_date <= ?1" \
	" AND (closed_date IS NULL OR closed_date > date(?1, '-30 days')))"
/* A ticket's open days within the 30 days ending on ?1 (open on day x when
 * opened <= x < closed), exactly as store/facts.c counts them. */
#define TICKET_OPEN_DAYS \
	"max(0, julianday(min(?1, coalesce(date(closed_date, '-1 day'), ?1)))" \
	" - julianday(max(opened_date, date(?1, '-29 days'))) + 1)"
#define TICKET_OPEN "(closed_date IS NULL OR closed_date > ?1)"

/* A column of the latest survey, touchpoint or health snapshot. */
#define LATEST(table, col, where, day) \
	"(SELECT " col " FROM " table " WHERE account_id = a.id AND date <= " day where \
	" ORDER BY date DESC LIMIT 1)"
#define SNAPSHOT(col, day) LATEST("health_snapshots", col, "", day)
#define BAND(day) SNAPSHOT("coalesce(override_band, band)", day)

/* A manual rating (health_inputs) while fresh: the latest one on or before
 * ?1 counts when at most 30 days old, 14 while the band (HEALTH_BAND) is
 * yellow or worse.  The latest row is fresh exactly when some row is at
 * least that recent, so the freshness bound is a range on the index. */
#define MANUAL(fact) \
	"(SELECT value FROM health_inputs WHERE account_id = a.id AND fact = '" fact "'" \
	" AND date <= ?1 AND date >= date(?1, CASE WHEN " BAND("?1") \
	" IN ('red', 'orange', 'yellow') THEN '-14 days' ELSE '-30 days' END)" \
	" ORDER BY date DESC, id DESC LIMIT 1)"

/* A contact of the account still there on ?1 (one who left after it was)
 * has the role.  Nested EXISTS, not a join, so that SQLite goes from the
 * account's contacts to their roles and not from every contact having the
 * role (contact_roles_role) to its account. */
#define PRESENT(role) \
	"EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id" \
	" AND (c.status = 'active' OR c.left_on > ?1) AND EXISTS (SELECT 1 FROM contact_roles r" \
	" WHERE r.contact_id = c.id AND r.role = '" role "'))"

/* cols of the renewal coming up: the earliest neither won nor lost, the
 * lowest id on a tie (the renewal store/facts.c joins as rw). */
#define RENEWAL(cols) \
	"(SELECT " cols " FROM renewals WHERE account_id = a.id" \
	" AND stage <> 'won' AND stage <> 'lost' ORDER BY due_date, id LIMIT 1)"

/* ARR at the end of ?1. */
#define ARR_NOW \
	"(SELECT coalesce(sum(arr_delta_cents), 0) FROM arr_events" \
	" WHERE account_id = a.id AND date <= ?1)"
/* The first ARR: the first contract's, else the first new event's.  The
 * orders are the index orders in which store/facts.c's min() meets the rows,
 * so ties on the date resolve alike.  Neither can be negative (CHECK), so
 * "> 0" is "<> 0". */
#define ARR_FIRST \
	"coalesce((SELECT arr_cents FROM contracts WHERE account_id = a.id" \
	" ORDER BY start_date, end_date, id LIMIT 1)," \
	" (SELECT arr_delta_cents FROM arr_events WHERE account_id = a.id AND kind = 'new'" \
	" ORDER BY date, arr_delta_cents, id LIMIT 1))"

/* A count that is 0, not NULL, when there is nothing. */
#define COUNT(from_where) "(SELECT count(*) FROM " from_where ")"

struct fact_sql {
	const char *expr;     /* the expression, in parentheses */
	int cost;             /* fact_sql_cost() */
	const char *column;   /* the accounts column it is, or NULL */
	bool live;            /* never stored in account_facts (fact_sql_stored) */
};

/* An entry of the table: the parentheses make each expression usable as an
 * operand anywhere in a larger one.  LIVE: a fact never stored, always
 * computed, because playbook actions change it (a risk action opens a
 * risk, a task action adds tasks) and stored facts should hold across a
 * playbook run: risks and tasks are among the tables whose writes leave
 * them fresh (store/wtx.c). */
#define F(id, c, x) [FACT_##id] = { .expr = "(" x ")", .cost = (c) }
#define LIVE(id, c, x) [FACT_##id] = { .expr = "(" x ")", .cost = (c), .live = true }
#define COLUMN(id, col) [FACT_##id] = { .expr = "(a." col ")", .cost = 0, .column = col }

static const struct fact_sql fact_sql[FACT_COUNT_] = {
	F(LICENSE_UTILIZATION, 1, USAGE_NOW(
		RATIO("activated_seats", "coalesce(licensed_seats, a.licensed_seats)"))),
	F(FEATURE_UTILIZATION, 1, USAGE_NOW(
		RATIO("advanced_features_used", "advanced_features_entitled"))),
	F(ADOPTION_DEPTH, 1, USAGE_NOW(RATIO("active_users", "activated_seats"))),
	F(ACTIVE_USERS, 1, USAGE_NOW("active_users")),
	F(ACTIVE_USERS_CHANGE_30D, 3, USERS_CHANGE("-30 days")),
	F(ACTIVE_USERS_CHANGE_90D, 3, USERS_CHANGE("-90 days")),
	F(OPEN_TICKETS, 2, COUNT(
		"tickets WHERE account_id = a.id AND opened_date <= ?1 AND " TICKET_OPEN)),
	F(OPEN_P1, 2, COUNT(
		"tickets WHERE account_id = a.id AND opened_date <= ?1 AND " TICKET_OPEN
		" AND priority = 'p1'")),
	F(OPEN_TICKETS_AVG_30D, 2,
		"(SELECT total(" TICKET_OPEN_DAYS ") / 30.0" TICKETS_LATE_30D),
	/* open / (open days / 30), 0 when the average is 0, as in fill(). */
	F(OPEN_TICKETS_VS_AVG, 2,
		"(SELECT CASE WHEN total(" TICKET_OPEN_DAYS ") > 0"
		" THEN CAST(count(CASE WHEN " TICKET_OPEN " THEN 1 END) AS REAL)"
		" / (total(" TICKET_OPEN_DAYS ") / 30.0) ELSE 0.0 END" TICKETS_LATE_30D),
	F(TICKETS_90D, 2, COUNT(
		"tickets WHERE account_id = a.id AND opened_date > date(?1, '-90 days')"
		" AND opened_date <= ?1")),
	F(TICKET_TREND, 2,
		"(SELECT coalesce(sum(CASE WHEN opened_date > date(?1, '-28 days')"
		" THEN 1 ELSE -1 END), 0)"
		" FROM tickets WHERE account_id = a.id AND opened_date > date(?1, '-56 days')"
		" AND opened_date <= ?1)"),
	F(NPS_12M, 2,
		"(SELECT 100.0 * (sum(score >= 9) - sum(score <= 6)) / nullif(count(*), 0)"
		" FROM surveys WHERE account_id = a.id AND kind = 'nps'"
		" AND date > date(?1, '-12 months') AND date <= ?1)"),
	F(NPS_CATEGORY, 1, LATEST("surveys",
		"CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive'"
		" ELSE 'detractor' END",
		" AND kind = 'nps'", "?1")),
	F(CSAT_90D, 2,
		"(SELECT avg(score) FROM surveys WHERE account_id = a.id AND kind = 'csat'"
		" AND date > date(?1, '-90 days') AND date <= ?1)"),
	F(SENTIMENT, 1, LATEST("touchpoints", "sentiment",
		" AND sentiment IS NOT NULL", "?1")),
	F(CSM_SENTIMENT, 3, MANUAL("csm_sentiment")),
	F(DAYS_SINCE_TOUCH, 1, DAYS_SINCE(LATEST("touchpoints", "date",
		" AND kind <> 'note' AND kind <> 'internal_review'", "?1"))),
	/* Any touchpoint of the account an executive attended (the contact's own
	 * account does not matter, as in store/facts.c). */
	F(DAYS_SINCE_EXEC_TOUCH, 2, DAYS_SINCE(
		"(SELECT t.date FROM touchpoints t"
		" JOIN touchpoint_attendees x ON x.touchpoint_id = t.id"
		" JOIN contacts c ON c.id = x.contact_id"
		" WHERE t.account_id = a.id AND t.date <= ?1 AND c.is_executive = 1"
		" ORDER BY t.date DESC LIMIT 1)")),
	F(DAYS_SINCE_REVIEW, 2, DAYS_SINCE(LATEST("touchpoints", "date",
		" AND (kind = 'qbr' OR kind = 'ebr')", "?1"))),
	F(CHAMPION_PRESENT, 2, PRESENT("champion")),
	F(SPONSOR_PRESENT, 2, PRESENT("executive_sponsor")),
	F(DAYS_SINCE_CHAMPION_LEFT, 2, DAYS_SINCE(
		"(SELECT max(c.left_on) FROM contacts c"
		" WHERE c.account_id = a.id AND c.left_on <= ?1"
		" AND EXISTS (SELECT 1 FROM contact_roles r WHERE r.contact_id = c.id"
		" AND (r.role = 'champion' OR r.role = 'executive_sponsor')))")),
	F(ADVOCACY_12M, 2, COUNT(
		"advocacy_events WHERE account_id = a.id AND date > date(?1, '-12 months')"
		" AND date <= ?1")),
	/* Invoices due in the year, and older ones still unpaid on ?1. */
	F(INVOICE_DAYS_LATE, 2,
		"(SELECT CAST(max(max(0,"
		" julianday(CASE WHEN paid_date <= ?1 THEN paid_date ELSE ?1 END)"
		" - julianday(due_date))) AS INTEGER) FROM invoices WHERE account_id = a.id"
		" AND due_date <= ?1"
		" AND (due_date > date(?1, '-365 days') OR paid_date IS NULL OR paid_date > ?1))"),
	F(FINANCIAL_RATING, 3, MANUAL("financial_rating")),
	F(ARR, 2, ARR_NOW),
	F(ARR_GROWTH, 3,
		"CAST(" ARR_NOW " AS REAL) / nullif(" ARR_FIRST ", 0)"),
	F(MILESTONES_ON_TRACK, 3,
		"(SELECT CAST(sum(m.status = 'done' OR m.status = 'on_track') AS REAL) / count(*)"
		" FROM success_plans p JOIN objectives o ON o.plan_id = p.id"
		" JOIN milestones m ON m.objective_id = o.id WHERE p.account_id = a.id"
		" AND (p.status = 'shared' OR p.status = 'signed' OR p.status = 'active'))"),
	F(PLAN_UNSIGNED_DAYS, 2, DAYS_SINCE(
		"(SELECT min(start_date) FROM success_plans WHERE account_id = a.id"
		" AND (status = 'draft' OR status = 'shared') AND start_date <= ?1)")),
	F(DAYS_TO_RENEWAL, 1,
		RENEWAL("CAST(julianday(due_date) - julianday(?1) AS INTEGER)")),
	F(RENEWAL_FORECAST, 1, RENEWAL("forecast_category")),
	F(RENEWAL_UPSELL, 1, RENEWAL("forecast_arr_cents - target_arr_cents")),
	F(DAYS_SINCE_START, 0, DAYS_SINCE("a.initial_contract_date")),
	F(DAYS_IN_STAGE, 0, DAYS_SINCE("a.stage_since")),
	LIVE(OPEN_RISKS, 2, COUNT(
		"risks WHERE account_id = a.id AND status <> 'closed' AND opened_on <= ?1")),
	LIVE(OVERDUE_TASKS, 2, COUNT(
		"tasks WHERE account_id = a.id AND " TASK_STATUS_SQL("tasks", "?1") " = 'open'"
		" AND due_date < ?1")),
	F(HEALTH_SCORE, 1, SNAPSHOT("score", "?1")),
	F(HEALTH_BAND, 1, BAND("?1")),
	F(HEALTH_SCORE_30D, 1, SNAPSHOT("score", "date(?1, '-30 days')")),
	F(HEALTH_BAND_30D, 1, BAND("date(?1, '-30 days')")),
	F(HEALTH_CHANGE_30D, 3,
		SNAPSHOT("score", "?1") " - " SNAPSHOT("score", "date(?1, '-30 days')")),
	COLUMN(SEGMENT, "segment"),
	COLUMN(STAGE, "stage"),
	COLUMN(TOUCH_MODEL, "touch_model"),
};

const char *
fact_sql_expr(int fact)
{
	return fact >= 0 && fact < FACT_COUNT_ ? fact_sql[fact].expr : NULL;
}

int
fact_sql_cost(int fact)
{
	return fact >= 0 && fact < FACT_COUNT_ ? fact_sql[fact].cost : 3;
}

bool
fact_sql_stored(int fact)
{
	return fact >= 0 && fact < FACT_COUNT_ && !fact_sql[fact].live;
}

const char *
fact_sql_column(int fact)
{
	return fact >= 0 && fact < FACT_COUNT_ ? fact_sql[fact].column : NULL;
}
