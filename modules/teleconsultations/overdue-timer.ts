import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { teleconsultationsSettings } from './settings';
import { escalateOverdue } from './use-cases';

/** At most this many requests of each escalation level per run; the next minute takes the rest. */
const batch = 200;

/**
 * Timer trigger (every minute): an open request past its deadline goes to the centre's
 * coordinators, and if still open an hour (TELECONSULT_HEAD_AFTER_MINUTES) later, to its head.
 */
export const overdueTeleconsultationsTimer = withInvocation(
  'teleconsultation-watch',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const headAfterMs = teleconsultationsSettings().TELECONSULT_HEAD_AFTER_MINUTES * 60_000;
    const escalated = await store.transaction((r) =>
      escalateOverdue(r, { now: Date.now(), correlationId: crypto.randomUUID(), headAfterMs, limit: batch }),
    );
    if (escalated) invocationLogger().info({ escalated }, 'overdue teleconsultations escalated');
    return { escalated };
  },
);
