import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { secretHeader, webhookSecret } from '../support/telegram';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

/** Real Bot API updates from Telegram's docs, libraries' tests and captures (test/fixtures/README.md). */
const samplesDir = resolve(projectRoot, 'test/fixtures/telegram');
const samples = readdirSync(samplesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    update: (JSON.parse(readFileSync(join(samplesDir, file), 'utf8')) as { update: Record<string, unknown> })
      .update,
  }));

/** What becomes of each sample, delivered with an update id of its own. */
const expected: Record<string, string> = {
  '01_official_message_text_start.json': 'handled', // "/start" without a bot_command entity
  '02_official_edited_message.json': 'ignored:edited_message',
  '03_official_message_reply.json': 'handled',
  '04_official_callback_query_inline_message.json': 'ignored:inline_message_callback',
  '05_official_message_voice.json': 'handled', // asked for text
  '06_official_message_document.json': 'handled',
  '07_aiogram_update_message_text.json': 'handled',
  '08_aiogram_message_with_contact.json': 'handled', // someone else's card, before any consent
  '09_aiogram_message_with_location.json': 'handled',
  '10_aiogram_edited_message.json': 'ignored:edited_message',
  '11_pytba_update_text_entities_realistic.json': 'handled',
  '12_pytba_message_with_inline_keyboard.json': 'handled',
  '13_pytba_contact_with_user_id.json': 'handled',
  '14_teleiq_callback_query_with_message_inline_keyboard.json': 'handled', // unknown button: "no longer works"
  '15_github_captured_callback_query_ru.json': 'handled',
  '16_github_captured_contact_share_ru.json': 'handled',
};

describe('chatbot: replay of real Telegram updates', () => {
  let cloud: TestCloud;
  const post = (update: Record<string, unknown>) =>
    cloud.request('POST', '/v1/telegram/webhook', {
      body: update,
      headers: { [secretHeader]: webhookSecret },
    });
  const outcome = async (updateId: number) => {
    const { store } = await getServices();
    return store.transaction((r) => r.chatbot.outcome(updateId));
  };

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
  });
  afterAll(() => cloud.stop());

  it('has an expectation for every sample in the folder', () => {
    expect(samples.map((s) => s.file)).toEqual(Object.keys(expected).sort());
  });

  it('takes every update as published; the official ones share update_id 10000, so only the first acts', async () => {
    // Act
    const responses = [];
    for (const { update } of samples) responses.push((await post(update)).status);
    // Assess
    expect(responses.every((status) => status === 200)).toBe(true);
    expect(await outcome(10000)).toBe('handled');
    for (const { file, update } of samples.filter((s) => s.update.update_id !== 10000))
      expect(await outcome(update.update_id as number), file).toBe(expected[file]);
  });

  it('handles or deliberately ignores each update on its own, without an error', async () => {
    // Act: the same updates, each under a fresh id so none is taken for a retry
    const results = [];
    for (const [i, { file, update }] of samples.entries()) {
      const updateId = 800_000_000 + i;
      const response = await post({ ...update, update_id: updateId });
      results.push({ file, status: response.status, outcome: await outcome(updateId) });
    }
    // Assess
    expect(results).toEqual(samples.map(({ file }) => ({ file, status: 200, outcome: expected[file] })));
  });

  it('answers unknown buttons as stale, and keeps no phone number from anyone who has not consented', async () => {
    // Prepare
    const { store } = await getServices();
    const calls = await store.transaction((r) => r.chatbot.callsTo('7'));
    const patient = await store.transaction((r) => r.chatbot.patient('1005024016'));
    // Assess: sample 14's "color:red" tap from user 7
    expect(calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text)).toContain(
      'Эта кнопка уже не действует.',
    );
    expect(patient).toBeUndefined();
  });
});
