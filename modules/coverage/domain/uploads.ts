/**
 * Where sponsors' uploads and their outputs live in the sponsor bucket. The import trigger
 * fires on `input.csv` only, so the files it writes beside it do not trigger it again.
 */
export function enrolmentUploadKeys(employerId: string, contractId: string, uploadId: string) {
  const dir = `enrolment/${encodeURIComponent(employerId)}/${contractId}/${uploadId}`;
  return { input: `${dir}/input.csv`, result: `${dir}/result.csv`, codes: `${dir}/codes.csv` };
}

export function policyUploadKeys(insurerId: string, productId: string, uploadId: string) {
  const dir = `policies/${encodeURIComponent(insurerId)}/${productId}/${uploadId}`;
  return { input: `${dir}/input.csv`, result: `${dir}/result.csv` };
}

const inputKey = /^(enrolment|policies)\/[^/]+\/[0-9a-f-]{36}\/([0-9a-f-]{36})\/input\.csv$/;

/** The upload an object is the input of: an employer's enrolment file or an insurer's policy file. */
export function uploadOf(key: string): { kind: 'enrolment' | 'policies'; uploadId: string } | undefined {
  const match = inputKey.exec(key);
  return match ? { kind: match[1] as 'enrolment' | 'policies', uploadId: match[2] as string } : undefined;
}
