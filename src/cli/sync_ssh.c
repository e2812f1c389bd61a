/*
 * sync_ssh.c -- a team book reached over ssh, as git reaches a repository:
 * `ssh HOST tend --db PATH sync serve` (or, for the service account,
 * `ssh tend@HOST sync serve`, its forced command naming the book) speaks
 * frames (core/frame.h) on its stdin and stdout.  No daemon, no port.
 *
 * The client side is a struct sync_remote (app/sync.h); the server side,
 * sync_serve(), answers each request with the same app functions a book on
 * a path gets.  Requests and their answers (u: 8-byte integer, s: string,
 * b: bytes):
 *   H               -> R "tend sync 1"
 *   K s:login u:scope (1 the whole book, 2 mine) u:n n x s:account
 *                   -> F b... (the copy, in pieces), then R u:copy u:through
 *   P u:copy u:n, then n x C u:id s:at s:actor s:action b:changeset
 *                   -> R u:changes u:rows u:conflicts u:skipped u:refused
 *                        u:nrefusals s... b:refused flags
 *   G u:after u:copy -> R u:last u:unheld, C..., E
 *   N u:copy        -> R u:open conflicts
 *   Q               (end)
 * Any request can be answered X u:status s:message instead.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/sync.h"
#include "cli/sync_ssh.h"
#include "core/frame.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/sync.h"

#define PIECE ((size_t)1 << 20)

struct sync_ssh {
	pid_t pid;
	FILE *to, *from;
	struct buf b;
	char host[256];
};

/* -- changes on the wire ---------------------------------------------------------- */

static void
put_change(struct buf *b, const struct sync_change *c)
{
	buf_reset(b);
	frame_put_u64(b, (uint64_t)c->id);
	frame_put_str(b, c->at);
	frame_put_str(b, c->actor);
	frame_put_str(b, c->action);
	frame_put_bytes(b, c->cs, (size_t)c->n);
}

/* A change read off the wire; its strings and bytes owned by it. */
struct wire_change {
	struct sync_change c;
	char *at, *actor, *action;
	void *cs;
};

static bool
get_change(const struct buf *b, struct wire_change *w)
{
	struct frame_in in;
	uint64_t id;
	const void *cs;
	size_t n;

	memset(w, 0, sizeof(*w));
	frame_in_init(&in, b);
	if (!frame_get_u64(&in, &id) || !frame_get_str(&in, &w->at) || !frame_get_str(&in, &w->actor) ||
	    !frame_get_str(&in, &w->action) || !frame_get_bytes(&in, &cs, &n) || n > INT32_MAX)
		return false;
	w->cs = xmalloc(n ? n : 1);
	memcpy(w->cs, cs, n);
	w->c = (struct sync_change){ (int64_t)id, w->at, w->actor, w->action, 0, w->cs, (int)n };
	return true;
}

static void
wire_change_done(struct wire_change *w)
{
	free(w->at);
	free(w->actor);
	free(w->action);
	free(w->cs);
}

/* -- the client ---------------------------------------------------------------------- */

static enum status
ask(struct sync_ssh *s, char kind, const struct buf *payload, struct err *e)
{
	return frame_write(s->to, kind, payload ? payload->data : NULL, payload ? payload->len : 0, e);
}

/* The server's error, in s->b (an X frame), as ours. */
static enum status
x_error(struct sync_ssh *s, struct err *e)
{
	struct frame_in in;
	uint64_t st = ST_SOFTWARE;
	char *msg = NULL;
	enum status out;

	frame_in_init(&in, &s->b);
	frame_get_u64(&in, &st);
	frame_get_str(&in, &msg);
	out = err_set(e, st > 0 && st < 100 ? (enum status)st : ST_SOFTWARE, "the team book on %s: %s",
		      s->host, msg ? msg : "an error");
	free(msg);
	return out;
}

