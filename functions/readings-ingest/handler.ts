import { readingsIngestApi } from '../../modules/readings';
import { entryPoint } from '../../platform/runtime';

/** HTTP: readings sent by apps and gateways, and device registration. */
export const handler = entryPoint(readingsIngestApi);
