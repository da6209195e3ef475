import * as z from 'zod';
import {
  checkEndpoint,
  checkPaymentEndpoint,
  checkRegion,
  checkTelegramEndpoint,
  checkZone,
  ResidencyViolation,
} from './residency';

/**
 * Settings every function reads from its environment, validated once at cold start.
 * A bad value stops the function before it handles anything, with a message naming it.
 */
const schema = z
  .object({
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
    /** How long a slot stays held while the patient confirms. */
    HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
    /**
     * How self-paying patients pay: none (at the clinic, outside this system: a confirmed visit is
     * booked at once), yookassa (ЮKassa: booked once paid), local (a stand-in for development).
     */
    PAYMENT_PROVIDER: z.enum(['none', 'local', 'yookassa']).default('none'),
    /** How long a confirmed self-paid visit keeps its slot while the patient pays. */
    PAYMENT_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
    /** The public base URL of the API (API Gateway): payment links point at its checkout route. */
    PUBLIC_API_URL: z.url().optional(),
    /** Where the provider sends the patient after paying. */
    PAYMENT_RETURN_URL: z.url().default('https://telemed.example.ru/paid'),
    /** ЮKassa's API; another host only for a local stand-in in tests. */
    YOOKASSA_API_ROOT: z.string().default('https://api.yookassa.ru/v3'),
    YOOKASSA_SHOP_ID: z
      .string()
      .regex(/^\d{3,12}$/, 'a ЮKassa shopId (digits)')
      .optional(),
    YOOKASSA_SECRET_KEY: z.string().min(16).optional(),
    /** The local stand-in trusts notifications carrying this secret in X-Webhook-Secret. */
    PAYMENT_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** Base of video consultation links; the video provider adapter builds room links under it. */
    VIDEO_BASE_URL: z.url().default('https://video.telemed.example.ru/room'),
    /** Bucket for files attached to consultations (presigned uploads and downloads). */
    ATTACHMENTS_BUCKET: z.string().min(3).default('telemed-attachments'),
    /** Bucket for sponsors' files: enrolment uploads with their results, and reports. */
    SPONSOR_BUCKET: z.string().min(3).default('telemed-sponsor-files'),
    /** Bucket for device files: readings exports (CSV) and ECGs, uploaded by presigned URL. */
    READINGS_BUCKET: z.string().min(3).default('telemed-readings'),
    /** capture: every message lands in the local capture (GET /v1/dev/outbox); cloud: CNS SMS and Postbox email. */
    NOTIFY_DRIVER: z.enum(['capture', 'cloud']).optional(),
    SNS_ENDPOINT: z.string().default('https://notifications.yandexcloud.net'),
    POSTBOX_ENDPOINT: z.string().default('https://postbox.cloud.yandex.net'),
    SMS_SENDER_ID: z.string().min(1).max(11).default('Telemed'),
    EMAIL_FROM: z.string().default('no-reply@telemed.example.ru'),
    /**
     * The clinic whose on-call clinician answers crises of patients who belong to no clinic
     * (app users, employees on psychology packages, chatbot users). Required in the cloud.
     */
    CRISIS_DUTY_TENANT: z.string().min(1).max(128).optional(),
    /** Minutes a critical escalation waits for acknowledgement before going one level up. */
    ESCALATION_SLA_MINUTES: z.coerce.number().min(0).max(1440).default(10),
    /** Messages per recipient per hour before non-critical ones are dropped. */
    NOTIFY_HOURLY_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    /** How long one outbox-relay run keeps polling; below the function timeout, so runs do not overlap. */
    RELAY_MAX_RUN_SECONDS: z.coerce.number().int().min(0).max(600).default(55),
    /** The chatbot function's bot token (from Lockbox); required there when TELEGRAM_API=telegram. */
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{30,}$/, 'not a Telegram bot token')
      .optional(),
    /** The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token (setWebhook secret_token); chatbot only. */
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[\w-]{16,256}$/, '16-256 of A-Z a-z 0-9 _ -')
      .optional(),
    TELEGRAM_BOT_USERNAME: z
      .string()
      .regex(/^\w{5,32}$/)
      .default('telemed_bot'),
    /** telegram: the real Bot API; capture: outgoing calls only recorded (default when APP_ENV is local or test). */
    TELEGRAM_API: z.enum(['capture', 'telegram']).optional(),
    TELEGRAM_API_ROOT: z.string().default('https://api.telegram.org'),
  })
  .superRefine((env, ctx) => {
    const allowLoopback = env.APP_ENV !== 'cloud';
    const guard = (setting: keyof typeof env, check: () => void) => {
      try {
        check();
      } catch (error) {
        if (!(error instanceof ResidencyViolation)) throw error;
        ctx.addIssue({ code: 'custom', path: [setting], message: error.reason });
      }
    };
    guard('YC_REGION', () => checkRegion('YC_REGION', env.YC_REGION));
    if (env.YC_ZONE) guard('YC_ZONE', () => checkZone('YC_ZONE', env.YC_ZONE as string));
    const endpoints = [
      'QUEUE_ENDPOINT',
      'STORAGE_ENDPOINT',
      'KMS_ENDPOINT',
      'YDB_ENDPOINT',
      'SNS_ENDPOINT',
      'POSTBOX_ENDPOINT',
    ] as const;
    for (const setting of endpoints) {
      const value = env[setting];
      if (value) guard(setting, () => checkEndpoint(setting, value, allowLoopback));
    }
    // Abroad, so for the chatbot channel only, which carries no health data.
    guard('TELEGRAM_API_ROOT', () =>
      checkTelegramEndpoint('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT, allowLoopback),
    );
    guard('YOOKASSA_API_ROOT', () =>
      checkPaymentEndpoint('YOOKASSA_API_ROOT', env.YOOKASSA_API_ROOT, allowLoopback),
    );
    if (env.DB_DRIVER === 'ydb' && (!env.YDB_ENDPOINT || !env.YDB_DATABASE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['YDB_ENDPOINT'],
        message: 'DB_DRIVER=ydb needs YDB_ENDPOINT and YDB_DATABASE',
      });
    }
    if (env.APP_ENV === 'cloud' && !env.CRISIS_DUTY_TENANT) {
      ctx.addIssue({
        code: 'custom',
        path: ['CRISIS_DUTY_TENANT'],
        message: 'name the clinic whose on-call clinician answers crises of patients without a clinic',
      });
    }
    // The shop's credentials are checked where the provider is built (booking), not here:
    // the chatbot sends payment links and must not hold the shop's secret.
    if (env.PAYMENT_PROVIDER !== 'none' && env.APP_ENV === 'cloud' && !env.PUBLIC_API_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_API_URL'],
        message: 'payment links need the public URL of the API Gateway',
      });
    }
    if (env.PAYMENT_PROVIDER === 'local' && (env.APP_ENV === 'cloud' || !env.PAYMENT_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENT_PROVIDER'],
        message: 'the local payment stand-in is for APP_ENV=local or test, with PAYMENT_WEBHOOK_SECRET',
      });
    }
    if (env.KMS_DRIVER === 'yandex' && !env.KMS_KEY_ID) {
      ctx.addIssue({ code: 'custom', path: ['KMS_KEY_ID'], message: 'KMS_DRIVER=yandex needs KMS_KEY_ID' });
    }
    if (env.APP_ENV === 'cloud' && (env.DB_DRIVER === 'sqlite' || env.KMS_DRIVER === 'keyring')) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_ENV'],
        message: 'the embedded SQLite database and local keyring are for APP_ENV=local or test only',
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration, the function cannot start:\n${lines.join('\n')}`);
}

let cached: Config | undefined;

/** The process-wide configuration, loaded on first use (the function's cold start). */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
