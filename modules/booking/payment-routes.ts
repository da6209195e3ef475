import * as z from 'zod';
import { httpRoute } from '../../platform/http';
import { Problem } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { notFound } from './appointments';
import { isLiveHold } from './domain/appointment';
import { applyPaymentNotice } from './payment-notices';
import { NoticeRejected, type PaymentProvider } from './payment-provider';
import * as schemas from './schemas';
import { paymentProvider, video } from './wiring';

function provider(): PaymentProvider {
  const configured = paymentProvider();
  if (!configured)
    throw new Problem(404, 'PAYMENTS_DISABLED', 'Not found', 'Patients of this clinic pay at the clinic.');
  return configured;
}

const unavailable = () =>
  new Problem(
    502,
    'PAYMENT_PROVIDER_UNAVAILABLE',
    'Payment provider unavailable',
    'Please try again shortly.',
  );

/**
 * The payment link a patient opens (from the app or the chatbot): creates the provider's payment,
 * once, and sends the browser on to its page. The unguessable payment id is the credential,
 * as the link travels in messages; the page shows an amount and nothing about health.
 */
export const checkout = httpRoute({
  route: 'GET /v1/payments/{paymentId}/checkout',
  auth: 'public',
  params: schemas.paymentParams,
  handle: async ({ params }) => {
    const payments = provider();
    const payment = await inTransaction(async (r) => {
      const found = await r.payments.get(params.paymentId);
      const appointment = found && (await r.appointments.get(found.appointmentId));
      if (!found || !appointment) throw notFound('Payment');
      if (found.status !== 'awaiting' || !isLiveHold(appointment, Date.now()))
        throw new Problem(409, 'PAYMENT_CLOSED', 'Payment closed', 'This payment is no longer open.');
      return found;
    });
    const started = await payments.checkout(payment).catch(() => {
      throw unavailable();
    });
    await inTransaction((r) =>
      r.payments.update(payment.id, { providerPaymentId: started.providerPaymentId }, Date.now()),
    );
    return { status: 303, headers: { Location: started.confirmationUrl } };
  },
});

/** The provider's notifications. Anything but 2xx makes the provider send the notice again. */
export const paymentWebhook = httpRoute({
  route: 'POST /v1/payments/webhook',
  auth: 'public',
  body: z.unknown(),
  handle: async ({ body, header, correlationId }) => {
    const payments = provider();
    const notice = await payments.verify(body, header).catch((error) => {
      if (error instanceof NoticeRejected)
        throw new Problem(401, 'PAYMENT_NOTICE_REJECTED', 'Notification rejected', error.message);
      throw unavailable();
    });
    const { outcome } = await inTransaction((r) =>
      applyPaymentNotice(r, notice, { now: Date.now(), correlationId, video: video() }),
    );
    return { status: 200, body: { outcome } };
  },
});
