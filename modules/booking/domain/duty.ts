import type { Specialty } from './doctor';
import { cellMinutes } from './slots';

/** A doctor's shift on the duty roster: during it they take "a doctor now" visits. */
export interface DutyShift {
  id: string;
  clinicId: string;
  doctorId: string;
  specialty: Specialty;
  start: number;
  end: number;
  createdBy: string;
  createdAt: number;
}

/** A shift is at most a day: long enough for a night duty, short enough to find by its end. */
export const longestShiftHours = 24;

/** An urgent visit starts at the next cell boundary: within minutes, on the same grid as every booking. */
export function urgentStart(now: number): number {
  const cell = cellMinutes * 60_000;
  return Math.ceil(now / cell) * cell;
}

/** Whether the shift covers the whole visit. */
export function covers(shift: DutyShift, start: number, end: number): boolean {
  return shift.start <= start && end <= shift.end;
}
