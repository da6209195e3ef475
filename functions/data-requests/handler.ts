import { dataRequestsApi } from '../../modules/data-requests';
import { entryPoint } from '../../platform/runtime';

/** HTTP: a patient's access history, exports and erasure requests; the operator's erasure queue. */
export const handler = entryPoint(dataRequestsApi);
