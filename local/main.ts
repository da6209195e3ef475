import { resolve } from 'node:path';
import { settingsNotGiven, settingsOfFunctions } from '../scripts/function-settings';
import { startLocalCloud } from './cloud';
import { loadRegistry } from './registry';

/** `npm start`: the whole system on the embedded defaults, until Ctrl-C. */
async function main() {
  const root = resolve(import.meta.dirname, '..');
  // What the cloud would refuse is refused here first: a function not given a setting its modules need there.
  const environments = new Map(loadRegistry(root).functions.map((fn) => [fn.name, fn.environment]));
  const missing = settingsNotGiven(environments, await settingsOfFunctions(root));
  if (missing.length)
    throw new Error(
      `serverless.yml does not give functions what their modules need:\n  ${missing.join('\n  ')}`,
    );
  const cloud = await startLocalCloud({
    root,
    dataDir: resolve(root, process.env.DATA_DIR ?? '.data'),
    port: Number(process.env.PORT ?? 8080),
    queuePort: Number(process.env.QUEUE_PORT ?? 4566),
    ...(process.env.LOCALSTACK_ENDPOINT ? { localstackEndpoint: process.env.LOCALSTACK_ENDPOINT } : {}),
    timers: process.env.LOCAL_TIMERS !== 'off',
    log: (line) => console.log(line),
  });
  const lines = [
    'Local cloud is up (embedded defaults):',
    `  API gateway     ${cloud.url}  (try: curl ${cloud.url}/v1/health)`,
    `  ${cloud.servers.kind.padEnd(15)} ${cloud.servers.endpoint}  (SQS, S3, SNS)`,
    `  database        SQLite ${process.env.SQLITE_PATH}`,
    `  queues          ${cloud.queues.map((q) => `${q} (+${q}-dlq)`).join(', ')}`,
    `  buckets         ${cloud.buckets.join(', ') || '(none)'}`,
    '  functions       ',
    ...cloud.functions.map(
      (f) =>
        `    ${f.name.padEnd(16)} ${f.triggers.map((t) => (t.kind === 'http' ? `${t.method} ${t.path}` : t.kind === 'ymq' ? `queue ${t.queue}` : t.kind === 'cron' ? `cron ${t.expression}` : `bucket ${t.bucket}`)).join(', ')}`,
    ),
    'Tokens: npm run token -- --role clinic_admin --tenant clinic-1    Stop: Ctrl-C',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await cloud.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