/* The next answer, which must be of kind want (or X: the server's error). */
static enum status
answer(struct sync_ssh *s, char want, struct err *e)
{
	char kind;
	bool eof;
	enum status rs;

	if ((rs = frame_read(s->from, &kind, &s->b, &eof, e)))
		return rs;
	if (eof)
		return err_set(e, ST_IOERR, "%s closed the sync connection (its error, if any, is above)",
			       s->host);
	if (kind == 'X')
		return x_error(s, e);
	if (kind != want)
		return err_set(e, ST_DATA, "%s answered out of turn (a sync message of kind '%c')", s->host,
			       kind);
	return ST_OK;
}

static enum status
ssh_clone(void *ctx, const char *path, const char *login, const struct sync_scope_req *scope, int64_t *copy,
	  int64_t *through, struct err *e)
{
	struct sync_ssh *s = ctx;
	struct buf req;
	struct frame_in in;
	uint64_t c = 0, t = 0;
	FILE *out;
	int fd;
	enum status rs;

	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0 || !(out = fdopen(fd, "wb"))) {
		if (fd >= 0)
			close(fd);
		return err_set(e, ST_CANTCREAT, "%s: %s", path, strerror(errno));
	}
	buf_init(&req);
	frame_put_str(&req, login);
	frame_put_u64(&req, (scope->team ? 1u : 0u) | (scope->mine ? 2u : 0u));
	frame_put_u64(&req, (uint64_t)scope->naccounts);
	for (size_t i = 0; i < scope->naccounts; i++)
		frame_put_str(&req, scope->accounts[i]);
	rs = ask(s, 'K', &req, e);
	buf_done(&req);
	while (!rs) {
		char kind;
		bool eof;

		if ((rs = frame_read(s->from, &kind, &s->b, &eof, e)))
			break;
		if (eof) {
			rs = err_set(e, ST_IOERR, "%s closed the sync connection during the copy", s->host);
			break;
		}
		if (kind == 'X') {
			rs = x_error(s, e);
			break;
		}
		if (kind == 'R') {
			frame_in_init(&in, &s->b);
			if (!frame_get_u64(&in, &c) || !frame_get_u64(&in, &t))
				rs = err_set(e, ST_DATA, "%s sent a bad answer to a clone", s->host);
			break;
		}
		if (kind != 'F') {
			rs = err_set(e, ST_DATA, "%s answered a clone out of turn", s->host);
			break;
		}
		if (fwrite(s->b.data, 1, s->b.len, out) != s->b.len)
			rs = err_set(e, ST_IOERR, "%s: %s", path, strerror(errno));
	}
	if (fclose(out) != 0 && !rs)
		rs = err_set(e, ST_IOERR, "%s: %s", path, strerror(errno));
	if (rs) {
		unlink(path);
		return rs;
	}
	*copy = (int64_t)c;
	*through = (int64_t)t;
	return ST_OK;
}

static enum status
ssh_push(void *ctx, int64_t copy, const struct sync_change *v, size_t n, bool *refused,
	 struct sync_report *r, struct err *e)
{
	struct sync_ssh *s = ctx;
	struct buf req;
	struct frame_in in;
	uint64_t x[6];
	enum status rs;
	const void *flags;
	size_t nflags;

	buf_init(&req);
	frame_put_u64(&req, (uint64_t)copy);
	frame_put_u64(&req, n);
	rs = ask(s, 'P', &req, e);
	for (size_t i = 0; i < n && !rs; i++) {
		put_change(&req, &v[i]);
		rs = ask(s, 'C', &req, e);
	}
	buf_done(&req);
	if (rs || (rs = answer(s, 'R', e)))
		return rs;
	memset(r, 0, sizeof(*r));
	frame_in_init(&in, &s->b);
	for (int i = 0; i < 6; i++)
		if (!frame_get_u64(&in, &x[i]))
			return err_set(e, ST_DATA, "%s sent a bad answer to a push", s->host);
	r->changes = (int64_t)x[0];
	r->rows = (int64_t)x[1];
	r->conflicts = (int64_t)x[2];
	r->skipped = (int64_t)x[3];
	r->refused = (int64_t)x[4];
	for (uint64_t i = 0; i < x[5] && i < SYNC_REFUSALS; i++) {
		char *t = NULL;

		if (!frame_get_str(&in, &t))
			return err_set(e, ST_DATA, "%s sent a bad answer to a push", s->host);
		snprintf(r->refusals[r->nrefusals++], sizeof(r->refusals[0]), "%s", t);
		free(t);
	}
	if (!frame_get_bytes(&in, &flags, &nflags) || nflags != n)
		return err_set(e, ST_DATA, "%s sent a bad answer to a push", s->host);
	for (size_t i = 0; i < n; i++)
		refused[i] = ((const unsigned char *)flags)[i] != 0;
	return ST_OK;
}

