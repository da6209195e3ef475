import { consultationsApi } from '../../modules/consultations';
import { entryPoint } from '../../platform/runtime';

/** HTTP: consultation contracts and their asynchronous messages. */
export const handler = entryPoint(consultationsApi);
