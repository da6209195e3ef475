import { triageApi } from '../../modules/triage';
import { entryPoint } from '../../platform/runtime';

/** HTTP: symptom triage, intake questionnaires and clinician review. */
export const handler = entryPoint(triageApi);
