import { AsyncLocalStorage } from 'node:async_hooks';

export type Environment = Readonly<Record<string, string | undefined>>;

const functionEnvironment = new AsyncLocalStorage<Environment>();

/**
 * The environment of the function running now. In the cloud that is `process.env`, each
 * function being its own process; the local cloud runs every function in one process and gives
 * each its own, as serverless.yml declares it (local/function-environment.ts).
 */
export function environment(): Environment {
  return functionEnvironment.getStore() ?? process.env;
}

/** Runs `work` (and everything it starts) as a function whose environment is `env`. */
export function withEnvironment<T>(env: Environment, work: () => T): T {
  return functionEnvironment.run(env, work);
}
