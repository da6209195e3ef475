import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { FunctionContext, ObjectStorageEvent } from '../../platform/yandex';
import { documentOfKey } from './domain/document';
import { scan, scanBytes, type Verdict } from './domain/scan';

/**
 * Object Storage trigger on the records/ prefix: each landed file is held to its declaration (size,
 * stored type, magic bytes) before anyone is offered it, and the document becomes available or is
 * rejected with the reason. Only the first bytes are read. A file put again through its link while
 * the link lives is scanned again, and a rejected document stays rejected. Logs ids and verdicts,
 * never contents.
 */
export const scanRecordFiles = withInvocation(
  'records-files',
  () => undefined,
  async (event: ObjectStorageEvent, _context: FunctionContext) => {
    const logger = invocationLogger();
    const { store, objects } = await getServices();
    for (const message of event.messages) {
      if (message.event_metadata.event_type.endsWith('ObjectDelete')) continue;
      const { bucket_id: bucket, object_id: key } = message.details;
      const named = documentOfKey(key);
      const document =
        named && (await store.transaction((r) => r.records.document(named.patientId, named.documentId)));
      if (!document || document.status === 'rejected' || !document.contentType || document.bytes === null) {
        logger.warn({ key }, 'file without a document awaiting it ignored');
        continue;
      }
      const stored = await objects.describe(bucket, key);
      const verdict: Verdict = stored
        ? scan(
            { contentType: document.contentType, bytes: document.bytes },
            {
              ...stored,
              head: stored.bytes > 0 ? await objects.readStart(bucket, key, scanBytes) : new Uint8Array(),
            },
          )
        : { available: false, reason: 'DOCUMENT_EMPTY' };
      await store.transaction((r) =>
        r.records.settle(
          document.patientId,
          document.id,
          verdict.available ? 'available' : 'rejected',
          verdict.available ? null : verdict.reason,
          Date.now(),
        ),
      );
      logger.info(
        { documentId: document.id, verdict: verdict.available ? 'available' : verdict.reason },
        'record file scanned',
      );
    }
  },
);