static enum status
ssh_changes(void *ctx, int64_t after, int64_t copy, int (*cb)(void *, const struct sync_change *),
	    void *cbctx, int64_t *last, int64_t *unheld, struct err *e)
{
	struct sync_ssh *s = ctx;
	struct buf req;
	struct frame_in in;
	uint64_t l, u = 0;
	enum status rs;

	buf_init(&req);
	frame_put_u64(&req, (uint64_t)after);
	frame_put_u64(&req, (uint64_t)copy);
	rs = ask(s, 'G', &req, e);
	buf_done(&req);
	if (rs || (rs = answer(s, 'R', e)))
		return rs;
	frame_in_init(&in, &s->b);
	if (!frame_get_u64(&in, &l))
		return err_set(e, ST_DATA, "%s sent a bad answer to a pull", s->host);
	*last = (int64_t)l;
	/* A server before scopes sends no count. */
	*unheld = frame_get_u64(&in, &u) ? (int64_t)u : 0;
	for (;;) {
		struct wire_change w;
		char kind;
		bool eof;

		if ((rs = frame_read(s->from, &kind, &s->b, &eof, e)))
			return rs;
		if (eof)
			return err_set(e, ST_IOERR, "%s closed the sync connection during a pull", s->host);
		if (kind == 'E')
			return ST_OK;
		if (kind == 'X')
			return x_error(s, e);
		if (kind != 'C' || !get_change(&s->b, &w))
			return err_set(e, ST_DATA, "%s sent a bad change", s->host);
		cb(cbctx, &w.c);
		wire_change_done(&w);
	}
}

static enum status
ssh_open_conflicts(void *ctx, int64_t copy, int64_t *n, struct err *e)
{
	struct sync_ssh *s = ctx;
	struct buf req;
	struct frame_in in;
	uint64_t v = 0;
	enum status rs;

	buf_init(&req);
	frame_put_u64(&req, (uint64_t)copy);
	rs = ask(s, 'N', &req, e);
	buf_done(&req);
	if (rs || (rs = answer(s, 'R', e)))
		return rs;
	frame_in_init(&in, &s->b);
	if (!frame_get_u64(&in, &v))
		return err_set(e, ST_DATA, "%s sent a bad answer", s->host);
	*n = (int64_t)v;
	return ST_OK;
}

/* s as one word of a POSIX shell command line (quoted only when it must
 * be, so a forced command reading the words sees them plain). */
static void
shell_quote(struct buf *b, const char *s)
{
	if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/=:,+@-") ==
	    strlen(s)) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *s);
	buf_addc(b, '\'');
}

bool
sync_ssh_url(const char *source)
{
	return !strncmp(source, "ssh://", 6);
}

/* The host and the command the remote side runs, for args (shell words). */
static enum status
remote_command(const char *url, const char *const *args, int nargs, char *host, size_t hostsz,
	       struct buf *cmd, struct err *e)
{
	const char *rest = url + 6, *slash = strchr(rest, '/');

	if (slash == rest || !*rest)
		return err_set(e, ST_USAGE, "%s: no host (ssh://HOST/PATH, or ssh://tend@HOST for the "
			       "service account)", url);
	snprintf(host, hostsz, "%.*s", (int)(slash ? (size_t)(slash - rest) : strlen(rest)), rest);
	if (host[0] == '-')
		return err_set(e, ST_USAGE, "%s: a host cannot start with '-'", url);
	/* A path: tend on the host opens that book.  None: the service
	 * account's forced command knows its book and takes the rest. */
	if (slash && slash[1]) {
		buf_adds(cmd, "tend --db ");
		shell_quote(cmd, slash);
		buf_addc(cmd, ' ');
	}
	for (int i = 0; i < nargs; i++) {
		if (i)
			buf_addc(cmd, ' ');
		shell_quote(cmd, args[i]);
	}
	return ST_OK;
}

