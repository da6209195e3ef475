import { NoticeRejected, type PaymentProvider } from '../payment-provider';
import { notificationSchema } from './notification';

interface YookassaPayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  confirmation?: { confirmation_url?: string };
  metadata?: { paymentId?: string };
}

export interface YookassaSettings {
  /** https://api.yookassa.ru/v3 (https://yookassa.ru/developers/api), servers in Russia. */
  apiRoot: string;
  shopId: string;
  secretKey: string;
  /** Where ЮKassa sends the patient after paying. */
  returnUrl: string;
}

const rubles = (kopecks: number) => ({ value: (kopecks / 100).toFixed(2), currency: 'RUB' });

/**
 * ЮKassa behind the payment port. A notification's body is not trusted: its payment is read
 * back from the API, which is how ЮKassa asks integrators to verify notifications. The
 * description names no specialty or complaint: a payment says nothing about health.
 */
export function yookassaPaymentProvider(settings: YookassaSettings): PaymentProvider {
  const authorization = `Basic ${Buffer.from(`${settings.shopId}:${settings.secretKey}`).toString('base64')}`;
  const call = async <T>(path: string, body?: unknown, idempotenceKey?: string): Promise<T> => {
    const response = await fetch(`${settings.apiRoot}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        Authorization: authorization,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(idempotenceKey ? { 'Idempotence-Key': idempotenceKey } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(8_000),
    });
    if (!response.ok) throw new Error(`ЮKassa ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    async checkout(payment) {
      const created = await call<YookassaPayment>(
        '/payments',
        {
          amount: rubles(payment.amountKopecks),
          capture: true,
          confirmation: { type: 'redirect', return_url: settings.returnUrl },
          description: 'Онлайн-консультация',
          metadata: { paymentId: payment.id },
        },
        // The same key for the same payment: ЮKassa returns the payment it already created.
        payment.id,
      );
      const confirmationUrl = created.confirmation?.confirmation_url;
      if (!confirmationUrl) throw new Error('ЮKassa returned no confirmation URL');
      return { providerPaymentId: created.id, confirmationUrl };
    },
    async verify(notification) {
      const parsed = notificationSchema.safeParse(notification);
      if (!parsed.success) throw new NoticeRejected('Not a payment notification.');
      const payment = await call<YookassaPayment>(`/payments/${encodeURIComponent(parsed.data.object.id)}`);
      const paymentId = payment.metadata?.paymentId;
      if (!paymentId) throw new NoticeRejected('The payment is not one of ours.');
      const status =
        payment.status === 'succeeded' ? 'succeeded' : payment.status === 'canceled' ? 'canceled' : 'pending';
      return { paymentId, providerPaymentId: payment.id, status };
    },
    async refund(payment) {
      if (!payment.providerPaymentId) return;
      await call(
        '/refunds',
        { payment_id: payment.providerPaymentId, amount: rubles(payment.amountKopecks) },
        `refund-${payment.id}`,
      );
    },
  };
}
