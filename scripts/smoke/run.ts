import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { decodeJwt } from 'jose';
import { DevIdentity } from '../../local/dev-identity';
import { type CheckedAccount, keyVariable, type SmokeSettings, type StaticKey } from './settings';

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'not run';
export interface StepResult {
  id: string;
  title: string;
  status: StepStatus;
  detail: string;
}

/** A step that cannot run here, and says why instead of pretending (`skipped (local)`). */
class Skip extends Error {}

/** What the steps learn and hand on; and what the run created, for cleanup. */
interface Found {
  token?: string;
  patientId?: string;
  phone?: string;
  deviceId?: string;
  uploadId?: string;
  upload?: { endpoint: string; bucket: string; key: string; body: string };
  head?: HeadObjectCommandOutput;
  created: string[];
}

interface Step {
  id: string;
  title: string;
  needs?: string[];
  run: () => Promise<string>;
}

/** How a step's detail starts when it has no local counterpart. */
export const localSkip = '(local) ';

const symbol: Record<StepStatus, string> = { passed: '✓', failed: '✗', skipped: '-', 'not run': '·' };

export function formatStep(step: StepResult): string {
  if (step.status === 'skipped' && step.detail.startsWith(localSkip))
    return `${symbol.skipped} ${step.title}: skipped (local): ${step.detail.slice(localSkip.length)}`;
  const status = step.status === 'passed' || step.status === 'failed' ? '' : `${step.status}: `;
  return `${symbol[step.status]} ${step.title}: ${status}${step.detail}`;
}

/**
 * The path a user takes through a deployed API, step by step: health, the JWT authorizer, a
 * clinic admin's token from the issuer, a patient registered (an authenticated route that
 * produces patient.registered.v1), that event through the outbox relay and the notifications
 * queue's trigger to the welcome SMS, a device file uploaded to a presigned URL and imported by
 * the readings bucket's trigger, read back and checked for SSE-KMS, each function account's own
 * key doing what it may and refused what it may not, and cleanup. Exit code 1 on any failure.
 */
