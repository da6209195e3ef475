import * as z from 'zod';
import { checkEndpoint, checkRegion, checkZone } from './residency';
import { defineSettings } from './settings';

/**
 * The runtime kit's settings, which every function reads: where it runs, its database, keys,
 * queues and object storage. Each module declares its own (modules/<name>/settings.ts).
 * A bad value stops the function at cold start with a message naming it.
 */
export const config = defineSettings(
  'platform',
  {
    APP_ENV: z.enum(['local', 'test', 'cloud']).default('cloud'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    YC_REGION: z.string().default('ru-central1'),
    YC_ZONE: z.string().optional(),
    DB_DRIVER: z.enum(['sqlite', 'ydb']).default('ydb'),
    SQLITE_PATH: z.string().default('.data/telemed.sqlite'),
    YDB_ENDPOINT: z.string().optional(),
    YDB_DATABASE: z.string().optional(),
    /** Local YDB with authentication only; in the cloud the function's service account is used (metadata). */
    YDB_ACCESS_TOKEN: z.string().optional(),
    QUEUE_ENDPOINT: z.string().default('https://message-queue.api.cloud.yandex.net'),
    STORAGE_ENDPOINT: z.string().default('https://storage.yandexcloud.net'),
    ACCESS_KEY_ID: z.string().optional(),
    SECRET_ACCESS_KEY: z.string().optional(),
    KMS_DRIVER: z.enum(['keyring', 'yandex']).default('yandex'),
    KMS_KEY_ID: z.string().optional(),
    KMS_ENDPOINT: z.string().default('https://kms.yandex'),
    KEYRING_PATH: z.string().default('.data/keyring.json'),
    QUEUE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    QUEUE_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(900).default(30),
    /** How long one outbox-relay run keeps polling; below the function timeout, so runs do not overlap. */
    RELAY_MAX_RUN_SECONDS: z.coerce.number().int().min(0).max(600).default(55),
  },
  {
    requiredInCloud: ['YDB_ENDPOINT', 'YDB_DATABASE', 'KMS_KEY_ID'],
    check: (env, { cloud, fail, guard }) => {
      const allowLoopback = env.APP_ENV !== 'cloud';
      guard('YC_REGION', () => checkRegion('YC_REGION', env.YC_REGION));
      if (env.YC_ZONE) guard('YC_ZONE', () => checkZone('YC_ZONE', env.YC_ZONE as string));
      for (const setting of ['QUEUE_ENDPOINT', 'STORAGE_ENDPOINT', 'KMS_ENDPOINT', 'YDB_ENDPOINT'] as const) {
        const value = env[setting];
        if (value) guard(setting, () => checkEndpoint(setting, value, allowLoopback));
      }
      if (!cloud && env.DB_DRIVER === 'ydb' && (!env.YDB_ENDPOINT || !env.YDB_DATABASE))
        fail('YDB_ENDPOINT', 'DB_DRIVER=ydb needs YDB_ENDPOINT and YDB_DATABASE');
      if (!cloud && env.KMS_DRIVER === 'yandex' && !env.KMS_KEY_ID)
        fail('KMS_KEY_ID', 'KMS_DRIVER=yandex needs KMS_KEY_ID');
      if (cloud && (env.DB_DRIVER === 'sqlite' || env.KMS_DRIVER === 'keyring'))
        fail('APP_ENV', 'the embedded SQLite database and local keyring are for APP_ENV=local or test only');
    },
  },
);

export type Config = ReturnType<typeof config>;

/** The runtime kit's settings in `env`, for tools that are not functions (migrate, deploy checks). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return config.parse(env);
}
