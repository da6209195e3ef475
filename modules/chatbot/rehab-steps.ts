import {
  atHomePreCheck,
  completeAtHome,
  reportAtHome,
  type SessionOutcome,
  type Symptom,
  startAtHome,
  symptomLabels,
  symptomNames,
  todayAtHome,
} from '../rehabilitation';
import { rehabTexts } from './rehab-texts';
import { type Button, inline } from './replies';
import type { RestCheck } from './state';
import { goTo, languageOf, refusalCode, type Turn } from './turn';

/**
 * Sessions at home through the bot: /rehab shows today's exercises; «Начать занятие» takes the
 * checks at rest (pressure, pulse, SpO2, symptoms) one by one, each may be skipped but the
 * symptoms; rehabilitation judges them, and a stop ends the dialogue with its instruction (an
 * emergency's is 103/112). During the session «Мне плохо» reports a symptom; «Занятие выполнено»
 * asks the effort and the pain and records the session.
 */

const textsOf = (turn: Turn) => rehabTexts[languageOf(turn)];
const context = (turn: Turn) => ({ now: turn.now, correlationId: turn.deps.correlationId });

function explain(turn: Turn, code: string) {
  const t = textsOf(turn);
  goTo(turn, { step: 'idle' });
  if (code === 'REHAB_PLAN_ENDED') return turn.out.say(t.planEnded);
  if (code === 'REHAB_PLAN_NOT_STARTED') return turn.out.say(t.notStarted);
  if (code === 'REHAB_SESSION_IN_PROGRESS') return sessionUnderWay(turn, t.underWay);
  if (code === 'REHAB_NO_SESSION_IN_PROGRESS') return turn.out.say(t.noSession);
  if (code === 'REHAB_VITALS_IMPOSSIBLE') {
    turn.out.say(t.impossible);
    return askPressure(turn);
  }
  turn.out.say(t.noPlan);
}

export async function showToday(turn: Turn): Promise<void> {
  const patientId = turn.patient?.patientId as string;
  const today = await turn.attempt(() => todayAtHome(turn.repos, patientId, turn.now));
  if (!today.ok) return explain(turn, refusalCode(today.refusal));
  const t = textsOf(turn);
  if (today.value.sessionOpen) return sessionUnderWay(turn, t.underWay);
  const language = languageOf(turn);
  // Names and amounts only: an exercise's instructions can name what it treats (the operated leg,
  // the weaker arm), and nothing that tells a condition goes to Telegram, whose servers are abroad.
  const list = today.value.exercises.map((e, i) => `${i + 1}. ${e.name[language]} — ${t.dosage(e)}`);
  goTo(turn, { step: 'rehab_today' });
  turn.out.say(
    [t.today, ...list, t.instructionsInApp].join('\n\n'),
    inline([[{ text: t.begin, data: 'rehab:start' }]]),
  );
}

export function askPressure(turn: Turn): void {
  goTo(turn, { step: 'rehab_pressure' });
  const t = textsOf(turn);
  turn.out.say(t.askPressure, inline([[{ text: t.notMeasured, data: 'rehab:skip' }]]));
}

/** The next check at rest after one given (or skipped); the symptoms are always asked. */
export function askNext(turn: Turn, after: 'pressure' | 'pulse' | 'spo2', check: RestCheck) {
  const t = textsOf(turn);
  const skip = inline([[{ text: t.notMeasured, data: 'rehab:skip' }]]);
  if (after === 'pressure') {
    goTo(turn, { step: 'rehab_pulse', check });
    return turn.out.say(t.askPulse, skip);
  }
  if (after === 'pulse') {
    goTo(turn, { step: 'rehab_spo2', check });
    return turn.out.say(t.askSpo2, skip);
  }
  goTo(turn, { step: 'rehab_symptoms', check });
  turn.out.say(t.askSymptoms, symptomButtons(turn, 'rs', t.noneOfThese));
}

/** A value typed at a check step: kept when within the bounds any real value has, else asked again. */
export function takeCheckValue(turn: Turn, step: 'pressure' | 'pulse' | 'spo2', text: string) {
  const t = textsOf(turn);
  const check = 'check' in turn.conversation.step ? turn.conversation.step.check : {};
  let value: RestCheck;
  if (step === 'pressure') {
    const bp = text.trim().match(/^(\d{2,3})\s*[/\\]\s*(\d{2,3})$/);
    if (!bp) return turn.out.say(t.badPressure);
    value = { systolic: Number(bp[1]), diastolic: Number(bp[2]) };
    if (value.diastolic !== undefined && value.systolic !== undefined && value.diastolic >= value.systolic)
      return turn.out.say(t.pressureImpossible);
  } else {
    if (!/^\d{1,3}$/.test(text.trim())) return turn.out.say(t.impossible);
    value = step === 'pulse' ? { heartRate: Number(text.trim()) } : { spo2: Number(text.trim()) };
  }
  if (!atHomePreCheck.safeParse({ ...value, symptoms: [] }).success) return turn.out.say(t.impossible);
  askNext(turn, step, { ...check, ...value });
}

