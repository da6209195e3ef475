-- Data-subject requests (modules/data-requests/tables.ts): a patient's exports and erasure
-- requests, with the statutory deadline, the operator's decision and what was erased or kept.
CREATE TABLE data_requests (
  id TEXT NOT NULL PRIMARY KEY,
  patient_id TEXT NOT NULL,
  clinic_id TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  lease_until INTEGER,
  decided_at INTEGER,
  decided_by_role TEXT,
  object_key TEXT,
  bytes INTEGER,
  outcome TEXT,
  file_expires_at INTEGER,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX data_requests_by_patient ON data_requests (patient_id, requested_at);
CREATE INDEX data_requests_by_status ON data_requests (kind, status, requested_at);

-- The audit log names the patient a record is about, so a patient can read every touch of their data.
ALTER TABLE audit_log ADD COLUMN subject_id TEXT;
