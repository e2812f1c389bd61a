/*
 * frame.h -- the frames `tend sync` sends over a pipe (ssh's stdin and
 * stdout; doc/sync.md, "Wire format"): four bytes of magic and version
 * ("TSY1"), a kind byte, a four-byte big-endian length and the payload, at
 * most FRAME_MAX bytes.  Payloads are built of 8-byte big-endian integers
 * and length-prefixed byte strings.  A bad magic, an oversized length or a
 * truncated frame is an error, never a guess.
 */
#ifndef TEND_FRAME_H
#define TEND_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"

#define FRAME_MAX ((size_t)64 << 20)

enum status frame_write(FILE *fp, char kind, const void *data, size_t len, struct err *e);
/* One frame into *kind and b (reset first).  *eof true, ST_OK, when the
 * stream ended cleanly before a frame began. */
enum status frame_read(FILE *fp, char *kind, struct buf *b, bool *eof, struct err *e);

void frame_put_u64(struct buf *b, uint64_t v);
void frame_put_bytes(struct buf *b, const void *data, size_t n);
void frame_put_str(struct buf *b, const char *s);   /* NULL as "" */

/* A reader over a payload: each get is false once it runs short. */
struct frame_in {
	const unsigned char *p;
	size_t left;
};
void frame_in_init(struct frame_in *in, const struct buf *b);
bool frame_get_u64(struct frame_in *in, uint64_t *v);
/* The bytes in place (not NUL-terminated) and their length. */
bool frame_get_bytes(struct frame_in *in, const void **data, size_t *n);
/* A string copied out, NUL-terminated (malloc'd), refusing embedded NULs. */
bool frame_get_str(struct frame_in *in, char **s);

#endif
