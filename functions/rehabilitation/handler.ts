import { rehabilitationApi } from '../../modules/rehabilitation';
import { entryPoint } from '../../platform/runtime';

/** HTTP: rehabilitation plans, sessions at home, outcome measures and the review queue. */
export const handler = entryPoint(rehabilitationApi);
