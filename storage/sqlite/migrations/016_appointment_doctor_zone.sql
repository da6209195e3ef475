-- Booking: the doctor's time zone on each appointment, so showing one needs no read of its doctor.
ALTER TABLE appointments ADD COLUMN doctor_time_zone TEXT;
UPDATE appointments SET doctor_time_zone = (SELECT time_zone FROM doctors WHERE doctors.id = appointments.doctor_id);
