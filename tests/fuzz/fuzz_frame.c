/*
 * fuzz_frame.c -- what a `tend sync` peer sends: frames (core/frame.c) off
 * a stream, and their payloads walked as the server and the client walk
 * them.  Nothing read is ever longer than what came in, a frame is refused
 * or read whole, and the stream ends in an error or a clean end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/frame.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = { ST_OK, "" };
	FILE *fp = fmemopen((void *)data, size, "rb");
	struct buf b;
	size_t seen = 0;

	if (!fp)
		return 0;
	buf_init(&b);
	for (;;) {
		struct frame_in in;
		char kind, *s;
		const void *bytes;
		uint64_t v;
		size_t n;
		bool eof;

		e.status = ST_OK;
		if (frame_read(fp, &kind, &b, &eof, &e) || eof) {
			fuzz_assert(eof || (e.status && *e.msg));
			break;
		}
		seen += 9 + b.len;
		fuzz_assert(seen <= size && b.len <= FRAME_MAX);
		frame_in_init(&in, &b);
		/* Each of the payload's shapes, until it runs short. */
		while (in.left) {
			size_t before = in.left;

			if (!frame_get_u64(&in, &v))
				break;
			if (frame_get_str(&in, &s)) {
				fuzz_assert(strlen(s) <= before);
				free(s);
			} else if (frame_get_bytes(&in, &bytes, &n)) {
				fuzz_assert(n <= before);
			} else {
				break;
			}
			fuzz_assert(in.left < before);
		}
	}
	buf_done(&b);
	fclose(fp);
	return 0;
}