enum status
sync_ssh_run(const char *url, const char *const *args, int nargs, int *code, struct err *e)
{
	const char *prog = getenv("TEND_SYNC_SSH");
	char host[256];
	struct buf cmd;
	pid_t pid;
	int status;
	enum status rs;

	if (!prog || !*prog)
		prog = "ssh";
	buf_init(&cmd);
	if ((rs = remote_command(url, args, nargs, host, sizeof(host), &cmd, e))) {
		buf_done(&cmd);
		return rs;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		buf_done(&cmd);
		return err_set(e, ST_OSERR, "cannot start %s: %s", prog, strerror(errno));
	}
	if (pid == 0) {
		execlp(prog, prog, "--", host, cmd.data, (char *)NULL);
		fprintf(stderr, "tend: cannot run %s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	buf_done(&cmd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return err_set(e, ST_OSERR, "lost %s: %s", prog, strerror(errno));
	*code = WIFEXITED(status) ? WEXITSTATUS(status) : 70;
	return ST_OK;
}

enum status
sync_ssh_open(const char *url, struct sync_remote *r, struct sync_ssh **out, struct err *e)
{
	const char *prog = getenv("TEND_SYNC_SSH"), *serve[] = { "sync", "serve" };
	struct sync_ssh *s;
	struct buf cmd;
	int in[2], outp[2];
	enum status rs;

	*out = NULL;
	if (!prog || !*prog)
		prog = "ssh";
	s = xcalloc(1, sizeof(*s));
	buf_init(&cmd);
	if ((rs = remote_command(url, serve, 2, s->host, sizeof(s->host), &cmd, e))) {
		buf_done(&cmd);
		free(s);
		return rs;
	}
	/* A server gone mid-write is an error to say, not a signal to die of. */
	signal(SIGPIPE, SIG_IGN);
	if (pipe(in) || pipe(outp)) {
		buf_done(&cmd);
		free(s);
		return err_set(e, ST_OSERR, "cannot start %s: %s", prog, strerror(errno));
	}
	fflush(NULL);
	if ((s->pid = fork()) < 0) {
		buf_done(&cmd);
		free(s);
		return err_set(e, ST_OSERR, "cannot start %s: %s", prog, strerror(errno));
	}
	if (s->pid == 0) {
		dup2(in[0], 0);
		dup2(outp[1], 1);
		close(in[0]); close(in[1]); close(outp[0]); close(outp[1]);
		execlp(prog, prog, "--", s->host, cmd.data, (char *)NULL);
		fprintf(stderr, "tend: cannot run %s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	buf_done(&cmd);
	close(in[0]);
	close(outp[1]);
	s->to = fdopen(in[1], "wb");
	s->from = fdopen(outp[0], "rb");
	buf_init(&s->b);
	r->ctx = s;
	r->clone = ssh_clone;
	r->push = ssh_push;
	r->changes = ssh_changes;
	r->open_conflicts = ssh_open_conflicts;
	*out = s;
	/* A host that answers something else, or nothing, is said so: what it
	 * sent back tells more than our write into its closed pipe. */
	rs = ask(s, 'H', NULL, e);
	if ((answer(s, 'R', e) || rs) && e->status) {
		sync_ssh_close(s);
		*out = NULL;
		return e->status;
	}
	return ST_OK;
}

void
sync_ssh_close(struct sync_ssh *s)
{
	struct err ignored = { ST_OK, "" };
	int status;

	if (!s)
		return;
	if (s->to) {
		frame_write(s->to, 'Q', NULL, 0, &ignored);
		fclose(s->to);
	}
	if (s->from)
		fclose(s->from);
	while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
		;
	buf_done(&s->b);
	free(s);
}

/* -- the server ------------------------------------------------------------------------ */

static void
say_error(FILE *out, const struct err *e)
{
	struct buf b;
	struct err ignored = { ST_OK, "" };

	buf_init(&b);
	frame_put_u64(&b, (uint64_t)e->status);
	frame_put_str(&b, e->msg);
	frame_write(out, 'X', b.data, b.len, &ignored);
	buf_done(&b);
}

/* What a clone request asks the copy to hold: req->accounts point into *names. */
static enum status
get_scope(struct frame_in *in, struct sync_scope_req *req, char ***names, struct err *e)
{
	uint64_t flags, n;
	char *ignored = NULL;

	memset(req, 0, sizeof(*req));
	*names = NULL;
	if (!frame_get_str(in, &ignored) || !frame_get_u64(in, &flags) || !frame_get_u64(in, &n) ||
	    n > 100000) {
		free(ignored);
		return err_set(e, ST_DATA, "a bad clone request");
	}
	free(ignored);
	req->team = flags & 1;
	req->mine = (flags & 2) != 0;
	*names = xcalloc(n ? n : 1, sizeof(**names));
	for (req->naccounts = 0; req->naccounts < n; req->naccounts++)
		if (!frame_get_str(in, &(*names)[req->naccounts]))
			return err_set(e, ST_DATA, "a bad clone request");
	req->accounts = (const char *const *)*names;
	return ST_OK;
}

static void
names_done(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

static enum status
serve_clone(struct store *team, const char *login, struct frame_in *rq, FILE *out, struct err *e)
{
	struct sync_scope_req req;
	char **names;
	char tmp[] = "/tmp/tend-sync-XXXXXX";
	int fd = mkstemp(tmp);
	int64_t copy, through;
	char piece[16384];
	struct buf b;
	FILE *in;
	size_t got;
	enum status rs;

	if (fd < 0)
		return err_set(e, ST_CANTCREAT, "cannot make a temporary copy: %s", strerror(errno));
	close(fd);
	unlink(tmp);   /* the clone makes it anew, exclusively */
	if ((rs = get_scope(rq, &req, &names, e)) == ST_OK)
		rs = store_sync_clone_to(team, tmp, login, &req, &copy, &through, e);
	names_done(names, req.naccounts);
	if (rs)
		return rs;
	if (!(in = fopen(tmp, "rb"))) {
		unlink(tmp);
		return err_set(e, ST_IOERR, "cannot read the copy: %s", strerror(errno));
	}
	unlink(tmp);
	buf_init(&b);
	while (!rs && (got = fread(piece, 1, sizeof(piece), in)) > 0) {
		buf_add(&b, piece, got);
		if (b.len >= PIECE) {
			rs = frame_write(out, 'F', b.data, b.len, e);
			buf_reset(&b);
		}
	}
	if (!rs && b.len)
		rs = frame_write(out, 'F', b.data, b.len, e);
	fclose(in);
	buf_reset(&b);
	frame_put_u64(&b, (uint64_t)copy);
	frame_put_u64(&b, (uint64_t)through);
	if (!rs)
		rs = frame_write(out, 'R', b.data, b.len, e);
	buf_done(&b);
	return rs;
}

static enum status
serve_push(struct store *team, struct frame_in *in, FILE *from, FILE *out, struct err *e)
{
	uint64_t copy, n;
	struct wire_change *w = NULL;
	struct sync_change *v = NULL;
	struct sync_report r;
	bool *refused = NULL;
	struct buf b;
	size_t got = 0;
	enum status rs = ST_OK;

	if (!frame_get_u64(in, &copy) || !frame_get_u64(in, &n) || n > 10000000)
		return err_set(e, ST_DATA, "a bad push request");
	buf_init(&b);
	w = xcalloc(n ? n : 1, sizeof(*w));
	v = xcalloc(n ? n : 1, sizeof(*v));
	refused = xcalloc(n ? n : 1, sizeof(*refused));
	for (; got < n && !rs; got++) {
		char kind;
		bool eof;

		if (!(rs = frame_read(from, &kind, &b, &eof, e)) && (eof || kind != 'C' || !get_change(&b, &w[got])))
			rs = err_set(e, ST_DATA, "a push cut short or garbled: nothing of it was applied");
		v[got] = w[got].c;
	}
	if (!rs)
		rs = sync_team_push(team, (int64_t)copy, v, (size_t)n, refused, &r, e);
	if (!rs) {
		buf_reset(&b);
		frame_put_u64(&b, (uint64_t)r.changes);
		frame_put_u64(&b, (uint64_t)r.rows);
		frame_put_u64(&b, (uint64_t)r.conflicts);
		frame_put_u64(&b, (uint64_t)r.skipped);
		frame_put_u64(&b, (uint64_t)r.refused);
		frame_put_u64(&b, (uint64_t)r.nrefusals);
		for (int i = 0; i < r.nrefusals; i++)
			frame_put_str(&b, r.refusals[i]);
		frame_put_u64(&b, n);
		for (size_t i = 0; i < n; i++)
			buf_addc(&b, refused[i] ? 1 : 0);
		rs = frame_write(out, 'R', b.data, b.len, e);
	}
	for (size_t i = 0; i < got; i++)
		wire_change_done(&w[i]);
	free(w);
	free(v);
	free(refused);
	buf_done(&b);
	return rs;
}

struct sending {
	FILE *out;
	struct buf b;
	struct err *e;
	enum status rs;
};

static int
send_change(void *ctx, const struct sync_change *c)
{
	struct sending *s = ctx;

	put_change(&s->b, c);
	return (s->rs = frame_write(s->out, 'C', s->b.data, s->b.len, s->e)) != ST_OK;
}

static enum status
serve_changes(struct store *team, struct frame_in *in, FILE *out, struct err *e)
{
	uint64_t after, copy;
	int64_t last, unheld;
	struct sending s = { out, { 0 }, e, ST_OK };
	enum status rs;

	if (!frame_get_u64(in, &after) || !frame_get_u64(in, &copy))
		return err_set(e, ST_DATA, "a bad pull request");
	if ((rs = store_sync_last_change(team, &last, e)) ||
	    (rs = store_sync_unheld(team, (int64_t)copy, &unheld, e)))
		return rs;
	buf_init(&s.b);
	frame_put_u64(&s.b, (uint64_t)last);
	frame_put_u64(&s.b, (uint64_t)unheld);
	if (!(rs = frame_write(out, 'R', s.b.data, s.b.len, e)))
		rs = store_sync_changes(team, (int64_t)after, (int64_t)copy, send_change, &s, e);
	if (!rs)
		rs = s.rs;
	if (!rs)
		rs = frame_write(out, 'E', NULL, 0, e);
	buf_done(&s.b);
	return rs;
}

enum status
sync_serve(struct store *team, const char *login, FILE *from, FILE *out, struct err *e)
{
	struct buf b;
	enum status rs = ST_OK;

	buf_init(&b);
	for (;;) {
		struct frame_in in;
		struct err why = { ST_OK, "" };
		char kind;
		bool eof;
		uint64_t copy;
		int64_t n;

		if ((rs = frame_read(from, &kind, &b, &eof, e)) || eof || kind == 'Q')
			break;
		frame_in_init(&in, &b);
		switch (kind) {
		case 'H':
			rs = frame_write(out, 'R', "tend sync 1", 11, e);
			continue;
		/* The copy is the server's login's, whatever the client says. */
		case 'K': rs = serve_clone(team, login, &in, out, &why); break;
		case 'P': rs = serve_push(team, &in, from, out, &why); break;
		case 'G': rs = serve_changes(team, &in, out, &why); break;
		case 'N':
			if (!frame_get_u64(&in, &copy))
				rs = err_set(&why, ST_DATA, "a bad request");
			else if (!(rs = store_sync_count_open(team, (int64_t)copy, &n, &why))) {
				buf_reset(&b);
				frame_put_u64(&b, (uint64_t)n);
				rs = frame_write(out, 'R', b.data, b.len, &why);
			}
			break;
		default:
			rs = err_set(&why, ST_DATA, "an unknown sync request '%c'", kind);
			break;
		}
		if (rs) {
			say_error(out, &why);
			rs = ST_OK;
		}
	}
	buf_done(&b);
	return rs;
}
