import { defineTables, type TablesOf } from '../../storage/catalog';
import { json, optional, text, timestamp } from '../../storage/columns';

/** The patient record; medical notes are sealed (health data). */
export const patientsTables = defineTables({
  patients: {
    columns: {
      id: text,
      clinic_id: text,
      full_name: text,
      phone: text,
      birth_date: optional(text),
      medical_notes: optional(json),
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      patients_by_clinic: { columns: ['clinic_id', 'created_at'] },
      patients_clinic_phone: { columns: ['clinic_id', 'phone'], unique: true },
    },
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof patientsTables> {}
}
