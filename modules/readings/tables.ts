import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, int, json, optional, text, timestamp } from '../../storage/columns';

/**
 * Device readings' tables; part of the catalog in storage/schema.ts.
 *
 * Values are stored in the canonical unit as thousandths in integer columns (`*_milli`):
 * exact, comparable and aggregatable in both databases, which share no floating-point column
 * type in the catalog. They stay plain (not encrypted) so series can be ranged and bucketed;
 * the table holds no names, and the patient's free-text note is sealed.
 */
export const readingsTables = defineTables({
  devices: {
    columns: { id: text, model: optional(text), registered_by: text, created_at: timestamp },
    primaryKey: ['id'],
  },
  /** Which patient a device measures, from when until when (open-ended while valid_to is null). */
  device_bindings: {
    columns: {
      device_id: text,
      valid_from: timestamp,
      valid_to: optional(timestamp),
      patient_id: text,
      clinic_id: optional(text),
      bound_by: text,
      created_at: timestamp,
    },
    primaryKey: ['device_id', 'valid_from'],
    indexes: { device_bindings_by_patient: { columns: ['patient_id'] } },
  },
  /** One row per measurement; the key is the dedupe rule: device + type + measured time. */
  readings: {
    columns: {
      device_id: text,
      type: text,
      measured_at: timestamp,
      patient_id: text,
      value_milli: optional(int),
      diastolic_milli: optional(int),
      mean_milli: optional(int),
      pulse_milli: optional(int),
      meal_context: optional(text),
      original_milli: optional(int),
      original_unit: optional(text),
      file_ref: optional(text),
      note: optional(json),
      source: text,
      received_at: timestamp,
    },
    primaryKey: ['device_id', 'type', 'measured_at'],
    indexes: { readings_by_patient: { columns: ['patient_id', 'type', 'measured_at'] } },
  },
  /** A presigned upload and, once the storage trigger has read the file, what it held. */
  reading_uploads: {
    columns: {
      id: text,
      device_id: text,
      kind: text,
      content_type: text,
      time_zone: text,
      measured_at: optional(timestamp),
      requested_by: text,
      requested_role: text,
      status: text,
      result: optional(json),
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
  },
  /** A doctor's personal targets for a patient, replacing the age band's defaults. */
  reading_targets: {
    columns: { patient_id: text, targets: json, set_by: text, updated_at: timestamp },
    primaryKey: ['patient_id'],
  },
  reading_alerts: {
    columns: {
      id: text,
      patient_id: text,
      clinic_id: optional(text),
      type: text,
      rule: text,
      direction: text,
      measured_at: timestamp,
      raised_at: timestamp,
      status: text,
      acknowledged_by: optional(text),
      acknowledged_at: optional(timestamp),
    },
    primaryKey: ['id'],
    indexes: { reading_alerts_by_patient: { columns: ['patient_id', 'raised_at'] } },
  },
  /** Hysteresis and cool-down: whether a rule is firing for a patient's series, and since when. */
  reading_alert_states: {
    columns: {
      patient_id: text,
      type: text,
      rule: text,
      active: bool,
      last_raised_at: optional(timestamp),
      updated_at: timestamp,
    },
    primaryKey: ['patient_id', 'type', 'rule'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof readingsTables> {}
}
