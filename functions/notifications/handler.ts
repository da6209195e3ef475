import { notificationsConsumer } from '../../modules/notifications';
import { queueConsumer } from '../../platform/queue-consumer';
import { entryPoint } from '../../platform/runtime';

/** Message Queue trigger on notifications: events become messages to their recipients. */
export const handler = entryPoint(queueConsumer(notificationsConsumer));
