import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueReminders } from '../../modules/booking/due-reminders';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { inDays, registerDoctor, today } from '../support/sponsors';
import {
  appointmentsOf,
  describeAndAnswer,
  onboard,
  patientOf,
  shownText,
  telegramUser,
  webhookSecret,
} from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Words that would tell Telegram's servers (abroad) something about the patient's health:
 * every specialty, the psychology and psychiatry vocabulary, triage dispositions.
 */
const healthWords = [
  ...['therapist', 'pediatrician', 'psycholog', 'psychiatr', 'psychother', 'gynecolog', 'dermatolog'],
  ...['neurolog', 'cardiolog', 'endocrinolog', 'gastroenterolog', 'urolog', 'ophthalmolog', 'pulmonolog'],
  ...['rheumatolog', 'allergist', 'терапевт', 'педиатр', 'психолог', 'психиатр', 'психотерап', 'гинеколог'],
  ...['дерматолог', 'невролог', 'кардиолог', 'эндокринолог', 'гастроэнтеролог', 'уролог', 'офтальмолог'],
  ...['пульмонолог', 'ревматолог', 'аллерголог', 'отоларинголог', 'депресс', 'depress', 'тревожн'],
  ...['anxiety', 'диагноз', 'diagnos', 'self_care', 'consultation_24', 'emergency_ambulance', 'PHQ', 'GAD'],
];
const healthWord = new RegExp(`${healthWords.join('|')}|(^|[^\\p{L}])(лор|ent|ЛОР|ENT)([^\\p{L}]|$)`, 'iu');

const minute = 60_000;

