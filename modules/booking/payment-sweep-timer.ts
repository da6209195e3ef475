import { currentInvocation, invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { sweepPayments } from './payment-sweep';
import { paymentProvider } from './wiring';

/** Timer trigger (every minute): unpaid visits past their deadline are cancelled, refunds owed are made. */

export const paymentSweepTimer = withInvocation(
  'payment-sweep',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const swept = await sweepPayments(store, paymentProvider(), {
      now: Date.now(),
      correlationId: currentInvocation()?.correlationId ?? crypto.randomUUID(),
    });
    // Counts only: never a patient or an amount.
    if (swept.lapsed || swept.refunded || swept.refundsFailed)
      invocationLogger().info(swept, 'payments swept');
    return swept;
  },
);
