-- 0014_renewal_cadence.sql -- the renewal motion (issue 15): the cadence
-- steps logged against a renewal, and the indexes the pipeline's
-- compliance reads go through.
--
-- A cadence step (T-120, T-90, T-60, T-30: doc/model.md section 5) is done
-- when the book shows it: a step logged here (`tend renewal step`, or
-- written by tend when a renewal's stage or forecast moves to what the
-- step asks for), an EBR or QBR held, the playbook task of the step done,
-- or the account entering the renew stage.  This table holds the first
-- kind; the others are read from their own tables.  Compliance is judged
-- for many renewals at once (the pipeline of a whole team), by one
-- statement with a range lookup per renewal in each table: hence the
-- indexes by account and date below, and this table's by renewal.
-- IF NOT EXISTS: a test may rewind user_version past this migration on a
-- book that has it (tests/cli/audit_chain.sh), and running it again is
-- harmless.
CREATE TABLE IF NOT EXISTS renewal_steps (
	id         INTEGER PRIMARY KEY,
	renewal_id INTEGER NOT NULL REFERENCES renewals (id) ON DELETE CASCADE,
	step       TEXT NOT NULL CHECK (step = 't120' OR step = 't90' OR step = 't60' OR step = 't30'),
	date       TEXT NOT NULL CHECK (date = date(date)),
	author_id  INTEGER REFERENCES users (id),
	note       TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS renewal_steps_renewal ON renewal_steps (renewal_id, step, date);

-- Done tasks by account, source and day: "was the T-90 playbook task done,
-- and when" is one range lookup.
CREATE INDEX IF NOT EXISTS tasks_account_done ON tasks (account_id, source, done_on) WHERE status = 'done';
-- Open renewals by due date: the pipeline and the calendar read only these.
CREATE INDEX IF NOT EXISTS renewals_open_due ON renewals (due_date, account_id)
	WHERE stage <> 'won' AND stage <> 'lost';
-- Every renewal by due date with what the calendar's grid sums per day: the
-- month's days are aggregated from this index alone, no table reads.
CREATE INDEX IF NOT EXISTS renewals_calendar
	ON renewals (due_date, stage, forecast_category, target_arr_cents);
