import { consentsApi } from '../../modules/consents';
import { patientsApi } from '../../modules/patients';
import { recordsApi, scanRecordFiles } from '../../modules/records';
import { combined } from '../../platform/operations';
import { entryPoint } from '../../platform/runtime';
import type { FunctionContext, HttpEvent, HttpResponse, ObjectStorageEvent } from '../../platform/yandex';

const api = combined(patientsApi, recordsApi, consentsApi);

/**
 * HTTP: the patient record, self-registration, its documents and lab results, and the patient's
 * consents (texts, records, withdrawals); Object Storage: a document's file landed.
 */
function handle(event: HttpEvent, context: FunctionContext): Promise<HttpResponse>;
function handle(event: ObjectStorageEvent, context: FunctionContext): Promise<void>;
function handle(event: HttpEvent | ObjectStorageEvent, context: FunctionContext) {
  if ('messages' in event) return scanRecordFiles(event, context);
  return api(event, context);
}

export const handler = entryPoint(Object.assign(handle, { operationIds: api.operationIds }));
