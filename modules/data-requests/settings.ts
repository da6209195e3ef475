import { defineSettings, setting } from '../../platform/settings';

/** Data-subject requests' settings. */
export const dataRequestsSettings = defineSettings('data-requests', {
  /** Exports are written to the attachments bucket under exports/<patient>/ (private; links only). */
  ATTACHMENTS_BUCKET: setting.bucket('telemed-attachments'),
  /** How long a download link to a ready export stays valid. */
  EXPORT_LINK_MINUTES: setting.integer(1, 24 * 60, 60),
  /** How long a built export stays in the bucket before the retention sweep deletes it. */
  EXPORT_KEEP_DAYS: setting.integer(1, 30, 7),
  /** How long a builder holds an export before another run may take it over (past the function's timeout). */
  EXPORT_LEASE_SECONDS: setting.integer(60, 3_600, 900),
});
