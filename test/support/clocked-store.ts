import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldCipher } from '../../platform/crypto/field-cipher';
import { LocalKeyring } from '../../platform/crypto/local-keyring';
import { createStore } from '../../platform/store';
import { parseRerunSwitch, SqliteDatabase } from '../../storage/sqlite/database';

/**
 * A fresh SQLite database and local keyring in a temporary directory, on the test's own clock;
 * re-running transactions as YDB may when the test run sets SQLITE_RERUN (vitest.config.ts).
 */
export function clockedStore(name: string, clock: () => number) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const database = new SqliteDatabase(join(dir, 'db.sqlite'), clock, {
    rerun: parseRerunSwitch(process.env.SQLITE_RERUN),
  });
  const store = createStore(database, new FieldCipher(new LocalKeyring(join(dir, 'keyring.json'))), clock);
  return { database, store };
}
