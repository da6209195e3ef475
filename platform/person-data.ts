import type { Repositories } from './store';

/** Text a patient reads, in both locales. */
export interface Localized {
  ru: string;
  en: string;
}

/** One thing held about a person: a FHIR resource, or a stored file that goes into their export as is. */
export type PersonDataItem =
  | { resource: { resourceType: string; id?: string } & Record<string, unknown> }
  | { file: { bucket: string; key: string; name: string } };

/** Runs `work` in a read-only transaction of its own: a section reads page by page, never all at once. */
export type ReadPage = <T>(work: (repos: Repositories) => Promise<T>) => Promise<T>;

/**
 * A capability's share of what is held about a person (152-FZ art. 14: the data subject's right
 * to know and to get it). Each module that keeps personal data exports one from its face; the
 * data-requests module gathers them into an export and asks each, on an erasure request, what it
 * removes and what the law makes it keep.
 */
export interface PersonDataSection {
  /** Stable name: the export's folder for files and the erasure record's line. */
  name: string;
  /** Everything the section holds about the patient, as FHIR resources and files, in pages. */
  gather(patientId: string, read: ReadPage): AsyncIterable<PersonDataItem>;
  /** What an erasure request removes here (inside the erasure's transaction); the count removed. */
  erases?: { what: Localized; erase(repos: Repositories, patientId: string): Promise<number> };
  /** What the section keeps despite an erasure request, and the law that makes it keep it. */
  keeps?: { what: Localized; basis: Localized };
}

/**
 * Why medical records outlive an erasure request (our reading, README "Retention"): a medical
 * organisation keeps medical documentation (323-FZ art. 79 part 1 item 11), and 152-FZ art. 9 part 2
 * item 4 and art. 10 part 2 item 4 let it process health data for medical purposes without consent.
 */
export const medicalRecordBasis: Localized = {
  ru: 'медицинская документация: 323-ФЗ ст. 79 ч. 1 п. 11 (ведение медицинской документации); обработка в медицинских целях — 152-ФЗ ст. 10 ч. 2 п. 4',
  en: 'medical records: 323-FZ art. 79 part 1 item 11 (keeping medical documentation); processing for medical purposes — 152-FZ art. 10 part 2 item 4',
};

/**
 * A client-given file name made safe as one entry of the export's zip: no folder separators, no
 * leading dots (a `..` or `/` in a name would make the zip refuse the whole export).
 */
export function exportFileName(name: string): string {
  return name.replace(/[/\\]/g, '_').replace(/^\.+/, '_') || '_';
}
