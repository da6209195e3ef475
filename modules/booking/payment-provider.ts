import type { Payment } from './domain/payment';

/** Where the patient pays: the provider's page for this payment. */
export interface Checkout {
  providerPaymentId: string;
  confirmationUrl: string;
}

/** What the provider says happened to a payment, once the notification is verified. */
export interface PaymentNotice {
  /** Our payment id, carried through the provider as metadata. */
  paymentId: string;
  providerPaymentId: string;
  status: 'succeeded' | 'canceled' | 'pending';
}

/**
 * The payment provider port (ЮKassa in the cloud, a local stand-in for development).
 * Every call is idempotent per payment, so a retried request never charges twice.
 */
export interface PaymentProvider {
  /** Creates the provider's payment for ours, or returns the one already created. */
  checkout(payment: Payment): Promise<Checkout>;
  /** Checks that a webhook notification is genuine and returns the payment's true state. */
  verify(notification: unknown, header: (name: string) => string | undefined): Promise<PaymentNotice>;
  /** Returns the whole amount to the patient. */
  refund(payment: Payment): Promise<void>;
}

/** A notification that cannot be trusted: not from the provider, or about no payment of ours. */
export class NoticeRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoticeRejected';
  }
}
