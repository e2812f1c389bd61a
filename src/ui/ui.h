/*
 * ui.h -- the interface's shared state and the pane interface.
 *
 * The shell (tui.c) owns the screen: a header line (book, user and role,
 * date, active filter), a tab line (panes, and what the current one shows),
 * the pane area, and a status line that doubles as the command line.  A
 * pane is one module behind `struct pane_ops` (tig's view_ops, htop's
 * PanelClass): it loads its rows with set-based queries, draws from memory,
 * and handles the requests it knows; the shell handles the rest.  Input
 * flows one way: key -> keymap -> request -> pane -> shell.  Only the
 * main loop refreshes the terminal, once per pass.
 *
 * The panes are listed once, in the registry (panes.h); a pane's rows use
 * the one cursor-and-paging implementation (list.h); its hints on the
 * bottom line come from the key map.  A new pane is one pane_NAME.c and
 * one line in the registry.
 */
#ifndef TEND_UI_H
#define TEND_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/filter.h"
#include "app/scorecard_set.h"
#include "ui/keymap.h"
#include "ui/panes.h"
#include "ui/theme.h"
#include "ui/tui.h"

struct store;
struct ui;

/* What a pane's request handler did. */
enum act {
	ACT_NONE = 0,       /* not handled: the shell takes it */
	ACT_DONE = 1,       /* handled; the pane updated its window itself */
	ACT_DRAW = 2,       /* redraw the whole pane */
	ACT_RELOAD = 4,     /* reload the pane's data, then redraw */
	ACT_TABS = 8,       /* the tab line changed (mode, sort, position) */
	ACT_WROTE = 16,     /* the pane changed the book: the other panes load
			       again when shown; this one reloads with
			       ACT_RELOAD, or has brought its rows up to date */
};

struct pane;

/* What a pane is opened on: the account of the 360 view (later a plan, a
 * date...).  Zero fields mean "nothing in particular". */
struct pane_arg {
	int64_t account_id;
	int32_t date;            /* a day number (the calendar's); 0: none */
};

