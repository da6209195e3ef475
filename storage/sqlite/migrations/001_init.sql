-- Initial schema; mirrors storage/schema.ts and storage/ydb/migrations/001_init.yql.
CREATE TABLE patients (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  full_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  birth_date TEXT,
  medical_notes TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX patients_by_clinic ON patients (clinic_id, created_at);
CREATE UNIQUE INDEX patients_clinic_phone ON patients (clinic_id, phone);

CREATE TABLE outbox (
  id TEXT NOT NULL PRIMARY KEY,
  created_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  queue TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at INTEGER,
  expires_at INTEGER
) WITHOUT ROWID;
CREATE INDEX outbox_by_created ON outbox (created_at, seq);

CREATE TABLE processed_events (
  consumer TEXT NOT NULL,
  event_id TEXT NOT NULL,
  processed_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (consumer, event_id)
) WITHOUT ROWID;
CREATE INDEX processed_events_expiry ON processed_events (expires_at);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  response TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE TABLE audit_log (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  route TEXT NOT NULL,
  request_id TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX audit_by_resource ON audit_log (resource_id, at);

CREATE TABLE notifications (
  id TEXT NOT NULL PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  template TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  source_event_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX notifications_by_recipient ON notifications (recipient_id, created_at);

-- The audit log is append-only: the database itself refuses edits.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
