import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A trigger as serverless.yml declares it (reference/yandex-cloud.md §4). */
export type TriggerSpec =
  | { kind: 'http'; method: string; path: string }
  | { kind: 'ymq'; queue: string; batch: number; cutoff: number }
  | { kind: 's3'; bucket: string; events: string[]; prefix?: string; suffix?: string }
  | { kind: 'cron'; expression: string; payload?: string };

export interface FunctionSpec {
  name: string;
  /** Source module exporting `handler`; the build bundles the same file. */
  source: string;
  timeoutSeconds: number;
  memoryMb: number;
  triggers: TriggerSpec[];
  /** Its environment as serverless.yml gives it, ${…} variables unresolved. */
  environment: Record<string, unknown>;
}

export interface Registry {
  functions: FunctionSpec[];
  queues: string[];
  buckets: string[];
}

interface ServerlessFile {
  provider: { memorySize?: number; timeout?: string };
  functions: Record<
    string,
    {
      memorySize?: number;
      timeout?: string;
      environment?: Record<string, unknown>;
      events?: Record<string, Record<string, unknown>>[];
    }
  >;
}

/** Reads serverless.yml, the one wiring registry both the deploy and the local cloud use. */
export function loadRegistry(root: string): Registry {
  // merge: `<<: *fn-api` is how a function takes its account's environment.
  const file = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'), {
    merge: true,
    // Our own file, not untrusted input: each `<<:` merge of nested anchors counts many aliases.
    maxAliasCount: -1,
  }) as ServerlessFile;
  const functions = Object.entries(file.functions).map(([name, fn]) => ({
    name,
    source: join(root, 'functions', name, 'handler.ts'),
    timeoutSeconds: Number(fn.timeout ?? file.provider.timeout ?? 10),
    memoryMb: Number(fn.memorySize ?? file.provider.memorySize ?? 128),
    triggers: (fn.events ?? []).map(toTrigger),
    environment: fn.environment ?? {},
  }));
  // Queues and buckets are Terraform's (infra/); here, those the triggers name.
  const triggers = functions.flatMap((fn) => fn.triggers);
  const queues = [...new Set(triggers.flatMap((t) => (t.kind === 'ymq' ? [t.queue] : [])))];
  const buckets = [...new Set(triggers.flatMap((t) => (t.kind === 's3' ? [t.bucket] : [])))];
  return { functions, queues, buckets };
}

function toTrigger(event: Record<string, Record<string, unknown>>): TriggerSpec {
  const [kind, spec] = Object.entries(event)[0] as [string, Record<string, unknown>];
  switch (kind) {
    case 'http':
      return { kind, method: String(spec.method).toUpperCase(), path: String(spec.path) };
    case 'ymq':
      return {
        kind,
        queue: String(spec.queue),
        batch: Number(spec.batch ?? 1),
        cutoff: Number(spec.cutoff ?? 10),
      };
    case 's3':
      return {
        kind,
        bucket: fromEnvironment(String(spec.bucket)),
        events: (spec.events as string[]) ?? ['create.object'],
        ...(spec.prefix ? { prefix: String(spec.prefix) } : {}),
        ...(spec.suffix ? { suffix: String(spec.suffix) } : {}),
      };
    case 'cron':
      return {
        kind,
        expression: String(spec.expression),
        ...(spec.payload ? { payload: String(spec.payload) } : {}),
      };
    default:
      throw new Error(`serverless.yml: trigger type ${kind} is not supported by the local cloud`);
  }
}

/**
 * `${env:NAME}` as the deploy resolves it, from this process's environment (the local cloud sets
 * the bucket names); left as written where nothing sets it (a test reading only the wiring).
 */
function fromEnvironment(value: string): string {
  const variable = value.match(/^\$\{env:(\w+)\}$/);
  return (variable && process.env[variable[1] as string]) || value;
}
