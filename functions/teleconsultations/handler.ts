import { acknowledgeEscalation } from '../../modules/escalations';
import { onPageAnswered, teleconsultationsApi } from '../../modules/teleconsultations';
import { entryPoint } from '../../platform/runtime';

/**
 * HTTP: doctor-to-doctor teleconsultations, from a centre's profile to a request's conclusion;
 * the centre taking or declining an emergency acknowledges its page.
 */
export const handler = entryPoint(teleconsultationsApi, () => onPageAnswered(acknowledgeEscalation));
