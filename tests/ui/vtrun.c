/*
 * vtrun.c -- run a full-screen program in a pseudo-terminal, drive it with a
 * script of keys and assertions, and read back the screen it drew.
 *
 *   vtrun [-s COLSxROWS] [-t MS] [-w SECONDS] [-l LOG] [-e NAME[=VALUE]]...
 *         SCRIPT -- COMMAND [ARGS...]
 *
 * The engine of the screen tests (tests/ui/).  COMMAND runs under forkpty(3)
 * at a fixed size (80x24 unless -s) with TERM from the environment (default
 * xterm-256color), COLUMNS and LINES removed and each -e applied (NAME=VALUE
 * sets, NAME unsets).  Everything it writes goes into a libvterm screen --
 * the model of what a user would see -- and, with -l, into LOG raw.  SCRIPT
 * ("-" is stdin) runs line by line; blank lines and "#" lines are skipped,
 * and an argument is the rest of the line after one blank:
 *
 *   wait TEXT          until TEXT is on the screen (within one row)
 *   wait-gone TEXT     until TEXT is no longer on the screen
 *   expect TEXT        TEXT is on the screen now;  reject TEXT: it is not
 *   key KEYS           type KEYS: text with \e \n \r \t \\ \< \xHH escapes,
 *                      and <Name> keys: <Up> <Down> <Left> <Right> <PgUp>
 *                      <PgDn> <Home> <End> <Ins> <Del> <BS> <Enter> <Esc>
 *                      <Tab> <BackTab> <Space> <F1>..<F20>, with C-, M-, S-
 *                      prefixes (<C-x>, <M-x>, <C-Up>, <S-Tab>)
 *   settle [MS]        until the program has been quiet for MS (100) ms --
 *                      three times that if it has not answered the last key
 *   sleep MS
 *   resize COLSxROWS   settle, resize the pty (the program gets SIGWINCH)
 *                      and the screen, then wait for the redraw: output,
 *                      then quiet
 *   dump [FILE]        settle (without failing), then print the screen as
 *                      text, one line per row
 *   dumpattr [FILE]    the same, one character per cell for its look (see
 *                      cell_class)
 *   bytes start        settle, then count what the program writes...
 *   bytes stop [MAX]   ...settle and print "bytes N clears C"; with MAX,
 *                      fail unless N < MAX and C is 0
 *   timeout MS         the limit for waits from here on (default -t, 5000)
 *   elapsed            print "elapsed T ms": from the start to the output
 *                      that satisfied the last wait (for benchmarks)
 *   latency KEYS       settle, type KEYS, wait for the answer to end and
 *                      print "latency T ms": the key to the answer's last byte
 *   rss                print "rss N kB peak N kB" of the program (Linux)
 *   expect-exit CODE   wait for the program to exit with status CODE
 *   signal SIG         settle, then send SIG to the program
 *   expect-signal SIG  wait for the program to be killed by SIG (ABRT, SEGV,
 *                      TERM, INT, HUP, KILL, QUIT, PIPE)
 *   expect-cooked      the terminal is as the program found it: the pty in
 *                      canonical mode with echo, the alternate screen left,
 *                      the cursor visible (after a program ends)
 *   kill               end the program on purpose
 *
 * A failure names the script line, prints the screen to stderr and exits 1;
 * the program must have exited (expect-exit) or been killed by the end.
 * Usage errors exit 2.  A watchdog (-w, 60 s) ends a run that hangs.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_PTY_H
#include <pty.h>
#else
#include <util.h>
#endif
#include <vterm.h>

#define QUIET_MS 100   /* "settle": this long without output means done */
#define SLICE_MS 10    /* how often waits look at the screen */
#define MAX_SIDE 1000  /* the largest COLS or ROWS */
#define CELL_UTF8 (4 * VTERM_MAX_CHARS_PER_CELL)  /* the most bytes one cell takes */

