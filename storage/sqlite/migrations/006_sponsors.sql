-- Sponsors: insurers' products and policies, employers' contracts and enrolments, the
-- entitlement ledger and the visits sponsors pay for (storage/sponsor-schema.ts).
CREATE TABLE insurance_products (
  id TEXT NOT NULL PRIMARY KEY,
  insurer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  consultations_per_year INTEGER NOT NULL,
  specialty_limits TEXT NOT NULL,
  specialties TEXT NOT NULL,
  formats TEXT NOT NULL,
  duty_doctor INTEGER NOT NULL,
  waiting_minutes INTEGER,
  forfeit_late_cancellation INTEGER NOT NULL,
  forfeit_no_show INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX products_by_insurer ON insurance_products (insurer_id);

CREATE TABLE insurance_policies (
  id TEXT NOT NULL PRIMARY KEY,
  insurer_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  number TEXT NOT NULL,
  holder_birth_date TEXT NOT NULL,
  patient_id TEXT,
  status TEXT NOT NULL,
  periods TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX policies_insurer_number ON insurance_policies (insurer_id, number);
CREATE INDEX policies_by_patient ON insurance_policies (patient_id);

CREATE TABLE corporate_contracts (
  id TEXT NOT NULL PRIMARY KEY,
  employer_id TEXT NOT NULL,
  company_name TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  company_sessions INTEGER,
  sessions_per_employee INTEGER,
  specialties TEXT NOT NULL,
  formats TEXT NOT NULL,
  forfeit_late_cancellation INTEGER NOT NULL,
  forfeit_no_show INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX contracts_by_employer ON corporate_contracts (employer_id);

CREATE TABLE corporate_enrolments (
  contract_id TEXT NOT NULL,
  ref_hash TEXT NOT NULL,
  id TEXT NOT NULL,
  employer_id TEXT NOT NULL,
  employee_ref TEXT,
  code_hash TEXT NOT NULL,
  upload_id TEXT,
  status TEXT NOT NULL,
  patient_id TEXT,
  created_at INTEGER NOT NULL,
  activated_at INTEGER,
  PRIMARY KEY (contract_id, ref_hash)
) WITHOUT ROWID;
CREATE UNIQUE INDEX enrolments_by_code ON corporate_enrolments (code_hash);
CREATE INDEX enrolments_by_patient ON corporate_enrolments (patient_id);

CREATE TABLE enrolment_imports (
  id TEXT NOT NULL PRIMARY KEY,
  contract_id TEXT NOT NULL,
  employer_id TEXT NOT NULL,
  status TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  enrolled INTEGER NOT NULL,
  already_enrolled INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  error TEXT,
  created_at INTEGER NOT NULL,
  claimed_at INTEGER,
  finished_at INTEGER
) WITHOUT ROWID;

CREATE TABLE entitlement_accounts (
  id TEXT NOT NULL PRIMARY KEY,
  owner_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  granted INTEGER NOT NULL,
  reserved INTEGER NOT NULL,
  consumed INTEGER NOT NULL,
  forfeited INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX accounts_by_owner ON entitlement_accounts (owner_id);

CREATE TABLE entitlement_reservations (
  account_id TEXT NOT NULL,
  appointment_id TEXT NOT NULL,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, appointment_id)
) WITHOUT ROWID;

CREATE TABLE entitlement_ledger (
  account_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  units INTEGER NOT NULL,
  appointment_id TEXT,
  reason TEXT,
  PRIMARY KEY (account_id, seq)
) WITHOUT ROWID;
-- Append-only, like the audit log.
CREATE TRIGGER entitlement_ledger_no_update BEFORE UPDATE ON entitlement_ledger
BEGIN SELECT RAISE(ABORT, 'entitlement_ledger is append-only'); END;
CREATE TRIGGER entitlement_ledger_no_delete BEFORE DELETE ON entitlement_ledger
BEGIN SELECT RAISE(ABORT, 'entitlement_ledger is append-only'); END;

CREATE TABLE sponsored_visits (
  appointment_id TEXT NOT NULL PRIMARY KEY,
  payer_type TEXT NOT NULL,
  payer_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  account_ids TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  clinic_id TEXT NOT NULL,
  specialty TEXT NOT NULL,
  format TEXT NOT NULL,
  service_name TEXT NOT NULL,
  price_kopecks INTEGER NOT NULL,
  start_at INTEGER NOT NULL,
  forfeit_late_cancellation INTEGER NOT NULL,
  forfeit_no_show INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  settled_at INTEGER
) WITHOUT ROWID;
CREATE INDEX visits_by_tenant ON sponsored_visits (tenant_id, start_at);
CREATE INDEX visits_by_payer ON sponsored_visits (payer_id, start_at);
