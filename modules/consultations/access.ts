import type { Caller } from '../../platform/identity';
import type { Contract } from './domain/contract';

/** The contract's patient and doctor, and the clinic's admin; nobody else, sponsors never. */
export function canSeeContract(caller: Caller, contract: Contract): boolean {
  if (caller.role === 'patient') return caller.subject === contract.patientId;
  if (caller.role === 'doctor') return caller.subject === contract.doctorId;
  if (caller.role === 'clinic_admin') return caller.clinicId === contract.clinicId;
  return false;
}

/** Only the two parties write in the thread. */
export function authorIn(
  caller: Caller,
  contract: Contract,
): { role: 'patient' | 'doctor'; id: string } | undefined {
  if (caller.role === 'patient' && caller.subject === contract.patientId)
    return { role: 'patient', id: caller.subject };
  if (caller.role === 'doctor' && caller.subject === contract.doctorId)
    return { role: 'doctor', id: caller.subject };
  return undefined;
}
