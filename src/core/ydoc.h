/*
 * ydoc.h -- a YAML file as a node tree with positions, for the loaders of
 * scorecards, themes, keys and (next) playbooks.
 *
 * libyaml's document API keeps every node's start mark, so a loader can
 * point each problem at the exact key or value as file:line:column (the
 * file is the diag's).  Loaders go on after a problem so one run reports
 * them all; ydoc counts them.
 */
#ifndef TEND_YDOC_H
#define TEND_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "core/diag.h"

struct ydoc {
	yaml_document_t doc;
	struct diag *d;
	size_t problems;      /* reported through ydoc_problem(), or the syntax error */
	bool loaded;
};

/* Parse text.  A syntax error is reported to d at its position and gives
 * false; ydoc_done() is safe either way. */
bool ydoc_load(struct ydoc *y, const char *text, size_t len, struct diag *d);
void ydoc_done(struct ydoc *y);

yaml_node_t *ydoc_root(struct ydoc *y);
yaml_node_t *ydoc_node(struct ydoc *y, int index);
/* A scalar's text, or NULL for anything else (and for NULL). */
const char *ydoc_text(const yaml_node_t *n);
/* The value of key in a mapping, or NULL. */
yaml_node_t *ydoc_get(struct ydoc *y, const yaml_node_t *map, const char *key);
/* Report a problem at n (line 0 when n is NULL: the whole file). */
void ydoc_problem(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
