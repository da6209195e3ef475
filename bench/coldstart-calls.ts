/**
 * The first call bench/coldstart.ts makes to each function: one a real trigger would make, that
 * does the function's work and reaches the database (and, where that work needs them, Object
 * Storage and Message Queue), so its time includes whatever the first call loads lazily.
 *
 * HTTP events are what API Gateway sends (payload format 1.0, as local/gateway.ts builds them),
 * with the operationId contracts/openapi.yaml gives the route and the JWT claims its authorizer
 * would pass; the other triggers' events are the shapes of platform/yandex.ts. Every function of
 * serverless.yml must have an entry in `firstCalls`: the bench reports one without as failed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parse } from 'yaml';
import { createEvent, type EventDefinition } from '../events/envelope';
import { patientRegisteredV1 } from '../modules/patients/events';
import { readingsRecordedV1 } from '../modules/readings/events';
import { crisisDetectedV1 } from '../modules/triage/events';

const root = path.resolve(import.meta.dirname, '..');

/** What a call came back with, as the child process reports it. */
export type Outcome =
  | { kind: 'http'; status: number; body: unknown }
  | { kind: 'returned'; value: unknown }
  | { kind: 'threw'; error: string };

/** Ids the seed creates once, before anything is measured; the first calls read them. */
export interface Seeded {
  clinicId: string;
  adminId: string;
  patientId: string;
  doctorId: string;
  consultationId: string;
  deviceId: string;
  employerId: string;
  hrId: string;
  corporateContractId: string;
}

export interface CallEnv {
  /** Calls a function's bundle once in a fresh process, untimed: the seed and per-run preparation. */
  invoke(functionName: string, event: unknown): Promise<Outcome>;
  /** Calls it once more with LOG_LEVEL=warn: the warnings and errors the function logged. */
  diagnose(functionName: string, event: unknown): Promise<string[]>;
  /** fauxqs's S3, as the bench process reaches it. */
  s3: S3Client;
  seeded: Seeded;
  /** A measurement time no other reading of this run has (a device, type and time are a reading's key). */
  measuredAt(): string;
}

export interface FirstCall<P = unknown> {
  /** What the call is, for the report. */
  label: string;
  /** Runs before each call, untimed: state the call consumes (an upload to import, an event to relay). */
  prepare?(env: CallEnv): Promise<P>;
  event(env: CallEnv, prepared: P): unknown;
  /** Whether the call did its work: `ok`, and a note for the report (what it did, or why not). */
  check(outcome: Outcome, env: CallEnv, prepared: P): Promise<Verdict> | Verdict;
}

export interface Verdict {
  ok: boolean;
  note?: string;
}

export const sponsorBucket = 'telemed-sponsor-files';
/** The buckets functions write to without a trigger (config.ts defaults); the bench adds the triggers' own. */
export const configBuckets = ['telemed-attachments', 'telemed-readings', sponsorBucket];
/** Queues events are published to (see each event's definition) beside those triggers read. */
export const eventQueues = ['notifications', 'crisis', 'readings'];

// ---------------------------------------------------------------------------------------------
// Event builders

type Role = 'patient' | 'doctor' | 'clinic_admin' | 'insurer' | 'hr' | 'service';

/** The claims API Gateway's JWT authorizer passes on, as local/dev-identity.ts issues them. */
function claims(role: Role, sub: string, tenant?: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const tenantClaim = role === 'insurer' ? 'insurer_id' : role === 'hr' ? 'employer_id' : 'clinic_id';
  return {
    sub,
    role,
    ...(tenant ? { [tenantClaim]: tenant } : {}),
    iss: 'telemed-local',
    aud: 'telemed-api',
    iat: now,
    exp: now + 3600,
  };
}

interface ContractOperation {
  operationId: string;
  functionName: string;
}

let contract: Map<string, ContractOperation> | undefined;

