/**
 * What a deploy must leave in the cloud, from serverless.yml, infra/ and the contract: the
 * functions with their account, environment keys and tag, the triggers with their source, and
 * the API Gateway with the hash of its spec. Names follow the deploy: the Serverless Framework
 * names a function <service>-<stage>-<name> and the plugin a trigger <function>-<type>.
 */
import { createHash } from 'node:crypto';
import type { ServerlessFile } from '../deploy-inputs';

export interface ExpectedFunction {
  /** As serverless.yml names it. */
  name: string;
  /** As the cloud names it. */
  cloudName: string;
  serviceAccount: string;
  environmentKeys: string[];
  tag: string;
}

export interface ExpectedTrigger {
  name: string;
  /** The cloud name of the function it invokes. */
  functionName: string;
  kind: 'timer' | 'objectStorage' | 'messageQueue' | 'iotMessage';
  /** Cron expression, bucket, queue name or IoT registry id, as the trigger's rule holds it. */
  source: string;
  /** Whether failures end in a dead-letter queue the trigger names (queues dead-letter themselves). */
  deadLetterQueue: boolean;
}

export interface ExpectedState {
  functions: ExpectedFunction[];
  triggers: ExpectedTrigger[];
  /** Absent before Terraform's second apply has created it. */
  gateway?: { name: string; specSha256: string };
}

const kinds = { cron: 'timer', s3: 'objectStorage', ymq: 'messageQueue' } as const;

/** What a trigger of serverless.yml listens to: the queue by name (its rule holds the ARN). */
const sourceOf = (type: string, spec: Record<string, unknown>): string =>
  type === 'cron' ? String(spec.expression) : type === 's3' ? String(spec.bucket) : String(spec.queue);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `${env:NAME}` filled from `env` (terraform output deploy_env), else left as written. */
const filled = (value: string, env: Record<string, string | undefined>) =>
  value.replace(/\$\{env:(\w+)\}/g, (text, name: string) => env[name] ?? text);

export function expectedState(
  file: ServerlessFile,
  contractText: string,
  names: { functionPrefix: string; namePrefix: string },
  env: Record<string, string | undefined>,
): ExpectedState {
  const functions = Object.entries(file.functions).map(([name, fn]) => ({
    name,
    cloudName: `${names.functionPrefix}${name}`,
    serviceAccount: String(fn.account),
    environmentKeys: Object.keys(fn.environment ?? {}).sort(),
    tag: '$latest',
  }));
  const triggers: ExpectedTrigger[] = Object.entries(file.functions).flatMap(([name, fn]) =>
    (fn.events ?? []).flatMap((event) => {
      const [type, spec] = Object.entries(event)[0] as [string, Record<string, unknown>];
      if (!(type in kinds)) return [];
      const cloudName = `${names.functionPrefix}${name}`;
      return [
        {
          name: `${cloudName}-${type}`,
          functionName: cloudName,
          kind: kinds[type as keyof typeof kinds],
          source: filled(sourceOf(type, spec), env),
          deadLetterQueue: type !== 'ymq',
        },
      ];
    }),
  );
  // infra/iot.tf: the plugin has no IoT trigger type.
  triggers.push({
    name: `${names.namePrefix}-readings-iot`,
    functionName: `${names.functionPrefix}readings-iot`,
    kind: 'iotMessage',
    source: filled('${env:IOT_REGISTRY_ID}', env),
    deadLetterQueue: true,
  });
  return {
    functions,
    triggers,
    gateway: { name: `${names.namePrefix}-api`, specSha256: sha256(contractText) },
  };
}

/** Groups of at most `size` functions: the plugin starts a group's operations all at once. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
