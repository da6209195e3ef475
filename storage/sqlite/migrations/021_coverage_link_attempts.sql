-- Failed attempts to link coverage (a policy by number and birth date, an enrolment by code),
-- by caller and by policy: after a few misses the key is locked for a while (issue 19).
CREATE TABLE coverage_link_attempts (
  attempt_key TEXT NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER
) WITHOUT ROWID;
