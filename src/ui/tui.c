/*
 * tui.c -- the shell of the interface: screen layout, the main loop, and
 * the requests no pane handles (see ui.h for the model).
 *
 * The loop draws, refreshes once, then waits for a key; while a pane still
 * has data to load (a big book) it polls instead and loads a chunk between
 * keystrokes, so the first screen appears at once and keys stay live.
 * Resizes arrive as KEY_RESIZE (no curses in signal handlers).
 */
#include "config.h"

#include <langinfo.h>
#include <panel.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "app/health_run.h"
#include "app/undo.h"
#include "domain/model.h"
#include "store/playbook_store.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/sync.h"
#include "store/watch.h"
#include "store/wtx.h"
#include "ui/chrome.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/term.h"
#include "ui/ui.h"

#define UI_MIN_COLS 80   /* the layout is designed for 80x24 and up */
#define UI_MIN_LINES 24
/* Curses notices SIGWINCH in doupdate or when the signal interrupts its
 * read; one that lands while the screen is being written would wait for
 * the next key.  So an idle loop still wakes this often, and its doupdate
 * turns a pending resize into KEY_RESIZE. */
#define UI_IDLE_MS 200

/* The registry (panes.h), as the shell's tables. */
static const struct {
	const struct pane_ops *ops;
	const char *name;
	enum request view;       /* the request that shows it */
} registry[PANE_COUNT_] = {
#define PANE_ROW(X, id, ops, name, key, help) [PANE_##id] = { &ops, name, REQ_VIEW_##id },
	PANE_LIST(PANE_ROW, )
#undef PANE_ROW
};

const char *const tui_pane_names[PANE_COUNT_ + 1] = {
#define PANE_NAME(X, id, ops, name, key, help) [PANE_##id] = name,
	PANE_LIST(PANE_NAME, )
#undef PANE_NAME
	[PANE_COUNT_] = NULL,
};

int
ui_pane_lookup(const char *name)
{
	for (int i = 0; name && i < PANE_COUNT_; i++)
		if (!strcmp(registry[i].name, name))
			return i;
	return -1;
}

enum request
ui_pane_request(int i)
{
	return registry[i].view;
}

int
ui_attr(const struct ui *ui, enum theme_role r)
{
	return theme_attr(ui->theme, r);
}

void
ui_message(struct ui *ui, enum theme_role role, const char *fmt, ...)
{
	char raw[256];
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	clean = ui_clean(ui, raw);
	snprintf(ui->message, sizeof(ui->message), "%s", clean);
	free(clean);
	ui->message_role = role;
}

char *
ui_clean(const struct ui *ui, const char *s)
{
	struct buf b;
	const unsigned char *p;

	buf_init(&b);
	text_sanitize(&b, s ? s : "", s ? strlen(s) : 0, TEXT_ONE_LINE);
	if (ui->unicode)
		return buf_detach(&b);
	/* A terminal without UTF-8 gets '?' for each character it cannot show. */
	{
		struct buf a;
		size_t i = 0, n;
		uint32_t cp;

		buf_init(&a);
		p = (const unsigned char *)b.data;
		while (i < b.len) {
			n = utf8_decode(p + i, b.len - i, &cp);
			buf_addc(&a, n && cp < 0x80 ? (char)cp : '?');
			i += n ? n : 1;
		}
		buf_done(&b);
		return buf_detach(&a);
	}
}

struct account_filter
ui_filter_conditions(const struct ui *ui)
{
	const struct ui_filter *f = &ui->filter;
	struct account_filter a = ACCOUNT_FILTER_ANY;

	/* "pooled" is the menu's word for accounts with no owner. */
	a.pooled = !strcmp(f->owner, "pooled");
	a.owner = f->owner[0] && !a.pooled ? f->owner : NULL;
	a.segment = f->segment[0] ? f->segment : NULL;
	a.stage = f->stage[0] ? f->stage : NULL;
	a.band = f->band[0] ? f->band : NULL;
	a.tag = f->tag[0] ? f->tag : NULL;
	a.renewing_within = f->within;
	return a;
}

bool
ui_filter_empty(const struct ui *ui)
{
	struct account_filter a = ui_filter_conditions(ui);

	return account_filter_empty(&a) && !ui->filter.search[0];
}