struct run {
	VTerm *vt;            /* the terminal the program draws on */
	VTermScreen *screen;  /* its cells */
	VTerm *parser;        /* a bare parser spotting full clears while counting */
	int fd;               /* the pty master */
	pid_t pid;            /* the program; 0 once reaped */
	int status;           /* its wait status once reaped */
	bool eof;             /* the pty will give no more output */
	bool ended;           /* the script checked the exit or killed it */
	int rows, cols;
	int timeout;          /* ms, for waits */
	int quiet;            /* ms of silence the current settle wants */
	long long quiet_since;  /* ms: the last output, key or resize */
	long long started_us, last_out_us, key_us;  /* the fork, the last output, the last key */
	long long matched_us;   /* last_out_us when the last wait succeeded */
	unsigned long total;  /* bytes the program wrote so far */
	unsigned long mark;   /* total at the last key or resize */
	bool counting;        /* between "bytes start" and "bytes stop" */
	unsigned long bytes;  /* written by the program while counting */
	int clears;           /* full-screen clears among them */
	bool at_home;         /* the cursor was just sent home: ED clears all */
	char out[4096];       /* keys and terminal replies not yet sent */
	size_t nout;
	FILE *log;            /* -l: the program's output, raw */
	const char *script;
	int line;
	char row[MAX_SIDE * CELL_UTF8 + 1];  /* one row of text */
	bool altscreen;       /* the program switched to the alternate screen */
	bool cursor_hidden;   /* ... and hid the cursor */
};

static volatile pid_t watched;  /* what the watchdog kills */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
watchdog(int sig)
{
	static const char msg[] = "vtrun: watchdog: the run took too long; killed it\n";

	(void)sig;
	if (watched > 0)
		kill(watched, SIGKILL);
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(1);
	_exit(1);
}

static size_t
utf8(uint32_t c, char *s)
{
	static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
	int n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;

	for (int i = n - 1; i > 0; i--, c >>= 6)
		s[i] = (char)(0x80 | (c & 0x3f));
	s[0] = (char)(lead[n] | c);
	return (size_t)n;
}

/* Row y as UTF-8 in r->row; a wide character is written once for its two
 * cells, and trailing blanks are dropped when trim. */
static const char *
row_text(struct run *r, int y, bool trim)
{
	VTermScreenCell c;
	size_t n = 0, keep = 0;

	for (int x = 0; x < r->cols; x++) {
		vterm_screen_get_cell(r->screen, (VTermPos){ .row = y, .col = x }, &c);
		if (c.chars[0] == (uint32_t)-1)
			continue;  /* the right half of a wide character */
		if (c.chars[0] == 0)
			r->row[n++] = ' ';
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; i++)
			n += utf8(c.chars[i], r->row + n);
		if (c.chars[0] != 0 && c.chars[0] != ' ')
			keep = n;
	}
	r->row[trim ? keep : n] = '\0';
	return r->row;
}

/* The hue of a colour: one of "krgybmcw" (black, red, ..., white). */
static char
hue(const struct run *r, VTermColor col)
{
	int red, green, blue, max, min, h;

	if (VTERM_COLOR_IS_INDEXED(&col) && col.indexed.idx < 16)
		return "krgybmcw"[col.indexed.idx & 7];
	vterm_screen_convert_color_to_rgb(r->screen, &col);
	red = col.rgb.red, green = col.rgb.green, blue = col.rgb.blue;
	max = red > green ? (red > blue ? red : blue) : (green > blue ? green : blue);
	min = red < green ? (red < blue ? red : blue) : (green < blue ? green : blue);
	if (max - min < 48)  /* greys, including 232-255 */
		return max < 128 ? 'k' : 'w';
	if (max == red)
		h = 60 * (green - blue) / (max - min);
	else if (max == green)
		h = 120 + 60 * (blue - red) / (max - min);
	else
		h = 240 + 60 * (red - green) / (max - min);
	return "rygcbm"[((h + 390) / 60) % 6];  /* sectors centred on 0, 60, ... */
}

/*
 * How a cell looks, in one character, for "dumpattr": what a test can rely
 * on across themes without pinning colour numbers.  Reverse video swaps the
 * colours first.
 *   K R G Y B M C W  the background has that hue (a highlight bar)
 *   #                reverse video in the default colours
 *   k r g y b m c w  the text has that hue on the default background
 *   *  bold, _  underlined, .  plain (default colours, no attributes)
 */
