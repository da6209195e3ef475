import { toCsv } from '../../../platform/csv';
import type { Services } from '../../../platform/services';
import { enrol } from '../corporate';
import { enrolmentUploadKeys } from '../domain/uploads';
import type { EnrolmentImport } from '../repositories/employers';
import { readEnrolmentCsv } from './enrolment-csv';
import { UnreadableFile } from './read-csv';
import { applyInChunks, claim, csvType } from './upload-run';
import { readUploadedFile } from './uploaded-file';

/**
 * Imports one uploaded enrolment file: valid rows are enrolled, invalid ones listed with
 * their lines and reasons in result.csv beside it, new codes in codes.csv. An upload is
 * imported once, however often the trigger fires; another upload of the same file finds
 * everyone already enrolled and changes nothing.
 */
export async function importEnrolment(
  services: Pick<Services, 'store' | 'objects'>,
  upload: { bucket: string; key: string; uploadId: string },
  now: () => number,
): Promise<EnrolmentImport | undefined> {
  const { store, objects } = services;
  const run = await store.transaction(async (r) => {
    const claimed = claim(await r.employers.import(upload.uploadId), now());
    if (claimed) await r.employers.saveImport(claimed);
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
    file = await readEnrolmentCsv(await readUploadedFile(objects, upload));
  } catch (error) {
    if (error instanceof UnreadableFile) return finish({ status: 'failed', error: error.message });
    throw error;
  }

  const codes: [string, string][] = [];
  const { rejected } = file;
  let alreadyEnrolled = 0;
  const outcomes = await applyInChunks(store, file.rows, (r, row) =>
    enrol(r, contract, row.employeeRef, now(), run.id),
  );
  outcomes.forEach((outcome, i) => {
    const row = file.rows[i] as (typeof file.rows)[number];
    if (outcome.status === 'enrolled') codes.push([row.employeeRef, outcome.code]);
    else if (outcome.status === 'already_enrolled') alreadyEnrolled++;
    else rejected.push({ ...row, reason: outcome.reason });
  });

  const keys = enrolmentUploadKeys(run.employerId, run.contractId, run.id);
  const lines = rejected.map((r): (string | number)[] => [r.line, r.employeeRef, r.reason]);
  await objects.putObject(
    upload.bucket,
    keys.result,
    toCsv(['line', 'employee_ref', 'reason'], lines),
    csvType,
  );
  await objects.putObject(
    upload.bucket,
    keys.codes,
    toCsv(['employee_ref', 'activation_code'], codes),
    csvType,
  );
  return finish({
    status: 'done',
    totalRows: file.rows.length + rejected.length,
    enrolled: codes.length,
    alreadyEnrolled,
    rejected: rejected.length,
  });
}
