import { describe, it } from 'vitest';
import { databaseContract } from './database-contract';

const endpoint = process.env.YDB_ENDPOINT;
const database = process.env.YDB_DATABASE;

if (endpoint && database) {
  databaseContract('ydb', async () => {
    const { openYdb } = await import('../../storage/ydb/database');
    const { migrateYdb } = await import('../../storage/ydb/migrate');
    let now = Date.now();
    const db = await openYdb({
      endpoint,
      database,
      credentials: process.env.YDB_ACCESS_TOKEN ? { token: process.env.YDB_ACCESS_TOKEN } : 'anonymous',
      now: () => now,
    });
    await migrateYdb(db);
    return { database: db, setNow: (ms) => (now = ms) };
  });
} else {
  describe('database contract: ydb', () => {
    // biome-ignore lint/suspicious/noSkippedTests: the YDB half needs a reachable YDB; every other test runs everywhere.
    it.skip('runs when YDB_ENDPOINT and YDB_DATABASE are set (see README "Local YDB")', () => {});
  });
}
