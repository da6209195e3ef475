/**
 * `npm run bench:coldstart`: builds every function, then loads each dist/<name>/index.js (from a
 * copy, so a concurrent build cannot pull it away) in fresh Node processes (the Node that runs
 * this script: 22.15 under `npm run`, as in the nodejs22 runtime) and measures
 * - module init (`require` alone): the part of a cold start our code controls;
 * - init plus the first call (bench/coldstart-calls.ts): a real call on the embedded defaults
 *   (SQLite file, local keyring, fauxqs for SQS, S3 and SNS, run here in this process), with
 *   whatever that call loads lazily: the database adapter, the S3 and SQS clients, lazy chunks.
 * Progress goes to stdout; the last line is one JSON object for machines. Exits 0 even when a
 * target is missed (it is a benchmark); `ok` says whether every function met its targets and
 * its first call succeeded. A function that fails to build, to load, has no first call defined
 * or whose first call fails is listed in `failed` (why, in `failure_reasons`) and makes the
 * exit code 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  createBuckets,
  createQueues,
  type ProtocolServers,
  startProtocolServers,
} from '../local/protocol-servers';
import { BuildError, type BuiltFunction, buildAll, bundleBytesMax } from '../scripts/build';
import {
  type CallEnv,
  chatbotWebhookSecret,
  configBuckets,
  describeOutcome,
  eventQueues,
  type FirstCall,
  firstCalls,
  type Outcome,
  type Seeded,
  seed,
  unseeded,
} from './coldstart-calls';

const root = path.resolve(import.meta.dirname, '..');
/** COLDSTART_RUNS and COLDSTART_ONLY (function names, comma-separated) are for working on the bench itself. */
const runs = Number(process.env.COLDSTART_RUNS ?? 20);
const only = process.env.COLDSTART_ONLY?.split(',').filter(Boolean);
const initMsMax = 150;
const marker = '__COLDSTART__';

interface Targets {
  init_ms_max: number;
  bundle_bytes_max: number;
}
/** health answers every probe and uptime check: the smallest and quickest of all. */
const healthTargets: Targets = { init_ms_max: 40, bundle_bytes_max: 300 * 1024 };
/** A function behind API Gateway (an `http` event in serverless.yml): a person waits for it. */
const httpTargets: Targets = { init_ms_max: 100, bundle_bytes_max: 800 * 1024 };
/** Triggers, timers and queue consumers. */
const otherTargets: Targets = { init_ms_max: initMsMax, bundle_bytes_max: bundleBytesMax };

/**
 * Runs in the child: time `require` of the bundle alone, then report RSS. Loading validates the
 * configuration (platform/runtime.ts does it as the handler is wrapped), so the child gets an
 * environment that passes it with local drivers only: nothing touches the network.
 */
const childSource = `
const target = process.argv[1];
const t0 = performance.now();
const mod = require(target);
const t1 = performance.now();
let hwmKb = null;
try {
  hwmKb = Number(/VmHWM:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]);
} catch {}
const out = {
  initMs: t1 - t0,
  hasHandler: typeof (mod && mod.handler) === 'function',
  rss: process.memoryUsage().rss,
  maxRssKb: process.resourceUsage().maxRSS,
  hwmKb,
};
process.stdout.write('\\n${marker}' + JSON.stringify(out) + '\\n');
`;

/**
 * Runs in the child: require the bundle, call its handler once with the event (read before the
 * clock starts) and a context as Yandex passes it (local/function-context.ts), await the call.
 * Reports init, init plus the call, and what the call came back with. Exits at once: the
 * database file and keep-alive sockets would otherwise hold the process open.
 */
