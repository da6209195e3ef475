import type { Caller } from './identity';

/** Whose a record is: the person it is about, and the clinic that keeps it (none for unaffiliated). */
export interface Owner {
  personId: string;
  clinicId: string | null | undefined;
}

/**
 * The one rule for acting on what belongs to a person: the person themself; staff of the clinic
 * that keeps it; a service token, for its clinic only when it names one. Insurers and employers
 * never act on a person's records. Every route that takes an id naming a person's record resolves
 * the record first and asks this before using it.
 */
export function mayActOn(caller: Caller, owner: Owner): boolean {
  switch (caller.role) {
    case 'patient':
      return caller.subject === owner.personId;
    case 'doctor':
    case 'clinic_admin':
      return Boolean(caller.clinicId) && caller.clinicId === owner.clinicId;
    case 'service':
      return !caller.clinicId || caller.clinicId === owner.clinicId;
    default:
      return false;
  }
}
