import type { ObjectStorage } from '../../../platform/files/object-storage';
import { UnreadableFile } from './read-csv';

/** A register of 100,000 policies is about 6 MB; anything far larger is not a register. */
export const maxImportBytes = 16 * 1024 * 1024;

/**
 * The uploaded file's bytes, once its size is known to fit: the size is read first, so a file
 * far over the limit fails the import instead of the function's memory.
 */
export async function readUploadedFile(
  objects: ObjectStorage,
  upload: { bucket: string; key: string },
): Promise<Uint8Array> {
  const stored = await objects.describe(upload.bucket, upload.key);
  if (!stored) throw new UnreadableFile('the file is gone');
  if (stored.bytes > maxImportBytes)
    throw new UnreadableFile(`the file is larger than ${maxImportBytes / 1024 / 1024} MB`);
  return objects.getObject(upload.bucket, upload.key);
}
