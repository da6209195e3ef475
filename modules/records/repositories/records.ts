import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';
import type { Grantee, Share } from '../domain/access';
import { granteeKey } from '../domain/access';
import type {
  DocumentKind,
  DocumentSource,
  DocumentStatus,
  FileType,
  PatientDocument,
} from '../domain/document';
import type { LabObservation } from '../domain/observation';

/** Sealed fields are bound to their row and column, so one cannot be moved onto another. */
const contextOf = (table: string, patientId: string, id: string, column: string) =>
  `${table}/${patientId}/${id}/${column}`;

/** Observation fields kept sealed together: everything but the keys and the time. */
type SealedObservation = Pick<
  LabObservation,
  'code' | 'display' | 'value' | 'unit' | 'referenceRange' | 'effectiveAt' | 'interpretation'
>;

/** A patient's documents, their shares and lab results; titles and results are sealed. */
export class RecordsRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
  ) {}

  async addDocument(document: PatientDocument): Promise<void> {
    await this.tables.insert('record_documents', {
      patient_id: document.patientId,
      id: document.id,
      clinic_id: document.clinicId,
      kind: document.kind,
      title: await this.cipher.seal(
        document.title,
        contextOf('record_documents', document.patientId, document.id, 'title'),
      ),
      status: document.status,
      rejection: document.rejection,
      content_type: document.contentType,
      bytes: document.bytes,
      source: document.source,
      source_id: document.sourceId,
      document_date: document.date,
      created_by: document.createdBy,
      created_by_role: document.createdByRole,
      created_at: document.createdAt,
      updated_at: document.updatedAt,
    });
  }

  async document(patientId: string, id: string): Promise<PatientDocument | undefined> {
    const row = await this.tables.get('record_documents', { patient_id: patientId, id });
    return row ? this.toDocument(row) : undefined;
  }

  /** The patient's documents, newest first. */
  async documents(patientId: string): Promise<PatientDocument[]> {
    const rows = await this.tables.find('record_documents', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'created_at', direction: 'desc' }],
    });
    return Promise.all(rows.map((row) => this.toDocument(row)));
  }

  /** The scan's verdict; a rejected document stays rejected (false then). */
  async settle(
    patientId: string,
    id: string,
    status: Exclude<DocumentStatus, 'pending'>,
    rejection: string | null,
    at: number,
  ): Promise<boolean> {
    const row = await this.tables.get('record_documents', { patient_id: patientId, id });
    if (!row || row.status === 'rejected') return false;
    return this.tables.update(
      'record_documents',
      { patient_id: patientId, id },
      { status, rejection, updated_at: at },
    );
  }

  async share(share: Share): Promise<void> {
    const { grantee } = share;
    await this.tables.upsert('record_shares', {
      patient_id: share.patientId,
      document_id: share.documentId,
      grantee: granteeKey(grantee),
      grantee_kind: grantee.kind,
      clinic_id: grantee.clinicId,
      doctor_id: grantee.kind === 'doctor' ? grantee.doctorId : null,
      granted_at: share.grantedAt,
    });
  }

  /** False when the document was not shared with this grantee. */
  revoke(patientId: string, documentId: string, grantee: Grantee): Promise<boolean> {
    return this.tables.remove('record_shares', {
      patient_id: patientId,
      document_id: documentId,
      grantee: granteeKey(grantee),
    });
  }

  /** Every share of the patient's documents: one key range, filtered per document by the caller. */
  async shares(patientId: string): Promise<Share[]> {
    const rows = await this.tables.find('record_shares', { where: { patient_id: patientId } });
    return rows.map((row) => ({
      patientId: String(row.patient_id),
      documentId: String(row.document_id),
      grantee:
        row.grantee_kind === 'doctor'
          ? { kind: 'doctor', doctorId: String(row.doctor_id), clinicId: String(row.clinic_id) }
          : { kind: 'clinic', clinicId: String(row.clinic_id) },
      grantedAt: Number(row.granted_at),
    }));
  }

  async addObservation(observation: LabObservation): Promise<void> {
    const sealed: SealedObservation = {
      code: observation.code,
      display: observation.display,
      value: observation.value,
      unit: observation.unit,
      referenceRange: observation.referenceRange,
      effectiveAt: observation.effectiveAt,
      interpretation: observation.interpretation,
    };
    await this.tables.insert('record_observations', {
      patient_id: observation.patientId,
      id: observation.id,
      document_id: observation.documentId,
      clinic_id: observation.clinicId,
      content: await this.cipher.seal(
        JSON.stringify(sealed),
        contextOf('record_observations', observation.patientId, observation.id, 'content'),
      ),
      effective_at: Date.parse(observation.effectiveAt),
      recorded_by: observation.recordedBy,
      recorded_at: observation.recordedAt,
    });
  }

  /** The patient's lab results, newest sample first. */
  async observations(patientId: string): Promise<LabObservation[]> {
    const rows = await this.tables.find('record_observations', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'effective_at', direction: 'desc' }],
    });
    return Promise.all(
      rows.map(async (row) => {
        const patient = String(row.patient_id);
        const id = String(row.id);
        const content = JSON.parse(
          await this.cipher.open(
            row.content as SealedField,
            contextOf('record_observations', patient, id, 'content'),
          ),
        ) as SealedObservation;
        return {
          ...content,
          patientId: patient,
          id,
          documentId: row.document_id === null ? null : String(row.document_id),
          clinicId: String(row.clinic_id),
          recordedBy: String(row.recorded_by),
          recordedAt: Number(row.recorded_at),
        };
      }),
    );
  }

  private async toDocument(row: Row): Promise<PatientDocument> {
    const patientId = String(row.patient_id);
    const id = String(row.id);
    return {
      patientId,
      id,
      clinicId: String(row.clinic_id),
      kind: row.kind as DocumentKind,
      title: await this.cipher.open(
        row.title as SealedField,
        contextOf('record_documents', patientId, id, 'title'),
      ),
      status: row.status as DocumentStatus,
      rejection: row.rejection === null ? null : String(row.rejection),
      contentType: row.content_type === null ? null : (row.content_type as FileType),
      bytes: row.bytes === null ? null : Number(row.bytes),
      source: row.source as DocumentSource,
      sourceId: row.source_id === null ? null : String(row.source_id),
      date: Number(row.document_date),
      createdBy: String(row.created_by),
      createdByRole: String(row.created_by_role),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
    };
  }
}
