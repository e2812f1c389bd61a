/*
 * term.c -- restoring the terminal on abort, crash or signal (see term.h).
 */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui/term.h"

/* Signals that end tend with the terminal still in curses' hands. */
static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGTERM, SIGHUP, SIGQUIT,
			     SIGPIPE };
#define NFATAL (sizeof(fatal) / sizeof(fatal[0]))

static struct termios saved;
static bool have_saved;
static char reset[512];         /* what endwin would write, built in advance */
static size_t reset_len;

void
term_save(void)
{
	have_saved = tcgetattr(STDIN_FILENO, &saved) == 0;
}

static void
add(const char *s)
{
	size_t n;

	/* tigetstr answers (char *)-1 for a capability that is not a string. */
	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof(reset)) {
		memcpy(reset + reset_len, s, n);
		reset_len += n;
	}
}

static void
on_fatal(int sig)
{
	ssize_t ignored;

	/* Only async-signal-safe calls from here on. */
	ignored = write(STDOUT_FILENO, reset, reset_len);
	(void)ignored;
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	/* SA_RESETHAND made the default action current: die of the signal,
	 * so the exit status says what happened. */
	raise(sig);
}

void
term_arm(bool mouse)
{
	struct sigaction sa;

	reset_len = 0;
	if (mouse)
		add("\033[?1006l\033[?1000l");   /* xterm mouse reporting off */
	add(tigetstr("sgr0"));    /* plain attributes */
	add(tigetstr("cnorm"));   /* the cursor visible */
	add(tigetstr("rmkx"));    /* the keypad back in its normal mode */
	add(tigetstr("rmcup"));   /* leave the alternate screen */
	add("\r\n");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sa.sa_flags = (int)(SA_RESETHAND | SA_NODEFER);
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal[i], &sa, NULL);
}

void
term_disarm(void)
{
	for (size_t i = 0; i < NFATAL; i++)
		signal(fatal[i], SIG_DFL);
}
