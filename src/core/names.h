/*
 * names.h -- NULL-ended lists of names (enumerations, commands, keys,
 * options): where a name is in its list, and which name a misspelling
 * most likely meant.  The lists themselves belong to their modules
 * (domain/model.h holds the model's enumerations).
 */
#ifndef TEND_NAMES_H
#define TEND_NAMES_H

#include <stddef.h>

/* Index of s in a NULL-ended name array, or -1. */
int names_lookup(const char *const *names, const char *s);
/* The closest name (edit distance <= 2), for "did you mean"; NULL if none. */
const char *names_suggest(const char *const *names, const char *s);
/* The names as "a, b, c" into out (cut short with "..." when it is full),
 * for "expected one of" messages; returns out. */
char *names_join(const char *const *names, char *out, size_t size);
/* Levenshtein distance, capped at cap + 1 for speed. */
int names_distance(const char *a, const char *b, int cap);

#endif
