import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { inDays, registerDoctor, today } from '../support/sponsors';
import {
  appointmentsOf,
  describeAndAnswer,
  onboard,
  patientOf,
  telegramUser,
  webhookSecret,
} from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('chatbot: when the domain says no', () => {
  let cloud: TestCloud;
  let insurer: string;

  const repos = async <T>(work: (r: Repositories) => Promise<T>) =>
    (await getServices()).store.transaction(work);

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
    await registerDoctor(cloud, admin, 'psychologist');
  });
  afterAll(() => cloud.stop());

  it('links a policy by number and birth date; a visit it does not cover is booked at own expense', async () => {
    // Prepare: a policy for therapists only
    const product = await cloud.request('POST', '/v1/insurance-products', {
      token: insurer,
      body: { name: 'Телемедицина Базовый', consultationsPerYear: 5, specialties: ['therapist'] },
    });
    const number = `П 77-${crypto.randomUUID().slice(0, 6)}`;
    await cloud.request('POST', '/v1/policies', {
      token: insurer,
      body: {
        productId: product.body.id,
        number,
        holderBirthDate: '1985-04-15',
        startsOn: today(),
        endsOn: inDays(300),
      },
    });
    const user = telegramUser(cloud, 7_100_001);
    await user.text('/start');
    await user.press('Согласен');
    await user.contact('89161234567');
    // Act
    await user.press('Подключить полис');
    await user.text(`${number} 16.04.1985`);
    const wrongDate = (await user.last()).text;
    await user.text(`${number} 15.04.1985`);
    // Assess
    expect(wrongDate).toContain('ничего не нашлось');
    expect((await user.messages()).at(-2)?.text).toBe('Подключено: «Телемедицина Базовый».');
    expect((await patientOf(user)).payer).toMatchObject({ type: 'policy' });
    expect((await patientOf(user)).phone).toBe('89161234567');

    // Act: a psychology session, which the policy does not cover
    await user.press('Москва (UTC+3)');
    await describeAndAnswer(user, 'Тревога и бессонница уже месяц');
    await user.press((await user.last()).buttons[0]?.text as string);
    const refused = await user.last();
    const heldBefore = await appointmentsOf(user);
    await user.press('Записаться за свой счёт');
    await user.press('Подтвердить');
    // Assess: the refusal left nothing behind; the booking at own expense has no sponsor
    expect(refused.text).toBe('Программа не покрывает эту запись.');
    expect(heldBefore).toEqual([]);
    const [appointment] = await appointmentsOf(user);
    expect(appointment?.status).toBe('booked');
    expect(await repos((r) => r.entitlements.visit(appointment?.id as string))).toBeUndefined();
  });

  it('tells the second of two patients after one time that it is taken, and offers the rest', async () => {
    // Prepare: both see the same list
    const first = telegramUser(cloud, 7_100_002);
    const second = telegramUser(cloud, 7_100_003);
    for (const user of [second, first]) {
      await onboard(user);
      await describeAndAnswer(user, 'Тревога и бессонница уже месяц');
    }
    const wanted = (await second.last()).buttons[0]?.text as string;
    expect((await first.last()).buttons[0]?.text).toBe(wanted);
    // Act
    await first.press(wanted);
    await second.press(wanted);
    // Assess
    const { text, buttons } = await second.last();
    expect(text).toBe(
      'Это время уже заняли. Вот что свободно сейчас:\nВыберите удобное время (время: Москва).',
    );
    expect(buttons.map((b) => b.text)).not.toContain(wanted);
    expect(buttons.length).toBeGreaterThan(0);
    expect(await appointmentsOf(second)).toEqual([]);
    expect((await appointmentsOf(first)).map((a) => a.status)).toEqual(['held']);
  });

  it('shows crisis help and escalates to the on-call clinician, without naming anything', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_100_004);
    await onboard(user);
    // Act
    await describeAndAnswer(user, 'Не хочу жить, думаю о том, чтобы покончить с собой', '27');
    // Assess
    const texts = (await user.messages()).map((m) => m.text);
    const help = texts.find((t) => t.startsWith('Вы не одни.'));
    expect(help).toContain('112');
    expect(help).toContain('103');
    const events = await repos((r) => r.outbox.pending(1000));
    const crisis = events
      .filter((e) => e.eventType === 'crisis.detected.v1')
      .map((e) => JSON.parse(e.body).data);
    expect(crisis).toContainEqual({
      triageId: expect.any(String),
      patientId: (await patientOf(user)).patientId,
    });
  });

  it('delivers, on a retried update, the calls a crash left unsent, and nothing twice', async () => {
    // Prepare: an update is processed, then its call is put back as if the function died before sending
    const user = telegramUser(cloud, 7_100_005);
    const start = await user.text('/start');
    const updateId = start.update_id as number;
    const { store } = await getServices();
    await store.database.transaction((t) =>
      t.update('chatbot_outbox', { update_id: updateId, seq: 0 }, { status: 'pending', sent_at: null }),
    );
    expect((await user.calls()).map((c) => c.status)).toEqual(['pending']);
    // Act: Telegram retries the update
    await user.send(start);
    // Assess
    const calls = (await user.calls()).filter((c) => c.updateId === updateId);
    expect(calls.map((c) => [c.method, c.status])).toEqual([['sendMessage', 'sent']]);
    expect(await repos((r) => r.chatbot.outcome(updateId))).toBe('handled');
  });
});
