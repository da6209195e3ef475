/**
 * Where an enrolment upload and its outputs live in the sponsor bucket. The import trigger
 * fires on `input.csv` only, so the files it writes beside it do not trigger it again.
 */
export function enrolmentUploadKeys(employerId: string, contractId: string, uploadId: string) {
  const dir = `enrolment/${encodeURIComponent(employerId)}/${contractId}/${uploadId}`;
  return { input: `${dir}/input.csv`, result: `${dir}/result.csv`, codes: `${dir}/codes.csv` };
}

const inputKey = /^enrolment\/[^/]+\/[0-9a-f-]{36}\/([0-9a-f-]{36})\/input\.csv$/;

export function uploadIdOf(key: string): string | undefined {
  return inputKey.exec(key)?.[1];
}
