/*
 * pane_inbox.c -- the inbox: notifications and escalation requests that
 * playbook runs address to you, or to a role you take (issue #5).
 *
 * Data model: one load copies the user's open items (or, after `a`, every
 * open item of the book; with an owner filter, those about that CSM's
 * accounts) from store_inbox_each(), in the store's order --
 * escalations by act-by date first, then notifications -- into rows of
 * sanitized strings in a pool, so drawing never queries and never prints
 * raw data.  The row under the cursor is remembered by id, so it stays
 * selected when the list loads again.  `d` marks it done through
 * action_inbox_done() (one audited transaction); the shell's header shows
 * the open count, which this pane's load refreshes.
 *
 * Layout: a title row, one row per item (unread ones in the title role,
 * which is bold in every theme), and a last row with the selected item's
 * whole message and where it came from, after the role it was meant for
 * when nobody held it and it came to its recipient instead ("redirected
 * from am: ...").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/pool.h"
#include "core/xalloc.h"
#include "app/actions.h"
#include "store/playbook_store.h"
#include "store/store.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"

/* Fixed column widths, each with its gap: a date "YYYY-MM-DD", a kind
 * ("L3" or "note"), a status ("unread"). */
#define IB_DATE 11
#define IB_KIND 6
#define IB_STATUS 7
#define IB_TO 14
#define IB_NAME_MIN 12   /* the account name never gets narrower than this */
#define IB_NAME_MAX 28   /* nor wider: the message wants the room */
#define IB_MESSAGE_MIN 24   /* below this the status column makes room */

struct ib_row {
	int64_t id;
	int64_t account_id;       /* 0: not about an account */
	const char *created, *kind, *account, *account_name, *to, *due, *status, *message, *source;
	const char *redirected_from;   /* the role nobody held, or NULL */
	bool unread;
	bool overdue;            /* an act-by date before today */
};

struct inbox {
	struct pool pool;        /* every string of rows */
	struct ib_row *rows;
	size_t n, cap;
	struct list list;        /* cursor and page over rows; cursor_id keeps
				    the selected item across loads */
	bool all;                /* every item of the book, not only mine */
	char owner[64];          /* the owner filter the rows were read with */
};

struct columns {
	int date, kind, name, to, due, status, message;   /* widths; 0: hidden */
};

/* -- loading ------------------------------------------------------------------------ */

struct loader {
	struct pane *p;
	char today[DATE_STRLEN];
};

/* A copy made safe for the terminal, in the pool; NULL stays NULL. */
static const char *
keep(struct pane *p, const char *s)
{
	struct inbox *ib = p->priv;
	char *clean;
	const char *copy;

	if (!s)
		return NULL;
	clean = ui_clean(p->ui, s);
	copy = pool_strdup(&ib->pool, clean);
	free(clean);
	return copy;
}

static int
add_row(void *ctx, const struct inbox_item *it)
{
	struct loader *l = ctx;
	struct inbox *ib = l->p->priv;
	struct ib_row *r;
	char kind[8];

	if (ib->n == ib->cap) {
		ib->cap = ib->cap ? ib->cap * 2 : 64;
		ib->rows = xreallocarray(ib->rows, ib->cap, sizeof(*ib->rows));
	}
	r = &ib->rows[ib->n++];
	memset(r, 0, sizeof(*r));
	/* An escalation shows its level, as a ladder's step: L1, L2, L3. */
	if (it->kind && !strcmp(it->kind, "escalation"))
		snprintf(kind, sizeof(kind), "L%d", it->level);
	else
		snprintf(kind, sizeof(kind), "note");
	r->id = it->id;
	r->account_id = it->account_id;
	r->created = keep(l->p, it->created_on);
	r->kind = pool_strdup(&ib->pool, kind);
	r->account = keep(l->p, it->account);
	r->account_name = keep(l->p, it->account_name);
	r->to = keep(l->p, it->recipient ? it->recipient : it->address ? it->address : it->role);
	r->redirected_from = keep(l->p, it->redirected_from);
	r->due = keep(l->p, it->due_date);
	r->status = keep(l->p, it->status);
	r->message = keep(l->p, it->message);
	r->source = keep(l->p, it->source);
	r->unread = it->status && !strcmp(it->status, "unread");
	r->overdue = it->due_date && strcmp(it->due_date, l->today) < 0;
	return 0;
}

