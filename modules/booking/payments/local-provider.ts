import { timingSafeEqual } from 'node:crypto';
import { NoticeRejected, type PaymentProvider } from '../payment-provider';
import { notificationSchema } from './notification';

/**
 * A stand-in for development and tests: checkout pages that do not exist, and notifications
 * trusted when they carry the shared secret in `X-Webhook-Secret` (the config refuses it in the cloud).
 */
export function localPaymentProvider(webhookSecret: string): PaymentProvider {
  const secret = Buffer.from(webhookSecret);
  return {
    async checkout(payment) {
      const providerPaymentId = `local-${payment.id}`;
      return {
        providerPaymentId,
        confirmationUrl: `https://pay.local.invalid/checkout/${providerPaymentId}`,
      };
    },
    async verify(notification, header) {
      const given = Buffer.from(header('x-webhook-secret') ?? '');
      if (given.length !== secret.length || !timingSafeEqual(given, secret))
        throw new NoticeRejected('The notification does not carry the webhook secret.');
      const parsed = notificationSchema.safeParse(notification);
      const paymentId = parsed.data?.object.metadata?.paymentId;
      if (!parsed.success || !paymentId) throw new NoticeRejected('Not a payment notification.');
      const { event, object } = parsed.data;
      const status =
        event === 'payment.succeeded' ? 'succeeded' : event === 'payment.canceled' ? 'canceled' : 'pending';
      return { paymentId, providerPaymentId: object.id, status };
    },
    async refund() {},
  };
}
