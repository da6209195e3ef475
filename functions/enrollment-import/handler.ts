import { sponsorUploadTrigger } from '../../modules/coverage';
import { entryPoint } from '../../platform/runtime';

/** Object Storage trigger: enrolment and policy CSV files uploaded by sponsors. */
export const handler = entryPoint(sponsorUploadTrigger);
