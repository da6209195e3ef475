import { Problem, type ProblemBody } from '../../platform/problem';
import { RuleBroken } from '../../platform/rule-broken';
import type { Purpose } from './domain/purposes';

/**
 * A flow refused for want of consents; the body lists them (`missingPurposes`) so an app can show
 * exactly those texts (GET /v1/consent-texts) and record them. 409: the request is fine, the
 * patient's state is not yet.
 */
export class ConsentRequired extends Problem {
  constructor(readonly missingPurposes: Purpose[]) {
    super(
      409,
      'CONSENT_REQUIRED',
      'Consent required',
      `The patient has not given (or withdrew) consent to: ${missingPurposes.join(', ')}.`,
    );
  }

  override toBody(instance?: string): ProblemBody & { missingPurposes: Purpose[] } {
    return { ...super.toBody(instance), missingPurposes: this.missingPurposes };
  }
}

export const consentRules = {
  unknownPurpose: (purpose: string) =>
    new RuleBroken('CONSENT_PURPOSE_UNKNOWN', 422, `There is no consent purpose "${purpose}".`),
  unknownVersion: (purpose: string, version: string) =>
    new RuleBroken(
      'CONSENT_VERSION_UNKNOWN',
      422,
      `The ${purpose} consent has no version "${version}"; GET /v1/consent-texts lists the current ones.`,
    ),
  outdatedVersion: (purpose: string, current: string) =>
    new RuleBroken(
      'CONSENT_VERSION_OUTDATED',
      409,
      `The ${purpose} consent is now at version ${current}: show that text and record it.`,
    ),
  recipientRequired: () =>
    new RuleBroken('CONSENT_RECIPIENT_REQUIRED', 422, 'A sharing consent names its recipient.'),
  recipientNotAllowed: () =>
    new RuleBroken('CONSENT_RECIPIENT_NOT_ALLOWED', 422, 'Only a sharing consent names a recipient.'),
  evidenceRequired: () =>
    new RuleBroken(
      'CONSENT_EVIDENCE_REQUIRED',
      422,
      'A consent recorded by the clinic names the signed paper form (evidence.formNumber).',
    ),
  notGiven: (purpose: string) =>
    new RuleBroken('CONSENT_NOT_GIVEN', 409, `There is no ${purpose} consent in force to withdraw.`),
};
