-- Triage decisions; mirrors storage/schema.ts and storage/ydb/migrations/002_triage.yql.
-- inputs and outcome hold sealed fields (envelope encryption), never plain health data.
CREATE TABLE triage_decisions (
  id TEXT NOT NULL PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  patient_id TEXT,
  kind TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  disposition TEXT NOT NULL,
  inputs TEXT NOT NULL,
  outcome TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX triage_by_patient ON triage_decisions (patient_id, created_at);
