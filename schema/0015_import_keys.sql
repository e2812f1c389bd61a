-- 0015_import_keys.sql -- the keys a daily re-import matches rows by
-- (issue 18): an opportunity's CRM id and a survey response's id, so
-- tomorrow's Salesforce opportunities report and Qualtrics export update
-- the rows today's created instead of adding them again.  Accounts,
-- tickets, invoices and users already have theirs.  Empty (NULL) for rows
-- made in tend; unique when given.
ALTER TABLE opportunities ADD COLUMN external_id TEXT CHECK (external_id <> '');
CREATE UNIQUE INDEX opportunities_external ON opportunities (external_id);
ALTER TABLE surveys ADD COLUMN external_id TEXT CHECK (external_id <> '');
CREATE UNIQUE INDEX surveys_external ON surveys (external_id);
