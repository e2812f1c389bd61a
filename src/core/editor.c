/*
 * editor.c -- running $VISUAL or $EDITOR on a temporary file (see editor.h).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/editor.h"

const char *
editor_command(void)
{
	const char *v = getenv("VISUAL");

	if (v && *v)
		return v;
	v = getenv("EDITOR");
	return v && *v ? v : "vi";
}

/* Write text to a new file of mode 0600 into path[size]. */
static enum status
make_file(const char *text, const char *name, char *path, size_t size, struct err *e)
{
	const char *dir = getenv("TMPDIR");
	size_t len = text ? strlen(text) : 0;
	int fd;
	FILE *fp;

	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(path, size, "%s/tend-%s-XXXXXX.md", dir, name);
	if ((fd = mkstemps(path, 3)) < 0)
		return err_set(e, ST_OSERR, "cannot create a file for the editor in %s: %s", dir,
			       strerror(errno));
	(void)fchmod(fd, 0600);
	if (!(fp = fdopen(fd, "w"))) {
		close(fd);
		unlink(path);
		return err_set(e, ST_OSERR, "cannot write %s: %s", path, strerror(errno));
	}
	if ((len && fwrite(text, 1, len, fp) != len) || (len && text[len - 1] != '\n' &&
							  fputc('\n', fp) == EOF) || fclose(fp)) {
		unlink(path);
		return err_set(e, ST_OSERR, "cannot write %s: %s", path, strerror(errno));
	}
	return ST_OK;
}

/* Run the editor on path and wait for it; its exit status to *code. */
static enum status
run(const char *path, int *code, struct err *e)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_int, old_quit;
	const char *cmd = editor_command();
	int wst;
	pid_t pid;

	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		/* As git does: the command through the shell, the file as $1. */
		execl("/bin/sh", "sh", "-c", "eval \"$0\" '\"$1\"'", cmd, path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &wst, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (pid < 0)
		return err_set(e, ST_OSERR, "cannot start the editor: %s", strerror(errno));
	*code = WIFEXITED(wst) ? WEXITSTATUS(wst) : 128 + (WIFSIGNALED(wst) ? WTERMSIG(wst) : 0);
	return ST_OK;
}

enum status
editor_edit(const char *text, const char *name, char **out, struct err *e)
{
	char path[4096];
	struct buf b;
	enum status st;
	int code = 0, rc;

	*out = NULL;
	if ((st = make_file(text, name, path, sizeof(path), e)))
		return st;
	if ((st = run(path, &code, e))) {
		unlink(path);
		return st;
	}
	if (code) {
		unlink(path);
		return err_set(e, ST_DATA, "the editor (%s) exited with status %d; nothing was changed",
			       editor_command(), code);
	}
	buf_init(&b);
	rc = buf_read_file(&b, path);
	unlink(path);
	if (rc) {
		buf_done(&b);
		return err_set(e, ST_OSERR, "cannot read back what the editor saved: %s",
			       strerror(rc));
	}
	*out = buf_detach(&b);
	return ST_OK;
}
