-- 0007_stage_history.sql -- the lifecycle stages an account went through,
-- with their dates, so "stuck in onboard for 90 days" can be asked of the
-- past as well as of today (accounts.stage_since answers it for today).
--
-- One row per period in a stage.  The row with no to_date is the stage the
-- account is in; it agrees with accounts.stage and accounts.stage_since.
-- Rows are written by tend whenever a stage changes (`tend account set
-- --stage`, a playbook's `stage:` action), in the same transaction as the
-- account: the period left is closed (to_date = the day of the change) and
-- the new one opened.  Imports and the demo write accounts with their
-- stage_since and no history: an account's history starts with its first
-- change in tend, which also records the period it leaves, from its
-- stage_since (from_date is NULL when that was not known).
CREATE TABLE account_stage_history (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	stage      TEXT NOT NULL
	           CHECK (stage = 'land' OR stage = 'onboard' OR stage = 'adopt' OR stage = 'expand' OR stage = 'renew' OR stage = 'churned'),
	from_date  TEXT CHECK (from_date = date(from_date)),
	to_date    TEXT CHECK (to_date = date(to_date) AND (from_date IS NULL OR to_date >= from_date)),
	author_id  INTEGER REFERENCES users (id),
	source     TEXT     -- manual or playbook:RULE; NULL for a period entered before the history
) STRICT;
CREATE INDEX account_stage_history_account ON account_stage_history (account_id, to_date);
