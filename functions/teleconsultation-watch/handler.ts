import { overdueTeleconsultationsTimer } from '../../modules/teleconsultations';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): open teleconsultations past their deadline are escalated. */
export const handler = entryPoint(overdueTeleconsultationsTimer);
