/*
 * pane_sync.c -- the sync conflicts (issue 17, doc/sync.md): the same
 * field changed on a field copy and on the team book, or a row deleted on
 * one side and changed on the other, each shown to a person to resolve.
 *
 * Data model: conflicts live on the team book.  On the team book itself
 * the pane reads its own; on a field copy of a book on a path it opens that
 * book for the load, as the same person, and closes it again; a copy of a
 * book over ssh says where to look instead.  A load copies the open
 * conflicts (all of them after `a`) into rows of sanitized strings in a
 * pool, so drawing never queries and never prints raw data.  Enter shows
 * one with its three ways out -- mine, theirs, or a value typed in -- each
 * an ordinary audited change through sync_resolve() on the team book.
 *
 * Layout: a title row, one row per conflict, and a last row with the
 * selected one's values whole.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/pool.h"
#include "core/xalloc.h"
#include "app/health_current.h"
#include "app/sync.h"
#include "store/store.h"
#include "store/sync.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/tui.h"
#include "ui/ui.h"

struct sc_row {
	int64_t id;
	const char *kind, *where, *original, *mine, *theirs, *mine_by, *theirs_by, *status;
	bool field;
};

struct sync_pane {
	struct pool pool;
	struct sc_row *rows;
	size_t n, cap;
	struct list list;
	bool all;                  /* resolved ones too */
	char why[256];             /* why there is nothing to list ("" : none open) */
};

static const char *
keep(struct pane *p, const char *s)
{
	struct sync_pane *sp = p->priv;
	char *clean;
	const char *copy;

	if (!s)
		return NULL;
	clean = ui_clean(p->ui, s);
	copy = pool_strdup(&sp->pool, clean);
	free(clean);
	return copy;
}

static int
add_row(void *ctx, const struct sync_conflict *c)
{
	struct pane *p = ctx;
	struct sync_pane *sp = p->priv;
	struct sc_row *r;
	char where[400];

	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 32;
		sp->rows = xreallocarray(sp->rows, sp->cap, sizeof(*sp->rows));
	}
	r = &sp->rows[sp->n++];
	/* The account and the field by the names a CSM knows them by. */
	if (*c->account)
		snprintf(where, sizeof(where), "%s%s%s", c->field, *c->field ? ", " : "", c->account);
	else
		snprintf(where, sizeof(where), "%s #%lld%s%s", c->table, (long long)c->row_id,
			 *c->field ? " " : "", c->field);
	r->id = c->id;
	r->field = !strcmp(c->kind, "field");
	r->kind = keep(p, !strcmp(c->kind, "field") ? "both" : !strcmp(c->kind, "deleted_here")
		       ? "deleted in copy" : "deleted here");
	r->where = keep(p, where);
	r->original = keep(p, c->original ? c->original : "-");
	r->mine = keep(p, c->mine ? c->mine : "-");
	r->theirs = keep(p, c->theirs ? c->theirs : "-");
	r->mine_by = keep(p, c->mine_by);
	r->theirs_by = keep(p, *c->theirs_by ? c->theirs_by : "-");
	r->status = keep(p, c->status);
	return 0;
}

static int
page(const struct pane *p)
{
	return p->h - 2;
}

static int64_t
row_id(const void *ctx, size_t i)
{
	return ((const struct sync_pane *)ctx)->rows[i].id;
}

/* The team book the conflicts live on: the book itself, or the copy's
 * source, opened for this (*opened: close it after). */
static enum status
team_book(struct pane *p, struct store **team, bool *opened, struct err *e)
{
	struct ui *ui = p->ui;
	struct sync_state st;
	enum status rs;

	*opened = false;
	*team = ui->store;
	if (!store_sync_present(ui->store))
		return err_set(e, ST_USAGE, "this book predates field copies");
	if ((rs = store_sync_state(ui->store, &st, e)) || !st.found)
		return rs;
	if ((rs = store_sync_open_source(ui->store, team, e)))
		return rs;
	health_current_attach(*team, ui->opts->scorecard);
	*opened = true;
	return ST_OK;
}

static enum status
load(struct pane *p, struct err *e)
{
	struct sync_pane *sp = p->priv;
	struct store *team;
	struct err why = { ST_OK, "" };
	bool opened;

	(void)e;
	pool_done(&sp->pool);
	pool_init(&sp->pool);
	sp->n = 0;
	sp->why[0] = '\0';
	/* Not being able to read them is said in the pane, not as a failure. */
	if (team_book(p, &team, &opened, &why) ||
	    store_sync_conflicts(team, !sp->all, add_row, p, &why))
		snprintf(sp->why, sizeof(sp->why), "%s", why.msg);
	if (opened)
		store_close(team);
	p->ui->sync_conflicts = sp->all ? p->ui->sync_conflicts : (int64_t)sp->n;
	list_reload(&sp->list, sp->n, (size_t)page(p), row_id, sp);
	return ST_OK;
}

