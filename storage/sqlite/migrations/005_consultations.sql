-- Asynchronous consultation contracts and their messages.
CREATE TABLE consultation_contracts (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  doctor_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  response_hours INTEGER NOT NULL,
  rating INTEGER,
  rating_comment TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX contracts_by_patient ON consultation_contracts (patient_id, starts_at);
CREATE INDEX contracts_by_doctor ON consultation_contracts (doctor_id, starts_at);

CREATE TABLE consultation_messages (
  contract_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  id TEXT NOT NULL,
  author_role TEXT NOT NULL,
  author_id TEXT NOT NULL,
  body TEXT NOT NULL,
  attachments TEXT NOT NULL,
  answer_due_at INTEGER,
  overdue_reported INTEGER NOT NULL,
  PRIMARY KEY (contract_id, sent_at, id)
) WITHOUT ROWID;
CREATE INDEX messages_awaiting_answer ON consultation_messages (answer_due_at);
