import { readingsFileTrigger } from '../../modules/readings';
import { entryPoint } from '../../platform/runtime';

/** HTTP upload links, and the Object Storage trigger that imports readings files. */
export const handler = entryPoint(readingsFileTrigger);
