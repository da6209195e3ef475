import { bool, json, optional, text, timestamp } from './columns';
import type { TableDef } from './schema';

/** Booking's tables; part of the catalog in storage/schema.ts. */
export const bookingTables = {
  doctors: {
    columns: {
      id: text,
      clinic_id: text,
      full_name: text,
      specialty: text,
      languages: json,
      time_zone: text,
      services: json,
      schedule: json,
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      doctors_by_clinic: { columns: ['clinic_id'] },
      doctors_by_specialty: { columns: ['specialty'] },
    },
  },
  appointments: {
    columns: {
      id: text,
      clinic_id: text,
      doctor_id: text,
      patient_id: text,
      patient_time_zone: text,
      service_id: text,
      format: text,
      start_at: timestamp,
      end_at: timestamp,
      block_start: timestamp,
      block_end: timestamp,
      status: text,
      hold_expires_at: optional(timestamp),
      consultation_type: text,
      late_cancellation: bool,
      video_link: optional(text),
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      appointments_by_doctor: { columns: ['doctor_id', 'start_at'] },
      appointments_by_patient: { columns: ['patient_id', 'start_at'] },
      appointments_by_clinic: { columns: ['clinic_id', 'start_at'] },
      appointments_by_status_start: { columns: ['status', 'start_at'] },
    },
  },
  /**
   * One row per 5-minute cell of a doctor's time an appointment occupies (with buffers).
   * The primary key makes double booking impossible in both databases; a hold's cells
   * expire with the hold, which frees the slot without anyone acting.
   */
  slot_cells: {
    columns: {
      doctor_id: text,
      cell_start: timestamp,
      appointment_id: text,
      expires_at: optional(timestamp),
    },
    primaryKey: ['doctor_id', 'cell_start'],
    expiresAt: 'expires_at',
  },
  /** Reminders sent, one per appointment, kind and start time: a moved appointment is reminded anew. */
  appointment_reminders: {
    columns: { appointment_id: text, kind: text, start_at: timestamp, sent_at: timestamp },
    primaryKey: ['appointment_id', 'kind', 'start_at'],
  },
  in_person_visits: {
    columns: {
      clinic_id: text,
      patient_id: text,
      id: text,
      visited_on: text,
      recorded_by: text,
      created_at: timestamp,
    },
    primaryKey: ['clinic_id', 'patient_id', 'id'],
  },
} satisfies Record<string, TableDef>;
