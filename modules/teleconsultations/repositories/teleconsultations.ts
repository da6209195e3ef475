import type { FieldCipher, SealedField } from '../../../platform/crypto/field-cipher';
import type { Row, Tables } from '../../../storage/port';
import type { Centre, Consultant, Form, Promises } from '../domain/centre';
import type { Conclusion } from '../domain/conclusion';
import type { CaseDocument, DocumentType } from '../domain/documents';
import type { DutyShift } from '../domain/duty';
import type { CaseFile, Consent, Status, TeleRequest } from '../domain/request';
import type { RequestFacts } from '../domain/stats';
import type { VideoSession } from '../domain/video';
import type { Signature } from '../signing/port';

const caseContext = (id: string) => `teleconsult_requests/${id}/case_file`;
const reasonContext = (id: string) => `teleconsult_requests/${id}/decline_reason`;
const documentContext = (requestId: string, id: string) => `teleconsult_documents/${requestId}/${id}/name`;
const conclusionContext = (id: string) => `teleconsult_conclusions/${id}/conclusion`;

export interface StoredConclusion {
  conclusion: Conclusion;
  /** The FHIR Composition made when it was concluded. */
  document: Record<string, unknown>;
}

/** Centres, their roster, requests, conclusions and their signatures; everything clinical is sealed. */
export class TeleconsultationRepository {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
  ) {}

  async saveCentre(centre: Centre): Promise<void> {
    await this.tables.upsert('teleconsult_centres', {
      id: centre.id,
      name: centre.name,
      time_zone: centre.timeZone,
      profiles: centre.profiles,
      consultants: centre.consultants,
      promises: centre.promises,
      head_id: centre.headId,
      updated_at: centre.updatedAt,
    });
  }

  async centre(id: string): Promise<Centre | undefined> {
    const row = await this.tables.get('teleconsult_centres', { id });
    return row ? toCentre(row) : undefined;
  }

  async centres(): Promise<Centre[]> {
    return (await this.tables.find('teleconsult_centres', { orderBy: [{ column: 'id' }] })).map(toCentre);
  }

  async addShift(shift: DutyShift): Promise<void> {
    await this.tables.upsert('teleconsult_duty_shifts', {
      centre_id: shift.centreId,
      consultant_id: shift.consultantId,
      starts_at: shift.start,
      ends_at: shift.end,
      profile: shift.profile,
    });
  }

  /** The centre's shifts covering the instant `at` (a roster is small: read whole, per centre). */
  async shiftsAround(centreId: string, at: number): Promise<DutyShift[]> {
    const rows = await this.tables.find('teleconsult_duty_shifts', { where: { centre_id: centreId } });
    return rows
      .map((row) => ({
        centreId: String(row.centre_id),
        consultantId: String(row.consultant_id),
        start: Number(row.starts_at),
        end: Number(row.ends_at),
        profile: String(row.profile),
      }))
      .filter((s) => s.start <= at && s.end > at);
  }

  async createRequest(request: TeleRequest): Promise<void> {
    await this.tables.insert('teleconsult_requests', await this.requestRow(request));
  }

  async saveRequest(request: TeleRequest): Promise<void> {
    const { id, ...patch } = await this.requestRow(request);
    await this.tables.update('teleconsult_requests', { id }, patch);
  }

  async request(id: string): Promise<TeleRequest | undefined> {
    const row = await this.tables.get('teleconsult_requests', { id });
    return row ? this.toRequest(row) : undefined;
  }

  /** A centre's inbox or a requester's list, latest first. */
  async requestsOf(
    who: { centreId: string } | { requesterId: string },
    limit: number,
  ): Promise<TeleRequest[]> {
    const rows = await this.tables.find('teleconsult_requests', {
      where: 'centreId' in who ? { centre_id: who.centreId } : { requester_id: who.requesterId },
      orderBy: [{ column: 'created_at', direction: 'desc' }],
      limit,
    });
    return Promise.all(rows.map((row) => this.toRequest(row)));
  }

  /** What monitoring reads of a centre's requests made in [from, to): no sealed field is opened. */
  async factsOf(centreId: string, from: number, to: number): Promise<RequestFacts[]> {
    const rows = await this.tables.find('teleconsult_requests', {
      where: { centre_id: centreId },
      range: { column: 'created_at', from, to },
    });
    return rows.map((row) => ({
      profile: String(row.profile),
      form: row.form as Form,
      requesterClinicId: String(row.requester_clinic_id),
      requesterRegion: row.requester_region == null ? null : String(row.requester_region),
      status: row.status as Status,
      accepted: row.accepted_at !== null,
      createdAt: Number(row.created_at),
      closedAt: row.closed_at === null ? null : Number(row.closed_at),
      metDeadline:
        row.met_deadline === null || row.met_deadline === undefined ? null : Boolean(row.met_deadline),
    }));
  }

  /**
   * Open requests escalated to `level` so far whose deadline passed before `before` (paused and
   * closed ones have no deadline): each level is its own query, so requests escalated as far as
   * they go never crowd out new ones.
   */
  async pastDue(level: number, before: number, limit: number): Promise<TeleRequest[]> {
    const rows = await this.tables.find('teleconsult_requests', {
      where: { overdue_level: level },
      range: { column: 'due_at', to: before },
      orderBy: [{ column: 'due_at' }],
      limit,
    });
    return Promise.all(rows.filter((row) => row.due_at !== null).map((row) => this.toRequest(row)));
  }

  /** The conclusion with its document as made when concluded: signatures are of exactly those bytes. */
  async saveConclusion(conclusion: Conclusion, document: Record<string, unknown>): Promise<void> {
    const stored: StoredConclusion = { conclusion, document };
    await this.tables.insert('teleconsult_conclusions', {
      request_id: conclusion.requestId,
      patient_id: conclusion.patientId,
      centre_id: conclusion.centreId,
      conclusion: await this.cipher.seal(JSON.stringify(stored), conclusionContext(conclusion.requestId)),
      concluded_at: conclusion.concludedAt,
    });
  }

  async conclusion(requestId: string): Promise<StoredConclusion | undefined> {
    const row = await this.tables.get('teleconsult_conclusions', { request_id: requestId });
    if (!row) return undefined;
    return JSON.parse(await this.cipher.open(row.conclusion as SealedField, conclusionContext(requestId)));
  }

  /** A patient's concluded requests, without opening a conclusion: what the patient's record lists. */
  async conclusionsOf(
    patientId: string,
  ): Promise<{ requestId: string; centreId: string; concludedAt: number }[]> {
    const rows = await this.tables.find('teleconsult_conclusions', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'concluded_at', direction: 'desc' }],
    });
    return rows.map((row) => ({
      requestId: String(row.request_id),
      centreId: String(row.centre_id),
      concludedAt: Number(row.concluded_at),
    }));
  }

  async addDocument(document: CaseDocument): Promise<void> {
    await this.tables.insert('teleconsult_documents', {
      request_id: document.requestId,
      id: document.id,
      name: await this.cipher.seal(document.name, documentContext(document.requestId, document.id)),
      content_type: document.contentType,
      bytes: document.bytes,
      uploaded_by: document.uploadedBy,
      created_at: document.createdAt,
    });
  }

  /** The documents attached to this request, and no other's. */
  async documents(requestId: string): Promise<CaseDocument[]> {
    const rows = await this.tables.find('teleconsult_documents', {
      where: { request_id: requestId },
      orderBy: [{ column: 'created_at' }],
    });
    return Promise.all(
      rows.map(async (row) => ({
        requestId,
        id: String(row.id),
        name: await this.cipher.open(row.name as SealedField, documentContext(requestId, String(row.id))),
        contentType: row.content_type as DocumentType,
        bytes: Number(row.bytes),
        uploadedBy: String(row.uploaded_by),
        createdAt: Number(row.created_at),
      })),
    );
  }

  /** Records a signature; false when this signer has signed already. */
  async addSignature(requestId: string, signature: Signature): Promise<boolean> {
    const key = { request_id: requestId, signer_id: signature.signerId };
    if (await this.tables.get('teleconsult_signatures', key)) return false;
    await this.tables.insert('teleconsult_signatures', {
      ...key,
      signed_at: signature.signedAt,
      algorithm: signature.algorithm,
      key_id: signature.keyId,
      value: signature.value,
      qualified: signature.qualified,
    });
    return true;
  }

  async signatures(requestId: string): Promise<Signature[]> {
    const rows = await this.tables.find('teleconsult_signatures', {
      where: { request_id: requestId },
      orderBy: [{ column: 'signed_at' }],
    });
    return rows.map((row) => ({
      signerId: String(row.signer_id),
      signedAt: Number(row.signed_at),
      algorithm: String(row.algorithm),
      keyId: String(row.key_id),
      value: String(row.value),
      qualified: Boolean(row.qualified),
    }));
  }

  private async requestRow(request: TeleRequest): Promise<Row> {
    return {
      id: request.id,
      centre_id: request.centreId,
      requester_clinic_id: request.requesterClinicId,
      requester_id: request.requesterId,
      patient_id: request.patientId,
      form: request.form,
      profile: request.profile,
      video_wanted: request.videoWanted,
      consent: request.consent,
      case_file: await this.cipher.seal(JSON.stringify(request.caseFile), caseContext(request.id)),
      status: request.status,
      consultant_ids: request.consultantIds,
      duty_consultant_id: request.dutyConsultantId,
      due_at: request.dueAt,
      remaining_ms: request.remainingMs,
      decline_reason:
        request.declineReason === null
          ? null
          : await this.cipher.seal(request.declineReason, reasonContext(request.id)),
      overdue_level: request.overdueLevel,
      created_at: request.createdAt,
      accepted_at: request.acceptedAt,
      closed_at: request.closedAt,
      met_deadline: request.metDeadline,
      on_call_ids: request.onCallIds,
      requester_time_zone: request.requesterTimeZone,
      requester_region: request.requesterRegion,
      video_session: request.videoSession,
    };
  }

  private async toRequest(row: Row): Promise<TeleRequest> {
    const id = String(row.id);
    const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return {
      id,
      centreId: String(row.centre_id),
      requesterClinicId: String(row.requester_clinic_id),
      requesterId: String(row.requester_id),
      patientId: String(row.patient_id),
      form: row.form as Form,
      profile: String(row.profile),
      videoWanted: Boolean(row.video_wanted),
      consent: row.consent as Consent,
      caseFile: JSON.parse(await this.cipher.open(row.case_file as SealedField, caseContext(id))) as CaseFile,
      status: row.status as Status,
      consultantIds: row.consultant_ids as string[],
      dutyConsultantId: row.duty_consultant_id === null ? null : String(row.duty_consultant_id),
      dueAt: optionalNumber(row.due_at),
      remainingMs: optionalNumber(row.remaining_ms),
      declineReason:
        row.decline_reason === null
          ? null
          : await this.cipher.open(row.decline_reason as SealedField, reasonContext(id)),
      overdueLevel: Number(row.overdue_level),
      createdAt: Number(row.created_at),
      acceptedAt: optionalNumber(row.accepted_at),
      closedAt: optionalNumber(row.closed_at),
      metDeadline:
        row.met_deadline === null || row.met_deadline === undefined ? null : Boolean(row.met_deadline),
      onCallIds: (row.on_call_ids ?? []) as string[],
      requesterTimeZone: row.requester_time_zone == null ? 'Europe/Moscow' : String(row.requester_time_zone),
      requesterRegion: row.requester_region == null ? null : String(row.requester_region),
      videoSession: (row.video_session ?? null) as VideoSession | null,
    };
  }
}

function toCentre(row: Row): Centre {
  return {
    id: String(row.id),
    name: String(row.name),
    timeZone: String(row.time_zone),
    profiles: row.profiles as string[],
    consultants: row.consultants as Consultant[],
    promises: row.promises as Promises,
    headId: row.head_id === null ? null : String(row.head_id),
    updatedAt: Number(row.updated_at),
  };
}
