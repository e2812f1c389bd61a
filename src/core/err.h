/*
 * err.h -- status codes and error detail.
 *
 * Every fallible function returns an `enum status` and, on failure, leaves a
 * human-readable message in a caller-owned `struct err`.  The status list is
 * one X-macro so the enum, its names and its sysexits(3) exit codes never
 * drift apart.  There is no global "last error": errors travel with the call.
 */
#ifndef TEND_ERR_H
#define TEND_ERR_H

#include <stdarg.h>

/*   name       exit code  (sysexits.h)   meaning */
#define STATUS_LIST(_) \
	_(OK,        0,  "success") \
	_(USAGE,     64, "command line usage error") \
	_(DATA,      65, "data format error") \
	_(NOINPUT,   66, "cannot open input / no such item") \
	_(NOUSER,    67, "unknown user") \
	_(SOFTWARE,  70, "internal software error") \
	_(OSERR,     71, "system error") \
	_(CANTCREAT, 73, "cannot create output") \
	_(IOERR,     74, "input/output error") \
	_(TEMPFAIL,  75, "temporary failure, try again") \
	_(NOPERM,    77, "permission denied") \
	_(CONFIG,    78, "configuration error")

enum status {
#define STATUS_ENUM(name, code, text) ST_##name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
};

struct err {
	enum status status;
	char msg[1024];
};

/* Record an error and return its status, so callers can `return err_set(...)`. */
enum status err_set(struct err *e, enum status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
enum status err_vset(struct err *e, enum status st, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* Prefix the existing message: "context: old message". */
enum status err_wrap(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);

int status_exit_code(enum status st);
const char *status_text(enum status st);

#endif
