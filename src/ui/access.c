/*
 * access.c -- what this session may change, asked of the write path's own
 * checks (wtx_may_write, wtx_may_write_account) before a key is offered:
 * the requests that write are left out of the hints and refused with the
 * reason when they could only fail (a viewer, a login that is no user, a
 * read-only book, an account that is another CSM's).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/wtx.h"
#include "ui/ui.h"

/* The requests that change the book: hidden from the hints and refused
 * with the reason when this session may not write (a viewer, a login
 * that is no user, a read-only book).  Enter stays: it opens records to
 * read, and an action chosen there is refused by the write path. */
static const enum request write_requests[] = {
	REQ_EDIT, REQ_TICK, REQ_LOG, REQ_TASK_ADD, REQ_TASK_DONE, REQ_NOTE, REQ_PLAN_NEW,
	REQ_PLAN_OBJECTIVE, REQ_PLAN_MILESTONE, REQ_PLAN_KPI, REQ_PLAN_READING, REQ_PLAN_DELETE,
	REQ_PLAN_UP, REQ_PLAN_DOWN, REQ_PLAN_STATUS, REQ_PLAN_VALIDATE, REQ_INBOX_DONE, REQ_UNDO,
	REQ_RECOMPUTE,
};

bool
ui_writes(enum request r)
{
	for (size_t i = 0; i < sizeof(write_requests) / sizeof(write_requests[0]); i++)
		if (write_requests[i] == r)
			return true;
	return false;
}

/* Ask again whether this session may write: on start and at each reload,
 * since an admin may change the role meanwhile. */
void
ui_check_write_access(struct ui *ui)
{
	struct err e = { ST_OK, "" };

	ui->may_write = wtx_may_write(ui->store, &e) == ST_OK;
	ui->checked_account = 0;
	/* The status line holds 80 columns: the viewer's case, the common
	 * one, in fewer words than the command line's. */
	if (!ui->may_write && !strcmp(ui->role, "viewer"))
		snprintf(ui->why_not, sizeof(ui->why_not), "read only: %s is a viewer (an admin runs "
			 "'tend user set %s --role csm')", ui->opts->login, ui->opts->login);
	else
		snprintf(ui->why_not, sizeof(ui->why_not), "%s", ui->may_write ? "" : e.msg);
}

/* Whether the write keys of the current pane can succeed: the session may
 * write, and the pane's account (if it acts on one) is the user's to
 * change.  *why: what a refused write would say.  The answer for an
 * account is kept until the book or the account changes. */
bool
ui_may_write_here(struct ui *ui, const char **why)
{
	struct pane *p = &ui->panes[ui->current];
	int64_t id = p->ops->account ? p->ops->account(p) : 0;

	*why = ui->why_not;
	if (!ui->may_write || !id)
		return ui->may_write;
	if (id != ui->checked_account) {
		struct err e = { ST_OK, "" };

		ui->checked_account = id;
		ui->account_writable = wtx_may_write_account(ui->store, id, &e) == ST_OK;
		snprintf(ui->account_why_not, sizeof(ui->account_why_not), "%s", e.msg);
	}
	*why = ui->account_why_not;
	return ui->account_writable;
}