export async function runSmoke(
  settings: SmokeSettings,
  log: (line: string) => void = console.log,
): Promise<{ steps: StepResult[]; exitCode: number }> {
  const found: Found = { created: [] };
  const run = `smoke-${new Date().toISOString().slice(0, 19).replace(/\D/g, '')}-${crypto.randomUUID().slice(0, 6)}`;
  const local = settings.target === 'local';
  const api = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
    callApi(settings.apiUrl, path, init);
  const onlyInCloud = (why: string) => {
    if (local) throw new Skip(`${localSkip}${why}`);
  };
  const key = (account: CheckedAccount): StaticKey => {
    const given = settings.keys[account];
    if (!given)
      throw new Error(`set ${keyVariable(account)} to ${account}'s own static key ("<key id>:<secret>")`);
    return given;
  };

  const steps: Step[] = [
    {
      id: 'health',
      title: 'GET /v1/health through the gateway',
      run: async () => {
        const health = await api('/v1/health');
        if (health.status !== 200) throw new Error(`HTTP ${health.status}: ${health.text}`);
        return `200, status ${health.body?.status}`;
      },
    },
    {
      id: 'authorizer',
      title: 'the JWT authorizer refuses a request without a token',
      run: async () => {
        const refused = await api('/v1/patients', { method: 'POST', body: {} });
        if (refused.status !== 401) throw new Error(`expected 401, got ${refused.status}: ${refused.text}`);
        return '401';
      },
    },
    {
      id: 'token',
      title: "a clinic admin's token from the configured issuer",
      run: async () => {
        const { token, source } = await obtainToken(settings);
        const claims = decodeJwt(token);
        const problems = [
          claims.role !== 'clinic_admin' && `role is ${String(claims.role)}, not clinic_admin`,
          !claims.clinic_id && 'no clinic_id claim',
          !claims.sub && 'no sub',
          (claims.exp ?? 0) * 1000 < Date.now() + 60_000 && 'expired or expiring within a minute',
          settings.issuer && claims.iss !== settings.issuer && `iss is ${claims.iss}, not ${settings.issuer}`,
        ].filter(Boolean);
        if (problems.length) throw new Error(`${source}: ${problems.join('; ')}`);
        found.token = token;
        const minutes = Math.round(((claims.exp ?? 0) * 1000 - Date.now()) / 60_000);
        return `${source}: iss ${claims.iss}, clinic ${claims.clinic_id}, expires in ${minutes} min`;
      },
    },
    {
      id: 'register',
      title: 'POST /v1/patients with that token (registers a patient, patient.registered.v1)',
      needs: ['token'],
      run: async () => {
        const phone = settings.phone ?? (local ? testPhone() : undefined);
        if (!phone)
          throw new Error('set SMOKE_PHONE: the test recipient of the welcome SMS (README Deploy, smoke)');
        const registered = await api('/v1/patients', {
          method: 'POST',
          token: found.token as string,
          body: { fullName: `Smoke ${run}`, phone },
        });
        if (registered.status === 409)
          throw new Error(
            `${phone} is already a patient of this clinic (an earlier run; patients are never deleted): give another SMOKE_PHONE or another smoke clinic`,
          );
        if (registered.status !== 201) throw new Error(`HTTP ${registered.status}: ${registered.text}`);
        found.patientId = registered.body.id;
        found.phone = phone;
        found.created.push(`patient ${registered.body.id} "Smoke ${run}"`);
        return `201, patient ${registered.body.id} with phone ${phone}`;
      },
    },
    {
      id: 'event',
      title: 'the event through the outbox relay and the notifications queue trigger to the welcome SMS',
      needs: ['register'],
      run: () => (local ? welcomeInLocalCapture(settings, found) : welcomeInYdb(settings, found)),
    },
    {
      id: 'upload',
      title: 'a device file to the presigned URL of POST /v1/readings/uploads',
      needs: ['register'],
      run: async () => {
        const token = found.token as string;
        const deviceId = `${run}-bp`;
        const bound = await api('/v1/devices', {
          method: 'POST',
          token,
          body: { deviceId, patientId: found.patientId, validFrom: '2000-01-01T00:00:00Z' },
        });
        if (bound.status !== 201) throw new Error(`binding the device: HTTP ${bound.status}: ${bound.text}`);
        found.deviceId = deviceId;
        found.created.push(`device binding ${deviceId}`);
        const announced = await api('/v1/readings/uploads', {
          method: 'POST',
          token,
          body: { deviceId, kind: 'csv', contentType: 'text/csv', timeZone: 'UTC' },
        });
        if (announced.status !== 201)
          throw new Error(`announcing: HTTP ${announced.status}: ${announced.text}`);
        found.uploadId = announced.body.id;
        const url = new URL(announced.body.uploadUrl);
        const [bucket, ...rest] = url.pathname.slice(1).split('/');
        const body = homeBpExport();
        const put = await fetch(url, { method: 'PUT', headers: announced.body.uploadHeaders, body });
        if (!put.ok) throw new Error(`presigned PUT answered ${put.status}: ${await put.text()}`);
        found.upload = {
          endpoint: url.origin,
          bucket: bucket as string,
          key: decodeURIComponent(rest.join('/')),
          body,
        };
        found.created.push(`object ${bucket}/${found.upload.key}`);
        return `upload ${found.uploadId}: PUT ${found.upload.key} to ${url.host} answered ${put.status}`;
      },
    },
    {
      id: 'import',
      title: "the readings bucket's trigger imports the file (GET /v1/readings/uploads/{id})",
      needs: ['upload'],
      run: async () => {
        const seen = await waitFor(settings.waitSeconds, async () => {
          const upload = await api(`/v1/readings/uploads/${found.uploadId}`, {
            token: found.token as string,
          });
          if (upload.status !== 200) throw new Error(`HTTP ${upload.status}: ${upload.text}`);
          return upload.body.status === 'pending' ? undefined : upload.body;
        });
        if (!seen) throw new Error(`still pending after ${settings.waitSeconds} s`);
        found.created.push(`${seen.result?.accepted ?? 0} blood-pressure readings of the patient`);
        if (seen.status !== 'processed' || seen.result?.accepted !== 2)
          throw new Error(`${seen.status}: ${JSON.stringify(seen.result)}`);
        return `processed: ${seen.result.format}, ${seen.result.accepted} readings accepted`;
      },
    },
    {
      id: 'read-back',
      title: "the stored file read back with fn-readings-files' own key",
      needs: ['upload'],
      run: async () => {
        const upload = found.upload as NonNullable<Found['upload']>;
        const credentials = local ? localKey : key('fn-readings-files');
        const s3 = s3Client(upload.endpoint, credentials);
        found.head = await s3.send(new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key }));
        const got = await s3.send(new GetObjectCommand({ Bucket: upload.bucket, Key: upload.key }));
        const text = await got.Body?.transformToString();
        if (text !== upload.body) throw new Error('the object read back differs from what was uploaded');
        return `HEAD and GET ${upload.key}: ${found.head.ContentLength} bytes, as uploaded${local ? ' (locally with the local key: fauxqs checks no account)' : ''}`;
      },
    },
    {
      id: 'sse-kms',
      title: "the stored file is encrypted with the bucket's KMS key (x-amz-server-side-encryption)",
      needs: ['read-back'],
      run: async () => {
        onlyInCloud("fauxqs does not encrypt objects; the buckets' SSE-KMS exists in Object Storage only");
        const head = found.head as HeadObjectCommandOutput;
        if (head.ServerSideEncryption !== 'aws:kms')
          throw new Error(
            `x-amz-server-side-encryption is ${head.ServerSideEncryption ?? 'absent'}, not aws:kms`,
          );
        return `aws:kms, key ${head.SSEKMSKeyId ?? '(id not shown)'}`;
      },
    },
    {
      id: 'rights-health-lists-queues',
      title: "fn-health's own key lists the queues (health's only Message Queue right)",
      run: async () => {
        onlyInCloud('fauxqs checks no account: rights exist only in Yandex IAM');
        const sqs = sqsClient(settings.queueEndpoint, key('fn-health'));
        const listed = await sqs.send(new ListQueuesCommand({})).catch((error: Error) => {
          if (/UnknownOperation|InvalidAction|Unsupported|not supported|415|x-amz-json/i.test(error.message))
            throw new Error(
              `the endpoint refused the AWS JSON protocol (${error.message}): pin @aws-sdk/client-sqs@3.445.0`,
            );
          throw error;
        });
        const urls = listed.QueueUrls ?? [];
        settings.crisisQueueUrl ??= urls.find((url) => url.endsWith('/crisis'));
        return `${urls.length} queues listed`;
      },
    },
    {
      id: 'rights-api-not-crisis',
      title: "fn-api's own key may not write to the crisis queue",
      run: async () => {
        onlyInCloud('fauxqs checks no account: rights exist only in Yandex IAM');
        if (!settings.crisisQueueUrl)
          throw new Error('set SMOKE_CRISIS_QUEUE_URL (terraform output -json queue_urls | jq -r .crisis)');
        const sqs = sqsClient(settings.queueEndpoint, key('fn-api'));
        // Not an event: were it accepted, escalations would quarantine it, and this step says so.
        const sent = await sqs
          .send(
            new SendMessageCommand({ QueueUrl: settings.crisisQueueUrl, MessageBody: `{"smoke":"${run}"}` }),
          )
          .then(
            (answer) => answer.MessageId,
            (error: Error) => {
              if (!denied(error)) throw error;
              return undefined;
            },
          );
        if (sent)
          throw new Error(
            `accepted as message ${sent}: fn-api can write to the crisis queue (escalations will dead-letter it)`,
          );
        return 'refused (access denied)';
      },
    },
    {
      id: 'rights-readings-files-not-attachments',
      title: "fn-readings-files' own key may not list the attachments bucket",
      needs: ['upload'],
      run: async () => {
        onlyInCloud('fauxqs checks no account: rights exist only in Yandex IAM');
        if (!settings.attachmentsBucket)
          throw new Error('set ATTACHMENTS_BUCKET (terraform output deploy_env)');
        const upload = found.upload as NonNullable<Found['upload']>;
        const s3 = s3Client(upload.endpoint, key('fn-readings-files'));
        const listed = await s3
          .send(new ListObjectsV2Command({ Bucket: settings.attachmentsBucket, MaxKeys: 1 }))
          .then(
            () => true,
            (error: Error) => {
              if (!denied(error)) throw error;
              return false;
            },
          );
        if (listed)
          throw new Error(`listed ${settings.attachmentsBucket}: the account reaches another bucket`);
        return 'refused (access denied)';
      },
    },
  ];

  const results: StepResult[] = [];
  for (const step of steps) {
    const result = await runStep(step, results, settings.skip);
    results.push(result);
    log(formatStep(result));
  }
  const cleanup = await runStep(
    { id: 'cleanup', title: 'cleanup', run: () => cleanUp(settings, found) },
    [],
    settings.skip,
  );
  results.push(cleanup);
  log(formatStep(cleanup));
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'not run');
  log(
    `${failed.length ? '✗' : '✓'} smoke ${run} against ${settings.apiUrl} (${settings.target}): ` +
      `${results.filter((r) => r.status === 'passed').length} passed, ${failed.length} failed or not run, ` +
      `${results.filter((r) => r.status === 'skipped').length} skipped`,
  );
  return { steps: results, exitCode: failed.length ? 1 : 0 };
}

