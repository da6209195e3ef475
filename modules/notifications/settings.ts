import { checkEndpoint, checkTelegramEndpoint } from '../../platform/residency';
import { defineSettings, setting } from '../../platform/settings';

/** How messages leave: the channels' endpoints and senders, and how many a person may get. */
export const notificationsSettings = defineSettings(
  'notifications',
  {
    /** capture: every message lands in the local capture (GET /v1/dev/outbox); cloud: CNS SMS and Postbox email. */
    NOTIFY_DRIVER: setting.optionalOneOf(['capture', 'cloud']),
    SNS_ENDPOINT: setting.text('https://notifications.yandexcloud.net'),
    POSTBOX_ENDPOINT: setting.text('https://postbox.cloud.yandex.net'),
    SMS_SENDER_ID: setting.matchingOr(/^.{1,11}$/, '1 to 11 characters', 'Telemed'),
    EMAIL_FROM: setting.text('no-reply@telemed.example.ru'),
    /** Messages per recipient per hour before non-critical ones are dropped. */
    NOTIFY_HOURLY_LIMIT: setting.integer(1, 1000, 20),
    /** The bot's token (from Lockbox): the Telegram channel sends with it; required in the cloud. */
    TELEGRAM_BOT_TOKEN: setting.matching(/^\d+:[\w-]{30,}$/, 'not a Telegram bot token'),
    TELEGRAM_API_ROOT: setting.text('https://api.telegram.org'),
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