const callChildSource = `
const fs = require('node:fs');
const [target, eventFile, functionName, timeoutSeconds, memoryMb] = process.argv.slice(1);
const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
const report = (out) => {
  let hwmKb = null;
  try {
    hwmKb = Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {}
  process.stdout.write('\\n${marker}' + JSON.stringify({ ...out, hwmKb }) + '\\n');
  process.exit(0);
};
const t0 = performance.now();
const mod = require(target);
const t1 = performance.now();
const deadline = Date.now() + Number(timeoutSeconds) * 1000;
const context = {
  requestId: crypto.randomUUID(),
  functionName,
  functionVersion: 'coldstart',
  memoryLimitInMB: memoryMb,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
};
Promise.resolve()
  .then(() => mod.handler(event, context))
  .then(
    (result) => {
      const t2 = performance.now();
      let outcome;
      if (result && typeof result === 'object' && typeof result.statusCode === 'number') {
        let body;
        try {
          body = result.body ? JSON.parse(result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString() : result.body) : undefined;
        } catch {
          body = String(result.body).slice(0, 200);
        }
        outcome = { kind: 'http', status: result.statusCode, body };
      } else {
        outcome = { kind: 'returned', value: result };
      }
      report({ initMs: t1 - t0, firstCallMs: t2 - t0, outcome });
    },
    (error) => {
      const t2 = performance.now();
      const text = (error && error.stack) || String(error);
      report({ initMs: t1 - t0, firstCallMs: t2 - t0, outcome: { kind: 'threw', error: text.slice(0, 2000) } });
    },
  );
`;

interface Sample {
  initMs: number;
  hasHandler: boolean;
  rss: number;
  /** getrusage maxRSS. On Linux it starts from the forking parent's high-water mark. */
  maxRssKb: number;
  /** VmHWM of the child's own address space (Linux), null elsewhere. */
  hwmKb: number | null;
}

interface CallSample {
  initMs: number;
  firstCallMs: number;
  outcome: Outcome;
  hwmKb: number | null;
  /** Warnings and errors the function logged (when it runs with a LOG_LEVEL that writes them). */
  logged: string[];
}

/** `msg: err.message` of each WARN/ERROR/FATAL line the function's logger wrote to stdout. */
function loggedProblems(stdout: string): string[] {
  const found: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; err?: { message?: string } };
      if (!['WARN', 'ERROR', 'FATAL'].includes(entry.level ?? '')) continue;
      found.push([entry.msg, entry.err?.message?.split('\n')[0]].filter(Boolean).join(': '));
    } catch {}
  }
  return found;
}

interface FunctionResult {
  name: string;
  trigger: 'http' | 'other';
  bundle_bytes: number;
  init_ms_median: number;
  first_call_ms_median: number | null;
  first_call: string | null;
  first_call_outcome: string | null;
  first_call_ok: boolean;
  peak_rss_mb: number;
  first_call_peak_rss_mb: number | null;
  targets: Targets;
  ok: boolean;
}

interface FunctionSpec {
  name: string;
  http: boolean;
  timeoutSeconds: number;
  memoryMb: number;
}

interface ServerlessFile {
  provider: { memorySize?: number; timeout?: string };
  functions: Record<
    string,
    { memorySize?: number; timeout?: string; events?: Record<string, Record<string, unknown>>[] } | null
  >;
}

/** serverless.yml: every function, whether API Gateway calls it, and the queues and buckets triggers use. */
function readServerless() {
  const file = parse(readFileSync(path.join(root, 'serverless.yml'), 'utf8'), {
    maxAliasCount: -1,
  }) as ServerlessFile;
  const functions = new Map<string, FunctionSpec>();
  const queues = new Set<string>();
  const buckets = new Set<string>();
  for (const [name, fn] of Object.entries(file.functions ?? {})) {
    const events = fn?.events ?? [];
    for (const event of events) {
      if (event.ymq?.queue) queues.add(String(event.ymq.queue));
      if (event.s3?.bucket) buckets.add(String(event.s3.bucket));
    }
    functions.set(name, {
      name,
      http: events.some((event) => 'http' in event),
      timeoutSeconds: Number(fn?.timeout ?? file.provider.timeout ?? 10),
      memoryMb: Number(fn?.memorySize ?? file.provider.memorySize ?? 128),
    });
  }
  return { functions, queues: [...queues], buckets: [...buckets] };
}

