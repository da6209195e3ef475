import { unaffiliated } from '../../platform/identity';
import { invocationLogger } from '../../platform/invocation';
import type { ReadPage } from '../../platform/person-data';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { addWorkingDays, deadlineWorkingDays } from './domain/deadlines';
import type { DataRequest } from './domain/request';
import { buildExport } from './export/build-export';
import { personDataSections } from './sections';
import { dataRequestsSettings } from './settings';

/** Exports one run takes: each is streamed in turn, well inside the function's timeout. */
const perRun = 3;

/** Records a patient's request for their data; the builder picks it up (exports timer). */
export async function requestExport(patientId: string, now: number): Promise<DataRequest> {
  const { store } = await getServices();
  return store.transaction(async (r) => {
    // One at a time: each export reads the whole record, so a burst of requests is not a burst of builds.
    const underWay = await r.dataRequests.exportUnderWay(patientId);
    if (underWay)
      throw problems.conflict(
        'EXPORT_IN_PROGRESS',
        `Your export ${underWay.id} is still being prepared; ask again once it is ready.`,
      );
    const clinicId = (await r.patients.clinicOf(patientId)) ?? null;
    const request = await r.dataRequests.create({
      id: crypto.randomUUID(),
      patientId,
      clinicId,
      kind: 'export',
      dueAt: addWorkingDays(now, deadlineWorkingDays.export),
    });
    await r.audit.record({
      tenantId: clinicId ?? unaffiliated,
      action: 'create',
      resourceType: 'data_export',
      resourceId: request.id,
      subjectId: patientId,
    });
    return request;
  });
}

/**
 * Builds the pending exports (and any whose builder died holding them): each is claimed in a
 * transaction, streamed into the bucket outside one, then marked ready with its size and contents.
 */
export async function buildPendingExports(now: number): Promise<{ built: number; failed: number }> {
  const { store, objects } = await getServices();
  const settings = dataRequestsSettings();
  const claimed = await store.transaction(async (r) => {
    // Beyond the few being built now: a stale one behind them is taken over, not left waiting.
    const stale = (await r.dataRequests.inStatus('export', 'building', 100)).filter(
      (x) => (x.leaseUntil ?? 0) < now,
    );
    const waiting = [...(await r.dataRequests.inStatus('export', 'pending', perRun)), ...stale].slice(
      0,
      perRun,
    );
    for (const request of waiting)
      await r.dataRequests.update(request.id, {
        status: 'building',
        leaseUntil: now + settings.EXPORT_LEASE_SECONDS * 1000,
      });
    return waiting;
  });
  const read: ReadPage = (work) => store.transaction(work, { readOnly: true });
  let built = 0;
  let failed = 0;
  for (const request of claimed) {
    const key = `exports/${request.patientId}/${request.id}.zip`;
    try {
      const result = await buildExport({
        patientId: request.patientId,
        sections: personDataSections,
        read,
        objects,
        bucket: settings.ATTACHMENTS_BUCKET,
        key,
      });
      await store.transaction(async (r) => {
        await r.dataRequests.update(request.id, {
          status: 'ready',
          leaseUntil: null,
          objectKey: key,
          bytes: result.bytes,
          outcome: result.counts,
          fileExpiresAt: Date.now() + settings.EXPORT_KEEP_DAYS * 86_400_000,
        });
        // Reading everything held about the patient is recorded as done on their request.
        await r.audit.record({
          tenantId: request.clinicId ?? unaffiliated,
          action: 'read',
          resourceType: 'data_export',
          resourceId: request.id,
          subjectId: request.patientId,
          actor: { subject: request.patientId, role: 'patient' },
        });
      });
      built++;
    } catch (error) {
      // The reason stays in our logs (no health data in an error of ours); the patient sees `failed`.
      invocationLogger().error({ err: error, exportId: request.id }, 'export failed');
      await store.transaction((r) =>
        r.dataRequests.update(request.id, { status: 'failed', leaseUntil: null }),
      );
      failed++;
    }
  }
  return { built, failed };
}