static char
cell_class(const struct run *r, const VTermScreenCell *c)
{
	VTermColor fg = c->fg, bg = c->bg, t;

	if (c->attrs.reverse)
		t = fg, fg = bg, bg = t;
	if (!(bg.type & VTERM_COLOR_DEFAULT_MASK))
		return (char)toupper((unsigned char)hue(r, bg));
	if (c->attrs.reverse)
		return '#';
	if (!(fg.type & VTERM_COLOR_DEFAULT_MASK))
		return hue(r, fg);
	return c->attrs.bold ? '*' : c->attrs.underline ? '_' : '.';
}

static void
dump(struct run *r, FILE *f, bool attrs)
{
	VTermScreenCell c;

	for (int y = 0; y < r->rows; y++) {
		if (attrs) {
			int keep = 0;

			for (int x = 0; x < r->cols; x++) {
				vterm_screen_get_cell(r->screen, (VTermPos){ .row = y, .col = x }, &c);
				if ((r->row[x] = cell_class(r, &c)) != '.')
					keep = x + 1;
			}
			r->row[keep] = '\0';
		}
		fprintf(f, "%s\n", attrs ? r->row : row_text(r, y, true));
	}
	fflush(f);
}

static bool
has_text(struct run *r, const char *text)
{
	for (int y = 0; y < r->rows; y++)
		if (strstr(row_text(r, y, false), text))
			return true;
	return false;
}

__attribute__((format(printf, 2, 3))) static bool
fail(struct run *r, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "vtrun: %s:%d: ", r->script, r->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (r->pid == 0 && WIFEXITED(r->status))
		fprintf(stderr, " (the program exited with status %d)", WEXITSTATUS(r->status));
	else if (r->pid == 0 && WIFSIGNALED(r->status))
		fprintf(stderr, " (the program was killed by signal %d)", WTERMSIG(r->status));
	fprintf(stderr, "\n--- screen %dx%d ---\n", r->cols, r->rows);
	dump(r, stderr, false);
	fprintf(stderr, "--- end of screen ---\n");
	return false;
}

/* Send the queued keys and terminal replies to the program. */
static bool
flush_out(struct run *r)
{
	size_t done = 0;
	ssize_t n = 0;

	while (done < r->nout)
		if ((n = write(r->fd, r->out + done, r->nout - done)) > 0)
			done += (size_t)n;
		else if (n == 0 || errno != EINTR)
			break;
	if (done < r->nout) {
		r->nout = 0;
		return fail(r, "cannot type: %s", n ? strerror(errno) : "end of file");
	}
	r->nout = 0;
	return true;
}

static void
queue(struct run *r, const char *s, size_t len)
{
	for (; len > 0; s++, len--) {
		if (r->nout == sizeof(r->out))
			flush_out(r);
		r->out[r->nout++] = *s;
	}
}

/* libvterm's output: keys it encoded, and answers to the program's queries. */
static void
from_vterm(const char *s, size_t len, void *user)
{
	queue(user, s, len);
}

/* The clear spotter: ED 2 or 3 anywhere, ED 0 right after a cursor home, RIS. */
static int
on_csi(const char *leader, const long args[], int argc, const char *intermed, char cmd,
       void *user)
{
	struct run *r = user;
	long a0 = argc > 0 ? CSI_ARG_OR(args[0], 0) : 0;
	long a1 = argc > 1 ? CSI_ARG_OR(args[1], 0) : 0;

	(void)intermed;
	if (leader && *leader)
		return 1;  /* private modes move nothing */
	if (cmd == 'J' && (a0 == 2 || a0 == 3 || (a0 == 0 && r->at_home)))
		r->clears++;
	if (cmd == 'H' || cmd == 'f')
		r->at_home = a0 <= 1 && a1 <= 1;
	else if (cmd != 'm')
		r->at_home = false;
	return 1;
}

static int
on_text(const char *s, size_t len, void *user)
{
	(void)s, (void)len;
	((struct run *)user)->at_home = false;
	return 1;
}

static int
on_escape(const char *s, size_t len, void *user)
{
	if (len == 1 && s[0] == 'c')
		((struct run *)user)->clears++;
	return 1;
}

static const VTermParserCallbacks clear_spotter = {
	.text = on_text, .escape = on_escape, .csi = on_csi,
};

static void
reap(struct run *r)
{
	if (r->pid > 0 && waitpid(r->pid, &r->status, WNOHANG) == r->pid)
		r->pid = watched = 0;
}

