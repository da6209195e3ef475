import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatbotEnvironment, chatbotSettings, secretMatches } from '../../modules/chatbot/settings';
import { telegramTransport } from '../../modules/chatbot/transport';
import { notificationsSettings } from '../../modules/notifications/settings';
import { loadConfig } from '../../platform/config';
import { ConfigError } from '../../platform/settings';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0';
const secret = 'webhook-secret-0123456789';
const cloudEnv = {
  APP_ENV: 'cloud',
  YDB_ENDPOINT: 'grpcs://ydb.serverless.yandexcloud.net:2135',
  YDB_DATABASE: '/ru-central1/b1g/etn',
  KMS_KEY_ID: 'abj-key',
};

describe('chatbot settings and the Telegram channel', () => {
  it('allows api.telegram.org for the Telegram channel only', () => {
    // Prepare
    const bot = { ...cloudEnv, TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret };
    // Act + Assess
    expect(chatbotEnvironment.parse(bot).TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(() =>
      chatbotEnvironment.parse({ ...bot, TELEGRAM_API_ROOT: 'https://api.telegram.example.com' }),
    ).toThrow(/TELEGRAM_API_ROOT: host "api.telegram.example.com" is not api.telegram.org/);
    expect(() =>
      notificationsSettings.parse({ ...bot, TELEGRAM_API_ROOT: 'https://api.telegram.example.com' }),
    ).toThrow(/TELEGRAM_API_ROOT: host "api.telegram.example.com" is not api.telegram.org/);
    expect(() => loadConfig({ ...cloudEnv, QUEUE_ENDPOINT: 'https://api.telegram.org' })).toThrow(
      /QUEUE_ENDPOINT: host "api.telegram.org" is not a Yandex Cloud host/,
    );
  });

  it('refuses to start the chatbot without its secret, or in the cloud without a token', () => {
    // Act + Assess
    expect(() => chatbotEnvironment.parse({ ...cloudEnv, TELEGRAM_BOT_TOKEN: token })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: required/,
    );
    expect(() => chatbotEnvironment.parse({ ...cloudEnv, TELEGRAM_WEBHOOK_SECRET: secret })).toThrow(
      ConfigError,
    );
    expect(() => chatbotEnvironment.parse({ ...cloudEnv, TELEGRAM_BOT_TOKEN: '' })).toThrow(
      /TELEGRAM_BOT_TOKEN/,
    );
    expect(
      chatbotSettings(
        chatbotEnvironment.parse({ ...cloudEnv, TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret }),
        true,
      ),
    ).toMatchObject({ transport: 'telegram', botId: 123456789 });
    expect(
      chatbotSettings(chatbotEnvironment.parse({ APP_ENV: 'test', TELEGRAM_WEBHOOK_SECRET: secret }), false),
    ).toMatchObject({ transport: 'capture' });
    expect(() => chatbotSettings(chatbotEnvironment.parse({ APP_ENV: 'test' }), false)).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: required by the chatbot/,
    );
    expect(() =>
      chatbotSettings(chatbotEnvironment.parse({ APP_ENV: 'test', TELEGRAM_WEBHOOK_SECRET: secret }), true),
    ).toThrow(/TELEGRAM_BOT_TOKEN: required when TELEGRAM_API=telegram/);
  });

  it('compares the secret token exactly', () => {
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(0, -1), secret)).toBe(false);
    expect(secretMatches(undefined, secret)).toBe(false);
  });

  describe('the Bot API transport, against a stand-in Bot API on loopback', () => {
    const received: { path: string; body: Record<string, unknown> }[] = [];
    let status = 200;
    const server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      received.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? { ok: true, result: true }
            : {
                ok: false,
                error_code: status,
                description: status === 403 ? 'Forbidden: bot was blocked by the user' : 'Internal',
              },
        ),
      );
    });
    let apiRoot: string;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends the call as Telegram expects it; a block is final, a server error is retried', async () => {
      // Prepare
      const transport = telegramTransport(token, apiRoot);
      const call = { method: 'sendMessage' as const, payload: { chat_id: 42, text: 'Вы записаны: …' } };
      // Act
      status = 200;
      const sent = await transport.deliver(call);
      status = 403;
      const blocked = await transport.deliver(call);
      status = 500;
      const failing = transport.deliver(call);
      // Assess
      expect(sent).toBe('sent');
      expect(received[0]).toEqual({
        path: `/bot${token}/sendMessage`,
        body: { chat_id: 42, text: 'Вы записаны: …' },
      });
      expect(blocked).toBe('rejected');
      await expect(failing).rejects.toThrow();
    });
  });
});
