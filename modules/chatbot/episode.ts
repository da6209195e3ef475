import { createEvent } from '../../events/envelope';
import { unaffiliated } from '../../platform/identity';
import type { Question, TriageOutcome } from '../triage';
import { loadTriage } from '../triage';
import { crisisDetectedV1 } from '../triage/events';
import { offerSlots } from './booking-steps';
import { inline } from './replies';
import type { Episode } from './state';
import { goTo, languageOf, type Turn, textsOf } from './turn';

/** The triage API's own limit on a complaint. */
const maxComplaintChars = 2000;
/** Follow-ups asked one by one; past this many the answer in hand decides. */
const maxQuestions = 8;

/**
 * The age the words are first read at, before the patient gives theirs: wording on the crisis
 * path (suicidal, self-harm, overdose) does not depend on it, and nobody in crisis is asked
 * anything before the crisis lines.
 */
const provisionalAge = 30;

export async function takeComplaint(turn: Turn, text: string): Promise<void> {
  const t = textsOf(turn);
  const complaint = text.trim();
  if (complaint.length > maxComplaintChars) {
    turn.out.say(t.complaintTooLong);
    return;
  }
  const { triage } = await loadTriage();
  const outcome = triage({ age: provisionalAge, complaint, answers: {} }, languageOf(turn));
  if (!outcome.crisis) {
    goTo(turn, { step: 'age', complaint });
    return turn.out.say(t.askAge);
  }
  // The crisis path: lines and a page to the on-call clinician now; the age only if slots may follow.
  const paged = await record(turn, { complaint, age: null, answers: {}, asked: [] }, outcome);
  sayCrisisHelp(turn, outcome);
  if (!outcome.booking.allowed) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(outcome.instructions.join('\n'));
  }
  goTo(turn, { step: 'age', complaint, paged });
  turn.out.say(t.askAge);
}

export async function takeAge(turn: Turn, step: { complaint: string; paged?: string }, text: string) {
  const age = Number(text.trim());
  if (!/^\d{1,3}$/.test(text.trim()) || age > 120) return turn.out.say(textsOf(turn).badAge);
  await assess(turn, {
    complaint: step.complaint,
    age,
    answers: {},
    asked: [],
    ...(step.paged ? { paged: step.paged } : {}),
  });
}

/** An answer to the open question: yes/no, a number, or undefined for "not sure". */
export async function answer(
  turn: Turn,
  episode: Episode,
  question: Question,
  value: boolean | number | undefined,
) {
  const answers = value === undefined ? episode.answers : { ...episode.answers, [question.id]: value };
  await assess(turn, { ...episode, answers, asked: [...episode.asked, question.id] });
}

export function askQuestion(turn: Turn, episode: Episode, question: Question): void {
  goTo(turn, { step: 'question', episode, question });
  const t = textsOf(turn);
  const n = episode.asked.length;
  const buttons =
    question.answer === 'yes_no'
      ? [
          { text: t.yes, data: `q:${n}:yes` },
          { text: t.no, data: `q:${n}:no` },
          { text: t.dontKnow, data: `q:${n}:skip` },
        ]
      : [{ text: t.cannotMeasure, data: `q:${n}:skip` }];
  // The question restates what the patient described; it names no finding of ours.
  turn.out.say(question.text, inline([buttons]));
}

/**
 * Triage the episode: another question, or a disposition (emergency stops here), then slots.
 * On the crisis path nothing more is asked before the crisis lines; red-flag questions, when the
 * reading is unsure, are all asked before any slot is offered (issue 17 item 4).
 */
async function assess(turn: Turn, episode: Episode): Promise<void> {
  const { triage } = await loadTriage();
  const outcome = triage(
    { age: episode.age, complaint: episode.complaint, answers: episode.answers },
    languageOf(turn),
  );
  const mayAsk = !outcome.crisis || episode.paged !== undefined;
  const next = outcome.questions.find((q) => !episode.asked.includes(q.id));
  if (mayAsk && next && episode.asked.length < maxQuestions) return askQuestion(turn, episode, next);
  const screening = outcome.booking.allowed
    ? outcome.redFlagQuestions.find((q) => !episode.asked.includes(q.id))
    : undefined;
  if (mayAsk && screening)
    return askQuestion(turn, episode, {
      id: screening.id,
      text: screening.text[languageOf(turn)],
      answer: 'yes_no',
    });
  await record(turn, episode, outcome);
  if (!episode.paged) sayCrisisHelp(turn, outcome);
  if (!outcome.booking.allowed) {
    goTo(turn, { step: 'idle' });
    return turn.out.say(outcome.instructions.join('\n'));
  }
  await offerSlots(
    turn,
    {
      specialty: outcome.specialty,
      ...(outcome.booking.withinHours ? { withinHours: outcome.booking.withinHours } : {}),
    },
    turn.patient?.payer ?? { type: 'self' },
  );
}

function sayCrisisHelp(turn: Turn, outcome: TriageOutcome): void {
  const help = outcome.crisis;
  if (help)
    turn.out.say([help.message, ...help.lines.map((line) => `${line.name}: ${line.phone}`)].join('\n'));
}

/**
 * The decision, sealed, with its audit row and, on the crisis path, the on-call escalation (once
 * per episode: a crisis paged on the words is not paged again when the age comes). Its id.
 */
async function record(
  turn: Turn,
  episode: Omit<Episode, 'age'> & { age: number | null },
  outcome: TriageOutcome,
): Promise<string> {
  const { repos, deps } = turn;
  const patientId = turn.patient?.patientId ?? null;
  const triageId = crypto.randomUUID();
  await repos.triageDecisions.create({
    id: triageId,
    tenantId: unaffiliated,
    patientId,
    kind: 'symptoms',
    ruleSetVersion: outcome.ruleSetVersion,
    disposition: outcome.disposition,
    inputs: { complaint: episode.complaint, age: episode.age, answers: episode.answers, channel: 'telegram' },
    outcome: {
      disposition: outcome.disposition,
      specialty: outcome.specialty,
      redFlags: outcome.redFlags.map((flag) => flag.id),
      questions: episode.asked,
      crisisSeverity: outcome.crisis?.severity ?? null,
      ...(episode.paged ? { crisisPagedBy: episode.paged } : {}),
    },
  });
  await repos.audit.record({
    tenantId: unaffiliated,
    action: 'create',
    resourceType: 'triage_decision',
    resourceId: triageId,
    subjectId: patientId,
    actor: { subject: patientId ?? 'telegram', role: 'patient' },
  });
  if (outcome.crisis && !episode.paged) {
    const event = createEvent(
      crisisDetectedV1,
      { triageId, patientId },
      { correlationId: deps.correlationId, tenant: unaffiliated },
    );
    await repos.outbox.add(crisisDetectedV1.queue, event);
  }
  return triageId;
}
