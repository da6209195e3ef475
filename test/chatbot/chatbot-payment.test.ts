import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDoctor } from '../support/sponsors';
import { appointmentsOf, describeAndAnswer, onboard, telegramUser, webhookSecret } from '../support/telegram';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const paymentSecret = 'local-webhook-secret-0123456789';

describe('chatbot: a self-paying patient gets the payment link', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: {
        RELAY_MAX_RUN_SECONDS: '0',
        TELEGRAM_WEBHOOK_SECRET: webhookSecret,
        PAYMENT_PROVIDER: 'local',
        PAYMENT_WEBHOOK_SECRET: paymentSecret,
      },
    });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    await registerDoctor(cloud, admin, 'psychologist');
  });
  afterAll(() => cloud.stop());

  it('sends the amount, the deadline and the checkout link on confirmation, lists the visit as unpaid, and books it once paid', async () => {
    // Prepare
    const user = telegramUser(cloud, 7_100_001);
    await onboard(user);
    await describeAndAnswer(user, 'Тревога и бессонница уже месяц');
    await user.press((await user.last()).buttons[0]?.text as string);
    // Act
    await user.press('Подтвердить');
    const offer = (await user.last()).text;
    await user.text('/my');
    const listed = (await user.last()).text;
    const paymentId = offer.match(/\/v1\/payments\/([0-9a-f-]{36})\/checkout$/)?.[1] as string;
    const paid = await cloud.request('POST', '/v1/payments/webhook', {
      headers: { 'X-Webhook-Secret': paymentSecret },
      body: { event: 'payment.succeeded', object: { id: `local-${paymentId}`, metadata: { paymentId } } },
    });
    // Assess: the amount and the link, nothing about the specialty
    expect(offer).toMatch(/^Осталось оплатить 1500 ₽ в течение 15 мин, и .+ за вами: http.+\/checkout$/);
    expect(offer).not.toMatch(/психолог/i);
    expect(listed).toMatch(/\(ждёт оплаты\)/);
    expect(paid.body.outcome).toBe('booked');
    expect((await appointmentsOf(user))[0]?.status).toBe('booked');
  });
});
