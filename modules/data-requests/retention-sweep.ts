import { invocationLogger } from '../../platform/invocation';
import { getServices } from '../../platform/services';
import { dataRequestsSettings } from './settings';

/** Exports expired per run; a backlog is taken by the next day's run. */
const batch = 500;

/**
 * The retention sweep (daily): rows past their TTL go (the embedded database; YDB deletes them
 * itself), and each export past its keep time leaves the bucket, its request marked `expired` so
 * no link is offered again. The row is marked first: a file that outlives a failed delete is
 * unreachable, and the bucket's lifecycle rule for exports/ removes it in any case.
 */
export async function sweepRetention(now: number): Promise<{ expiredRows: number; expiredExports: number }> {
  const { store, objects } = await getServices();
  const expiredRows = await store.database.sweepExpired(now);
  const due = await store.transaction(async (r) => {
    const ready = await r.dataRequests.inStatus('export', 'ready', batch);
    const expired = ready.filter((x) => (x.fileExpiresAt ?? Infinity) <= now);
    for (const request of expired) await r.dataRequests.update(request.id, { status: 'expired' });
    return expired;
  });
  const bucket = dataRequestsSettings().ATTACHMENTS_BUCKET;
  for (const request of due) {
    if (!request.objectKey) continue;
    try {
      await objects.remove(bucket, request.objectKey);
    } catch (error) {
      invocationLogger().warn(
        { err: error, exportId: request.id },
        'expired export left to the bucket lifecycle rule',
      );
    }
  }
  return { expiredRows, expiredExports: due.length };
}