/* Take in what the program wrote, waiting up to ms for the first of it. */
static void
pump(struct run *r, int ms)
{
	char buf[16384];
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	ssize_t got;

	reap(r);
	if (r->eof)
		poll(NULL, 0, ms);
	for (int i = 0; i < 64 && !r->eof; i++) {  /* a busy program cannot pin us */
		if (poll(&p, 1, i ? 0 : ms) <= 0)
			break;
		if ((got = read(r->fd, buf, sizeof(buf))) <= 0) {
			r->eof = got == 0 || errno != EINTR;  /* EIO: no slave side left */
			continue;
		}
		vterm_input_write(r->vt, buf, (size_t)got);
		r->total += (unsigned long)got;
		if (r->log)
			fwrite(buf, 1, (size_t)got, r->log);
		if (r->counting) {
			r->bytes += (unsigned long)got;
			vterm_input_write(r->parser, buf, (size_t)got);
		}
		r->quiet_since = now_ms();
		r->last_out_us = now_us();
	}
	if (r->nout)
		flush_out(r);
	reap(r);
}

enum until { TEXT, NO_TEXT, QUIET, OUTPUT, EXIT };

/* Whether what a wait waits for has come. */
static bool
holds(struct run *r, enum until u, const char *text)
{
	switch (u) {
	case TEXT: return has_text(r, text);
	case NO_TEXT: return !has_text(r, text);
	case QUIET:  /* longer when the program has not answered the last key */
		return now_ms() - r->quiet_since >= r->quiet * (r->total == r->mark ? 3 : 1);
	case OUTPUT: return r->total != r->mark;
	case EXIT: return r->pid == 0 && (r->eof || now_ms() - r->quiet_since >= QUIET_MS);
	}
	return false;
}

/* Pump output until u holds; false when time runs out or the program has
 * gone with all its output. */
static bool
wait_for(struct run *r, enum until u, const char *text)
{
	long long end = now_ms() + r->timeout, left;

	while (!holds(r, u, text)) {
		if ((left = end - now_ms()) <= 0 || (r->pid == 0 && r->eof && u != QUIET))
			return false;
		pump(r, left < SLICE_MS ? (int)left : SLICE_MS);
	}
	return true;
}

static bool
settle(struct run *r, int ms)
{
	r->quiet = ms;
	return wait_for(r, QUIET, NULL) ||
	       fail(r, "the program never went quiet for %d ms within %d ms", ms, r->timeout);
}

static bool
number(const char *s, long min, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return *s && !*end && !errno && *out >= min && *out <= max;
}

static bool
size_arg(const char *s, int *cols, int *rows)
{
	char tail;

	return sscanf(s, "%dx%d%c", cols, rows, &tail) == 2 && *cols >= 2 &&
	       *cols <= MAX_SIDE && *rows >= 2 && *rows <= MAX_SIDE;
}

static const struct {
	const char *name;
	VTermKey key;
	VTermModifier mod;
} named_keys[] = {
	{ "Up", VTERM_KEY_UP, 0 },         { "Down", VTERM_KEY_DOWN, 0 },
	{ "Left", VTERM_KEY_LEFT, 0 },     { "Right", VTERM_KEY_RIGHT, 0 },
	{ "PgUp", VTERM_KEY_PAGEUP, 0 },   { "PgDn", VTERM_KEY_PAGEDOWN, 0 },
	{ "Home", VTERM_KEY_HOME, 0 },     { "End", VTERM_KEY_END, 0 },
	{ "Ins", VTERM_KEY_INS, 0 },       { "Del", VTERM_KEY_DEL, 0 },
	{ "BS", VTERM_KEY_BACKSPACE, 0 },  { "Enter", VTERM_KEY_ENTER, 0 },
	{ "Esc", VTERM_KEY_ESCAPE, 0 },    { "Tab", VTERM_KEY_TAB, 0 },
	{ "BackTab", VTERM_KEY_TAB, VTERM_MOD_SHIFT },
};

/* Type one <Name> key (the name without its brackets).  libvterm encodes
 * named keys as xterm does, following the program's keypad mode. */
