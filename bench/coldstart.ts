/**
 * `npm run bench:coldstart`: builds every function, then loads each dist/<name>/index.js in
 * fresh Node processes (the Node that runs this script: 22.15 under `npm run`, as in the
 * nodejs22 runtime) and measures module init: the part of a cold start our code controls.
 * Progress goes to stdout; the last line is one JSON object for machines. Exits 0 even when a
 * target is missed (it is a benchmark); `ok` says whether every function met both targets.
 * A function that fails to build or to load is listed in `failed` and makes the exit code 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildError, type BuiltFunction, buildAll, bundleBytesMax } from '../scripts/build';

const runs = 20;
const initMsMax = 150;
const marker = '__COLDSTART__';

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

interface Sample {
  initMs: number;
  hasHandler: boolean;
  rss: number;
  /** getrusage maxRSS. On Linux it starts from the forking parent's high-water mark. */
  maxRssKb: number;
  /** VmHWM of the child's own address space (Linux), null elsewhere. */
  hwmKb: number | null;
}

interface FunctionResult {
  name: string;
  bundle_bytes: number;
  init_ms_median: number;
  peak_rss_mb: number;
}

function childEnv(tmp: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    APP_ENV: 'test',
    DB_DRIVER: 'sqlite',
    KMS_DRIVER: 'keyring',
    SQLITE_PATH: path.join(tmp, 'telemed.sqlite'),
    KEYRING_PATH: path.join(tmp, 'keyring.json'),
    // The chatbot refuses to load without its webhook secret.
    TELEGRAM_WEBHOOK_SECRET: 'coldstart-webhook-secret',
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

async function main(): Promise<void> {
  console.log(`cold start bench: node ${process.version}, ${runs} fresh processes per function`);
  let built: BuiltFunction[];
  const failed: string[] = [];
  try {
    built = await buildAll();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    for (const f of error.failed) console.log(`build failed: ${f.name}: ${f.message.split('\n')[0]}`);
    failed.push(...error.failed.map((f) => f.name));
    built = error.built;
    // Not a missed target but a broken build: the report says which, and so does the exit code.
    process.exitCode = 1;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'telemed-coldstart-'));
  const env = childEnv(tmp);
  const functions: FunctionResult[] = [];
  const lazy = new Map<string, { file: string; bytes: number; init_ms_median: number }>();
  try {
    // What a bare Node process costs, so the numbers below can be read as "ours on top of Node's".
    writeFileSync(path.join(tmp, 'empty.js'), '');
    summarize('baseline, empty module', measure(path.join(tmp, 'empty.js'), env));
    for (const fn of built) {
      const target = path.join(fn.dir, 'index.js');
      console.log(`${fn.name}: index.js ${(fn.bundleBytes / 1024).toFixed(1)} KB`);
      let samples: Sample[];
      try {
        samples = measure(target, env);
        if (!samples.every((s) => s.hasHandler)) throw new Error(`${target} does not export handler`);
      } catch (error) {
        // A bundle that cannot even load is the worst cold start: report it, measure the rest.
        console.log(`  load failed: ${(error as Error).message.split('\n').slice(0, 12).join('\n  ')}`);
        failed.push(fn.name);
        process.exitCode = 1;
        continue;
      }
      const { medianMs, peakRssMb } = summarize('index.js', samples);
      functions.push({
        name: fn.name,
        bundle_bytes: fn.bundleBytes,
        init_ms_median: round1(medianMs),
        peak_rss_mb: round1(peakRssMb),
      });
      // Not a cold-start cost (a chunk loads on the first call that needs it), but worth knowing
      // what that call pays. A chunk is the same file in every function, so it is measured once.
      for (const file of fn.lazyChunks.filter((f) => !lazy.has(f))) {
        const chunk = path.join(fn.dir, file);
        const { medianMs } = summarize(`lazy ${file}, paid on first use`, measure(chunk, env));
        lazy.set(file, { file, bytes: statSync(chunk).size, init_ms_median: round1(medianMs) });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const ok =
    failed.length === 0 &&
    functions.length > 0 &&
    functions.every((f) => f.init_ms_median <= initMsMax && f.bundle_bytes <= bundleBytesMax);
  const report = {
    bench: 'coldstart',
    functions,
    lazy_chunks: [...lazy.values()],
    targets: { init_ms_max: initMsMax, bundle_bytes_max: bundleBytesMax },
    ...(failed.length > 0 ? { failed } : {}),
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
      targets: { init_ms_max: initMsMax, bundle_bytes_max: bundleBytesMax },
      ok: false,
      error: String((error as Error)?.message ?? error),
    }),
  );
  process.exitCode = 1;
});
