import { defineConsumer } from '../../platform/queue-consumer';
import { evaluateRecorded } from './evaluate-alerts';
import { readingsRecordedV1 } from './events/readings.v1';

/**
 * Message Queue trigger on `readings`: evaluates the alert rules for the series each stored
 * batch changed. Deduped on event id with its effects, so a redelivered batch alerts once.
 * Logs counts only, never a value.
 */
export const readingsAlertsConsumer = defineConsumer({
  name: 'readings-alerts',
  events: [readingsRecordedV1],
  handle: async (event, repos, logger) => {
    const raised = await evaluateRecorded(repos, event.data, {
      now: Date.now(),
      correlationId: event.correlationId,
      tenant: event.tenant,
    });
    if (raised) logger.info({ raised, series: event.data.series.length }, 'reading alerts raised');
  },
});
