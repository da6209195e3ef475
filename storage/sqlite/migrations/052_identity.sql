-- Identity assurance (modules/identity/tables.ts): what a state identity provider verified of a
-- patient or a doctor, written once; each doctor's latest look-up in the federal register of
-- medical workers. No SNILS or other personal identifier is stored.
CREATE TABLE identity_verifications (
  party_kind TEXT NOT NULL,
  party_id TEXT NOT NULL,
  issuer TEXT NOT NULL,
  trust_framework TEXT NOT NULL,
  assurance_level TEXT,
  verified_at INTEGER NOT NULL,
  txn TEXT,
  claims TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (party_kind, party_id)
) WITHOUT ROWID;

CREATE TABLE register_checks (
  doctor_id TEXT NOT NULL PRIMARY KEY,
  register TEXT NOT NULL,
  found INTEGER NOT NULL,
  entry_id TEXT,
  checked_at INTEGER NOT NULL
) WITHOUT ROWID;
