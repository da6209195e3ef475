import type { Purpose } from './purposes';

/** One entry of a patient's consent history: a consent given, or withdrawn. Never changed. */
export interface ConsentRecord {
  id: string;
  patientId: string;
  purpose: Purpose;
  /** Whom a `sharing` consent names (e.g. `centre:centre-n`, `insurer:insurer-1`); null otherwise. */
  recipient: string | null;
  action: 'given' | 'withdrawn';
  /** The text version and the SHA-256 of the text shown; the version a withdrawal ended. */
  version: string;
  textHash: string | null;
  language: 'ru' | 'en' | null;
  channel: ConsentChannel;
  /** How it was given: IP and user agent, a Telegram message id, a paper form number. Never health data. */
  evidence: Record<string, string>;
  recordedBy: string;
  recordedByRole: string;
  recordedAt: number;
}

/** `app`: the patient with their own token; `clinic`: an admin entering a signed paper form; `chatbot`. */
export type ConsentChannel = 'app' | 'clinic' | 'chatbot';

export const standingKey = (purpose: string, recipient: string | null) => `${purpose}|${recipient ?? ''}`;

/** The standing of each purpose (and recipient): the latest record wins. */
export function standingOf(records: readonly ConsentRecord[]): Map<string, ConsentRecord> {
  const latest = new Map<string, ConsentRecord>();
  const ordered = [...records].sort((a, b) => a.recordedAt - b.recordedAt || a.id.localeCompare(b.id));
  for (const record of ordered) latest.set(standingKey(record.purpose, record.recipient), record);
  return latest;
}
