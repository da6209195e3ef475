-- Outbox entries a queue refused (their text or their size): set aside with the reason, so the rest keep flowing.
CREATE TABLE outbox_quarantine (
  event_id TEXT NOT NULL PRIMARY KEY,
  queue TEXT NOT NULL,
  event_type TEXT NOT NULL,
  body TEXT NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
) WITHOUT ROWID;
