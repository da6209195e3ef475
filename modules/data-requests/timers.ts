import { withInvocation } from '../../platform/runtime';
import type { TimerEvent } from '../../platform/yandex';
import { buildPendingExports } from './exports';
import { sweepRetention } from './retention-sweep';

/** Timer trigger (every minute): builds the exports patients asked for. */
export const exportsTimer = withInvocation(
  'data-exports',
  () => undefined,
  async (_event: TimerEvent) => buildPendingExports(Date.now()),
);

/** Timer trigger (daily): enforces the retention rules a sweep enforces (domain/retention.ts). */
export const retentionTimer = withInvocation(
  'retention-sweep',
  () => undefined,
  async (_event: TimerEvent) => sweepRetention(Date.now()),
);
