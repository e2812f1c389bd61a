/*
 * pool.c -- chunked string arena.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/pool.h"
#include "core/xalloc.h"

#define POOL_CHUNK 8192

struct pool_chunk {
	struct pool_chunk *next;
	size_t used, cap;
	max_align_t data[];
};

void
pool_init(struct pool *p)
{
	p->head = NULL;
}

void
pool_done(struct pool *p)
{
	struct pool_chunk *c = p->head, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	p->head = NULL;
}

void *
pool_alloc(struct pool *p, size_t size)
{
	size_t align = sizeof(max_align_t), cap;
	struct pool_chunk *c = p->head;
	void *out;

	size = (size + align - 1) / align * align;
	if (!c || c->cap - c->used < size) {
		cap = size > POOL_CHUNK ? size : POOL_CHUNK;
		c = xmalloc(sizeof(*c) + cap);
		c->cap = cap;
		c->used = 0;
		c->next = p->head;
		p->head = c;
	}
	out = (char *)c->data + c->used;
	c->used += size;
	return out;
}

char *
pool_strdup(struct pool *p, const char *s)
{
	size_t len;
	char *d;

	if (!s)
		return NULL;
	len = strlen(s);
	d = pool_alloc(p, len + 1);
	memcpy(d, s, len + 1);
	return d;
}
