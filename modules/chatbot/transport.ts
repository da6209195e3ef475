import { Api, GrammyError } from 'grammy/web';
import type { BotCall } from './repositories/chatbot';

/**
 * The port outgoing Bot API calls leave through. Every call is first committed to the
 * chatbot outbox (storage/repositories/chatbot.ts), which is the record of what the patient
 * sees; a transport then delivers it: to Telegram in the cloud, nowhere under capture.
 */
export interface BotTransport {
  readonly name: 'telegram' | 'capture';
  /** 'rejected': Telegram refused it for good (blocked bot, deleted chat), so it is not retried. */
  deliver(call: BotCall): Promise<'sent' | 'rejected'>;
}

/** Local cloud and tests: the committed outbox row is the capture; nothing leaves the machine. */
export const captureTransport: BotTransport = {
  name: 'capture',
  deliver: async () => 'sent',
};

/** The real Bot API through grammY. Its host is allowed for this channel only (platform/residency.ts). */
export function telegramTransport(token: string, apiRoot: string): BotTransport {
  const api = new Api(token, { apiRoot });
  return {
    name: 'telegram',
    async deliver(call) {
      try {
        if (call.method === 'sendMessage') await api.raw.sendMessage(call.payload as never);
        else await api.raw.answerCallbackQuery(call.payload as never);
        return 'sent';
      } catch (error) {
        // 400 and 403 will not change on a retry; 429, 5xx and network errors may.
        if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403))
          return 'rejected';
        throw error;
      }
    },
  };
}
