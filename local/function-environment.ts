import type { Environment } from '../platform/environment';

/**
 * Where a function runs rather than what it does: on the local cloud these come from this
 * process (the embedded defaults `startLocalCloud` sets, or a developer's own), whatever
 * serverless.yml says for the cloud.
 */
export const embeddedSettings = [
  'APP_ENV',
  'LOG_LEVEL',
  'DB_DRIVER',
  'SQLITE_PATH',
  'SQLITE_RERUN',
  'KMS_DRIVER',
  'KEYRING_PATH',
  'QUEUE_ENDPOINT',
  'STORAGE_ENDPOINT',
  'SNS_ENDPOINT',
  'POSTBOX_ENDPOINT',
  'ACCESS_KEY_ID',
  'SECRET_ACCESS_KEY',
  'NOTIFY_DRIVER',
  'TELEGRAM_API',
  'TELEGRAM_API_ROOT',
  'YOOKASSA_API_ROOT',
  'PAYMENT_WEBHOOK_SECRET',
] as const;

/**
 * A function's environment on the local cloud: only what serverless.yml gives it, each value
 * taken from this process's environment when set there (a test's or a developer's choice),
 * else resolved as the deploy would (`${env:NAME, 'default'}` → its default; a Lockbox secret
 * is left out), plus the embedded settings. A setting the function is not given stays unset,
 * locally as in the cloud.
 */
export function localEnvironment(
  given: Record<string, unknown>,
  host: NodeJS.ProcessEnv = process.env,
): Environment {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const local = host[name] ?? resolve(String(value), host);
    if (local !== undefined) env[name] = local;
  }
  for (const name of embeddedSettings) {
    const local = host[name];
    if (local !== undefined) env[name] = local;
  }
  return Object.freeze(env);
}

function resolve(value: string, host: NodeJS.ProcessEnv): string | undefined {
  if (!value.includes('${')) return value;
  const variable = value.match(/^\$\{env:(\w+)(?:,\s*'([^']*)')?\}$/);
  if (!variable) return undefined;
  return host[variable[1] as string] ?? variable[2];
}
