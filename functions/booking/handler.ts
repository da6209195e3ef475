import { bookingApi, paymentProvider } from '../../modules/booking';
import { entryPoint } from '../../platform/runtime';

/** HTTP: doctors, schedules, slots, holds, appointments, duty shifts and payments. */
// A payment provider without its settings stops the function at cold start, not at the first payment.
export const handler = entryPoint(bookingApi, paymentProvider);
