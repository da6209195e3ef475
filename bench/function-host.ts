/**
 * One function alone in its process, as one instance runs in Yandex Cloud: the platform's runtime
 * hands it events, here as POST /invoke over local HTTP from a bench's gateway. Bundled and run by
 * plain node like `npm run build`'s output. Prints its URL; on SIGINT prints its memory (peak RSS
 * included) as JSON and exits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createFunctionContext } from '../local/function-context';
import type { FunctionContext } from '../platform/yandex';

type Handler = (event: unknown, context: FunctionContext) => Promise<unknown>;

/** The embedded defaults in DATA_DIR; set before the handler loads, as it checks its configuration then. */
export function embeddedEnvironment(): void {
  const dataDir = process.env.DATA_DIR as string;
  Object.assign(process.env, {
    APP_ENV: 'local',
    LOG_LEVEL: 'silent',
    DB_DRIVER: 'sqlite',
    SQLITE_PATH: join(dataDir, 'telemed.sqlite'),
    KMS_DRIVER: 'keyring',
    KEYRING_PATH: join(dataDir, 'keyring.json'),
  });
}

export function hostFunction(name: string, memoryMb: number, handler: Handler): void {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const result = await handler(
      event,
      createFunctionContext(name, 10, memoryMb, () => false),
    );
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(`function http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.on('SIGINT', () => {
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    // With --expose-gc (FN_FLAGS), what is still live after a full collection.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    // maxRSS is in kilobytes: the peak resident set of this process over its whole life.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      JSON.stringify({
        peakRssMb,
        rssMb: mb(rss),
        heapTotalMb: mb(heapTotal),
        heapUsedMb: mb(heapUsed),
        externalMb: mb(external),
      }),
    );
    process.exit(0);
  });
}
