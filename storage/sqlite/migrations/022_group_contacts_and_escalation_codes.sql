-- Issue 19: a clinic's on-call and admin contacts leave notification_contacts, where personal
-- settings are keyed by a token's subject and a subject spelled `duty:<clinic>` read and
-- overwrote them. They move, row for row, to a table of their own.
CREATE TABLE group_contacts (
  tenant_id TEXT NOT NULL,
  contact_group TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  telegram_chat_id TEXT,
  channels TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, contact_group)
) WITHOUT ROWID;
INSERT INTO group_contacts (tenant_id, contact_group, phone, email, telegram_chat_id, channels, updated_at)
  SELECT substr(user_id, 6), 'duty', phone, email, telegram_chat_id, channels, updated_at
  FROM notification_contacts WHERE substr(user_id, 1, 5) = 'duty:' AND length(user_id) > 5;
INSERT INTO group_contacts (tenant_id, contact_group, phone, email, telegram_chat_id, channels, updated_at)
  SELECT substr(user_id, 14), 'clinic_admin', phone, email, telegram_chat_id, channels, updated_at
  FROM notification_contacts WHERE substr(user_id, 1, 13) = 'clinic_admin:' AND length(user_id) > 13;
DELETE FROM notification_contacts
  WHERE substr(user_id, 1, 5) = 'duty:' OR substr(user_id, 1, 13) = 'clinic_admin:';

-- Issue 17: the code an on-call message carries (the id's first 8 characters) is looked up (023
-- fills it and indexes it); the duty clinic brought in when a level has nobody to tell is
-- remembered, so its clinicians may act; the last level repeats until acknowledged, so steps are
-- numbered, not keyed by level (a new table, every recorded step copied; 023 drops the old one).
ALTER TABLE escalations ADD COLUMN code TEXT;
ALTER TABLE escalations ADD COLUMN duty_tenant_id TEXT;

CREATE TABLE escalation_step_log (
  escalation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  level INTEGER NOT NULL,
  recipient_id TEXT NOT NULL,
  status TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (escalation_id, seq)
) WITHOUT ROWID;
INSERT INTO escalation_step_log (escalation_id, seq, level, recipient_id, status, at)
  SELECT escalation_id, level, level, recipient_id, status, at FROM escalation_steps;
