/*
 * playbook_int.h -- what the playbook loader's files share (playbook.c,
 * playbook_parse.c, playbook_action.c, playbook_cond.c, app/playbook_set.c);
 * never used outside them.  The actions' files see only
 * playbook_action.h.
 *
 * Loading is two passes.  Each file is parsed into the set on its own
 * (pb_load_file); a checklist action's template may be defined later in
 * the same file or in another file of the set, so its reference is only
 * recorded then.  pb_load_resolve() runs once every file is in and points
 * each reference at its template, reporting the missing ones at the
 * reference's position in the diag of the file that made it.
 */
#ifndef TEND_PLAYBOOK_INT_H
#define TEND_PLAYBOOK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "core/diag.h"
#include "core/ydoc.h"
#include "domain/playbook.h"
#include "domain/playbook_action.h"

/* Durations are whole days; more than ten years is a typo. */
#define PB_MAX_DAYS 3650
/* Levels L1..L3 (doc/model.md section 8). */
#define PB_MAX_STEPS 3
/* Conditions nest no deeper: a YAML alias can make a condition contain
 * itself. */
#define PB_MAX_DEPTH 32

/* A checklist action's template, waiting for pb_load_resolve(). */
struct pb_tref {
	struct pb_action *action;
	const char *id;              /* pool */
	long line, col;
	struct diag *d;              /* the referring file's; must outlive the resolve */
	size_t *problems;            /* its problem count, or NULL */
};

/* Loops over a mapping's pairs and a sequence's items. */
#define PB_EACH_PAIR(pair, map) \
	for (yaml_node_pair_t *pair = (map)->data.mapping.pairs.start; \
	     pair < (map)->data.mapping.pairs.top; pair++)
#define PB_EACH_ITEM(it, seq) \
	for (yaml_node_item_t *it = (seq)->data.sequence.items.start; \
	     it < (seq)->data.sequence.items.top; it++)

static inline size_t
pb_npairs(const yaml_node_t *map)
{
	return (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

static inline size_t
pb_nitems(const yaml_node_t *seq)
{
	return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

/* A load in progress: the set and the references still to resolve. */
struct pb_load {
	struct playbook_set *set;
	const struct pb_action_ops *const *actions;   /* the action types, NULL-ended */
	const char **action_names;   /* their names, NULL-ended, for pb_enum() */
	struct pb_tref *refs;
	size_t nrefs, caprefs;
	bool override;               /* the file being parsed may replace ids */
};

void pb_load_init(struct pb_load *l, struct playbook_set *set,
		  const struct pb_action_ops *const *actions);
void pb_load_done(struct pb_load *l);
/* Parse one file into l->set (templates resolved later); problems go to
 * d, and are added to *problems too when it is not NULL.  Returns the
 * file's problems so far. */
/* Is this a shipped playbook's name ("playbooks/pb-*.yaml", embedded)?
 * Only shipped rules and templates may be replaced by a later file. */
bool pb_shipped(const char *file);
size_t pb_load_file(struct pb_load *l, const char *text, size_t len, struct diag *d, bool override,
		    size_t *problems);
/* Resolve every recorded template reference; returns the problems found
 * (each also added to its file's counter). */
size_t pb_load_resolve(struct pb_load *l);

/* One file's parse (playbook_parse.c, playbook_action.c, playbook_cond.c). */
struct pb_parse {
	struct pb_load *l;
	struct playbook_set *set;
	struct ydoc y;               /* y.d is the file's diag; y.problems counts */
	const char *file;            /* pool copy of the diag's file name */
	size_t *problems;            /* the caller's counter, or NULL */
	int depth;                   /* of the condition being parsed */
};

/* Problems at a node (ydoc_problem) or at an explicit position. */
void pb_problem_at(struct pb_parse *p, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Report keys of map not in allowed (did-you-mean) and keys given twice. */
void pb_check_keys(struct pb_parse *p, yaml_node_t *map, const char *const *allowed,
		   const char *where);
/* A catalog fact's id from a name node, or -1 with a problem. */
int pb_fact_named(struct pb_parse *p, yaml_node_t *n);
/* A number (strict strtod, finite); false with no problem reported. */
bool pb_number(const char *t, double *out);
/* Money in major units, thousands optionally grouped ("50,000.00"), as
 * cents (core/money.h); false with no problem reported. */
bool pb_money(const char *t, int64_t *cents);

/* A rule's actions and escalation steps (playbook_action.c).  *unless
 * collects the `unless` bits the rule's actions give (struct
 * pb_action_ops), which its steps may name. */
void pb_parse_actions(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, unsigned *unless);
void pb_parse_steps(struct pb_parse *p, yaml_node_t *list, struct pb_rule *r, unsigned unless);

/* The condition at n (playbook_cond.c); NULL after a problem. */
struct pb_cond *pb_cond_parse(struct pb_parse *p, yaml_node_t *n);

/*
 * The next placeholder of s from *pos on (`{{` and `}}` skipped): returns
 * the offset of its `{` and sets name/len to what is between the braces,
 * or returns the offset of an unclosed `{` with *name NULL; (size_t)-1
 * when there is none.  *pos moves past it.
 */
size_t pb_placeholder_next(const char *s, size_t *pos, const char **name, size_t *len);

#endif
