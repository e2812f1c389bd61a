/*
 * panes.h -- the pane registry: the one list of the interface's panes.
 *
 * Each line names a pane once, and everything else comes from it: the
 * pane ids (enum pane_id), the `view_NAME` request that shows it and the
 * key bound to that request by default (req.h, keymap.c), the values
 * `default_view:` accepts in config.yaml, the tab line, and the help.  The
 * order is the order of the tabs; the first pane is where Back ends (and
 * quits).
 *
 * Adding a pane is one new file (pane_NAME.c, defining `const struct
 * pane_ops NAME_ops`, see ui.h) and one line here.
 */
#ifndef TEND_PANES_H
#define TEND_PANES_H

/*  P(X, id, ops, name, default key, help of its view request)
 *  X is passed through, so other lists (req.h) can be built from this one. */
#define PANE_LIST(P, X) \
	P(X, HEATMAP, heatmap_ops, "heatmap", '1', "the portfolio heatmap") \
	P(X, ACCOUNT, account_ops, "account", '2', "the selected account's 360 view") \
	P(X, INBOX, inbox_ops, "inbox", '3', "your inbox of notifications and escalations") \
	P(X, PLAN, plan_ops, "plan", '5', "the selected account's success plan") \
	P(X, CALENDAR, calendar_ops, "calendar", '6', "the renewal calendar, quarter and pipeline") \
	P(X, TEAM, team_ops, "team", '7', "the team dashboard: scoreboard and one row per CSM") \
	P(X, SYNC, sync_ops, "sync", '8', "field copies' sync conflicts, to resolve")

enum pane_id {
#define PANE_ENUM(X, id, ops, name, key, help) PANE_##id,
	PANE_LIST(PANE_ENUM, )
#undef PANE_ENUM
	PANE_COUNT_
};

/* The first pane: where the interface opens unless default_view says
 * otherwise, and where Back ends (and then quits). */
#define PANE_FIRST ((enum pane_id)0)

#endif
