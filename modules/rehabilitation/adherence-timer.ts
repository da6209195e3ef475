import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { judgeAdherence } from './use-cases';

/** Active plans judged per run; more than a clinic network runs at once, and the next hour takes the rest. */
const batch = 500;

/** Timer trigger (hourly): each finished week of each active plan is judged once for adherence. */
export const adherenceTimer = withInvocation(
  'rehabilitation-adherence',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const dropped = await store.transaction((r) =>
      judgeAdherence(r, { now: Date.now(), correlationId: crypto.randomUUID(), limit: batch }),
    );
    if (dropped) invocationLogger().info({ dropped }, 'rehabilitation adherence drops');
    return { dropped };
  },
);
