import type { Services } from '../../platform/services';
import type { EnrolmentImport } from '../../storage/repositories/employers';
import { enrol } from '../coverage/corporate';
import { toCsv } from '../coverage/domain/csv';
import { enrolmentUploadKeys, uploadIdOf } from '../coverage/domain/uploads';
import { readEnrolmentCsv, UnreadableFile } from './read-csv';

/** Rows enrolled per transaction: thousands of rows in one invocation, no transaction too large. */
const chunkRows = 500;
/** Longer than the function's timeout: a run still holding an upload after this has died. */
const leaseMs = 10 * 60_000;
const csvType = 'text/csv; charset=utf-8';

/**
 * Imports one uploaded enrolment file: valid rows are enrolled, invalid ones listed with
 * their lines and reasons in result.csv beside it, new codes in codes.csv. An upload is
 * imported once, however often the trigger fires; another upload of the same file finds
 * everyone already enrolled and changes nothing.
 */
export async function importUpload(
  services: Pick<Services, 'store' | 'objects'>,
  bucket: string,
  key: string,
  now: () => number,
): Promise<EnrolmentImport | undefined> {
  const uploadId = uploadIdOf(key);
  if (!uploadId) return undefined;
  const { store, objects } = services;
  const run = await store.transaction(async (r) => {
    const found = await r.employers.import(uploadId);
    const free =
      found?.status === 'pending' ||
      (found?.status === 'running' && (found.claimedAt ?? 0) < now() - leaseMs);
    if (!found || !free) return undefined;
    const claimed: EnrolmentImport = { ...found, status: 'running', claimedAt: now() };
    await r.employers.saveImport(claimed);
    return claimed;
  });
  if (!run) return undefined;
  const finish = async (outcome: Partial<EnrolmentImport>) => {
    const finished: EnrolmentImport = { ...run, ...outcome, finishedAt: now() };
    await store.transaction((r) => r.employers.saveImport(finished));
    return finished;
  };

  const contract = await store.transaction((r) => r.employers.contract(run.contractId));
  if (!contract || contract.status === 'cancelled' || contract.endsAt <= now())
    return finish({ status: 'failed', error: 'the contract is no longer in force' });
  let file: Awaited<ReturnType<typeof readEnrolmentCsv>>;
  try {
    file = await readEnrolmentCsv(await objects.getObject(bucket, key));
  } catch (error) {
    if (error instanceof UnreadableFile) return finish({ status: 'failed', error: error.message });
    throw error;
  }

  const codes: [string, string][] = [];
  const { rejected } = file;
  let alreadyEnrolled = 0;
  for (let i = 0; i < file.rows.length; i += chunkRows) {
    const chunk = file.rows.slice(i, i + chunkRows);
    const outcomes = await store.transaction(async (r) => {
      const results = [];
      for (const row of chunk) results.push(await enrol(r, contract, row.employeeRef, now(), run.id));
      return results;
    });
    outcomes.forEach((outcome, j) => {
      const row = chunk[j] as (typeof chunk)[number];
      if (outcome.status === 'enrolled') codes.push([row.employeeRef, outcome.code]);
      else if (outcome.status === 'already_enrolled') alreadyEnrolled++;
      else rejected.push({ ...row, reason: outcome.reason });
    });
  }

  const keys = enrolmentUploadKeys(run.employerId, run.contractId, run.id);
  const lines = rejected.map((r): (string | number)[] => [r.line, r.employeeRef, r.reason]);
  await objects.putObject(bucket, keys.result, toCsv(['line', 'employee_ref', 'reason'], lines), csvType);
  await objects.putObject(bucket, keys.codes, toCsv(['employee_ref', 'activation_code'], codes), csvType);
  return finish({
    status: 'done',
    totalRows: file.rows.length + rejected.length,
    enrolled: codes.length,
    alreadyEnrolled,
    rejected: rejected.length,
  });
}
