-- 0009_inbox_delivery.sql -- where an inbox item was delivered.
--
-- A playbook run resolves the role a notification or escalation step names
-- to people (tend-playbook(5), ROLES): a user of the book, or for support and
-- marketing also an e-mail address named in the configuration file, which
-- is kept in `address` (tend sends no mail: the item records where it was
-- meant to go).  When nobody holds the role for the account, the item goes
-- to the account's owner, the team lead or an admin instead, and
-- `redirected_from` names the role it was for.  An item with neither a
-- recipient nor an address had nowhere to go (`tend inbox --undelivered`);
-- items written before this migration addressed roles that way.
ALTER TABLE inbox ADD COLUMN address TEXT CHECK (address <> '');
ALTER TABLE inbox ADD COLUMN redirected_from TEXT CHECK (redirected_from = 'csm' OR
	redirected_from = 'lead' OR redirected_from = 'executive' OR redirected_from = 'am' OR
	redirected_from = 'rm' OR redirected_from = 'support' OR redirected_from = 'marketing');
CREATE INDEX inbox_undelivered ON inbox (status) WHERE recipient_id IS NULL AND address IS NULL;
