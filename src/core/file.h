/*
 * file.h -- opening the files a user or the config names (config.yaml,
 * themes, playbooks, scorecards) for reading, safely.
 *
 * fopen() on a FIFO waits for a writer that may never come, and a
 * directory opens and then fails to read: either made every command hang
 * or say something odd.  These files must be regular files; anything else
 * is refused at once with EINVAL, which callers word as "not a regular
 * file".
 */
#ifndef TEND_FILE_H
#define TEND_FILE_H

#include <stdio.h>

/* path opened for reading when it is a regular file; NULL with errno set
 * (ENOENT, EACCES..., or EINVAL for a FIFO, a device or a directory). */
FILE *file_open_regular(const char *path);
/* strerror(), with EINVAL from file_open_regular() said as what it means. */
const char *file_error(int errnum);

#endif
