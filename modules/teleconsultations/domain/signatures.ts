import { RuleBroken } from '../../../platform/rule-broken';

export const signatureRules = {
  notConcluded: () =>
    new RuleBroken('TELECONSULTATION_STATE', 409, 'Only a concluded teleconsultation is signed.'),
  alreadySigned: () => new RuleBroken('ALREADY_SIGNED', 409, 'You have already signed this conclusion.'),
};

/** The conclusion is the consilium's once every member has signed it and each signature verifies. */
export function fullySigned(
  consultantIds: string[],
  signatures: { signerId: string; valid: boolean }[],
): boolean {
  return consultantIds.every((id) => signatures.some((s) => s.signerId === id && s.valid));
}
