import type { Update, UserFromGetMe } from 'grammy/types';
import * as z from 'zod';
import { httpRoute } from '../../platform/http';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { bookingSettings, checkoutUrl, paymentMinutes, video } from '../booking';
import { sponsorPayers } from '../coverage';
import { deliverCalls, processUpdate } from './process-update';
import { botIdentity } from './routing';
import { chatbotSettings, secretMatches } from './settings';
import { type BotTransport, captureTransport, telegramTransport } from './transport';

let bot:
  | { settings: ReturnType<typeof chatbotSettings>; transport: BotTransport; me: UserFromGetMe }
  | undefined;

/** The bot's settings, transport and identity, built once per instance (checked at cold start). */
export function chatbot() {
  if (!bot) {
    const settings = chatbotSettings();
    const transport =
      settings.transport === 'telegram'
        ? telegramTransport(settings.token as string, settings.apiRoot)
        : captureTransport;
    bot = { settings, transport, me: botIdentity(settings.botId, settings.botUsername) };
  }
  return bot;
}

/** Only the id is ours to check; grammY reads the rest, and ignores what it does not know. */
const updateBody = z.looseObject({ update_id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

const receiveUpdate = httpRoute({
  route: 'POST /v1/telegram/webhook',
  // Telegram sends no bearer token: the secret token it echoes proves the call is from it.
  auth: 'public',
  body: updateBody,
  handle: async ({ body, header, route, requestId, correlationId, logger }) => {
    const { settings, transport, me } = chatbot();
    if (!secretMatches(header('x-telegram-bot-api-secret-token'), settings.webhookSecret)) {
      throw problems.unauthenticated('X-Telegram-Bot-Api-Secret-Token is missing or wrong.');
    }
    const { store } = await getServices();
    const minutes = paymentMinutes();
    const outcome = await processUpdate(store, body as unknown as Update, me, {
      holdMinutes: bookingSettings().HOLD_MINUTES,
      video: video(),
      payers: sponsorPayers,
      ...(minutes ? { payment: { minutes, checkoutUrl } } : {}),
      route,
      requestId,
      correlationId,
    });
    await deliverCalls(store, transport, body.update_id);
    // The update id and what became of it; never a word the patient wrote.
    logger.info({ updateId: body.update_id, outcome }, 'telegram update');
    return { status: 200, body: { ok: true } };
  },
});

export const chatbotApi = operations({ receiveTelegramUpdate: receiveUpdate });
