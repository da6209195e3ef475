import { defineSettings, setting } from '../../platform/settings';

/** Readings' settings. */
export const readingsSettings = defineSettings('readings', {
  /** Bucket for device files: readings exports (CSV) and ECGs, uploaded by presigned URL. */
  READINGS_BUCKET: setting.bucket('telemed-readings'),
});
