/*
 * records.h -- what the interface does with the records it shows: edit
 * one in a form (e), open its full text and actions (Enter), tick a
 * checklist item (Space), change many accounts at once (e on marked rows).
 *
 * A pane knows which record each of its rows shows (a struct record_ref)
 * and hands it here; every change goes through the same use case as the
 * command line (app/), one transaction each, and says on the status line
 * what changed and on which account.  Each call returns true when the book
 * changed: the pane then asks the shell to reload every pane (ACT_WROTE),
 * so the change shows everywhere at once.
 */
#ifndef TEND_RECORDS_H
#define TEND_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ui;

enum record_kind {
	REC_NONE,
	REC_ACCOUNT,
	REC_CONTACT,
	REC_TASK,
	REC_TASK_ITEM,
	REC_RISK,
	REC_OPPORTUNITY,
	REC_TOUCHPOINT,
};

struct record_ref {
	enum record_kind kind;
	int64_t id;                /* the record's id (an item's own id) */
	int64_t account_id;        /* the account it belongs to */
	int64_t task_id;           /* an item's task */
	int number;                /* an item's number in its checklist */
	bool done;                 /* an item is ticked */
};

/* e: the record's edit form (an item edits its task). */
bool records_edit(struct ui *ui, const struct record_ref *r);
/* Enter: its full text and its actions. */
bool records_open(struct ui *ui, const struct record_ref *r);
/* Space: tick a checklist item, or untick it. */
bool records_tick(struct ui *ui, const struct record_ref *r);
/* e on marked accounts: one form, one change for all of them. */
bool records_edit_accounts(struct ui *ui, const int64_t *ids, size_t n);

struct work_done;
/* The status line after a change of one record: "task #12 snoozed until
 * 2026-12-01 for Acme Corporation (CRM-001)" (printf-like, data made safe). */
void records_say(struct ui *ui, const struct work_done *d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The forms (record_forms.c), each one use case of app/. */
bool record_form_account(struct ui *ui, int64_t account_id);
bool record_form_task(struct ui *ui, int64_t task_id);
bool record_form_touchpoint(struct ui *ui, int64_t touchpoint_id, int64_t account_id);
bool record_form_contact(struct ui *ui, int64_t contact_id, int64_t account_id);

#endif
