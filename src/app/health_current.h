/*
 * health_current.h -- keeping every account's current health current: an
 * override, a touchpoint, a ticket, a closed risk or a stage change shows
 * in `tend health`, the heatmap and the 360 view at once, with no
 * recompute, from the command line and the interface alike.
 *
 * How: the write path collects, in each row-audited action, the accounts
 * whose facts or override it wrote (store/wtx.h, the accounts hook), and
 * this hook rescores them in the same transaction with the recompute's own
 * per-account writer (health_run_accounts): the day's snapshot, which
 * `tend health` reads, the account's row of account_health, which the
 * heatmap reads from its index, and its stored facts while they are
 * fresh.  The 360 view scores live.  So the three agree after every
 * change, and a failed change leaves all of them as they were.
 *
 * Why stored and not composed when read: an override's band could be
 * looked up at read time, but a touchpoint or a closed risk changes the
 * score itself, and only scoring tells what it becomes; scoring at read
 * time is scoring the whole book for every `tend health` and every
 * heatmap.  Scoring one account costs about a millisecond (`make bench`).
 * The one change no write marks is time: an override's end and facts that
 * age (days since the last touch) show at the next `tend health
 * recompute`, which the daily cron line runs.  A book never scored stays
 * unscored until its first recompute; a bulk action (import, demo) leaves
 * the scores to the next recompute too.
 */
#ifndef TEND_HEALTH_CURRENT_H
#define TEND_HEALTH_CURRENT_H

#include "app/scorecard_set.h"

struct store;

/* From now on, every change to s rescores the accounts it changed, with
 * the scorecards `tend health recompute` uses (the config directory's,
 * else the shipped one named scorecard, else the default), loaded at the
 * first change that needs them, with the book's calibrations.  When they
 * cannot be loaded, that change is refused with the scorecard's problem
 * (ST_DATA or ST_CONFIG): the health shown is never left behind silently. */
void health_current_attach(struct store *s, const char *scorecard);
/* The same with a set the caller keeps (it must outlive s), for tests. */
void health_current_attach_set(struct store *s, struct scorecard_set *set);

#endif
