import type { Caller } from '../../platform/identity';
import { Problem } from '../../platform/problem';

/**
 * A data-subject request is the patient's own: asking for another patient's data (their export,
 * their history, their erasure) is refused with a code of its own, before anything is looked up.
 */
export function requireOwnData(caller: Caller, patientId: string): void {
  if (caller.role === 'patient' && caller.subject !== patientId)
    throw new Problem(403, 'NOT_YOUR_DATA', 'Access denied', 'A patient may ask only about their own data.');
}
