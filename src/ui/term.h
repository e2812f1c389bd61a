/*
 * term.h -- leaving the terminal as tend found it, on every way out.
 *
 * A normal quit ends curses with endwin().  Anything else must not leave
 * the user's terminal raw, without echo, on the alternate screen with the
 * cursor hidden: an internal abort (out of memory, a broken invariant), a
 * crash, or a signal asking tend to stop (Ctrl-C, kill, a dropped SSH
 * connection).  term_arm() installs handlers for those that restore the
 * tty modes saved before curses started and write the terminal's own
 * "leave full-screen mode" strings, with async-signal-safe calls only
 * (write, tcsetattr), then let the signal take its default course.
 *
 * The state here (the saved modes, the reset string) is the interface's,
 * and exists once per process, as the terminal does.
 */
#ifndef TEND_TERM_H
#define TEND_TERM_H

#include <stdbool.h>

/* Before initscr(): remember the terminal's modes. */
void term_save(void);
/* After curses has set the terminal up: catch the signals that end tend
 * (mouse says whether mouse reporting is on, to turn it off again). */
void term_arm(bool mouse);
/* After endwin(): the default handlers again. */
void term_disarm(void);

#endif
