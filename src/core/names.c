/*
 * names.c -- lookups in NULL-ended name lists, and the did-you-mean
 * suggestion every error about a misspelt name offers (see names.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/names.h"

int
names_lookup(const char *const *names, const char *s)
{
	for (int i = 0; s && names[i]; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

int
names_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64], prev, tmp, best;

	if (la >= 63 || lb >= 63)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)cap)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
			if (row[j] < best)
				best = row[j];
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

const char *
names_suggest(const char *const *names, const char *s)
{
	const char *best = NULL;
	int best_d = 3, d;
	size_t len = s ? strlen(s) : 0, n;

	/* A longer or shorter form of a name ("adoption" for "adopt",
	 * "enter" for "enterprise") is the likeliest slip. */
	for (int i = 0; len >= 3 && names[i]; i++) {
		n = strlen(names[i]);
		if (!strncmp(names[i], s, n < len ? n : len))
			return names[i];
	}
	for (int i = 0; s && names[i]; i++) {
		d = names_distance(s, names[i], 2);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	return best;
}

char *
names_join(const char *const *names, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; names[i]; i++) {
		size_t need = strlen(names[i]) + 2;

		if (used + need + 4 >= size) {
			snprintf(out + used, size - used, "%s...", i ? ", " : "");
			break;
		}
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "", names[i]);
	}
	return out;
}
