import { readingsAlertsConsumer } from '../../modules/readings';
import { queueConsumer } from '../../platform/queue-consumer';
import { entryPoint } from '../../platform/runtime';

/** Message Queue trigger on readings: alert rules for the series each batch changed. */
export const handler = entryPoint(queueConsumer(readingsAlertsConsumer));
