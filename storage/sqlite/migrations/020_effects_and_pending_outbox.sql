-- Effects outside the database (an SMS, an email, a Bot API call), each claimed by a row written
-- in the transaction that decided it and performed only after that transaction committed
-- (platform/effects.ts). The key is the source (consumer and event id, or a timer's entry) and
-- the effect's own key within it (recipient, template), so a source's effects are one key range.
CREATE TABLE effects (
  source TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  lease_until INTEGER,
  outcome TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (source, key)
) WITHOUT ROWID;
CREATE INDEX effects_expiry ON effects (expires_at);
-- The pending ones, oldest first, for the sweep that takes over those a crashed performer left:
-- done effects are outside the range it reads.
CREATE INDEX effects_pending ON effects (state, created_at);

-- The outbox now holds only what is still to be published: the relay deletes an entry once the
-- queue took it, so its polls read the pending entries and never the sent ones. Sent entries
-- kept for inspection go now.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
