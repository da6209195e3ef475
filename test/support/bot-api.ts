import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Telegram Bot API on a local port: every sendMessage made to it, by the bot's replies or by
 * the notifications' Telegram channel, is kept by chat, as the patient's Telegram would show it.
 */
export async function startBotApi() {
  const sent: { chatId: string; text: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url?.endsWith('/sendMessage')) {
        const message = JSON.parse(body || '{}') as { chat_id?: string | number; text?: string };
        sent.push({ chatId: String(message.chat_id), text: String(message.text) });
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"result":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: '123456:abcdefghijklmnopqrstuvwxyz0123456789',
    /** The texts a chat received, in order. */
    to: (chatId: number | string) => sent.filter((m) => m.chatId === String(chatId)).map((m) => m.text),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
