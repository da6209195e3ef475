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

export function takeComplaint(turn: Turn, text: string): void {
  const t = textsOf(turn);
  const complaint = text.trim();
  if (complaint.length > maxComplaintChars) {
    turn.out.say(t.complaintTooLong);
    return;
  }
  goTo(turn, { step: 'age', complaint });
  turn.out.say(t.askAge);
}

export async function takeAge(turn: Turn, complaint: string, text: string): Promise<void> {
  const age = Number(text.trim());
  if (!/^\d{1,3}$/.test(text.trim()) || age > 120) return turn.out.say(textsOf(turn).badAge);
  await assess(turn, { complaint, age, answers: {}, asked: [] });
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

/** Triage the episode: another question, or a disposition (emergency stops here), then slots. */
async function assess(turn: Turn, episode: Episode): Promise<void> {
  const { triage } = await loadTriage();
  const outcome = triage(
    { age: episode.age, complaint: episode.complaint, answers: episode.answers },
    languageOf(turn),
  );
  const next = outcome.questions.find((q) => !episode.asked.includes(q.id));
  if (next && episode.asked.length < maxQuestions) return askQuestion(turn, episode, next);
  await record(turn, episode, outcome);
  if (outcome.crisis) {
    const help = outcome.crisis;
    turn.out.say([help.message, ...help.lines.map((line) => `${line.name}: ${line.phone}`)].join('\n'));
  }
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

/** The decision, sealed, with its audit row and, on the crisis path, the on-call escalation. */
async function record(turn: Turn, episode: Episode, outcome: TriageOutcome): Promise<void> {
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
    },
  });
  await repos.audit.record({
    tenantId: unaffiliated,
    action: 'create',
    resourceType: 'triage_decision',
    resourceId: triageId,
    actor: { subject: patientId ?? 'telegram', role: 'patient' },
  });
  if (outcome.crisis) {
    const event = createEvent(
      crisisDetectedV1,
      { triageId, patientId },
      { correlationId: deps.correlationId, tenant: unaffiliated },
    );
    await repos.outbox.add(crisisDetectedV1.queue, event);
  }
}
