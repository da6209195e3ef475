import { currentInvocation, invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { sweepPayments } from '../booking/payment-sweep';
import { paymentProvider } from '../booking/wiring';

/** Timer trigger (every minute): unpaid visits past their deadline are cancelled, refunds owed are made. */
// A provider without its settings stops the function at cold start, not at the first payment.
paymentProvider();

export const handler = withInvocation(
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
