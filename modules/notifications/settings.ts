import * as z from 'zod';
import { checkEndpoint, checkTelegramEndpoint } from '../../platform/residency';
import { defineSettings } from '../../platform/settings';

/** How messages leave: the channels' endpoints and senders, and how many a person may get. */
export const notificationsSettings = defineSettings(
  'notifications',
  {
    /** capture: every message lands in the local capture (GET /v1/dev/outbox); cloud: CNS SMS and Postbox email. */
    NOTIFY_DRIVER: z.enum(['capture', 'cloud']).optional(),
    SNS_ENDPOINT: z.string().default('https://notifications.yandexcloud.net'),
    POSTBOX_ENDPOINT: z.string().default('https://postbox.cloud.yandex.net'),
    SMS_SENDER_ID: z.string().min(1).max(11).default('Telemed'),
    EMAIL_FROM: z.string().default('no-reply@telemed.example.ru'),
    /** Messages per recipient per hour before non-critical ones are dropped. */
    NOTIFY_HOURLY_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    /** The bot's token (from Lockbox): the Telegram channel sends with it; required in the cloud. */
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{30,}$/, 'not a Telegram bot token')
      .optional(),
    TELEGRAM_API_ROOT: z.string().default('https://api.telegram.org'),
  },
  {
    requiredInCloud: ['TELEGRAM_BOT_TOKEN'],
    check: (env, { cloud, guard }) => {
      for (const setting of ['SNS_ENDPOINT', 'POSTBOX_ENDPOINT'] as const)
        guard(setting, () => checkEndpoint(setting, env[setting], !cloud));
      // Abroad, so for messages that carry no health data only (the channel policy).
      guard('TELEGRAM_API_ROOT', () =>
        checkTelegramEndpoint('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT, !cloud),
      );
    },
  },
);
