-- Telegram chatbot (storage/chatbot-schema.ts): update dedupe, patients who consented, the
-- consent log, conversation state and the outbox of Bot API calls.
CREATE TABLE chatbot_updates (
  update_id INTEGER NOT NULL PRIMARY KEY,
  outcome TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE chatbot_patients (
  telegram_user_id TEXT NOT NULL PRIMARY KEY,
  patient_id TEXT NOT NULL,
  language TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  phone TEXT,
  payer TEXT,
  consent_version TEXT NOT NULL,
  consented_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX chatbot_patients_by_patient ON chatbot_patients (patient_id);

CREATE TABLE chatbot_consents (
  telegram_user_id TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  PRIMARY KEY (telegram_user_id, version)
) WITHOUT ROWID;

CREATE TABLE chatbot_conversations (
  chat_id TEXT NOT NULL PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE chatbot_outbox (
  update_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  chat_id TEXT,
  method TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  transport TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (update_id, seq)
) WITHOUT ROWID;
CREATE INDEX chatbot_outbox_by_chat ON chatbot_outbox (chat_id, update_id, seq);