static void
clear_rows(struct inbox *ib)
{
	pool_done(&ib->pool);
	pool_init(&ib->pool);
	ib->n = 0;
}

static int
page(const struct pane *p)
{
	return p->h - 2;   /* a title row and the selected item's message */
}

static int64_t
row_id(const void *ctx, size_t i)
{
	return ((const struct inbox *)ctx)->rows[i].id;
}

static enum status
load(struct pane *p, struct err *e)
{
	struct inbox *ib = p->priv;
	struct ui *ui = p->ui;
	struct loader l = { .p = p };

	clear_rows(ib);
	date_format(store_clock(ui->store)->today, l.today);
	ui_count_inbox(ui);
	snprintf(ib->owner, sizeof(ib->owner), "%s", ui->filter.owner);
	if (store_inbox_each(ui->store, ui->opts->login, ib->all ? INBOX_ALL : INBOX_MINE, false,
			     ib->owner[0] ? ib->owner : NULL, add_row, &l, e)) {
		clear_rows(ib);
		return e->status;
	}
	/* The selected item stays selected; when it is gone (done), the
	 * cursor keeps its place, which is now the next item. */
	list_reload(&ib->list, ib->n, (size_t)page(p), row_id, ib);
	return ST_OK;
}

/* -- drawing ------------------------------------------------------------------------ */

static void
columns(const struct pane *p, struct columns *c)
{
	int rest;

	c->date = IB_DATE;
	c->kind = IB_KIND;
	c->to = IB_TO;
	c->due = IB_DATE;
	c->status = IB_STATUS;
	rest = p->w - 2 - c->date - c->kind - c->to - c->due - c->status;
	c->name = rest / 3;
	c->name = c->name < IB_NAME_MIN ? IB_NAME_MIN : c->name > IB_NAME_MAX ? IB_NAME_MAX : c->name;
	c->message = rest - c->name;
	if (c->message < IB_MESSAGE_MIN) {
		/* Too narrow for everything (80 columns): the status goes
		 * first, as unread rows are bold anyway. */
		c->message += c->status;
		c->status = 0;
	}
}

static void
title_row(struct pane *p, const struct columns *c)
{
	static const char *const titles[] = { "DATE", "KIND", "ACCOUNT", "TO", "ACT BY", "STATUS", "MESSAGE" };
	const int widths[] = { c->date, c->kind, c->name, c->to, c->due, c->status, c->message };
	int x = 2, t = ui_attr(p->ui, TH_TITLE);

	draw_text(p->ui, p->win, 0, 0, "", p->w, false, t);
	for (int i = 0; i < 7; i++) {
		if (widths[i] > 1)
			draw_text(p->ui, p->win, 0, x, titles[i], widths[i] - 1, false, t);
		x += widths[i];
	}
}

