-- Doctors' reviews of triage decisions.
CREATE TABLE triage_reviews (
  triage_id TEXT NOT NULL PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  rule_set_version TEXT NOT NULL,
  system_disposition TEXT NOT NULL,
  final_disposition TEXT NOT NULL,
  final_specialty TEXT,
  note TEXT,
  reviewed_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX reviews_by_tenant ON triage_reviews (tenant_id, reviewed_at);