function symptomButtons(turn: Turn, kind: 'rs' | 'ru', none: string) {
  const language = languageOf(turn);
  const buttons: Button[] = symptomNames.map((s, i) => ({
    text: symptomLabels[s][language],
    data: `${kind}:${i}`,
  }));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return inline([...rows, [{ text: none, data: `${kind}:none` }]]);
}

const symptomAt = (index: string): Symptom[] | undefined => {
  if (index === 'none') return [];
  const symptom = symptomNames[Number(index)];
  return /^\d+$/.test(index) && symptom ? [symptom] : undefined;
};

/** The symptoms close the checks: rehabilitation judges them all and the session starts or stops. */
export async function onRestSymptoms(turn: Turn, check: RestCheck, index: string): Promise<boolean> {
  const symptoms = symptomAt(index);
  if (!symptoms) return false;
  const patientId = turn.patient?.patientId as string;
  const started = await turn.attempt(() =>
    startAtHome(turn.repos, patientId, { ...check, symptoms }, context(turn)),
  );
  if (!started.ok) explain(turn, refusalCode(started.refusal));
  else if (started.value.status === 'stopped') sayStop(turn, started.value);
  else sessionUnderWay(turn, textsOf(turn).go);
  return true;
}

function sessionUnderWay(turn: Turn, text: string): void {
  const t = textsOf(turn);
  goTo(turn, { step: 'rehab_session' });
  turn.out.say(
    text,
    inline([
      [
        { text: t.done, data: 'rehab:done' },
        { text: t.unwell, data: 'rehab:unwell' },
      ],
    ]),
  );
}

function sayStop(turn: Turn, outcome: SessionOutcome): void {
  goTo(turn, { step: 'idle' });
  turn.out.say(outcome.instructions?.[languageOf(turn)] ?? textsOf(turn).noSession);
}

export function askWhatIsWrong(turn: Turn): void {
  const t = textsOf(turn);
  goTo(turn, { step: 'rehab_unwell' });
  turn.out.say(t.whatIsWrong, symptomButtons(turn, 'ru', t.allRight));
}

/** A symptom during the session stops it (red flags through triage); «all right» goes back. */
export async function onUnwell(turn: Turn, index: string): Promise<boolean> {
  const symptoms = symptomAt(index);
  if (!symptoms) return false;
  if (!symptoms.length) {
    sessionUnderWay(turn, textsOf(turn).underWay);
    return true;
  }
  const patientId = turn.patient?.patientId as string;
  const reported = await turn.attempt(() => reportAtHome(turn.repos, patientId, { symptoms }, context(turn)));
  if (!reported.ok) explain(turn, refusalCode(reported.refusal));
  else if (reported.value.status === 'stopped') sayStop(turn, reported.value);
  else sessionUnderWay(turn, textsOf(turn).underWay);
  return true;
}

export function askEffort(turn: Turn): void {
  goTo(turn, { step: 'rehab_effort' });
  turn.out.say(textsOf(turn).askEffort);
}

export function takeEffort(turn: Turn, text: string) {
  const t = textsOf(turn);
  const rpe = Number(text.trim());
  if (!/^\d{1,2}$/.test(text.trim()) || rpe < 6 || rpe > 20) return turn.out.say(t.badEffort);
  askPain(turn, rpe);
}

export function askPain(turn: Turn, rpe: number): void {
  goTo(turn, { step: 'rehab_pain', rpe });
  const scale = Array.from({ length: 11 }, (_, n) => ({ text: String(n), data: `rp:${n}` }));
  turn.out.say(textsOf(turn).askPain, inline([scale.slice(0, 6), scale.slice(6)]));
}

export async function onPain(turn: Turn, rpe: number, value: string): Promise<boolean> {
  const pain = Number(value);
  if (!/^\d{1,2}$/.test(value) || pain > 10) return false;
  const patientId = turn.patient?.patientId as string;
  const done = await turn.attempt(() => completeAtHome(turn.repos, patientId, { rpe, pain }, context(turn)));
  if (!done.ok) explain(turn, refusalCode(done.refusal));
  // A device's reading during the session crossed a threshold: the session stops instead.
  else if (done.value.status === 'stopped') sayStop(turn, done.value);
  else {
    goTo(turn, { step: 'idle' });
    turn.out.say(textsOf(turn).recorded);
  }
  return true;
}
