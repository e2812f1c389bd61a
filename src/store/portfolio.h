/*
 * portfolio.h -- the rows of the interface's portfolio panes.
 *
 * The heatmap opens on a big book in two steps: a first page in its default
 * order (worst health first) read straight from the score index of
 * account_health, drawn at once; then every account in id order, in
 * chunks between keystrokes, kept in memory for scrolling, sorting and
 * filtering.  Churned accounts are left out: they are not managed.
 */
#ifndef TEND_PORTFOLIO_H
#define TEND_PORTFOLIO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct portfolio_row {
	int64_t id;
	const char *name, *owner, *segment, *stage, *tags;
	int64_t arr_cents;
	const char *renewal_due;       /* NULL when none is open */
	int64_t renewal_days;
	bool scored;                   /* has current health */
	const char *date, *scorecard;
	int scale;
	bool score_known;
	double score;
	const char *band, *computed_band;  /* band: the band in force */
	bool overridden;               /* band is a CSM's override */
	bool outcomes_known, experience_known;
	double outcomes, experience;
	bool false_positive;
	const char *ratings;           /* one char per measure: '1'..'5' or '-' */
	const char *vals;              /* values as cells show them, '|'-separated */
	const char *trend;             /* last scores, oldest first, comma-separated */
};

typedef int (*portfolio_cb)(void *ctx, const struct portfolio_row *row);

/* The first `limit` scored accounts, worst first (the band in force, then
 * the score), from the index. */
enum status store_portfolio_first(struct store *s, int32_t day, int limit, portfolio_cb cb,
				  void *ctx, struct err *e);
/* Accounts with an id above after_id, in id order, at most limit (0: all). */
enum status store_portfolio_chunk(struct store *s, int32_t day, int64_t after_id, int limit,
				  portfolio_cb cb, void *ctx, struct err *e);
/* Logins of the users who own accounts, in order, each once; for the
 * owner filter (an index walk, not a pass over the accounts). */
enum status store_portfolio_owners(struct store *s, int (*cb)(void *ctx, const char *login), void *ctx,
				   struct err *e);
/* Names of accounts starting with prefix (ASCII case ignored), in name
 * order, at most limit; from the name index, for completion. */
enum status store_account_names(struct store *s, const char *prefix, int limit,
				int (*cb)(void *ctx, const char *name), void *ctx, struct err *e);
/* The highest account id (0 for an empty book): the chunks' end, and the
 * book's size near enough to plan loading -- one index step, where a count
 * would read every account. */
enum status store_portfolio_last_id(struct store *s, int64_t *id, struct err *e);

/* Accounts whose name, external id, industry, region or notes, or whose
 * touchpoints' text, match every word of text (as word prefixes), in id
 * order.  ST_OK with no calls when text has no words. */
enum status store_search_accounts(struct store *s, const char *text, int (*cb)(void *ctx, int64_t id),
				  void *ctx, struct err *e);

#endif
