-- Critical events awaiting acknowledgement, and each step of their escalation.
CREATE TABLE escalations (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  next_at INTEGER,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX escalations_due ON escalations (next_at);

CREATE TABLE escalation_steps (
  escalation_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  recipient_id TEXT NOT NULL,
  status TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (escalation_id, level)
) WITHOUT ROWID;
