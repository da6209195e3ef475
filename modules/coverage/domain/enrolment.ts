import { createHash, randomInt } from 'node:crypto';

/** No 0/O or 1/I: codes are read off paper and typed on phones. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time activation code, XXXX-XXXX-XXXX (60 bits). Only its hash is stored. */
export function newActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const codeHash = (code: string) => sha256(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));

/** The employer's reference, hashed with the contract: the same person enrolled twice is one row. */
export const refHash = (contractId: string, employeeRef: string) =>
  sha256(`${contractId}\n${employeeRef.trim().toLowerCase()}`);

const refPattern = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;

/** Why an employee reference cannot be enrolled, or undefined when it can. */
export function refProblem(employeeRef: string): string | undefined {
  const ref = employeeRef.trim();
  if (!ref) return 'employee_ref is empty';
  if (ref.length > 64) return 'employee_ref is longer than 64 characters';
  if (!refPattern.test(ref)) return 'employee_ref may hold only letters, digits and . _ / -';
  return undefined;
}
