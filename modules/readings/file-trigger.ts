import { mayActOn } from '../../platform/access';
import { httpRoute } from '../../platform/http';
import { type Caller, tenantOf, unaffiliated } from '../../platform/identity';
import { invocationLogger } from '../../platform/invocation';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { FunctionContext, HttpEvent, ObjectStorageEvent } from '../../platform/yandex';
import { importFile, UnreadableFile } from './import-file';
import type { ReadingUpload } from './repositories/reading-uploads';
import * as schemas from './schemas';
import { readingsSettings } from './settings';

const uploadTtlSeconds = 15 * 60;
/** Files arrive under this prefix; the storage trigger is set on it (serverless.yml). */
const prefix = 'readings/';
const maxFileBytes = 20 * 1024 * 1024;

function uploadView(upload: ReadingUpload) {
  return {
    id: upload.id,
    deviceId: upload.deviceId,
    kind: upload.kind,
    status: upload.status,
    result: upload.result,
  };
}

const createReadingUpload = httpRoute({
  route: 'POST /v1/readings/uploads',
  auth: ['patient', 'clinic_admin', 'service'],
  body: schemas.uploadBody,
  healthData: true,
  handle: async ({ body, caller }) => {
    const { store, objects } = await getServices();
    const upload = await store.transaction(async (r) => {
      // A file is read as the device's: the caller must speak for a patient it measures (or
      // measured). A service may announce a file of several devices (`hypnos` for `hypnos:<subject>`):
      // its rows are then matched to the patients it may act for, one by one, on import.
      const bindings = await r.readings.devices.bindings(body.deviceId);
      const inReach =
        bindings.length === 0
          ? caller.role === 'service'
          : bindings.some((b) => mayActOn(caller, { personId: b.patientId, clinicId: b.clinicId }));
      if (!inReach) throw problems.notFound('Device');
      const created = await r.readings.uploads.create({
        id: crypto.randomUUID(),
        deviceId: body.deviceId,
        kind: body.kind,
        contentType: body.contentType,
        timeZone: body.timeZone ?? 'Europe/Moscow',
        measuredAt: body.measuredAt ? Date.parse(body.measuredAt) : null,
        requestedBy: caller.subject,
        requestedRole: uploaderRole(caller),
      });
      // The clinic whose patient's files these are: the admin's, the patient's own, a service's.
      const tenantId =
        caller.role === 'clinic_admin'
          ? clinicOfAdmin(caller)
          : caller.role === 'patient'
            ? ((await r.readings.patient(caller.subject))?.clinicId ?? unaffiliated)
            : (tenantOf(caller) ?? unaffiliated);
      await r.audit.record({
        tenantId,
        action: 'create',
        resourceType: 'readings_upload',
        resourceId: created.id,
      });
      return created;
    });
    const uploadUrl = await objects.uploadUrl(
      readingsSettings().READINGS_BUCKET,
      `${prefix}${upload.id}`,
      body.contentType,
      uploadTtlSeconds,
    );
    return {
      status: 201,
      body: {
        ...uploadView(upload),
        uploadUrl,
        uploadHeaders: { 'Content-Type': body.contentType },
        expiresAt: new Date(Date.now() + uploadTtlSeconds * 1000).toISOString(),
      },
      headers: { Location: `/v1/readings/uploads/${upload.id}` },
    };
  },
});

const getReadingUpload = httpRoute({
  route: 'GET /v1/readings/uploads/{uploadId}',
  auth: ['patient', 'clinic_admin', 'service'],
  params: schemas.uploadParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const upload = await store.transaction((r) => r.readings.uploads.get(params.uploadId), {
      readOnly: true,
    });
    if (!upload || upload.requestedBy !== caller.subject) throw problems.notFound('Upload');
    return { status: 200, body: uploadView(upload) };
  },
});

const http = operations({ createReadingUpload, getReadingUpload });

/**
 * Object Storage trigger on the readings bucket: reads each new file and imports it. A file
 * that is not what it was announced as is marked failed (retrying cannot fix it); anything
 * else throws, so the trigger calls again. Logs ids and counts, never contents.
 */
const onUpload = withInvocation(
  'readings-files',
  () => undefined,
  async (event: ObjectStorageEvent, _context: FunctionContext) => {
    const logger = invocationLogger();
    const { store, objects } = await getServices();
    for (const message of event.messages) {
      const key = message.details.object_id;
      if (!message.event_metadata.event_type.endsWith('ObjectCreate') || !key.startsWith(prefix)) continue;
      const upload = await store.transaction((r) => r.readings.uploads.get(key.slice(prefix.length)));
      if (!upload) {
        logger.warn({ key }, 'file without an announced upload ignored');
        continue;
      }
      try {
        // The size is read first: a file far over the limit would not fit in the function's memory.
        const stored = await objects.describe(message.details.bucket_id, key);
        if (!stored) throw new UnreadableFile('the file is gone');
        if (stored.bytes > maxFileBytes) throw new UnreadableFile('the file is larger than 20 MB');
        const content = Buffer.from(await objects.getObject(message.details.bucket_id, key));
        const summary = await importFile(store, upload, key, content, {
          now: Date.now(),
          correlationId: message.event_metadata.event_id,
        });
        await store.transaction((r) => r.readings.uploads.finish(upload.id, 'processed', summary));
        const { rows, accepted, duplicates, rejected } = summary;
        logger.info({ uploadId: upload.id, rows, accepted, duplicates, rejected }, 'readings file imported');
      } catch (error) {
        if (!(error instanceof UnreadableFile)) throw error;
        await store.transaction((r) =>
          r.readings.uploads.finish(upload.id, 'failed', { error: error.message }),
        );
        logger.warn({ uploadId: upload.id, reason: error.message }, 'readings file refused');
      }
    }
  },
);

/** One function, two triggers: API Gateway (the upload link) and Object Storage (the file landed). */
export const readingsFileTrigger = Object.assign(
  (event: HttpEvent | ObjectStorageEvent, context: FunctionContext) =>
    'messages' in event ? onUpload(event, context) : http(event, context),
  { operationIds: http.operationIds },
);

/** Who asked for the upload, with the clinic they act for: the import acts within it (import-file.ts). */
function uploaderRole(caller: Caller): string {
  if (caller.role === 'clinic_admin') return `clinic_admin:${clinicOfAdmin(caller)}`;
  if (caller.role === 'service' && caller.clinicId) return `service:${caller.clinicId}`;
  return caller.role;
}

/** An admin acts for their clinic only; a token that names none may not act as one. */
function clinicOfAdmin(caller: Caller): string {
  if (!caller.clinicId) throw problems.forbidden('Your token names no clinic.');
  return caller.clinicId;
}
