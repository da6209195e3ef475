import type { FileType } from './document';
import { maxDocumentBytes } from './document';

/** How much of a file the scan reads: a DICOM file's "DICM" ends at byte 132. */
export const scanBytes = 132;

const startsWith = (head: Uint8Array, magic: readonly number[], at = 0) =>
  head.length >= at + magic.length && magic.every((byte, i) => head[at + i] === byte);

/** Each allowed type by its magic bytes: what the file is, whatever it was called. */
const signatures: Record<FileType, (head: Uint8Array) => boolean> = {
  // %PDF-
  'application/pdf': (head) => startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  // \x89PNG\r\n\x1a\n
  'image/png': (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  // SOI marker and the next marker's lead byte
  'image/jpeg': (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  // DICOM Part 10: a 128-byte preamble, then "DICM"
  'application/dicom': (head) => startsWith(head, [0x44, 0x49, 0x43, 0x4d], 128),
};

/** What the scan holds a stored file to: its declaration. */
export interface Declared {
  contentType: FileType;
  bytes: number;
}

/** What is stored: its size and type as the store reports them, and its first bytes. */
export interface Stored {
  bytes: number;
  contentType: string;
  head: Uint8Array;
}

export type Verdict = { available: true } | { available: false; reason: ScanRefusal };
export type ScanRefusal = 'DOCUMENT_TOO_LARGE' | 'DOCUMENT_TYPE_MISMATCH' | 'DOCUMENT_EMPTY';

/**
 * Whether a stored file may be offered: no larger than declared (the link signs the type, not the
 * size) or the limit, stored under the declared type, and its magic bytes those of that type.
 */
export function scan(declared: Declared, stored: Stored): Verdict {
  if (stored.bytes === 0) return { available: false, reason: 'DOCUMENT_EMPTY' };
  if (stored.bytes > declared.bytes || stored.bytes > maxDocumentBytes)
    return { available: false, reason: 'DOCUMENT_TOO_LARGE' };
  const storedType = stored.contentType.split(';')[0]?.trim().toLowerCase();
  if (storedType !== declared.contentType || !signatures[declared.contentType](stored.head))
    return { available: false, reason: 'DOCUMENT_TYPE_MISMATCH' };
  return { available: true };
}
