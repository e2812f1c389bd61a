/*
 * pool.h -- a string arena: many small allocations freed together.
 *
 * Views loaded for display (an account's 360 view, a pane's rows) copy their
 * strings here so the whole view is released with one pool_done().
 */
#ifndef TEND_POOL_H
#define TEND_POOL_H

#include <stddef.h>

struct pool_chunk;

struct pool {
	struct pool_chunk *head;
};

void pool_init(struct pool *p);
void pool_done(struct pool *p);
void *pool_alloc(struct pool *p, size_t size);
/* Copy of s in the pool; NULL stays NULL. */
char *pool_strdup(struct pool *p, const char *s);

#endif
