/** Object Storage as the functions need it: short-lived links to upload and download files. */
export interface ObjectStorage {
  /** A presigned PUT URL; the client uploads the file itself, so no file passes through a function. */
  uploadUrl(bucket: string, key: string, contentType: string, expiresSeconds: number): Promise<string>;
  downloadUrl(bucket: string, key: string, expiresSeconds: number): Promise<string>;
  ping(bucket: string): Promise<void>;
  /** Reads a whole object: a file a trigger announced. */
  getObject(bucket: string, key: string): Promise<Uint8Array>;
  /** Writes a whole object: a result or report a function produced. */
  putObject(bucket: string, key: string, body: string | Uint8Array, contentType: string): Promise<void>;
}
