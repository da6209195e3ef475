/**
 * `npm run bench:ingest`: readings end to end — HTTP batch of 1,000 → the local API gateway
 * (JWT, request validation, payload 1.0 event) → readings-ingest (per-item validation, device
 * bindings, one transaction per batch, one outbox event per batch for the alert consumer) —
 * against plain node:sqlite inserts of the same rows in the same run. As in Yandex Cloud, the
 * gateway is not the function: the function runs alone in its own process
 * (bench/ingest-function.ts), whose peak RSS is reported; gateway and clients run here.
 * Targets: ≥ 10,000 readings/s, ≥ 40 % of the raw rate, ≤ 128 MB. The last line is the JSON summary.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { DevIdentity } from '../local/dev-identity';
import { createGateway } from '../local/gateway';
import { loadOperations } from '../local/openapi-routes';
import { migrate } from '../storage/sqlite/migrations';
import { bundleFunction } from './bundle-function';
import { deployedFunction, nodeOptionsOf } from './deployed-function';

const root = resolve(import.meta.dirname, '..');
const batchSize = 1_000;
const batches = 120;
const warmUpBatches = 10;
const clients = 2;
const devices = 50;
const types = ['blood_pressure', 'glucose', 'spo2', 'heart_rate'] as const;

/** One batch: 1,000 distinct readings spread over the devices, minutes apart, within the last day. */
function makeBatch(n: number) {
  const base = Date.now() - 20 * 3_600_000;
  return {
    items: Array.from({ length: batchSize }, (_, i) => {
      const seq = n * batchSize + i;
      const type = types[seq % types.length] as (typeof types)[number];
      const measuredAt = new Date(base + Math.floor(seq / (devices * types.length)) * 1_000).toISOString();
      const deviceId = `bench-${Math.floor(seq / types.length) % devices}`;
      if (type === 'blood_pressure')
        return {
          deviceId,
          type,
          measuredAt,
          systolic: 110 + (seq % 40),
          diastolic: 70 + (seq % 15),
          pulse: 65,
        };
      const value = type === 'glucose' ? 90 + (seq % 60) : type === 'spo2' ? 95 + (seq % 5) : 60 + (seq % 30);
      return { deviceId, type, measuredAt, value, ...(type === 'glucose' ? { unit: 'mg/dL' } : {}) };
    }),
  };
}

