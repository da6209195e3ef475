import type { Row, Tables } from '../../../storage/port';

export type UploadKind = 'csv' | 'ecg';

export interface UploadSummary {
  format: string;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first rejections, by row, so a client can show what to fix. */
  rejections: { row: number; reason: string; detail: string }[];
}

export interface ReadingUpload {
  id: string;
  deviceId: string;
  kind: UploadKind;
  contentType: string;
  timeZone: string;
  measuredAt: number | null;
  requestedBy: string;
  requestedRole: string;
  status: 'pending' | 'processed' | 'failed';
  result: UploadSummary | { error: string } | null;
  createdAt: number;
}

/** Files announced through a presigned upload, and what the storage trigger made of them. */
export class ReadingUploadRepository {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async create(upload: Omit<ReadingUpload, 'status' | 'result' | 'createdAt'>): Promise<ReadingUpload> {
    const at = this.now();
    await this.tables.insert('reading_uploads', {
      id: upload.id,
      device_id: upload.deviceId,
      kind: upload.kind,
      content_type: upload.contentType,
      time_zone: upload.timeZone,
      measured_at: upload.measuredAt,
      requested_by: upload.requestedBy,
      requested_role: upload.requestedRole,
      status: 'pending',
      result: null,
      created_at: at,
      updated_at: at,
    });
    return { ...upload, status: 'pending', result: null, createdAt: at };
  }

  async get(id: string): Promise<ReadingUpload | undefined> {
    const row = await this.tables.get('reading_uploads', { id });
    return row ? toUpload(row) : undefined;
  }

  async finish(id: string, status: 'processed' | 'failed', result: ReadingUpload['result']): Promise<void> {
    await this.tables.update('reading_uploads', { id }, { status, result, updated_at: this.now() });
  }
}

function toUpload(row: Row): ReadingUpload {
  return {
    id: String(row.id),
    deviceId: String(row.device_id),
    kind: row.kind as UploadKind,
    contentType: String(row.content_type),
    timeZone: String(row.time_zone),
    measuredAt: row.measured_at === null ? null : Number(row.measured_at),
    requestedBy: String(row.requested_by),
    requestedRole: String(row.requested_role),
    status: row.status as ReadingUpload['status'],
    result: (row.result as ReadingUpload['result']) ?? null,
    createdAt: Number(row.created_at),
  };
}
