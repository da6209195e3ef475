import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { reportOverdueAnswers } from './use-cases';

/** At most this many overdue answers reported per run; the next minute takes the rest. */
const batch = 200;

/**
 * Timer trigger (every minute): a patient's message unanswered past its deadline is
 * reported once, as an `async_message.overdue.v1` event for the clinic admin.
 */
export const overdueAnswersTimer = withInvocation(
  'sla-watch',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const reported = await store.transaction((r) =>
      reportOverdueAnswers(r, { now: Date.now(), correlationId: crypto.randomUUID(), limit: batch }),
    );
    if (reported) invocationLogger().info({ reported }, 'overdue answers reported');
    return { reported };
  },
);
