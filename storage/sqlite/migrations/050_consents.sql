-- Consent records (modules/consents/tables.ts): every consent given or withdrawn, per patient,
-- append-only. Evidence (IP and user agent, a message id, a paper form number) is never health data.
CREATE TABLE consent_records (
  patient_id TEXT NOT NULL,
  id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  recipient TEXT,
  action TEXT NOT NULL,
  version TEXT NOT NULL,
  text_hash TEXT,
  language TEXT,
  channel TEXT NOT NULL,
  evidence TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_by_role TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (patient_id, id)
) WITHOUT ROWID;
