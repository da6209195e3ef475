import { RuleBroken } from '../../../platform/rule-broken';
/**
 * An asynchronous consultation contract: for a period, a patient writes to a doctor, who
 * answers within `responseHours` (for instance 3 months of follow-up after discharge).
 */
export interface Contract {
  id: string;
  clinicId: string;
  doctorId: string;
  patientId: string;
  startsAt: number;
  endsAt: number;
  responseHours: number;
  rating: number | null;
  createdAt: number;
}

export interface Attachment {
  key: string;
  name: string;
  contentType: string;
}

export interface Message {
  id: string;
  contractId: string;
  sentAt: number;
  authorRole: 'patient' | 'doctor';
  authorId: string;
  body: string;
  attachments: Attachment[];
  /** When a patient's message must be answered; null once the doctor has answered. */
  answerDueAt: number | null;
}

export const consultationRules = {
  patientNotFound: () =>
    new RuleBroken('PATIENT_NOT_FOUND', 422, 'The patient was not found in your clinic.'),
  notActive: () =>
    new RuleBroken('CONTRACT_NOT_ACTIVE', 409, 'The consultation period has not started or is over.'),
  notEnded: () => new RuleBroken('CONTRACT_NOT_ENDED', 409, 'A consultation can be rated once it has ended.'),
  alreadyRated: () => new RuleBroken('ALREADY_RATED', 409, 'This consultation has already been rated.'),
  foreignAttachment: () =>
    new RuleBroken('ATTACHMENT_NOT_FOUND', 422, 'Attach only files uploaded to this consultation.'),
  attachmentRefused: () =>
    new RuleBroken(
      'ATTACHMENT_REFUSED',
      422,
      `The uploaded file is not of the type its link was made for, or is larger than ${maxAttachmentBytes / 1024 / 1024} MB.`,
    ),
};

/** What a consultation may carry: documents and photos a doctor opens, nothing a browser would run. */
export const attachmentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'text/plain',
] as const;
export const maxAttachmentBytes = 20 * 1024 * 1024;

/** Whether a stored file is what an attachment says it is, and one the consultation may carry. */
export function isAcceptableFile(
  declaredType: string,
  stored: { bytes: number; contentType: string },
): boolean {
  const storedType = stored.contentType.split(';')[0]?.trim().toLowerCase();
  return (
    storedType === declaredType &&
    (attachmentTypes as readonly string[]).includes(declaredType) &&
    stored.bytes <= maxAttachmentBytes
  );
}

export function isActive(contract: Contract, now: number): boolean {
  return now >= contract.startsAt && now < contract.endsAt;
}

export function answerDueAt(contract: Contract, sentAt: number): number {
  return sentAt + contract.responseHours * 3_600_000;
}

/** Uploads for a consultation live under its own prefix, so a message cannot point at another's files. */
export function attachmentPrefix(contractId: string): string {
  return `consultations/${contractId}/`;
}

const fileId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A key the server itself built for this consultation: its prefix and one file id, nothing else.
 * A prefix match alone would take `consultations/<this>/../<other>/x` or the bare prefix.
 */
export function isAttachmentOf(contractId: string, key: string): boolean {
  const prefix = attachmentPrefix(contractId);
  return key.startsWith(prefix) && fileId.test(key.slice(prefix.length));
}
