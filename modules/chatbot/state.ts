import type { ConsultationFormat, Payer } from '../booking';
import type { Question, Specialty } from '../triage';
import type { BotLanguage } from './repositories/chatbot';

/** One complaint on its way through triage: health data, sealed with the conversation. */
export interface Episode {
  complaint: string;
  age: number;
  answers: Record<string, boolean | number>;
  /** Question ids already put to the patient, answered or not. */
  asked: string[];
  /** The crisis decision already recorded and paged on the complaint's words, before the age. */
  paged?: string;
}

export interface SlotOption {
  doctorId: string;
  serviceId: string;
  start: number;
  format: ConsultationFormat;
  /** "A doctor now": held with whichever doctor on duty is free when tapped. */
  urgent?: boolean;
}

/** What a list of slots was searched for, so it can be searched again (taken slot, lapsed hold). */
export interface SlotSearch {
  specialty?: Specialty;
  doctorId?: string;
  serviceId?: string;
  withinHours?: number;
  /** Moving this appointment rather than booking a new one. */
  reschedule?: string;
}

export interface SlotList {
  /** Short random id in the buttons, so a tap on an older list is recognised as stale. */
  id: string;
  options: SlotOption[];
  search: SlotSearch;
}

/** The checks at rest entered so far before a session at home: health data, sealed likewise. */
export interface RestCheck {
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  spo2?: number;
}

export type Step =
  | { step: 'idle' }
  | { step: 'consent' }
  | { step: 'contact' }
  | { step: 'coverage' }
  | { step: 'coverage_code' }
  | { step: 'coverage_policy' }
  | { step: 'zone' }
  | { step: 'complaint' }
  | { step: 'age'; complaint: string; paged?: string }
  | { step: 'question'; episode: Episode; question: Question }
  | { step: 'slots'; list: SlotList; payer: Payer }
  | { step: 'held'; appointmentId: string; list: SlotList; payer: Payer }
  | { step: 'rehab_today' }
  | { step: 'rehab_pressure' }
  | { step: 'rehab_pulse'; check: RestCheck }
  | { step: 'rehab_spo2'; check: RestCheck }
  | { step: 'rehab_symptoms'; check: RestCheck }
  | { step: 'rehab_session' }
  | { step: 'rehab_unwell' }
  | { step: 'rehab_effort' }
  | { step: 'rehab_pain'; rpe: number };

/** A chat's conversation; the language lives here until a consent creates the patient. */
export interface Conversation {
  step: Step;
  language?: BotLanguage;
}

/** A quiet chat forgets where it was (and the complaint it held) after this long. */
export const conversationTtlMs = 2 * 3_600_000;
