import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from '../../platform/config';
import { checkTelegramEndpoint } from '../../platform/residency';
import { ConfigError, defineSettings, setting } from '../../platform/settings';

/** The chatbot's settings: the bot's token and webhook secret (from Lockbox), and the Bot API. */
export const chatbotEnvironment = defineSettings(
  'chatbot',
  {
    /** The bot's token; required when TELEGRAM_API=telegram (the default in the cloud). */
    TELEGRAM_BOT_TOKEN: setting.matching(/^\d+:[\w-]{30,}$/, 'not a Telegram bot token'),
    /** The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token (setWebhook secret_token). */
    TELEGRAM_WEBHOOK_SECRET: setting.matching(/^[\w-]{16,256}$/, '16-256 of A-Z a-z 0-9 _ -'),
    TELEGRAM_BOT_USERNAME: setting.matchingOr(/^\w{5,32}$/, 'letters, digits and _', 'telemed_bot'),
    /** telegram: the real Bot API; capture: outgoing calls only recorded (default outside the cloud). */
    TELEGRAM_API: setting.optionalOneOf(['capture', 'telegram']),
    TELEGRAM_API_ROOT: setting.text('https://api.telegram.org'),
  },
  {
    requiredInCloud: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'],
    check: (env, { cloud, guard }) => {
      // Abroad, so for the chatbot channel only, which carries no health data.
      guard('TELEGRAM_API_ROOT', () =>
        checkTelegramEndpoint('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT, !cloud),
      );
    },
  },
);

export interface ChatbotSettings {
  webhookSecret: string;
  transport: 'telegram' | 'capture';
  token: string | undefined;
  apiRoot: string;
  botId: number;
  botUsername: string;
}

/**
 * The chatbot's settings as the bot uses them. Checked when the chatbot starts (its cold start),
 * not with the group: the local cloud runs every function in one process, and only the chatbot
 * needs a secret wherever it runs.
 */
export function chatbotSettings(
  env = chatbotEnvironment(),
  cloud = config().APP_ENV === 'cloud',
): ChatbotSettings {
  const transport = env.TELEGRAM_API ?? (cloud ? 'telegram' : 'capture');
  const missing: string[] = [];
  if (!env.TELEGRAM_WEBHOOK_SECRET)
    missing.push('TELEGRAM_WEBHOOK_SECRET: required by the chatbot (the secret_token given to setWebhook)');
  if (transport === 'telegram' && !env.TELEGRAM_BOT_TOKEN)
    missing.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_API=telegram');
  if (missing.length)
    throw new ConfigError(`Invalid configuration, the function cannot start:\n  ${missing.join('\n  ')}`);
  return {
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET as string,
    transport,
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    // A bot token starts with the bot's id; under capture there may be no token at all.
    botId: Number(env.TELEGRAM_BOT_TOKEN?.split(':')[0] ?? 1),
    botUsername: env.TELEGRAM_BOT_USERNAME,
  };
}

/** Constant-time: digests have one length, so neither the length nor a prefix of the secret leaks. */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
