/** The readings-ingest function alone in its process for `npm run bench:ingest` (function-host.ts). */
import type { FunctionContext } from '../platform/yandex';
import { embeddedEnvironment, hostFunction } from './function-host';

embeddedEnvironment();

async function main() {
  // Loaded after the environment is set: the function validates its configuration as it loads.
  const { handler } = (await import('../functions/readings-ingest/handler')) as {
    handler: (event: unknown, context: FunctionContext) => Promise<unknown>;
  };
  hostFunction('readings-ingest', 256, handler);
}

void main();
