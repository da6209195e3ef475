import { exportsTimer } from '../../modules/data-requests';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): each export a patient asked for, streamed into the bucket as a zip. */
export const handler = entryPoint(exportsTimer);
