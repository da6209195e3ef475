/**
 * The data-exports function alone in its process, as one instance runs in Yandex Cloud: one
 * timer invocation builds the pending export. Bundled and run by plain node like `npm run
 * build`'s output (bench/export.ts), so its memory is the function's. Prints one JSON line:
 * the invocation's seconds, its result and the process's peak RSS.
 */
import { join } from 'node:path';
import { createFunctionContext } from '../local/function-context';
import { timerEvent } from '../local/timer-trigger';
import type { FunctionContext } from '../platform/yandex';

const dataDir = process.env.DATA_DIR as string;
Object.assign(process.env, {
  APP_ENV: 'local',
  LOG_LEVEL: 'silent',
  DB_DRIVER: 'sqlite',
  SQLITE_PATH: join(dataDir, 'telemed.sqlite'),
  KMS_DRIVER: 'keyring',
  KEYRING_PATH: join(dataDir, 'keyring.json'),
});

async function main() {
  // Loaded after the environment is set: the function validates its configuration as it loads.
  const { handler } = (await import('../functions/data-exports/handler')) as {
    handler: (event: unknown, context: FunctionContext) => Promise<unknown>;
  };
  const timeout = Number(process.env.FN_TIMEOUT_S);
  const memory = Number(process.env.FN_MEMORY_MB);
  const started = performance.now();
  const result = await handler(
    timerEvent('data-exports'),
    createFunctionContext('data-exports', timeout, memory, () => false),
  );
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes: the peak resident set of this process over its whole life.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ seconds, peakRssMb, result }));
  process.exit(0);
}

void main();
