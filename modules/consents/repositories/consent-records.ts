import type { Row, Tables } from '../../../storage/port';
import type { Purpose } from '../domain/purposes';
import type { ConsentChannel, ConsentRecord } from '../domain/standing';

/** A patient's consent history. Only inserts: nothing here updates or deletes a record. */
export class ConsentRecordRepository {
  constructor(private readonly tables: Tables) {}

  async add(record: ConsentRecord): Promise<void> {
    await this.tables.insert('consent_records', {
      patient_id: record.patientId,
      id: record.id,
      purpose: record.purpose,
      recipient: record.recipient,
      action: record.action,
      version: record.version,
      text_hash: record.textHash,
      language: record.language,
      channel: record.channel,
      evidence: record.evidence,
      recorded_by: record.recordedBy,
      recorded_by_role: record.recordedByRole,
      recorded_at: record.recordedAt,
    });
  }

  /** Oldest first. */
  async of(patientId: string): Promise<ConsentRecord[]> {
    const rows = await this.tables.find('consent_records', { where: { patient_id: patientId } });
    return rows.map(toRecord).sort((a, b) => a.recordedAt - b.recordedAt);
  }
}

function toRecord(row: Row): ConsentRecord {
  return {
    id: String(row.id),
    patientId: String(row.patient_id),
    purpose: String(row.purpose) as Purpose,
    recipient: row.recipient === null ? null : String(row.recipient),
    action: row.action === 'withdrawn' ? 'withdrawn' : 'given',
    version: String(row.version),
    textHash: row.text_hash === null ? null : String(row.text_hash),
    language: row.language === null ? null : (String(row.language) as 'ru' | 'en'),
    channel: String(row.channel) as ConsentChannel,
    evidence: row.evidence as Record<string, string>,
    recordedBy: String(row.recorded_by),
    recordedByRole: String(row.recorded_by_role),
    recordedAt: Number(row.recorded_at),
  };
}
