import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { moscow } from '../support/sponsors';
import { appointmentsOf, describeAndAnswer, onboard, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** The chatbot keeps the consent records every channel shares, and respects a withdrawal made elsewhere. */
describe('consents given in the chatbot', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const registered = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Анна Психологова',
        specialty: 'psychologist',
        timeZone: moscow,
        services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 30, priceRub: 2000 }],
        schedule: {
          weekly: Object.fromEntries(
            ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
          ),
          minNoticeMinutes: 60,
        },
      },
    });
    if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
  });
  afterAll(() => cloud.stop());

  it('are the patient’s records, and a withdrawal in the app makes the bot ask for consent again', async () => {
    // Prepare: a Telegram user agrees in the bot
    const user = telegramUser(cloud, 7_100_001);
    await onboard(user);
    const { store } = await getServices();
    const chatbotPatient = await store.transaction((r) => r.chatbot.patient(String(user.userId)));
    const patientId = chatbotPatient?.patientId as string;
    const patient = await cloud.token('patient', { subject: patientId });
    const given = await cloud.request('GET', `/v1/patients/${patientId}/consents`, { token: patient });
    // Act: the same person withdraws the health data consent in the app, then comes back to the bot
    const withdrawn = await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'health_data' },
    });
    await user.text('/start');
    const asked = await user.last();
    await user.press('Согласен');
    const after = await cloud.request('GET', `/v1/patients/${patientId}/consents`, { token: patient });
    // Assess
    expect(
      given.body.items.map((c: { purpose: string; channel: string }) => `${c.purpose}:${c.channel}`),
    ).toEqual([
      'personal_data:chatbot',
      'health_data:chatbot',
      'telemedicine:chatbot',
      'notifications:chatbot',
    ]);
    expect(withdrawn.status).toBe(201);
    expect(asked.text).toContain('Согласие на обработку сведений о состоянии здоровья');
    expect(
      after.body.items.map((c: { purpose: string; action: string }) => `${c.purpose}:${c.action}`),
    ).toEqual([
      'personal_data:given',
      'health_data:given',
      'telemedicine:given',
      'notifications:given',
      'health_data:withdrawn',
      'health_data:given',
    ]);
  });

  it('holds no slot for a patient who withdrew a care consent in the app, and tells them how to give it', async () => {
    // Prepare: a patient offered slots in the bot, who then withdraws the telemedicine consent in the app
    const user = telegramUser(cloud, 7_100_002);
    await onboard(user);
    await describeAndAnswer(user, 'Тревога и бессонница');
    const slots = await user.last();
    const { store } = await getServices();
    const chatbotPatient = await store.transaction((r) => r.chatbot.patient(String(user.userId)));
    const patientId = chatbotPatient?.patientId as string;
    const patient = await cloud.token('patient', { subject: patientId });
    await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'telemedicine' },
    });
    // Act: the patient taps a slot offered before
    await user.press(slots.buttons[0]?.text as string);
    const answer = await user.last();
    // Assess
    expect(slots.buttons.length).toBeGreaterThan(0);
    expect(answer.text).toContain('/start');
    expect(await appointmentsOf(user)).toEqual([]);
  });
});
