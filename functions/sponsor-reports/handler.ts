import { sponsorReports } from '../../modules/coverage';
import { entryPoint } from '../../platform/runtime';

/** HTTP and a monthly timer: sponsor usage reports and registers. */
export const handler = entryPoint(sponsorReports);
