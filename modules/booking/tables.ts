import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, int, json, optional, text, timestamp } from '../../storage/columns';

export const bookingTables = defineTables({
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
      // Added by migration 016, which copies it from doctors for the rows before it.
      doctor_time_zone: optional(text),
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
      // Added by migration 013: rows from before read as self-paid, free, not urgent.
      payer_type: optional(text),
      price_kopecks: optional(int),
      urgent: optional(bool),
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
  /** Shifts of the duty roster: who answers "a doctor now" requests, whatever their weekly schedule. */
  duty_shifts: {
    columns: {
      id: text,
      clinic_id: text,
      doctor_id: text,
      specialty: text,
      starts_at: timestamp,
      ends_at: timestamp,
      created_by: text,
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      // "Who is on duty now": shifts of a specialty that end after now, then those that began.
      duty_shifts_by_specialty_end: { columns: ['specialty', 'ends_at'] },
      duty_shifts_by_clinic: { columns: ['clinic_id', 'starts_at'] },
    },
  },
  /** A self-paying patient's payment for one appointment, and what the provider told us of it. */
  payments: {
    columns: {
      id: text,
      appointment_id: text,
      patient_id: text,
      amount_kopecks: int,
      status: text,
      provider_payment_id: optional(text),
      // Added by migration 018: refunds the provider refused in a row (none on older rows).
      refund_refusals: optional(int),
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      payments_by_appointment: { columns: ['appointment_id'] },
      // The refund sweep: payments owed back, oldest first.
      payments_by_status: { columns: ['status', 'updated_at'] },
    },
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof bookingTables> {}
}
