import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../../storage/sqlite/database';
import { databaseContract } from './database-contract';

databaseContract('sqlite', async () => {
  let now = Date.now();
  const database = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'contract-')), 'db.sqlite'), () => now);
  return { database, setNow: (ms) => (now = ms) };
});
