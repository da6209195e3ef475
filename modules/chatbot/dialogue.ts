import {
  listAppointments,
  offerSlots,
  onCancel,
  onConfirm,
  onMove,
  onSlot,
  ownAppointment,
  pickAppointment,
  showSlots,
} from './booking-steps';
import { answer, askQuestion, takeAge, takeComplaint } from './episode';
import {
  askConsent,
  askContact,
  askCoverage,
  askZone,
  begin,
  onActivationCode,
  onConsent,
  onContact,
  onCoverageChoice,
  onPolicy,
  onZone,
} from './onboarding';
import {
  askEffort,
  askNext,
  askPain,
  askPressure,
  askWhatIsWrong,
  onPain,
  onRestSymptoms,
  onUnwell,
  showToday,
  takeCheckValue,
  takeEffort,
} from './rehab-steps';
import { rehabTexts } from './rehab-texts';
import { rememberPatient } from './remember-patient';
import type { BotLanguage } from './repositories/chatbot';
import type { Command } from './routing';
import { languageOf, type Turn, textsOf } from './turn';

/**
 * The dialogue: consent → phone → coverage → zone → complaint → age → follow-up questions →
 * disposition (an emergency stops there) → slots → hold → confirm; /my, /cancel, /reschedule
 * and /lang at any time; /rehab runs a session at home (rehab-steps.ts). Each update moves the chat's state one step.
 */
export async function converse(turn: Turn): Promise<void> {
  const { incoming } = turn;
  switch (incoming.kind) {
    case 'command':
      return onCommand(turn, incoming.command);
    case 'button': {
      const known = await onButton(turn, incoming.data);
      return turn.out.answer(incoming.callbackQueryId, known ? undefined : textsOf(turn).staleButton);
    }
    case 'contact': {
      const awaited = turn.conversation.step.step === 'contact' || (turn.patient && !turn.patient.phone);
      return awaited && turn.patient ? onContact(turn, incoming.phone, incoming.own) : prompt(turn);
    }
    case 'text':
      return onText(turn, incoming.text);
    case 'unsupported':
      if (turn.patient) turn.out.say(textsOf(turn).textOnly);
      return prompt(turn);
  }
}

async function onCommand(turn: Turn, command: Command): Promise<void> {
  if (command === 'start') return begin(turn);
  if (command === 'lang') {
    await setLanguage(turn, languageOf(turn) === 'ru' ? 'en' : 'ru');
    turn.out.say(textsOf(turn).languageSet);
    return prompt(turn);
  }
  if (!turn.patient?.phone) return turn.out.say(textsOf(turn).startFirst);
  if (command === 'my') return listAppointments(turn);
  if (command === 'rehab') return showToday(turn);
  return pickAppointment(turn, command === 'cancel' ? 'cancel' : 'move');
}

async function onText(turn: Turn, text: string): Promise<void> {
  if (text.startsWith('/')) return turn.out.say(textsOf(turn).unknownCommand);
  const { step } = turn.conversation;
  switch (step.step) {
    case 'coverage_code':
      return onActivationCode(turn, text);
    case 'coverage_policy':
      return onPolicy(turn, text);
    case 'zone':
      // No zone chosen: Moscow stays, and the text is taken as the complaint.
      return takeComplaint(turn, text);
    case 'complaint':
      return takeComplaint(turn, text);
    case 'age':
      return takeAge(turn, step, text);
    case 'rehab_pressure':
      return takeCheckValue(turn, 'pressure', text);
    case 'rehab_pulse':
      return takeCheckValue(turn, 'pulse', text);
    case 'rehab_spo2':
      return takeCheckValue(turn, 'spo2', text);
    case 'rehab_effort':
      return takeEffort(turn, text);
    case 'question': {
      const value = Number(text.trim().replace(',', '.'));
      if (step.question.answer !== 'number' || !/^\d{1,3}([.,]\d{1,2})?$/.test(text.trim()))
        return turn.out.say(textsOf(turn).badNumber);
      return answer(turn, step.episode, step.question, value);
    }
    default:
      return prompt(turn);
  }
}