static bool
key_name(struct run *r, const char *name)
{
	VTermModifier mod = 0;
	long fn;

	for (; name[0] && name[1] == '-' && name[2]; name += 2)
		if (name[0] == 'C')
			mod |= VTERM_MOD_CTRL;
		else if (name[0] == 'M')
			mod |= VTERM_MOD_ALT;
		else if (name[0] == 'S')
			mod |= VTERM_MOD_SHIFT;
		else
			break;
	if (!strcmp(name, "Space"))
		name = " ";
	for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++)
		if (!strcmp(name, named_keys[i].name)) {
			vterm_keyboard_key(r->vt, named_keys[i].key, mod | named_keys[i].mod);
			return true;
		}
	if (name[0] == 'F' && number(name + 1, 1, 20, &fn)) {
		vterm_keyboard_key(r->vt, VTERM_KEY_FUNCTION((int)fn), mod);
		return true;
	}
	if (name[0] && !name[1]) {  /* <C-x> is x & 0x1f (<C-?> DEL), <M-x> ESC x */
		char c[2] = { '\033', name[0] };

		if (mod & VTERM_MOD_CTRL)
			c[1] = c[1] == '?' ? 0x7f : (char)(c[1] & 0x1f);
		queue(r, mod & VTERM_MOD_ALT ? c : c + 1, mod & VTERM_MOD_ALT ? 2 : 1);
		return true;
	}
	return fail(r, "unknown key <%s>", name);
}

static bool
type_keys(struct run *r, const char *s)
{
	const char *close;
	char name[32], c;
	unsigned hex;

	r->mark = r->total;
	while ((c = *s++)) {
		if (c == '<' && (close = strchr(s, '>')) && close > s &&
		    (size_t)(close - s) < sizeof(name)) {
			memcpy(name, s, (size_t)(close - s));
			name[close - s] = '\0';
			s = close + 1;
			if (!key_name(r, name))
				return false;
			continue;
		}
		if (c == '\\') {
			switch (c = *s++) {
			case 'e': c = '\033'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case '\\': case '<': break;
			case 'x':
				if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]) ||
				    sscanf(s, "%2x", &hex) != 1)
					return fail(r, "\\x needs two hex digits");
				c = (char)hex, s += 2;
				break;
			default:
				return fail(r, "unknown escape \\%c in keys", c ? c : '0');
			}
		}
		queue(r, &c, 1);
	}
	r->quiet_since = now_ms();
	r->key_us = now_us();
	return flush_out(r);
}

