/**
 * `npm run bench:rehab`: sessions at home end to end — for each, the checks at rest (start), the
 * readings taken during it (heart rate, blood pressure, SpO2, judged against the thresholds) and
 * the log of what was done (completion, with its outbox event) — each an HTTP call through the
 * local API gateway (JWT, request validation) to the rehabilitation function on the embedded
 * default (SQLite, keyring). As in Yandex Cloud, the function runs alone in its own process
 * (bench/rehab-function.ts), whose peak RSS is reported against the memory serverless.yml gives
 * it. Target: ≥ 10,000 session logs with readings a minute, within that memory.
 * The last line is the JSON summary.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DevIdentity } from '../local/dev-identity';
import { createGateway } from '../local/gateway';
import { loadOperations } from '../local/openapi-routes';
import { bundleFunction } from './bundle-function';
import { deployedFunction, nodeOptionsOf } from './deployed-function';

const root = resolve(import.meta.dirname, '..');
const patients = 200;
const warmUpSessions = 300;
const sessions = Number(process.env.BENCH_SESSIONS ?? 6_000);
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const clinicId = 'bench-clinic';

/** Bundled as `npm run build` bundles it, so its memory is the function's, not the TypeScript loader's. */
async function startFunction(dataDir: string, nodeOptions: string) {
  const entry = await bundleFunction('bench/rehab-function.ts', join(dataDir, 'server'));
  // BENCH_PROFILE=<dir>: a CPU profile of the function's process, for finding where a call's time goes.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
    : [];
  const child = spawn(process.execPath, [...profile, entry], {
    env: { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/function (http:\/\/\S+)/)?.[1];
      if (found) ok(found);
    });
    child.on('exit', () => fail(new Error(`rehabilitation function exited:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
      const memory = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { peakRssMb: number };
      console.log(`  rehabilitation function process memory at the end: ${JSON.stringify(memory)}`);
      return memory.peakRssMb;
    },
  };
}

function call(url: string, agent: Agent, method: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(url, { method, agent, headers: { 'Content-Type': 'application/json', ...headers } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

async function startGateway(dataDir: string, functionUrl: string) {
  const identity = await DevIdentity.load(join(dataDir, 'dev-identity.json'));
  const toFunction = new Agent({ keepAlive: true, maxSockets: clients });
  const operations = loadOperations(join(root, 'contracts', 'openapi.yaml')).filter(
    (operation) => operation.functionName === 'rehabilitation',
  );
  const gateway = createGateway(operations, identity, async (_name, event) => {
    const answer = await call(`${functionUrl}/invoke`, toFunction, 'POST', JSON.stringify(event), {});
    return JSON.parse(answer.body);
  });
  await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
    identity,
    stop: () => {
      toFunction.destroy();
      gateway.close();
    },
  };
}

/** The responsible clinician, written as the booking function would have: plans name a doctor of the clinic. */
async function seedDoctor(dataDir: string): Promise<string> {
  Object.assign(process.env, {
    APP_ENV: 'local',
    LOG_LEVEL: 'silent',
    DB_DRIVER: 'sqlite',
    SQLITE_PATH: join(dataDir, 'telemed.sqlite'),
    KMS_DRIVER: 'keyring',
    KEYRING_PATH: join(dataDir, 'keyring.json'),
  });
  await import('../modules/booking');
  const { getServices } = await import('../platform/services');
  const { store } = await getServices();
  const id = crypto.randomUUID();
  const now = Date.now();
  await store.transaction((r) =>
    r.doctors.create({
      id,
      clinicId,
      fullName: 'Bench Doctor',
      specialty: 'therapist',
      languages: ['ru'],
      timeZone: 'Europe/Moscow',
      services: [],
      schedule: {
        weekly: {},
        overrides: {},
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        horizonDays: 30,
        minNoticeMinutes: 0,
        cancellationNoticeMinutes: 0,
      },
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}

const preCheck = (n: number) => ({
  preCheck: {
    systolic: 120 + (n % 30),
    diastolic: 75 + (n % 10),
    heartRate: 70 + (n % 15),
    spo2: 97,
    symptoms: [],
  },
});
const readings = (n: number) => ({
  readings: [
    { heartRate: 95 + (n % 10), symptoms: [] },
    { systolic: 150 + (n % 20), diastolic: 85, heartRate: 102, symptoms: [] },
    { spo2: 95 + (n % 4), heartRate: 100, symptoms: [] },
  ],
});
const completion = {
  exercises: [{ exerciseId: 'quad_sets', sets: 3, reps: 10 }],
  rpe: 12,
  pain: 2,
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-rehab-'));
  const spec = deployedFunction('rehabilitation');
  const { memoryMb } = spec;
  const nodeOptions = nodeOptionsOf(spec);
  const doctorId = await seedDoctor(dataDir);
  const fn = await startFunction(dataDir, nodeOptions);
  const gateway = await startGateway(dataDir, fn.url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const send = async (token: string, method: string, path: string, body: unknown, expected: number) => {
    const answer = await call(`${gateway.url}${path}`, agent, method, JSON.stringify(body), {
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': crypto.randomUUID(),
    });
    if (answer.status !== expected) throw new Error(`${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
    return JSON.parse(answer.body) as { status?: string };
  };
  try {
    const admin = await gateway.identity.issue({
      role: 'clinic_admin',
      tenant: clinicId,
      subject: 'bench-admin',
    });
    const people = await Promise.all(
      Array.from({ length: patients }, async () => {
        const id = crypto.randomUUID();
        return { id, token: await gateway.identity.issue({ role: 'patient', subject: id }) };
      }),
    );
    for (const person of people)
      await send(
        admin,
        'POST',
        `/v1/patients/${person.id}/rehabilitation/plan`,
        {
          templateId: 'knee_replacement_12w',
          doctorId,
          startsOn: new Date().toISOString().slice(0, 10),
          sessionsPerWeek: 5,
          intensity: { age: 66 },
        },
        201,
      );
    /** One session log with readings: the checks at rest, three readings under way, the log. */
    const session = async (n: number) => {
      const person = people[n % patients] as (typeof people)[number];
      const base = `/v1/patients/${person.id}/rehabilitation/sessions`;
      const started = await send(person.token, 'POST', base, preCheck(n), 201);
      if (started.status !== 'in_progress') throw new Error(`session ${n} did not start: ${started.status}`);
      await send(person.token, 'POST', `${base}/current/readings`, readings(n), 200);
      const done = await send(person.token, 'POST', `${base}/current/completion`, completion, 200);
      if (done.status !== 'completed') throw new Error(`session ${n} not completed: ${done.status}`);
    };
    // A client per patient group, so no two clients hold one patient's session at once.
    const run = async (from: number, count: number) => {
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let n = from + c; n < from + count; n += clients) await session(n);
        }),
      );
    };
    await run(0, warmUpSessions);
    console.log(
      `${sessions} session logs (start with checks at rest, 3 readings, completion) by ${clients} clients over ${patients} plans, after ${warmUpSessions} to warm up`,
    );
    const began = performance.now();
    await run(warmUpSessions, sessions);
    const minutes = (performance.now() - began) / 60_000;
    const perMinute = Math.round(sessions / minutes);
    gateway.stop();
    const peakRssMb = await fn.stop();
    const db = new DatabaseSync(join(dataDir, 'telemed.sqlite'));
    const completed = Number(
      db.prepare("SELECT count(*) AS n FROM rehab_sessions WHERE status = 'completed'").get()?.n,
    );
    const events = Number(
      db.prepare("SELECT count(*) AS n FROM outbox WHERE event_type = 'rehab.session_completed.v1'").get()?.n,
    );
    db.close();
    console.log(
      `  ${perMinute} session logs/min (${(perMinute / 60).toFixed(0)}/s, ${((perMinute * 3) / 60).toFixed(0)} calls/s); stored ${completed} completed sessions, ${events} session_completed events; peak RSS ${peakRssMb} of ${memoryMb} MB`,
    );
    const ok =
      completed === warmUpSessions + sessions &&
      events === completed &&
      perMinute >= 10_000 &&
      peakRssMb <= memoryMb;
    console.log(`  ${ok ? 'ok' : 'NOT MET'}: target ≥ 10,000 a minute within ${memoryMb} MB`);
    console.log(
      JSON.stringify({ session_logs_per_min: perMinute, peak_rss_mb: peakRssMb, memory_limit_mb: memoryMb }),
    );
  } finally {
    agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
