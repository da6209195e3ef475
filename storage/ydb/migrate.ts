import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from '@ydbjs/query';
import { Timestamp, Utf8 } from '@ydbjs/value/primitive';
import type { YdbDatabase } from './database';

const migrationsDir = join(import.meta.dirname, 'migrations');

/**
 * Applies every .yql migration not yet recorded in schema_migrations, in file-name order,
 * and returns the files it applied. YDB runs schema statements outside transactions, so a
 * file is recorded only after all its statements succeeded; one that stopped halfway runs
 * again from the top next time (hence IF NOT EXISTS in the files).
 */
export async function migrateYdb(db: YdbDatabase, dir = migrationsDir): Promise<string[]> {
  const sql = query(db.ydbDriver);
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    id Utf8 NOT NULL,
    applied_at Timestamp NOT NULL,
    PRIMARY KEY (id)
  )`;
  const [rows = []] = await sql<[{ id: string }]>`SELECT id FROM schema_migrations`;
  const applied = new Set(rows.map((row) => row.id));
  const pending = readdirSync(dir)
    .filter((file) => file.endsWith('.yql') && !applied.has(file))
    .sort();
  for (const file of pending) {
    for (const statement of statements(readFileSync(join(dir, file), 'utf8'))) await sql(statement);
    await sql`UPSERT INTO schema_migrations (id, applied_at) VALUES (${new Utf8(file)}, ${new Timestamp(new Date())})`;
  }
  return pending;
}

/** A file's statements: comment lines dropped, split where ";" ends a line. */
function statements(text: string): string[] {
  return text
    .replace(/^\s*--.*$/gm, '')
    .split(/;[ \t]*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
