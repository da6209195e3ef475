import { readFileSync } from 'node:fs';

/** A static access key of one service account: `<key id>:<secret>` in the environment. */
export interface StaticKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The function accounts whose own rights the smoke checks (infra/iam.tf `function_accounts`). */
export const checkedAccounts = ['fn-api', 'fn-health', 'fn-readings-files'] as const;
export type CheckedAccount = (typeof checkedAccounts)[number];

/** `fn-readings-files` → `SMOKE_KEY_FN_READINGS_FILES`. */
export const keyVariable = (account: string) => `SMOKE_KEY_${account.toUpperCase().replace(/-/g, '_')}`;

/** How the smoke obtains its clinic_admin token from the configured issuer (OAuth 2.0 client credentials). */
export interface TokenRequest {
  url: string;
  clientId: string;
  clientSecret: string;
  audience?: string;
  scope?: string;
}

export interface SmokeSettings {
  /** The API Gateway's base URL (or the local cloud's). */
  apiUrl: string;
  /** local: the target is `npm start`/a test cloud; cloud: a deployed API. */
  target: 'local' | 'cloud';
  /** Local only: the data directory whose dev identity signs tokens (DATA_DIR, `.data`). */
  dataDir?: string;
  /** The operator's clinic_admin token; wins over `tokenRequest` and the local identity. */
  token?: string;
  tokenRequest?: TokenRequest;
  /** The `iss` the gateway's authorizer expects (terraform's jwt_issuer); checked on the token when given. */
  issuer?: string;
  /** The clinic the local token speaks for (locally; in the cloud the issuer decides). */
  clinic: string;
  /** The test recipient of the welcome SMS. */
  phone?: string;
  keys: Partial<Record<CheckedAccount, StaticKey>>;
  /** A key that may delete in the readings bucket (storage.editor), for cleanup; the deployer's. */
  cleanupKey?: StaticKey;
  attachmentsBucket?: string;
  queueEndpoint: string;
  /** The crisis queue's URL (terraform output queue_urls); looked up with fn-health's key when absent. */
  crisisQueueUrl?: string;
  ydb?: { endpoint: string; database: string; token: string };
  /** How long to wait for an event or a file to go through its trigger. */
  waitSeconds: number;
  /** Steps the operator chose not to run (`--skip id`). */
  skip: Set<string>;
}

export class SettingsError extends Error {}

/** KEY=value lines, `#` comments and `export ` prefixes allowed (what `terraform output deploy_env` prints). */
export function readEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^export\s+/, ''))
      .filter((line) => line && !line.startsWith('#') && line.includes('='))
      .map((line) => {
        const name = line.slice(0, line.indexOf('='));
        const value = line.slice(line.indexOf('=') + 1).replace(/^(['"])(.*)\1$/, '$2');
        return [name, value];
      }),
  );
}

function staticKey(name: string, value: string | undefined): StaticKey | undefined {
  if (!value) return undefined;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) throw new SettingsError(`${name}: give "<key id>:<secret>"`);
  return { accessKeyId: value.slice(0, at), secretAccessKey: value.slice(at + 1) };
}

/** The settings from the command line's options over the environment (file over process). */
export function smokeSettings(
  options: {
    baseUrl?: string;
    local?: boolean;
    dataDir?: string;
    token?: string;
    skip?: string[];
    wait?: string;
  },
  env: Record<string, string | undefined>,
): SmokeSettings {
  const target = options.local || env.SMOKE_TARGET === 'local' ? 'local' : 'cloud';
  const apiUrl = (
    options.baseUrl ??
    env.API_URL ??
    (target === 'local' ? `http://localhost:${env.PORT ?? 8080}` : '')
  ).replace(/\/+$/, '');
  if (!apiUrl)
    throw new SettingsError('API_URL (or --base-url) is required: https://<terraform output api_domain>');
  const keys: SmokeSettings['keys'] = {};
  for (const account of checkedAccounts) {
    const key = staticKey(keyVariable(account), env[keyVariable(account)]);
    if (key) keys[account] = key;
  }
  const tokenRequest =
    env.SMOKE_TOKEN_URL && env.SMOKE_CLIENT_ID && env.SMOKE_CLIENT_SECRET
      ? {
          url: env.SMOKE_TOKEN_URL,
          clientId: env.SMOKE_CLIENT_ID,
          clientSecret: env.SMOKE_CLIENT_SECRET,
          ...(env.SMOKE_TOKEN_AUDIENCE ? { audience: env.SMOKE_TOKEN_AUDIENCE } : {}),
          ...(env.SMOKE_TOKEN_SCOPE ? { scope: env.SMOKE_TOKEN_SCOPE } : {}),
        }
      : undefined;
  const wait = Number(options.wait ?? env.SMOKE_WAIT_SECONDS ?? (target === 'local' ? 60 : 180));
  if (!Number.isFinite(wait) || wait <= 0) throw new SettingsError('--wait: seconds, above 0');
  const token = options.token ?? env.SMOKE_TOKEN;
  const cleanupKey = staticKey('SMOKE_CLEANUP_KEY', env.SMOKE_CLEANUP_KEY);
  return {
    apiUrl,
    target,
    ...(target === 'local' ? { dataDir: options.dataDir ?? env.DATA_DIR ?? '.data' } : {}),
    ...(token ? { token } : {}),
    ...(tokenRequest ? { tokenRequest } : {}),
    ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
    clinic: env.SMOKE_CLINIC ?? 'smoke-clinic',
    ...(env.SMOKE_PHONE ? { phone: env.SMOKE_PHONE } : {}),
    keys,
    ...(cleanupKey ? { cleanupKey } : {}),
    ...(env.ATTACHMENTS_BUCKET ? { attachmentsBucket: env.ATTACHMENTS_BUCKET } : {}),
    queueEndpoint: env.QUEUE_ENDPOINT ?? 'https://message-queue.api.cloud.yandex.net',
    ...(env.SMOKE_CRISIS_QUEUE_URL ? { crisisQueueUrl: env.SMOKE_CRISIS_QUEUE_URL } : {}),
    ...(env.YDB_ENDPOINT && env.YDB_DATABASE && env.YDB_ACCESS_TOKEN
      ? { ydb: { endpoint: env.YDB_ENDPOINT, database: env.YDB_DATABASE, token: env.YDB_ACCESS_TOKEN } }
      : {}),
    waitSeconds: wait,
    skip: new Set(options.skip ?? []),
  };
}
