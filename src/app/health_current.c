/*
 * health_current.c -- the accounts hook that rescores each account a
 * change touched, in the change's transaction (see health_current.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/health_current.h"
#include "app/health_run.h"
#include "core/xalloc.h"
#include "store/fact_sql.h"
#include "store/health.h"
#include "store/store.h"
#include "store/wtx.h"

struct keeper {
	char *name;                        /* the config file's scorecard; NULL: default */
	struct scorecard_set own;          /* loaded at the first change that needs it */
	bool loaded;
	struct scorecard_set *set;         /* own, or the caller's */
	int64_t *ids;
	size_t cap;
};

/* Does a scorecard of the set read a fact that is never stored (open_risks,
 * overdue_tasks)?  Only then can a task or a risk change a score. */
static bool
reads_unstored(const struct scorecard_set *set)
{
	for (int i = 0; i < set->n; i++) {
		const struct scorecard *sc = set->sc[i];

		for (int m = 0; m < sc->nmeasures; m++) {
			const struct sc_measure *ms = &sc->measures[m];

			if (ms->fact >= 0 && !fact_sql_stored(ms->fact))
				return true;
			for (int r = 0; r < ms->nrules; r++)
				for (int c = 0; c < ms->rules[r].nconds; c++)
					if (!fact_sql_stored(ms->rules[r].conds[c].fact))
						return true;
		}
	}
	return false;
}

static enum status
load(struct keeper *k, struct store *s, struct err *e)
{
	if (!k->set) {
		if (scorecard_set_load(&k->own, NULL, 0, k->name, e, NULL, NULL))
			return err_wrap(e, "cannot keep the health scores current "
					"(see 'tend health check')");
		k->loaded = true;
		k->set = &k->own;
	}
	/* Every time: `tend health calibrate` may have run since. */
	return scorecard_set_calibrate(k->set, s, e);
}

static enum status
rescore(void *ctx, struct store *s, struct wtx *t, const struct wtx_account *accounts, size_t n,
	struct err *e)
{
	struct keeper *k = ctx;
	bool kept, unstored, scored = false;
	size_t m = 0;

	/* A book never scored has nothing to keep current. */
	if (store_health_kept(s, &kept, e))
		return e->status;
	if (!kept)
		return ST_OK;
	for (size_t i = 0; i < n; i++)
		scored |= (accounts[i].what & ~(unsigned)WTX_UNSTORED_FACTS) != 0;
	/* Tasks and risks count only for a scorecard that reads them: one
	 * that cannot be loaded does not hold up a task. */
	if (load(k, s, e)) {
		if (scored)
			return e->status;
		err_clear(e);
		return ST_OK;
	}
	unstored = reads_unstored(k->set);
	if (n > k->cap) {
		k->cap = n;
		k->ids = xreallocarray(k->ids, n, sizeof(*k->ids));
	}
	for (size_t i = 0; i < n; i++)
		if ((accounts[i].what & ~(unsigned)WTX_UNSTORED_FACTS) || unstored)
			k->ids[m++] = accounts[i].id;
	if (!m)
		return ST_OK;
	return health_run_accounts(s, t, k->set, store_clock(s)->today, k->ids, m, e);
}

static void
release(void *ctx)
{
	struct keeper *k = ctx;

	if (k->loaded)
		scorecard_set_free(&k->own);
	free(k->name);
	free(k->ids);
	free(k);
}

void
health_current_attach(struct store *s, const char *scorecard)
{
	struct keeper *k = xcalloc(1, sizeof(*k));

	k->name = scorecard ? xstrdup(scorecard) : NULL;
	wtx_set_accounts_hook(s, rescore, k, release);
}

void
health_current_attach_set(struct store *s, struct scorecard_set *set)
{
	struct keeper *k = xcalloc(1, sizeof(*k));

	k->set = set;
	wtx_set_accounts_hook(s, rescore, k, release);
}
