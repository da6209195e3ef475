import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../storage/sqlite/database';

const outboxRow = (id: string) => ({
  id,
  created_at: Date.now(),
  seq: 0,
  queue: 'group-commit',
  event_id: crypto.randomUUID(),
  event_type: 'group.commit.v1',
  body: '{}',
  sent_at: null,
  expires_at: null,
});

describe('SQLite group commit', () => {
  it('commits transactions that arrive together in one go, each still all or nothing', async () => {
    // Prepare: another connection to the same file, as another process would read it.
    const path = join(mkdtempSync(join(tmpdir(), 'group-commit-')), 'db.sqlite');
    const database = new SqliteDatabase(path);
    const reader = new DatabaseSync(path, { readOnly: true });
    const visible = (id: string) =>
      reader.prepare('SELECT count(*) AS n FROM outbox WHERE id = ?').get(id)?.n === 1;
    const ids = Array.from({ length: 30 }, () => crypto.randomUUID());
    // Act: thirty transactions at once; the eleventh fails after writing its row.
    const seenOnResolve: boolean[] = [];
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        database
          .transaction(async (t) => {
            await t.insert('outbox', outboxRow(id));
            if (i === 10) throw new Error('rule broken after the write');
          })
          .then(() => seenOnResolve.push(visible(id))),
      ),
    );
    // Assess: each success was committed before it resolved; the failure left nothing behind.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(29);
    expect(results[10]).toMatchObject({
      status: 'rejected',
      reason: { message: 'rule broken after the write' },
    });
    expect(seenOnResolve).toEqual(Array(29).fill(true));
    expect(ids.filter(visible)).toEqual(ids.filter((_, i) => i !== 10));
    reader.close();
    await database.close();
  });
});
