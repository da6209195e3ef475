import { consentsApi } from '../../modules/consents';
import { entryPoint } from '../../platform/runtime';

/** HTTP: consent texts, a patient's consents and their withdrawal. */
export const handler = entryPoint(consentsApi);
