/*
 * account_edit.c -- recording stage changes (see account_edit.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/account_edit.h"
#include "core/date.h"
#include "core/pool.h"
#include "store/entity.h"
#include "store/records.h"
#include "store/row.h"
#include "store/wtx.h"

/* -- stage history ------------------------------------------------------------ */

static enum status
period_insert(struct wtx *t, int64_t account_id, const char *stage, const char *from,
	      const char *to, int64_t author, const char *source, struct err *e)
{
	struct row r;
	enum status st;

	row_init(&r, &entity_stage_history);
	row_int(&r, "account", account_id);
	row_text(&r, "stage", stage);
	row_text(&r, "from_date", from);
	row_text(&r, "to_date", to);
	if (author)
		row_int(&r, "author", author);
	if (source)
		row_text(&r, "source", source);
	st = wtx_insert(t, &r, NULL, e);
	row_done(&r);
	return st;
}

enum status
account_stage_write(struct wtx *t, struct store *s, int64_t account_id, const char *stage,
		    int32_t day, int64_t author, const char *source, struct err *e)
{
	char today[DATE_STRLEN], from[DATE_STRLEN];
	struct account_rec a;
	struct pool pool;
	int64_t open;
	struct row r;
	enum status st;

	date_format(day, today);
	pool_init(&pool);
	if ((st = store_account_rec(s, account_id, &pool, &a, e)) ||
	    (st = store_stage_open(s, account_id, &open, from, e)))
		goto done;
	if (!open && a.stage_since)
		snprintf(from, sizeof(from), "%s", a.stage_since);
	if (*from && strcmp(from, today) > 0) {
		st = err_set(e, ST_DATA, "stage: the account has been in %s since %s, after %s",
			     a.stage, from, today);
		goto done;
	}
	if (open) {
		row_init(&r, &entity_stage_history);
		row_text(&r, "to_date", today);
		st = wtx_update(t, &r, open, e);
		row_done(&r);
	} else {
		/* The history starts now: keep the period the account leaves,
		 * whose author and source nobody recorded. */
		st = period_insert(t, account_id, a.stage, *from ? from : NULL, today, 0, NULL, e);
	}
	if (!st)
		st = period_insert(t, account_id, stage, today, NULL, author, source, e);
done:
	pool_done(&pool);
	return st;
}
