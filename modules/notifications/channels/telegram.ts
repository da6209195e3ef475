import type { Channel, OutgoingMessage } from './port';
import { PermanentFailure } from './port';

/** Telegram messages through the Bot API. Its servers are abroad: the policy sends no health data here. */
export function telegramMessages(botToken: string, apiBase = 'https://api.telegram.org'): Channel {
  return {
    name: 'telegram',
    send: async (message: OutgoingMessage) => {
      const response = await fetch(`${apiBase}/bot${botToken}/sendMessage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ chat_id: message.address, text: message.text }),
      });
      // 400/403: wrong chat or the user blocked the bot; 429 and 5xx are worth a retry.
      if (response.status === 400 || response.status === 403)
        throw new PermanentFailure(`telegram ${response.status}`);
      if (!response.ok) throw new Error(`telegram answered ${response.status}`);
    },
  };
}
