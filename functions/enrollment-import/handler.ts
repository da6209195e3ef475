import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { ObjectStorageEvent } from '../../platform/yandex';
import { importUpload } from './import-upload';

/**
 * Object Storage trigger on the sponsor bucket (`enrolment/…/input.csv`): imports an
 * employer's enrolment file. Logs counts only, never an employee reference.
 */
export const handler = withInvocation(
  'enrollment-import',
  () => undefined,
  async (event: ObjectStorageEvent) => {
    const services = await getServices();
    for (const message of event.messages) {
      if (message.event_metadata.event_type !== 'yandex.cloud.events.storage.ObjectCreate') continue;
      const { bucket_id: bucket, object_id: key } = message.details;
      const run = await importUpload(services, bucket, key, Date.now);
      if (!run) continue;
      const { id, status, enrolled, alreadyEnrolled, rejected } = run;
      invocationLogger().info(
        { uploadId: id, status, enrolled, alreadyEnrolled, rejected },
        'enrolment upload',
      );
    }
  },
);
