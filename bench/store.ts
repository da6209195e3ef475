/**
 * `npm run bench:store`: inserts and point reads through the storage adapter against plain
 * node:sqlite on the same rows, same schema and same batching (1,000 per transaction).
 * Target: the adapter keeps ≥ 50 % of raw throughput. The last line is the JSON summary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteDatabase } from '../storage/sqlite/database';
import { migrate } from '../storage/sqlite/migrations';

const rowsTotal = 20_000;
const batch = 1_000;
const rounds = 3;

const rows = Array.from({ length: rowsTotal }, (_, i) => ({
  tenant_id: `clinic-${i % 50}`,
  id: crypto.randomUUID(),
  at: Date.UTC(2026, 0, 1) + i,
  actor: `user-${i % 500}`,
  actor_role: 'doctor',
  action: 'read',
  resource_type: 'patient',
  resource_id: crypto.randomUUID(),
  route: 'GET /v1/patients/{patientId}',
  request_id: crypto.randomUUID(),
}));
const columns = Object.keys(rows[0] as object);

function perSecond(count: number, ms: number) {
  return Math.round((count / ms) * 1000);
}

async function adapterRun(dir: string) {
  const db = new SqliteDatabase(join(dir, 'adapter.sqlite'));
  let started = performance.now();
  for (let i = 0; i < rowsTotal; i += batch) {
    await db.transaction(async (t) => {
      for (const row of rows.slice(i, i + batch)) await t.insert('audit_log', row);
    });
  }
  const insertMs = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < rowsTotal; i += batch) {
    await db.transaction(async (t) => {
      for (const row of rows.slice(i, i + batch)) {
        if (!(await t.get('audit_log', { tenant_id: row.tenant_id, id: row.id })))
          throw new Error('row missing');
      }
    });
  }
  const readMs = performance.now() - started;
  await db.close();
  return { inserts: perSecond(rowsTotal, insertMs), reads: perSecond(rowsTotal, readMs) };
}

function rawRun(dir: string) {
  const db = new DatabaseSync(join(dir, 'raw.sqlite'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  migrate(db);
  const insert = db.prepare(
    `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const select = db.prepare('SELECT * FROM audit_log WHERE tenant_id = ? AND id = ?');
  let started = performance.now();
  for (let i = 0; i < rowsTotal; i += batch) {
    db.exec('BEGIN IMMEDIATE');
    for (const row of rows.slice(i, i + batch)) insert.run(...(Object.values(row) as (string | number)[]));
    db.exec('COMMIT');
  }
  const insertMs = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < rowsTotal; i += batch) {
    db.exec('BEGIN');
    for (const row of rows.slice(i, i + batch))
      if (!select.get(row.tenant_id, row.id)) throw new Error('row missing');
    db.exec('COMMIT');
  }
  const readMs = performance.now() - started;
  db.close();
  return { inserts: perSecond(rowsTotal, insertMs), reads: perSecond(rowsTotal, readMs) };
}

async function main() {
  const best = { adapterInserts: 0, adapterReads: 0, rawInserts: 0, rawReads: 0 };
  for (let round = 1; round <= rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    const raw = rawRun(dir);
    const adapter = await adapterRun(dir);
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `round ${round}: raw ${raw.inserts} ins/s ${raw.reads} reads/s; adapter ${adapter.inserts} ins/s ${adapter.reads} reads/s`,
    );
    best.rawInserts = Math.max(best.rawInserts, raw.inserts);
    best.rawReads = Math.max(best.rawReads, raw.reads);
    best.adapterInserts = Math.max(best.adapterInserts, adapter.inserts);
    best.adapterReads = Math.max(best.adapterReads, adapter.reads);
  }
  const insertRatio = best.adapterInserts / best.rawInserts;
  const readRatio = best.adapterReads / best.rawReads;
  console.log(
    JSON.stringify({
      bench: 'store',
      adapter_inserts_per_s: best.adapterInserts,
      raw_inserts_per_s: best.rawInserts,
      adapter_reads_per_s: best.adapterReads,
      raw_reads_per_s: best.rawReads,
      insert_ratio: Number(insertRatio.toFixed(2)),
      read_ratio: Number(readRatio.toFixed(2)),
      rows: rowsTotal,
      rows_per_transaction: batch,
      ok: insertRatio >= 0.5 && readRatio >= 0.5,
    }),
  );
}

void main();
