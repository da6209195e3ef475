import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, int, json, optional, text, timestamp } from '../../storage/columns';

export const consultationsTables = defineTables({
  consultation_contracts: {
    columns: {
      id: text,
      clinic_id: text,
      doctor_id: text,
      patient_id: text,
      starts_at: timestamp,
      ends_at: timestamp,
      response_hours: int,
      rating: optional(int),
      /** Health data (what the patient says of their care): sealed. */
      rating_comment: optional(json),
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      contracts_by_patient: { columns: ['patient_id', 'starts_at'] },
      contracts_by_doctor: { columns: ['doctor_id', 'starts_at'] },
    },
  },
  consultation_messages: {
    columns: {
      contract_id: text,
      sent_at: timestamp,
      id: text,
      author_role: text,
      author_id: text,
      /** Health data: sealed with envelope encryption. */
      body: json,
      attachments: json,
      /** For a patient's message: when the doctor's answer is due; null once answered. */
      answer_due_at: optional(timestamp),
      overdue_reported: bool,
    },
    primaryKey: ['contract_id', 'sent_at', 'id'],
    indexes: { messages_awaiting_answer: { columns: ['answer_due_at'] } },
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof consultationsTables> {}
}
