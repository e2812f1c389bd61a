-- 0003_current.sql -- what the interface reads fast: each account's current
-- health, kept with an index on the score, and full-text search.

-- Each account's latest health, as `tend health recompute` left it: the
-- heatmap's first page is read from the score index, with no sort of the
-- whole book.  ratings: one character per measure of the scorecard, in
-- its order ('1'..'5', '-' for missing data); vals: each measure's value as
-- shown in a heatmap cell ("45%", "230d"), '|'-separated; trend: the last
-- scores, oldest first, comma-separated (one per day scored, at most 12).
CREATE TABLE account_health (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
	date           TEXT NOT NULL CHECK (date = date(date)),
	scorecard      TEXT NOT NULL,
	scale          INTEGER NOT NULL CHECK (scale = 3 OR scale = 5),
	score          REAL CHECK (score >= 1 AND score <= scale),
	band           TEXT NOT NULL,  -- the band shown: the override when one is in force
	computed_band  TEXT NOT NULL,
	outcomes       REAL,
	experience     REAL,
	false_positive INTEGER NOT NULL DEFAULT 0 CHECK (false_positive IN (0, 1)),
	ratings        TEXT NOT NULL DEFAULT '',
	vals           TEXT NOT NULL DEFAULT '',
	trend          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX account_health_score ON account_health (score, account_id);

-- Full-text search over accounts and the touchpoint timeline.  External
-- content: the text stays in its table; the write path keeps these in step
-- (no triggers, so bulk loads can build them in one pass at the end).
CREATE VIRTUAL TABLE accounts_fts USING fts5 (name, external_id, industry, region, notes,
	content = 'accounts', content_rowid = 'id');
CREATE VIRTUAL TABLE touchpoints_fts USING fts5 (summary, follow_ups,
	content = 'touchpoints', content_rowid = 'id');
INSERT INTO accounts_fts (accounts_fts) VALUES ('rebuild');
INSERT INTO touchpoints_fts (touchpoints_fts) VALUES ('rebuild');
