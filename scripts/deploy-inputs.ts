/**
 * The deployment files as the checks in deploy-checks.ts read them: serverless.yml with its YAML
 * merge keys resolved and its ${…} variables left as text, and what infra/*.tf creates, from the
 * JSON form of HCL (@cdktf/hcl2json). Pure: callers read the files.
 */
import { parse } from 'yaml';

export type ServerlessEvent = Record<string, Record<string, unknown> | string>;

export interface ServerlessFunction {
  account?: string;
  memorySize?: number;
  timeout?: string;
  environment?: Record<string, unknown>;
  events?: ServerlessEvent[];
}

export interface ServerlessFile {
  provider?: Record<string, unknown>;
  functions: Record<string, ServerlessFunction>;
  resources?: Record<string, { type?: string }> | null;
}

export function parseServerless(text: string): ServerlessFile {
  // merge: `<<: *fn-api` is how a function takes its account's environment.
  const file = parse(text, { merge: true, maxAliasCount: -1 }) as Partial<ServerlessFile>;
  return { ...file, functions: file.functions ?? {} };
}

/** What infra/ creates, as far as serverless.yml and the functions refer to it. */
export interface Infra {
  /** Service account names as created: `<name_prefix>-<key>`. */
  serviceAccounts: string[];
  queues: string[];
  /** Bucket names `terraform output deploy_env` exports: ATTACHMENTS_BUCKET, … */
  bucketEnv: string[];
  /** Names `terraform output deploy_env` exports. */
  deployEnv: string[];
  /** Queues that only keep what failed: each queue's `<name>-dlq` and the triggers' own. */
  deadLetterQueues: string[];
  /** infra/'s own triggers (yandex_function_trigger), by resource name. */
  triggers: { name: string; messageQueue: boolean; deadLetterQueue: boolean }[];
}

/** One .tf file as @cdktf/hcl2json returns it. */
export type TfJson = {
  locals?: Record<string, unknown>[];
  variable?: Record<string, { default?: unknown }[]>;
  resource?: Record<string, Record<string, Record<string, unknown>[]>>;
};

export function readInfra(files: TfJson[]): Infra {
  const locals = Object.assign({}, ...files.flatMap((file) => file.locals ?? [])) as Record<string, unknown>;
  const variables = Object.assign({}, ...files.map((file) => file.variable ?? {})) as NonNullable<
    TfJson['variable']
  >;
  const defaultOf = (name: string) => variables[name]?.[0]?.default;
  const keysOf = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value) : []);
  // iam.tf: service_accounts = merge(local.function_accounts, local.platform_accounts).
  const accountKeys = [...keysOf(locals.function_accounts), ...keysOf(locals.platform_accounts)];
  const queues = keysOf(defaultOf('queues'));
  return {
    serviceAccounts: accountKeys.map((key) => `${defaultOf('name_prefix')}-${key}`),
    queues,
    deployEnv: keysOf(locals.deploy_env),
    // outputs.tf: the deploy_env entries that are yandex_storage_bucket names.
    bucketEnv: Object.entries((locals.deploy_env ?? {}) as Record<string, unknown>)
      .filter(([, value]) => String(value).startsWith('${yandex_storage_bucket.'))
      .map(([name]) => name),
    // queues.tf: `<name>-dlq` for each of var.queues, and queues named outright (triggers-dlq).
    deadLetterQueues: [
      ...queues.map((queue) => `${queue}-dlq`),
      ...files
        .flatMap((file) => Object.values(file.resource?.yandex_message_queue ?? {}))
        .map((blocks) => blocks[0]?.name)
        .filter((name): name is string => typeof name === 'string' && !name.includes('${')),
    ],
    triggers: files.flatMap((file) =>
      Object.entries(file.resource?.yandex_function_trigger ?? {}).map(([name, [body]]) => ({
        name,
        messageQueue: body?.message_queue !== undefined,
        deadLetterQueue: body?.dlq !== undefined,
      })),
    ),
  };
}

/** A route of contracts/openapi.yaml and the function its integration names. */
export interface Route {
  method: string;
  path: string;
  functionName: string;
}

/** ${env:…} settings the operator chooses rather than Terraform (README "Deploy"). */
export const operatorSettings = ['CRISIS_DUTY_TENANT', 'EMAIL_FROM', 'SMS_SENDER_ID'];

/** Plausible values of what Terraform, Lockbox and the operator fill in at deploy time. */
export const deployPlaceholders: Record<string, string> = {
  YDB_ENDPOINT: 'grpcs://ydb.serverless.yandexcloud.net:2135',
  YDB_DATABASE: '/ru-central1/b1gplaceholder/etnplaceholder',
  KMS_KEY_ID: 'abjplaceholder',
  CRISIS_DUTY_TENANT: 'clinic-on-duty',
  ATTACHMENTS_BUCKET: 'clinic-attachments',
  READINGS_BUCKET: 'clinic-readings',
  SPONSOR_BUCKET: 'clinic-sponsor-files',
  EMAIL_FROM: 'no-reply@clinic.ru',
  SMS_SENDER_ID: 'Clinic',
  TELEGRAM_BOT_TOKEN: `123456789:${'A'.repeat(35)}`,
  TELEGRAM_WEBHOOK_SECRET: 'placeholder-webhook-secret',
};
