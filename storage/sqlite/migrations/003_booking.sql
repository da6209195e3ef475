-- Booking: doctors, appointments, the slot cells that make double booking impossible, in-person visits.
CREATE TABLE doctors (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  full_name TEXT NOT NULL,
  specialty TEXT NOT NULL,
  languages TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  services TEXT NOT NULL,
  schedule TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX doctors_by_clinic ON doctors (clinic_id);
CREATE INDEX doctors_by_specialty ON doctors (specialty);

CREATE TABLE appointments (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  doctor_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  patient_time_zone TEXT NOT NULL,
  service_id TEXT NOT NULL,
  format TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  block_start INTEGER NOT NULL,
  block_end INTEGER NOT NULL,
  status TEXT NOT NULL,
  hold_expires_at INTEGER,
  consultation_type TEXT NOT NULL,
  late_cancellation INTEGER NOT NULL,
  video_link TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX appointments_by_doctor ON appointments (doctor_id, start_at);
CREATE INDEX appointments_by_patient ON appointments (patient_id, start_at);
CREATE INDEX appointments_by_clinic ON appointments (clinic_id, start_at);

CREATE TABLE slot_cells (
  doctor_id TEXT NOT NULL,
  cell_start INTEGER NOT NULL,
  appointment_id TEXT NOT NULL,
  expires_at INTEGER,
  PRIMARY KEY (doctor_id, cell_start)
) WITHOUT ROWID;

CREATE TABLE in_person_visits (
  clinic_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  id TEXT NOT NULL,
  visited_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, id)
) WITHOUT ROWID;
