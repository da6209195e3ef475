import { retentionTimer } from '../../modules/data-requests';
import { entryPoint } from '../../platform/runtime';

/** Timer (daily): expired rows and exports past their keep time are deleted. */
export const handler = entryPoint(retentionTimer);
