import { createEvent } from '../../events/envelope';
import type { Repositories, Store } from '../../platform/store';
import { cancelAppointment } from './appointments';
import { type Payment, paymentGraceMinutes, refundRefusalsBeforeAlert } from './domain/payment';
import { paymentRefundRefusedV1 } from './events/payment.v1';
import type { PaymentProvider } from './payment-provider';

const batch = 100;

/**
 * What the payment sweep does each run: visits whose payment never came are cancelled (the
 * patient hears of it through `appointment.cancelled`), and money owed back is refunded. A
 * refund the provider refuses stays owed and is tried again next run (it is idempotent per
 * payment, so a retry never refunds twice); after a run of refusals the clinic's admins are told.
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
        await store.transaction((r) => recordRefusal(r, payment.id, context));
        continue;
      }
      await store.transaction((r) => r.payments.update(payment.id, { status: 'refunded' }, context.now));
      refunded++;
    }
  }
  return { lapsed, refunded, refundsFailed };
}

/**
 * Counts a refused refund and, on the refusal that reaches the threshold, tells the clinic's
 * admins in the same transaction (once: the count only grows). Updating the payment also moves
 * it to the back of the sweep's queue, so one stuck refund does not hold up the others.
 */
async function recordRefusal(
  repos: Repositories,
  paymentId: string,
  context: { now: number; correlationId: string },
): Promise<void> {
  const payment = await repos.payments.get(paymentId);
  if (payment?.status !== 'refund_due') return;
  const refusals = payment.refundRefusals + 1;
  await repos.payments.update(payment.id, { refundRefusals: refusals }, context.now);
  if (refusals === refundRefusalsBeforeAlert)
    await alertAdmins(repos, payment, refusals, context.correlationId);
}

async function alertAdmins(repos: Repositories, payment: Payment, refusals: number, correlationId: string) {
  const appointment = await repos.appointments.get(payment.appointmentId);
  if (!appointment) return;
  const event = createEvent(
    paymentRefundRefusedV1,
    {
      paymentId: payment.id,
      appointmentId: appointment.id,
      clinicId: appointment.clinicId,
      amountRub: payment.amountKopecks / 100,
      visitStart: new Date(appointment.start).toISOString(),
      refusals,
    },
    { correlationId, tenant: appointment.clinicId },
  );
  await repos.outbox.add(paymentRefundRefusedV1.queue, event);
}
