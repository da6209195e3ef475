import { defineSettings, setting } from '../../platform/settings';

/** The records module's settings. */
export const recordsSettings = defineSettings('records', {
  /** The attachments bucket: a patient's documents live under records/<patientId>/ (the trigger's prefix). */
  ATTACHMENTS_BUCKET: setting.bucket('telemed-attachments'),
});
