-- 0010_one_override.sql -- one override per account, and a current health
-- that knows when its band is an override.

-- A new override for an account replaces its row (an update in the audit
-- log) instead of adding one.  Books where repeating an override added
-- rows are folded to the row that was winning, as `tend health` chose it
-- (the latest to start, then the latest written); the rows folded away are
-- recorded in the audit log as deleted by this migration (at the real time
-- of the upgrade), and the copy kept before an upgrade still has them.
INSERT INTO audit_log (at, actor, action, table_name, row_id, op, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'tend', 'upgrade: one override per account',
	'health_overrides', o.id, 'delete',
	json_object('id', o.id, 'account_id', o.account_id, 'band', o.band, 'reason', o.reason,
		'starts_on', o.starts_on, 'until', o.until, 'author_id', o.author_id), NULL
FROM health_overrides o
WHERE o.id <> (SELECT k.id FROM health_overrides k WHERE k.account_id = o.account_id
	ORDER BY k.starts_on DESC, k.id DESC LIMIT 1)
ORDER BY o.id;
DELETE FROM health_overrides
WHERE id <> (SELECT k.id FROM health_overrides k WHERE k.account_id = health_overrides.account_id
	ORDER BY k.starts_on DESC, k.id DESC LIMIT 1);
DROP INDEX health_overrides_account;
CREATE UNIQUE INDEX health_overrides_account ON health_overrides (account_id);

-- account_health.band is the band in force; overridden says it is a CSM's
-- override (which may name the computed band itself), for the heatmap's
-- marker.  Filled from the snapshot each row was written with.
ALTER TABLE account_health ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0
	CHECK (overridden IN (0, 1));
UPDATE account_health SET overridden = EXISTS (SELECT 1 FROM health_snapshots s
	WHERE s.account_id = account_health.account_id AND s.date = account_health.date
	AND s.override_band IS NOT NULL);

-- Worst first is by the band in force, then the score (an overridden
-- account sorts with its override's band): the heatmap's first page reads
-- this index in order.  The expression is written exactly as the query
-- writes it (HEALTH_BAND_RANK in src/store/store_int.h), or SQLite cannot use it.
DROP INDEX account_health_score;
CREATE INDEX account_health_rank ON account_health (
	(CASE band WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2
	 WHEN 'lightgreen' THEN 3 WHEN 'green' THEN 4 ELSE 5 END), score IS NULL, score, account_id);
