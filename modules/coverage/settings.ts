import * as z from 'zod';
import { defineSettings } from '../../platform/settings';

/** Coverage's settings. */
export const coverageSettings = defineSettings('coverage', {
  /** Bucket for sponsors' files: enrolment and policy uploads with their results, and reports. */
  SPONSOR_BUCKET: z.string().min(3).default('telemed-sponsor-files'),
});