/* The marker: all a cursor move needs to rewrite in a row. */
static void
draw_marker(struct pane *p, size_t i)
{
	struct inbox *ib = p->priv;
	bool cursor = i == ib->list.cursor;

	draw_text(p->ui, p->win, 1 + (int)(i - ib->list.top), 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2, false,
		  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
}

static void
draw_row(struct pane *p, size_t i, const struct columns *c)
{
	struct inbox *ib = p->priv;
	const struct ib_row *r = &ib->rows[i];
	struct ui *ui = p->ui;
	int y = 1 + (int)(i - ib->list.top), x = 2;
	int text = ui_attr(ui, r->unread ? TH_TITLE : TH_NORMAL);

	draw_marker(p, i);
	draw_text(ui, p->win, y, x, r->created ? r->created : "-", c->date - 1, false, ui_attr(ui, TH_DIM));
	x += c->date;
	draw_text(ui, p->win, y, x, r->kind, c->kind - 1, false,
		  ui_attr(ui, r->kind[0] == 'L' ? TH_WARNING : TH_DIM));
	x += c->kind;
	draw_text(ui, p->win, y, x, r->account_name ? r->account_name : "-", c->name - 1, false, text);
	x += c->name;
	draw_text(ui, p->win, y, x, r->to ? r->to : "-", c->to - 1, false, ui_attr(ui, TH_DIM));
	x += c->to;
	draw_text(ui, p->win, y, x, r->due ? r->due : "-", c->due - 1, false,
		  ui_attr(ui, r->overdue ? TH_WARNING : TH_NORMAL));
	x += c->due;
	if (c->status) {
		draw_text(ui, p->win, y, x, r->status ? r->status : "-", c->status - 1, false, text);
		x += c->status;
	}
	draw_text(ui, p->win, y, x, r->message ? r->message : "", c->message, false, text);
}

/* The last row: the role the selected item was redirected from, its
 * whole message (cut to the width), its source and account, since the
 * column is often too narrow for them. */
static void
draw_detail(struct pane *p)
{
	struct inbox *ib = p->priv;
	const struct ib_row *r = ib->n ? &ib->rows[ib->list.cursor] : NULL;
	struct buf b;

	buf_init(&b);
	if (r) {
		buf_addf(&b, "#%lld ", (long long)r->id);
		/* First, so that a narrow screen never cuts it off. */
		if (r->redirected_from)
			buf_addf(&b, "redirected from %s: ", r->redirected_from);
		buf_addf(&b, "%s  (%s", r->message ? r->message : "", r->source ? r->source : "");
		if (r->account)
			buf_addf(&b, ", account %s", r->account);
		buf_adds(&b, ")");
	}
	draw_text(p->ui, p->win, p->h - 1, 0, b.len ? b.data : "", p->w, false, ui_attr(p->ui, TH_DIM));
	buf_done(&b);
}

static void
draw(struct pane *p)
{
	struct inbox *ib = p->priv;
	struct columns c;

	columns(p, &c);
	title_row(p, &c);
	if (!ib->n) {
		char msg[160];

		/* With an owner filter, say so: the rest of the inbox is not empty. */
		snprintf(msg, sizeof(msg), "Inbox empty: nothing to act on%s%s%s%s.",
			 ib->all ? " in the whole book" : "", ib->owner[0] ? " about " : "",
			 !strcmp(ib->owner, "pooled") ? "pooled" : ib->owner,
			 !ib->owner[0] ? "" : !strcmp(ib->owner, "pooled") ? " accounts" : "'s accounts");
		draw_text(p->ui, p->win, 2, 2, msg, p->w - 4, false, ui_attr(p->ui, TH_DIM));
		return;
	}
	list_show_cursor(&ib->list, (size_t)page(p));
	for (size_t i = ib->list.top; i < ib->n && i < ib->list.top + (size_t)page(p); i++)
		draw_row(p, i, &c);
	draw_detail(p);
}

/* -- requests ----------------------------------------------------------------------- */

/* After a movement: only two markers and the detail row change unless the
 * page scrolled. */
static int
moved(struct pane *p, enum list_change ch)
{
	struct inbox *ib = p->priv;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW | ACT_TABS;
	if (ch == LIST_MOVED) {
		draw_marker(p, ib->list.old);
		draw_marker(p, ib->list.cursor);
		draw_detail(p);
	}
	return ACT_DONE | ACT_TABS;
}

static int mark_done(struct pane *p);

static int
open_account(struct pane *p, const struct ib_row *r)
{
	if (!r->account_id) {
		ui_message(p->ui, TH_WARNING, "item #%lld is not about an account", (long long)r->id);
		return ACT_DONE;
	}
	ui_open(p->ui, PANE_ACCOUNT, &(struct pane_arg){ .account_id = r->account_id });
	return ACT_DRAW;
}

/* Enter: the item in full, with what can be done with it. */
static int
open_selected(struct pane *p)
{
	static const struct detail_action actions[] = {
		{ 'o', "open its account's 360 view" }, { 'd', "mark it done" },
	};
	struct inbox *ib = p->priv;
	const struct ib_row *r = ib->n ? &ib->rows[ib->list.cursor] : NULL;
	struct buf body;
	char title[48];
	int pick;

	if (!r)
		return ACT_DONE;
	buf_init(&body);
	buf_addf(&body, "%s\n\n%s %s, created %s, to %s%s%s, %s", r->message ? r->message : "-",
		 r->kind, r->account_name ? r->account_name : "(no account)", r->created, r->to,
		 r->redirected_from ? ", redirected from " : "",
		 r->redirected_from ? r->redirected_from : "", r->status);
	if (r->due)
		buf_addf(&body, ", act by %s", r->due);
	if (r->source)
		buf_addf(&body, "\nfrom %s", r->source);
	snprintf(title, sizeof(title), "Inbox item #%lld", (long long)r->id);
	pick = ui_detail(p->ui, title, body.data, actions, 2);
	buf_done(&body);
	if (pick == 0)
		return open_account(p, r);
	if (pick == 1)
		return mark_done(p);
	return ACT_DRAW;
}

static int
mark_done(struct pane *p)
{
	struct inbox *ib = p->priv;
	struct err e = { ST_OK, "" };
	int64_t id;
	int done, skipped;

	if (!ib->n) {
		ui_message(p->ui, TH_WARNING, "nothing to mark done");
		return ACT_DONE;
	}
	id = ib->rows[ib->list.cursor].id;
	if (action_inbox_done(p->ui->store, &id, 1, &done, &skipped, &e)) {
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
		return ACT_DONE;
	}
	ui_message(p->ui, TH_OK, skipped ? "inbox item #%lld was done already" : "inbox item #%lld done",
		   (long long)id);
	return ACT_WROTE | ACT_RELOAD | ACT_TABS;
}

static int
request(struct pane *p, enum request r)
{
	struct inbox *ib = p->priv;
	enum list_change ch = list_request(&ib->list, r, (size_t)page(p), row_id, ib);

	if (ch != LIST_NONE)
		return moved(p, ch);
	switch (r) {
	case REQ_ENTER: return open_selected(p);
	case REQ_INBOX_DONE: return mark_done(p);
	case REQ_INBOX_ALL:
		ib->all = !ib->all;
		ib->list.top = 0;
		return ACT_RELOAD | ACT_TABS;
	default: return ACT_NONE;
	}
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct inbox *ib = p->priv;
	int act;

	(void)x;
	if (y < 1 || y > page(p) || ib->list.top + (size_t)(y - 1) >= ib->n)
		return ACT_NONE;
	act = moved(p, list_move_to(&ib->list, (long)(ib->list.top + (size_t)(y - 1)), (size_t)page(p), row_id, ib));
	return twice ? open_selected(p) : act;
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct inbox *ib = p->priv;

	snprintf(out, size, "%s, %zu/%zu", ib->all ? "whole book" : "mine", ib->n ? ib->list.cursor + 1 : 0, ib->n);
}

static size_t
count_rows(struct pane *p)
{
	return ((struct inbox *)p->priv)->n;
}

static void
done(struct pane *p)
{
	struct inbox *ib = p->priv;

	pool_done(&ib->pool);
	free(ib->rows);
}

static const enum request hint_list[] = { REQ_ENTER, REQ_INBOX_DONE, REQ_INBOX_ALL, REQ_NONE };

/* The owner filter changed (Enter on a CSM in the Team pane, f): only the
 * items about their accounts. */
static void
refilter(struct pane *p)
{
	struct inbox *ib = p->priv;
	struct err e = { ST_OK, "" };

	if (strcmp(ib->owner, p->ui->filter.owner) && load(p, &e))
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
}

const struct pane_ops inbox_ops = {
	.title = "Inbox",
	.private_size = sizeof(struct inbox),
	.load = load,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.click = click,
	.describe = describe,
	.count = count_rows,
	.refilter = refilter,
	.done = done,
};
