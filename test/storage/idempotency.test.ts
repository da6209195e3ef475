import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../crypto/field-cipher';
import { LocalKeyring } from '../../crypto/local-keyring';
import { SqliteDatabase } from '../../storage/sqlite/database';
import { createStore } from '../../storage/unit-of-work';

describe('Idempotency-Key records', () => {
  it('make a retry wait while the first call runs, and let it take over a call that died', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'idem-'));
    let now = Date.UTC(2026, 11, 1);
    const database = new SqliteDatabase(join(dir, 'db.sqlite'), () => now);
    const store = createStore(database, new FieldCipher(new LocalKeyring(join(dir, 'k.json'))), () => now);
    const claim = () => store.transaction((r) => r.idempotencyKeys.claim('user:POST /v1/x', 'key-1', 'hash'));
    // Act
    const first = await claim();
    now += 10_000;
    const whileRunning = await claim();
    now += 5 * 60_000;
    const afterItDied = await claim();
    const withOtherBody = await store.transaction((r) =>
      r.idempotencyKeys.claim('user:POST /v1/x', 'key-1', 'other'),
    );
    // Assess
    expect([first.outcome, whileRunning.outcome, afterItDied.outcome, withOtherBody.outcome]).toEqual([
      'claimed',
      'in_progress',
      'claimed',
      'mismatch',
    ]);
    await database.close();
  });
});
