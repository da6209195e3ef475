import { patientsApi } from '../../modules/patients';
import { entryPoint } from '../../platform/runtime';

/** HTTP: the patient record. */
export const handler = entryPoint(patientsApi);
