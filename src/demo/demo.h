/*
 * demo.h -- generating a realistic, deterministic sample book.
 *
 * `tend demo` and the benchmarks use this to fill an empty book: one team, a
 * lead, N CSMs and M accounts across the segments of doc/model.md section 7,
 * with two years of history ending at the store's today (--now).  Everything
 * derives from one seeded PRNG (never rand()), so the same options and the
 * same today give the same book byte for byte.  It writes only through the
 * store's write path (store/wtx.h), in one bulk transaction; it has no SQL.
 *
 * A new demo book is then scored once a week for a few weeks
 * (demo_score(), the health recompute of app/health_run.h), so each
 * account's health has a trend to show.  Both halves make `tend demo`, the
 * book `tend --demo` opens the first time, and the benchmarks' book.
 */
#ifndef TEND_DEMO_H
#define TEND_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "app/scorecard_set.h"
#include "core/err.h"

struct store;

#define DEMO_DEFAULT_ACCOUNTS 600
#define DEMO_DEFAULT_CSMS 8
#define DEMO_MAX_ACCOUNTS 1000000
#define DEMO_MAX_CSMS 1000
#define DEMO_DEFAULT_WEEKS 12       /* of health history: enough for a trend */
#define DEMO_MAX_WEEKS 52
#define DEMO_BIG_BOOK 20000         /* accounts above which only today is scored by default */

struct demo_opts {
	int accounts;         /* >= 1 */
	int csms;             /* >= 1 */
	uint64_t seed;
};

struct demo_stats {
	int64_t rows;         /* rows written, all tables */
	int64_t accounts;
	int64_t users;
};

/* Fill s (which must hold no accounts and no users) with a demo book. */
enum status demo_generate(struct store *s, const struct demo_opts *o, struct demo_stats *out,
			  struct err *e);
/* The weeks of history to score by default for a book of that many accounts. */
int demo_default_weeks(int accounts);
/* Score the book with set once a week for the last `weeks` weeks up to the
 * store's today, oldest first: one recompute action per day scored (see
 * health_run_recompute), so an error leaves the weeks before it scored. */
enum status demo_score(struct store *s, const struct scorecard_set *set, int weeks,
		       struct err *e);

/*
 * An interrupted `tend demo` is finished by running it again.  The accounts
 * are written in one transaction (all or none), but each week scored is a
 * transaction of its own, so a kill can leave a book with some weeks of
 * history.  Such a book is recognised by its audit log: the demo's action
 * and only health recomputes after it, whose newest day is a whole number
 * of weeks before today, short of the weeks asked for.  Then `unfinished`
 * is set, with the first day still to score and how many weeks remain.
 * A book anyone else has written to is never taken for one.
 */
struct demo_resume {
	bool unfinished;
	int scored;            /* weeks already scored */
	int32_t first;         /* the first day still to score */
	int left;              /* weeks still to score, first, first + 7, ... */
};
enum status demo_resume_point(struct store *s, const struct demo_opts *o, int weeks,
			      struct demo_resume *r, struct err *e);
/* Score `count` weeks from day first, oldest first (demo_score's loop). */
enum status demo_score_from(struct store *s, const struct scorecard_set *set, int32_t first,
			    int count, struct err *e);

#endif
