-- Booking: who pays for an appointment, its price when held, and whether it is urgent.
ALTER TABLE appointments ADD COLUMN payer_type TEXT;
ALTER TABLE appointments ADD COLUMN price_kopecks INTEGER;
ALTER TABLE appointments ADD COLUMN urgent INTEGER;
