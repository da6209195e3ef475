import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsOf, describeAndAnswer, onboard, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const hour = 3_600_000;

describe('chatbot: a doctor on duty for what triage wants seen soon', () => {
  let cloud: TestCloud;
  let admin: string;
  let cardiologist: string;

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', TELEGRAM_WEBHOOK_SECRET: webhookSecret },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    // A cardiologist with no weekly hours: only the duty roster makes them available.
    const doctor = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Дежурный Кардиолог',
        specialty: 'cardiologist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 20, priceRub: 0 }],
        schedule: { weekly: {} },
      },
    });
    cardiologist = doctor.body.id;
  });
  afterAll(() => cloud.stop());

  it('offers "Врач сейчас" first only while a doctor of that specialty is on duty, and books the visit with them', async () => {
    // Prepare: high blood pressure without symptoms is consultation_24 with a cardiologist
    const before = telegramUser(cloud, 7_200_001);
    await onboard(before);
    await describeAndAnswer(before, 'АД 190/115, жалоб нет', '60');
    const offeredOffDuty = await before.last();
    await cloud.request('POST', '/v1/duty-shifts', {
      token: admin,
      body: {
        doctorId: cardiologist,
        start: new Date(Date.now() - hour).toISOString(),
        end: new Date(Date.now() + 6 * hour).toISOString(),
      },
    });
    const user = telegramUser(cloud, 7_200_002);
    await onboard(user);
    await describeAndAnswer(user, 'АД 190/115, жалоб нет', '60');
    // Act
    const offered = await user.last();
    await user.press('Врач сейчас · видео');
    await user.press('Подтвердить');
    // Assess
    expect(offeredOffDuty.buttons.map((b) => b.text)).not.toContain('Врач сейчас · видео');
    expect(offered.buttons[0]?.text).toBe('Врач сейчас · видео');
    const [visit] = await appointmentsOf(user);
    expect(visit).toMatchObject({ doctorId: cardiologist, status: 'booked', urgent: true });
    expect((visit?.start as number) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((await user.last()).text).toMatch(/^Вы записаны: /);
  });
});
