/**
 * A self-paying patient's payment for one appointment.
 * awaiting → succeeded (the visit is booked) or canceled (the visit is cancelled);
 * a payment that succeeds after its appointment lapsed or was cancelled is refunded:
 * refund_due until the provider accepts the refund, then refunded.
 */
export type PaymentStatus = 'awaiting' | 'succeeded' | 'canceled' | 'refund_due' | 'refunded';

/**
 * The checkout closes at the deadline, but a patient who opened it just before may still be
 * paying: the slot stays theirs this much longer, so a payment made in time is not refused.
 */
export const paymentGraceMinutes = 15;

/** When a self-paid visit must be paid: within the window, and never later than its start. */
export function paymentDeadline(now: number, start: number, windowMinutes: number): number {
  return Math.min(now + windowMinutes * 60_000, start);
}

/** A cancelled visit's payment goes back, unless the patient cancelled it too late. */
export function refundedOnCancel(by: string, late: boolean): boolean {
  return !(late && by === 'patient');
}

/**
 * After this many refusals in a row (the sweep tries once a minute) the clinic's admins are told
 * once, so the money can be returned by hand; the sweep keeps trying meanwhile.
 */
export const refundRefusalsBeforeAlert = 10;

export interface Payment {
  id: string;
  appointmentId: string;
  patientId: string;
  amountKopecks: number;
  status: PaymentStatus;
  /** The provider's id, known once the patient opened the checkout. */
  providerPaymentId: string | null;
  /** Refunds of it the provider has refused in a row. */
  refundRefusals: number;
  createdAt: number;
  updatedAt: number;
}
