import { patientsApi } from '../../modules/patients';
import { recordsApi, scanRecordFiles } from '../../modules/records';
import { entryPoint } from '../../platform/runtime';
import type { FunctionContext, HttpEvent, HttpResponse, ObjectStorageEvent } from '../../platform/yandex';

/** HTTP: the patient record, its documents and lab results; Object Storage: a document's file landed. */
function handle(event: HttpEvent, context: FunctionContext): Promise<HttpResponse>;
function handle(event: ObjectStorageEvent, context: FunctionContext): Promise<void>;
function handle(event: HttpEvent | ObjectStorageEvent, context: FunctionContext) {
  if ('messages' in event) return scanRecordFiles(event, context);
  return (recordsApi.operationIds.includes(event.operationId) ? recordsApi : patientsApi)(event, context);
}

export const handler = entryPoint(
  Object.assign(handle, { operationIds: [...patientsApi.operationIds, ...recordsApi.operationIds] }),
);
