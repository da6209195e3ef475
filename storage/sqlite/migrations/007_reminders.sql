-- Appointment reminders, and the index the reminders timer reads booked appointments by.
CREATE INDEX appointments_by_status_start ON appointments (status, start_at);

CREATE TABLE appointment_reminders (
  appointment_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (appointment_id, kind, start_at)
) WITHOUT ROWID;
