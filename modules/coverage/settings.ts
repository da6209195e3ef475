import { defineSettings, setting } from '../../platform/settings';

/** Coverage's settings. */
export const coverageSettings = defineSettings('coverage', {
  /** Bucket for sponsors' files: enrolment and policy uploads with their results, and reports. */
  SPONSOR_BUCKET: setting.bucket('telemed-sponsor-files'),
  /** Misses (a wrong birth date, an unknown code) before linking locks, per caller and per policy. */
  LINK_MAX_FAILURES: setting.integer(3, 50, 5),
  /** The window those misses are counted in, and how long a lock lasts. */
  LINK_WINDOW_MINUTES: setting.integer(1, 1440, 15),
  LINK_LOCKOUT_MINUTES: setting.integer(1, 1440, 30),
  /**
   * Specialties whose visits an insurer sees only as a month and a cost (comma-separated; add, for
   * instance, dermatologist or urologist where they treat venereal disease).
   */
  SENSITIVE_SPECIALTIES: setting.text(
    'psychiatrist,psychologist,psychotherapist,narcologist,venereologist,infectious_disease,oncologist',
  ),
});

/** The sensitive specialties as a set (see SENSITIVE_SPECIALTIES). */
export function sensitiveSpecialties(): ReadonlySet<string> {
  return new Set(
    coverageSettings()
      .SENSITIVE_SPECIALTIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
