import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotApi } from '../support/bot-api';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { invokeAsGateway } from '../support/invoke-later';
import { startSmsProvider } from '../support/sms-provider';
import { registerDoctor } from '../support/sponsors';
import { onboard, patientOf, type TelegramUser, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const week = 7 * 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Issue 22's acceptance through the chatbot: a clinician starts a post-knee-replacement plan for
 * a patient of the bot; the patient does sessions in Telegram over simulated weeks (the clock
 * moved with `later`); a pre-check with SpO2 88 % and BP 210/120 stops the session, chest pain
 * during one stops it with 103/112; the clinician gets an SMS for each stop; a week with too few
 * sessions nudges the patient once, however often the judge runs; the review queue shows them.
 * Proved by what reaches the patient's Telegram (a Bot API on loopback) and the clinician's phone
 * (a Notification Service on loopback).
 */
describe('rehabilitation at home through the chatbot', () => {
  let cloud: TestCloud;
  let bot: Awaited<ReturnType<typeof startBotApi>>;
  let sms: Awaited<ReturnType<typeof startSmsProvider>>;
  let doctor: string;
  let doctorId: string;
  const doctorsPhone = '+79990000778';

  beforeAll(async () => {
    bot = await startBotApi();
    sms = await startSmsProvider();
    cloud = await startTestCloud({
      env: {
        RELAY_MAX_RUN_SECONDS: '0',
        TELEGRAM_WEBHOOK_SECRET: webhookSecret,
        TELEGRAM_API: 'telegram',
        TELEGRAM_BOT_TOKEN: bot.token,
        TELEGRAM_API_ROOT: bot.endpoint,
        NOTIFY_DRIVER: 'cloud',
        SNS_ENDPOINT: sms.endpoint,
        ACCESS_KEY_ID: 'local',
        SECRET_ACCESS_KEY: 'local',
      },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-rb', subject: 'admin-rb' });
    ({ doctorId } = await registerDoctor(cloud, admin, 'therapist'));
    doctor = await cloud.token('doctor', { tenant: 'clinic-rb', subject: doctorId });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: doctor,
      body: { phone: doctorsPhone, channels: ['sms'], language: 'ru', timeZone: 'Europe/Moscow' },
    });
  }, 60_000);
  afterAll(async () => {
    await cloud?.stop();
    await bot?.stop();
    await sms?.stop();
  });

  /** Everything queued so far reaches the consumers, and their messages the phones. */
  const relay = () => cloud.fireTimer('outbox-relay');
  const smsToDoctor = (count: number) =>
    eventually(
      async () => sms.to(doctorsPhone),
      (n) => n >= count,
    );

  /** /rehab, «Начать занятие», then the checks at rest as typed and the symptom button. */
  const startSession = async (
    user: TelegramUser,
    check: { pressure: string; pulse: string; spo2: string; symptom?: string },
  ) => {
    await user.text('/rehab');
    await user.press('Начать занятие');
    await user.text(check.pressure);
    await user.text(check.pulse);
    await user.text(check.spo2);
    await user.press(check.symptom ?? 'Ничего из этого');
  };
  const calmCheck = { pressure: '128/78', pulse: '72', spo2: '97' };
  const doSession = async (user: TelegramUser) => {
    await startSession(user, calmCheck);
    await user.press('Занятие выполнено');
    await user.text('12');
    await user.press('3');
  };

  it('runs sessions in Telegram over weeks; stops tell the clinician by SMS; a drop nudges once and queues', async () => {
    // Prepare: a patient of the bot, and the doctor's knee plan for them, three sessions a week
    const user = telegramUser(cloud, 7_220_001);
    await onboard(user);
    const { patientId } = await patientOf(user);
    const plan = await cloud.request('POST', `/v1/patients/${patientId}/rehabilitation/plan`, {
      token: doctor,
      body: {
        templateId: 'knee_replacement_12w',
        startsOn: today(),
        sessionsPerWeek: 3,
        intensity: { age: 67 },
      },
    });
    // Act: week 1, today's exercises seen, three sessions done
    await user.text('/rehab');
    const shown = bot.to(user.userId).at(-1) as string;
    for (let n = 0; n < 3; n++) await doSession(user);
    const afterWeek1 = bot.to(user.userId).at(-1);
    // week 2: one session done, one stopped at rest (SpO2 88 %, BP 210/120), one by chest pain under way
    const { stopped, emergency } = await later(week + 3_600_000, async () => {
      await doSession(user);
      await startSession(user, { pressure: '210/120', pulse: '80', spo2: '88' });
      const stopped = bot.to(user.userId).at(-1);
      await startSession(user, calmCheck);
      await user.press('Мне плохо');
      await user.press('Боль в груди');
      return { stopped, emergency: bot.to(user.userId).at(-1) };
    });
    await relay();
    const smsAfterStops = await smsToDoctor(2);
    // week 3: the hourly judge runs twice over the finished week 2
    const asDoctor = { role: 'doctor' as const, subject: doctorId, tenant: 'clinic-rb' };
    const { nudges, queue, progress } = await later(2 * week + 3_600_000, async () => {
      await cloud.fireTimer('rehabilitation-adherence');
      await relay();
      await cloud.fireTimer('rehabilitation-adherence');
      await relay();
      const missed = (text: string) => text.startsWith('На прошлой неделе вы сделали меньше занятий');
      await eventually(
        async () => bot.to(user.userId).filter(missed),
        (found) => found.length > 0,
      );
      return {
        nudges: bot.to(user.userId).filter(missed),
        queue: await invokeAsGateway(cloud, 'rehabilitation', asDoctor, {
          operationId: 'listRehabReviewQueue',
          method: 'GET',
          path: '/v1/rehabilitation/review-queue',
        }),
        progress: await invokeAsGateway(cloud, 'rehabilitation', asDoctor, {
          operationId: 'getRehabProgress',
          method: 'GET',
          path: `/v1/patients/${patientId}/rehabilitation/progress`,
          params: { patientId },
        }),
      };
    });
    // Assess
    expect(plan.status).toBe(201);
    expect(bot.to(user.userId).some((t) => t.startsWith('Врач составил для вас программу'))).toBe(true);
    expect(shown).toMatch(/^Занятие на сегодня:/);
    expect(shown).toContain('Напряжение четырёхглавой мышцы — 3 × 10');
    expect(shown).toContain('Ходьба — 10 мин');
    expect(afterWeek1).toBe('Занятие записано. Следующее — по вашему плану: /rehab');
    expect(stopped).toBe(
      'Прекратите занятие на сегодня и отдохните. Ваш врач получил уведомление и свяжется с вами. Если станет хуже — звоните 103 или 112.',
    );
    expect(emergency).toBe(
      'Немедленно прекратите занятие. Позвоните 103 или 112 прямо сейчас. Не оставайтесь одни.',
    );
    expect(smsAfterStops).toBe(2);
    expect(nudges).toHaveLength(1);
    expect(progress.body.weeks.slice(0, 2)).toEqual([
      { week: 1, planned: 3, done: 3, stopped: 0 },
      { week: 2, planned: 3, done: 1, stopped: 2 },
    ]);
    const mine = (queue.body.items as { patientId: string; reason: string }[]).filter(
      (i) => i.patientId === patientId,
    );
    expect(mine.map((i) => i.reason).sort()).toEqual(['adherence_drop', 'safety_stop', 'safety_stop']);
    // Telegram is abroad: nothing the patient typed came back to them
    expect(bot.to(user.userId).some((t) => /210|120\/|88 ?%/.test(t))).toBe(false);
  }, 120_000);

  it('asks again for a value no person has, and explains when there is no plan', async () => {
    // Prepare: a patient of the bot without any plan, and one with a plan
    const planless = telegramUser(cloud, 7_220_002);
    await onboard(planless);
    const user = telegramUser(cloud, 7_220_003);
    await onboard(user);
    const { patientId } = await patientOf(user);
    await cloud.request('POST', `/v1/patients/${patientId}/rehabilitation/plan`, {
      token: doctor,
      body: { templateId: 'knee_replacement_12w', startsOn: today(), intensity: { age: 70 } },
    });
    // Act
    await planless.text('/rehab');
    await user.text('/rehab');
    await user.press('Начать занятие');
    await user.text('80/120');
    const inverted = bot.to(user.userId).at(-1);
    await user.text('130/80');
    await user.text('72');
    await user.text('130');
    const impossibleSpo2 = bot.to(user.userId).at(-1);
    const progress = await cloud.request('GET', `/v1/patients/${patientId}/rehabilitation/progress`, {
      token: doctor,
    });
    // Assess
    expect(bot.to(planless.userId).at(-1)).toBe('Программы занятий дома у вас пока нет: её составляет врач.');
    expect(inverted).toBe('Верхнее давление должно быть больше нижнего. Проверьте и напишите ещё раз.');
    expect(impossibleSpo2).toBe('Такого значения не бывает. Проверьте прибор и напишите ещё раз.');
    expect(progress.body.sessions).toEqual([]);
  }, 60_000);

  it('stops the session the patient reports done when their pulse oximeter sent SpO2 86 % during it', async () => {
    // Prepare: a patient of the bot on a plan, who binds their pulse oximeter in the app
    const user = telegramUser(cloud, 7_220_004);
    await onboard(user);
    const { patientId } = await patientOf(user);
    await cloud.request('POST', `/v1/patients/${patientId}/rehabilitation/plan`, {
      token: doctor,
      body: { templateId: 'pulmonary_8w', startsOn: today(), intensity: { age: 58 } },
    });
    const patient = await cloud.token('patient', { subject: patientId });
    const bound = await cloud.request('POST', '/v1/devices', {
      token: patient,
      body: { deviceId: 'oximeter-rb-1', validFrom: '2026-01-01T00:00:00Z' },
    });
    const smsBefore = sms.to(doctorsPhone);
    await startSession(user, calmCheck);
    // Act: the oximeter's reading reaches the readings pipeline while the patient exercises
    const sent = await cloud.request('POST', '/v1/readings', {
      token: patient,
      body: {
        deviceId: 'oximeter-rb-1',
        items: [{ type: 'spo2', measuredAt: new Date().toISOString(), value: 86 }],
      },
    });
    await user.press('Занятие выполнено');
    await user.text('13');
    await user.press('2');
    const answer = bot.to(user.userId).at(-1);
    await relay();
    const smsAfter = await smsToDoctor(smsBefore + 1);
    const progress = await cloud.request('GET', `/v1/patients/${patientId}/rehabilitation/progress`, {
      token: doctor,
    });
    // Assess
    expect([bound.status, sent.body.accepted]).toEqual([201, 1]);
    expect(answer).toMatch(/^Прекратите занятие на сегодня и отдохните/);
    expect(progress.body.sessions.map((s: { status: string }) => s.status)).toEqual(['stopped']);
    expect(progress.body.sessions[0].stop.findings).toEqual([
      { reason: 'low_oxygen', detail: 'SpO2 86 % < 88 %' },
    ]);
    expect(smsAfter).toBe(smsBefore + 1);
  }, 60_000);
});
