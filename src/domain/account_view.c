/*
 * account_view.c -- releasing a loaded 360 view.
 */
#include "config.h"

#include <stdlib.h>

#include "domain/account_view.h"

void
account_view_free(struct account_view *v)
{
	if (!v)
		return;
	free(v->contacts);
	free(v->contracts);
	free(v->ledger);
	free(v->renewals);
	free(v->tasks);
	free(v->items);
	free(v->opportunities);
	free(v->risks);
	free(v->plans);
	free(v->touchpoints);
	free(v->stages);
	free(v->history);
	pool_done(&v->pool);
	free(v);
}
