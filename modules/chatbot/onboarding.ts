import { giveBundle, missingConsents, requiredFor } from '../consents';
import { activate, linkPolicy, sponsorRules } from '../coverage';
import { chatbotPurposes, consentText, consentVersion } from './consent';
import { rememberPatient } from './remember-patient';
import { contactRequest, inline, removeKeyboard } from './replies';
import { goTo, languageOf, refusalCode, type Turn, textsOf } from './turn';
import { defaultZone, zones } from './zones';

/**
 * /start: consent first (again when its wording changed, or a consent a booking needs was
 * withdrawn elsewhere, e.g. in the app), then the phone, then the complaint.
 */
export async function begin(turn: Turn): Promise<void> {
  const { patient } = turn;
  if (!patient || patient.consentVersion !== consentVersion) return askConsent(turn);
  if ((await missingConsents(turn.repos, patient.patientId, requiredFor.booking)).length)
    return askConsent(turn);
  if (!patient.phone) return askContact(turn);
  goTo(turn, { step: 'complaint' });
  turn.out.say(textsOf(turn).askComplaint, removeKeyboard);
}

export function askConsent(turn: Turn): void {
  goTo(turn, { step: 'consent' });
  const t = textsOf(turn);
  const other = languageOf(turn) === 'ru' ? 'en' : 'ru';
  turn.out.say(
    consentText[languageOf(turn)],
    inline([
      [
        { text: t.agree, data: 'consent:yes' },
        { text: t.decline, data: 'consent:no' },
      ],
      [{ text: t.switchLanguage, data: `lang:${other}` }],
    ]),
  );
}

export async function onConsent(turn: Turn, agreed: boolean): Promise<void> {
  if (!agreed) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(textsOf(turn).declined);
  }
  const { userId } = turn.incoming;
  const language = languageOf(turn);
  turn.patient = {
    telegramUserId: userId,
    patientId: turn.patient?.patientId ?? crypto.randomUUID(),
    language,
    timeZone: turn.patient?.timeZone ?? defaultZone,
    phone: turn.patient?.phone ?? null,
    payer: turn.patient?.payer ?? null,
    consentVersion,
    consentedAt: turn.now,
  };
  await rememberPatient(turn);
  await turn.repos.chatbot.recordConsent(userId, consentVersion, language);
  // The same records an app patient's consents make, with the button press as evidence.
  await giveBundle(turn.repos, chatbotPurposes, {
    patientId: turn.patient.patientId,
    language,
    channel: 'chatbot',
    evidence: {
      telegramUserId: userId,
      ...(turn.incoming.kind === 'button' ? { callbackQueryId: turn.incoming.callbackQueryId } : {}),
    },
    actor: { subject: `telegram:${userId}`, role: 'patient' },
    now: turn.now,
  });
  return begin(turn);
}

export function askContact(turn: Turn): void {
  goTo(turn, { step: 'contact' });
  const t = textsOf(turn);
  turn.out.say(t.askContact, contactRequest(t.shareContact));
}

export async function onContact(turn: Turn, phone: string, own: boolean): Promise<void> {
  const t = textsOf(turn);
  if (!own || !turn.patient) return turn.out.say(t.notOwnContact, contactRequest(t.shareContact));
  // Telegram sends numbers with or without '+' ("+380…", "88005553535"); keep the digits as given.
  turn.patient = {
    ...turn.patient,
    phone: `${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`,
  };
  await rememberPatient(turn);
  turn.out.say(t.contactSaved, removeKeyboard);
  askCoverage(turn);
}

/** Sponsors exist in this backend: an employer's code or an insurer's policy pays for visits. */
export function askCoverage(turn: Turn): void {
  goTo(turn, { step: 'coverage' });
  const t = textsOf(turn);
  turn.out.say(
    t.askCoverage,
    inline([
      [
        { text: t.coverageCode, data: 'cov:code' },
        { text: t.coveragePolicy, data: 'cov:policy' },
      ],
      [{ text: t.skip, data: 'cov:skip' }],
    ]),
  );
}

export function onCoverageChoice(turn: Turn, choice: string): void {
  const t = textsOf(turn);
  if (choice !== 'code' && choice !== 'policy') {
    askZone(turn);
    return;
  }
  goTo(turn, { step: choice === 'code' ? 'coverage_code' : 'coverage_policy' });
  turn.out.say(choice === 'code' ? t.askCode : t.askPolicy, inline([[{ text: t.skip, data: 'cov:skip' }]]));
}

export async function onActivationCode(turn: Turn, code: string): Promise<void> {
  const patient = turn.patient;
  if (!patient) return;
  const activated = await turn.attempt(() => activate(turn.repos, patient.patientId, code.trim(), turn.now));
  if (!activated.ok) return explainCoverageRefusal(turn, refusalCode(activated.refusal));
  const { contract } = activated.value;
  turn.patient = { ...patient, payer: { type: 'corporate', contractId: contract.id } };
  await rememberPatient(turn);
  turn.out.say(textsOf(turn).linked(contract.companyName));
  askZone(turn);
}

/** "<number> DD.MM.YYYY": the number may hold spaces, so the date is the last word. */
export async function onPolicy(turn: Turn, text: string): Promise<void> {
  const patient = turn.patient;
  const parsed = text.trim().match(/^(.{1,64}?)\s+(\d{2})\.(\d{2})\.(\d{4})$/);
  if (!patient || !parsed) return turn.out.say(textsOf(turn).policyFormat);
  const [, number = '', day, month, year] = parsed;
  const birthDate = `${year}-${month}-${day}`;
  const linked = await turn.attempt(async () => {
    // The patient knows their number, not the insurer's id: look for it with every insurer.
    const matches = [];
    for (const insurerId of await turn.repos.insurers.insurerIds()) {
      const policy = await turn.repos.insurers.policyByNumber(insurerId, number.trim());
      if (policy?.holderBirthDate === birthDate) matches.push(policy);
    }
    const [only] = matches;
    if (!only || matches.length > 1) throw sponsorRules.coverageNotFound();
    const policy = await linkPolicy(
      turn.repos,
      patient.patientId,
      { insurerId: only.insurerId, number: only.number, birthDate },
      turn.now,
    );
    return { policy, product: await turn.repos.insurers.product(policy.productId) };
  });
  if (!linked.ok) return explainCoverageRefusal(turn, refusalCode(linked.refusal));
  turn.patient = { ...patient, payer: { type: 'policy', policyId: linked.value.policy.id } };
  await rememberPatient(turn);
  turn.out.say(textsOf(turn).linked(linked.value.product?.name ?? linked.value.policy.number));
  askZone(turn);
}

function explainCoverageRefusal(turn: Turn, code: string): void {
  const t = textsOf(turn);
  turn.out.say(
    code === 'COVERAGE_NOT_FOUND' ? t.coverageNotFound : t.coverageRefused,
    inline([[{ text: t.skip, data: 'cov:skip' }]]),
  );
}

export function askZone(turn: Turn): void {
  goTo(turn, { step: 'zone' });
  const language = languageOf(turn);
  const buttons = zones.map((zone, i) => ({
    text: `${zone[language]} (UTC+${zone.offset})`,
    data: `tz:${i}`,
  }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  turn.out.say(textsOf(turn).askZone, inline(rows));
}

export async function onZone(turn: Turn, index: number): Promise<void> {
  const zone = zones[index];
  if (!zone || !turn.patient) return;
  turn.patient = { ...turn.patient, timeZone: zone.id };
  await rememberPatient(turn);
  goTo(turn, { step: 'complaint' });
  turn.out.say(textsOf(turn).askComplaint);
}
