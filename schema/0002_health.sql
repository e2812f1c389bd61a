-- 0002_health.sql -- what the health engine keeps besides its snapshots.

-- A CSM's override of an account's band, with a reason and an expiry.  The
-- computed score is never hidden: snapshots keep both.
CREATE TABLE health_overrides (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id),
	band       TEXT NOT NULL CHECK (band = 'red' OR band = 'orange' OR band = 'yellow' OR
	           band = 'lightgreen' OR band = 'green'),
	reason     TEXT NOT NULL CHECK (reason <> ''),
	starts_on  TEXT NOT NULL CHECK (starts_on = date(starts_on)),
	until      TEXT NOT NULL CHECK (until = date(until) AND until >= starts_on),
	author_id  INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX health_overrides_account ON health_overrides (account_id, until);

-- Cut points computed from the book for measures with `quantile:` thresholds
-- (`tend health calibrate`), ascending, as a JSON array.
CREATE TABLE scorecard_calibrations (
	id            INTEGER PRIMARY KEY,
	scorecard     TEXT NOT NULL,
	measure       TEXT NOT NULL,
	cut_points    TEXT NOT NULL,
	accounts      INTEGER NOT NULL CHECK (accounts >= 0),  -- values it was computed from
	calibrated_on TEXT NOT NULL CHECK (calibrated_on = date(calibrated_on)),
	UNIQUE (scorecard, measure)
) STRICT;

-- Manual health inputs: ratings a CSM gives where no system feeds a fact
-- (financial health, their own read of sentiment).  The latest one counts
-- while it is fresh (30 days; 14 while the account is yellow or worse).
CREATE TABLE health_inputs (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id),
	fact       TEXT NOT NULL CHECK (fact = 'financial_rating' OR fact = 'csm_sentiment'),
	value      REAL NOT NULL,
	date       TEXT NOT NULL CHECK (date = date(date)),
	note       TEXT,
	author_id  INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX health_inputs_account ON health_inputs (account_id, fact, date);

-- The fact catalog aggregates tickets, surveys and touchpoints for the whole
-- book at once; these indexes cover every column it reads, so it scans
-- indexes instead of fetching millions of rows (about 1 s saved at 100k
-- accounts).  They replace the narrower ones of 0001.
DROP INDEX tickets_account;
CREATE INDEX tickets_account ON tickets (account_id, opened_date, closed_date, priority);
DROP INDEX surveys_account;
CREATE INDEX surveys_account ON surveys (account_id, date, kind, score);
DROP INDEX touchpoints_account;
CREATE INDEX touchpoints_account ON touchpoints (account_id, date, kind, sentiment);
