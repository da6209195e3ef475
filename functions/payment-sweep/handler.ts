import { paymentProvider, paymentSweepTimer } from '../../modules/booking';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): unpaid visits past their deadline are cancelled, refunds owed are made. */
export const handler = entryPoint(paymentSweepTimer, paymentProvider);
