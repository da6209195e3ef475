import type { Payers } from './payers';

let wired: Payers | undefined;

/**
 * Sponsors (insurers, employers) pay for visits through the `Payers` port; the coverage module
 * implements it. Booking does not import coverage (coverage builds on booking): a function that
 * books wires the two at cold start (functions/booking/handler.ts).
 */
export function useSponsorPayers(payers: Payers): void {
  wired = payers;
}

/** The wired payers; a function that books without them is miswired, and says so. */
export function sponsorPayers(): Payers {
  if (!wired)
    throw new Error('Booking needs its sponsor payers: wire them with useSponsorPayers at cold start');
  return wired;
}
