import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage } from './object-storage';

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
    return getSignedUrl(
      this.client,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
      {
        expiresIn: expiresSeconds,
      },
    );
  }

  downloadUrl(bucket: string, key: string, expiresSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: expiresSeconds,
    });
  }

  async ping(bucket: string): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
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
}
