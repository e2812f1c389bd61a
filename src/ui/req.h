/*
 * req.h -- every user action of the interface, listed once.
 *
 * The X-macro yields the request enum, the names used to rebind keys in the
 * config file (`keys: { x: quit }`), and the lines of the `?` help screen,
 * so the help can never disagree with what the keys do.  `scope` says where
 * an action applies: everywhere, or in one pane.  The view requests come
 * from the pane registry (panes.h).
 */
#ifndef TEND_REQ_H
#define TEND_REQ_H

#include "ui/panes.h"

/* The request that shows a pane: view_NAME, one per line of the registry. */
#define REQ_VIEW_(X, id, ops, name, key, help) X(VIEW_##id, "view_" name, "all", "", help)

/*  id, name, scope, hint (its word on the bottom line; "" for none), help */
#define REQ_LIST(_) \
	_(MOVE_DOWN, "move_down", "all", "", "next row") \
	_(MOVE_UP, "move_up", "all", "", "previous row") \
	_(MOVE_LEFT, "move_left", "all", "", "previous column or tile") \
	_(MOVE_RIGHT, "move_right", "all", "", "next column or tile") \
	_(PAGE_DOWN, "page_down", "all", "", "next page") \
	_(PAGE_UP, "page_up", "all", "", "previous page") \
	_(MOVE_FIRST, "move_first", "all", "", "first row") \
	_(MOVE_LAST, "move_last", "all", "", "last row") \
	_(ENTER, "enter", "all", "open", "open the selected account, or a record's full text and actions") \
	_(BACK, "back", "all", "back", "go back; in the first pane, quit") \
	_(QUIT, "quit", "all", "quit", "quit tend") \
	_(NEXT_PANE, "next_pane", "all", "", "next pane") \
	_(PREV_PANE, "prev_pane", "all", "", "previous pane") \
	PANE_LIST(REQ_VIEW_, _) \
	_(SEARCH, "search", "all", "search", "search accounts and notes as you type") \
	_(FILTER, "filter", "all", "filter", "filter by owner, segment, stage, band, renewal window or tag") \
	_(CLEAR, "clear", "all", "clear", "clear the search and every filter") \
	_(SORT, "sort", "heatmap", "sort", "next sort order: health, name, ARR, renewal, owner") \
	_(MODE, "mode", "heatmap", "mode", "next heatmap mode: matrix, tiles, quadrant") \
	_(VALUES, "values", "heatmap", "values", "show measure values instead of ratings") \
	_(GROUP, "group", "heatmap", "group", "group tiles by CSM or by segment") \
	_(MARK, "mark", "heatmap", "mark", "mark or unmark the account (back lets go of the marks)") \
	_(EDIT, "edit", "all", "edit", "edit the selected record in a form; on marked accounts, change them all") \
	_(TICK, "tick", "account", "tick", "tick or untick the selected checklist item (elsewhere: next page)") \
	_(LOG, "log", "account", "log", "log a touchpoint") \
	_(TASK_ADD, "task_add", "account", "task", "add a task") \
	_(TASK_DONE, "task_done", "account", "done", "mark the selected task done") \
	_(NOTE, "note", "account", "note", "add a note") \
	_(PLAN, "plan", "account", "plan", "open the account's success plan") \
	_(PLAN_NEW, "plan_new", "plan", "new", "start a success plan from a template") \
	_(PLAN_OBJECTIVE, "plan_objective", "plan", "+obj", "add an objective") \
	_(PLAN_MILESTONE, "plan_milestone", "plan", "+mile", "add a milestone to the selected objective") \
	_(PLAN_KPI, "plan_kpi", "plan", "+kpi", "add a KPI to the selected objective") \
	_(PLAN_READING, "plan_reading", "plan", "reading", "record a reading of the selected KPI") \
	_(PLAN_DELETE, "plan_delete", "plan", "delete", "delete the selected objective, milestone or KPI") \
	_(PLAN_UP, "plan_up", "plan", "", "move the selected objective, milestone or KPI up") \
	_(PLAN_DOWN, "plan_down", "plan", "", "move the selected objective, milestone or KPI down") \
	_(PLAN_STATUS, "plan_status", "plan", "status", "the plan's next step: share, sign, activate, done") \
	_(PLAN_VALIDATE, "plan_validate", "plan", "validated", "the plan was validated with the customer today") \
	_(CAL_VIEW, "calendar_view", "calendar", "view", "next calendar view: month, quarter, pipeline") \
	_(CAL_TODAY, "calendar_today", "calendar", "today", "go to today") \
	_(CAL_NEXT_QUARTER, "calendar_next_quarter", "calendar", "", "the same day a quarter later") \
	_(CAL_PREV_QUARTER, "calendar_prev_quarter", "calendar", "", "the same day a quarter earlier") \
	_(CAL_CLOSE, "calendar_close", "calendar", "close", "close the selected renewal as won or lost") \
	_(CAL_FORECAST, "calendar_forecast", "calendar", "forecast", "set the selected renewal's forecast category") \
	_(CAL_STAGE, "calendar_stage", "calendar", "", "set the selected renewal's stage") \
	_(CAL_STEP, "calendar_step", "calendar", "step", "log a cadence step of the selected renewal, done today") \
	_(INBOX_DONE, "inbox_done", "inbox", "done", "mark the selected item done") \
	_(INBOX_ALL, "inbox_all", "inbox", "all/mine", "show the whole book's items, or only yours") \
	_(SYNC_ALL, "sync_all", "sync", "all/open", "show resolved sync conflicts too, or only open ones") \
	_(UNDO, "undo", "all", "undo", "take back your last change (again: the one before)") \
	_(REFRESH, "refresh", "all", "reload", "reload from the book") \
	_(RECOMPUTE, "recompute", "all", "", "score the book again as of today") \
	_(PROMPT, "prompt", "all", "cmd", "type a command (:help lists them)") \
	_(HELP, "help", "all", "help", "this help")

enum request {
	REQ_NONE,
#define REQ_ENUM(id, name, scope, hint, help) REQ_##id,
	REQ_LIST(REQ_ENUM)
#undef REQ_ENUM
	REQ_COUNT_
};

const char *req_name(enum request r);
const char *req_scope(enum request r);
const char *req_help(enum request r);
/* Its word on the bottom line ("search"), "" when it has none. */
const char *req_hint(enum request r);
/* By name, or REQ_NONE. */
enum request req_lookup(const char *name);

#endif
