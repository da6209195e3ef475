/**
 * The offline deployment checks of `npm run deploy:check`. Each takes what it checks and returns
 * the problems found, one sentence each naming the function, route, queue, account or bucket;
 * an empty list means it passes. The plugin behaviour they guard against is
 * @yandex-cloud/serverless-plugin 1.7's (src/deploy/deploy.ts, entities/*.ts).
 */
import type { Settings } from '../platform/settings';
import type { Infra, Route, ServerlessEvent, ServerlessFile } from './deploy-inputs';

/** Trigger events the plugin deploys; it names each trigger `<function>-<type>`. */
const triggerTypes = ['cron', 's3', 'ymq', 'yds', 'cr'];
/** Keys of an event or function that name a service account. */
const accountKeys = ['account', 'queueAccount', 'dlqAccount', 'streamAccount'];

const entries = (file: ServerlessFile) => Object.entries(file.functions);
const eventsOf = (file: ServerlessFile) =>
  entries(file).flatMap(([name, fn]) =>
    (fn.events ?? []).map((event) => {
      const [type, spec] = Object.entries(event)[0] as [string, ServerlessEvent[string]];
      return { name, type, spec: typeof spec === 'object' ? spec : {} };
    }),
  );

export function unbuiltFunctions(file: ServerlessFile, built: ReadonlySet<string>): string[] {
  return Object.keys(file.functions)
    .filter((name) => !built.has(name))
    .map((name) => `${name}: in serverless.yml but not built (no dist/${name}.zip)`);
}

