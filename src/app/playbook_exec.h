/*
 * playbook_exec.h -- what the engine's files share (never outside the
 * playbook_run.c / playbook_write.c / playbook_escalate.c trio).
 */
#ifndef TEND_PLAYBOOK_EXEC_H
#define TEND_PLAYBOOK_EXEC_H

#include "domain/facts.h"
#include "app/playbook_run.h"
#include "store/playbook_store.h"

struct wtx;

struct pb_exec {
	struct store *s;
	const struct playbook_set *set;
	struct pb_report *rep;
	int32_t day;
	int64_t firings, steps;      /* written, for the run record */
};

/* A notification waiting for its firing's id. */
struct pb_pending {
	int64_t recipient;
	enum pb_role role;
	const char *message;
};

/* What a firing's actions wrote, for the firing record. */
struct pb_written {
	int64_t task_id, risk_id;
	struct pb_pending *notes;
	size_t nnotes;
};

/* Plan action ac of r for account a (texts expanded, owner resolved) into
 * out; with t, also write it. */
enum status pb_exec_action(struct pb_exec *x, const struct pb_rule *r, const struct pb_action *ac,
			   const struct pb_account *a, const struct fact_value *facts, struct wtx *t,
			   struct pb_written *w, struct pb_act_report *out, struct err *e);
/* Record the firing, its notifications and its escalation ladder. */
enum status pb_exec_firing(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
			   const char *scope_key, struct wtx *t, struct pb_written *w, struct err *e);
/* An inbox item: a notification (level 0) or an escalation request. */
enum status pb_exec_inbox(struct pb_exec *x, const struct pb_rule *r, int64_t account,
			  int64_t recipient, enum pb_role role, int level, const char *message,
			  const char *due, int64_t firing, struct wtx *t, struct err *e);
enum status pb_exec_rule_run(struct pb_exec *x, const struct pb_rule *r,
			     const struct pb_rule_report *rr, struct wtx *t, struct err *e);
enum status pb_exec_begin_run(struct pb_exec *x, struct err *e);
enum status pb_exec_end_run(struct pb_exec *x, struct err *e);

/* The user a role means for an account (0: none, role-addressed) and how
 * to show it (a login, else the role). */
int64_t pb_role_user(const struct pb_account *a, enum pb_role role, const char **shown);
/* Expand a text for account a (facts may be NULL: {fact.*} are n/a). */
const char *pb_text(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
		    const struct fact_value *facts, const char *due, const char *tmpl);
/* Escalations: take due steps, stop ladders whose `unless` holds. */
enum status pb_escalate(struct pb_exec *x, const char *only_rule, struct err *e);

#endif
