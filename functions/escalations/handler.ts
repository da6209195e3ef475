import { crisisConsumer } from '../../modules/escalations';
import { queueConsumer } from '../../platform/queue-consumer';
import { entryPoint } from '../../platform/runtime';

/** Message Queue trigger on crisis: a patient on the crisis path opens an escalation. */
export const handler = entryPoint(queueConsumer(crisisConsumer));
