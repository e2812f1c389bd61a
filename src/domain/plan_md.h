/*
 * plan_md.h -- a success plan written as Markdown, for `tend plan export`
 * and the QBR pack.  Pure: into a buffer, on a given day (overdue, off
 * track and unvalidated are judged on it).
 */
#ifndef TEND_DOMAIN_PLAN_MD_H
#define TEND_DOMAIN_PLAN_MD_H

#include <stdint.h>

#include "core/buf.h"

struct plan;

/* The whole plan: header, the seven sections, objectives, sign-off. */
void plan_markdown(const struct plan *p, int32_t today, struct buf *out);
/* Only the objective tree (each objective a level-3 heading). */
void plan_objectives_md(const struct plan *p, int32_t today, struct buf *out);

#endif
