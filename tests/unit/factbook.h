/*
 * factbook.h -- the demo book the fact tests compare on (check_fact_sql,
 * check_account_facts): a `tend demo` book with manual ratings and band
 * overrides around the freshness windows added, scored once a week for
 * twelve weeks up to FB_NOW, as `tend demo` does.
 */
#ifndef TEND_FACTBOOK_H
#define TEND_FACTBOOK_H

#include <stdint.h>

#include "store/entity.h"
#include "store/store.h"

#define FB_NOW "2026-11-23"
#define FB_EARLY "2026-10-09"          /* 45 days before FB_NOW */
#define FB_ACCOUNTS 300

/* The day of a YYYY-MM-DD text (fails the test on a bad one). */
int32_t fb_day(const char *ymd);
/* Import csv as ent into s; fails the test on any problem. */
void fb_load(struct store *s, const struct entity *ent, const char *csv);
/* Build the demo book at path (the last scoring is FB_NOW's). */
void fb_demo_book(const char *path);

#endif
