import type { Repositories } from '../../platform/store';
import { currentText, textAt, textHash } from './catalogue';
import { isPurpose, needsRecipient, type Purpose } from './domain/purposes';
import { type ConsentChannel, type ConsentRecord, standingKey, standingOf } from './domain/standing';
import type { ConsentLanguage } from './domain/texts';
import { ConsentRequired, consentRules } from './rules';

export interface Recording {
  patientId: string;
  channel: ConsentChannel;
  evidence: Record<string, string>;
  actor: { subject: string; role: string };
  now: number;
}

export interface Giving extends Recording {
  purpose: string;
  version: string;
  language: ConsentLanguage;
  recipient?: string | undefined;
}

/** A purpose the catalogue knows, with a recipient exactly when it names one. */
function checkedPurpose(purpose: string, recipient: string | undefined): Purpose {
  if (!isPurpose(purpose)) throw consentRules.unknownPurpose(purpose);
  if (needsRecipient(purpose) && !recipient) throw consentRules.recipientRequired();
  if (!needsRecipient(purpose) && recipient) throw consentRules.recipientNotAllowed();
  return purpose;
}

/** After the patient's latest record, even within one millisecond: the history keeps its order. */
const nextInstant = (history: readonly ConsentRecord[], now: number) =>
  Math.max(now, (history[history.length - 1]?.recordedAt ?? 0) + 1);

/**
 * Records a consent to one purpose at the current version of its text, with the hash of the text
 * shown in the patient's language. Giving again what already stands records nothing new.
 */
export async function giveConsent(
  repos: Repositories,
  giving: Giving,
): Promise<{ record: ConsentRecord; created: boolean }> {
  const purpose = checkedPurpose(giving.purpose, giving.recipient);
  const text = textAt(purpose, giving.version);
  if (!text) throw consentRules.unknownVersion(purpose, giving.version);
  const current = currentText(purpose);
  if (text.version !== current.version) throw consentRules.outdatedVersion(purpose, current.version);
  const recipient = giving.recipient ?? null;
  const history = await repos.consents.of(giving.patientId);
  const standing = standingOf(history).get(standingKey(purpose, recipient));
  if (standing?.action === 'given' && standing.version === text.version)
    return { record: standing, created: false };
  const record: ConsentRecord = {
    id: crypto.randomUUID(),
    patientId: giving.patientId,
    purpose,
    recipient,
    action: 'given',
    version: text.version,
    textHash: textHash(text[giving.language]),
    language: giving.language,
    channel: giving.channel,
    evidence: giving.evidence,
    recordedBy: giving.actor.subject,
    recordedByRole: giving.actor.role,
    recordedAt: nextInstant(history, giving.now),
  };
  await repos.consents.add(record);
  return { record, created: true };
}

/** Records a withdrawal of a consent in force; what it changes is said by `withdrawalEffects`. */
export async function withdrawConsent(
  repos: Repositories,
  withdrawal: Recording & { purpose: string; recipient?: string | undefined },
): Promise<ConsentRecord> {
  const purpose = checkedPurpose(withdrawal.purpose, withdrawal.recipient);
  const recipient = withdrawal.recipient ?? null;
  const history = await repos.consents.of(withdrawal.patientId);
  const standing = standingOf(history).get(standingKey(purpose, recipient));
  if (standing?.action !== 'given') throw consentRules.notGiven(purpose);
  const record: ConsentRecord = {
    id: crypto.randomUUID(),
    patientId: withdrawal.patientId,
    purpose,
    recipient,
    action: 'withdrawn',
    version: standing.version,
    textHash: null,
    language: null,
    channel: withdrawal.channel,
    evidence: withdrawal.evidence,
    recordedBy: withdrawal.actor.subject,
    recordedByRole: withdrawal.actor.role,
    recordedAt: nextInstant(history, withdrawal.now),
  };
  await repos.consents.add(record);
  return record;
}

/** The purposes of `needed` the patient has not given, or withdrew. */
export async function missingConsents(
  repos: Repositories,
  patientId: string,
  needed: readonly Purpose[],
): Promise<Purpose[]> {
  const standing = standingOf(await repos.consents.of(patientId));
  return needed.filter((purpose) => standing.get(standingKey(purpose, null))?.action !== 'given');
}

/**
 * The gate every flow that needs consents passes, inside its transaction: throws CONSENT_REQUIRED
 * naming each purpose not given (or withdrawn), so nothing of the flow is written.
 */
export async function requireConsents(
  repos: Repositories,
  patientId: string,
  needed: readonly Purpose[],
): Promise<void> {
  const missing = await missingConsents(repos, patientId, needed);
  if (missing.length) throw new ConsentRequired(missing);
}

/** Whether the patient withdrew a purpose they had given (never asked is not withdrawn). */
export async function hasWithdrawn(
  repos: Repositories,
  patientId: string,
  purpose: Purpose,
): Promise<boolean> {
  return (
    standingOf(await repos.consents.of(patientId)).get(standingKey(purpose, null))?.action === 'withdrawn'
  );
}
