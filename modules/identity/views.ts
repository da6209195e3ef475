import type { Assurance } from './domain/assurance';

/** A party's assurance as the API shows it: times in ISO, nothing personal. */
export function assuranceView(assurance: Assurance) {
  const { verification, register } = assurance;
  return {
    kind: assurance.kind,
    id: assurance.id,
    level: assurance.level,
    verification: verification && {
      issuer: verification.issuer,
      trustFramework: verification.trustFramework,
      assuranceLevel: verification.assuranceLevel,
      verifiedAt: new Date(verification.verifiedAt).toISOString(),
      transaction: verification.transaction,
      claims: verification.claims,
      recordedAt: new Date(verification.recordedAt).toISOString(),
    },
    register: register && {
      register: register.register,
      found: register.found,
      entryId: register.entryId,
      checkedAt: new Date(register.checkedAt).toISOString(),
    },
  };
}
