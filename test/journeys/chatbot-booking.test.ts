import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { moscow } from '../support/sponsors';
import { appointmentsOf, describeAndAnswer, onboard, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * A patient books through the Telegram bot and is told in that chat, as the bot promised: the
 * booking, the reminders a day and an hour before, and minutes before the start the video link,
 * in their zone. Through the running local cloud to the
 * messages captured for their chat; the clock is moved to the reminder, not waited for.
 */
describe('journey: a chatbot booking is confirmed and reminded in Telegram', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    // A psychologist free from the day after tomorrow: the visit is days ahead, so both reminders are real.
    const closed = [0, 1].map((days) => DateTime.now().setZone(moscow).plus({ days }).toISODate() as string);
    const registered = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Анна Психологова',
        specialty: 'psychologist',
        timeZone: moscow,
        services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 30, priceRub: 2000 }],
        schedule: {
          weekly: Object.fromEntries(
            ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '09:00', to: '18:00' }]]),
          ),
          overrides: Object.fromEntries(closed.map((day) => [day, []])),
          minNoticeMinutes: 0,
        },
      },
    });
    if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
  });
  afterAll(() => cloud.stop());

  const inChat = (chatId: number, prefix: string) =>
    cloud
      .devRequest('GET', '/v1/dev/outbox')
      .then((r) =>
        (r.body.items as { channel: string; address: string; body: string }[]).filter(
          (m) => m.channel === 'telegram' && m.address === String(chatId) && m.body.startsWith(prefix),
        ),
      );

  it('sends the booking, both reminders and the link to join to the patient’s chat, in Yekaterinburg time', async () => {
    // Prepare: a patient who agreed, shared their phone and chose Yekaterinburg
    const user = telegramUser(cloud, 7_100_001);
    await onboard(user, 'Екатеринбург (UTC+5)');
    await describeAndAnswer(user, 'Тревога и бессонница');
    // Act: the first slot offered, confirmed; then the reminder timer an hour before the start
    const slots = await user.last();
    await user.press(slots.buttons[0]?.text as string);
    await user.press('Подтвердить');
    await cloud.fireTimer('outbox-relay');
    const booked = await eventually(
      () => inChat(user.userId, 'Вы записаны'),
      (found) => found.length > 0,
    );
    const [appointment] = await appointmentsOf(user);
    const start = appointment?.start as number;
    await later(start - 24 * 3_600_000 + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    const dayBefore = await eventually(
      () => inChat(user.userId, 'Завтра'),
      (found) => found.length > 0,
    );
    await later(start - 60 * 60_000 + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    const reminded = await eventually(
      () => inChat(user.userId, 'Через час'),
      (found) => found.length > 0,
    );
    await later(start - 5 * 60_000 + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    const starting = await eventually(
      () => inChat(user.userId, 'Скоро начнётся'),
      (found) => found.length > 0,
    );
    // Assess
    const local = DateTime.fromMillis(start, { zone: 'Asia/Yekaterinburg' })
      .setLocale('ru')
      .toFormat("d MMMM, HH:mm '('ZZZZ')'");
    expect(booked.map((m) => m.body)).toEqual([`Вы записаны на консультацию ${local} (видео).`]);
    expect(start - Date.now()).toBeGreaterThan(24 * 3_600_000);
    expect(dayBefore.map((m) => m.body)).toEqual([`Завтра в ${local} у вас консультация (видео).`]);
    expect(reminded.map((m) => m.body)).toEqual([`Через час, в ${local}, у вас консультация (видео).`]);
    expect(appointment?.videoLink).toMatch(/^https:\/\//);
    expect(starting.map((m) => m.body)).toEqual([
      `Скоро начнётся ваша видеоконсультация (${local}). Подключиться: ${appointment?.videoLink}`,
    ]);
  });

  it('shows a developer what the bot said to a user in the local capture, opened', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_100_002);
    // Act
    await user.text('/start');
    const outbox = await cloud.devRequest('GET', '/v1/dev/outbox');
    // Assess
    const replies = (outbox.body.items as { channel: string; address: string; body: string }[]).filter(
      (m) => m.channel === 'telegram-bot' && m.address === String(user.userId),
    );
    expect(replies.map((m) => m.body)).toEqual([
      expect.stringContaining('Согласие на обработку персональных данных'),
    ]);
  });
});
