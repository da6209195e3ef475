import type { Store } from '../../storage/unit-of-work';
import { cancelAppointment } from './appointments';
import { paymentGraceMinutes } from './domain/payment';
import type { PaymentProvider } from './payment-provider';

const batch = 100;

/**
 * What the payment sweep does each run: visits whose payment never came are cancelled (the
 * patient hears of it through `appointment.cancelled`), and money owed back is refunded. A
 * refund the provider refuses stays owed and is tried again next run; it is idempotent per
 * payment, so a retry never refunds twice.
 */
export async function sweepPayments(
  store: Store,
  provider: PaymentProvider | undefined,
  context: { now: number; correlationId: string },
): Promise<{ lapsed: number; refunded: number; refundsFailed: number }> {
  const grace = paymentGraceMinutes * 60_000;
  const waiting = await store.transaction((r) => r.appointments.inStatus('pending_payment', batch), {
    readOnly: true,
  });
  let lapsed = 0;
  for (const { id } of waiting) {
    // One transaction each, re-read inside it: a payment may have booked the visit meanwhile.
    lapsed += await store.transaction(async (r) => {
      const appointment = await r.appointments.get(id);
      const payBy = appointment?.holdExpiresAt ?? Number.POSITIVE_INFINITY;
      if (appointment?.status !== 'pending_payment' || payBy + grace > context.now) return 0;
      await cancelAppointment(r, appointment, { ...context, by: 'payment' });
      return 1;
    });
  }
  let refunded = 0;
  let refundsFailed = 0;
  if (provider) {
    const owed = await store.transaction((r) => r.payments.inStatus('refund_due', batch), { readOnly: true });
    for (const payment of owed) {
      try {
        await provider.refund(payment);
      } catch {
        refundsFailed++;
        continue;
      }
      await store.transaction((r) => r.payments.update(payment.id, { status: 'refunded' }, context.now));
      refunded++;
    }
  }
  return { lapsed, refunded, refundsFailed };
}