async function startFunction(dataDir: string) {
  const entry = await bundleFunction('bench/ingest-function.ts', join(dataDir, 'server'));
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
    : [];
  const child = spawn(process.execPath, [...profile, entry], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      NODE_OPTIONS: nodeOptionsOf(deployedFunction('readings-ingest')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/function (http:\/\/\S+)/)?.[1];
      if (found) ok(found);
    });
    child.on('exit', () => fail(new Error(`ingest function exited:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
      const memory = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { peakRssMb: number };
      console.log(`  ingest function process memory at the end: ${JSON.stringify(memory)}`);
      return memory.peakRssMb;
    },
  };
}

/** The rows readings-ingest stores for a batch, inserted with one prepared statement, 1,000 per transaction. */
function rawInserts(dataDir: string, all: ReturnType<typeof makeBatch>[]): number {
  const db = new DatabaseSync(join(dataDir, 'raw.sqlite'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  migrate(db);
  const columns = [
    'device_id',
    'type',
    'measured_at',
    'patient_id',
    'value_milli',
    'diastolic_milli',
    'pulse_milli',
    'original_milli',
    'original_unit',
    'source',
    'received_at',
  ];
  const insert = db.prepare(
    `INSERT INTO readings (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const rows = all.map((batch) =>
    batch.items.map((item): SQLInputValue[] => {
      const i = item as {
        deviceId: string;
        type: string;
        measuredAt: string;
        value?: number;
        systolic?: number;
        diastolic?: number;
        pulse?: number;
        unit?: string;
      };
      const value =
        i.type === 'blood_pressure' ? i.systolic : i.unit ? (i.value as number) / 18.016 : i.value;
      return [
        i.deviceId,
        i.type,
        Date.parse(i.measuredAt),
        `patient-${i.deviceId}`,
        Math.round((value as number) * 1000),
        i.diastolic ? i.diastolic * 1000 : null,
        i.pulse ? i.pulse * 1000 : null,
        i.unit ? (i.value as number) * 1000 : null,
        i.unit ?? null,
        'api',
        Date.now(),
      ];
    }),
  );
  const started = performance.now();
  for (const batch of rows) {
    db.exec('BEGIN IMMEDIATE');
    for (const row of batch) insert.run(...row);
    db.exec('COMMIT');
  }
  const ms = performance.now() - started;
  db.close();
  return Math.round((all.length * batchSize * 1000) / ms);
}

/** POSTs a body over a keep-alive agent and reads the whole answer. */
function post(url: string, agent: Agent, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** The local API gateway for the function's operations, calling the function's process. */
async function startGateway(dataDir: string, functionUrl: string) {
  const identity = await DevIdentity.load(join(dataDir, 'dev-identity.json'));
  const toFunction = new Agent({ keepAlive: true, maxSockets: clients });
  const operations = loadOperations(join(root, 'contracts', 'openapi.yaml')).filter(
    (operation) => operation.functionName === 'readings-ingest',
  );
  const gateway = createGateway(operations, identity, async (_name, event) => {
    const answer = await post(`${functionUrl}/invoke`, toFunction, JSON.stringify(event));
    return JSON.parse(answer.body);
  });
  await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
    token: await identity.issue({ role: 'service', subject: 'bench-gateway' }),
    stop: () => {
      toFunction.destroy();
      gateway.close();
    },
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const fn = await startFunction(dataDir);
  const gateway = await startGateway(dataDir, fn.url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const call = (path: string, body: string) =>
    post(`${gateway.url}${path}`, agent, body, { Authorization: `Bearer ${gateway.token}` });
  try {
    for (let d = 0; d < devices; d++) {
      const bound = await call(
        '/v1/devices',
        JSON.stringify({
          deviceId: `bench-${d}`,
          patientId: `patient-bench-${d}`,
          validFrom: '2026-01-01T00:00:00Z',
        }),
      );
      if (bound.status !== 201) throw new Error(`binding failed: ${bound.body}`);
    }
    const all = Array.from({ length: warmUpBatches + batches }, (_, n) => makeBatch(n));
    const bodies = all.map((batch) => JSON.stringify(batch));
    let accepted = 0;
    const send = async (body: string) => {
      const response = await call('/v1/readings', body);
      if (response.status !== 200)
        throw new Error(`batch failed: ${response.status} ${response.body.slice(0, 300)}`);
      accepted += (JSON.parse(response.body) as { accepted: number }).accepted;
    };
    for (const body of bodies.slice(0, warmUpBatches)) await send(body);
    console.log(
      `${batches} batches of ${batchSize} readings by ${clients} concurrent clients, after ${warmUpBatches} to warm up`,
    );
    accepted = 0;
    const measured = bodies.slice(warmUpBatches);
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < measured.length; i = next++) await send(measured[i] as string);
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const readingsPerSecond = Math.round((batches * batchSize) / seconds);
    gateway.stop();
    const peakRssMb = await fn.stop();
    // Count from the database itself: every reading stored, one outbox event per batch.
    const db = new DatabaseSync(join(dataDir, 'telemed.sqlite'));
    const stored = Number(db.prepare('SELECT count(*) AS n FROM readings').get()?.n);
    const events = Number(
      db.prepare("SELECT count(*) AS n FROM outbox WHERE event_type = 'readings.recorded.v1'").get()?.n,
    );
    db.close();
    const rawPerSecond = rawInserts(dataDir, all.slice(warmUpBatches));
    const ratio = readingsPerSecond / rawPerSecond;
    console.log(
      `  ingest ${readingsPerSecond} readings/s (${accepted} accepted), raw node:sqlite ${rawPerSecond} rows/s, ratio ${ratio.toFixed(2)}`,
    );
    console.log(
      `  stored ${stored} readings, ${events} readings.recorded.v1 events in the outbox, ingest process peak RSS ${peakRssMb} MB`,
    );
    const ok =
      accepted === batches * batchSize &&
      stored === (warmUpBatches + batches) * batchSize &&
      events === warmUpBatches + batches &&
      readingsPerSecond >= 10_000 &&
      ratio >= 0.4 &&
      peakRssMb <= 128;
    console.log(
      JSON.stringify({
        bench: 'ingest',
        readings_per_s: readingsPerSecond,
        raw_inserts_per_s: rawPerSecond,
        peak_rss_mb: peakRssMb,
        ratio: Number(ratio.toFixed(2)),
        batch: batchSize,
        clients,
        ok,
      }),
    );
  } finally {
    agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
