import type { PaymentProvider } from './payment-provider';
import { paymentProviderFrom } from './payments/provider';
import { bookingSettings } from './settings';
import { linkRooms, type VideoRooms } from './video-rooms';

let rooms: VideoRooms | undefined;
/** The video provider, built on first use and kept for the instance. */
export function video(): VideoRooms {
  rooms ??= linkRooms(bookingSettings().VIDEO_BASE_URL);
  return rooms;
}

/** How long a confirmed self-paid visit waits for its payment; absent when patients pay at the clinic. */
export function paymentMinutes(): number | undefined {
  return bookingSettings().PAYMENT_PROVIDER === 'none' ? undefined : bookingSettings().PAYMENT_MINUTES;
}

/** The link a patient opens to pay: our checkout route, which sends them on to the provider. */
export function checkoutUrl(paymentId: string): string {
  // Required in the cloud; the local stand-in's links go to the default local gateway.
  const base = bookingSettings().PUBLIC_API_URL ?? 'http://localhost:8080';
  return `${base.replace(/\/+$/, '')}/v1/payments/${paymentId}/checkout`;
}

let provider: PaymentProvider | undefined;
/**
 * The payment provider, built on first use, so that only the functions that call the provider
 * (booking, payment-sweep) need the shop's credentials: the chatbot only sends links.
 */
export function paymentProvider(): PaymentProvider | undefined {
  provider ??= paymentProviderFrom(bookingSettings());
  return provider;
}
