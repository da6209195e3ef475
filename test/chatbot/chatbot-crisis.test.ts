import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { describeAndAnswer, onboard, patientOf, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Issue 17: nobody in crisis is asked anything before the crisis lines. The words are read as
 * they arrive; on the crisis path the answer to that very message is the lines, and the on-call
 * clinician is paged once for the episode. Through the running local cloud's webhook.
 */
describe('chatbot: the crisis path answers the message itself', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
  });
  afterAll(() => cloud.stop());

  const crisesOf = async (patientId: string) => {
    const { store } = await getServices();
    const pending = await store.transaction((r) => r.outbox.pending(1000));
    return pending
      .filter((e) => e.eventType === 'crisis.detected.v1')
      .filter((e) => JSON.parse(e.body).data.patientId === patientId);
  };

  it('answers a suicidal message with the crisis lines before asking the age, and pages once', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_150_001);
    await onboard(user);
    const before = (await user.messages()).length;
    // Act: the words, then an age typed anyway
    await user.text('Не хочу жить, думаю о том, чтобы покончить с собой');
    const answered = (await user.messages()).slice(before).map((m) => m.text);
    await user.text('27');
    // Assess
    expect(answered[0]).toMatch(/^Вы не одни\./);
    expect(answered[0]).toContain('112');
    expect(answered.join('\n')).not.toContain('Сколько вам полных лет?');
    expect(await crisesOf((await patientOf(user)).patientId)).toHaveLength(1);
  });

  it('gives the lines first, then asks the age when slots may follow, and pages once for the episode', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_150_003);
    await onboard(user);
    const before = (await user.messages()).length;
    // Act: thoughts without a plan (a visit within a day may follow), then the age and the follow-ups
    await describeAndAnswer(user, 'иногда думаю, что жить незачем', '41');
    // Assess
    const answered = (await user.messages()).slice(before).map((m) => m.text);
    expect(answered[0]).toMatch(/^Вы не одни\./);
    expect(answered[1]).toBe('Сколько вам полных лет?');
    expect(answered.filter((text) => text.startsWith('Вы не одни.'))).toHaveLength(1);
    expect(await crisesOf((await patientOf(user)).patientId)).toHaveLength(1);
  });

  it('reads the words in English too, with the lines in the first answer', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_150_002);
    await onboard(user);
    const before = (await user.messages()).length;
    // Act
    await user.text('I want to kill myself, I have been stockpiling pills');
    // Assess
    const [first] = (await user.messages()).slice(before);
    expect(first?.text).toMatch(/^Вы не одни\./);
    expect(first?.buttons).toEqual([]);
    expect(await crisesOf((await patientOf(user)).patientId)).toHaveLength(1);
  });
});
