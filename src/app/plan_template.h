/*
 * plan_template.h -- success-plan templates (man 5 tend-plan-template):
 * the text each of a new plan's seven sections starts with, and adoption
 * barriers with their mitigations, which go into its key risks section.
 *
 * A template is named: NAME is ~/.config/tend/plans/NAME.yaml when that
 * exists (so a team replaces the default by writing its own default.yaml),
 * else a shipped one (default: playbooks/plan-default.yaml, built in); a
 * name with a slash or ending in .yaml is a file.
 */
#ifndef TEND_PLAN_TEMPLATE_H
#define TEND_PLAN_TEMPLATE_H

#include "core/diag.h"
#include "core/err.h"
#include "domain/plan.h"

struct conf;

struct plan_template {
	char *name;                         /* its name: key `name`, else as asked */
	char *file;                         /* where it came from */
	char *sections[PLAN_NSECTIONS];     /* NULL: empty */
};

/* Load template name (NULL: default).  Problems in the file are reported
 * through report, one call with all of them, and fail with ST_DATA. */
enum status plan_template_load(const struct conf *conf, const char *name,
			       void (*report)(void *ctx, const struct diag *d), void *ctx,
			       struct plan_template **out, struct err *e);
void plan_template_free(struct plan_template *t);

#endif
