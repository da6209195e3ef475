import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, json, optional, text, timestamp } from '../../storage/columns';

/** Rehabilitation plans, their versions, sessions, outcome measures and the review queue. */
export const rehabilitationTables = defineTables({
  rehab_plans: {
    columns: {
      id: text,
      clinic_id: text,
      patient_id: text,
      doctor_id: text,
      template_id: text,
      condition: text,
      status: text,
      version: int,
      /** Health data (what the patient is prescribed): sealed. */
      content: json,
      weeks_judged: int,
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      rehab_plans_by_patient: { columns: ['patient_id', 'created_at'] },
      rehab_plans_by_status: { columns: ['status'] },
    },
  },
  rehab_plan_versions: {
    columns: {
      plan_id: text,
      version: int,
      changed_at: timestamp,
      changed_by: text,
      changed_by_role: text,
      /** Sealed: why a clinician changed a plan speaks of the patient's health. */
      reason: json,
      content: json,
    },
    primaryKey: ['plan_id', 'version'],
  },
  rehab_sessions: {
    columns: {
      plan_id: text,
      started_at: timestamp,
      id: text,
      patient_id: text,
      week: int,
      status: text,
      ended_at: optional(timestamp),
      /** Sealed: pre-session checks, readings, the log and any stop. */
      body: json,
    },
    primaryKey: ['plan_id', 'started_at', 'id'],
  },
  rehab_measures: {
    columns: {
      plan_id: text,
      measured_at: timestamp,
      id: text,
      measure: text,
      /** Sealed: answers and score. */
      result: json,
      recorded_by: text,
    },
    primaryKey: ['plan_id', 'measured_at', 'id'],
  },
  /** Courses a sponsor pays for, under the sponsor: what its reports count, nothing clinical. */
  rehab_course_sponsors: {
    columns: {
      sponsor_tenant: text,
      plan_id: text,
      sponsor_type: text,
      sponsor_id: text,
      created_at: timestamp,
    },
    primaryKey: ['sponsor_tenant', 'plan_id'],
  },
  rehab_review_items: {
    columns: {
      clinic_id: text,
      created_at: timestamp,
      id: text,
      doctor_id: text,
      patient_id: text,
      plan_id: text,
      reason: text,
      /** Codes and numbers only (see domain/review.ts). */
      detail: json,
      resolved_at: optional(timestamp),
    },
    primaryKey: ['clinic_id', 'created_at', 'id'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof rehabilitationTables> {}
}
