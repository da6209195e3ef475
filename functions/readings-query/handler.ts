import { readingsQueryApi } from '../../modules/readings';
import { entryPoint } from '../../platform/runtime';

/** HTTP: reading series, FHIR output and reading alerts. */
export const handler = entryPoint(readingsQueryApi);
