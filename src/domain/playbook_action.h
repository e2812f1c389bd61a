/*
 * playbook_action.h -- a playbook action is one struct of operations, like
 * tmux's cmd_entry or tig's view_ops: its YAML key, how to parse its body,
 * how to describe it for a report and how to write it for one firing.
 * Also the parsing helpers an action's parse is made of, so that every
 * action reads a title, a due date or a role the same way.
 *
 * Why the pieces are where they are.  parse is called by the domain's
 * parser (playbook_action.c, reading a rule's `actions:`) and is pure: it
 * turns a YAML body into the fields of struct pb_action.  describe and
 * execute need the book (the account as it is, the write path), so they
 * take a struct pb_fire, one firing being planned or written, which
 * app/playbook_exec.h defines and which stays opaque here; the report line
 * they fill is app's too.  So this type is declared in domain, each
 * action's file is in app (src/app/pba_NAME.c: its parse, describe and
 * execute side by side), and the one registry, pb_actions[] of
 * app/pba_list.c, is handed to the parser by the loader in app
 * (app/playbook_set.c; tests pass it to playbook_parse()).  domain names no
 * action and includes nothing of the store.  Two tables -- parse functions
 * in domain, execute functions in app -- would have kept the domain's half
 * out of app, but made each action two registrations that must agree.
 *
 * Adding an action: a file src/app/pba_NAME.c defining `const struct
 * pb_action_ops pba_NAME` (start from the nearest action), one line in
 * pba_list.c's PBA_LIST, and the file in Makefile.am.  It stores what its
 * body says in the fields of struct pb_action (domain/playbook.h); a new
 * kind of value is a new field there.
 */
#ifndef TEND_PLAYBOOK_ACTION_H
#define TEND_PLAYBOOK_ACTION_H

#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#include "core/err.h"
#include "domain/playbook.h"

struct pb_parse;                 /* one file's parse (domain/playbook_int.h) */
struct pb_fire;                  /* one firing, planned or written (app/playbook_exec.h) */
struct pb_act_report;            /* a report's line for one action (app/playbook_run.h) */

struct pb_action_ops {
	/* The YAML key (`- task: {...}`) and the name reports show; unique
	 * in the registry.  The text report pads it to 11 columns, the
	 * length of "opportunity". */
	const char *name;
	/* The escalation `unless` conditions a firing of it can meet, as
	 * enum pb_unless bits: an action that makes a task gives task_done,
	 * one that opens a risk risk_mitigated.  A rule's steps may only name
	 * those its actions give (acknowledged needs none). */
	unsigned unless;
	/* Parse body, the value of the action's key, into a, whose ops,
	 * position and defaults (due_days -1, role csm) are set.  Problems go
	 * to p, at the node they are about; parsing goes on.  Pure. */
	void (*parse)(struct pb_parse *p, yaml_node_t *body, struct pb_action *a);
	/* Write a for firing f, through its transaction, as describe put it
	 * in r.  Called only in a run (not a dry run), after describe, and
	 * not when r says unchanged. */
	enum status (*execute)(struct pb_fire *f, const struct pb_action *a,
			       const struct pb_act_report *r, struct err *e);
	/* Fill out, the report line that a dry run and a run print, for
	 * firing f: texts expanded, the owner resolved.  out arrives zeroed
	 * with its action name and due date set.  Reads, never writes. */
	void (*describe)(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out);
};

/* -- parsing an action's body -------------------------------------------------- */

/* One key of a mapping body. */
struct pb_key {
	const char *name;            /* the key, as written */
	bool required;               /* a body without it is a problem */
	/* Read the key's value v into a; key is the key's name, for messages. */
	void (*parse)(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
};

/*
 * A mapping body ({ title: ..., due: 3d }): keys ends with a NULL name.  A
 * body that is not a mapping, an unknown key (with a did-you-mean) or a key
 * given twice, and a missing required key are problems; then each known key
 * is read in file order.  Messages name the action by a->ops->name.
 */
void pb_parse_body(struct pb_parse *p, yaml_node_t *body, struct pb_action *a,
		   const struct pb_key *keys);

/* Readers of the fields most actions share, for pb_key tables.  Each
 * leaves the field as it was after a problem. */
void pb_key_title(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
void pb_key_text(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
/* a priority name (priority:, severity:) */
void pb_key_priority(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
/* due_days: "3d" or 3, from 0 */
void pb_key_due(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
/* role: whom it is for (owner:, to:) */
void pb_key_role(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
/* checklist: a template id, resolved once every file is loaded */
void pb_key_template(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
/* arr_cents: money in major units, "50,000.00" may group thousands */
void pb_key_amount(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);

/* What those are made of, for an action's own keys and scalar bodies
 * (shared with the rest of the parser: playbook_parse.c). */

/* A scalar's text; a problem naming `what` for anything else. */
bool pb_scalar(struct pb_parse *p, yaml_node_t *n, const char *what, const char **out);
/* A value from a NULL-ended list of names; a problem with a suggestion
 * ("unknown WHAT 'x'; did you mean 'y'?") otherwise.  -1 on a problem. */
int pb_enum(struct pb_parse *p, yaml_node_t *n, const char *const *names, const char *what);
/* The same, giving the name itself (names[i]), or NULL on a problem. */
const char *pb_parse_name(struct pb_parse *p, yaml_node_t *n, const char *const *names,
			  const char *what);
/* "14d" or 14, from min to PB_MAX_DAYS. */
bool pb_parse_days(struct pb_parse *p, yaml_node_t *n, const char *what, int min, int *out);
/* A non-empty text with its placeholders checked: its pool copy, or NULL
 * after a problem. */
const char *pb_parse_text(struct pb_parse *p, yaml_node_t *n, const char *what);
/* A copy of s that lives as long as the set. */
const char *pb_parse_keep(struct pb_parse *p, const char *s);
/* A problem at n. */
void pb_problem(struct pb_parse *p, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
