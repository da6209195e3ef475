import type { Repositories } from '../../platform/store';
import { book, cancelAppointment, notFound } from './appointments';
import type { Payment } from './domain/payment';
import type { PaymentNotice } from './payment-provider';
import type { VideoRooms } from './video-rooms';

/** What a verified notice did: booked or cancelled the visit, left a refund to make, or nothing new. */
export type NoticeOutcome = 'booked' | 'cancelled' | 'refund_due' | 'unchanged';

/**
 * Applies the provider's word on a payment. Paid while the visit still holds its slot (the
 * deadline plus a grace for a checkout opened just before it): the visit is booked. Paid after
 * the visit lapsed or was cancelled: the money is owed back (`refund_due`; the payment sweep
 * refunds it). Cancelled: the waiting visit is cancelled. Notices arrive more than once and in
 * any order; each state change happens once.
 */
export async function applyPaymentNotice(
  repos: Repositories,
  notice: PaymentNotice,
  context: { now: number; correlationId: string; video: VideoRooms },
): Promise<{ payment: Payment; outcome: NoticeOutcome }> {
  const payment = await repos.payments.get(notice.paymentId);
  if (!payment) throw notFound('Payment');
  const settle = async (status: Payment['status'], outcome: NoticeOutcome) => {
    await repos.payments.update(
      payment.id,
      { status, providerPaymentId: notice.providerPaymentId },
      context.now,
    );
    return { payment: { ...payment, status, providerPaymentId: notice.providerPaymentId }, outcome };
  };
  if (payment.status !== 'awaiting' || notice.status === 'pending') return { payment, outcome: 'unchanged' };

  const appointment = await repos.appointments.get(payment.appointmentId);
  if (!appointment) throw notFound('Appointment');
  const waiting = appointment.status === 'pending_payment';
  if (notice.status === 'canceled') {
    if (waiting) await cancelAppointment(repos, appointment, { ...context, by: 'payment' });
    return settle('canceled', waiting ? 'cancelled' : 'unchanged');
  }
  if (waiting && (await repos.appointments.ownsBlock(appointment))) {
    await book(repos, appointment, context);
    return settle('succeeded', 'booked');
  }
  if (waiting) await cancelAppointment(repos, appointment, { ...context, by: 'payment' });
  return settle('refund_due', 'refund_due');
}
