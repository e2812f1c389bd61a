/*
 * detail.h -- a record's full text and what can be done with it, in one
 * modal window (Enter on a task, risk, touchpoint, opportunity or inbox
 * item).
 *
 * The body is the record's text, wrapped to the window; the actions are
 * listed under it, each with its key.  The key picks an action at once;
 * Up/Down and Enter pick one too; Esc or q closes the window.
 */
#ifndef TEND_DETAIL_H
#define TEND_DETAIL_H

struct ui;

#define DETAIL_MAX_ACTIONS 8

struct detail_action {
	int key;                   /* a letter that picks it */
	const char *label;         /* "mark it done" */
};

/* Show title and body (data text: made safe here; '\n' breaks lines) with
 * actions[0..n); the index of the action picked, -1 when closed. */
int ui_detail(struct ui *ui, const char *title, const char *body, const struct detail_action *actions,
	      int n);

#endif
