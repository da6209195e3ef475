import { rehabilitationConsumer } from '../../modules/rehabilitation';
import { queueConsumer } from '../../platform/queue-consumer';
import { entryPoint } from '../../platform/runtime';

/** Message Queue: rehabilitation events become messages to the patient and the clinician. */
export const handler = entryPoint(queueConsumer(rehabilitationConsumer));
