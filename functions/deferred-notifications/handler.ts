import { deferredNotificationsTimer } from '../../modules/notifications';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): messages held back by quiet hours are sent once those end. */
export const handler = entryPoint(deferredNotificationsTimer);