static bool
do_resize(struct run *r, const char *arg)
{
	int cols, rows;
	struct winsize ws;

	if (!size_arg(arg, &cols, &rows))
		return fail(r, "resize wants COLSxROWS, not '%s'", arg);
	/* Let the program finish the frame for the old size first: bytes
	 * for it read after the screen shrank would land in the wrong cells,
	 * which no real terminal does to a frame already on screen. */
	settle(r, QUIET_MS);
	pump(r, 0);
	vterm_set_size(r->vt, rows, cols);
	r->rows = rows, r->cols = cols;
	ws = (struct winsize){ .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	r->mark = r->total;
	r->quiet_since = now_ms();
	if (ioctl(r->fd, TIOCSWINSZ, &ws) < 0)
		return fail(r, "cannot resize the pty: %s", strerror(errno));
	if (!wait_for(r, OUTPUT, NULL))
		return fail(r, "resize: the program did not redraw within %d ms", r->timeout);
	return settle(r, QUIET_MS);
}

static bool
do_dump(struct run *r, const char *file, bool attrs)
{
	FILE *f;

	r->quiet = QUIET_MS;
	wait_for(r, QUIET, NULL);  /* a whole frame, if the program pauses at all */
	if (!(f = *file ? fopen(file, "w") : stdout))
		return fail(r, "cannot write %s: %s", file, strerror(errno));
	dump(r, f, attrs);
	return f == stdout || !fclose(f) || fail(r, "cannot write %s: %s", file, strerror(errno));
}

static bool
do_bytes(struct run *r, const char *arg)
{
	long max = 0;

	if (!settle(r, QUIET_MS))
		return false;
	if (!strcmp(arg, "start")) {
		if (r->parser)
			vterm_free(r->parser);
		r->parser = vterm_new(r->rows, r->cols);
		vterm_parser_set_callbacks(r->parser, &clear_spotter, r);
		r->counting = true, r->bytes = 0, r->clears = 0, r->at_home = false;
		return true;
	}
	if (strncmp(arg, "stop", 4) || (arg[4] && (arg[4] != ' ' ||
	    !number(arg + 5, 1, 1L << 30, &max))))
		return fail(r, "bytes wants 'start' or 'stop [MAX]', not '%s'", arg);
	if (!r->counting)
		return fail(r, "bytes stop without bytes start");
	r->counting = false;
	printf("bytes %lu clears %d\n", r->bytes, r->clears);
	fflush(stdout);
	return !max || (r->bytes < (unsigned long)max && !r->clears) ||
	       fail(r, "%lu bytes and %d full clear(s); the limit is under %ld and none",
		    r->bytes, r->clears, max);
}

/* End the program: SIGTERM, then SIGKILL after a second. */
static void
end_program(struct run *r)
{
	long long end = now_ms() + 1000;

	if (r->pid > 0)
		kill(r->pid, SIGTERM);
	while (r->pid > 0 && now_ms() < end)
		pump(r, SLICE_MS);
	if (r->pid > 0) {
		kill(r->pid, SIGKILL);
		waitpid(r->pid, &r->status, 0);
		r->pid = watched = 0;
	}
}

static bool
do_exit(struct run *r, const char *arg)
{
	long code;

	if (!number(arg, 0, 255, &code))
		return fail(r, "expect-exit wants a status 0-255, not '%s'", arg);
	if (!wait_for(r, EXIT, NULL))
		return fail(r, "the program did not exit within %d ms", r->timeout);
	r->ended = true;
	return (WIFEXITED(r->status) && WEXITSTATUS(r->status) == code) ||
	       fail(r, "expected exit status %ld", code);
}

static const struct {
	const char *name;
	int sig;
} signals[] = {
	{ "ABRT", SIGABRT }, { "SEGV", SIGSEGV }, { "TERM", SIGTERM }, { "INT", SIGINT },
	{ "HUP", SIGHUP }, { "KILL", SIGKILL }, { "QUIT", SIGQUIT }, { "PIPE", SIGPIPE },
};

static int
signal_named(const char *arg)
{
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (!strcmp(signals[i].name, arg))
			return signals[i].sig;
	return 0;
}

/* signal SIG: settle, then send it to the program (an SSH link dropping
 * is a SIGHUP). */
static bool
do_send(struct run *r, const char *arg)
{
	int sig = signal_named(arg);

	if (!sig)
		return fail(r, "signal wants ABRT, SEGV, TERM, INT, HUP, KILL, QUIT or PIPE, not '%s'", arg);
	settle(r, QUIET_MS);
	if (r->pid <= 0)
		return fail(r, "signal %s: the program has already ended", arg);
	kill(r->pid, sig);
	return true;
}

static bool
do_signal(struct run *r, const char *arg)
{
	int sig = signal_named(arg);

	if (!sig)
		return fail(r, "expect-signal wants ABRT, SEGV, TERM, INT, HUP, KILL, QUIT or PIPE, not '%s'",
			    arg);
	if (!wait_for(r, EXIT, NULL))
		return fail(r, "the program did not end within %d ms", r->timeout);
	r->ended = true;
	return (WIFSIGNALED(r->status) && WTERMSIG(r->status) == sig) ||
	       fail(r, "expected the program to be killed by SIG%s", arg);
}

/* The terminal is back as the program found it. */
static bool
do_cooked(struct run *r)
{
	struct termios t;

	if (tcgetattr(r->fd, &t) < 0)
		return fail(r, "cannot read the pty's modes: %s", strerror(errno));
	if (!(t.c_lflag & ICANON) || !(t.c_lflag & ECHO))
		return fail(r, "the pty was left in raw mode (%s%s)", t.c_lflag & ICANON ? "" : "no ICANON ",
			    t.c_lflag & ECHO ? "" : "no ECHO");
	if (r->altscreen)
		return fail(r, "the alternate screen was not left");
	if (r->cursor_hidden)
		return fail(r, "the cursor was left hidden");
	return true;
}

static int
on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	struct run *r = user;

	if (prop == VTERM_PROP_ALTSCREEN)
		r->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		r->cursor_hidden = !val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = { .settermprop = on_termprop };

/* Type keys, wait for the answer to end, and print how long it took. */
static bool
do_latency(struct run *r, const char *keys)
{
	if (!*keys)
		return fail(r, "latency needs keys");
	if (!settle(r, QUIET_MS))
		return false;
	r->mark = r->total;
	if (!type_keys(r, keys))
		return false;
	if (!wait_for(r, OUTPUT, NULL))
		return fail(r, "latency: no answer to the keys within %d ms", r->timeout);
	if (!settle(r, QUIET_MS))
		return false;
	printf("latency %.2f ms\n", (double)(r->last_out_us - r->key_us) / 1000.0);
	return true;
}

/* The program's resident set now and at its peak, from /proc. */
static bool
do_rss(struct run *r)
{
	char path[64], line[256];
	long rss = -1, hwm = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)r->pid);
	if (r->pid == 0 || !(f = fopen(path, "r")))
		return fail(r, "rss: cannot read %s", path);
	while (fgets(line, sizeof(line), f)) {
		sscanf(line, "VmRSS: %ld", &rss);
		sscanf(line, "VmHWM: %ld", &hwm);
	}
	fclose(f);
	printf("rss %ld kB peak %ld kB\n", rss, hwm);
	return true;
}

