/*
 * buf.h -- a growable byte buffer that is always NUL-terminated.
 *
 * Used to build output lines, JSON and sanitized text without fixed limits.
 * Embedded in other objects: buf_init()/buf_done(); never partially valid.
 */
#ifndef TEND_BUF_H
#define TEND_BUF_H

#include <stddef.h>

struct buf {
	char *data;     /* always NUL-terminated once initialised */
	size_t len;     /* bytes used, excluding the NUL */
	size_t cap;     /* bytes allocated */
};

void buf_init(struct buf *b);
void buf_done(struct buf *b);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_addpad(struct buf *b, char c, size_t n);
/* Hand the storage to the caller and re-initialise the buffer. */
char *buf_detach(struct buf *b);
/* Append the whole file at path: 0, or an errno value (EIO for a read
 * error after the file opened). */
int buf_read_file(struct buf *b, const char *path);

#endif
