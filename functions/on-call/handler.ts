import { onCallApi } from '../../modules/escalations';
import { entryPoint } from '../../platform/runtime';

/** HTTP: the on-call roster and acknowledging escalations. */
export const handler = entryPoint(onCallApi);
