/*
 * replay.c -- feed every file of the given directories (or the given
 * files) to one harness's LLVMFuzzerTestOneInput: the fuzz corpus as a
 * regression test, with any compiler (`make check`, tests/fuzz/replay.sh).
 * A crash or a failed fuzz_assert ends the run; the file being replayed is
 * named on stderr first, so the failing input is known.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0, n;

	if (!fp) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (size == cap) {
			cap = cap ? 2 * cap : 4096;
			if (!(data = realloc(data, cap)))
				abort();
		}
		n = fread(data + size, 1, cap - size, fp);
		size += n;
	} while (n > 0);
	fclose(fp);
	/* The name goes out before the input runs: a crash names its file. */
	fprintf(stderr, "replay: %s\n", path);
	/* A copy of exactly size bytes, so reading past the input is caught
	 * by the sanitizers and valgrind, as libFuzzer would. */
	{
		uint8_t *exact = malloc(size ? size : 1);

		if (!exact)
			abort();
		memcpy(exact, data, size);
		LLVMFuzzerTestOneInput(exact, size);
		free(exact);
	}
	free(data);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of dir in name order (the replay is the same everywhere). */
static int
replay_dir(const char *dir, long *count)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int st = 0;

	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap && !(names = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*names))))
			abort();
		if (!(names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2)))
			abort();
		sprintf(names[n++], "%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat sb;

		if (!st && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
			st = replay_file(names[i]);
			(*count)++;
		}
		free(names[i]);
	}
	free(names);
	return st;
}

int
main(int argc, char **argv)
{
	long count = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 64;
	}
	for (int i = 1; i < argc; i++) {
		struct stat sb;

		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			return 66;
		}
		if (S_ISDIR(sb.st_mode) ? replay_dir(argv[i], &count) : (count++, replay_file(argv[i])))
			return 66;
	}
	printf("replayed %ld inputs\n", count);
	return 0;
}
