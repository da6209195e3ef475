-- Rehabilitation courses a sponsor covers (modules/rehabilitation/tables.ts): under the insurer or
-- employer, so its report reads one key range; the plan holds everything else.
CREATE TABLE rehab_course_sponsors (
  sponsor_tenant TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  sponsor_type TEXT NOT NULL,
  sponsor_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (sponsor_tenant, plan_id)
) WITHOUT ROWID;
