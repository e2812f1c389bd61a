-- 0013_audit_chain.sql -- the audit log's hash chain (issue 19: a
-- tamper-evident audit log; store/audit_chain.c says what it detects).
--
-- Each row's hash covers the row before it's hash and its own columns, so a
-- row changed, inserted or removed behind tend's back breaks the chain at
-- that row.  The rows of an existing book are chained here, oldest first,
-- with the same function the write path uses (tend_audit_hash(), registered
-- on every connection tend opens); the append-only guard is lifted for that
-- one UPDATE and put back.  From now on a row without a hash is refused, so
-- an INSERT by hand must at least compute the chain.
ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);

CREATE TEMP TABLE audit_chain_fill (id INTEGER PRIMARY KEY, hash TEXT NOT NULL);
WITH RECURSIVE chain (id, hash) AS (
	SELECT id, tend_audit_hash(NULL, id, at, actor, action, table_name, row_id, op, old, new)
	FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
	UNION ALL
	SELECT a.id, tend_audit_hash(c.hash, a.id, a.at, a.actor, a.action, a.table_name, a.row_id,
	                             a.op, a.old, a.new)
	FROM chain c JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > c.id)
)
INSERT INTO audit_chain_fill (id, hash) SELECT id, hash FROM chain;

DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET hash = (SELECT f.hash FROM audit_chain_fill f WHERE f.id = audit_log.id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
DROP TABLE audit_chain_fill;

CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'an audit row needs its place in the chain'); END;
