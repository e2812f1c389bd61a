/*
 * file.c -- opening named files for reading, regular files only (file.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"

FILE *
file_open_regular(const char *path)
{
	struct stat st;
	FILE *fp;
	int fd, flags;

	/* O_NONBLOCK: opening a FIFO must not wait for its writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	if ((flags = fcntl(fd, F_GETFL)) >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	if (!(fp = fdopen(fd, "rb"))) {
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return fp;
}

const char *
file_error(int errnum)
{
	return errnum == EINVAL ? "not a regular file" : strerror(errnum);
}
