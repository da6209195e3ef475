import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type DownloadAs,
  MultipartRefused,
  type ObjectStorage,
  type StoredObject,
  type UploadedPart,
} from './object-storage';

/** S3's smallest part but the last; parts are held in memory one at a time. */
const partBytes = 8 * 1024 * 1024;

export interface S3Settings {
  endpoint: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Yandex Object Storage through the S3 API (fauxqs or LocalStack locally). */
export class S3ObjectStorage implements ObjectStorage {
  private readonly client: S3Client;

  constructor(settings: S3Settings) {
    this.client = new S3Client({
      region: 'ru-central1',
      endpoint: settings.endpoint,
      forcePathStyle: true,
      credentials: {
        accessKeyId: settings.accessKeyId ?? 'local',
        secretAccessKey: settings.secretAccessKey ?? 'local',
      },
      // Newer SDKs add CRC32 checksums by default, which S3-compatible stores may reject.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  uploadUrl(bucket: string, key: string, contentType: string, expiresSeconds: number): Promise<string> {
    // Content-Type is a signed header: Object Storage refuses a PUT with any other type.
    return getSignedUrl(
      this.client,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
      { expiresIn: expiresSeconds, signableHeaders: new Set(['content-type']) },
    );
  }

  downloadUrl(bucket: string, key: string, expiresSeconds: number, as: DownloadAs): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentType: as.contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(as.fileName)}`,
    });
    return getSignedUrl(this.client, command, { expiresIn: expiresSeconds });
  }

  async describe(bucket: string, key: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { bytes: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async ping(bucket: string): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error(`Object ${key} has no body`);
    return response.Body.transformToByteArray();
  }

  async readStart(bucket: string, key: string, bytes: number): Promise<Uint8Array> {
    const response = await this.client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
    );
    if (!response.Body) throw new Error(`Object ${key} has no body`);
    return response.Body.transformToByteArray();
  }

  async putObject(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    contentType: string,
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async putStream(
    bucket: string,
    key: string,
    body: AsyncIterable<Uint8Array>,
    contentType: string,
  ): Promise<number> {
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
    );
    const parts: { ETag: string | undefined; PartNumber: number }[] = [];
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let total = 0;
    const flush = async () => {
      const PartNumber = parts.length + 1;
      const { ETag } = await this.client.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          PartNumber,
          Body: Buffer.concat(pending, pendingBytes),
        }),
      );
      parts.push({ ETag, PartNumber });
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const chunk of body) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        total += chunk.byteLength;
        if (pendingBytes >= partBytes) await flush();
      }
      if (pendingBytes > 0 || parts.length === 0) await flush();
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
      return total;
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  async readStream(bucket: string, key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return response.Body as Readable | undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async remove(bucket: string, key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  async startMultipart(bucket: string, key: string, contentType: string): Promise<string> {
    const started = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
    );
    if (!started.UploadId) throw new Error(`No upload id for ${key}`);
    return started.UploadId;
  }

  partUploadUrls(
    bucket: string,
    key: string,
    uploadId: string,
    parts: number,
    expiresSeconds: number,
  ): Promise<string[]> {
    return Promise.all(
      Array.from({ length: parts }, (_, i) =>
        getSignedUrl(
          this.client,
          new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: i + 1 }),
          { expiresIn: expiresSeconds },
        ),
      ),
    );
  }

  async completeMultipart(
    bucket: string,
    key: string,
    uploadId: string,
    parts: UploadedPart[],
  ): Promise<void> {
    try {
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      );
    } catch (error) {
      // The store's own 4xx (NoSuchUpload, InvalidPart, …): the client's upload, not our fault.
      if (error instanceof S3ServiceException && error.$fault === 'client') throw new MultipartRefused(error);
      throw error;
    }
  }
}
