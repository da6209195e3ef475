import { remindersTimer } from '../../modules/booking';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): reminders 24 h and 1 h before each booked appointment. */
export const handler = entryPoint(remindersTimer);
