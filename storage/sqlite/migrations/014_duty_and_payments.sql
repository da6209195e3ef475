-- Booking: the duty roster for "a doctor now"; self-paid visits' payments.
CREATE TABLE duty_shifts (
  id TEXT NOT NULL PRIMARY KEY,
  clinic_id TEXT NOT NULL,
  doctor_id TEXT NOT NULL,
  specialty TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX duty_shifts_by_specialty_end ON duty_shifts (specialty, ends_at);
CREATE INDEX duty_shifts_by_clinic ON duty_shifts (clinic_id, starts_at);

CREATE TABLE payments (
  id TEXT NOT NULL PRIMARY KEY,
  appointment_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  amount_kopecks INTEGER NOT NULL,
  status TEXT NOT NULL,
  provider_payment_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX payments_by_appointment ON payments (appointment_id);
CREATE INDEX payments_by_status ON payments (status, updated_at);
