/*
 * model.c -- canonical names of the domain enumerations and look-up helpers.
 */
#include "config.h"

#include <string.h>

#include "core/names.h"
#include "domain/model.h"

#define NAME(id, name) name,
const char *const segment_names[] = { SEGMENT_LIST(NAME) NULL };
const char *const stage_names[] = { STAGE_LIST(NAME) NULL };
const char *const role_names[] = { ROLE_LIST(NAME) NULL };
const char *const task_status_names[] = { TASK_STATUS_LIST(NAME) NULL };
const char *const band_names[] = { BAND_LIST(NAME) NULL };
const char *const touch_model_names[] = { TOUCH_LIST(NAME) NULL };
const char *const package_names[] = { PACKAGE_LIST(NAME) NULL };
const char *const partner_role_names[] = { PARTNER_ROLE_LIST(NAME) NULL };
const char *const contact_role_names[] = { CONTACT_ROLE_LIST(NAME) NULL };
const char *const contact_status_names[] = { CONTACT_STATUS_LIST(NAME) NULL };
const char *const channel_names[] = { CHANNEL_LIST(NAME) NULL };
const char *const arr_kind_names[] = { ARR_KIND_LIST(NAME) NULL };
const char *const forecast_names[] = { FORECAST_LIST(NAME) NULL };
const char *const renewal_stage_names[] = { RENEWAL_STAGE_LIST(NAME) NULL };
const char *const churn_reason_names[] = { CHURN_REASON_LIST(NAME) NULL };
const char *const opp_kind_names[] = { OPP_KIND_LIST(NAME) NULL };
const char *const opp_stage_names[] = { OPP_STAGE_LIST(NAME) NULL };
const char *const opp_forecast_names[] = { OPP_FORECAST_LIST(NAME) NULL };
const char *const handshake_names[] = { HANDSHAKE_LIST(NAME) NULL };
const char *const period_names[] = { PERIOD_LIST(NAME) NULL };
const char *const ticket_priority_names[] = { PRIORITY_TICKET_LIST(NAME) NULL };
const char *const ticket_status_names[] = { TICKET_STATUS_LIST(NAME) NULL };
const char *const survey_kind_names[] = { SURVEY_KIND_LIST(NAME) NULL };
const char *const touch_kind_names[] = { TOUCH_KIND_LIST(NAME) NULL };
const char *const advocacy_names[] = { ADVOCACY_LIST(NAME) NULL };
const char *const task_kind_names[] = { TASK_KIND_LIST(NAME) NULL };
const char *const priority_names[] = { PRIORITY_LIST(NAME) NULL };
const char *const risk_category_names[] = { RISK_CATEGORY_LIST(NAME) NULL };
const char *const risk_status_names[] = { RISK_STATUS_LIST(NAME) NULL };
const char *const plan_status_names[] = { PLAN_STATUS_LIST(NAME) NULL };
const char *const objective_type_names[] = { OBJECTIVE_TYPE_LIST(NAME) NULL };
const char *const objective_priority_names[] = { OBJECTIVE_PRIORITY_LIST(NAME) NULL };
const char *const milestone_status_names[] = { MILESTONE_STATUS_LIST(NAME) NULL };
#undef NAME
/* An override names a real band; "unknown" is only ever computed. */
const char *const override_band_names[] = { "red", "orange", "yellow", "lightgreen", "green", NULL };
const char *const manual_fact_names[] = { "financial_rating", "csm_sentiment", NULL };

const char *
segment_touch_model(const char *segment)
{
	static const char *const touch[] = { [SEGMENT_ENTERPRISE] = "high",
		[SEGMENT_MID_MARKET] = "low", [SEGMENT_SMB] = "tech" };
	int i = names_lookup(segment_names, segment);

	return i < 0 ? NULL : touch[i];
}
