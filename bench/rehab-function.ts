/** The rehabilitation function alone in its process for `npm run bench:rehab` (function-host.ts). */
import type { FunctionContext } from '../platform/yandex';
import { embeddedEnvironment, hostFunction } from './function-host';

embeddedEnvironment();

async function main() {
  // Loaded after the environment is set: the function validates its configuration as it loads.
  const { handler } = (await import('../functions/rehabilitation/handler')) as {
    handler: (event: unknown, context: FunctionContext) => Promise<unknown>;
  };
  hostFunction('rehabilitation', 256, handler);
}

void main();
