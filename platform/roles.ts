export const roles = ['patient', 'doctor', 'clinic_admin', 'insurer', 'hr', 'service'] as const;
export type Role = (typeof roles)[number];
