import { adherenceTimer } from '../../modules/rehabilitation';
import { entryPoint } from '../../platform/runtime';

/** Timer (hourly): each finished week of every active plan judged once for adherence. */
export const handler = entryPoint(adherenceTimer);
