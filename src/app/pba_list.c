/*
 * pba_list.c -- the registry of playbook actions (pba.h): every action
 * type a rule may use, each defined in its own pba_NAME.c.  A new action
 * is one entry in PBA_LIST, which both declares its pba_NAME and lists it,
 * so no header needs a line; the order is the one messages list the types
 * in.
 */
#include "config.h"

#include <stddef.h>

#include "app/pba.h"

#define PBA_LIST(_) _(task) _(checklist) _(risk) _(stage) _(tag) _(notify) _(opportunity)

#define PBA_DECLARE(name) extern const struct pb_action_ops pba_##name;
PBA_LIST(PBA_DECLARE)
#undef PBA_DECLARE

#define PBA_ENTRY(name) &pba_##name,
const struct pb_action_ops *const pb_actions[] = { PBA_LIST(PBA_ENTRY) NULL };
#undef PBA_ENTRY
