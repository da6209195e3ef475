import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { onboard, patientOf, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * Issue 17's acceptance, end to end through the running local cloud: a patient writes to the
 * Telegram bot that they do not want to live; the bot answers with crisis lines at once; the duty
 * clinic's on-call clinician is paged by SMS carrying only a code; the clinician resolves the code
 * to the patient's phone and chat and what they wrote; nobody acknowledges, so the admins are told
 * after the SLA and again after each SLA; an acknowledgement stops it. Time is moved, not waited.
 */
describe('journey: a suicidal message in the chatbot pages the on-call clinician until someone takes the patient on', () => {
  let cloud: TestCloud;
  const onCall = '+79990001701';
  const admins = '+79990001702';
  const slaMs = 10 * 60_000;
  beforeAll(async () => {
    // Chatbot users belong to no clinic: their crises go to the duty clinic's on-call clinician.
    cloud = await startTestCloud({
      env: {
        RELAY_MAX_RUN_SECONDS: '0',
        TELEGRAM_WEBHOOK_SECRET: webhookSecret,
        CRISIS_DUTY_TENANT: 'clinic-17',
        ESCALATION_SLA_MINUTES: '10',
      },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-17', subject: 'admin-17' });
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: admin,
      body: { duty: { phone: onCall, channels: ['sms'] }, admins: { phone: admins, channels: ['sms'] } },
    });
  });
  afterAll(() => cloud.stop());

  const smsTo = (phone: string, count: number) =>
    eventually(
      async () =>
        (
          (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as {
            channel: string;
            address: string;
            body: string;
          }[]
        ).filter((m) => m.channel === 'sms' && m.address === phone),
      (found) => found.length >= count,
    );

  it('answers with helplines, pages on-call with a code the clinician resolves to the patient, climbs and repeats until acknowledged', async () => {
    // Prepare: a patient who agreed and shared their phone in the bot
    const user = telegramUser(cloud, 7_170_001);
    await onboard(user);
    const doctor = await cloud.token('doctor', { tenant: 'clinic-17', subject: 'doctor-on-call-17' });

    // Act 1: the patient writes what they feel, in their own words
    const before = (await user.messages()).length;
    await user.text('Не хочу жить, думаю о том, чтобы покончить с собой');
    await cloud.fireTimer('outbox-relay');
    const paged = await smsTo(onCall, 1);
    // Assess 1: crisis lines in the answer to that very message (not even the age asked first), no
    // slots offered; the page carries a code and nothing else
    const shown = (await user.messages()).slice(before).map((m) => m.text);
    const help = shown[0];
    expect(help).toMatch(/^Вы не одни\./);
    expect(shown.join('\n')).not.toContain('Сколько вам полных лет?');
    expect(help).toContain('112');
    expect(help).toMatch(/8[- ]?800/);
    expect((await user.last()).buttons).toEqual([]);
    expect(paged).toHaveLength(1);
    expect(paged[0]?.body).toMatch(/\(код [0-9a-f]{8}\)\.$/);
    expect(paged[0]?.body).not.toMatch(/жить|суицид|покончить|\+7916/i);

    // Act 2: the on-call clinician types the code from the SMS
    const code = paged[0]?.body.match(/код ([0-9a-f]{8})/)?.[1] as string;
    const resolved = await cloud.request('GET', `/v1/escalations/${code}/patient`, { token: doctor });
    // Assess 2: the patient's phone and chat, and what they wrote, to call them now
    expect(resolved.status).toBe(200);
    expect(resolved.body.patient).toMatchObject({
      id: (await patientOf(user)).patientId,
      phone: '+79161234567',
      telegramChatId: String(user.userId),
    });
    expect(resolved.body.triage).toMatchObject({
      channel: 'telegram',
      age: null,
      crisisSeverity: expect.any(String),
    });
    expect(resolved.body.triage.complaint).toContain('покончить с собой');
    const escalationId = resolved.body.escalation.id as string;

    // Act 3: nobody acknowledges for three SLAs
    for (const n of [1, 2, 3]) await later(n * (slaMs + 60_000), () => cloud.fireTimer('escalation-watch'));
    const toAdmins = await smsTo(admins, 3);
    // Assess 3: the admins after the first SLA, and again after each one since
    expect(toAdmins).toHaveLength(3);
    expect(await smsTo(onCall, 1)).toHaveLength(1);

    // Act 4: the clinician acknowledges; another SLA passes
    const acknowledged = await cloud.request('POST', `/v1/escalations/${escalationId}/ack`, {
      token: doctor,
    });
    await later(4 * (slaMs + 60_000), () => cloud.fireTimer('escalation-watch'));
    await later(5 * (slaMs + 60_000), () => cloud.fireTimer('escalation-watch'));
    const after = await cloud.request('GET', `/v1/escalations/${escalationId}`, { token: doctor });
    // Assess 4: stopped; every step on record, in order
    expect(acknowledged.body).toMatchObject({ acknowledgedBy: 'doctor-on-call-17', nextAt: null });
    expect(await smsTo(admins, 3)).toHaveLength(3);
    expect(after.body.steps).toEqual([
      expect.objectContaining({ level: 0, recipientId: 'duty:clinic-17', status: 'sent' }),
      expect.objectContaining({ level: 1, recipientId: 'clinic_admin:clinic-17', status: 'sent' }),
      expect.objectContaining({ level: 1, recipientId: 'clinic_admin:clinic-17', status: 'sent' }),
      expect.objectContaining({ level: 1, recipientId: 'clinic_admin:clinic-17', status: 'sent' }),
    ]);
  });
});
