-- Issue 21: an emergency request remembers everyone paged for it (any of them may take it); a
-- request carries the requesting clinic's zone and region (video times shown in its zone,
-- monitoring per region) and, once scheduled, the doctors' video session.
ALTER TABLE teleconsult_requests ADD COLUMN on_call_ids TEXT;
ALTER TABLE teleconsult_requests ADD COLUMN requester_time_zone TEXT;
ALTER TABLE teleconsult_requests ADD COLUMN requester_region TEXT;
ALTER TABLE teleconsult_requests ADD COLUMN video_session TEXT;