function targetsOf(spec: FunctionSpec | undefined): Targets {
  if (spec?.name === 'health') return healthTargets;
  return spec?.http ? httpTargets : otherTargets;
}

function childEnv(tmp: string, endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    APP_ENV: 'test',
    DB_DRIVER: 'sqlite',
    KMS_DRIVER: 'keyring',
    SQLITE_PATH: path.join(tmp, 'telemed.sqlite'),
    KEYRING_PATH: path.join(tmp, 'keyring.json'),
    // fauxqs in this process: Message Queue, Object Storage and CNS (SNS) alike.
    QUEUE_ENDPOINT: endpoint,
    STORAGE_ENDPOINT: endpoint,
    SNS_ENDPOINT: endpoint,
    ACCESS_KEY_ID: 'local',
    SECRET_ACCESS_KEY: 'local',
    // One pass over the outbox, not a minute of polling.
    RELAY_MAX_RUN_SECONDS: '0',
    // The chatbot refuses to load without its webhook secret.
    TELEGRAM_WEBHOOK_SECRET: chatbotWebhookSecret,
    TELEGRAM_API: 'capture',
    NOTIFY_DRIVER: 'capture',
    LOG_LEVEL: 'silent',
    TZ: 'UTC',
  };
}

function sample(target: string, env: NodeJS.ProcessEnv): Sample {
  const child = spawnSync(process.execPath, ['-e', childSource, target], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = child.stdout
    ?.split('\n')
    .reverse()
    .find((l) => l.startsWith(marker));
  if (child.status !== 0 || !line) {
    const why = child.error?.message ?? (child.stderr?.trim() || `exit code ${child.status}`);
    throw new Error(`loading ${target} failed: ${why}`);
  }
  return JSON.parse(line.slice(marker.length)) as Sample;
}

/**
 * One fresh process that requires the bundle and calls it once. Asynchronous: fauxqs answers the
 * child from this process's event loop, which a spawnSync would block.
 */
function callOnce(
  fn: BuiltFunction,
  spec: FunctionSpec,
  event: unknown,
  env: NodeJS.ProcessEnv,
  tmp: string,
): Promise<CallSample> {
  const eventFile = path.join(tmp, `event-${fn.name}.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  const args = [
    path.join(fn.dir, 'index.js'),
    eventFile,
    fn.name,
    String(spec.timeoutSeconds),
    String(spec.memoryMb),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', callChildSource, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const limitMs = (spec.timeoutSeconds + 30) * 1000;
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith(marker));
      if (code !== 0 || !line) {
        const why = signal
          ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${limitMs / 1000} s` : ''}`
          : stderr.trim() || `exit code ${code}`;
        reject(new Error(`calling ${fn.name} failed: ${why}`));
        return;
      }
      const result = JSON.parse(line.slice(marker.length)) as Omit<CallSample, 'logged'>;
      resolve({ ...result, logged: loggedProblems(stdout) });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** `runs` fresh processes, after one discarded warm-up that fills the OS page cache. */
function measure(target: string, env: NodeJS.ProcessEnv): Sample[] {
  sample(target, env);
  return Array.from({ length: runs }, () => sample(target, env));
}

function summarize(label: string, samples: Sample[]): { medianMs: number; peakRssMb: number } {
  const times = samples.map((s) => s.initMs);
  const medianMs = median(times);
  // Peak resident memory over all runs. On Linux getrusage's maxRSS survives fork+exec: a
  // child of this (tsx + esbuild, ~90 MB) process reports at least the parent's peak. The
  // child's own VmHWM is the true high-water mark; maxRSS is used only where that is missing.
  const peakKb = Math.max(...samples.map((s) => s.hwmKb ?? s.maxRssKb));
  const peakRssMb = peakKb / 1024;
  const rssMb = median(samples.map((s) => s.rss)) / (1024 * 1024);
  const maxRssMb = Math.max(...samples.map((s) => s.maxRssKb)) / 1024;
  console.log(
    `  ${label}: init median ${medianMs.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, ` +
      `max ${Math.max(...times).toFixed(1)}), rss after require ${rssMb.toFixed(1)} MB, ` +
      `peak rss ${peakRssMb.toFixed(1)} MB (getrusage maxRSS ${maxRssMb.toFixed(1)} MB)`,
  );
  return { medianMs, peakRssMb };
}

interface FirstCallResult {
  medianMs: number;
  peakRssMb: number | null;
  outcome: string;
  ok: boolean;
}

/** The call once more, as the failed one was made, with the function's warnings and errors logged. */
async function diagnose(call: FirstCall, callEnv: CallEnv & { functionName: string }): Promise<string[]> {
  const prepared = call.prepare ? await call.prepare(callEnv).catch(() => undefined) : undefined;
  return callEnv.diagnose(callEnv.functionName, call.event(callEnv, prepared));
}

/**
 * Init plus the first call, `runs` fresh processes after one discarded warm-up. Each run gets
 * its own event (and preparation, untimed), so each is a first call and not a replay. The
 * outcome reported is the last run's, or the first that failed, with how many did.
 */
async function measureFirstCall(
  fn: BuiltFunction,
  spec: FunctionSpec,
  call: FirstCall,
  callEnv: CallEnv,
  env: NodeJS.ProcessEnv,
  tmp: string,
): Promise<FirstCallResult> {
  const samples: CallSample[] = [];
  let failure: string | undefined;
  let failures = 0;
  let lastOutcome = '';
  for (let run = 0; run <= runs; run++) {
    // A preparation refused (say, no event to put in the outbox) still leaves a call to measure.
    let unprepared: string | undefined;
    const prepared = call.prepare
      ? await call.prepare(callEnv).catch((error: Error) => {
          unprepared = `preparation failed: ${error.message.split('\n')[0]}`;
          return undefined;
        })
      : undefined;
    const result = await callOnce(fn, spec, call.event(callEnv, prepared), env, tmp);
    const verdict = await call.check(result.outcome, callEnv, prepared);
    const described = [describeOutcome(result.outcome), verdict.note, unprepared].filter(Boolean).join('; ');
    if (!verdict.ok) {
      failures++;
      if (failure === undefined) {
        // Once: why, as far as the function says.
        const logged = await diagnose(call, { ...callEnv, functionName: fn.name }).catch((error: Error) => [
          `diagnosis failed: ${error.message.split('\n')[0]}`,
        ]);
        failure = [described, ...(logged.length ? [`logged: ${logged.slice(0, 5).join(' | ')}`] : [])].join(
          '; ',
        );
        console.log(`  first call failed (run ${run}): ${failure}`);
      } else if (result.outcome.kind === 'threw') {
        console.log(`  first call failed (run ${run}): ${described}`);
      }
    }
    lastOutcome = described;
    if (run > 0) samples.push(result);
  }
  const times = samples.map((s) => s.firstCallMs);
  const medianMs = median(times);
  const hwm = samples.map((s) => s.hwmKb).filter((kb): kb is number => kb !== null);
  const peakRssMb = hwm.length ? Math.max(...hwm) / 1024 : null;
  console.log(
    `  first call (${call.label}): init + call median ${medianMs.toFixed(1)} ms ` +
      `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ` +
      `init in these runs ${median(samples.map((s) => s.initMs)).toFixed(1)} ms)` +
      `${peakRssMb === null ? '' : `, peak rss ${peakRssMb.toFixed(1)} MB`}: ${lastOutcome}`,
  );
  const ok = failures === 0;
  return {
    medianMs,
    peakRssMb,
    ok,
    outcome: ok ? lastOutcome : `${failures}/${runs + 1} runs failed: ${failure}`,
  };
}

async function main(): Promise<void> {
  console.log(`cold start bench: node ${process.version}, ${runs} fresh processes per function and measure`);
  const serverless = readServerless();
  let built: BuiltFunction[];
  const failed = new Map<string, string>();
  const fail = (name: string, reason: string) => {
    if (!failed.has(name)) failed.set(name, reason);
    process.exitCode = 1;
  };
  try {
    built = await buildAll();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    for (const f of error.failed) console.log(`build failed: ${f.name}: ${f.message.split('\n')[0]}`);
    // Not a missed target but a broken build: the report says which, and so does the exit code.
    for (const f of error.failed) fail(f.name, `build failed: ${f.message.split('\n')[0]}`);
    built = error.built;
  }
  // A function of serverless.yml without a first call would be skipped silently otherwise.
  for (const name of serverless.functions.keys()) {
    if (!firstCalls[name]) fail(name, 'no first call defined in bench/coldstart-calls.ts');
  }
  for (const name of Object.keys(firstCalls)) {
    if (!serverless.functions.has(name))
      console.log(`note: bench/coldstart-calls.ts has a first call for ${name}, which serverless.yml lacks`);
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'telemed-coldstart-'));
  const functions: FunctionResult[] = [];
  const lazy = new Map<string, { file: string; bytes: number; init_ms_median: number }>();
  let servers: ProtocolServers | undefined;
  let seedError: string | undefined;
  try {
    // The bundles are measured from a copy: dist/ is anyone's to rebuild (npm run build, the
    // tests) while this runs. The copy has no "type": "module" above it, so Node loads them as
    // CommonJS, as Yandex does. Each bundle reads the SQLite migrations from beside itself
    // (storage/sqlite/migrations.ts); the build does not ship them (the cloud runs on YDB), so
    // they are put there, as bench:ingest does.
    const copies = path.join(tmp, 'dist');
    built = built.map((fn) => {
      const dir = path.join(copies, fn.name);
      cpSync(fn.dir, dir, { recursive: true });
      cpSync(path.join(root, 'storage/sqlite/migrations'), path.join(dir, 'migrations'), { recursive: true });
      return { ...fn, dir };
    });
    writeFileSync(path.join(copies, 'package.json'), '{ "type": "commonjs" }\n');
    servers = await startProtocolServers({ dataDir: tmp, port: 0, durable: false });
    await createQueues(servers.sqs, [...new Set([...serverless.queues, ...eventQueues])]);
    await createBuckets(servers.s3, [...new Set([...serverless.buckets, ...configBuckets])]);
    const env = childEnv(tmp, servers.endpoint);
    const specOf = (name: string): FunctionSpec =>
      serverless.functions.get(name) ?? { name, http: false, timeoutSeconds: 10, memoryMb: 128 };
    const builtByName = new Map(built.map((fn) => [fn.name, fn]));
    const seeded: Seeded = unseeded();
    let measuredAt = Date.now() - 3_600_000;
    const callEnv: CallEnv = {
      invoke: async (name, event) => {
        const fn = builtByName.get(name);
        if (!fn) throw new Error(`${name} was not built`);
        return (await callOnce(fn, specOf(name), event, env, tmp)).outcome;
      },
      diagnose: async (name, event) => {
        const fn = builtByName.get(name);
        if (!fn) throw new Error(`${name} was not built`);
        return (await callOnce(fn, specOf(name), event, { ...env, LOG_LEVEL: 'warn' }, tmp)).logged;
      },
      s3: servers.s3,
      seeded,
      measuredAt: () => {
        measuredAt += 1000;
        return new Date(measuredAt).toISOString();
      },
    };

    // What a bare Node process costs, so the numbers below can be read as "ours on top of Node's".
    writeFileSync(path.join(tmp, 'empty.js'), '');
    summarize('baseline, empty module', measure(path.join(tmp, 'empty.js'), env));

    // The first of these creates and migrates the database; the first calls then find what a
    // clinic in use has: a patient, a doctor, a consultation, a device, a sponsor contract.
    try {
      const started = performance.now();
      await seed(callEnv, seeded);
      console.log(
        `seeded the database through the functions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      seedError = (error as Error).message.split('\n')[0] as string;
      console.log(`seed failed: ${seedError}`);
      process.exitCode = 1;
    }

    for (const fn of built.filter((f) => !only || only.includes(f.name))) {
      const target = path.join(fn.dir, 'index.js');
      const spec = specOf(fn.name);
      console.log(
        `${fn.name}: index.js ${(fn.bundleBytes / 1024).toFixed(1)} KB${spec.http ? ', http' : ''}`,
      );
      let samples: Sample[];
      try {
        samples = measure(target, env);
        if (!samples.every((s) => s.hasHandler)) throw new Error(`${target} does not export handler`);
      } catch (error) {
        // A bundle that cannot even load is the worst cold start: report it, measure the rest.
        console.log(`  load failed: ${(error as Error).message.split('\n').slice(0, 12).join('\n  ')}`);
        fail(fn.name, `load failed: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const { medianMs, peakRssMb } = summarize('index.js', samples);
      // Not a cold-start cost (a chunk loads on the first call that needs it), but worth knowing
      // what that call pays. A chunk is the same file in every function, so it is measured once.
      for (const file of fn.lazyChunks.filter((f) => !lazy.has(f))) {
        const chunk = path.join(fn.dir, file);
        try {
          const { medianMs } = summarize(`lazy ${file}, paid on first use`, measure(chunk, env));
          lazy.set(file, { file, bytes: statSync(chunk).size, init_ms_median: round1(medianMs) });
        } catch (error) {
          console.log(`  lazy ${file} failed to load: ${(error as Error).message.split('\n')[0]}`);
          fail(fn.name, `lazy chunk ${file} failed to load`);
        }
      }

      const call = firstCalls[fn.name];
      let first: FirstCallResult | undefined;
      if (call) {
        try {
          first = await measureFirstCall(fn, spec, call, callEnv, env, tmp);
          if (!first.ok) fail(fn.name, `first call did not succeed: ${first.outcome}`);
        } catch (error) {
          const why = (error as Error).message.split('\n').slice(0, 12).join('\n  ');
          console.log(`  first call failed: ${why}`);
          fail(fn.name, `first call failed: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      const targets = targetsOf(spec);
      const initMs = round1(medianMs);
      functions.push({
        name: fn.name,
        trigger: spec.http ? 'http' : 'other',
        bundle_bytes: fn.bundleBytes,
        init_ms_median: initMs,
        first_call_ms_median: first ? round1(first.medianMs) : null,
        first_call: call?.label ?? null,
        first_call_outcome: first?.outcome ?? (call ? (failed.get(fn.name) ?? null) : null),
        first_call_ok: first?.ok ?? false,
        peak_rss_mb: round1(peakRssMb),
        first_call_peak_rss_mb: first?.peakRssMb == null ? null : round1(first.peakRssMb),
        targets,
        ok:
          (first?.ok ?? false) && initMs <= targets.init_ms_max && fn.bundleBytes <= targets.bundle_bytes_max,
      });
      for (const [what, value, max] of [
        ['init', initMs, targets.init_ms_max],
        ['bundle', fn.bundleBytes, targets.bundle_bytes_max],
      ] as const) {
        if (value > max) console.log(`  misses its target: ${what} ${value} > ${max}`);
      }
    }
  } finally {
    await servers?.stop().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }

  const ok =
    failed.size === 0 &&
    seedError === undefined &&
    functions.length > 0 &&
    functions.every((f) => f.ok) &&
    !only;
  const report = {
    bench: 'coldstart',
    functions,
    lazy_chunks: [...lazy.values()],
    targets: { health: healthTargets, http: httpTargets, other: otherTargets },
    ...(seedError ? { seed_error: seedError } : {}),
    ...(only || runs !== 20 ? { partial: { runs, only: only ?? null } } : {}),
    ...(failed.size > 0 ? { failed: [...failed.keys()], failure_reasons: Object.fromEntries(failed) } : {}),
    ok,
  };
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(
    JSON.stringify({
      bench: 'coldstart',
      functions: [],
      targets: { health: healthTargets, http: httpTargets, other: otherTargets },
      ok: false,
      error: String((error as Error)?.message ?? error),
    }),
  );
  process.exitCode = 1;
});