/** Queues a function triggers on, or an event of the catalog is sent to, with who uses them. */
export function queuesInUse(file: ServerlessFile, catalogQueues: readonly string[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const add = (queue: string, user: string) => users.set(queue, [...(users.get(queue) ?? []), user]);
  for (const { name, type, spec } of eventsOf(file)) if (type === 'ymq') add(String(spec.queue), name);
  for (const queue of catalogQueues) add(queue, 'the event catalog');
  return users;
}

export function queuesMissingFromInfra(inUse: Map<string, string[]>, infra: Infra): string[] {
  return [...inUse]
    .filter(([queue]) => !infra.queues.includes(queue))
    .map(([queue, users]) => `queue ${queue} (${[...new Set(users)].join(', ')}): not in infra/ var.queues`);
}

export function unroutedOperations(routes: readonly Route[], file: ServerlessFile): string[] {
  return routes
    .filter(({ method, path, functionName }) => {
      const events = file.functions[functionName]?.events ?? [];
      return !events.some((event) => {
        const http = event.http;
        return typeof http === 'object' && String(http.method).toUpperCase() === method && http.path === path;
      });
    })
    .map(({ method, path, functionName }) =>
      file.functions[functionName]
        ? `${method} ${path}: ${functionName} in serverless.yml has no such http event`
        : `${method} ${path}: routed to ${functionName}, which serverless.yml does not deploy`,
    );
}

export function accountsMissingFromInfra(file: ServerlessFile, infra: Infra): string[] {
  const named = [
    ...entries(file).map(([name, fn]) => ({ where: `${name}: account`, account: fn.account })),
    ...eventsOf(file).flatMap(({ name, type, spec }) =>
      accountKeys
        .filter((key) => key in spec)
        .map((key) => ({ where: `${name} ${type}: ${key}`, account: spec[key] })),
    ),
  ];
  return named
    .filter(({ account }) => !infra.serviceAccounts.includes(String(account)))
    .map(({ where, account }) => `${where} ${account}: no such service account in infra/iam.tf`);
}

/**
 * Bucket names are global, so none is written into serverless.yml: every bucket trigger and every
 * *_BUCKET setting takes a name `terraform output deploy_env` exports from var.bucket_names.
 */
export function bucketsNotFromTerraform(file: ServerlessFile, infra: Infra): string[] {
  const named = [
    ...eventsOf(file)
      .filter(({ type }) => type === 's3')
      .map(({ name, spec }) => ({ where: `${name} s3 trigger bucket`, value: String(spec.bucket) })),
    ...entries(file).flatMap(([name, fn]) =>
      Object.entries(fn.environment ?? {})
        .filter(([key]) => key.endsWith('_BUCKET'))
        .map(([key, value]) => ({ where: `${name} ${key}`, value: String(value) })),
    ),
  ];
  const problems = named
    .filter(({ value }) => !infra.bucketEnv.includes(value.match(/^\$\{env:(\w+)\}$/)?.[1] ?? ''))
    .map(
      ({ where, value }) =>
        `${where}: ${value} is not a bucket name from terraform output deploy_env (\${env:${infra.bucketEnv.join('|')}})`,
    );
  return [...new Set(problems)];
}

/** Single ownership: Terraform owns accounts, queues, buckets and the API Gateway. */
export function ownedTwice(file: ServerlessFile): string[] {
  const resources = Object.entries(file.resources ?? {}).map(
    ([name, resource]) =>
      `serverless.yml resources.${name} (${resource?.type}): infra/ owns every account, queue and bucket; remove it`,
  );
  const gateway = file.provider?.httpApi
    ? [
        'serverless.yml provider.httpApi: the plugin would deploy its own API Gateway without the contract’s JWT authorizer; infra/api-gateway.tf owns the gateway',
      ]
    : [];
  return [...resources, ...gateway];
}

/** What the plugin would deploy differently from what serverless.yml seems to say. */
export function pluginPitfalls(file: ServerlessFile): string[] {
  const problems: string[] = [];
  if (file.provider?.environment)
    problems.push(
      'provider.environment: the plugin passes only a function’s own environment; use custom.environment',
    );
  for (const [name, fn] of entries(file)) {
    for (const key of ['memorySize', 'timeout', 'environment'] as const)
      if (fn[key] === undefined)
        problems.push(`${name}: sets no ${key}; the plugin applies no provider-level default`);
    const types = (fn.events ?? [])
      .map((event) => Object.keys(event)[0] ?? '')
      .filter((t) => triggerTypes.includes(t));
    for (const type of new Set(types.filter((t, i) => types.indexOf(t) !== i)))
      problems.push(
        `${name}: two ${type} triggers; the plugin names triggers ${name}-${type} and deploys only the last`,
      );
  }
  for (const { name, type, spec } of eventsOf(file)) {
    if (type !== 'ymq') continue;
    // Without a queueId the plugin can only find queues it created itself (resources:).
    if (!String(spec.queueId ?? '').endsWith(`:${spec.queue}`))
      problems.push(
        `${name} ymq trigger: queueId must be the ARN of queue ${spec.queue} (yrn:yc:ymq:ru-central1:<folder>:${spec.queue})`,
      );
  }
  return problems;
}

/**
 * Triggers that could lose an event: Yandex drops one that fails every retry unless the trigger
 * names a dead-letter queue (reference/yandex-cloud.md §2c). Object Storage and timer triggers of
 * serverless.yml need one of infra/; Message Queue triggers dead-letter through their queue's
 * redrive policy (queues.tf); infra/'s own triggers need a dlq {} block.
 */
export function triggersThatDrop(file: ServerlessFile, infra: Infra): string[] {
  const problems: string[] = [];
  for (const { name, type, spec } of eventsOf(file)) {
    if (type !== 's3' && type !== 'cron') continue;
    const queue = String(spec.dlqId ?? '')
      .split(':')
      .pop();
    if (type === 's3' && !spec.retry)
      problems.push(`${name} s3 trigger: no retry, so one failed invocation loses the file`);
    if (!queue || !infra.deadLetterQueues.includes(queue))
      problems.push(
        `${name} ${type} trigger: dlqId must be the ARN of a dead-letter queue of infra/ (${infra.deadLetterQueues.join(', ')})`,
      );
    if (!spec.dlqAccount && !spec.dlqAccountId)
      problems.push(`${name} ${type} trigger: no dlqAccount, so the plugin sets no dead-letter queue`);
  }
  for (const trigger of infra.triggers)
    if (!trigger.messageQueue && !trigger.deadLetterQueue)
      problems.push(
        `infra/ yandex_function_trigger.${trigger.name}: no dlq {}, so events failing every retry are dropped`,
      );
  return problems;
}

/** Methods of the contract's routes that its CORS rule does not allow: browsers would be refused. */
export function routesOutsideCors(routes: readonly Route[], corsMethods: readonly string[]): string[] {
  const allowed = new Set(corsMethods.map((method) => method.toUpperCase()));
  return routes
    .filter(({ method }) => method !== 'OPTIONS' && !allowed.has(method))
    .map(
      ({ method, path }) =>
        `${method} ${path}: ${method} is not in x-yc-apigateway.cors.methods (${[...allowed].join(', ')})`,
    );
}

/** The plugin uploads a zip of at least this directly; above it, through a bucket of its own. */
export const directUploadBytesMax = 3.5 * 1024 * 1024;

export function oversizedZips(sizes: ReadonlyMap<string, number>, limit = directUploadBytesMax): string[] {
  return [...sizes]
    .filter(([, bytes]) => bytes >= limit)
    .map(
      ([name, bytes]) =>
        `dist/${name}.zip: ${(bytes / 1024 / 1024).toFixed(2)} MiB, not under the plugin's 3.5 MiB direct upload (above it the plugin wants AWS keys and creates an unencrypted bucket)`,
    );
}

/** Settings that name who a message is from: Postbox needs a verified domain, CNS a registered name. */
export const senderSettings = ['EMAIL_FROM', 'SMS_SENDER_ID'] as const;

/**
 * Every function whose modules send messages takes its senders from the operator
 * (`${env:EMAIL_FROM}`, no default), never a module default or a literal, and a sender the
 * operator gave is not a placeholder: the module's own default or an example domain.
 */
export function sendersNotGiven(
  file: ServerlessFile,
  defaultsOf: (name: string) => Record<string, unknown>,
  operatorEnv: Record<string, string | undefined>,
): string[] {
  const problems = entries(file).flatMap(([name, fn]) => {
    const defaults = defaultsOf(name);
    return senderSettings
      .filter((key) => key in defaults)
      .filter((key) => fn.environment?.[key] !== `\${env:${key}}`)
      .map((key) =>
        fn.environment?.[key] === undefined
          ? `${name}: ${key} is not given, so the placeholder ${defaults[key]} would be used; set ${key}: \${env:${key}}`
          : `${name}: ${key} is ${fn.environment[key]}; it must be the operator's \${env:${key}}, without a default`,
      );
  });
  const placeholders = new Set(
    Object.keys(file.functions).flatMap((name) => senderSettings.map((key) => String(defaultsOf(name)[key]))),
  );
  const given = senderSettings
    .filter((key) => operatorEnv[key] !== undefined)
    .filter((key) => {
      const value = operatorEnv[key] as string;
      return placeholders.has(value) || /(^|[.@])example\./i.test(value);
    })
    .map((key) => `${key}=${operatorEnv[key]} is a placeholder: give the verified sender of this deployment`);
  return [...problems, ...given];
}

/** The env name of an account's key secret: telemed-fn-api → FN_API_KEY_SECRET_ID. */
const keySecretEnv = (account: string, namePrefix: string) =>
  `${account
    .slice(namePrefix.length + 1)
    .toUpperCase()
    .replaceAll('-', '_')}_KEY_SECRET_ID`;

/** A function signs with the static key of its own account, never another account's. */
export function keysOfOtherAccounts(file: ServerlessFile, namePrefix: string): string[] {
  return entries(file).flatMap(([name, fn]) => {
    const expected = fn.account ? keySecretEnv(fn.account, namePrefix) : '';
    return ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY']
      .filter((key) => fn.environment?.[key] !== undefined)
      .filter((key) => !String(fn.environment?.[key]).includes(`\${env:${expected}}`))
      .map((key) => `${name}: ${key} is not the key of its account ${fn.account} (\${env:${expected}})`);
  });
}

/** Every ${env:NAME} without a default is exported by `terraform output deploy_env` or set by the operator. */
export function deployEnvMissing(serverlessText: string, infra: Infra, operatorSettings: readonly string[]) {
  const required = [...serverlessText.matchAll(/\$\{env:(\w+)\}/g)].map((match) => match[1] as string);
  return [...new Set(required)]
    .filter((name) => !infra.deployEnv.includes(name) && !operatorSettings.includes(name))
    .map(
      (name) =>
        `serverless.yml needs \${env:${name}}: neither infra/ output deploy_env nor an operator setting`,
    );
}

/** API Gateway substitutes only variables the spec declares (x-yc-apigateway.variables). */
export function undeclaredGatewayVariables(contractText: string, declared: readonly string[]): string[] {
  const used = [...contractText.matchAll(/\$\{var\.(\w+)\}/g)].map((match) => match[1] as string);
  return [...new Set(used)]
    .filter((name) => !declared.includes(name))
    .map(
      (name) =>
        `contracts/openapi.yaml uses \${var.${name}} but x-yc-apigateway.variables does not declare it`,
    );
}

/** Schema warnings of `serverless package`, but the runtime one: the plugin's list predates nodejs22. */
export function packagingProblems(output: string, exitCode: number | null): string[] {
  const warnings = [...output.matchAll(/^\s+at '([^']+)': (.+)$/gm)]
    .filter(([, path]) => !/(^|\.)runtime$/.test(path as string))
    .map(([, path, message]) => `serverless.yml ${path}: ${message}`);
  const error = output.match(/^Error:\n(.+)$/m)?.[1];
  if (exitCode === 0) return warnings;
  return [...warnings, `serverless package failed (exit ${exitCode}): ${error ?? output.trim().slice(-300)}`];
}

/**
 * Each function's environment, with ${…} replaced by a plausible value of the setting it fills
 * (placeholders, or a `${env:X, 'default'}`'s default), passes the settings checks the function
 * runs at cold start, those of every module it bundles: what would stop it there stops the
 * deploy here instead, a setting needed in the cloud and not given included.
 */
export function settingsRefused(
  file: ServerlessFile,
  placeholders: Record<string, string>,
  groupsOf: (name: string) => readonly Settings<unknown>[],
): string[] {
  return entries(file).flatMap(([name, fn]) => {
    const env = Object.fromEntries(
      Object.entries(fn.environment ?? {}).map(([key, value]) => [
        key,
        resolved(key, String(value), placeholders),
      ]),
    );
    const problems = [...new Set(groupsOf(name).flatMap((group) => group.problems(env)))];
    return problems.map((line) => `${name}: ${line}`);
  });
}

function resolved(key: string, value: string, placeholders: Record<string, string>): string {
  if (!value.includes('${')) return value;
  const fallback = value.match(/^\$\{env:\w+,\s*'([^']*)'\}$/)?.[1];
  return fallback ?? placeholders[key] ?? `placeholder-${key.toLowerCase()}`;
}