struct pane_ops {
	const char *title;       /* in the tab line: "Heatmap" (its name, the
				    keymap scope and `default_view:` value, is
				    the registry's: panes.h) */
	size_t private_size;     /* state the shell allocates for the pane */
	/* Show what arg names (ui_open); the shell loads the pane next.  NULL
	 * for a pane that shows the same thing whatever opens it. */
	void (*open)(struct pane *p, const struct pane_arg *arg);
	/* Why the pane has nothing to show yet ("no account selected yet"),
	 * or NULL: the shell says so instead of switching to an empty pane. */
	const char *(*empty)(struct pane *p);
	/* Load data for the current filters.  May leave more to load in the
	 * background (then `more` says so and `load_more` takes the next step). */
	enum status (*load)(struct pane *p, struct err *e);
	bool (*more)(struct pane *p);
	enum status (*load_more)(struct pane *p, struct err *e);
	/* Draw the whole pane from memory; no queries here. */
	void (*draw)(struct pane *p);
	/* ACT_* flags, ACT_NONE when the request is not the pane's. */
	int (*request)(struct pane *p, enum request r);
	/* The pane's own requests for the bottom line, REQ_NONE-ended (the
	 * shell adds help, search, filter, the command line and back around
	 * them, each with the key it is bound to now). */
	const enum request *hints;
	/* A mouse click in the pane window (twice: double click). */
	int (*click)(struct pane *p, int y, int x, bool twice);
	/* What the pane shows, for the tab line: "matrix, by health, 12/600". */
	void (*describe)(struct pane *p, char *out, size_t size);
	/* The filters changed: apply them to rows already in memory. */
	void (*refilter)(struct pane *p);
	/* The one account the pane's write keys act on, or 0 (none, or many:
	 * each write is checked anyway).  The shell hides those keys when the
	 * role may not change it (may be NULL). */
	int64_t (*account)(struct pane *p);
	/* How many rows pass the filters now (may be NULL). */
	size_t (*count)(struct pane *p);
	/* No tab while `empty` says there is nothing to show. */
	bool tab_when_empty_hidden;
	/* These accounts changed by the user's own hand outside the pane (an
	 * undo): bring just them up to date; ACT_* flags, ACT_RELOAD when the
	 * pane must load again.  NULL: the pane loads again. */
	int (*accounts_changed)(struct pane *p, const int64_t *ids, size_t n);
	void (*done)(struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	enum pane_id id;
	const char *name;        /* from the registry: "heatmap" */
	struct ui *ui;
	WINDOW *win;             /* the pane area */
	int h, w;
	void *priv;
	bool loaded;
};

/* What the user typed into the filter menu and the search, for the
 * portfolio panes; empty strings mean "any".  ui_filter_conditions() gives
 * the conditions as the filter every list shares (domain/filter.h). */
struct ui_filter {
	char owner[64];          /* login, "me" resolved, or "pooled" */
	char segment[16], stage[16], band[16], tag[64];
	int within;              /* renewal due within N days (or overdue); -1: any */
	char search[128];        /* the search text, "" for none */
	int64_t *ids;            /* accounts matching the search, sorted */
	size_t nids;
};

#define UI_HISTORY 32

struct ui {
	struct store *store;
	const struct tui_opts *opts;
	struct theme *theme;
	int depth;               /* colours in use: 256, 8 or 0 */
	bool unicode;            /* the locale is UTF-8: box drawing, blocks */
	struct keymap keys;
	char role[32];
	bool may_write;          /* this session may change the book at all */
	char why_not[256];       /* when not: what a refused change would say */
	int64_t checked_account; /* the account last asked about (pane_may_write) */
	bool account_writable;   /* and the answer */
	char account_why_not[320];
	struct scorecard_set scorecards;
	struct pane panes[PANE_COUNT_];   /* in the registry's order (panes.h) */
	enum pane_id current;
	enum pane_id home;       /* where Back ends (and then quits): the first
				    pane, or the Team pane a lead opens on */
	enum pane_id back;       /* where Back goes from a pane that was opened
				    on something (the 360 view): where it was
				    opened from */
	int64_t inbox_open;      /* my open inbox items, for the header */
	int64_t unsynced;        /* a field copy's changes not pushed; -1: not a copy */
	int64_t sync_conflicts;  /* open sync conflicts on the team book, as last read */
	int64_t data_version;    /* the book as last seen (store/watch.h) */
	struct ui_filter filter;
	char message[256];
	enum theme_role message_role;
	WINDOW *header, *tabs, *status;
	int lines, cols;
	bool too_small;
	bool quit;
	char *history[UI_HISTORY];
	int nhistory;
};

/* Attribute of a theme role. */
int ui_attr(const struct ui *ui, enum theme_role r);
/* Show a message on the status line until the next key. */
void ui_message(struct ui *ui, enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Draw the whole screen into curses' buffers, without refreshing: for a
 * prompt whose every keystroke changes what is behind it (the search). */
void ui_draw(struct ui *ui);
/* Switch to pane id, opened on arg (NULL: as it was), and load it. */
void ui_open(struct ui *ui, enum pane_id id, const struct pane_arg *arg);
/* The pane named so in the registry, or -1. */
int ui_pane_lookup(const char *name);
/* The request that shows pane i (its tab shows that request's key). */
enum request ui_pane_request(int i);
/* Count my open inbox items again (ui->inbox_open), and a field copy's
 * changes waiting to be pushed (ui->unsynced): on load, reload and after
 * every write, never per frame. */
void ui_count_inbox(struct ui *ui);
/* A copy of data text made safe for this terminal (sanitized; non-ASCII
 * shown as '?' when the locale cannot display it); caller frees. */
char *ui_clean(const struct ui *ui, const char *s);
/* access.c: whether request r changes the book; ask the write path again
 * whether this session may write (on start and at each reload); whether
 * the current pane's write keys can succeed, with *why when not. */
bool ui_writes(enum request r);
void ui_check_write_access(struct ui *ui);
bool ui_may_write_here(struct ui *ui, const char **why);
/* Is the filter empty (no condition, no search)? */
bool ui_filter_empty(const struct ui *ui);
/* The filter changed (a pane set it): panes with rows in memory apply it. */
void ui_filter_changed(struct ui *ui);
/* The filter's conditions (not the search), pointing into ui->filter. */
struct account_filter ui_filter_conditions(const struct ui *ui);
/* Read a line on the status line: prompt, initial text; NULL when
 * cancelled.  on_change (may be NULL) runs after every edit.  Caller frees. */
char *ui_read_line(struct ui *ui, const char *prompt, const char *initial,
		   void (*on_change)(struct ui *ui, const char *text, void *ctx), void *ctx,
		   int (*complete)(struct ui *ui, const char *text, char *out, size_t size));
/* Pick one of items (NULL-ended) in a menu; -1 when cancelled. */
#define UI_MENU_MAX 39   /* items a menu shows; more are left out */
int ui_menu(struct ui *ui, const char *title, const char *const *items);

/* The panes (pane_*.c), one per line of the registry. */
#define PANE_EXTERN(X, id, ops, name, key, help) extern const struct pane_ops ops;
PANE_LIST(PANE_EXTERN, )
#undef PANE_EXTERN

#endif
