import { teleconsultationsApi } from '../../modules/teleconsultations';
import { entryPoint } from '../../platform/runtime';

/** HTTP: doctor-to-doctor teleconsultations, from a centre's profile to a request's conclusion. */
export const handler = entryPoint(teleconsultationsApi);
