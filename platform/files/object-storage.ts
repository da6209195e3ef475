/** Object Storage as the functions need it: short-lived links to upload and download files. */
export interface ObjectStorage {
  /** A presigned PUT URL; the client uploads the file itself, so no file passes through a function. */
  uploadUrl(bucket: string, key: string, contentType: string, expiresSeconds: number): Promise<string>;
  /**
   * A presigned GET URL. The file is always served as a download (`Content-Disposition:
   * attachment`) with the type given here, never the one it was stored with, so an uploaded
   * HTML page cannot run in a reader's browser.
   */
  downloadUrl(bucket: string, key: string, expiresSeconds: number, as: DownloadAs): Promise<string>;
  /** What is stored under a key (size and type), without reading it; undefined when nothing is. */
  describe(bucket: string, key: string): Promise<StoredObject | undefined>;
  ping(bucket: string): Promise<void>;
  /** Reads a whole object: a file a trigger announced. */
  getObject(bucket: string, key: string): Promise<Uint8Array>;
  /** Reads the first `bytes` of an object (a range read): enough to tell a file's type by its magic bytes. */
  readStart(bucket: string, key: string, bytes: number): Promise<Uint8Array>;
  /** Writes a whole object: a result or report a function produced. */
  putObject(bucket: string, key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  /**
   * Writes an object from a stream of unknown length in parts (multipart upload), so a large
   * file (a patient's export) never sits whole in a function's memory. Returns its size in bytes.
   */
  putStream(
    bucket: string,
    key: string,
    body: AsyncIterable<Uint8Array>,
    contentType: string,
  ): Promise<number>;
  /** Reads an object as a stream; undefined when nothing is stored under the key. */
  readStream(bucket: string, key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Deletes an object; nothing stored under the key is not an error. */
  remove(bucket: string, key: string): Promise<void>;
  /**
   * A large file in parts, each PUT by the client to its own presigned URL (a lost part is sent
   * again, not the whole study). The type is fixed here, when the upload starts; the client keeps
   * each part's ETag and hands them back to complete it.
   */
  startMultipart(bucket: string, key: string, contentType: string): Promise<string>;
  /** Presigned UploadPart URLs for parts 1..`parts` of the upload. */
  partUploadUrls(
    bucket: string,
    key: string,
    uploadId: string,
    parts: number,
    expiresSeconds: number,
  ): Promise<string[]>;
  /** Joins the parts into the object; refused (MultipartRefused) for an unknown upload or wrong parts. */
  completeMultipart(bucket: string, key: string, uploadId: string, parts: UploadedPart[]): Promise<void>;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
}

/** Object Storage would not join the parts: no such upload under that key, or parts it does not hold. */
export class MultipartRefused extends Error {
  constructor(cause: unknown) {
    super('The multipart upload could not be completed', { cause });
    this.name = 'MultipartRefused';
  }
}

export interface DownloadAs {
  fileName: string;
  contentType: string;
}

export interface StoredObject {
  bytes: number;
  contentType: string;
}
