import { Worker } from 'node:worker_threads';
import type { DevRoutes, Invoke } from './gateway';

/** What the gateway thread is started with: plain data, since it crosses to another thread. */
export interface GatewayThreadOptions {
  openapiPath: string;
  identityPath: string;
  port: number;
  /** `METHOD /path` of each local-only route; the routes themselves stay on this thread. */
  devRoutes: string[];
}

/** The gateway thread asks this one to run a function, or a local-only route. */
export type GatewayRequest =
  | { functionName: string; event: unknown }
  | { devRoute: string; body: Uint8Array };
export type GatewayCall = GatewayRequest & { id: number };
export type GatewayReply = { id: number; result: unknown } | { id: number; error: string };
export type GatewayThreadStatus = { listening: number } | { failed: string };

export interface GatewayThread {
  url: string;
  /** Stops taking requests, lets those under way finish, and ends the thread. */
  close(): Promise<void>;
}

/**
 * Starts the local API Gateway on a worker thread of its own (gateway-thread.ts); the functions
 * it calls run here, on the main thread, with the database and the triggers.
 */
export function startGatewayThread(
  options: Omit<GatewayThreadOptions, 'devRoutes'>,
  invoke: Invoke,
  devRoutes: DevRoutes,
  log: (line: string) => void,
): Promise<GatewayThread> {
  // A worker's entry file must be JavaScript, whatever loader this thread runs under: a line
  // of it registers tsx in the new thread, then loads the TypeScript entry.
  const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve('./gateway-thread.ts'))}); })`;
  const worker = new Worker(entry, {
    eval: true,
    workerData: { ...options, devRoutes: Object.keys(devRoutes) } satisfies GatewayThreadOptions,
  });
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  const answer = async (id: number, run: () => Promise<unknown>) => {
    try {
      // postMessage throws too, on a result that cannot be cloned: that is an error reply as well.
      worker.postMessage({ id, result: await run() } satisfies GatewayReply);
    } catch (error) {
      worker.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return new Promise((resolve, reject) => {
    let started = false;
    worker.on('error', (error) => {
      if (started) log(`local gateway failed: ${error.message}`);
      else reject(error);
    });
    worker.once('exit', (code) => {
      if (!started) reject(new Error(`The local gateway's thread exited with code ${code}`));
    });
    worker.on('message', (message: GatewayCall | GatewayThreadStatus) => {
      if ('id' in message) {
        if ('functionName' in message) answer(message.id, () => invoke(message.functionName, message.event));
        else answer(message.id, () => runDevRoute(devRoutes, message.devRoute, message.body));
        return;
      }
      if ('failed' in message) {
        reject(new Error(`The local gateway did not start: ${message.failed}`));
        void worker.terminate();
        return;
      }
      started = true;
      resolve({
        url: `http://127.0.0.1:${message.listening}`,
        close: async () => {
          worker.postMessage('close');
          await exited;
        },
      });
    });
  });
}

async function runDevRoute(devRoutes: DevRoutes, route: string, body: Uint8Array): Promise<unknown> {
  const run = devRoutes[route];
  if (!run) throw new Error(`No local route ${route}`);
  return run(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
