import { unaffiliated } from '../../platform/identity';
import type { Store } from '../../platform/store';
import { parseCsv, UnknownCsvFormat } from './domain/csv';
import { effectiveTime, parseFhir } from './domain/fhir';
import { type Parsed, reject } from './domain/types';
import { filePolicy } from './domain/validate';
import { type IngestContext, ingestBatch } from './ingest';
import type { ReadingUpload, UploadSummary } from './repositories/reading-uploads';

/** A file cannot be read at all (not the format it was announced as); nothing is stored. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

const chunk = 1_000;
const keptRejections = 50;

/**
 * Imports an uploaded file: a CSV export becomes readings in batches of 1,000, each its own
 * transaction with its own event (so a large export neither holds one long transaction nor
 * one oversized message); an ECG is stored as a file and linked by one `ecg` reading.
 * Importing the same file again stores nothing new: every row comes back a duplicate.
 */
export async function importFile(
  store: Store,
  upload: ReadingUpload,
  objectKey: string,
  content: Buffer,
  meta: { now: number; correlationId: string },
): Promise<UploadSummary> {
  const { format, items } = itemsOf(upload, objectKey, content);
  const owner = ownerOf(upload);
  const context: IngestContext = {
    source: 'file',
    policy: filePolicy(meta.now),
    correlationId: meta.correlationId,
    tenant: owner && 'clinicId' in owner ? owner.clinicId : unaffiliated,
    ...(owner ? { owner } : {}),
  };
  const summary: UploadSummary = {
    format,
    rows: items.length,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    rejections: [],
  };
  for (let start = 0; start < items.length; start += chunk) {
    const part = items.slice(start, start + chunk);
    const { result } = await store.transaction((r) => ingestBatch(r, part, context));
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    summary.rejected += result.rejected;
    for (const item of result.items) {
      if (item.status !== 'rejected' || summary.rejections.length >= keptRejections) continue;
      summary.rejections.push({
        row: Number(part[item.index]?.ref),
        reason: item.reason ?? '',
        detail: item.detail ?? '',
      });
    }
  }
  return summary;
}

/**
 * Whose devices the uploader may speak for: a patient their own; a clinic admin, or a service
 * token naming a clinic, that clinic's; a service naming none (a trusted integration), any.
 */
function ownerOf(upload: ReadingUpload): IngestContext['owner'] {
  if (upload.requestedRole === 'patient') return { patientId: upload.requestedBy };
  const clinic = upload.requestedRole.match(/^(?:clinic_admin|service):(.+)$/)?.[1];
  return clinic ? { clinicId: clinic } : undefined;
}

function itemsOf(
  upload: ReadingUpload,
  objectKey: string,
  content: Buffer,
): { format: string; items: { ref: string; parsed: Parsed }[] } {
  if (upload.kind === 'csv') {
    try {
      const { format, items } = parseCsv(content.toString('utf8'), upload.deviceId, upload.timeZone);
      return { format, items: items.map((i) => ({ ref: String(i.row), parsed: i.parsed })) };
    } catch (error) {
      if (error instanceof UnknownCsvFormat || (error as { code?: string }).code?.startsWith('CSV_'))
        throw new UnreadableFile((error as Error).message);
      throw error;
    }
  }
  const ecg = (measuredAt: number): Parsed => ({
    ok: true,
    reading: { deviceId: upload.deviceId, type: 'ecg', measuredAt, value: null, fileRef: objectKey },
  });
  if (upload.contentType === 'application/pdf') {
    if (content.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new UnreadableFile('the file is not a PDF');
    return { format: 'ecg_pdf', items: [{ ref: '1', parsed: ecg(upload.measuredAt ?? Number.NaN) }] };
  }
  return { format: 'ecg_fhir', items: [{ ref: '1', parsed: ecgWaveform(content, ecg) }] };
}

/** A FHIR Observation carrying an ECG as SampledData; the file itself is what is kept. */
function ecgWaveform(content: Buffer, ecg: (measuredAt: number) => Parsed): Parsed {
  let observation: { resourceType?: string };
  try {
    observation = JSON.parse(content.toString('utf8'));
  } catch {
    throw new UnreadableFile('the file is not JSON');
  }
  if (observation?.resourceType !== 'Observation')
    throw new UnreadableFile('the file is not a FHIR Observation');
  const [item] = parseFhir(observation, 'upload');
  // A batch refuses ECG waveforms because they belong here; any other refusal (cancelled, clock fault…) stands.
  if (item?.parsed.ok === false && item.parsed.rejection.reason === 'waveform_requires_upload')
    return ecg(effectiveTime(observation));
  if (item?.parsed.ok === false) return item.parsed;
  return { ok: false, rejection: reject('unsupported_type', 'the Observation is not an ECG waveform') };
}
