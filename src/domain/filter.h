/*
 * filter.h -- which accounts: the one filter `tend accounts`, `tend health`
 * and the interface's heatmap share.
 *
 * A filter is a conjunction of optional conditions on an account.  The
 * store turns it into SQL (store/filter_sql.h) for the commands; the
 * heatmap, which keeps the book in memory and filters as the user types,
 * uses account_filter_match() on the same structure, so the two can never
 * disagree about what, say, "renewing within 30 days" means.
 */
#ifndef TEND_FILTER_H
#define TEND_FILTER_H

#include <stdbool.h>
#include <stdint.h>

struct account_filter {
	const char *owner;          /* the owner's login; NULL: any owner */
	bool pooled;                /* only accounts with no owner (owner is NULL) */
	const char *segment;        /* NULL: any */
	const char *stage;
	const char *band;           /* the band in force (an override first);
				       "unknown": not scored */
	const char *tag;
	int renewing_within;        /* an open renewal due within N days, or
				       overdue; < 0: any */
	bool false_positive;        /* only false-positive healthy accounts */
};

/* A filter that lets every account through. */
#define ACCOUNT_FILTER_ANY ((struct account_filter){ .renewing_within = -1 })

/* What the matcher reads of an account held in memory. */
struct account_match {
	const char *owner;          /* login, NULL when pooled */
	const char *segment, *stage;
	const char *band;           /* in force; NULL when not scored */
	const char *tags;           /* ';'-separated, NULL for none */
	bool has_renewal;           /* an open renewal */
	int64_t renewal_days;       /* days to it (negative: overdue) */
	bool false_positive;
};

bool account_filter_empty(const struct account_filter *f);
bool account_filter_match(const struct account_filter *f, const struct account_match *a);
/* Is tag one of the ';'-separated tags? */
bool filter_has_tag(const char *tags, const char *tag);

#endif
