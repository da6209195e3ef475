import { escalationWatchTimer } from '../../modules/escalations';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): escalations nobody acknowledged go one level up. */
export const handler = entryPoint(escalationWatchTimer);