static bool
command(struct run *r, const char *cmd, const char *arg)
{
	long n;

	if (!strcmp(cmd, "wait") || !strcmp(cmd, "wait-gone")) {
		if (!*arg)
			return fail(r, "%s needs text", cmd);
		if (wait_for(r, cmd[4] ? NO_TEXT : TEXT, arg)) {
			r->matched_us = r->last_out_us;
			return true;
		}
		return fail(r, "%s '%s': %s", cmd, arg, r->pid == 0 && r->eof ?
			    "the program has ended" : "timed out");
	}
	if (!strcmp(cmd, "elapsed")) {
		printf("elapsed %.1f ms\n", (double)(r->matched_us - r->started_us) / 1000.0);
		return true;
	}
	if (!strcmp(cmd, "latency"))
		return do_latency(r, arg);
	if (!strcmp(cmd, "rss"))
		return do_rss(r);
	if (!strcmp(cmd, "expect") || !strcmp(cmd, "reject")) {
		pump(r, 0);
		if (!*arg)
			return fail(r, "%s needs text", cmd);
		return has_text(r, arg) == (cmd[0] == 'e') ||
		       fail(r, "%s '%s': the screen %s it", cmd, arg, cmd[0] == 'e' ? "lacks" : "has");
	}
	if (!strcmp(cmd, "key"))
		return *arg ? type_keys(r, arg) : fail(r, "key needs keys");
	if (!strcmp(cmd, "settle")) {
		if (*arg && !number(arg, 1, 60000, &n))
			return fail(r, "settle wants milliseconds, not '%s'", arg);
		return settle(r, *arg ? (int)n : QUIET_MS);
	}
	if (!strcmp(cmd, "sleep") || !strcmp(cmd, "timeout")) {
		long long end = now_ms();

		if (!number(arg, 0, 600000, &n))
			return fail(r, "%s wants milliseconds, not '%s'", cmd, arg);
		if (cmd[0] == 't')
			r->timeout = (int)n;
		else
			for (end += n; now_ms() < end;)
				pump(r, (int)(end - now_ms()));
		return true;
	}
	if (!strcmp(cmd, "resize"))
		return do_resize(r, arg);
	if (!strcmp(cmd, "dump") || !strcmp(cmd, "dumpattr"))
		return do_dump(r, arg, cmd[4] != '\0');
	if (!strcmp(cmd, "bytes"))
		return do_bytes(r, arg);
	if (!strcmp(cmd, "expect-exit"))
		return do_exit(r, arg);
	if (!strcmp(cmd, "expect-signal"))
		return do_signal(r, arg);
	if (!strcmp(cmd, "expect-cooked"))
		return do_cooked(r);
	if (!strcmp(cmd, "signal"))
		return do_send(r, arg);
	if (!strcmp(cmd, "kill")) {
		end_program(r);
		return r->ended = true;
	}
	return fail(r, "unknown command '%s'", cmd);
}

