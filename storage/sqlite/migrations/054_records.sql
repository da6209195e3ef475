-- A patient's record (modules/records/tables.ts): documents (files scanned before they are offered,
-- or pointers to conclusions), whom each is shared with, and structured lab results. Each table is
-- keyed by patient first, so one record is one key range. Health data is sealed in json columns.
CREATE TABLE record_documents (
  patient_id TEXT NOT NULL,
  id TEXT NOT NULL,
  clinic_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  rejection TEXT,
  content_type TEXT,
  bytes INTEGER,
  source TEXT NOT NULL,
  source_id TEXT,
  document_date INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_by_role TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (patient_id, id)
) WITHOUT ROWID;

CREATE TABLE record_shares (
  patient_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  grantee TEXT NOT NULL,
  grantee_kind TEXT NOT NULL,
  clinic_id TEXT NOT NULL,
  doctor_id TEXT,
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (patient_id, document_id, grantee)
) WITHOUT ROWID;

CREATE TABLE record_observations (
  patient_id TEXT NOT NULL,
  id TEXT NOT NULL,
  document_id TEXT,
  clinic_id TEXT NOT NULL,
  content TEXT NOT NULL,
  effective_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (patient_id, id)
) WITHOUT ROWID;
