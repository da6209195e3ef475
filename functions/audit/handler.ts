import { auditApi } from '../../modules/audit';
import { entryPoint } from '../../platform/runtime';

/** HTTP: a clinic admin reads who touched health data in their clinic. */
export const handler = entryPoint(auditApi);
