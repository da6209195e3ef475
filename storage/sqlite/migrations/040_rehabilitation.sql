-- Remote rehabilitation (modules/rehabilitation/tables.ts): plans and their versions, sessions at
-- home, outcome measures and the clinicians' review queue. Health data is sealed in json columns.
CREATE TABLE rehab_plans (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  doctor_id TEXT NOT NULL,
  template_id TEXT NOT NULL,
  condition TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,
  weeks_judged INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rehab_plans_by_patient ON rehab_plans (patient_id, created_at);
CREATE INDEX rehab_plans_by_status ON rehab_plans (status);

CREATE TABLE rehab_plan_versions (
  plan_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_by_role TEXT NOT NULL,
  reason TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (plan_id, version)
) WITHOUT ROWID;

CREATE TABLE rehab_sessions (
  plan_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  week INTEGER NOT NULL,
  status TEXT NOT NULL,
  ended_at INTEGER,
  body TEXT NOT NULL,
  PRIMARY KEY (plan_id, started_at, id)
) WITHOUT ROWID;

CREATE TABLE rehab_measures (
  plan_id TEXT NOT NULL,
  measured_at INTEGER NOT NULL,
  id TEXT NOT NULL,
  measure TEXT NOT NULL,
  result TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (plan_id, measured_at, id)
) WITHOUT ROWID;

CREATE TABLE rehab_review_items (
  clinic_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  id TEXT NOT NULL,
  doctor_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  resolved_at INTEGER,
  PRIMARY KEY (clinic_id, created_at, id)
) WITHOUT ROWID;
