/**
 * `npm run smoke -- --env deploy.env`: checks a deployer runs once against the real cloud.
 * Reads settings from the file given (KEY=value lines) over the process environment:
 *   API_URL                       API Gateway base URL → GET /v1/health
 *   QUEUE_ENDPOINT, SMOKE_QUEUE, ACCESS_KEY_ID, SECRET_ACCESS_KEY
 *                                 Message Queue send → receive → delete, with the SQS JSON protocol
 *   STORAGE_ENDPOINT, SMOKE_BUCKET  Object Storage presigned PUT, then GET and delete
 *   YDB_ENDPOINT, YDB_DATABASE, YDB_ACCESS_TOKEN (an IAM token)   a YDB query
 *   KMS_KEY_ID, YC_IAM_TOKEN      a KMS encrypt/decrypt round trip
 * A check whose settings are missing is skipped, and says so. Exits 1 if any check failed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { env: { type: 'string' } } });
const fromFile = values.env
  ? Object.fromEntries(
      readFileSync(values.env, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#') && line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
  : {};
const env: Record<string, string | undefined> = { ...process.env, ...fromFile };
const need = (...names: string[]) => names.filter((name) => !env[name]);

type Check = () => Promise<string>;
let failed = 0;

async function run(name: string, missing: string[], check: Check) {
  if (missing.length) return console.log(`- ${name}: skipped (set ${missing.join(', ')})`);
  try {
    console.log(`✓ ${name}: ${await check()}`);
  } catch (error) {
    failed++;
    console.log(`✗ ${name}: ${(error as Error).message}`);
  }
}

const credentials = () => ({
  accessKeyId: env.ACCESS_KEY_ID as string,
  secretAccessKey: env.SECRET_ACCESS_KEY as string,
});

async function main() {
  await run('health through API Gateway', need('API_URL'), async () => {
    const response = await fetch(`${env.API_URL}/v1/health`);
    const body = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${body}`);
    return body;
  });

  await run(
    'Message Queue (SQS JSON protocol)',
    need('QUEUE_ENDPOINT', 'SMOKE_QUEUE', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY'),
    async () => {
      const sqs = await import('@aws-sdk/client-sqs');
      const client = new sqs.SQSClient({
        region: 'ru-central1',
        endpoint: env.QUEUE_ENDPOINT,
        credentials: credentials(),
      });
      try {
        const { QueueUrl } = await client.send(new sqs.GetQueueUrlCommand({ QueueName: env.SMOKE_QUEUE }));
        const body = `smoke-${crypto.randomUUID()}`;
        await client.send(new sqs.SendMessageCommand({ QueueUrl, MessageBody: body }));
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          const { Messages = [] } = await client.send(
            new sqs.ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }),
          );
          const mine = Messages.find((m) => m.Body === body);
          if (mine) {
            await client.send(new sqs.DeleteMessageCommand({ QueueUrl, ReceiptHandle: mine.ReceiptHandle }));
            return 'the endpoint accepts the AWS JSON protocol: sent, received and deleted';
          }
        }
        throw new Error(
          'sent, but not received within 20 s (is a trigger consuming this queue? use a spare queue)',
        );
      } catch (error) {
        const text = String((error as Error).message);
        if (/UnknownOperation|InvalidAction|Unsupported|not supported|415|x-amz-json/i.test(text)) {
          throw new Error(
            `the endpoint refused the JSON protocol (${text}); pin @aws-sdk/client-sqs@3.445.0 (query protocol)`,
          );
        }
        throw error;
      }
    },
  );

  await run(
    'Object Storage presigned upload',
    need('STORAGE_ENDPOINT', 'SMOKE_BUCKET', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY'),
    async () => {
      const { S3ObjectStorage } = await import('../platform/files/s3-object-storage');
      const s3 = new S3ObjectStorage({ endpoint: env.STORAGE_ENDPOINT as string, ...credentials() });
      const key = `tmp/smoke-${crypto.randomUUID()}.txt`;
      const upload = await fetch(await s3.uploadUrl(env.SMOKE_BUCKET as string, key, 'text/plain', 300), {
        method: 'PUT',
        headers: { 'Content-Type': 'text/plain' },
        body: 'smoke',
      });
      if (!upload.ok) throw new Error(`presigned PUT answered ${upload.status}: ${await upload.text()}`);
      const download = await fetch(
        await s3.downloadUrl(env.SMOKE_BUCKET as string, key, 300, {
          fileName: 'smoke.txt',
          contentType: 'text/plain',
        }),
      );
      if ((await download.text()) !== 'smoke') throw new Error('the uploaded object did not read back');
      // Removed now if the key may delete; otherwise infra/storage.tf's expire-tmp rule removes
      // it within a day (lifecycle rules run daily from 00:00 UTC).
      const { S3Client, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
      const client = new S3Client({
        region: 'ru-central1',
        endpoint: env.STORAGE_ENDPOINT,
        credentials: credentials(),
      });
      const removed = await client
        .send(new DeleteObjectCommand({ Bucket: env.SMOKE_BUCKET, Key: key }))
        .then(() => 'deleted it')
        .catch(
          (error: Error) =>
            `could not delete it (${error.name}); the expire-tmp rule removes it within a day`,
        );
      return `uploaded and read back ${key}, then ${removed}`;
    },
  );

  await run('YDB query', need('YDB_ENDPOINT', 'YDB_DATABASE', 'YDB_ACCESS_TOKEN'), async () => {
    const { openYdb } = await import('../storage/ydb/database');
    const db = await openYdb({
      endpoint: env.YDB_ENDPOINT as string,
      database: env.YDB_DATABASE as string,
      credentials: { token: env.YDB_ACCESS_TOKEN as string },
    });
    try {
      const rows = await db.transaction((t) => t.find('outbox', { limit: 1 }), { readOnly: true });
      return `connected; outbox readable (${rows.length} row(s) pending at most 1 shown)`;
    } finally {
      await db.close();
    }
  });

  await run('KMS round trip', need('KMS_KEY_ID', 'YC_IAM_TOKEN'), async () => {
    const { YandexKms } = await import('../platform/crypto/yandex-kms');
    const kms = new YandexKms(env.KMS_KEY_ID as string, () => env.YC_IAM_TOKEN);
    const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32)));
    const wrapped = await kms.wrap(key);
    const unwrapped = await kms.unwrap(wrapped);
    if (!unwrapped.equals(key)) throw new Error('decrypted data key differs');
    return `key ${wrapped.keyId} version ${wrapped.keyVersion}: encrypt and decrypt agree`;
  });

  process.exitCode = failed ? 1 : 0;
}

void main();
