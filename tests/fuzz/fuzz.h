/*
 * fuzz.h -- what the fuzz harnesses share (tests/fuzz/README.md).
 *
 * Each fuzz_TARGET.c defines LLVMFuzzerTestOneInput for one parser.  It is
 * linked two ways: with libFuzzer by `make fuzz` (clang), and with
 * replay.c by `make check` (any compiler), which feeds it every file of the
 * target's corpus.  A harness checks what must hold whatever the input
 * (fuzz_assert) besides not crashing.
 */
#ifndef TEND_FUZZ_H
#define TEND_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property that must hold: abort (a finding) when it does not. */
#define fuzz_assert(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: fuzz_assert failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* The input as a NUL-terminated string (an inner NUL ends it early, as it
 * would in a C string from argv or a line editor); free() it. */
char *fuzz_string(const uint8_t *data, size_t size);
/* The input written to a private temporary file, whose path is returned
 * (the same file each call): for parsers that read a path. */
const char *fuzz_file(const uint8_t *data, size_t size);

/* The import harnesses' scratch book (fuzz_book.c), opened on first use. */
struct store;
struct store *fuzz_book(void);

#endif
