-- A clinic's erasure queue reads its own requests, not the oldest of every clinic's.
CREATE INDEX data_requests_by_clinic ON data_requests (clinic_id, kind, status, requested_at);
