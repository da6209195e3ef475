import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundRefusalsBeforeAlert } from '../../modules/booking/domain/payment';
import type { PaymentProvider } from '../../modules/booking/payment-provider';
import { sweepPayments } from '../../modules/booking/payment-sweep';
import { getServices } from '../../platform/services';
import { consentingPatient } from '../support/consents';
import { eventually } from '../support/eventually';
import { registerDoctor, slotStarts } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const secret = 'local-webhook-secret-0123456789';

describe('self-paying patients pay before the visit is booked', () => {
  let cloud: TestCloud;
  let doctor: { doctorId: string; serviceId: string };
  let starts: string[];
  let admin: string;

  const as = (token: string) => ({
    get: (path: string) => cloud.request('GET', path, { token }),
    post: (path: string, body?: unknown) => cloud.request('POST', path, { token, ...(body ? { body } : {}) }),
    put: (path: string, body: unknown) => cloud.request('PUT', path, { token, body }),
  });
  /** A patient holds the next free test slot and confirms it. */
  const confirmedVisit = async (start = starts.shift()) => {
    const token = await consentingPatient(cloud, crypto.randomUUID());
    const held = await as(token).post('/v1/holds', { ...doctor, start });
    const confirmed = await as(token).post(`/v1/appointments/${held.body.id}/confirm`);
    return { token, confirmed };
  };
  /** What the provider sends: ЮKassa's notification shape. */
  const notify = (
    event: string,
    paymentId: string,
    headers: Record<string, string> = { 'X-Webhook-Secret': secret },
  ) =>
    cloud.request('POST', '/v1/payments/webhook', {
      headers,
      body: { type: 'notification', event, object: { id: `local-${paymentId}`, metadata: { paymentId } } },
    });

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', PAYMENT_PROVIDER: 'local', PAYMENT_WEBHOOK_SECRET: secret },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    doctor = await registerDoctor(cloud, admin, 'therapist');
    starts = slotStarts(2, 20);
  });
  afterAll(() => cloud.stop());

  it('keeps a confirmed visit pending until the provider reports it paid, then books it once', async () => {
    // Prepare
    const { token, confirmed } = await confirmedVisit();
    const { payment } = confirmed.body;
    // Act
    const checkout = await fetch(`${cloud.url}/v1/payments/${payment.id}/checkout`, { redirect: 'manual' });
    const first = await notify('payment.succeeded', payment.id);
    const again = await notify('payment.succeeded', payment.id);
    const after = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    // Assess
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'pending_payment', payerType: 'self', videoLink: null });
    expect(payment).toMatchObject({ status: 'awaiting', amountRub: 1500 });
    expect(payment.checkoutUrl).toMatch(new RegExp(`/v1/payments/${payment.id}/checkout$`));
    expect(checkout.status).toBe(303);
    expect(checkout.headers.get('location')).toBe(`https://pay.local.invalid/checkout/local-${payment.id}`);
    expect([first.status, first.body.outcome]).toEqual([200, 'booked']);
    expect([again.status, again.body.outcome]).toEqual([200, 'unchanged']);
    expect(after.body).toMatchObject({ status: 'booked', payment: { status: 'succeeded' } });
    expect(after.body.videoLink).toMatch(/^https:\/\//);
  });

  it('rejects a notification without the webhook secret and changes nothing', async () => {
    // Prepare
    const { token, confirmed } = await confirmedVisit();
    // Act
    const forged = await notify('payment.succeeded', confirmed.body.payment.id, {
      'X-Webhook-Secret': 'guess',
    });
    const unsigned = await notify('payment.succeeded', confirmed.body.payment.id, {});
    const after = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    // Assess
    expect([forged.status, forged.body.code]).toEqual([401, 'PAYMENT_NOTICE_REJECTED']);
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'PAYMENT_NOTICE_REJECTED']);
    expect(after.body).toMatchObject({ status: 'pending_payment', payment: { status: 'awaiting' } });
  });

  it('cancels the visit and frees its slot when the payment is cancelled', async () => {
    // Prepare
    const { token, confirmed } = await confirmedVisit();
    // Act
    const cancelled = await notify('payment.canceled', confirmed.body.payment.id);
    const after = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    const other = await consentingPatient(cloud, crypto.randomUUID());
    const retaken = await as(other).post('/v1/holds', { ...doctor, start: confirmed.body.start });
    // Assess
    expect(cancelled.body.outcome).toBe('cancelled');
    expect(after.body).toMatchObject({ status: 'cancelled', payment: { status: 'canceled' } });
    expect(retaken.status).toBe(201);
  });

  it('refunds a payment that arrives after the patient cancelled, and opens no checkout for it', async () => {
    // Prepare
    const { token, confirmed } = await confirmedVisit();
    await as(token).post(`/v1/appointments/${confirmed.body.id}/cancel`);
    // Act
    const checkout = await fetch(`${cloud.url}/v1/payments/${confirmed.body.payment.id}/checkout`, {
      redirect: 'manual',
    });
    const late = await notify('payment.succeeded', confirmed.body.payment.id);
    const owed = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    await cloud.fireTimer('payment-sweep');
    const after = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    // Assess: owed back at once, refunded by the sweep
    expect(checkout.status).toBe(409);
    expect(late.body.outcome).toBe('refund_due');
    expect(owed.body.payment.status).toBe('refund_due');
    expect(after.body).toMatchObject({ status: 'cancelled', payment: { status: 'refunded' } });
  });

  it('refunds a paid visit the clinic or the patient cancels in time, but not one the patient cancels late', async () => {
    // Prepare: two paid visits tomorrow, one paid visit within the hour's cancellation notice
    const paid = async (start?: string) => {
      const { token, confirmed } = await confirmedVisit(start);
      await notify('payment.succeeded', confirmed.body.payment.id);
      return { token, id: confirmed.body.id as string };
    };
    const byClinic = await paid();
    const byPatient = await paid();
    const soon = await paid(
      new Date(Math.ceil((Date.now() + 20 * 60_000) / 600_000) * 600_000).toISOString(),
    );
    // Act
    await as(admin).post(`/v1/appointments/${byClinic.id}/cancel`);
    await as(byPatient.token).post(`/v1/appointments/${byPatient.id}/cancel`);
    const late = await as(soon.token).post(`/v1/appointments/${soon.id}/cancel`);
    await cloud.fireTimer('payment-sweep');
    const payments = await Promise.all(
      [byClinic, byPatient, soon].map(
        async (v) => (await as(v.token).get(`/v1/appointments/${v.id}`)).body.payment,
      ),
    );
    // Assess
    expect(late.body.lateCancellation).toBe(true);
    expect(payments.map((p) => p.status)).toEqual(['refunded', 'refunded', 'succeeded']);
  });

  it("tells the clinic's admins once, by SMS, when the provider keeps refusing a refund, and keeps trying", async () => {
    // Prepare: a payment owed back (paid after the patient cancelled), a provider refusing refunds, the admins' phone
    await as(admin).put('/v1/on-call/contacts', {
      duty: { phone: '+79990000101', channels: ['sms'] },
      admins: { phone: '+79990000102', channels: ['sms'] },
    });
    const { token, confirmed } = await confirmedVisit();
    await as(token).post(`/v1/appointments/${confirmed.body.id}/cancel`);
    await notify('payment.succeeded', confirmed.body.payment.id);
    const { store } = await getServices();
    let refundCalls = 0;
    const refusing: PaymentProvider = {
      checkout: async () => Promise.reject(new Error('not used')),
      verify: async () => Promise.reject(new Error('not used')),
      refund: async (payment) => {
        if (payment.id === confirmed.body.payment.id) refundCalls++;
        throw new Error('refund refused');
      },
    };
    const alertsFor = async () =>
      (await store.transaction((r) => r.outbox.pending(10_000), { readOnly: true }))
        .map((entry) => JSON.parse(entry.body))
        .filter(
          (e) => e.type === 'payment.refund_refused.v1' && e.data.paymentId === confirmed.body.payment.id,
        );
    // Act: one sweep short of the alert, then two more
    for (let run = 1; run < refundRefusalsBeforeAlert; run++)
      await sweepPayments(store, refusing, { now: Date.now(), correlationId: 'test' });
    const before = await alertsFor();
    for (let run = 0; run < 2; run++)
      await sweepPayments(store, refusing, { now: Date.now(), correlationId: 'test' });
    const after = await alertsFor();
    await cloud.fireTimer('outbox-relay');
    const toAdmins = await eventually(
      async () =>
        (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items.filter(
          (m: { address: string; body: string }) =>
            m.address === '+79990000102' && m.body.includes('возврат'),
        ) as { body: string }[],
      (found) => found.length > 0,
    );
    const view = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    // Assess: one alert reaches the clinic's admins through the queue, naming the amount; still owed, still tried
    expect(before).toEqual([]);
    expect(after).toHaveLength(1);
    expect(after[0].data).toMatchObject({
      clinicId: 'clinic-1',
      amountRub: 1500,
      visitStart: confirmed.body.start,
      refusals: refundRefusalsBeforeAlert,
    });
    expect(toAdmins).toHaveLength(1);
    expect(toAdmins[0]?.body).toMatch(
      /^Платёжная система не принимает возврат 1500 ₽ за консультацию .+ вручную \(платёж [0-9a-f]{8}\)\.$/,
    );
    expect(view.body.payment.status).toBe('refund_due');
    expect(refundCalls).toBe(refundRefusalsBeforeAlert + 1);
  });

  it('cancels a visit whose payment never came once its deadline and grace pass, freeing the slot', async () => {
    // Prepare
    const { token, confirmed } = await confirmedVisit();
    const { store } = await getServices();
    // Act: the sweep, run as if the deadline and the grace had passed; then the payment comes after all
    const early = await sweepPayments(store, undefined, { now: Date.now(), correlationId: 'test' });
    const swept = await sweepPayments(store, undefined, {
      now: Date.now() + 31 * 60_000,
      correlationId: 'test',
    });
    const after = await as(token).get(`/v1/appointments/${confirmed.body.id}`);
    const tooLate = await notify('payment.succeeded', confirmed.body.payment.id);
    // Assess
    expect(early.lapsed).toBe(0);
    expect(swept.lapsed).toBeGreaterThanOrEqual(1);
    expect(after.body.status).toBe('cancelled');
    expect(tooLate.body.outcome).toBe('refund_due');
  });

  it('never gives a visit longer to be paid than until it starts', async () => {
    // Prepare: a slot 20 minutes away, a 15-minute payment window
    const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / 600_000) * 600_000);
    // Act
    const { confirmed } = await confirmedVisit(start.toISOString());
    // Assess
    expect(Date.parse(confirmed.body.holdExpiresAt)).toBeLessThanOrEqual(start.getTime());
  });

  it('books a free service at once, and answers PAYMENT_NOT_FOUND for an unknown payment', async () => {
    // Prepare
    const free = await as(admin).post('/v1/doctors', {
      fullName: 'Бесплатная Консультация',
      specialty: 'psychologist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Первичная', format: 'chat', durationMinutes: 10, priceRub: 0 }],
      schedule: {
        weekly: Object.fromEntries(
          ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
        ),
        minNoticeMinutes: 0,
      },
    });
    const token = await consentingPatient(cloud, crypto.randomUUID());
    const held = await as(token).post('/v1/holds', {
      doctorId: free.body.id,
      serviceId: free.body.services[0].id,
      start: starts.shift(),
    });
    // Act
    const confirmed = await as(token).post(`/v1/appointments/${held.body.id}/confirm`);
    const unknown = await notify('payment.succeeded', crypto.randomUUID());
    // Assess
    expect(confirmed.body).toMatchObject({ status: 'booked', payment: null });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PAYMENT_NOT_FOUND']);
  });
});
