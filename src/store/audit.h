/*
 * audit.h -- checking the audit log's hash chain (store/audit_chain.c).
 */
#ifndef TEND_STORE_AUDIT_H
#define TEND_STORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct audit_verdict {
	bool chained;                  /* the schema has the chain (false: an old test book) */
	const char *missing_trigger;   /* a guard someone dropped, or NULL */
	int64_t broken_id;             /* the first row that does not follow, or 0 */
	char broken_at[40], broken_actor[64], broken_action[64];
	/* Full checks only: */
	int64_t rows;
	char head[65];                 /* the last row's hash: keep it to detect a rewrite */
	int64_t dated_back;            /* rows dated before the row before them (clock steps) */
};

/* Check the chain: all of it, or (quick) the guards and the last rows,
 * cheap enough for every open. */
enum status store_audit_verify(struct store *s, bool quick, struct audit_verdict *v, struct err *e);
bool audit_verdict_ok(const struct audit_verdict *v);

#endif
