import type { VitalName } from './vocabulary';

/**
 * Physically possible values (reference/clinical.md): outside them a reading is a typo or a
 * device fault, rejected as impossible rather than triaged as abnormal.
 */
export const vitalBounds: Record<VitalName, { min: number; max: number }> = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 20, max: 200 },
  heartRate: { min: 20, max: 300 },
  respiratoryRate: { min: 4, max: 80 },
  spo2: { min: 50, max: 100 },
  temperature: { min: 30, max: 45 },
  glucose: { min: 0.5, max: 50 },
};

export function plausible(name: VitalName, value: number): boolean {
  const bounds = vitalBounds[name];
  return Number.isFinite(value) && value >= bounds.min && value <= bounds.max;
}