/** `METHOD /path/{template}` → the operation contracts/openapi.yaml declares for it. */
function operationsOfContract(): Map<string, ContractOperation> {
  if (contract) return contract;
  const doc = parse(readFileSync(path.join(root, 'contracts/openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; 'x-yc-apigateway-integration'?: unknown }>>;
  };
  contract = new Map();
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const integration = op?.['x-yc-apigateway-integration'] as { function_id?: string } | undefined;
      const fn = integration?.function_id?.match(/^\$\{var\.fn_(\w+)\}$/)?.[1]?.replaceAll('_', '-');
      if (op?.operationId && fn)
        contract.set(`${method.toUpperCase()} ${route}`, { operationId: op.operationId, functionName: fn });
    }
  }
  return contract;
}

interface HttpCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The JWT claims; absent on public routes. */
  as?: Record<string, unknown>;
}

/**
 * The event API Gateway hands `functionName` for `METHOD /path/{template}`. Throws when the
 * contract routes that operation to another function: the call would not be this function's.
 */
function httpEvent(functionName: string, route: string, call: HttpCall = {}) {
  const operation = operationsOfContract().get(route);
  if (!operation) throw new Error(`contracts/openapi.yaml has no operation ${route}`);
  if (operation.functionName !== functionName)
    throw new Error(
      `contracts/openapi.yaml routes ${route} to ${operation.functionName}, not ${functionName}`,
    );
  const [method, template] = route.split(' ') as [string, string];
  const params = call.params ?? {};
  const urlPath = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const headers: Record<string, string> = {
    Host: 'api.telemed.example.ru',
    'User-Agent': 'coldstart-bench',
    Accept: 'application/json',
    'X-Request-Id': crypto.randomUUID(),
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...call.headers,
  };
  const query = call.query ?? {};
  const now = new Date();
  const multi = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, [v]]));
  return {
    version: '1.0',
    resource: template,
    path: urlPath,
    httpMethod: method,
    headers,
    multiValueHeaders: multi(headers),
    queryStringParameters: query,
    multiValueQueryStringParameters: multi(query),
    requestContext: {
      identity: { sourceIp: '127.0.0.1', userAgent: 'coldstart-bench' },
      httpMethod: method,
      requestId: crypto.randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: Math.floor(now.getTime() / 1000),
      ...(call.as ? { authorizer: { jwt: { claims: call.as, scopes: [] } } } : {}),
      apiGateway: { operationContext: {} },
    },
    pathParameters: params,
    parameters: { ...query, ...params },
    multiValueParameters: { ...multi(query), ...multi(params) },
    operationId: operation.operationId,
    body,
    isBase64Encoded: false,
  };
}

function metadata(eventType: string) {
  return {
    event_id: crypto.randomUUID(),
    event_type: eventType,
    created_at: new Date().toISOString(),
    cloud_id: 'coldstart',
    folder_id: 'coldstart',
  };
}

function timerEvent(triggerId: string) {
  return {
    messages: [
      {
        event_metadata: metadata('yandex.cloud.events.serverless.triggers.TimerMessage'),
        details: { trigger_id: triggerId },
      },
    ],
  };
}

/** A Message Queue trigger's batch of one: the envelope as the outbox relay would have sent it. */
function queueEvent<TData>(definition: EventDefinition<string, TData>, data: TData, tenant: string) {
  const body = JSON.stringify(createEvent(definition, data, { correlationId: crypto.randomUUID(), tenant }));
  return {
    messages: [
      {
        event_metadata: metadata('yandex.cloud.events.messagequeue.QueueMessage'),
        details: {
          queue_id: `yrn:yc:ymq:ru-central1:coldstart:${definition.queue}`,
          message: {
            message_id: crypto.randomUUID(),
            md5_of_body: '',
            body,
            attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()) },
            message_attributes: { event_type: { dataType: 'String', stringValue: definition.type } },
            md5_of_message_attributes: '',
          },
        },
      },
    ],
  };
}

function objectCreatedEvent(bucket: string, key: string) {
  return {
    messages: [
      {
        event_metadata: {
          ...metadata('yandex.cloud.events.storage.ObjectCreate'),
          tracing_context: {
            trace_id: crypto.randomUUID().replaceAll('-', ''),
            span_id: '',
            parent_span_id: '',
          },
        },
        details: { bucket_id: bucket, object_id: key },
      },
    ],
  };
}

