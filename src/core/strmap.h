/*
 * strmap.h -- text keys to 64-bit values, for lookups repeated row after
 * row (an import resolving a million usage rows against 100,000 account
 * ids reads the accounts once, not once per row).  Keys are copied.
 */
#ifndef TEND_STRMAP_H
#define TEND_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strmap_slot;

struct strmap {
	struct strmap_slot *slots;
	size_t n, cap;
	bool nocase;      /* keys compare whatever their ASCII case */
};

void strmap_init(struct strmap *m, bool nocase);
void strmap_done(struct strmap *m);
/* Set key to v; returns false when the key was there (its value is then
 * left alone and *old, if not NULL, receives it). */
bool strmap_put(struct strmap *m, const char *key, int64_t v, int64_t *old);
/* Set an existing key's value. */
void strmap_set(struct strmap *m, const char *key, int64_t v);
bool strmap_get(const struct strmap *m, const char *key, int64_t *v);

/* 64-bit hashes to values (duplicate keys in a file). */
struct hashset {
	uint64_t *keys;   /* 0: empty */
	long *vals;
	size_t n, cap;
};
void hashset_init(struct hashset *h);
void hashset_done(struct hashset *h);
/* Add hash with v; false when it was there (*old: its value). */
bool hashset_put(struct hashset *h, uint64_t hash, long v, long *old);
uint64_t hash_bytes(uint64_t seed, const void *p, size_t n);

#endif
