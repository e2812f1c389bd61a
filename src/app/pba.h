/*
 * pba.h -- the playbook actions (domain/playbook_action.h): the registry
 * the loader hands to the parser, and what the actions' files (pba_*.c)
 * share.  Each pba_NAME.c owns one action: its keys, parse, describe and
 * execute, and defines `const struct pb_action_ops pba_NAME`; pba_list.c
 * lists them.
 */
#ifndef TEND_PBA_H
#define TEND_PBA_H

#include <stdint.h>

#include "core/err.h"
#include "domain/playbook_action.h"

/* Every action type, NULL-ended, in the order messages list them
 * ("unknown action 'x' (task, checklist, ...)"). */
extern const struct pb_action_ops *const pb_actions[];

/*
 * A checklist is a task with items: pba_checklist.c builds on these of
 * pba_task.c.  pba_task_kind reads a `kind:` key (a task kind).
 * pba_task_line fills a task's report line: who owns it, its title
 * expanded, "kind, priority" (kind_default when the body gives none).
 * pba_task_write writes the task r describes, its id in *id, and makes it
 * the firing's task if it is the first.
 */
void pba_task_kind(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key);
void pba_task_line(struct pb_fire *f, const struct pb_action *a, const char *title,
		   const char *kind_default, struct pb_act_report *out);
enum status pba_task_write(struct pb_fire *f, const struct pb_action *a,
			   const struct pb_act_report *r, const char *kind_default, int64_t *id,
			   struct err *e);

#endif
