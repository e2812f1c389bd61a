/*
 * risk.h -- a CSM's verbs on risks (`tend risk open, mitigate, close`, and
 * the interface's risk actions), each one audited transaction that changes
 * nothing when refused.  Playbooks open risks too (app/pba_risk.c).
 *
 *   open      a new risk on an account: category (doc/model.md section 6),
 *             severity, description; owned by the account's owner, or by
 *             the user opening it when the account is pooled; source manual.
 *   mitigate  status mitigating with the plan (the mitigation column); a
 *             mitigating risk takes a new plan, a closed one refuses.
 *   close     status closed today with the note (the resolution column);
 *             a closed risk refuses.
 * A playbook ladder waiting `unless: risk_mitigated` is resolved by either
 * (store/playbook_store.c reads any status but open as mitigated).
 * Results and refusals are as app/work.h says.
 */
#ifndef TEND_RISK_H
#define TEND_RISK_H

#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct store;

struct risk_open_input {
	int64_t account_id;
	const char *category;      /* risk_category_names */
	const char *severity;      /* low, medium, high, critical; NULL: medium */
	const char *description;   /* what is not going to plan; required */
};

/* login: who opens it (the owner when the account is pooled). */
enum status risk_open(struct store *s, const char *login, const struct risk_open_input *in,
		      struct work_done *out, struct err *e);
enum status risk_mitigate(struct store *s, int64_t id, const char *note, struct work_done *out,
			  struct err *e);
enum status risk_close(struct store *s, int64_t id, const char *note, struct work_done *out,
		       struct err *e);

#endif
