/*
 * xalloc.h -- allocation that never returns NULL.
 *
 * Out of memory is not a condition tend can recover from in a useful way, so
 * these wrappers abort with a message; in the interface, its SIGABRT
 * handler (ui/term.c) puts the terminal back first.  Array allocation
 * checks for size overflow.
 */
#ifndef TEND_XALLOC_H
#define TEND_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
