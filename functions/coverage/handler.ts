import { coverageApi } from '../../modules/coverage';
import { entryPoint } from '../../platform/runtime';

/** HTTP: insurers, employers, policies, packages, activation codes and coverage. */
export const handler = entryPoint(coverageApi);
