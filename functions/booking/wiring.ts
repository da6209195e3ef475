import { paymentProviderFrom } from '../../payments/provider';
import { config } from '../../platform/config';
import { linkRooms } from './video-rooms';

/** The booking function's adapters, built once per instance from its settings. */
export const video = linkRooms(config().VIDEO_BASE_URL);
export const paymentProvider = paymentProviderFrom(config());
/** How long a confirmed self-paid visit waits for its payment; absent when patients pay at the clinic. */
export const paymentMinutes = paymentProvider ? config().PAYMENT_MINUTES : undefined;

/** The link a patient opens to pay: our checkout route, which sends them on to the provider. */
export function checkoutUrl(paymentId: string): string {
  // Required with ЮKassa; the local stand-in's links go to the default local gateway.
  const base = config().PUBLIC_API_URL ?? 'http://localhost:8080';
  return `${base.replace(/\/+$/, '')}/v1/payments/${paymentId}/checkout`;
}
