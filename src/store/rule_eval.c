/*
 * rule_eval.c -- running compiled playbook rules over the book (see
 * store_rules_eval in playbook_store.h).
 *
 * Every rule is evaluated before any is applied, so all see the same book:
 * a dry run then reports exactly what a run does, whatever the rules'
 * order.  The statements are independent reads, so a big book shares them
 * between threads, each on its own read-only connection with a large page
 * cache and the book memory-mapped, like the fact catalog's worker.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/xalloc.h"
#include "store/playbook_store.h"
#include "store/store_int.h"

#define EVAL_PARALLEL_MIN 20000   /* accounts; below this one thread is quicker */
#define EVAL_THREADS_MAX 4
#define EVAL_PRAGMAS "PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147483648"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
column_fact(sqlite3_stmt *st, int col, int fact, struct pool *pool, struct fact_value *v)
{
	memset(v, 0, sizeof(*v));
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return;
	v->known = true;
	if (fact_defs[fact].kind == FK_LABEL)
		v->label = pool_strdup(pool, store_col_text(st, col));
	else
		v->num = sqlite3_column_double(st, col);
}

static void
keep(struct rule_result *r, const struct rule_sql *q, sqlite3_stmt *st)
{
	struct pb_hit *h;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->hits = xreallocarray(r->hits, r->cap, sizeof(*r->hits));
	}
	h = &r->hits[r->n++];
	h->account_id = sqlite3_column_int64(st, 0);
	h->scope_key = pool_strdup(&r->pool, store_col_text(st, 1));
	h->facts = NULL;
	if (!q->nfacts)
		return;
	/* Only the facts the texts show: a first run can fire 100k times. */
	h->facts = pool_alloc(&r->pool, (size_t)q->nfacts * sizeof(*h->facts));
	for (int i = 0; i < q->nfacts; i++)
		column_fact(st, RULE_SQL_FIRST_FACT + i, q->facts[i], &r->pool, &h->facts[i]);
}

/* Run one statement on db; an SQLite result code (SQLITE_DONE is success). */
static int
run_one(sqlite3 *db, const struct rule_sql *q, const char *id, const char *date,
	struct rule_result *r)
{
	sqlite3_stmt *st;
	double t0 = now_ms();
	int rc = sqlite3_prepare_v2(db, q->sql.data, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	memcpy(r->facts, q->facts, sizeof(r->facts));
	r->nfacts = q->nfacts;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	for (size_t i = 0; i < q->nparams; i++) {
		int n = (int)i + RULE_SQL_FIRST_PARAM;

		if (q->params[i].is_text)
			sqlite3_bind_text(st, n, q->params[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_double(st, n, q->params[i].num);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->matched++;
		if (sqlite3_column_type(st, 1) == SQLITE_NULL || sqlite3_column_int(st, 2))
			r->already++;
		else
			keep(r, q, st);
	}
	sqlite3_finalize(st);
	r->ms = now_ms() - t0;
	return rc;
}

struct share {
	const char *path;
	const struct rule_sql *const *q;
	const char *const *ids;
	size_t n, first, stride;
	const char *date;
	struct rule_result *out;
	char error[256];
};

/* Rules first, first + stride, ... on db. */
static void
run_share(sqlite3 *db, struct share *sh)
{
	for (size_t i = sh->first; i < sh->n; i += sh->stride) {
		int rc = run_one(db, sh->q[i], sh->ids[i], sh->date, &sh->out[i]);

		if (rc != SQLITE_DONE) {
			snprintf(sh->error, sizeof(sh->error), "rule %s: %s", sh->ids[i], sqlite3_errmsg(db));
			return;
		}
	}
}

static void *
worker(void *arg)
{
	struct share *sh = arg;
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(sh->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(sh->error, sizeof(sh->error), "%s", db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_exec(db, "PRAGMA trusted_schema = OFF; " EVAL_PRAGMAS, NULL, NULL, NULL);
	run_share(db, sh);
	sqlite3_close(db);
	return NULL;
}

/* How many threads: TEND_PLAYBOOK_THREADS (1-4) when set, else one per
 * processor (at most 4) on a big book. */
static int
threads_for(struct store *s, size_t n)
{
	sqlite3_stmt *st;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("TEND_PLAYBOOK_THREADS");
	int64_t accounts = 0;
	struct err e = { 0 };

	if (n < 2 || !strcmp(s->path, ":memory:"))
		return 1;
	if (env && *env >= '1' && *env <= '0' + EVAL_THREADS_MAX && !env[1])
		return *env - '0';
	if (cpus < 2)
		return 1;
	if ((st = store_stmt(s, "SELECT count(*) FROM accounts", &e)) && sqlite3_step(st) == SQLITE_ROW)
		accounts = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	if (accounts < EVAL_PARALLEL_MIN)
		return 1;
	return cpus < EVAL_THREADS_MAX ? (int)cpus : EVAL_THREADS_MAX;
}

enum status
store_rules_eval(struct store *s, const struct rule_sql *const *q, const char *const *ids, size_t n,
		 int32_t day, struct rule_result *out, struct err *e)
{
	struct share sh[EVAL_THREADS_MAX];
	pthread_t tid[EVAL_THREADS_MAX];
	bool started[EVAL_THREADS_MAX] = { 0 };
	char date[DATE_STRLEN];
	int nt = threads_for(s, n);
	enum status st = ST_OK;

	date_format(day, date);
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		pool_init(&out[i].pool);
	}
	for (int t = 0; t < nt; t++)
		sh[t] = (struct share){ .path = s->path, .q = q, .ids = ids, .n = n, .first = (size_t)t,
					.stride = (size_t)nt, .date = date, .out = out };
	/* The workers take shares 1.., this thread share 0; a thread that
	 * cannot start leaves its share to this one. */
	for (int t = 1; t < nt; t++)
		started[t] = pthread_create(&tid[t], NULL, worker, &sh[t]) == 0;
	sqlite3_exec(s->db, EVAL_PRAGMAS, NULL, NULL, NULL);
	run_share(s->db, &sh[0]);
	for (int t = 1; t < nt; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else if (!sh[0].error[0])
			run_share(s->db, &sh[t]);
	}
	sqlite3_exec(s->db, "PRAGMA cache_size = -2000; PRAGMA mmap_size = 0", NULL, NULL, NULL);
	for (int t = 0; t < nt && !st; t++)
		if (sh[t].error[0])
			st = err_set(e, ST_SOFTWARE, "evaluating playbooks: %s", sh[t].error);
	return st;
}

void
rule_result_done(struct rule_result *r)
{
	free(r->hits);
	pool_done(&r->pool);
	memset(r, 0, sizeof(*r));
}
