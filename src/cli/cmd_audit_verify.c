/*
 * cmd_audit_verify.c -- `tend audit verify`: does the audit log's hash chain
 * hold (store/audit_chain.c)?  Also what `tend check` runs, and the quick
 * form every command runs when it opens a book.
 */
#include "config.h"

#include <stdio.h>

#include "cli/audit_cmd.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "store/audit.h"

/* "row 12 (2026-11-20T10:00:00Z, priya.raman, 'task add')" */
static void
print_row(FILE *fp, const struct audit_verdict *v)
{
	fprintf(fp, "row %lld (", (long long)v->broken_id);
	out_text(fp, v->broken_at, false);
	fputs(", ", fp);
	out_text(fp, v->broken_actor, false);
	fputs(", '", fp);
	out_text(fp, v->broken_action, false);
	fputs("')", fp);
}

enum status
audit_report(FILE *fp, const struct audit_verdict *v, struct err *e)
{
	if (!v->chained)
		return err_set(e, ST_DATA, "this book's audit log has no hash chain (schema too old)");
	if (v->missing_trigger) {
		fprintf(fp, "audit: the guard %s is gone: someone changed the book's schema outside tend\n",
			v->missing_trigger);
	}
	if (v->broken_id) {
		fputs("audit: the chain breaks at ", fp);
		print_row(fp, v);
		fputs(": that row, or the one before it, was changed, inserted or removed outside tend;"
		      " rows from there on cannot be trusted\n", fp);
	}
	if (!audit_verdict_ok(v))
		return err_set(e, ST_DATA, "the audit log has been tampered with: compare with a backup "
			       "('tend backup' copies keep their chain) before trusting it");
	return ST_OK;
}

void
audit_warn_on_open(struct store *s, const char *path)
{
	struct audit_verdict v;
	struct err e = { ST_OK, "" };

	if (store_audit_verify(s, true, &v, &e) || audit_verdict_ok(&v))
		return;
	fputs("tend: warning: ", stderr);
	out_text(stderr, path, false);
	fputs(": the audit log was changed outside tend", stderr);
	if (v.broken_id) {
		fputs(" at ", stderr);
		print_row(stderr, &v);
	}
	if (v.missing_trigger)
		fprintf(stderr, " (the guard %s is gone)", v.missing_trigger);
	fputs("; 'tend audit verify' checks all of it\n", stderr);
}

enum status
cmd_audit_verify(struct cli *c, struct store *s)
{
	struct audit_verdict v;

	(void)c;
	if (store_audit_verify(s, false, &v, c->err))
		return c->err->status;
	if (audit_report(stdout, &v, c->err))
		return c->err->status;
	printf("the audit log holds: %lld row%s chained, head %s\n", (long long)v.rows,
	       v.rows == 1 ? "" : "s", v.rows ? v.head : "(empty)");
	if (v.dated_back)
		printf("note: %lld row%s dated before the row before (a clock set back, or a "
		       "fixed TEND_NOW)\n", (long long)v.dated_back, v.dated_back == 1 ? " is" : "s are");
	printf("keep the head somewhere else: a later check that prints another head for the same "
	       "rows means the log was rewritten\n");
	return ST_OK;
}
