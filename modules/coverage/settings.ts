import { defineSettings, setting } from '../../platform/settings';

/** Coverage's settings. */
export const coverageSettings = defineSettings('coverage', {
  /** Bucket for sponsors' files: enrolment and policy uploads with their results, and reports. */
  SPONSOR_BUCKET: setting.bucket('telemed-sponsor-files'),
});
