-- Doctor-to-doctor teleconsultations (modules/teleconsultations/tables.ts): consulting centres,
-- their duty roster, regional doctors' requests, the documents attached, the centres' conclusions and their signatures.
CREATE TABLE teleconsult_centres (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  profiles TEXT NOT NULL,
  consultants TEXT NOT NULL,
  promises TEXT NOT NULL,
  head_id TEXT,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE teleconsult_duty_shifts (
  centre_id TEXT NOT NULL,
  consultant_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  profile TEXT NOT NULL,
  PRIMARY KEY (centre_id, consultant_id, starts_at)
) WITHOUT ROWID;

CREATE TABLE teleconsult_requests (
  id TEXT NOT NULL PRIMARY KEY,
  centre_id TEXT NOT NULL,
  requester_clinic_id TEXT NOT NULL,
  requester_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  form TEXT NOT NULL,
  profile TEXT NOT NULL,
  video_wanted INTEGER NOT NULL,
  consent TEXT NOT NULL,
  case_file TEXT NOT NULL,
  status TEXT NOT NULL,
  consultant_ids TEXT NOT NULL,
  duty_consultant_id TEXT,
  due_at INTEGER,
  remaining_ms INTEGER,
  decline_reason TEXT,
  overdue_level INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  closed_at INTEGER,
  met_deadline INTEGER
) WITHOUT ROWID;
CREATE INDEX teleconsult_requests_by_centre ON teleconsult_requests (centre_id, created_at);
CREATE INDEX teleconsult_requests_by_requester ON teleconsult_requests (requester_id, created_at);
CREATE INDEX teleconsult_requests_by_due ON teleconsult_requests (due_at);

CREATE TABLE teleconsult_conclusions (
  request_id TEXT NOT NULL PRIMARY KEY,
  patient_id TEXT NOT NULL,
  centre_id TEXT NOT NULL,
  conclusion TEXT NOT NULL,
  concluded_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX teleconsult_conclusions_by_patient ON teleconsult_conclusions (patient_id, concluded_at);

CREATE TABLE teleconsult_signatures (
  request_id TEXT NOT NULL,
  signer_id TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  algorithm TEXT NOT NULL,
  key_id TEXT NOT NULL,
  value TEXT NOT NULL,
  qualified INTEGER NOT NULL,
  PRIMARY KEY (request_id, signer_id)
) WITHOUT ROWID;

CREATE TABLE teleconsult_documents (
  request_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (request_id, id)
) WITHOUT ROWID;