/* -- layout and the fixed lines ---------------------------------------------- */

static void
free_windows(struct ui *ui)
{
	for (int i = 0; i < PANE_COUNT_; i++)
		if (ui->panes[i].win) {
			delwin(ui->panes[i].win);
			ui->panes[i].win = NULL;
		}
	if (ui->header)
		delwin(ui->header);
	if (ui->tabs)
		delwin(ui->tabs);
	if (ui->status)
		delwin(ui->status);
	ui->header = ui->tabs = ui->status = NULL;
}

static void
layout(struct ui *ui)
{
	free_windows(ui);
	getmaxyx(stdscr, ui->lines, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->lines < UI_MIN_LINES;
	if (ui->too_small)
		return;
	ui->header = newwin(1, ui->cols, 0, 0);
	ui->tabs = newwin(1, ui->cols, 1, 0);
	ui->status = newwin(1, ui->cols, ui->lines - 1, 0);
	/* The command line reads from this window: arrows must arrive as
	 * KEY_UP and friends, not as an Esc that cancels the line. */
	keypad(ui->status, TRUE);
	for (int i = 0; i < PANE_COUNT_; i++) {
		struct pane *p = &ui->panes[i];

		p->h = ui->lines - 3;
		p->w = ui->cols;
		p->win = newwin(p->h, p->w, 2, 0);
		keypad(p->win, TRUE);
	}
}

static void
draw_too_small(void)
{
	erase();
	mvprintw(0, 0, "Terminal too small: %dx%d; tend needs at least %dx%d.", COLS, LINES, UI_MIN_COLS,
		 UI_MIN_LINES);
	mvprintw(1, 0, "Make the window bigger, or press q to quit.");
	wnoutrefresh(stdscr);
}

static void
draw_all(struct ui *ui)
{
	struct pane *p = &ui->panes[ui->current];

	if (ui->too_small) {
		draw_too_small();
		return;
	}
	/* The screen under the windows is cleared once, so no stale text
	 * survives a resize; after that only windows are drawn. */
	wnoutrefresh(stdscr);
	chrome_header(ui);
	chrome_tabs(ui);
	werase(p->win);
	p->ops->draw(p);
	wnoutrefresh(p->win);
	chrome_status(ui);
}

void
ui_draw(struct ui *ui)
{
	draw_all(ui);
}

/* -- panes --------------------------------------------------------------------- */

static enum status
load_pane(struct pane *p, struct err *e)
{
	enum status st = p->ops->load(p, e);

	p->loaded = st == ST_OK;
	return st;
}

void
ui_open(struct ui *ui, enum pane_id id, const struct pane_arg *arg)
{
	struct err e = { ST_OK, "" };
	struct pane *p = &ui->panes[id];

	if (p->ops->open) {
		if (ui->current != id)
			ui->back = ui->current;
		if (arg)
			p->ops->open(p, arg);
	}
	ui->current = id;
	if ((arg || !p->loaded) && load_pane(p, &e))
		ui_message(ui, TH_ERROR, "%s", e.msg);
}

void
ui_count_inbox(struct ui *ui)
{
	struct err e = { ST_OK, "" };

	if (store_inbox_count(ui->store, ui->opts->login, &ui->inbox_open, &e)) {
		ui->inbox_open = 0;
		ui_message(ui, TH_ERROR, "%s", e.msg);
	}
	/* And, on a field copy, what waits to be synced (the header says). */
	if (store_sync_unsynced(ui->store, &ui->unsynced, &e)) {
		ui->unsynced = -1;
		ui_message(ui, TH_ERROR, "%s", e.msg);
	}
	/* The team book's open conflicts: its own here; a copy's are read
	 * from its source when the interface starts and by the Sync pane. */
	if (ui->unsynced < 0 && store_sync_present(ui->store) &&
	    store_sync_count_open(ui->store, 0, &ui->sync_conflicts, &e))
		ui->sync_conflicts = 0;
}

/* A copy's team book, once at start, for the header's conflict count. */
static void
count_source_conflicts(struct ui *ui)
{
	struct err e = { ST_OK, "" };
	struct sync_state st;
	struct store *team;

	if (store_sync_state(ui->store, &st, &e) || !st.found || store_sync_open_source(ui->store, &team, &e))
		return;
	if (store_sync_count_open(team, st.copy, &ui->sync_conflicts, &e))
		ui->sync_conflicts = 0;
	store_close(team);
}

static void
switch_pane(struct ui *ui, int i)
{
	const char *why;

	if (i < 0 || i >= PANE_COUNT_ || i == (int)ui->current)
		return;
	if (ui->panes[i].ops->empty && (why = ui->panes[i].ops->empty(&ui->panes[i]))) {
		ui_message(ui, TH_WARNING, "%s", why);
		return;
	}
	ui_open(ui, (enum pane_id)i, NULL);
}

/* Tab and BackTab: the next pane, in step, that has something to show
 * (a pane opened on nothing yet, such as the plan, is passed over). */
static void
cycle_pane(struct ui *ui, int step)
{
	int i = ui->current;

	for (int n = 1; n < PANE_COUNT_; n++) {
		const struct pane *p;

		i = (i + step) % PANE_COUNT_;
		p = &ui->panes[i];
		if (!p->ops->empty || !p->ops->empty((struct pane *)p) || n == PANE_COUNT_ - 1)
			break;
	}
	switch_pane(ui, i);
}

/* Back: from a pane opened on something (the 360 view) to the pane it was
 * opened from, from the others to the first pane. */
static void
go_back(struct ui *ui)
{
	enum pane_id to = ui->panes[ui->current].ops->open ? ui->back : ui->home;

	if (to == ui->current || ui->panes[to].ops->open)
		to = ui->home;
	ui_open(ui, to, NULL);
}

/* The filters changed: panes with rows in memory filter them again. */
static void
refilter(struct ui *ui)
{
	for (int i = 0; i < PANE_COUNT_; i++)
		if (ui->panes[i].loaded && ui->panes[i].ops->refilter)
			ui->panes[i].ops->refilter(&ui->panes[i]);
}

void
ui_filter_changed(struct ui *ui)
{
	refilter(ui);
}

static void
reload(struct ui *ui)
{
	struct err e = { ST_OK, "" };

	for (int i = 0; i < PANE_COUNT_; i++)
		ui->panes[i].loaded = false;
	ui_check_write_access(ui);
	ui_count_inbox(ui);
	if (load_pane(&ui->panes[ui->current], &e))
		ui_message(ui, TH_ERROR, "%s", e.msg);
}

/* -- requests the shell handles --------------------------------------------------- */

static void
recompute(struct ui *ui)
{
	struct err e = { ST_OK, "" };
	struct health_run r;

	ui_message(ui, TH_DIM, "scoring the book...");
	chrome_status(ui);
	doupdate();
	if (health_run_recompute(ui->store, &ui->scorecards, store_clock(ui->store)->today, &r, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return;
	}
	reload(ui);
	ui_message(ui, TH_OK, "scored %ld accounts: %ld green, %ld yellow, %ld red, %ld unknown", r.scored,
		   r.counts[BAND_GREEN], r.counts[BAND_YELLOW], r.counts[BAND_RED], r.counts[BAND_UNKNOWN]);
}

/* After an undo: the pane on screen brings only the accounts it touched up
 * to date when it can (a big book's heatmap would read 100k rows again),
 * every other pane loads when shown next. */
static void
undone(struct ui *ui, const struct journal_change *c)
{
	struct pane *p = &ui->panes[ui->current];
	struct err e = { ST_OK, "" };
	int flags = ACT_RELOAD;

	if (!p->loaded || !p->ops->accounts_changed || !c->nids || c->nids != c->accounts) {
		reload(ui);
		return;
	}
	for (int i = 0; i < PANE_COUNT_; i++)
		if (&ui->panes[i] != p)
			ui->panes[i].loaded = false;
	ui_check_write_access(ui);
	ui_count_inbox(ui);
	flags = p->ops->accounts_changed(p, c->ids, (size_t)c->nids);
	if ((flags & ACT_RELOAD) && load_pane(p, &e))
		ui_message(ui, TH_ERROR, "%s", e.msg);
}

/* u: take back the user's last change, then show the book as it is now. */
static void
undo(struct ui *ui)
{
	struct err e = { ST_OK, "" };
	struct undo_result r;

	if (undo_last(ui->store, &r, &e)) {
		ui_message(ui, e.status == ST_NOINPUT ? TH_WARNING : TH_ERROR, "%s", e.msg);
		return;
	}
	undone(ui, &r.change);
	if (r.change.accounts == 1)
		ui_message(ui, TH_OK, "undid '%s' on %s (%lld row%s)", r.change.action, r.change.account,
			   (long long)r.change.rows, r.change.rows == 1 ? "" : "s");
	else
		ui_message(ui, TH_OK, "undid '%s' (%lld rows, %lld accounts)", r.change.action,
			   (long long)r.change.rows, (long long)r.change.accounts);
}

static void
shell_request(struct ui *ui, enum request r)
{
	switch (r) {
	case REQ_QUIT:
		ui->quit = true;
		break;
	case REQ_BACK:
		if (ui->current == ui->home)
			ui->quit = true;
		else
			go_back(ui);
		break;
	case REQ_NEXT_PANE:
		cycle_pane(ui, 1);
		break;
	case REQ_PREV_PANE:
		cycle_pane(ui, PANE_COUNT_ - 1);
		break;
#define PANE_CASE(X, id, ops, name, key, help) \
	case REQ_VIEW_##id: \
		switch_pane(ui, PANE_##id); \
		break;
	PANE_LIST(PANE_CASE, )
#undef PANE_CASE
	case REQ_SEARCH:
		prompt_search(ui);
		refilter(ui);
		break;
	case REQ_FILTER:
		if (prompt_filter(ui))
			refilter(ui);
		break;
	case REQ_CLEAR:
		prompt_clear_filter(ui);
		refilter(ui);
		ui_message(ui, TH_OK, "search and filters cleared");
		break;
	case REQ_REFRESH:
		reload(ui);
		ui_message(ui, TH_OK, "reloaded");
		break;
	case REQ_RECOMPUTE:
		recompute(ui);
		break;
	case REQ_UNDO:
		undo(ui);
		break;
	case REQ_HELP:
		prompt_help(ui);
		break;
	case REQ_PROMPT:
		switch (prompt_command(ui)) {
		case PROMPT_REQUEST_REFILTER: refilter(ui); break;
		case PROMPT_REQUEST_RELOAD: reload(ui); break;
		case PROMPT_REQUEST_RECOMPUTE: recompute(ui); break;
		default: break;
		}
		break;
	default:
		if (r != REQ_NONE)
			ui_message(ui, TH_DIM, "%s: not available here (? lists the keys)", req_name(r));
		break;
	}
}

static int
handle_mouse(struct ui *ui)
{
	struct pane *p = &ui->panes[ui->current];
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return ACT_NONE;
	if (ev.y == 1) {
		int i = chrome_tab_at(ui, ev.x);

		if (i < 0)
			return ACT_NONE;
		switch_pane(ui, i);
		return ACT_DRAW;
	}
	if (ev.y >= 2 && ev.y < ui->lines - 1 && p->ops->click)
		return p->ops->click(p, ev.y - 2, ev.x, (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
	return ACT_NONE;
}

/* -- setup and the loop ----------------------------------------------------------- */

static int
user_role(void *ctx, const struct user_row *u)
{
	snprintf(ctx, 32, "%s", u->role);
	return 0;
}

static void
warn_diag(struct ui *ui, const struct diag *d)
{
	if (d->n)
		ui_message(ui, TH_WARNING, "%s", d->items[0].text);
}

static void
report_nothing(void *ctx, const struct diag *d)
{
	(void)d;
	(void)ctx;
}

/* What the first screen must say about the book itself: a tampered audit
 * log (the command line warns on stderr, which the screen would hide), or
 * why it opened read-only. */
static void
warn_book(struct ui *ui)
{
	struct audit_verdict v;
	struct err e = { ST_OK, "" };

	if (!store_audit_verify(ui->store, true, &v, &e) && !audit_verdict_ok(&v))
		ui_message(ui, TH_ERROR, "audit log changed outside tend at row %lld: run tend audit verify",
			   (long long)v.broken_id);
	else if (store_read_only_why(ui->store))
		ui_message(ui, TH_WARNING, "read-only: %s", store_read_only_why(ui->store));
}

static enum status
setup(struct ui *ui, struct store *s, const struct tui_opts *o, struct err *e)
{
	struct diag d;
	bool found;

	memset(ui, 0, sizeof(*ui));
	ui->store = s;
	ui->opts = o;
	ui->filter.within = -1;
	ui->unsynced = -1;
	ui->home = PANE_FIRST;
	ui->unicode = !strcmp(nl_langinfo(CODESET), "UTF-8");
	keymap_defaults(&ui->keys);
	diag_init(&d, o->config_path);
	if (o->config_path)
		keymap_load(&ui->keys, o->config_path, &d);
	warn_diag(ui, &d);
	diag_done(&d);
	if (store_user_get(s, o->login, &found, user_role, ui->role, e))
		return e->status;
	/* The file's owner writes everything even when no user names it (a
	 * personal book, the demo): say so rather than "not a user". */
	if (!found)
		snprintf(ui->role, sizeof(ui->role), "%s",
			 store_roles_enforced(s) ? "not a user of this book" : "book owner");
	/* Scorecards in force, for explain and the heatmap's columns; a broken
	 * one is reported by `tend health check`, here it just falls back. */
	if (scorecard_set_load(&ui->scorecards, NULL, 0, o->scorecard, e, report_nothing, NULL) &&
	    scorecard_set_load(&ui->scorecards, NULL, 0, "default", e, report_nothing, NULL))
		return e->status;
	/* With the book's calibrations, as tend health explain scores. */
	if (scorecard_set_calibrate(&ui->scorecards, s, e)) {
		scorecard_set_free(&ui->scorecards);
		return e->status;
	}
	diag_init(&d, o->theme ? o->theme : "default");
	ui->theme = theme_load(o->theme ? o->theme : "default", &d, e);
	if (!ui->theme && o->theme_source) {
		/* A setting in the config file must not lock the user out; a
		 * --theme typed now is an error they can fix at once. */
		*e = (struct err){ ST_OK, "" };
		ui->theme = theme_load("default", &d, e);
		ui_message(ui, TH_WARNING, "%s: no theme '%s'; using the default", o->theme_source, o->theme);
	}
	if (!ui->theme) {
		diag_done(&d);
		scorecard_set_free(&ui->scorecards);
		return e->status;
	}
	warn_diag(ui, &d);
	diag_done(&d);
	for (int i = 0; i < PANE_COUNT_; i++) {
		ui->panes[i].ops = registry[i].ops;
		ui->panes[i].id = (enum pane_id)i;
		ui->panes[i].name = registry[i].name;
		ui->panes[i].ui = ui;
		ui->panes[i].priv = xcalloc(1, registry[i].ops->private_size ? registry[i].ops->private_size : 1);
	}
	warn_book(ui);
	return ST_OK;
}

static void
teardown(struct ui *ui)
{
	for (int i = 0; i < PANE_COUNT_; i++) {
		if (ui->panes[i].ops->done)
			ui->panes[i].ops->done(&ui->panes[i]);
		free(ui->panes[i].priv);
	}
	free_windows(ui);
	for (int i = 0; i < ui->nhistory; i++)
		free(ui->history[i]);
	free(ui->filter.ids);
	theme_free(ui->theme);
	scorecard_set_free(&ui->scorecards);
}

/* Did another session commit since we last looked?  Then show the book
 * as it is now, every pane keeping its selection (list_reload); asked at
 * each idle wake-up, so a change appears within UI_IDLE_MS. */
static bool
book_changed(struct ui *ui)
{
	struct err e = { ST_OK, "" };
	int64_t v;

	if (store_data_version(ui->store, &v, &e) || v == ui->data_version)
		return false;
	ui->data_version = v;
	reload(ui);
	return true;
}

static void
loop(struct ui *ui)
{
	bool full = true;
	int ch, flags;
	struct err e0 = { ST_OK, "" };

	store_data_version(ui->store, &ui->data_version, &e0);
	while (!ui->quit) {
		struct pane *p = &ui->panes[ui->current];
		bool background = p->loaded && p->ops->more && p->ops->more(p);

		/* A resize that came while a prompt, menu or form had the
		 * keyboard was eaten there as KEY_RESIZE: catch up now. */
		if (COLS != ui->cols || LINES != ui->lines) {
			layout(ui);
			clearok(curscr, TRUE);
			full = true;
		}
		if (full)
			draw_all(ui);
		else if (!ui->too_small)
			chrome_status(ui);
		doupdate();
		full = false;
		/* Poll while a big book is still loading; otherwise wait,
		 * waking now and then for a resize (UI_IDLE_MS). */
		timeout(background ? 0 : UI_IDLE_MS);
		ch = getch();
		if (ch == ERR && background) {
			struct err e = { ST_OK, "" };

			if (p->ops->load_more(p, &e)) {
				ui_message(ui, TH_ERROR, "%s", e.msg);
				p->loaded = false;
			}
			/* The visible rows are already there: only the tab
			 * line's counts change while loading. */
			if (!ui->too_small)
				chrome_tabs(ui);
			if (!p->ops->more(p))
				full = true;
			continue;
		}
		if (ch == ERR) {
			full = book_changed(ui);
			continue;
		}
		if (ui->message[0]) {
			ui->message[0] = '\0';
		}
		if (ch == KEY_RESIZE) {
			layout(ui);
			clearok(curscr, TRUE);
			full = true;
			continue;
		}
		if (ui->too_small) {
			if (ch == 'q' || ch == 'Q')
				ui->quit = true;
			continue;
		}
		flags = ch == KEY_MOUSE ? handle_mouse(ui) : ACT_NONE;
		if (ch != KEY_MOUSE) {
			enum request r = keymap_lookup(&ui->keys, ch, p->name);

			const char *why;

			if (ui_writes(r) && !ui_may_write_here(ui, &why)) {
				/* Said before the pane opens a form that could
				 * only be refused. */
				ui_message(ui, TH_WARNING, "%s", why);
				full = true;
				continue;
			}
			flags = r == REQ_NONE ? ACT_DONE : p->ops->request(p, r);
			if (flags == ACT_NONE) {
				shell_request(ui, r);
				full = true;
				continue;
			}
		}
		if (flags & ACT_WROTE) {
			ui->checked_account = 0;   /* an owner may have changed */
			/* The book changed: every pane shows it when it is
			 * shown next; this one reloads or refreshed itself. */
			for (int i = 0; i < PANE_COUNT_; i++)
				if (&ui->panes[i] != p)
					ui->panes[i].loaded = false;
			ui_count_inbox(ui);
			full = true;
		}
		if (flags & ACT_RELOAD) {
			struct err e = { ST_OK, "" };

			if (load_pane(p, &e))
				ui_message(ui, TH_ERROR, "%s", e.msg);
			full = true;
		}
		if (flags & ACT_DRAW)
			full = true;
		if ((flags & ACT_TABS) && !full)
			chrome_tabs(ui);
		if (!full)
			wnoutrefresh(p->win);
	}
}

/* The pane to start on: default_view when it names one that has something
 * to show, else the first. */
static enum status
open_first(struct ui *ui, struct err *e)
{
	int i = ui_pane_lookup(ui->opts->default_view);
	const char *why = NULL;

	if (i >= 0 && ui->panes[i].ops->empty && (why = ui->panes[i].ops->empty(&ui->panes[i]))) {
		ui_message(ui, TH_WARNING, "default_view: %s", why);
		i = -1;
	}
	/* A lead reviews the team first (issue #16). */
	if (i < 0 && !ui->opts->default_view && !strcmp(ui->role, "lead"))
		i = ui->home = PANE_TEAM;   /* and where Back ends */
	ui->current = i >= 0 ? (enum pane_id)i : PANE_FIRST;
	return load_pane(&ui->panes[ui->current], e);
}

enum status
tui_run(struct store *s, const struct tui_opts *o, struct err *e)
{
	struct ui ui;
	enum status st;
	bool mouse;

	if ((st = setup(&ui, s, o, e)))
		return st;
	term_save();
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mouse = mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL) != 0;
	mouseinterval(200);
	term_arm(mouse);
	ui.depth = theme_apply(ui.theme, o->color);
	layout(&ui);
	ui_check_write_access(&ui);
	ui_count_inbox(&ui);
	count_source_conflicts(&ui);
	st = open_first(&ui, e);
	if (!st)
		loop(&ui);
	endwin();
	term_disarm();
	teardown(&ui);
	return st;
}
