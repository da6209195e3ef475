import { defineTables, type TablesOf } from '../../storage/catalog';
import { bool, int, json, optional, text, timestamp } from '../../storage/columns';

export const teleconsultationsTables = defineTables({
  teleconsult_centres: {
    columns: {
      /** The centre's tenant id: its coordinators' and consultants' tokens carry it as clinic_id. */
      id: text,
      name: text,
      time_zone: text,
      profiles: json,
      consultants: json,
      promises: json,
      head_id: optional(text),
      updated_at: timestamp,
    },
    primaryKey: ['id'],
  },
  teleconsult_duty_shifts: {
    columns: {
      centre_id: text,
      consultant_id: text,
      starts_at: timestamp,
      ends_at: timestamp,
      profile: text,
    },
    primaryKey: ['centre_id', 'consultant_id', 'starts_at'],
  },
  teleconsult_requests: {
    columns: {
      id: text,
      centre_id: text,
      requester_clinic_id: text,
      requester_id: text,
      patient_id: text,
      form: text,
      profile: text,
      video_wanted: bool,
      consent: json,
      /** Health data (question, case summary, exchanges of more data): sealed. */
      case_file: json,
      status: text,
      consultant_ids: json,
      duty_consultant_id: optional(text),
      due_at: optional(timestamp),
      remaining_ms: optional(int),
      /** Sealed: a reason to decline may name the patient's condition. */
      decline_reason: optional(json),
      overdue_level: int,
      created_at: timestamp,
      accepted_at: optional(timestamp),
      closed_at: optional(timestamp),
      met_deadline: optional(bool),
      /** Emergencies: everyone paged, in order. Null on rows older than paging (none on call). */
      on_call_ids: optional(json),
      /** Null on rows older than migration 032: Moscow time, no region. */
      requester_time_zone: optional(text),
      requester_region: optional(text),
      /** The doctors' video session (UTC start, length, room link), once scheduled. */
      video_session: optional(json),
    },
    primaryKey: ['id'],
    indexes: {
      teleconsult_requests_by_centre: { columns: ['centre_id', 'created_at'] },
      teleconsult_requests_by_requester: { columns: ['requester_id', 'created_at'] },
      teleconsult_requests_by_due: { columns: ['due_at'] },
    },
  },
  teleconsult_conclusions: {
    columns: {
      request_id: text,
      patient_id: text,
      centre_id: text,
      /** Health data: the structured conclusion and the document made of it (what is signed), sealed. */
      conclusion: json,
      concluded_at: timestamp,
    },
    primaryKey: ['request_id'],
    indexes: { teleconsult_conclusions_by_patient: { columns: ['patient_id', 'concluded_at'] } },
  },
  /** Files attached to a request; the bytes are in Object Storage under the request's prefix. */
  teleconsult_documents: {
    columns: {
      request_id: text,
      id: text,
      /** Sealed: a file's name may say what it shows. */
      name: json,
      content_type: text,
      bytes: int,
      uploaded_by: text,
      created_at: timestamp,
    },
    primaryKey: ['request_id', 'id'],
  },
  /** Each consultant's signature of a conclusion's document, verified whenever it is read. */
  teleconsult_signatures: {
    columns: {
      request_id: text,
      signer_id: text,
      signed_at: timestamp,
      algorithm: text,
      key_id: text,
      value: text,
      qualified: bool,
    },
    primaryKey: ['request_id', 'signer_id'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof teleconsultationsTables> {}
}
