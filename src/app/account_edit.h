/*
 * account_edit.h -- changing an account.  For now, what every writer of
 * an account's lifecycle stage shares: recording the change with its date
 * (the account's stage_since, and a period in account_stage_history:
 * schema 0007), so how long an account stayed in each stage can be asked
 * later.
 */
#ifndef TEND_ACCOUNT_EDIT_H
#define TEND_ACCOUNT_EDIT_H

#include <stdint.h>

#include "core/err.h"

struct store;
struct wtx;

/* Record in t that the account moves to stage on day, before the caller
 * writes the account's own stage and stage_since (day) in the same
 * transaction: the open period of its stage history ends on day (when the
 * history has not started, the period it leaves is written, from its
 * stage_since) and the new one begins, by author (a user id, 0: none) and
 * source ("manual", "playbook:RULE").  ST_DATA when the account entered
 * its stage after day. */
enum status account_stage_write(struct wtx *t, struct store *s, int64_t account_id,
				const char *stage, int32_t day, int64_t author, const char *source,
				struct err *e);

#endif
