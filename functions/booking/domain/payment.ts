/**
 * A self-paying patient's payment for one appointment.
 * awaiting → succeeded (the visit is booked) or canceled (the visit is cancelled);
 * a payment that succeeds after its appointment lapsed or was cancelled is refunded:
 * refund_due until the provider accepts the refund, then refunded.
 */
export type PaymentStatus = 'awaiting' | 'succeeded' | 'canceled' | 'refund_due' | 'refunded';

export interface Payment {
  id: string;
  appointmentId: string;
  patientId: string;
  amountKopecks: number;
  status: PaymentStatus;
  /** The provider's id, known once the patient opened the checkout. */
  providerPaymentId: string | null;
  createdAt: number;
  updatedAt: number;
}
