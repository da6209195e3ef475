import { invocationLogger } from '../../../platform/invocation';
import { withInvocation } from '../../../platform/runtime';
import { getServices } from '../../../platform/services';
import type { ObjectStorageEvent } from '../../../platform/yandex';
import { uploadOf } from '../domain/uploads';
import { importEnrolment } from './import-enrolment';
import { importPolicies } from './import-policies';

/**
 * Object Storage trigger on the sponsor bucket: imports an employer's enrolment file
 * (`enrolment/…/input.csv`) or an insurer's policy file (`policies/…/input.csv`). Logs
 * counts only, never an employee reference or a policy number.
 */
export const sponsorUploadTrigger = withInvocation(
  'enrollment-import',
  () => undefined,
  async (event: ObjectStorageEvent) => {
    const services = await getServices();
    for (const message of event.messages) {
      if (message.event_metadata.event_type !== 'yandex.cloud.events.storage.ObjectCreate') continue;
      const { bucket_id: bucket, object_id: key } = message.details;
      const found = uploadOf(key);
      if (!found) continue;
      const upload = { bucket, key, uploadId: found.uploadId };
      if (found.kind === 'enrolment') {
        const run = await importEnrolment(services, upload, Date.now);
        if (!run) continue;
        const { id, status, enrolled, alreadyEnrolled, rejected } = run;
        invocationLogger().info(
          { uploadId: id, status, enrolled, alreadyEnrolled, rejected },
          'enrolment upload',
        );
      } else {
        const run = await importPolicies(services, upload, Date.now);
        if (!run) continue;
        const { id, status, created, renewed, cancelled, unchanged, rejected } = run;
        invocationLogger().info(
          { uploadId: id, status, created, renewed, cancelled, unchanged, rejected },
          'policy upload',
        );
      }
    }
  },
);