/** Runs a button's action; false when the button belongs to another step or is not ours. */
async function onButton(turn: Turn, data: string): Promise<boolean> {
  const [kind, a = '', b = ''] = data.split(':');
  const { step } = turn.conversation;
  switch (kind) {
    case 'lang':
      if (a !== 'ru' && a !== 'en') return false;
      await setLanguage(turn, a);
      await prompt(turn);
      return true;
    case 'consent':
      if (step.step !== 'consent') return false;
      await onConsent(turn, a === 'yes');
      return true;
    case 'cov':
      if (!turn.patient || !['coverage', 'coverage_code', 'coverage_policy'].includes(step.step))
        return false;
      onCoverageChoice(turn, a);
      return true;
    case 'tz':
      if (step.step !== 'zone' || !turn.patient) return false;
      await onZone(turn, Number(a));
      return true;
    case 'q': {
      if (step.step !== 'question' || Number(a) !== step.episode.asked.length) return false;
      const value = { yes: true, no: false, skip: undefined }[b];
      if (!['yes', 'no', 'skip'].includes(b) || (step.question.answer === 'number' && b !== 'skip'))
        return false;
      await answer(turn, step.episode, step.question, value);
      return true;
    }
    case 'slot':
    case 'self':
      if (
        (step.step !== 'slots' && step.step !== 'held') ||
        step.list.id !== a ||
        !step.list.options[Number(b)]
      )
        return false;
      await onSlot(turn, step.list, Number(b), kind === 'self' ? { type: 'self' } : step.payer);
      return true;
    case 'other':
      if ((step.step !== 'slots' && step.step !== 'held') || step.list.id !== a) return false;
      await offerSlots(turn, step.list.search, step.payer);
      return true;
    case 'confirm': {
      const appointment = step.step === 'held' && step.appointmentId === a && (await ownAppointment(turn, a));
      if (!appointment || step.step !== 'held') return false;
      await onConfirm(turn, appointment, step.list);
      return true;
    }
    case 'cancel':
    case 'move': {
      const appointment = turn.patient?.phone && (await ownAppointment(turn, a));
      if (!appointment) return false;
      await (kind === 'cancel' ? onCancel(turn, appointment) : onMove(turn, appointment));
      return true;
    }
    case 'rehab':
      return onRehabButton(turn, a);
    case 'rs':
      return step.step === 'rehab_symptoms' && onRestSymptoms(turn, step.check, a);
    case 'ru':
      return step.step === 'rehab_unwell' && onUnwell(turn, a);
    case 'rp':
      return step.step === 'rehab_pain' && onPain(turn, step.rpe, a);
    default:
      return false;
  }
}

/** The session at home's buttons: start from today's list, skip a check, done, unwell. */
async function onRehabButton(turn: Turn, action: string): Promise<boolean> {
  const { step } = turn.conversation;
  if (action === 'start' && step.step === 'rehab_today') askPressure(turn);
  else if (action === 'skip' && step.step === 'rehab_pressure') askNext(turn, 'pressure', {});
  else if (action === 'skip' && step.step === 'rehab_pulse') askNext(turn, 'pulse', step.check);
  else if (action === 'skip' && step.step === 'rehab_spo2') askNext(turn, 'spo2', step.check);
  else if (action === 'done' && step.step === 'rehab_session') askEffort(turn);
  else if (action === 'unwell' && step.step === 'rehab_session') askWhatIsWrong(turn);
  else return false;
  return true;
}

async function setLanguage(turn: Turn, language: BotLanguage): Promise<void> {
  turn.conversation.language = language;
  if (!turn.patient) return;
  turn.patient = { ...turn.patient, language };
  await rememberPatient(turn);
}

/** Says again what the current step waits for (after /lang, a stray message, an expired chat). */
async function prompt(turn: Turn): Promise<void> {
  const t = textsOf(turn);
  const { step } = turn.conversation;
  switch (step.step) {
    case 'idle':
      return turn.out.say(turn.patient?.phone ? t.idle : t.startFirst);
    case 'consent':
      return askConsent(turn);
    case 'contact':
      return askContact(turn);
    case 'coverage':
      return askCoverage(turn);
    case 'coverage_code':
      return onCoverageChoice(turn, 'code');
    case 'coverage_policy':
      return onCoverageChoice(turn, 'policy');
    case 'zone':
      return askZone(turn);
    case 'complaint':
      return turn.out.say(t.askComplaint);
    case 'age':
      return turn.out.say(t.askAge);
    case 'question':
      return askQuestion(turn, step.episode, step.question);
    case 'slots':
    case 'held':
      return showSlots(turn, step.list);
    case 'rehab_today':
    case 'rehab_session':
      return showToday(turn);
    case 'rehab_pressure':
      return askPressure(turn);
    case 'rehab_pulse':
      return askNext(turn, 'pressure', step.check);
    case 'rehab_spo2':
      return askNext(turn, 'pulse', step.check);
    case 'rehab_symptoms':
      return askNext(turn, 'spo2', step.check);
    case 'rehab_unwell':
      return askWhatIsWrong(turn);
    case 'rehab_effort':
      return turn.out.say(rehabTexts[languageOf(turn)].askEffort);
    case 'rehab_pain':
      return askPain(turn, step.rpe);
  }
}
