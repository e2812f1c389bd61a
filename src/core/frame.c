/*
 * frame.c -- sync's frames over a pipe (see frame.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/frame.h"
#include "core/xalloc.h"

static const unsigned char magic[4] = { 'T', 'S', 'Y', '1' };

enum status
frame_write(FILE *fp, char kind, const void *data, size_t len, struct err *e)
{
	unsigned char h[9];

	if (len > FRAME_MAX)
		return err_set(e, ST_DATA, "a sync message of %zu bytes is over the %zu allowed", len, FRAME_MAX);
	memcpy(h, magic, 4);
	h[4] = (unsigned char)kind;
	for (int i = 0; i < 4; i++)
		h[5 + i] = (unsigned char)(len >> (24 - 8 * i));
	if (fwrite(h, 1, sizeof(h), fp) != sizeof(h) || (len && fwrite(data, 1, len, fp) != len) ||
	    fflush(fp) != 0)
		return err_set(e, ST_IOERR, "the sync connection was lost while sending");
	return ST_OK;
}

enum status
frame_read(FILE *fp, char *kind, struct buf *b, bool *eof, struct err *e)
{
	unsigned char h[9];
	size_t got = fread(h, 1, sizeof(h), fp), len = 0;

	*eof = false;
	buf_reset(b);
	if (got == 0 && feof(fp)) {
		*eof = true;
		return ST_OK;
	}
	if (got != sizeof(h))
		return err_set(e, ST_IOERR, "the sync connection was lost (a message cut short)");
	if (memcmp(h, magic, 4))
		return err_set(e, ST_DATA, "the other side does not speak tend sync 1 (is tend installed "
			       "there, and is it this version?)");
	for (int i = 0; i < 4; i++)
		len = len << 8 | h[5 + i];
	if (len > FRAME_MAX)
		return err_set(e, ST_DATA, "a sync message of %zu bytes is over the %zu allowed", len, FRAME_MAX);
	*kind = (char)h[4];
	buf_grow(b, len + 1);
	if (len && fread(b->data, 1, len, fp) != len)
		return err_set(e, ST_IOERR, "the sync connection was lost (a message cut short)");
	b->len = len;
	b->data[len] = '\0';
	return ST_OK;
}

void
frame_put_u64(struct buf *b, uint64_t v)
{
	unsigned char x[8];

	for (int i = 0; i < 8; i++)
		x[i] = (unsigned char)(v >> (56 - 8 * i));
	buf_add(b, x, sizeof(x));
}

void
frame_put_bytes(struct buf *b, const void *data, size_t n)
{
	frame_put_u64(b, n);
	if (n)
		buf_add(b, data, n);
}

void
frame_put_str(struct buf *b, const char *s)
{
	frame_put_bytes(b, s ? s : "", s ? strlen(s) : 0);
}

void
frame_in_init(struct frame_in *in, const struct buf *b)
{
	in->p = (const unsigned char *)b->data;
	in->left = b->data ? b->len : 0;
}

bool
frame_get_u64(struct frame_in *in, uint64_t *v)
{
	if (in->left < 8)
		return false;
	*v = 0;
	for (int i = 0; i < 8; i++)
		*v = *v << 8 | in->p[i];
	in->p += 8;
	in->left -= 8;
	return true;
}

bool
frame_get_bytes(struct frame_in *in, const void **data, size_t *n)
{
	uint64_t len;

	if (!frame_get_u64(in, &len) || len > in->left)
		return false;
	*data = in->p;
	*n = (size_t)len;
	in->p += len;
	in->left -= (size_t)len;
	return true;
}

bool
frame_get_str(struct frame_in *in, char **s)
{
	const void *d;
	size_t n;

	*s = NULL;
	if (!frame_get_bytes(in, &d, &n) || memchr(d, '\0', n))
		return false;
	*s = xmalloc(n + 1);
	memcpy(*s, d, n);
	(*s)[n] = '\0';
	return true;
}
