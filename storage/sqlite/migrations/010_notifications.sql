-- Notification contacts and preferences, deferred messages, the local capture.
CREATE TABLE notification_contacts (
  user_id TEXT NOT NULL PRIMARY KEY,
  phone TEXT,
  email TEXT,
  telegram_chat_id TEXT,
  language TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  quiet_from TEXT,
  quiet_to TEXT,
  channels TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE deferred_notifications (
  id TEXT NOT NULL PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  template TEXT NOT NULL,
  variables TEXT NOT NULL,
  source_event_id TEXT NOT NULL,
  send_after INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX deferred_by_time ON deferred_notifications (send_after);

CREATE TABLE captured_messages (
  id TEXT NOT NULL PRIMARY KEY,
  channel TEXT NOT NULL,
  address TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  sent_at INTEGER NOT NULL
) WITHOUT ROWID;
