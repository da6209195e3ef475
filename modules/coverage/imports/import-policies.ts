import { toCsv } from '../../../platform/csv';
import type { Services } from '../../../platform/services';
import type { Product } from '../domain/sponsor';
import { policyUploadKeys } from '../domain/uploads';
import { applyPolicyChange } from '../policy-changes';
import type { PolicyImport } from '../repositories/insurers';
import { readPolicyCsv } from './policy-csv';
import { UnreadableFile } from './read-csv';
import { applyInChunks, claim, csvType } from './upload-run';
import { readUploadedFile } from './uploaded-file';

/**
 * Imports one uploaded policy file: each valid row creates, renews or cancels a policy of the
 * upload's product; invalid rows and refused changes are listed with their lines and reasons
 * in result.csv beside it. Another upload of the same file finds every change made and
 * changes nothing.
 */
export async function importPolicies(
  services: Pick<Services, 'store' | 'objects'>,
  upload: { bucket: string; key: string; uploadId: string },
  now: () => number,
): Promise<PolicyImport | undefined> {
  const { store, objects } = services;
  const run = await store.transaction(async (r) => {
    const claimed = claim(await r.insurers.import(upload.uploadId), now());
    if (claimed) await r.insurers.saveImport(claimed);
    return claimed;
  });
  if (!run) return undefined;
  const finish = async (outcome: Partial<PolicyImport>) => {
    const finished: PolicyImport = { ...run, ...outcome, finishedAt: now() };
    await store.transaction((r) => r.insurers.saveImport(finished));
    return finished;
  };

  let file: Awaited<ReturnType<typeof readPolicyCsv>>;
  try {
    file = await readPolicyCsv(await readUploadedFile(objects, upload));
  } catch (error) {
    if (error instanceof UnreadableFile) return finish({ status: 'failed', error: error.message });
    throw error;
  }

  // Products are never deleted, and the upload was made for one of the insurer's own.
  const product = (await store.transaction((r) => r.insurers.product(run.productId))) as Product;
  const counts = { created: 0, renewed: 0, cancelled: 0, unchanged: 0 };
  const rejected = [...file.rejected];
  const outcomes = await applyInChunks(store, file.rows, (r, row) =>
    applyPolicyChange(r, product, row.change, now()),
  );
  outcomes.forEach((outcome, i) => {
    const { line, change } = file.rows[i] as (typeof file.rows)[number];
    if (outcome.status === 'rejected') rejected.push({ line, number: change.number, reason: outcome.reason });
    else counts[outcome.status]++;
  });
  rejected.sort((a, b) => a.line - b.line);

  const lines = rejected.map((r): (string | number)[] => [r.line, r.number, r.reason]);
  const result = toCsv(['line', 'number', 'reason'], lines);
  await objects.putObject(
    upload.bucket,
    policyUploadKeys(run.insurerId, run.productId, run.id).result,
    result,
    csvType,
  );
  return finish({
    status: 'done',
    totalRows: file.rows.length + file.rejected.length,
    ...counts,
    rejected: rejected.length,
  });
}
