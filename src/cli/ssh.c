/*
 * ssh.c -- the forced-command mode, --ssh-user (see ssh.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/user.h"
#include "cli/ssh.h"
#include "core/buf.h"
#include "core/xalloc.h"

#define SSH_MAX_WORDS 256

bool
ssh_forced(int argc, char **argv)
{
	return argc >= 2 && (!strcmp(argv[1], "--ssh-user") || !strncmp(argv[1], "--ssh-user=", 11));
}

/* Split s into words the way a shell would for plain words: blanks
 * separate, '...' keeps everything, "..." and backslash escape.  No
 * expansion of any kind.  -1 on an unclosed quote or too many words. */
static int
split_words(const char *s, char **words, int max)
{
	struct buf w;
	int n = 0;

	buf_init(&w);
	while (*s) {
		bool word = false;
		char q = 0;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		w.len = 0;
		for (; *s && (q || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
			word = true;
			if (!q && (*s == '\'' || *s == '"')) {
				q = *s;
			} else if (q && *s == q) {
				q = 0;
			} else if (*s == '\\' && q != '\'' && s[1]) {
				buf_addf(&w, "%c", *++s);
			} else {
				buf_addf(&w, "%c", *s);
			}
		}
		if (q || n == max) {
			buf_done(&w);
			return -1;
		}
		if (word)
			words[n++] = xstrdup(w.len ? w.data : "");
	}
	buf_done(&w);
	return n;
}

/* A client word that would pick the book or who acts. */
static const char *
forbidden(const char *w)
{
	static const char *const opts[] = { "--db", "--demo", "--ssh-user", NULL };

	for (int i = 0; opts[i]; i++) {
		size_t n = strlen(opts[i]);

		if (!strncmp(w, opts[i], n) && (w[n] == '\0' || w[n] == '='))
			return opts[i];
	}
	return NULL;
}

/* The index of the command word in words[1..n), skipping global options
 * and their values; n when there is none. */
static int
command_word(char **words, int n)
{
	static const char *const valued[] = { "--now", "--format", "--theme", NULL };
	int i = 1;

	while (i < n && words[i][0] == '-') {
		for (int k = 0; valued[k]; k++)
			if (!strcmp(words[i], valued[k]))
				i++;
		i++;
	}
	return i;
}

/* A client command that would read or write a file on the server as the
 * service account: import from a path (stdin, "-", is the way over SSH) or
 * through a mapping file, export --all, and the checks of scorecard and
 * playbook files by path. */
/* import --map with a mapping file's path rather than a shipped map's
 * name (import_map.c reads a name with a slash or a .yaml ending as a
 * path). */
static const char *
map_path(char **words, int n)
{
	for (int i = 0; i < n; i++) {
		const char *m = !strncmp(words[i], "--map=", 6) ? words[i] + 6 :
				!strcmp(words[i], "--map") && i + 1 < n ? words[i + 1] : NULL;

		if (m && (strchr(m, '/') || strstr(m, ".y")))
			return "import --map FILE: not over SSH (it would read the server's files); "
			       "use a shipped mapping (tend import --maps)";
	}
	return NULL;
}

static const char *
reads_server_file(char **words, int n)
{
	int c = command_word(words, n), args = 0;
	const char *bad;

	if (c >= n)
		return NULL;
	if (!strcmp(words[c], "import") && (bad = map_path(words + c + 1, n - c - 1)))
		return bad;
	if (!strcmp(words[c], "import"))
		return strcmp(words[n - 1], "-") ? "import: over SSH, send the file on standard "
		       "input: ssh tend@server import ENTITY - < FILE.csv" : NULL;
	if (!strcmp(words[c], "export"))
		for (int i = c + 1; i < n; i++)
			if (!strcmp(words[i], "--all") || !strncmp(words[i], "--all=", 6))
				return "export --all: not over SSH (it would write the server's files); "
				       "export each entity to standard output";
	if (strcmp(words[c], "health") && strcmp(words[c], "playbook"))
		return NULL;
	for (int i = c + 1; i < n; i++)
		if (words[i][0] != '-')
			args++;
	if (c + 1 < n && !strcmp(words[c + 1], "check") && args > 1)
		return "check FILE: not over SSH (it would read the server's files); check the "
		       "files in force with no FILE";
	return NULL;
}

void
ssh_argv_free(char **argv)
{
	if (!argv)
		return;
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

enum status
ssh_argv(struct cli *c, int argc, char **argv, int *out_argc, char ***out)
{
	const char *login = !strcmp(argv[1], "--ssh-user") ? (argc > 2 ? argv[2] : NULL) : argv[1] + 11;
	int rest = !strcmp(argv[1], "--ssh-user") ? 3 : 2, n = 0, w;
	const char *cmd = getenv("SSH_ORIGINAL_COMMAND"), *bad;
	char **words = xcalloc(SSH_MAX_WORDS + 2, sizeof(char *));

	*out = NULL;
	words[n++] = xstrdup("tend");
	if (!login || !user_login_ok(login) || argc > rest) {
		ssh_argv_free(words);
		return err_set(c->err, ST_USAGE, "--ssh-user: the forced command is 'tend --ssh-user "
			       "LOGIN' and nothing more; the client's command comes in "
			       "SSH_ORIGINAL_COMMAND");
	}
	if (cmd && (w = split_words(cmd, words + 1, SSH_MAX_WORDS)) < 0) {
		ssh_argv_free(words);
		return err_set(c->err, ST_USAGE, "the command sent over SSH has an unclosed quote or "
			       "too many words");
	}
	n += cmd ? w : 0;
	if (n > 1 && !strcmp(words[1], "tend")) {   /* ssh tend@server tend accounts */
		free(words[1]);
		memmove(words + 1, words + 2, (size_t)(n - 1) * sizeof(char *));
		n--;
	}
	for (int i = 1; i < n; i++) {
		if ((bad = forbidden(words[i]))) {
			ssh_argv_free(words);
			return err_set(c->err, ST_NOPERM, "%s: not accepted over SSH: the book and who "
				       "you are are set by the server (your key's forced command)", bad);
		}
	}
	if ((bad = reads_server_file(words, n))) {
		ssh_argv_free(words);
		return err_set(c->err, ST_NOPERM, "%s", bad);
	}
	unsetenv("TEND_USER");
	c->ssh_user = login;
	*out_argc = n;
	*out = words;
	return ST_OK;
}

char *
ssh_key_line(const char *login, const char *key)
{
	size_t n = strcspn(key, "\r\n");
	const char *sp = memchr(key, ' ', n);

	if (!sp || sp == key ||
	    (strncmp(key, "ssh-", 4) && strncmp(key, "ecdsa-", 6) && strncmp(key, "sk-", 3)))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)key[i] < 0x20 || key[i] == '"')
			return NULL;
	return xasprintf("command=\"tend --ssh-user %s\",restrict %.*s", login, (int)n, key);
}
