import { bookingApi, paymentProvider, useSponsorPayers } from '../../modules/booking';
import { sponsorPayers } from '../../modules/coverage';
import { entryPoint } from '../../platform/runtime';

/** HTTP: doctors, schedules, slots, holds, appointments, duty shifts and payments. */
export const handler = entryPoint(
  bookingApi,
  // A payment provider without its settings stops the function at cold start, not at the first payment.
  paymentProvider,
  () => useSponsorPayers(sponsorPayers),
);
