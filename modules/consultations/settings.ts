import { defineSettings, setting } from '../../platform/settings';

/** Consultations' settings. */
export const consultationsSettings = defineSettings('consultations', {
  /** Bucket for files attached to consultations (presigned uploads and downloads). */
  ATTACHMENTS_BUCKET: setting.bucket('telemed-attachments'),
});
