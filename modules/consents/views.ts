import type { ConsentRecord } from './domain/standing';

/** A record as the API shows it: who recorded it is a role and a channel, the evidence as kept. */
export function recordView(record: ConsentRecord) {
  return {
    id: record.id,
    patientId: record.patientId,
    purpose: record.purpose,
    recipient: record.recipient,
    action: record.action,
    version: record.version,
    textSha256: record.textHash,
    language: record.language,
    channel: record.channel,
    evidence: record.evidence,
    recordedByRole: record.recordedByRole,
    recordedAt: new Date(record.recordedAt).toISOString(),
  };
}
