import { createHash, timingSafeEqual } from 'node:crypto';
import { type Config, ConfigError } from '../../platform/config';

export interface ChatbotSettings {
  webhookSecret: string;
  transport: 'telegram' | 'capture';
  token: string | undefined;
  apiRoot: string;
  botId: number;
  botUsername: string;
}

/**
 * The chatbot's own settings. They are optional for every other function, so they are
 * checked here, when the chatbot's module loads (its cold start), and name what is missing.
 */
export function chatbotSettings(cfg: Config): ChatbotSettings {
  const transport = cfg.TELEGRAM_API ?? (cfg.APP_ENV === 'cloud' ? 'telegram' : 'capture');
  const missing: string[] = [];
  if (!cfg.TELEGRAM_WEBHOOK_SECRET)
    missing.push('  TELEGRAM_WEBHOOK_SECRET: required by the chatbot (the secret_token given to setWebhook)');
  if (transport === 'telegram' && !cfg.TELEGRAM_BOT_TOKEN)
    missing.push('  TELEGRAM_BOT_TOKEN: required when TELEGRAM_API=telegram');
  if (missing.length)
    throw new ConfigError(`Invalid configuration, the function cannot start:\n${missing.join('\n')}`);
  return {
    webhookSecret: cfg.TELEGRAM_WEBHOOK_SECRET as string,
    transport,
    token: cfg.TELEGRAM_BOT_TOKEN,
    apiRoot: cfg.TELEGRAM_API_ROOT,
    // A bot token starts with the bot's id; under capture there may be no token at all.
    botId: Number(cfg.TELEGRAM_BOT_TOKEN?.split(':')[0] ?? 1),
    botUsername: cfg.TELEGRAM_BOT_USERNAME,
  };
}

/** Constant-time: digests have one length, so neither the length nor a prefix of the secret leaks. */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
