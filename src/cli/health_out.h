/*
 * health_out.h -- how facts and scores are written for people, shared by the
 * health commands (and, later, the panes).
 */
#ifndef TEND_HEALTH_OUT_H
#define TEND_HEALTH_OUT_H

#include <stddef.h>

#include "domain/facts.h"

/* A fact value as text: "83%", "12 days", "$12,000", "yes", "n/a". */
const char *fact_text(const struct fact_def *d, const struct fact_value *v, char *out, size_t size);

#endif