describe('chatbot: booking through Telegram', () => {
  let cloud: TestCloud;
  let admin: string;
  let hr: string;

  const repos = async <T>(work: (r: Repositories) => Promise<T>) =>
    (await getServices()).store.transaction(work);
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    hr = await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' });
    await registerDoctor(cloud, admin, 'psychologist');
  });
  afterAll(() => cloud.stop());

  it('has a scan that would catch a specialty or a psychological word', () => {
    expect(
      ['Вы записаны к психологу', 'ENT doctor', 'your anxiety', 'ЛОР, видео'].map((t) => healthWord.test(t)),
    ).toEqual([true, true, true, true]);
    expect(healthWord.test('Consent: sent to the patient, время: Екатеринбург')).toBe(false);
  });

  it('takes a patient from /start to a booked psychology session paid by the employer, reminders due', async () => {
    // Prepare: the employer's programme and an activation code for this employee
    const contract = await cloud.request('POST', '/v1/corporate-contracts', {
      token: hr,
      body: { companyName: 'ООО «Ромашка»', startsOn: today(), endsOn: inDays(300), sessionsPerEmployee: 3 },
    });
    const enrolled = await cloud.request('POST', `/v1/corporate-contracts/${contract.body.id}/employees`, {
      token: hr,
      body: { employees: [{ employeeRef: 'E-100' }] },
    });
    const code = enrolled.body.items[0].activationCode as string;
    const user = telegramUser(cloud, 7_000_001);

    // Act + Assess, step by step as the patient sees it
    await user.text('/start');
    const consent = await user.last();
    expect(consent.text).toContain('152-ФЗ');
    expect(consent.text).toContain('2026-12-03');
    expect(consent.text).toContain('Напоминания о записях');
    await user.press('Согласен');
    expect((await user.last()).asksForContact).toBe(true);

    await user.contact('+7 916 123-45-67', false);
    expect((await user.last()).text).toContain('собственный номер');
    await user.contact('+7 916 123-45-67');
    expect((await user.last()).buttons.map((b) => b.text)).toEqual([
      'Ввести код',
      'Подключить полис',
      'Пропустить',
    ]);

    await user.press('Ввести код');
    await user.text('WRONG-CODE');
    expect((await user.last()).text).toContain('ничего не нашлось');
    await user.text(code);
    expect((await user.messages()).at(-2)?.text).toBe('Подключено: «ООО «Ромашка»».');

    await user.press('Екатеринбург (UTC+5)');
    expect((await user.last()).text).toBe('Опишите своими словами, что вас беспокоит.');
    const asked = await describeAndAnswer(user, 'Тревога, бессонница и головная боль');
    expect(asked).toBeGreaterThan(0);

    const slots = await user.last();
    expect(slots.text).toBe('Выберите удобное время (время: Екатеринбург).');
    const patient = await cloud.token('patient', { subject: 'someone' });
    const search = await cloud.request(
      'GET',
      `/v1/slots?${new URLSearchParams({
        specialty: 'psychologist',
        from: new Date().toISOString(),
        to: new Date(Date.now() + 86_400_000).toISOString(),
        tz: 'Asia/Yekaterinburg',
      })}`,
      { token: patient },
    );
    const first = DateTime.fromISO(search.body.items[0].localStart, { setZone: true }).setLocale('ru');
    expect(slots.buttons[0]?.text).toBe(`${first.toFormat('ccc dd.MM HH:mm')} · видео`);

    await user.press(slots.buttons[0]?.text as string);
    expect((await user.last()).text).toMatch(
      /^Время удержано на 5 мин: .+ \(Екатеринбург\), видеоконсультация\./,
    );
    await user.press('Подтвердить');
    const booked = await user.last();
    expect(booked.text).toBe(
      `Вы записаны: ${first.toFormat('ccc, d MMMM, HH:mm')} (Екатеринбург), видеоконсультация. Мы напомним за сутки и за час до начала. Ваши записи: /my`,
    );

    // The appointment is booked, in the patient's zone, on the employer's programme
    const [appointment] = await appointmentsOf(user);
    expect(appointment).toMatchObject({
      status: 'booked',
      patientTimeZone: 'Asia/Yekaterinburg',
      format: 'video',
    });
    const start = appointment?.start as number;
    expect(start).toBe(first.toMillis());
    const visit = await repos((r) => r.entitlements.visit(appointment?.id as string));
    expect(visit).toMatchObject({ payerType: 'corporate', status: 'reserved' });
    // Reminders: the timer, run an hour before the start, finds it due
    const due = await repos((r) =>
      sendDueReminders(r, {
        now: start - 60 * minute + 30_000,
        lookbackMs: 10 * minute,
        correlationId: 't',
        limit: 100,
      }),
    );
    expect(due).toBeGreaterThanOrEqual(1);
    const reminders = await repos((r) => r.outbox.pending(1000));
    expect(
      reminders
        .filter((e) => e.eventType === 'appointment.reminder_due.v1')
        .map((e) => JSON.parse(e.body).data.appointmentId),
    ).toContain(appointment?.id);
    // The consent is on record with its version and time
    const consents = await repos((r) => r.chatbot.consents(String(user.userId)));
    expect(consents).toEqual([{ version: '2026-12-03', givenAt: expect.any(Number) }]);
    // …and in the patient's consent records, as an app patient's would be: each purpose the text covered
    const records = await repos((r) => r.consents.of(appointment?.patientId as string));
    expect(records.map((c) => [c.purpose, c.action, c.version, c.channel])).toEqual(
      ['personal_data', 'health_data', 'telemedicine', 'notifications'].map((p) => [
        p,
        'given',
        '2026-12-03',
        'chatbot',
      ]),
    );
    expect(records[0]?.evidence).toMatchObject({ telegramUserId: String(user.userId) });

    await user.text('/my');
    expect((await user.last()).text).toBe(
      `Ваши записи:\n• ${first.toFormat('ccc, d MMMM, HH:mm')} (Екатеринбург), видеоконсультация`,
    );
    // Nothing the bot sent names a specialty, a disposition or a psychological word
    const leaks = (await user.calls()).map(shownText).filter((text) => healthWord.test(text));
    expect(leaks).toEqual([]);
  });

  it('moves and cancels a booking with /reschedule and /cancel', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_000_002);
    await onboard(user);
    await describeAndAnswer(user, 'Тревога и бессонница уже месяц');
    await user.press((await user.last()).buttons[0]?.text as string);
    await user.press('Подтвердить');
    const [before] = await appointmentsOf(user);
    // Act: move it to the second time offered
    await user.text('/reschedule');
    await user.press((await user.last()).buttons[0]?.text as string);
    const offered = (await user.last()).buttons;
    await user.press(offered[1]?.text as string);
    // Assess
    expect((await user.last()).text).toMatch(/^Запись перенесена: .+\(Москва\), видеоконсультация\.$/);
    const [moved] = await appointmentsOf(user);
    expect(moved?.id).toBe(before?.id);
    expect(moved?.start).not.toBe(before?.start);
    expect(moved?.status).toBe('booked');
    // Act: cancel it
    await user.text('/cancel');
    await user.press((await user.last()).buttons[0]?.text as string);
    // Assess
    expect((await user.last()).text).toMatch(/^Запись на .+ отменена\.$/);
    expect((await appointmentsOf(user))[0]?.status).toBe('cancelled');
    await user.text('/my');
    expect((await user.last()).text).toBe('Предстоящих записей нет.');
    expect((await user.calls()).map(shownText).filter((text) => healthWord.test(text))).toEqual([]);
  });

  it('sends an emergency to 103/112 and offers no booking for it', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_000_003);
    await onboard(user);
    // Act
    await describeAndAnswer(user, 'Сильная давящая боль в груди, отдаёт в левую руку, холодный пот', '58');
    // Assess
    const { text, buttons } = await user.last();
    expect(text).toContain('Позвоните 103 или 112 прямо сейчас.');
    expect(buttons).toEqual([]);
    expect(await appointmentsOf(user)).toEqual([]);
    await user.text('сейчас');
    expect((await user.last()).text).toContain('/start');
  });

  it('speaks English after the language button, and keeps it', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_000_004, 'en');
    await user.text('/start');
    // Act
    await user.press('English');
    await user.press('I agree');
    // Assess
    const messages = await user.messages();
    expect(messages.at(-2)?.text).toContain('Consent to personal data processing (Federal Law 152-FZ)');
    expect(messages.at(-1)).toMatchObject({
      text: expect.stringContaining('share your phone number'),
      asksForContact: true,
    });
    expect((await patientOf(user)).language).toBe('en');
    await user.text('/lang');
    expect((await user.messages()).at(-2)?.text).toBe('Язык: русский.');
  });

  it('books once when Telegram delivers the same updates twice', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_000_005);
    await onboard(user);
    await describeAndAnswer(user, 'Тревога и бессонница уже месяц');
    const slot = (await user.last()).buttons[0] as { callback_data: string };
    // Act: the tap on a slot, and then on "confirm", each arrive twice
    const hold = user.callback(slot.callback_data);
    await user.send(hold);
    await user.send(hold);
    const confirm = user.callback(
      (await user.last()).buttons.find((b) => b.text === 'Подтвердить')?.callback_data as string,
    );
    await user.send(confirm);
    await user.send(confirm);
    // Assess
    const appointments = await appointmentsOf(user);
    expect(appointments.map((a) => a.status)).toEqual(['booked']);
    const texts = (await user.messages()).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith('Время удержано'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('Вы записаны'))).toHaveLength(1);
    const outcomes = await repos(async (r) => [
      await r.chatbot.outcome(hold.update_id),
      await r.chatbot.outcome(confirm.update_id),
    ]);
    expect(outcomes).toEqual(['handled', 'handled']);
    const sent = (await user.calls()).filter((c) => c.updateId === confirm.update_id);
    expect(sent.map((c) => [c.method, c.status, c.transport])).toEqual([
      ['answerCallbackQuery', 'sent', 'capture'],
      ['sendMessage', 'sent', 'capture'],
    ]);
  });

  it('refuses an update without the secret token, or with another, and changes nothing', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_000_006);
    const update = {
      update_id: 9_123_456,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7_000_006, type: 'private' },
        from: { id: 7_000_006, is_bot: false, first_name: 'X' },
        text: '/start',
      },
    };
    // Act
    const without = await user.deliver(update, null);
    const wrong = await user.deliver(update, `${webhookSecret}x`);
    // Assess
    for (const refused of [without, wrong]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.body.code).toBe('UNAUTHENTICATED');
    }
    expect(await repos((r) => r.chatbot.outcome(update.update_id))).toBeUndefined();
    expect(await user.calls()).toEqual([]);
    // The same update with the secret is then taken, once
    expect((await user.deliver(update)).status).toBe(200);
    expect(await repos((r) => r.chatbot.outcome(update.update_id))).toBe('handled');
  });

  it('answers a malformed update with 400 problem+json', async () => {
    // Act
    const user = telegramUser(cloud, 7_000_007);
    const response = await user.deliver({ message: { text: 'no id' } });
    // Assess
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
