import { paymentProviderFrom } from '../../payments/provider';
import { config } from '../../platform/config';
import type { PaymentProvider } from './payment-provider';
import { linkRooms } from './video-rooms';

/** The booking function's adapters and settings, built once per instance. */
export const video = linkRooms(config().VIDEO_BASE_URL);

/** How long a confirmed self-paid visit waits for its payment; absent when patients pay at the clinic. */
export const paymentMinutes = config().PAYMENT_PROVIDER === 'none' ? undefined : config().PAYMENT_MINUTES;

/** The link a patient opens to pay: our checkout route, which sends them on to the provider. */
export function checkoutUrl(paymentId: string): string {
  // Required in the cloud; the local stand-in's links go to the default local gateway.
  const base = config().PUBLIC_API_URL ?? 'http://localhost:8080';
  return `${base.replace(/\/+$/, '')}/v1/payments/${paymentId}/checkout`;
}

let provider: PaymentProvider | undefined;
/**
 * The payment provider, built on first use, so that only the functions that call the provider
 * (booking, payment-sweep) need the shop's credentials: the chatbot only sends links.
 */
export function paymentProvider(): PaymentProvider | undefined {
  provider ??= paymentProviderFrom(config());
  return provider;
}
