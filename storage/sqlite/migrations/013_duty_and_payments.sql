-- Booking: who pays and whether a visit is urgent; the duty roster for "a doctor now"; self-paid payments.
ALTER TABLE appointments ADD COLUMN payer_type TEXT;
ALTER TABLE appointments ADD COLUMN price_kopecks INTEGER;
ALTER TABLE appointments ADD COLUMN urgent INTEGER;

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
