/*
 * backup.c -- the book copied with sqlite3_backup (see backup.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "store/backup.h"
#include "store/store_int.h"

/* sqlite3_backup in one step: the whole book as of one read. */
static enum status
copy(struct store *s, sqlite3 *to, struct err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", s->db, "main");
	int rc;

	if (!b)
		return err_set(e, ST_IOERR, "cannot start the backup: %s", sqlite3_errmsg(to));
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return err_set(e, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ST_TEMPFAIL : ST_IOERR,
			       "the backup did not finish (%s); nothing was kept",
			       sqlite3_errstr(rc));
	return ST_OK;
}

enum status
store_backup_to(struct store *s, const char *path, struct err *e)
{
	sqlite3 *to = NULL;
	enum status st;
	int fd;

	/* Made here, exclusive and private, so a copy never lands in a file
	 * someone else prepared, nor readable by more people than the book. */
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(e, ST_CANTCREAT, "%s: %s%s", path, strerror(errno),
			       errno == EEXIST ? " (a backup never replaces a file)" : "");
	close(fd);
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		st = err_set(e, ST_CANTCREAT, "%s: cannot open the copy", path);
	} else {
		st = copy(s, to, e);
	}
	sqlite3_close(to);
	if (st)
		unlink(path);
	return st;
}