function iotEvent(deviceId: string, payload: unknown) {
  return {
    messages: [
      {
        event_metadata: metadata('yandex.cloud.events.iot.IoTMessage'),
        details: {
          registry_id: 'coldstart-registry',
          device_id: deviceId,
          mqtt_topic: `$devices/${deviceId}/events`,
          payload: Buffer.from(JSON.stringify(payload)).toString('base64'),
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Verdicts

const short = (value: unknown, max = 160) => {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** One line of what a call came back with: the HTTP status (and problem code), or a summary. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'http': {
      const code = (outcome.body as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? `${outcome.status} ${code}` : String(outcome.status);
    }
    case 'returned': {
      // A queue consumer's batch report: what became of each message, without its ids.
      const outcomes = (outcome.value as { outcomes?: { outcome?: string }[] } | undefined)?.outcomes;
      if (Array.isArray(outcomes)) return `returned outcomes [${outcomes.map((o) => o.outcome).join(', ')}]`;
      return `returned ${short(outcome.value)}`;
    }
    case 'threw':
      return `threw ${outcome.error.split('\n')[0]}`;
  }
}

const status =
  (...expected: number[]) =>
  (outcome: Outcome): Verdict =>
    outcome.kind === 'http' && expected.includes(outcome.status)
      ? { ok: true }
      : { ok: false, note: `expected HTTP ${expected.join(' or ')}` };

/** A timer or trigger that returned without throwing (what it returned is its summary). */
const returned = (outcome: Outcome): Verdict =>
  outcome.kind === 'returned' ? { ok: true } : { ok: false, note: 'expected the handler to return' };

/** A queue consumer that processed every message of the batch (not a duplicate, retry or dead letter). */
const processed = (outcome: Outcome): Verdict => {
  const outcomes =
    (outcome.kind === 'returned' && (outcome.value as { outcomes?: { outcome: string }[] })?.outcomes) || [];
  return outcomes.length > 0 && outcomes.every((o) => o.outcome === 'processed')
    ? { ok: true }
    : { ok: false, note: 'expected every message processed' };
};

const bodyOf = <T>(outcome: Outcome) => (outcome.kind === 'http' ? (outcome.body as T) : undefined);

// ---------------------------------------------------------------------------------------------
// The seed: what the first calls find in the database

/** Ids before the seed ran: calls made with them still run, and find nothing. */
export const unseeded = (): Seeded => ({
  clinicId: 'clinic-coldstart',
  adminId: crypto.randomUUID(),
  patientId: crypto.randomUUID(),
  doctorId: crypto.randomUUID(),
  consultationId: crypto.randomUUID(),
  deviceId: 'glucometer-coldstart-1',
  employerId: 'employer-coldstart',
  hrId: crypto.randomUUID(),
  corporateContractId: crypto.randomUUID(),
});

const admin = (s: Seeded) => claims('clinic_admin', s.adminId, s.clinicId);
const patient = (s: Seeded) => claims('patient', s.patientId, s.clinicId);
const doctor = (s: Seeded) => claims('doctor', s.doctorId, s.clinicId);
const hr = (s: Seeded) => claims('hr', s.hrId, s.employerId);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const day = 86_400_000;
const onCallContacts = {
  duty: { phone: '+79160000001', channels: ['sms'] },
  admins: { email: 'admins@clinic-coldstart.example.ru', channels: ['email'] },
};

/**
 * Through the functions themselves, as a clinic would: a patient, a doctor, a consultation
 * between them, the patient's glucometer, the clinic's on-call contacts, an employer's contract.
 * The first of these calls creates and migrates the database. Throws on the first step refused.
 */
export async function seed(env: Omit<CallEnv, 'seeded'>, seeded: Seeded): Promise<void> {
  const refused: string[] = [];
  /** One call; a refusal is recorded and the steps that do not depend on it still run. */
  const step = async (fn: string, route: string, call: () => HttpCall, expected: number) => {
    const outcome = await env.invoke(fn, httpEvent(fn, route, call()));
    if (outcome.kind === 'http' && outcome.status === expected) return (outcome.body as { id?: string }).id;
    const logged = await env.diagnose(fn, httpEvent(fn, route, call())).catch(() => []);
    refused.push(
      `${fn} ${route}: ${describeOutcome(outcome)}, expected ${expected}` +
        (logged.length ? ` (logged: ${logged.slice(0, 3).join(' | ')})` : ''),
    );
    return undefined;
  };
  const now = Date.now();
  const phone = `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const patientId = await step(
    'patients',
    'POST /v1/patients',
    () => ({
      as: admin(seeded),
      body: { fullName: 'Анна Сергеевна Кузнецова', phone, birthDate: '1986-03-14' },
    }),
    201,
  );
  if (patientId) seeded.patientId = patientId;
  // The signed paper consents a consultation needs (modules/consents), entered by the clinic
  for (const purpose of ['personal_data', 'health_data', 'telemedicine']) {
    if (!patientId) break;
    await step(
      'patients',
      'POST /v1/patients/{patientId}/consents',
      () => ({
        as: admin(seeded),
        params: { patientId },
        body: { purpose, version: '2026-12-03', evidence: { formNumber: `coldstart-${purpose}` } },
      }),
      201,
    );
  }
  const doctorId = await step(
    'booking',
    'POST /v1/doctors',
    () => ({
      as: admin(seeded),
      body: {
        fullName: 'Игорь Павлович Смирнов',
        specialty: 'therapist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Консультация терапевта', format: 'video', durationMinutes: 30, priceRub: 1500 }],
      },
    }),
    201,
  );
  if (doctorId) seeded.doctorId = doctorId;
  if (patientId && doctorId) {
    const consultationId = await step(
      'consultations',
      'POST /v1/consultations',
      () => ({
        as: admin(seeded),
        body: {
          doctorId,
          patientId,
          startsAt: new Date(now - day).toISOString(),
          endsAt: new Date(now + 30 * day).toISOString(),
        },
      }),
      201,
    );
    if (consultationId) seeded.consultationId = consultationId;
  }
  if (patientId) {
    await step(
      'readings-ingest',
      'POST /v1/devices',
      // Bound since before any reading the bench sends (they are measured within the last hour).
      () => ({
        as: patient(seeded),
        body: {
          deviceId: seeded.deviceId,
          model: 'Contour Plus',
          validFrom: new Date(now - 2 * day).toISOString(),
        },
      }),
      201,
    );
  }
  await step('on-call', 'PUT /v1/on-call/contacts', () => ({ as: admin(seeded), body: onCallContacts }), 200);
  const corporateContractId = await step(
    'coverage',
    'POST /v1/corporate-contracts',
    () => ({
      as: hr(seeded),
      body: {
        companyName: 'ООО «Ромашка»',
        startsOn: isoDate(now - day),
        endsOn: isoDate(now + 180 * day),
        sessionsPerEmployee: 4,
      },
    }),
    201,
  );
  if (corporateContractId) seeded.corporateContractId = corporateContractId;
  if (refused.length) throw new Error(`seed refused: ${refused.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------
// The first calls

const glucose = (env: CallEnv) => ({
  type: 'glucose',
  measuredAt: env.measuredAt(),
  value: 5.8,
  unit: 'mmol/L',
});

/** One reading of the patient's glucometer: accepted, stored, and one outbox event for the alerts. */
const ingestOne = (env: CallEnv) =>
  httpEvent('readings-ingest', 'POST /v1/readings', {
    as: patient(env.seeded),
    body: { deviceId: env.seeded.deviceId, items: [glucose(env)] },
  });

const acceptedOne = (outcome: Outcome): Verdict => {
  const result = bodyOf<{ accepted?: number; items?: { reason?: string }[] }>(outcome);
  if (outcome.kind !== 'http' || outcome.status !== 200) return { ok: false, note: 'expected HTTP 200' };
  return result?.accepted === 1
    ? { ok: true, note: 'accepted 1' }
    : { ok: false, note: `not accepted: ${short(result?.items?.[0])}` };
};

const timer = (name: string, check: FirstCall['check'] = returned): FirstCall => ({
  label: 'timer',
  event: () => timerEvent(`coldstart-${name}`),
  check,
});

/** Keyed by function name, in serverless.yml's order. */
export const firstCalls: Record<string, FirstCall> = {
  health: {
    label: 'GET /v1/health',
    event: () => httpEvent('health', 'GET /v1/health'),
    check: (outcome) => {
      const report = bodyOf<{ dependencies?: Record<string, { status: string; error?: string }> }>(outcome);
      const down = Object.entries(report?.dependencies ?? {}).filter(([, d]) => d.status !== 'ok');
      return outcome.kind === 'http' && outcome.status === 200
        ? { ok: true }
        : { ok: false, note: down.map(([name, d]) => `${name} ${d.status}: ${d.error ?? ''}`).join('; ') };
    },
  },
  patients: {
    label: 'GET /v1/patients/{patientId} as clinic_admin (seeded patient)',
    event: ({ seeded }) =>
      httpEvent('patients', 'GET /v1/patients/{patientId}', {
        as: admin(seeded),
        params: { patientId: seeded.patientId },
      }),
    check: status(200),
  },
  audit: {
    label: 'GET /v1/audit-events as clinic_admin',
    event: ({ seeded }) =>
      httpEvent('audit', 'GET /v1/audit-events', { as: admin(seeded), query: { limit: '50' } }),
    check: (outcome) => {
      const verdict = status(200)(outcome);
      const items = bodyOf<{ items?: unknown[] }>(outcome)?.items;
      return { ...verdict, ...(items ? { note: `${items.length} items` } : {}) };
    },
  },
  triage: {
    label: 'POST /v1/triage as patient (Russian complaint)',
    event: ({ seeded }) =>
      httpEvent('triage', 'POST /v1/triage', {
        as: patient(seeded),
        body: { age: 39, sex: 'female', complaint: 'Второй день болит горло, насморк, температура 37,6' },
      }),
    check: (outcome) => {
      const verdict = status(200)(outcome);
      const disposition = bodyOf<{ disposition?: string }>(outcome)?.disposition;
      return { ...verdict, ...(disposition ? { note: disposition } : {}) };
    },
  },
  booking: {
    label: 'GET /v1/appointments as patient',
    event: ({ seeded }) => httpEvent('booking', 'GET /v1/appointments', { as: patient(seeded) }),
    check: status(200),
  },
  chatbot: {
    label: 'POST /v1/telegram/webhook: /start',
    event: () => {
      const userId = 700_000_000 + Math.floor(Math.random() * 100_000_000);
      const from = { id: userId, is_bot: false, first_name: 'Мария', language_code: 'ru' };
      return httpEvent('chatbot', 'POST /v1/telegram/webhook', {
        headers: { 'X-Telegram-Bot-Api-Secret-Token': chatbotWebhookSecret },
        body: {
          update_id: Math.floor(Math.random() * 2 ** 31),
          message: {
            message_id: 1,
            from,
            chat: { id: userId, first_name: 'Мария', type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text: '/start',
            entities: [{ type: 'bot_command', offset: 0, length: 6 }],
          },
        },
      });
    },
    check: status(200),
  },
  consultations: {
    label: 'GET /v1/consultations/{contractId} as patient (seeded consultation)',
    event: ({ seeded }) =>
      httpEvent('consultations', 'GET /v1/consultations/{contractId}', {
        as: patient(seeded),
        params: { contractId: seeded.consultationId },
      }),
    check: status(200),
  },
  'sla-watch': timer('sla-watch'),
  reminders: timer('reminders'),
  'readings-ingest': {
    label: 'POST /v1/readings as patient: one glucose reading',
    event: ingestOne,
    check: acceptedOne,
  },
  'readings-iot': {
    label: 'IoT Core message: one glucose reading',
    event: (env) => iotEvent(env.seeded.deviceId, glucose(env)),
    check: (outcome) => {
      const result = (outcome.kind === 'returned' &&
        (outcome.value as { results?: { accepted: number }[] })?.results?.[0]) || { accepted: 0 };
      return result.accepted === 1 ? { ok: true } : { ok: false, note: 'expected the reading accepted' };
    },
  },
  'readings-query': {
    label: 'GET /v1/patients/{patientId}/readings as doctor (glucose, last 2 days)',
    event: ({ seeded }) =>
      httpEvent('readings-query', 'GET /v1/patients/{patientId}/readings', {
        as: doctor(seeded),
        params: { patientId: seeded.patientId },
        query: {
          type: 'glucose',
          from: new Date(Date.now() - 2 * day).toISOString(),
          to: new Date(Date.now() + 3_600_000).toISOString(),
        },
      }),
    check: (outcome) => {
      const verdict = status(200)(outcome);
      const points = bodyOf<{ points?: unknown[] }>(outcome)?.points;
      return { ...verdict, ...(points ? { note: `${points.length} points` } : {}) };
    },
  },
  'readings-files': {
    label: 'POST /v1/readings/uploads as patient (presigned PUT link)',
    event: ({ seeded }) =>
      httpEvent('readings-files', 'POST /v1/readings/uploads', {
        as: patient(seeded),
        body: { deviceId: seeded.deviceId, kind: 'csv', contentType: 'text/csv' },
      }),
    check: (outcome) => {
      const url = bodyOf<{ uploadUrl?: string }>(outcome)?.uploadUrl;
      return outcome.kind === 'http' && outcome.status === 201 && url?.includes('X-Amz-Signature')
        ? { ok: true }
        : { ok: false, note: 'expected HTTP 201 with a presigned uploadUrl' };
    },
  },
  'readings-alerts': {
    label: 'queue readings: readings.recorded.v1',
    event: ({ seeded }) =>
      queueEvent(
        readingsRecordedV1,
        {
          batchId: crypto.randomUUID(),
          source: 'api',
          series: [
            {
              patientId: seeded.patientId,
              clinicId: seeded.clinicId,
              type: 'glucose',
              measuredAt: [Date.now() - 60_000],
            },
          ],
        },
        seeded.clinicId,
      ),
    check: processed,
  },
  coverage: {
    label: 'GET /v1/coverage as patient',
    event: ({ seeded }) => httpEvent('coverage', 'GET /v1/coverage', { as: patient(seeded) }),
    check: status(200),
  },
  'enrollment-import': {
    label: 'Object Storage create: enrolment input.csv of one employee',
    // An upload announced through the API and its file in the bucket: each run imports its own.
    prepare: async (env) => {
      const { seeded } = env;
      const created = await env.invoke(
        'coverage',
        httpEvent('coverage', 'POST /v1/corporate-contracts/{contractId}/enrolment-uploads', {
          as: hr(seeded),
          params: { contractId: seeded.corporateContractId },
        }),
      );
      const uploadId = bodyOf<{ uploadId?: string }>(created)?.uploadId;
      if (!uploadId) throw new Error(`enrolment upload not created: ${describeOutcome(created)}`);
      // The layout of modules/coverage/domain/uploads.ts, which the trigger parses.
      const dir = `enrolment/${encodeURIComponent(seeded.employerId)}/${seeded.corporateContractId}/${uploadId}`;
      const employee = `EMP-${crypto.randomUUID().slice(0, 8)}`;
      await env.s3.send(
        new PutObjectCommand({
          Bucket: sponsorBucket,
          Key: `${dir}/input.csv`,
          Body: `employee_ref\n${employee}\n`,
          ContentType: 'text/csv',
        }),
      );
      return { dir, employee };
    },
    event: (_env, prepared) =>
      objectCreatedEvent(sponsorBucket, `${(prepared as { dir: string }).dir}/input.csv`),
    // The trigger returns nothing: what it wrote beside the input says what it did.
    check: async (outcome, env, prepared) => {
      if (outcome.kind !== 'returned') return { ok: false, note: 'expected the handler to return' };
      const { dir, employee } = prepared as { dir: string; employee: string };
      try {
        await env.s3.send(new HeadObjectCommand({ Bucket: sponsorBucket, Key: `${dir}/result.csv` }));
        const codes = await env.s3.send(
          new GetObjectCommand({ Bucket: sponsorBucket, Key: `${dir}/codes.csv` }),
        );
        const text = (await codes.Body?.transformToString()) ?? '';
        return text.includes(employee)
          ? { ok: true, note: 'employee enrolled (codes.csv, result.csv written)' }
          : { ok: false, note: 'codes.csv does not list the employee' };
      } catch (error) {
        return { ok: false, note: `no import output: ${(error as Error).name}` };
      }
    },
  },
  'sponsor-reports': {
    label: 'POST /v1/sponsor-reports as hr (seeded contract)',
    event: ({ seeded }) =>
      httpEvent('sponsor-reports', 'POST /v1/sponsor-reports', {
        as: hr(seeded),
        body: { contractId: seeded.corporateContractId },
      }),
    check: status(201),
  },
  'notification-settings': {
    label: 'GET /v1/me/notification-settings as patient',
    event: ({ seeded }) =>
      httpEvent('notification-settings', 'GET /v1/me/notification-settings', { as: patient(seeded) }),
    check: status(200),
  },
  identity: {
    label: 'GET /v1/me/identity as doctor (seeded doctor, not yet verified)',
    event: ({ seeded }) => httpEvent('identity', 'GET /v1/me/identity', { as: doctor(seeded) }),
    check: status(200),
  },
  'on-call': {
    // The on-call function has no GET of the roster; setting it is its collection route.
    label: 'PUT /v1/on-call/contacts as clinic_admin',
    event: ({ seeded }) =>
      httpEvent('on-call', 'PUT /v1/on-call/contacts', { as: admin(seeded), body: onCallContacts }),
    check: status(200),
  },
  escalations: {
    label: 'queue crisis: crisis.detected.v1',
    event: ({ seeded }) =>
      queueEvent(
        crisisDetectedV1,
        { triageId: crypto.randomUUID(), patientId: seeded.patientId },
        seeded.clinicId,
      ),
    check: processed,
  },
  'escalation-watch': timer('escalation-watch'),
  'deferred-notifications': timer('deferred-notifications'),
  'payment-sweep': timer('payment-sweep'),
  'outbox-relay': {
    label: 'timer, with one event in the outbox (one reading ingested before each run)',
    prepare: async (env) => {
      const outcome = await env.invoke('readings-ingest', ingestOne(env));
      if (!acceptedOne(outcome).ok) throw new Error(`no outbox event to relay: ${describeOutcome(outcome)}`);
    },
    event: () => timerEvent('coldstart-outbox-relay'),
    check: (outcome) => {
      const result =
        outcome.kind === 'returned' ? (outcome.value as { published?: number; failed?: number }) : {};
      return (result?.published ?? 0) >= 1 && result?.failed === 0
        ? { ok: true }
        : { ok: false, note: 'expected at least one event published, none failed' };
    },
  },
  notifications: {
    label: 'queue notifications: patient.registered.v1',
    event: ({ seeded }) =>
      queueEvent(
        patientRegisteredV1,
        { patientId: seeded.patientId, clinicId: seeded.clinicId },
        seeded.clinicId,
      ),
    check: processed,
  },
  'data-requests': {
    label: 'GET /v1/patients/{patientId}/access-history as patient (seeded patient)',
    event: ({ seeded }) =>
      httpEvent('data-requests', 'GET /v1/patients/{patientId}/access-history', {
        as: patient(seeded),
        params: { patientId: seeded.patientId },
      }),
    check: status(200),
  },
  'data-exports': timer('data-exports'),
  'retention-sweep': timer('retention-sweep'),
};

/** The chatbot refuses to load without it; its webhook checks it against the header. */
export const chatbotWebhookSecret = 'coldstart-webhook-secret';
