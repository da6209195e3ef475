import type { ConsultationFormat } from './appointment';
import type { Schedule } from './schedule';

export const specialties = [
  'therapist',
  'pediatrician',
  'psychologist',
  'psychiatrist',
  'gynecologist',
  'dermatologist',
  'neurologist',
  'cardiologist',
  'endocrinologist',
  'gastroenterologist',
  'ent',
  'urologist',
  'ophthalmologist',
  'pulmonologist',
  'rheumatologist',
  'allergist',
  'nutritionist',
] as const;
export type Specialty = (typeof specialties)[number];

export interface Service {
  id: string;
  name: string;
  format: ConsultationFormat;
  durationMinutes: number;
  priceRub: number;
}

export interface Doctor {
  id: string;
  clinicId: string;
  fullName: string;
  specialty: Specialty;
  languages: string[];
  /** IANA zone the schedule is written in, e.g. Asia/Vladivostok. */
  timeZone: string;
  services: Service[];
  schedule: Schedule;
  createdAt: number;
  updatedAt: number;
}

export const defaultSchedule: Schedule = {
  weekly: {},
  overrides: {},
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  horizonDays: 30,
  minNoticeMinutes: 60,
  cancellationNoticeMinutes: 24 * 60,
};
