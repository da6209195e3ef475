import { defineSettings, setting } from '../../platform/settings';

/** Teleconsultations' settings. */
export const teleconsultationsSettings = defineSettings('teleconsultations', {
  /** The attachments bucket consultations use: a request's documents live under teleconsultations/<id>/. */
  ATTACHMENTS_BUCKET: setting.bucket('telemed-attachments'),
  /** How long after a request closes the centre still sees the case (issue 21, item 5). */
  TELECONSULT_ACCESS_DAYS: setting.integer(0, 365, 30),
  /** How long past its deadline an open request goes from the coordinators to the centre's head. */
  TELECONSULT_HEAD_AFTER_MINUTES: setting.integer(1, 24 * 60, 60),
});
