-- Device readings: devices and their bindings, readings, uploads, targets and alerts (storage/readings-schema.ts).
CREATE TABLE devices (
  id TEXT NOT NULL PRIMARY KEY,
  model TEXT,
  registered_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE device_bindings (
  device_id TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER,
  patient_id TEXT NOT NULL,
  clinic_id TEXT,
  bound_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, valid_from)
) WITHOUT ROWID;
CREATE INDEX device_bindings_by_patient ON device_bindings (patient_id);

CREATE TABLE readings (
  device_id TEXT NOT NULL,
  type TEXT NOT NULL,
  measured_at INTEGER NOT NULL,
  patient_id TEXT NOT NULL,
  value_milli INTEGER,
  diastolic_milli INTEGER,
  mean_milli INTEGER,
  pulse_milli INTEGER,
  meal_context TEXT,
  original_milli INTEGER,
  original_unit TEXT,
  file_ref TEXT,
  note TEXT,
  source TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, type, measured_at)
) WITHOUT ROWID;
CREATE INDEX readings_by_patient ON readings (patient_id, type, measured_at);

CREATE TABLE reading_uploads (
  id TEXT NOT NULL PRIMARY KEY,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  content_type TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  measured_at INTEGER,
  requested_by TEXT NOT NULL,
  requested_role TEXT NOT NULL,
  status TEXT NOT NULL,
  result TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE reading_targets (
  patient_id TEXT NOT NULL PRIMARY KEY,
  targets TEXT NOT NULL,
  set_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE reading_alerts (
  id TEXT NOT NULL PRIMARY KEY,
  patient_id TEXT NOT NULL,
  clinic_id TEXT,
  type TEXT NOT NULL,
  rule TEXT NOT NULL,
  direction TEXT NOT NULL,
  measured_at INTEGER NOT NULL,
  raised_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER
) WITHOUT ROWID;
CREATE INDEX reading_alerts_by_patient ON reading_alerts (patient_id, raised_at);

CREATE TABLE reading_alert_states (
  patient_id TEXT NOT NULL,
  type TEXT NOT NULL,
  rule TEXT NOT NULL,
  active INTEGER NOT NULL,
  last_raised_at INTEGER,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (patient_id, type, rule)
) WITHOUT ROWID;
