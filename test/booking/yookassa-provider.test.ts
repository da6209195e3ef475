import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../modules/booking/domain/payment';
import { NoticeRejected } from '../../modules/booking/payment-provider';
import { yookassaPaymentProvider } from '../../modules/booking/payments/yookassa-provider';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

/** ЮKassa's API as far as this adapter uses it, on a real HTTP server; the state of each payment is set by the test. */
function fakeYookassa() {
  const seen: Seen[] = [];
  const states = new Map<string, { status: string; paymentId: string }>();
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    const path = req.url ?? '';
    seen.push({ method: req.method ?? '', path, headers: req.headers, body });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    };
    if (
      req.headers.authorization !==
      `Basic ${Buffer.from('506751:test_secret_key_0123456789').toString('base64')}`
    )
      return reply(401, { type: 'error' });
    if (req.method === 'POST' && path === '/v3/payments') {
      const id = `yk-${body.metadata.paymentId}`;
      states.set(id, { status: 'pending', paymentId: body.metadata.paymentId });
      return reply(200, {
        id,
        status: 'pending',
        confirmation: { confirmation_url: `https://yoomoney.ru/checkout/${id}` },
      });
    }
    const paymentPath = path.match(/^\/v3\/payments\/(.+)$/);
    const state = paymentPath && states.get(decodeURIComponent(paymentPath[1] as string));
    if (req.method === 'GET' && state)
      return reply(200, {
        id: paymentPath?.[1],
        status: state.status,
        metadata: { paymentId: state.paymentId },
      });
    if (req.method === 'POST' && path === '/v3/refunds')
      return reply(200, { id: 'refund-1', status: 'succeeded' });
    return reply(404, { type: 'error' });
  });
  return { server, seen, states };
}

const payment = (): Payment => ({
  id: crypto.randomUUID(),
  appointmentId: crypto.randomUUID(),
  patientId: 'patient-1',
  amountKopecks: 150_000,
  status: 'awaiting',
  providerPaymentId: null,
  refundRefusals: 0,
  createdAt: 0,
  updatedAt: 0,
});

describe('the ЮKassa adapter', () => {
  const yookassa = fakeYookassa();
  let provider: ReturnType<typeof yookassaPaymentProvider>;

  beforeAll(async () => {
    await new Promise<void>((listening) => yookassa.server.listen(0, '127.0.0.1', listening));
    const { port } = yookassa.server.address() as AddressInfo;
    provider = yookassaPaymentProvider({
      apiRoot: `http://127.0.0.1:${port}/v3`,
      shopId: '506751',
      secretKey: 'test_secret_key_0123456789',
      returnUrl: 'https://clinic.example.ru/paid',
    });
  });
  afterAll(() => new Promise<void>((closed) => yookassa.server.close(() => closed())));

  it('creates one payment per visit: the amount in rubles, charged at once, our id as the idempotence key, nothing about health', async () => {
    // Prepare
    const ours = payment();
    // Act
    const checkout = await provider.checkout(ours);
    // Assess
    const request = yookassa.seen.at(-1) as Seen;
    expect(request.headers['idempotence-key']).toBe(ours.id);
    expect(request.body).toEqual({
      amount: { value: '1500.00', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect', return_url: 'https://clinic.example.ru/paid' },
      description: 'Онлайн-консультация',
      metadata: { paymentId: ours.id },
    });
    expect(checkout).toEqual({
      providerPaymentId: `yk-${ours.id}`,
      confirmationUrl: `https://yoomoney.ru/checkout/yk-${ours.id}`,
    });
  });

  it('believes the API, not the notification: a forged "succeeded" for a payment ЮKassa says is pending stays pending', async () => {
    // Prepare
    const ours = payment();
    const { providerPaymentId } = await provider.checkout(ours);
    const forged = {
      event: 'payment.succeeded',
      object: { id: providerPaymentId, metadata: { paymentId: ours.id } },
    };
    // Act
    const before = await provider.verify(forged, () => undefined);
    yookassa.states.set(providerPaymentId, { status: 'succeeded', paymentId: ours.id });
    const after = await provider.verify(forged, () => undefined);
    // Assess
    expect(before).toEqual({ paymentId: ours.id, providerPaymentId, status: 'pending' });
    expect(after.status).toBe('succeeded');
    await expect(provider.verify({ hello: 'world' }, () => undefined)).rejects.toBeInstanceOf(NoticeRejected);
    await expect(
      provider.verify({ event: 'payment.succeeded', object: { id: 'not-ours' } }, () => undefined),
    ).rejects.toThrow(/HTTP 404/);
  });

  it('refunds the whole amount once per payment, whatever the number of attempts', async () => {
    // Prepare
    const ours = { ...payment(), status: 'refund_due' as const, providerPaymentId: 'yk-paid' };
    // Act
    await provider.refund(ours);
    await provider.refund(ours);
    // Assess
    const refunds = yookassa.seen.filter((r) => r.path === '/v3/refunds');
    expect(refunds.map((r) => r.headers['idempotence-key'])).toEqual([
      `refund-${ours.id}`,
      `refund-${ours.id}`,
    ]);
    expect(refunds[0]?.body).toEqual({
      payment_id: 'yk-paid',
      amount: { value: '1500.00', currency: 'RUB' },
    });
  });
});
