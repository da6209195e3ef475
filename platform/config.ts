import { checkEndpoint, checkRegion, checkZone } from './residency';
import { defineSettings, setting } from './settings';

/**
 * The runtime kit's settings, which every function reads: where it runs, its database, keys,
 * queues and object storage. Each module declares its own (modules/<name>/settings.ts).
 * A bad value stops the function at cold start with a message naming it.
 */
export const config = defineSettings(
  'platform',
  {
    APP_ENV: setting.oneOf(['local', 'test', 'cloud'], 'cloud'),
    LOG_LEVEL: setting.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    YC_REGION: setting.text('ru-central1'),
    YC_ZONE: setting.optionalText(),
    DB_DRIVER: setting.oneOf(['sqlite', 'ydb'], 'ydb'),
    SQLITE_PATH: setting.text('.data/telemed.sqlite'),
    /** Tests only: abort the first N commits of every (N) or every M-th (N/M) SQLite transaction, as YDB may. */
    SQLITE_RERUN: setting.matching(/^\d+(\/\d+)?$/, 'N or N/M'),
    YDB_ENDPOINT: setting.optionalText(),
    YDB_DATABASE: setting.optionalText(),
    /** Local YDB with authentication only; in the cloud the function's service account is used (metadata). */
    YDB_ACCESS_TOKEN: setting.optionalText(),
    QUEUE_ENDPOINT: setting.text('https://message-queue.api.cloud.yandex.net'),
    STORAGE_ENDPOINT: setting.text('https://storage.yandexcloud.net'),
    ACCESS_KEY_ID: setting.optionalText(),
    SECRET_ACCESS_KEY: setting.optionalText(),
    KMS_DRIVER: setting.oneOf(['keyring', 'yandex'], 'yandex'),
    KMS_KEY_ID: setting.optionalText(),
    KMS_ENDPOINT: setting.text('https://kms.yandex'),
    KEYRING_PATH: setting.text('.data/keyring.json'),
    QUEUE_MAX_ATTEMPTS: setting.integer(1, 100, 5),
    QUEUE_RETRY_DELAY_SECONDS: setting.integer(0, 900, 30),
    /** How long one outbox-relay run keeps polling; below the function timeout, so runs do not overlap. */
    RELAY_MAX_RUN_SECONDS: setting.integer(0, 600, 55),
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
