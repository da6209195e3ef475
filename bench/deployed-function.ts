import { resolve } from 'node:path';
import { type FunctionSpec, loadRegistry } from '../local/registry';

/** A function as serverless.yml deploys it (memory, timeout, environment): what a bench holds it to. */
export function deployedFunction(name: string): FunctionSpec {
  const spec = loadRegistry(resolve(import.meta.dirname, '..')).functions.find((fn) => fn.name === name);
  if (!spec) throw new Error(`serverless.yml declares no ${name} function`);
  return spec;
}

/** The V8 settings it is deployed with: this machine has gigabytes, where V8 would size its heap for those. */
export const nodeOptionsOf = (spec: FunctionSpec): string => String(spec.environment.NODE_OPTIONS ?? '');
