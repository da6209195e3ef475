/**
 * `npm run migrate`: applies pending schema migrations to the configured database.
 * YDB: YDB_ENDPOINT and YDB_DATABASE (anonymous, YDB_ACCESS_TOKEN, or metadata when
 * APP_ENV=cloud). SQLite (DB_DRIVER=sqlite) migrates itself on open; this only reports.
 */
import { loadConfig } from '../platform/config';
import { ydbCredentials } from '../platform/services';

async function main() {
  const cfg = loadConfig({ APP_ENV: 'local', KMS_DRIVER: 'keyring', ...process.env });
  if (cfg.DB_DRIVER === 'sqlite') {
    const { SqliteDatabase } = await import('../storage/sqlite/database');
    await new SqliteDatabase(cfg.SQLITE_PATH).close();
    console.log(`SQLite ${cfg.SQLITE_PATH} is migrated`);
    return;
  }
  const { openYdb } = await import('../storage/ydb/database');
  const { migrateYdb } = await import('../storage/ydb/migrate');
  const db = await openYdb({
    endpoint: cfg.YDB_ENDPOINT as string,
    database: cfg.YDB_DATABASE as string,
    credentials: ydbCredentials(cfg),
  });
  try {
    const applied = await migrateYdb(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