static bool
run_script(struct run *r, FILE *f)
{
	char *line = NULL, *cmd, *arg;
	size_t cap = 0;
	ssize_t len;
	bool ok = true;
	long long end;

	while (ok && (len = getline(&line, &cap, f)) >= 0) {
		r->line++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		cmd = line + strspn(line, " \t");
		if (!*cmd || *cmd == '#')
			continue;
		arg = cmd + strcspn(cmd, " \t");
		if (*arg)
			*arg++ = '\0';
		ok = command(r, cmd, arg);
	}
	free(line);
	if (!ok)
		return false;
	r->line++;  /* from here, failures are "at the end of the script" */
	for (end = now_ms() + QUIET_MS; r->pid > 0 && now_ms() < end;)
		pump(r, SLICE_MS);  /* a program that is just exiting */
	if (r->pid > 0)
		return fail(r, "the program is still running at the end of the script "
			    "(end with expect-exit or kill)");
	return r->ended || (WIFEXITED(r->status) && !WEXITSTATUS(r->status)) ||
	       fail(r, "the program ended unexpectedly (check with expect-exit)");
}

static int
usage(void)
{
	fprintf(stderr, "usage: vtrun [-s COLSxROWS] [-t MS] [-w SECONDS] [-l LOG] "
		"[-e NAME[=VALUE]]... SCRIPT -- COMMAND [ARGS...]\n");
	return 2;
}

int
main(int argc, char **argv)
{
	static struct run r = { .rows = 24, .cols = 80, .timeout = 5000 };
	struct sigaction sa = { .sa_handler = watchdog };
	struct winsize ws;
	const char *env[64];
	int nenv = 0, opt;
	long n, wd = 60;
	FILE *script;
	bool ok;

	while ((opt = getopt(argc, argv, "+s:t:w:l:e:")) != -1) {
		if (opt == 's' && size_arg(optarg, &r.cols, &r.rows))
			continue;
		if (opt == 't' && number(optarg, 1, 600000, &n))
			r.timeout = (int)n;
		else if (opt == 'w' && number(optarg, 1, 3600, &wd))
			continue;
		else if (opt == 'e' && nenv < (int)(sizeof(env) / sizeof(env[0])))
			env[nenv++] = optarg;
		else if (opt != 'l')
			return usage();
		else if ((r.log && fclose(r.log)) || !(r.log = fopen(optarg, "w")))
			return fprintf(stderr, "vtrun: %s: %s\n", optarg, strerror(errno)), 2;
	}
	if (argc - optind < 3 || strcmp(argv[optind + 1], "--"))
		return usage();
	r.script = argv[optind];
	if (!(script = strcmp(r.script, "-") ? fopen(r.script, "r") : stdin))
		return fprintf(stderr, "vtrun: %s: %s\n", r.script, strerror(errno)), 2;

	ws = (struct winsize){ .ws_row = (unsigned short)r.rows, .ws_col = (unsigned short)r.cols };
	r.started_us = now_us();
	if ((r.pid = forkpty(&r.fd, NULL, NULL, &ws)) < 0)
		return fprintf(stderr, "vtrun: forkpty: %s\n", strerror(errno)), 2;
	if (r.pid == 0) {
		char **cmd = argv + optind + 2;

		unsetenv("COLUMNS");  /* curses would believe them over the pty */
		unsetenv("LINES");
		setenv("TERM", "xterm-256color", 0);
		for (int i = 0; i < nenv; i++)
			if (strchr(env[i], '='))
				putenv((char *)env[i]);
			else
				unsetenv(env[i]);
		execvp(cmd[0], cmd);
		fprintf(stderr, "vtrun: cannot run %s: %s\n", cmd[0], strerror(errno));
		_exit(127);
	}
	watched = r.pid;
	sigaction(SIGALRM, &sa, NULL);
	alarm((unsigned)wd);

	r.vt = vterm_new(r.rows, r.cols);
	vterm_set_utf8(r.vt, 1);
	vterm_output_set_callback(r.vt, from_vterm, &r);
	r.screen = vterm_obtain_screen(r.vt);
	vterm_screen_set_callbacks(r.screen, &screen_callbacks, &r);
	vterm_screen_enable_altscreen(r.screen, 1);
	vterm_screen_reset(r.screen, 1);
	r.quiet_since = now_ms();

	ok = run_script(&r, script);
	end_program(&r);
	alarm(0);
	if (script != stdin)
		fclose(script);
	if (r.log)
		fclose(r.log);
	close(r.fd);
	vterm_free(r.vt);
	if (r.parser)
		vterm_free(r.parser);
	return ok ? 0 : 1;
}
