-- 0011_plan_editor.sql -- what the success-plan editor keeps beyond what
-- imports wrote (tend plan, objective, milestone, kpi, and the plan pane):
-- when the plan was last validated with the customer and which template it
-- started from; the order of objectives, milestones and KPIs, which the
-- CSM chooses; and every reading of a KPI, so a plan keeps its history
-- while kpis.current stays the latest value.
-- Every new column may be empty: plans from before this version have none,
-- and their rows keep their id order (position 0 sorts by id).

ALTER TABLE success_plans ADD COLUMN validated_on TEXT CHECK (validated_on = date(validated_on));
ALTER TABLE success_plans ADD COLUMN template TEXT;
ALTER TABLE objectives ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE milestones ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kpis ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

CREATE TABLE kpi_readings (
	id        INTEGER PRIMARY KEY,
	kpi_id    INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
	date      TEXT NOT NULL CHECK (date = date(date)),
	value     REAL NOT NULL,
	author_id INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX kpi_readings_kpi ON kpi_readings (kpi_id, date);
