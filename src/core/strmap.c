/*
 * strmap.c -- open addressing with linear probing (see strmap.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strmap.h"
#include "core/xalloc.h"

struct strmap_slot {
	char *key;
	uint64_t hash;
	int64_t v;
};

uint64_t
hash_bytes(uint64_t seed, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = seed ? seed : 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* FNV's low bits, which pick the slot, mix poorly on keys that differ in
 * their last characters (CRM ids): finish with murmur3's mixer. */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

static uint64_t
key_hash(const struct strmap *m, const char *key)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (const unsigned char *s = (const unsigned char *)key; *s; s++) {
		h ^= m->nocase ? (unsigned char)tolower(*s) : *s;
		h *= 0x100000001b3ull;
	}
	return mix(h) | 1;
}

void
strmap_init(struct strmap *m, bool nocase)
{
	memset(m, 0, sizeof(*m));
	m->nocase = nocase;
}

void
strmap_done(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}

static struct strmap_slot *
find(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	for (;; i = (i + 1) & (m->cap - 1)) {
		struct strmap_slot *s = &m->slots[i];

		if (!s->key)
			return s;
		if (s->hash == h && !(m->nocase ? strcasecmp(s->key, key) : strcmp(s->key, key)))
			return s;
	}
}

static void
grow(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

bool
strmap_put(struct strmap *m, const char *key, int64_t v, int64_t *old)
{
	uint64_t h;
	struct strmap_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	h = key_hash(m, key);
	s = find(m, key, h);
	if (s->key) {
		if (old)
			*old = s->v;
		return false;
	}
	*s = (struct strmap_slot){ xstrdup(key), h, v };
	m->n++;
	return true;
}

void
strmap_set(struct strmap *m, const char *key, int64_t v)
{
	if (!strmap_put(m, key, v, NULL))
		find(m, key, key_hash(m, key))->v = v;
}

bool
strmap_get(const struct strmap *m, const char *key, int64_t *v)
{
	struct strmap_slot *s;

	if (!m->cap)
		return false;
	s = find(m, key, key_hash(m, key));
	if (!s->key)
		return false;
	*v = s->v;
	return true;
}

void
hashset_init(struct hashset *h)
{
	memset(h, 0, sizeof(*h));
}

void
hashset_done(struct hashset *h)
{
	free(h->keys);
	free(h->vals);
	memset(h, 0, sizeof(*h));
}

static size_t
hs_find(const struct hashset *h, uint64_t k)
{
	size_t i = mix(k) & (h->cap - 1);

	while (h->keys[i] && h->keys[i] != k)
		i = (i + 1) & (h->cap - 1);
	return i;
}

bool
hashset_put(struct hashset *h, uint64_t k, long v, long *old)
{
	size_t i;

	k |= 1;
	if ((h->n + 1) * 2 > h->cap) {
		uint64_t *ok = h->keys;
		long *ov = h->vals;
		size_t oc = h->cap;

		h->cap = h->cap ? h->cap * 2 : 1024;
		h->keys = xcalloc(h->cap, sizeof(*h->keys));
		h->vals = xcalloc(h->cap, sizeof(*h->vals));
		for (size_t j = 0; j < oc; j++)
			if (ok[j]) {
				i = hs_find(h, ok[j]);
				h->keys[i] = ok[j];
				h->vals[i] = ov[j];
			}
		free(ok);
		free(ov);
	}
	i = hs_find(h, k);
	if (h->keys[i]) {
		if (old)
			*old = h->vals[i];
		return false;
	}
	h->keys[i] = k;
	h->vals[i] = v;
	h->n++;
	return true;
}