async function runStep(step: Step, before: StepResult[], skip: Set<string>): Promise<StepResult> {
  const base = { id: step.id, title: step.title };
  if (skip.has(step.id)) return { ...base, status: 'skipped', detail: 'by the operator (--skip)' };
  const missing = (step.needs ?? []).filter((id) => before.find((r) => r.id === id)?.status !== 'passed');
  if (missing.length) return { ...base, status: 'not run', detail: `needs ${missing.join(', ')}` };
  try {
    return { ...base, status: 'passed', detail: await step.run() };
  } catch (error) {
    if (error instanceof Skip) return { ...base, status: 'skipped', detail: error.message };
    return { ...base, status: 'failed', detail: describe(error) };
  }
}

/** Deletes what may be deleted; names what stays and why. */
async function cleanUp(settings: SmokeSettings, found: Found): Promise<string> {
  const done: string[] = [];
  const problems: string[] = [];
  if (found.upload) {
    const { endpoint, bucket, key } = found.upload;
    const credentials = settings.target === 'local' ? localKey : settings.cleanupKey;
    if (!credentials)
      problems.push(
        `${bucket}/${key} stays: fn-readings-files may not delete; give SMOKE_CLEANUP_KEY (an account with storage.editor) or delete it by hand`,
      );
    else
      await s3Client(endpoint, credentials)
        .send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
        .then(
          () => done.push(`deleted ${bucket}/${key}`),
          (error: Error) => problems.push(`could not delete ${bucket}/${key}: ${describe(error)}`),
        );
  }
  const kept = found.created.filter((what) => !what.startsWith('object '));
  const stays = kept.length
    ? `no delete route, records are kept (152-FZ, 323-FZ): ${kept.join(', ')}; with their notification and audit records`
    : 'nothing else was created';
  if (problems.length) throw new Error([...problems, stays].join('; '));
  return [...done, stays].join('; ');
}