static void
draw_marker(struct pane *p, size_t i)
{
	struct sync_pane *sp = p->priv;
	bool cursor = i == sp->list.cursor;

	draw_text(p->ui, p->win, 1 + (int)(i - sp->list.top), 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2,
		  false, ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
}

/* Columns: id 6, kind 16, where 30%, then mine and theirs halves. */
static void
draw_row(struct pane *p, size_t i)
{
	struct sync_pane *sp = p->priv;
	const struct sc_row *r = &sp->rows[i];
	struct ui *ui = p->ui;
	int y = 1 + (int)(i - sp->list.top), x = 2, rest = p->w - 2 - 6 - 16, where = rest * 3 / 10,
	    half = (rest - where) / 2;
	char id[16];

	draw_marker(p, i);
	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	draw_text(ui, p->win, y, x, id, 5, false, ui_attr(ui, TH_DIM));
	x += 6;
	draw_text(ui, p->win, y, x, r->kind, 15, false, ui_attr(ui, r->field ? TH_WARNING : TH_ERROR));
	x += 16;
	draw_text(ui, p->win, y, x, r->where, where - 1, false, ui_attr(ui, TH_NORMAL));
	x += where;
	draw_text(ui, p->win, y, x, r->mine, half - 1, false, ui_attr(ui, TH_NORMAL));
	x += half;
	draw_text(ui, p->win, y, x, r->theirs, half, false, ui_attr(ui, TH_NORMAL));
}

static void
draw_detail(struct pane *p)
{
	struct sync_pane *sp = p->priv;
	const struct sc_row *r = sp->n ? &sp->rows[sp->list.cursor] : NULL;
	struct buf b;

	buf_init(&b);
	if (r)
		buf_addf(&b, "#%lld %s: was %s; the copy (%s) %s; the team (%s) %s, kept%s%s", (long long)r->id,
			 r->where, r->original, r->mine_by, r->mine, r->theirs_by, r->theirs,
			 strcmp(r->status, "open") ? "; resolved: " : "", strcmp(r->status, "open") ? r->status : "");
	draw_text(p->ui, p->win, p->h - 1, 0, b.len ? b.data : "", p->w, false, ui_attr(p->ui, TH_DIM));
	buf_done(&b);
}

static void
draw(struct pane *p)
{
	struct sync_pane *sp = p->priv;
	int t = ui_attr(p->ui, TH_TITLE), rest = p->w - 2 - 6 - 16, where = rest * 3 / 10;

	draw_text(p->ui, p->win, 0, 0, "", p->w, false, t);
	draw_text(p->ui, p->win, 0, 2, "ID", 5, false, t);
	draw_text(p->ui, p->win, 0, 8, "CHANGED", 15, false, t);
	draw_text(p->ui, p->win, 0, 24, "WHERE", where - 1, false, t);
	draw_text(p->ui, p->win, 0, 24 + where, "MINE (THE COPY)", (rest - where) / 2 - 1, false, t);
	draw_text(p->ui, p->win, 0, 24 + where + (rest - where) / 2, "THEIRS (KEPT)", (rest - where) / 2, false, t);
	if (!sp->n) {
		draw_text(p->ui, p->win, 2, 2, sp->why[0] ? sp->why : sp->all ? "No sync conflicts, ever."
			  : "No open sync conflicts: every change landed or was resolved.", p->w - 4, false,
			  ui_attr(p->ui, TH_DIM));
		return;
	}
	list_show_cursor(&sp->list, (size_t)page(p));
	for (size_t i = sp->list.top; i < sp->n && i < sp->list.top + (size_t)page(p); i++)
		draw_row(p, i);
	draw_detail(p);
}

static int
moved(struct pane *p, enum list_change ch)
{
	struct sync_pane *sp = p->priv;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW | ACT_TABS;
	if (ch == LIST_MOVED) {
		draw_marker(p, sp->list.old);
		draw_marker(p, sp->list.cursor);
		draw_detail(p);
	}
	return ACT_DONE | ACT_TABS;
}

struct resolving {
	struct pane *p;
	int64_t id;
};

static enum status
resolve(struct pane *p, int64_t id, const char *how, const char *value, struct err *e)
{
	struct store *team;
	bool opened;
	enum status rs;

	if ((rs = team_book(p, &team, &opened, e)))
		return rs;
	rs = sync_resolve(team, id, how, value, e);
	if (opened)
		store_close(team);
	return rs;
}

static const char *
submit_value(void *ctx, char *const *v, char *msg, size_t size)
{
	struct resolving *r = ctx;
	struct err e = { ST_OK, "" };

	if (resolve(r->p, r->id, "edit", v[0], &e)) {
		snprintf(msg, size, "%s", e.msg);
		return msg;
	}
	ui_message(r->p->ui, TH_OK, "sync conflict #%lld resolved with the value given", (long long)r->id);
	return NULL;
}

/* Enter: the conflict in full, and mine, theirs or a value. */
static int
open_selected(struct pane *p)
{
	static const struct detail_action actions[] = {
		{ 'm', "mine: write the copy's value" }, { 't', "theirs: keep the team's" },
		{ 'e', "edit: write a value of your own" },
	};
	struct sync_pane *sp = p->priv;
	const struct sc_row *r = sp->n ? &sp->rows[sp->list.cursor] : NULL;
	struct err e = { ST_OK, "" };
	struct buf body;
	char title[48];
	int pick;

	if (!r)
		return ACT_DONE;
	if (strcmp(r->status, "open")) {
		ui_message(p->ui, TH_WARNING, "sync conflict #%lld is resolved already (%s)", (long long)r->id,
			   r->status);
		return ACT_DONE;
	}
	buf_init(&body);
	buf_addf(&body, "%s\n\nbefore: %s\nmine, in the copy, by %s: %s\ntheirs, on the team book, by %s: %s (kept)",
		 r->where, r->original, r->mine_by, r->mine, r->theirs_by, r->theirs);
	if (!r->field)
		buf_adds(&body, "\n\nA row deleted on one side and changed on the other: only theirs resolves "
			 "it here; the copy's values stay in the conflict.");
	snprintf(title, sizeof(title), "Sync conflict #%lld", (long long)r->id);
	pick = ui_detail(p->ui, title, body.data, actions, r->field ? 3 : 2);
	buf_done(&body);
	if (pick == 2) {
		struct form_field f[] = { { "value", r->field && strcmp(r->mine, "-") ? r->mine : "", 40, NULL,
					    "a number, null, or text" } };
		struct resolving c = { p, r->id };

		return ui_form(p->ui, "Resolve with a value", f, 1, submit_value, &c)
		       ? ACT_WROTE | ACT_RELOAD | ACT_TABS : ACT_DRAW;
	}
	if (pick != 0 && pick != 1)
		return ACT_DRAW;
	if (pick == 0 && !r->field) {
		ui_message(p->ui, TH_WARNING, "only theirs resolves a deleted row here");
		return ACT_DRAW;
	}
	if (resolve(p, r->id, pick == 0 ? "mine" : "theirs", NULL, &e)) {
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
		return ACT_DRAW;
	}
	ui_message(p->ui, TH_OK, "sync conflict #%lld resolved: %s", (long long)r->id, pick == 0 ? "mine" : "theirs");
	return ACT_WROTE | ACT_RELOAD | ACT_TABS;
}

static int
request(struct pane *p, enum request r)
{
	struct sync_pane *sp = p->priv;
	enum list_change ch = list_request(&sp->list, r, (size_t)page(p), row_id, sp);

	if (ch != LIST_NONE)
		return moved(p, ch);
	switch (r) {
	case REQ_ENTER: return open_selected(p);
	case REQ_SYNC_ALL:
		sp->all = !sp->all;
		sp->list.top = 0;
		return ACT_RELOAD | ACT_TABS;
	default: return ACT_NONE;
	}
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct sync_pane *sp = p->priv;
	int act;

	(void)x;
	if (y < 1 || y > page(p) || sp->list.top + (size_t)(y - 1) >= sp->n)
		return ACT_NONE;
	act = moved(p, list_move_to(&sp->list, (long)(sp->list.top + (size_t)(y - 1)), (size_t)page(p), row_id, sp));
	return twice ? open_selected(p) : act;
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct sync_pane *sp = p->priv;

	snprintf(out, size, "%s, %zu/%zu", sp->all ? "all" : "open", sp->n ? sp->list.cursor + 1 : 0, sp->n);
}

static size_t
count_rows(struct pane *p)
{
	return ((struct sync_pane *)p->priv)->n;
}

static void
done(struct pane *p)
{
	struct sync_pane *sp = p->priv;

	pool_done(&sp->pool);
	free(sp->rows);
}

/* Nothing to show on a book no copy was made of (Tab passes it over). */
static const char *
empty(struct pane *p)
{
	return store_sync_in_use(p->ui->store) ? NULL
	       : "no field copies of this book yet (tend sync clone makes one)";
}

static const enum request hint_list[] = { REQ_ENTER, REQ_SYNC_ALL, REQ_NONE };

const struct pane_ops sync_ops = {
	.title = "Sync",
	.private_size = sizeof(struct sync_pane),
	.empty = empty,
	.tab_when_empty_hidden = true,
	.load = load,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.click = click,
	.describe = describe,
	.count = count_rows,
	.done = done,
};
