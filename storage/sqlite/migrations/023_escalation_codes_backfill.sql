-- Escalations opened before 022 get their code (the id's first 8 characters, as their messages
-- carried it), looked up through its index; the steps 022 copied leave their old table.
-- In step with the YDB migration of the same number; IF (NOT) EXISTS for a local database that
-- ran 022 as it first stood (with these statements in it).
UPDATE escalations SET code = substr(id, 1, 8) WHERE code IS NULL;
CREATE INDEX IF NOT EXISTS escalations_by_code ON escalations (code);
DROP TABLE IF EXISTS escalation_steps;
