import { healthApi } from '../../platform/health-route';
import { entryPoint } from '../../platform/runtime';

/** HTTP: GET /v1/health, public; each dependency's state, no data. */
export const handler = entryPoint(healthApi);