const localKey: StaticKey = { accessKeyId: 'local', secretAccessKey: 'local' };

async function obtainToken(settings: SmokeSettings): Promise<{ token: string; source: string }> {
  if (settings.token) return { token: settings.token, source: 'the operator’s token (SMOKE_TOKEN)' };
  if (settings.tokenRequest)
    return { token: await clientCredentials(settings.tokenRequest), source: 'client credentials' };
  if (settings.target === 'local' && settings.dataDir) {
    const identity = await DevIdentity.load(join(settings.dataDir, 'dev-identity.json'));
    const token = await identity.issue({
      role: 'clinic_admin',
      tenant: settings.clinic,
      subject: 'smoke',
      ttlSeconds: 3600,
    });
    return { token, source: `the local identity (${settings.dataDir})` };
  }
  throw new Error('set SMOKE_TOKEN, or SMOKE_TOKEN_URL, SMOKE_CLIENT_ID and SMOKE_CLIENT_SECRET');
}

/** RFC 6749 §4.4 with client_secret_post: the issuer answers `{ access_token, token_type, expires_in }`. */
async function clientCredentials(request: NonNullable<SmokeSettings['tokenRequest']>): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: request.clientId,
    client_secret: request.clientSecret,
    ...(request.audience ? { audience: request.audience } : {}),
    ...(request.scope ? { scope: request.scope } : {}),
  });
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: form,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the issuer answered ${response.status}: ${text.slice(0, 300)}`);
  const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error('the issuer answered without access_token');
  return token;
}

/** Locally: the welcome SMS as the local capture holds it (GET /v1/dev/outbox, a service token). */
async function welcomeInLocalCapture(settings: SmokeSettings, found: Found): Promise<string> {
  const identity = await DevIdentity.load(join(settings.dataDir as string, 'dev-identity.json'));
  const service = await identity.issue({ role: 'service', subject: 'smoke', ttlSeconds: 600 });
  const message = await waitFor(settings.waitSeconds, async () => {
    const outbox = await callApi(settings.apiUrl, '/v1/dev/outbox', { token: service });
    if (outbox.status !== 200) throw new Error(`GET /v1/dev/outbox: HTTP ${outbox.status}: ${outbox.text}`);
    return (outbox.body.items as { channel: string; address: string; body: string }[]).find(
      (item) => item.address === found.phone,
    );
  });
  if (!message) throw new Error(`no message to ${found.phone} within ${settings.waitSeconds} s`);
  if (message.channel !== 'sms') throw new Error(`sent by ${message.channel}, not sms`);
  return `SMS to ${found.phone} in the local capture: "${message.body.slice(0, 40)}…"`;
}

/**
 * In the cloud: the notifications function's record of the welcome message for the patient
 * (table `notifications`, read from YDB with the deployer's IAM token). `sent` means CNS took
 * the SMS; the operator reads it on SMOKE_PHONE.
 */
async function welcomeInYdb(settings: SmokeSettings, found: Found): Promise<string> {
  if (!settings.ydb)
    throw new Error('set YDB_ENDPOINT, YDB_DATABASE (terraform output deploy_env) and YDB_ACCESS_TOKEN');
  const { openYdb } = await import('../../storage/ydb/database');
  const db = await openYdb({
    endpoint: settings.ydb.endpoint,
    database: settings.ydb.database,
    credentials: { token: settings.ydb.token },
  });
  try {
    const outcome = await waitFor(settings.waitSeconds, async () => {
      const rows = await db.transaction(
        (t) => t.find('notifications', { where: { recipient_id: found.patientId as string } }),
        { readOnly: true },
      );
      const welcome = rows.filter((row) => row.template === 'patient.welcome' && row.status !== 'failed');
      return welcome.find((row) => row.status !== 'queued' && row.status !== 'deferred');
    });
    if (!outcome)
      throw new Error(
        `no settled welcome notification for ${found.patientId} within ${settings.waitSeconds} s`,
      );
    if (outcome.status !== 'sent')
      throw new Error(`the welcome message is ${outcome.status} (channel ${outcome.channel})`);
    return `welcome ${outcome.channel} sent to ${found.phone} (notification ${outcome.id}): check that phone`;
  } finally {
    await db.close();
  }
}

async function callApi(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown },
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
): Promise<{ status: number; text: string; body: any }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, text: text.slice(0, 500), body };
}

async function waitFor<T>(seconds: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function s3Client(endpoint: string, credentials: StaticKey): S3Client {
  return new S3Client({
    region: 'ru-central1',
    endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function sqsClient(endpoint: string, credentials: StaticKey): SQSClient {
  return new SQSClient({ region: 'ru-central1', endpoint, credentials });
}

function denied(error: Error & { $metadata?: { httpStatusCode?: number } }): boolean {
  return (
    error.$metadata?.httpStatusCode === 403 ||
    /AccessDenied|Forbidden|not authorized|permission/i.test(`${error.name} ${error.message}`)
  );
}

function describe(error: unknown): string {
  const e = error as Error & { $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}${status}`;
}

/** A local test number: never a real person's, since nothing leaves the local capture. */
function testPhone(): string {
  return `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

/** Two home blood-pressure readings of yesterday, in the home BP export's columns. */
function homeBpExport(): string {
  const day = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-').map(Number);
  const header = 'DateTime,Month,Day,Year,DayofWk,Hour,Meal_Time,Sys.mmHg.,Dias.mmHg.,bpDelta,Pulse.bpm.';
  const row = (time: string, sys: number, dia: number, pulse: number) =>
    `${day}T${time},${month},${date},${year},Mon,${time.slice(0, 2)},Breakfast,${sys},${dia},${sys - dia},${pulse}`;
  return `${[header, row('08:00:00', 118, 76, 64), row('08:05:00', 121, 78, 66)].join('\r\n')}\r\n`;
}
