import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDoctor } from '../support/sponsors';
import { describeAndAnswer, onboard, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Issue 17 item 4: when triage is unsure of what the patient wrote, it lists yes/no red-flag
 * questions; the bot asks every one of them before it offers any slot, and a «yes» settles the
 * disposition (an emergency offers no slot at all). Through the running local cloud's webhook.
 */
describe('chatbot: red-flag screening before any slot', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    await registerDoctor(cloud, admin, 'dermatologist');
  });
  afterAll(() => cloud.stop());

  /** The heavy-bleeding red-flag question, asked whatever body system the complaint names. */
  const bleedingQuestion = /кровотечение/;

  it('asks the red-flag questions, each answered no, before the first slot', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_140_001);
    await onboard(user);
    // Act: an itchy rash, «no» to every question
    await describeAndAnswer(user, 'сыпь на руке чешется', '34');
    // Assess: the screening came before the first message offering times
    const messages = await user.messages();
    const asked = messages.findIndex((m) => bleedingQuestion.test(m.text));
    const slots = messages.findIndex((m) => m.text.startsWith('Выберите удобное время'));
    expect(asked).toBeGreaterThan(-1);
    expect(messages[asked]?.buttons.map((b) => b.text)).toEqual(['Да', 'Нет', 'Не знаю']);
    expect(slots).toBeGreaterThan(asked);
  });

  it('offers no slot and tells to call 103 when a red-flag question is answered yes', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_140_002);
    await onboard(user);
    await user.text('сыпь на руке чешется');
    await user.text('34');
    // Act: «no» (or «cannot measure») to the follow-ups, «yes» once the bleeding question comes
    for (let turns = 0; turns < 20; turns++) {
      const last = await user.last();
      const labels = last.buttons.map((b) => b.text);
      if (labels.includes('Да')) await user.press(bleedingQuestion.test(last.text) ? 'Да' : 'Нет');
      else if (labels.includes('Не могу измерить')) await user.press('Не могу измерить');
      else break;
    }
    // Assess
    const messages = await user.messages();
    expect(messages.some((m) => bleedingQuestion.test(m.text))).toBe(true);
    expect(messages.some((m) => m.text.startsWith('Выберите удобное время'))).toBe(false);
    expect((await user.last()).text).toMatch(/103|112/);
  });
});
