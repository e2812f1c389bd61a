-- 0008_work_edits.sql -- what editing a CSM's work records keeps beyond
-- what playbooks and imports wrote: why a task was cancelled, how a risk
-- was resolved, and an opportunity's expected close date and why it was
-- won or lost (tend task cancel, risk close, opportunity add and close).
-- Every column may be empty: rows from before this version have none.

ALTER TABLE tasks ADD COLUMN cancel_reason TEXT;
ALTER TABLE risks ADD COLUMN resolution TEXT;  -- the note `tend risk close` gives
ALTER TABLE opportunities ADD COLUMN expected_close TEXT CHECK (expected_close = date(expected_close));
ALTER TABLE opportunities ADD COLUMN close_reason TEXT;
