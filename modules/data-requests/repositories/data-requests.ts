import type { Row, Tables } from '../../../storage/port';
import type { DataRequest, ErasureStatus, ExportStatus, RequestKind } from '../domain/request';

/** A patient's exports and erasure requests, and the two queues that work them. */
export class DataRequests {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async create(request: {
    id: string;
    patientId: string;
    clinicId: string | null;
    kind: RequestKind;
    dueAt: number;
  }): Promise<DataRequest> {
    const at = this.now();
    const row = {
      id: request.id,
      patient_id: request.patientId,
      clinic_id: request.clinicId,
      kind: request.kind,
      status: 'pending',
      requested_at: at,
      due_at: request.dueAt,
      lease_until: null,
      decided_at: null,
      decided_by_role: null,
      object_key: null,
      bytes: null,
      outcome: null,
      file_expires_at: null,
      updated_at: at,
    };
    await this.tables.insert('data_requests', row);
    return toRequest(row);
  }

  async get(id: string): Promise<DataRequest | undefined> {
    const row = await this.tables.get('data_requests', { id });
    return row ? toRequest(row) : undefined;
  }

  /** The patient's export still being made, if any (pending or building). */
  async exportUnderWay(patientId: string): Promise<DataRequest | undefined> {
    const rows = await this.tables.find('data_requests', {
      where: { patient_id: patientId },
      orderBy: [{ column: 'requested_at', direction: 'desc' }],
      limit: 50,
    });
    return rows
      .map(toRequest)
      .find((r) => r.kind === 'export' && (r.status === 'pending' || r.status === 'building'));
  }

  /** Requests of a kind in a status, oldest first: the builder's and the operator's queues. */
  async inStatus(
    kind: RequestKind,
    status: ExportStatus | ErasureStatus,
    limit: number,
    clinicId?: string,
  ): Promise<DataRequest[]> {
    const rows = await this.tables.find('data_requests', {
      where: clinicId === undefined ? { kind, status } : { clinic_id: clinicId, kind, status },
      orderBy: [{ column: 'requested_at' }],
      limit,
    });
    return rows.map(toRequest);
  }

  /** Moves a request on; `patch` names only what changes. */
  async update(
    id: string,
    patch: Partial<
      Pick<
        DataRequest,
        | 'status'
        | 'leaseUntil'
        | 'decidedAt'
        | 'decidedByRole'
        | 'objectKey'
        | 'bytes'
        | 'outcome'
        | 'fileExpiresAt'
      >
    >,
  ): Promise<void> {
    const columns: Row = { updated_at: this.now() };
    if (patch.status !== undefined) columns.status = patch.status;
    if (patch.leaseUntil !== undefined) columns.lease_until = patch.leaseUntil;
    if (patch.decidedAt !== undefined) columns.decided_at = patch.decidedAt;
    if (patch.decidedByRole !== undefined) columns.decided_by_role = patch.decidedByRole;
    if (patch.objectKey !== undefined) columns.object_key = patch.objectKey;
    if (patch.bytes !== undefined) columns.bytes = patch.bytes;
    if (patch.outcome !== undefined) columns.outcome = patch.outcome;
    if (patch.fileExpiresAt !== undefined) columns.file_expires_at = patch.fileExpiresAt;
    await this.tables.update('data_requests', { id }, columns);
  }
}

const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toRequest(row: Row): DataRequest {
  return {
    id: String(row.id),
    patientId: String(row.patient_id),
    clinicId: row.clinic_id === null ? null : String(row.clinic_id),
    kind: row.kind as RequestKind,
    status: row.status as DataRequest['status'],
    requestedAt: Number(row.requested_at),
    dueAt: Number(row.due_at),
    leaseUntil: orNull(row.lease_until),
    decidedAt: orNull(row.decided_at),
    decidedByRole: row.decided_by_role === null ? null : String(row.decided_by_role),
    objectKey: row.object_key === null ? null : String(row.object_key),
    bytes: orNull(row.bytes),
    outcome: row.outcome ?? null,
    fileExpiresAt: orNull(row.file_expires_at),
  };
}
