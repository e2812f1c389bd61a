/*
 * fuzz_util.c -- the harnesses' helpers (fuzz.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char fuzz_path[256];

static void
fuzz_unlink(void)
{
	unlink(fuzz_path);
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	FILE *fp;

	if (!fuzz_path[0]) {
		/* Memory, where there is some: on ext4, rewriting a truncated
		 * file flushes it at close, which made the file harnesses ten
		 * times slower. */
		const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm"
				: getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		int fd;

		snprintf(fuzz_path, sizeof(fuzz_path), "%s/tend-fuzz-XXXXXX.yaml", dir);
		if ((fd = mkstemps(fuzz_path, 5)) < 0) {
			perror(fuzz_path);
			abort();
		}
		close(fd);
		atexit(fuzz_unlink);
	}
	if (!(fp = fopen(fuzz_path, "wb")) || fwrite(data, 1, size, fp) != size || fclose(fp)) {
		perror(fuzz_path);
		abort();
	}
	return fuzz_path;
}
