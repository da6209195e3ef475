-- Insurers' policy files imported by the enrollment-import trigger (storage/sponsor-schema.ts).
CREATE TABLE policy_imports (
  id TEXT NOT NULL PRIMARY KEY,
  product_id TEXT NOT NULL,
  insurer_id TEXT NOT NULL,
  status TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  created INTEGER NOT NULL,
  renewed INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  error TEXT,
  created_at INTEGER NOT NULL,
  claimed_at INTEGER,
  finished_at INTEGER
) WITHOUT ROWID;
